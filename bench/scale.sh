#!/usr/bin/env bash
# Scale benchmark (issue 5): builds the province demo, then times the ten representative queries of
# bench/scale-queries.txt through `coso -c` against their hand-written SQL through sqlite3, and
# measures the peak memory of exporting every member to CSV.
#   bench/scale.sh [RUNS]      (default 5)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
data=bench/.data
mkdir -p "$data"
swift build -c release --product coso --static-swift-stdlib >/dev/null
coso=.build/release/coso
if [ ! -f "$data/province.db" ]; then
    /usr/bin/time -f "generation: %e s, peak %M KB" "$coso" demo province --db "$data/province.tmp.db" --seed 1
    sqlite3 "$data/province.tmp.db" "ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);"
    mv "$data/province.tmp.db" "$data/province.db"
fi
COSO_QUERIES=bench/scale-queries.txt python3 bench/compare.py "$coso" "$runs" "$data/province.db"
rm -f "$data/export.csv"
/usr/bin/time -f "export of every member: %e s, peak %M KB" "$coso" --db "$data/province.db" -c "members | save \"$data/export.csv\""
echo "export: $(wc -l < "$data/export.csv") lines, $(du -h "$data/export.csv" | cut -f1)"
