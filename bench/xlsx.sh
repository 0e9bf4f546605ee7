#!/usr/bin/env bash
# Excel workbooks against CSV (issue 23): `members | save` and `coso import members` of the same
# 100,000 members (default) through .xlsx and through .csv, in the same run; checks that the
# workbook imports back to the same rows.
#   bench/xlsx.sh [ROWS]
set -euo pipefail
cd "$(dirname "$0")/.."
rows="${1:-100000}"
data=bench/.data/xlsx
mkdir -p "$data"
make -s release >/dev/null
coso=.build/release/coso
rm -f "$data"/*.db "$data"/*.db-* "$data"/*.xlsx "$data"/*.csv
"$coso" demo district --db "$data/demo.db" --seed 1 >/dev/null
"$coso" --db "$data/demo.db" -c 'orgs | sort id | save "'"$data"'/orgs.csv"' >/dev/null
python3 bench/make_members_csv.py "$data/orgs.csv" "$rows" "$data/generated.csv"
"$coso" import orgs "$data/orgs.csv" --db "$data/base.db" --create >/dev/null
cp "$data/base.db" "$data/source.db"
"$coso" import members "$data/generated.csv" --db "$data/source.db" >/dev/null
cp "$data/base.db" "$data/from-csv.db"
cp "$data/base.db" "$data/from-xlsx.db"

timed() { /usr/bin/time -f "%e s, peak %M KB" "$@" 2>&1 >/dev/null | tail -1; }
echo "members: $rows"
echo "save .csv:    $(timed "$coso" --db "$data/source.db" -c 'members | sort id | save "'"$data"'/members.csv"')"
echo "save .xlsx:   $(timed "$coso" --db "$data/source.db" -c 'members | sort id | save "'"$data"'/members.xlsx"')"
echo "files: csv $(du -k "$data/members.csv" | cut -f1) KB, xlsx $(du -k "$data/members.xlsx" | cut -f1) KB"
echo "import .csv:  $(timed "$coso" import members "$data/members.csv" --db "$data/from-csv.db")"
echo "import .xlsx: $(timed "$coso" import members "$data/members.xlsx" --db "$data/from-xlsx.db")"
"$coso" --db "$data/from-csv.db" -c 'members | sort id | save "'"$data"'/back-csv.csv"' >/dev/null
"$coso" --db "$data/from-xlsx.db" -c 'members | sort id | save "'"$data"'/back-xlsx.csv"' >/dev/null
cmp "$data/members.csv" "$data/back-xlsx.csv" && cmp "$data/back-csv.csv" "$data/back-xlsx.csv" && echo "the workbook imports back to the same rows"
