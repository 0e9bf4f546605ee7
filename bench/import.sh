#!/usr/bin/env bash
# Import benchmark: `coso import members FILE.csv` (every row checked, all or nothing, audited)
# against `sqlite3 .import` of the same CSV into a plain table, on the demo's organisations.
#   bench/import.sh [ROWS]      (default 100000)
set -euo pipefail
cd "$(dirname "$0")/.."
rows="${1:-100000}"
data=bench/.data/import
mkdir -p "$data"
swift build -c release --product coso --static-swift-stdlib >/dev/null
coso=.build/release/coso
rm -f "$data"/*.db "$data"/*.db-*
"$coso" demo district --db "$data/demo.db" --seed 1 >/dev/null
"$coso" --db "$data/demo.db" -c 'orgs | sort id | save "'"$data"'/orgs.csv"' >/dev/null
python3 bench/make_members_csv.py "$data/orgs.csv" "$rows" "$data/members.csv"
"$coso" import orgs "$data/orgs.csv" --db "$data/coso.db" >/dev/null

start=$(date +%s.%N)
"$coso" import members "$data/members.csv" --db "$data/coso.db" >/dev/null
coso_s=$(echo "$(date +%s.%N) - $start" | bc)

start=$(date +%s.%N)
sqlite3 "$data/plain.db" "CREATE TABLE members(name TEXT, gender TEXT, born TEXT, ethnicity TEXT, national_id TEXT, org TEXT,
    admitted TEXT, confirmed TEXT, theory TEXT, card_no TEXT);" ".import --csv --skip 1 $data/members.csv members"
sqlite_s=$(echo "$(date +%s.%N) - $start" | bc)

printf '| rows | coso import s | rows/s | sqlite3 .import s | ratio |\n| ---: | ---: | ---: | ---: | ---: |\n'
printf '| %s | %.2f | %.0f | %.2f | %.1f |\n' "$rows" "$coso_s" "$(echo "$rows / $coso_s" | bc -l)" "$sqlite_s" "$(echo "$coso_s / $sqlite_s" | bc -l)"
