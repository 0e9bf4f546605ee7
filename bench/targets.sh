#!/usr/bin/env bash
# Targets and reports at scale (issue 6): times `targets` through coso against the hand-written SQL
# of bench/targets.sql through sqlite3 on the same database (alternating runs, medians), checks that
# both give the same figures, then times a few statistics tables and the annual HTML report.
#   bench/targets.sh [RUNS] [district|province|country]      (default 5 district)
# The province and country databases are the ones bench/scale.sh builds (kept in bench/.data).
# `targets` selecting only this year's figures is timed against bench/targets.sql at the date; the whole
# table (with last year's figures, for the change column) against it run twice, at the date and at the
# end of the year before.
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
# The year measured: the latest with members' ratings (each target may have its own latest year; the
# peer measures all at one date).
read -r date year < <("$coso" --db "$db" --format csv -c 'target T5b | select measured_on, year' | tail -1 | tr -d '\r' | tr ',' ' ')
echo "$scale: figures as of $date ($year), $(sqlite3 "$db" 'select count(*) from members') members"
peer=(sqlite3 -csv -cmd ".parameter set @date \"'$date'\"" -cmd ".parameter set @year $year"
      -cmd ".parameter set @year_start \"'$year-01-01'\"" "$db" ".read bench/targets.sql")
previous=(sqlite3 -csv -cmd ".parameter set @date \"'$((year - 1))-12-31'\"" -cmd ".parameter set @year $((year - 1))"
      -cmd ".parameter set @year_start \"'$((year - 1))-01-01'\"" "$db" ".read bench/targets.sql")
# Targets without records of the year have no figure in coso (the peer counts 0): compared are those with one.
"$coso" --db "$db" --format csv -c "targets $year | where numerator != null | select code, numerator, denominator" | tail -n +2 | tr -d '\r' > "$data/figures.csv"
diff "$data/figures.csv" <("${peer[@]}" | tr -d '\r' | grep -f <(cut -d, -f1 "$data/figures.csv" | sed 's/^/^/; s/$/,/')) \
    && echo "same figures as the hand-written SQL ($(wc -l < "$data/figures.csv") targets)"
python3 - "$runs" "$coso" "$db" "$year" "${#peer[@]}" "${peer[@]}" "${previous[@]}" <<'PY'
import statistics, subprocess, sys, time
runs, coso, db, year, n = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
peer, previous = sys.argv[6:6 + n], sys.argv[6 + n:]
def timed(argv):
    t = time.perf_counter(); subprocess.run(argv, stdout=subprocess.DEVNULL, check=True); return time.perf_counter() - t
c, s, full, both = [], [], [], []
for _ in range(runs):
    c.append(timed([coso, "--db", db, "-c", f"targets {year} | select code, numerator, denominator"]))
    s.append(timed(peer))
    full.append(timed([coso, "--db", db, "-c", f"targets {year}"]))
    both.append(s[-1] + timed(previous))
mc, ms = statistics.median(c), statistics.median(s)
mf, mb = statistics.median(full), statistics.median(both)
print(f"targets | select code, numerator, denominator: coso {mc*1000:.0f} ms, sqlite3 (the year) {ms*1000:.0f} ms, ratio {mc/ms:.2f} (median of {runs})")
print(f"targets (with last year's figures and the change): coso {mf*1000:.0f} ms, sqlite3 (this year and the last) {mb*1000:.0f} ms, ratio {mf/mb:.2f}")
PY
for s in theory age ratings; do
    /usr/bin/time -f "stats $s $year: %e s" "$coso" --db "$db" -c "stats $s $year" 2>&1 >/dev/null
done
/usr/bin/time -f "report annual --html: %e s, peak %M KB" "$coso" report annual "$year" --db "$db" --html "$data/report.html" 2>&1 | grep -v "^Đã ghi"
echo "report: $(du -h "$data/report.html" | cut -f1)"
