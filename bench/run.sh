#!/usr/bin/env bash
# Query benchmark: every golden query of bench/queries.txt through `coso -c` (release build)
# against its hand-written SQL through the stock sqlite3 shell, whole process, same database,
# alternating runs; prints medians and ratios, on the demo district and on ~1M members.
#   bench/run.sh [RUNS]        (default 7 runs per query and tool)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-7}"
data=${BENCH_DATA:-bench/.data}
mkdir -p "$data"

# The release binary links the Swift runtime statically (as `make release` does): it starts in about
# half the time of a dynamically linked one, which is most of the cost of a small query.
# COSO_BIN: another build to measure (bench/before-after.sh), else this checkout's release build.
if [ -n "${COSO_BIN:-}" ]; then coso=$COSO_BIN; else make -s release >/dev/null; coso=.build/release/coso; fi

if [ ! -f "$data/demo.db" ]; then
    "$coso" demo district --db "$data/demo.db" --seed 1 >/dev/null
fi
if [ ! -f "$data/million.db" ]; then
    # About a million members: the demo's members doubled eight times by plain SQL (4,468 x 256).
    cp "$data/demo.db" "$data/million.tmp.db"
    cols="name, name_folded, name_sort, gender, born, ethnicity, religion, national_id, card_no, occupation, education, qualification, theory, status, org_id, admitted, confirmed, exempted, exemption_reason, ended, removal_reason"
    for _ in 1 2 3 4 5 6 7 8; do
        sqlite3 "$data/million.tmp.db" "INSERT INTO members ($cols) SELECT $cols FROM members;"
    done
    sqlite3 "$data/million.tmp.db" "ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);"
    mv "$data/million.tmp.db" "$data/million.db"
fi

python3 bench/compare.py "$coso" "$runs" "$data/demo.db" "$data/million.db"
