#!/usr/bin/env bash
# Targets and reports at scale (issue 6): times `targets` through coso against the hand-written SQL
# of bench/targets.sql through sqlite3 on the same database (alternating runs, medians), checks that
# both give the same figures, then times a few statistics tables and the annual HTML report.
#   bench/targets.sh [RUNS] [district|province|country]      (default 5 district)
# The province and country databases are the ones bench/scale.sh builds (kept in bench/.data).
# `targets` also computes each target's previous-year figures (for the change column), so the peer
# runs bench/targets.sql twice, at the date and at the end of the year before, and the two add up.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
scale="${2:-district}"
data=bench/.data
mkdir -p "$data"
make -s release >/dev/null
coso=.build/release/coso
db="$data/$scale.db"
if [ ! -f "$db" ]; then
    case "$scale" in
        district) "$coso" demo district --db "$db" --seed 1 >/dev/null ;;
        province|country) bench/scale.sh 1 "$scale" >/dev/null ;;
        *) echo "scale: district, province or country" >&2; exit 64 ;;
    esac
fi
# A database made by an older coso is upgraded (and backed up) once, outside the timings.
"$coso" --db "$db" -c 'orgs | count' >/dev/null
rm -f "$db".backup-*
read -r date year < <("$coso" --db "$db" --format csv -c 'targets | first | select measured_on, year' | tail -1 | tr -d '\r' | tr ',' ' ')
echo "$scale: figures as of $date ($year), $(sqlite3 "$db" 'select count(*) from members') members"
peer=(sqlite3 -csv -cmd ".parameter set @date \"'$date'\"" -cmd ".parameter set @year $year"
      -cmd ".parameter set @year_start \"'$year-01-01'\"" "$db" ".read bench/targets.sql")
previous=(sqlite3 -csv -cmd ".parameter set @date \"'$((year - 1))-12-31'\"" -cmd ".parameter set @year $((year - 1))"
      -cmd ".parameter set @year_start \"'$((year - 1))-01-01'\"" "$db" ".read bench/targets.sql")
diff <("$coso" --db "$db" --format csv -c 'targets | where numerator != null | select code, numerator, denominator' | tail -n +2 | tr -d '\r') \
     <("${peer[@]}" | tr -d '\r') && echo "same figures as the hand-written SQL"
python3 - "$runs" "$coso" "$db" "${#peer[@]}" "${peer[@]}" "${previous[@]}" <<'PY'
import statistics, subprocess, sys, time
runs, coso, db, n = int(sys.argv[1]), sys.argv[2], sys.argv[3], int(sys.argv[4])
peer, previous = sys.argv[5:5 + n], sys.argv[5 + n:]
def timed(argv):
    t = time.perf_counter(); subprocess.run(argv, stdout=subprocess.DEVNULL, check=True); return time.perf_counter() - t
c, s = [], []
for _ in range(runs):
    c.append(timed([coso, "--db", db, "-c", "targets | select code, numerator, denominator"]))
    s.append(timed(peer) + timed(previous))
mc, ms = statistics.median(c), statistics.median(s)
print(f"targets: coso {mc*1000:.0f} ms, sqlite3 (this year and the last) {ms*1000:.0f} ms, ratio {mc/ms:.2f} (median of {runs})")
PY
for s in theory age ratings; do
    /usr/bin/time -f "stats $s: %e s" "$coso" --db "$db" -c "stats $s" 2>&1 >/dev/null
done
/usr/bin/time -f "report annual --html: %e s, peak %M KB" "$coso" report annual --db "$db" --html "$data/report.html" 2>&1 | grep -v "^Đã ghi"
echo "report: $(du -h "$data/report.html" | cut -f1)"
