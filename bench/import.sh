#!/usr/bin/env bash
# Import benchmark: `coso import members FILE.csv` (every row checked, all or nothing, audited, with
# each member's history) against two sqlite3 peers loading the same CSV, measured in the same run:
#   plain   `sqlite3 .import` into a plain ten-column table (no types, checks or indexes);
#   schema  what someone would do by hand with the sqlite3 shell to load the file into coso's own
#           tables: `.import` into a staging table, then INSERT ... SELECT converting the labels and
#           dates into `members` and its two history events into `member_events`, in one
#           transaction, with coso's CHECK constraints, foreign keys and indexes (no validation
#           beyond them, no NFC, no folding: its folded column is only lower()).
# Both start from the same database: the demo's organisations imported by coso.
#   bench/import.sh [ROWS]      (default 1000000, the size issue 5 names; 100000 is quicker)
set -euo pipefail
cd "$(dirname "$0")/.."
rows="${1:-1000000}"
data=${BENCH_DATA:-bench/.data/import}
mkdir -p "$data"
# COSO_BIN: another build to measure (bench/before-after.sh), else this checkout's release build.
if [ -n "${COSO_BIN:-}" ]; then coso=$COSO_BIN; else make -s release >/dev/null; coso=.build/release/coso; fi
rm -f "$data"/*.db "$data"/*.db-*
"$coso" demo district --db "$data/demo.db" --seed 1 >/dev/null
"$coso" --db "$data/demo.db" -c 'orgs | sort id | save "'"$data"'/orgs.csv"' >/dev/null
python3 bench/make_members_csv.py "$data/orgs.csv" "$rows" "$data/members.csv"
# (A register is made only where asked: `--create`, which builds before issue 21 do not know.)
create=$("$coso" import --help 2>&1 | grep -q -- --create && echo --create || true)
"$coso" import orgs "$data/orgs.csv" --db "$data/base.db" $create >/dev/null
cp "$data/base.db" "$data/coso.db"
cp "$data/base.db" "$data/schema.db"

seconds() { local start=$(date +%s.%N); "$@" >/dev/null; echo "$(date +%s.%N) - $start" | bc; }

coso_s=$(seconds "$coso" import members "$data/members.csv" --db "$data/coso.db")

plain_s=$(seconds sqlite3 "$data/plain.db" "CREATE TABLE members(name TEXT, gender TEXT, born TEXT, ethnicity TEXT, national_id TEXT,
    org TEXT, admitted TEXT, confirmed TEXT, theory TEXT, card_no TEXT);" ".import --csv --skip 1 $data/members.csv members")

schema_s=$(seconds sqlite3 "$data/schema.db" "PRAGMA foreign_keys = ON; PRAGMA cache_size = -65536;" \
    "CREATE TEMP TABLE staging(name TEXT, gender TEXT, born TEXT, ethnicity TEXT, national_id TEXT, org TEXT,
        admitted TEXT, confirmed TEXT, theory TEXT, card_no TEXT);" \
    ".import --csv --skip 1 $data/members.csv staging" \
    "BEGIN;
    INSERT INTO members (name, name_folded, name_sort, gender, born, ethnicity, national_id, card_no, theory, status,
                         org_id, admitted, confirmed)
    SELECT name, lower(name), name, CASE gender WHEN 'Nam' THEN 'male' ELSE 'female' END,
           substr(born, 7, 4) || '-' || substr(born, 4, 2) || '-' || substr(born, 1, 2), lower(ethnicity),
           national_id, card_no,
           CASE theory WHEN 'sơ cấp' THEN 'elementary' WHEN 'trung cấp' THEN 'intermediate'
                       WHEN 'cao cấp' THEN 'advanced' END,
           CASE WHEN confirmed <> '' THEN 'official' ELSE 'probationary' END,
           CAST(org AS INTEGER), nullif(admitted, ''), nullif(confirmed, '')
    FROM staging;
    INSERT INTO member_events (member_id, kind, happened, org_id, status, note)
    SELECT id, 'admitted', admitted, org_id, 'probationary', 'nhập từ tệp' FROM members WHERE admitted IS NOT NULL;
    INSERT INTO member_events (member_id, kind, happened, status)
    SELECT id, 'confirmed', confirmed, 'official' FROM members WHERE confirmed IS NOT NULL;
    COMMIT;")

# The same rows either way.
for db in coso schema; do
    echo "$db: $(sqlite3 "$data/$db.db" 'SELECT count(*) FROM members; SELECT count(*) FROM member_events;' | tr '\n' ' ')" >&2
done

printf '| rows | coso import s | rows/s | sqlite3 .import, plain table s | ratio | sqlite3 into coso'"'"'s schema s | ratio |\n'
printf '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n'
printf '| %s | %.2f | %.0f | %.2f | %.1f | %.2f | %.2f |\n' "$rows" "$coso_s" "$(echo "$rows / $coso_s" | bc -l)" \
    "$plain_s" "$(echo "$coso_s / $plain_s" | bc -l)" "$schema_s" "$(echo "$coso_s / $schema_s" | bc -l)"
