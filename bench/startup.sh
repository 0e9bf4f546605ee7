#!/usr/bin/env bash
# Start-up of a trivial query: `coso -c 'orgs | count'` against `sqlite3 DB 'select count(*) from
# orgs'`, whole process, alternating, and the floors beneath both: the sqlite3 shell with a query
# that needs no schema, and a Swift program that only starts, uses Foundation and prints a line
# (bench/startup-floor, linked like coso). Prints medians in ms and ratios to the sqlite3 query.
#   bench/startup.sh [RUNS]     (default 200 runs per program)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-200}"
data=bench/.data
mkdir -p "$data"
make -s release >/dev/null
make -s release-floor >/dev/null
coso=.build/release/coso
floor=bench/startup-floor/.build/release/floor
[ -f "$data/demo.db" ] || "$coso" demo district --db "$data/demo.db" --seed 1 >/dev/null
db="$data/demo.db"

python3 - "$runs" "$coso" "$floor" "$db" <<'PY'
import statistics, subprocess, sys, time
runs, coso, floor, db = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
programs = [
    ("sqlite3, select count(*) from orgs", ["sqlite3", db, "select count(*) from orgs"]),
    ("coso -c 'orgs | count'", [coso, "--db", db, "-c", "orgs | count"]),
    ("sqlite3, select 1 (no schema read)", ["sqlite3", db, "select 1"]),
    ("Swift + Foundation, nothing else (floor)", [floor]),
]
times = {name: [] for name, _ in programs}
for _ in range(runs):  # alternate so that noise hits every program alike
    for name, argv in programs:
        start = time.perf_counter()
        subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        times[name].append(time.perf_counter() - start)
base = statistics.median(times[programs[0][0]])
print("| program | median ms | ratio to sqlite3 |")
print("| --- | ---: | ---: |")
for name, _ in programs:
    m = statistics.median(times[name])
    print(f"| {name} | {m * 1000:.2f} | {m / base:.2f} |")
PY
