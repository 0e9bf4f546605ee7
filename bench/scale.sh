#!/usr/bin/env bash
# Scale benchmark (issue 5): builds the province or the country demo (once; kept in bench/.data),
# then times the ten representative queries of bench/scale-queries.txt through `coso -c` against
# their hand-written SQL through sqlite3, measures the peak memory of exporting every member to
# CSV, and times the data check over everything.
#   bench/scale.sh [RUNS] [province|country]      (default 5 province)
# The country database takes about 6.5 GB of disk and two and a half minutes to build.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
scale="${2:-province}"
data=bench/.data
mkdir -p "$data"
make -s release >/dev/null
coso=.build/release/coso
db="$data/$scale.db"
if [ ! -f "$db" ]; then
    case "$scale" in
        province)
            /usr/bin/time -f "generation: %e s, peak %M KB" "$coso" demo province --db "$data/province.tmp.db" --seed 1
            sqlite3 "$data/province.tmp.db" "ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);"
            mv "$data/province.tmp.db" "$db" ;;
        country)
            # Built into country.db.partial and renamed when complete; ANALYZEd by the generator.
            /usr/bin/time -f "generation: %e s, peak %M KB" "$coso" demo country --db "$db" --seed 1 ;;
        *) echo "scale: province or country" >&2; exit 64 ;;
    esac
fi
COSO_QUERIES=bench/scale-queries.txt python3 bench/compare.py "$coso" "$runs" "$db"
rm -f "$data/export.csv"
/usr/bin/time -f "export of every member: %e s, peak %M KB" "$coso" --db "$db" -c "members | save \"$data/export.csv\""
echo "export: $(wc -l < "$data/export.csv") lines, $(du -h "$data/export.csv" | cut -f1)"
rm -f "$data/export.csv"
/usr/bin/time -f "check at the plan's date: %e s, peak %M KB" "$coso" --db "$db" -c "check asof @2022-12-22 | count"
