#!/usr/bin/env bash
# Makes Tests/Fixtures/register-before-declarations.sql.gz: a register made by the last release
# whose tables were written by hand (commit 334546f), for the test that an older register upgrades
# to exactly the schema a new one gets, its rows intact. The demo district, a row added to every
# table the demo leaves empty, then trimmed to its first 300 members (and what refers to them) so
# that the dump stays small.
#   scripts/make-upgrade-fixture.sh PATH-TO-THAT-RELEASE'S-coso
set -euo pipefail
coso="$1"
out="$(cd "$(dirname "$0")/.." && pwd)/Tests/Fixtures/register-before-declarations.sql.gz"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db="$work/register.db"
"$coso" demo district --db "$db" --seed 1 >/dev/null
"$coso" --db "$db" --user fixture -c '
setting "R25.years" value: "3"
fee 5 month: @2025-12-01 amount: 30000 channel: cash
members | where id == 5 | rate 2025 quarter: 1 level: good
attend 1 member: 5 essay: true
target add X1 title: "Chi bộ thôn có chi ủy" counted: "orgs | where kind == village_cell and has_committee" of: "orgs | where kind == village_cell" goal: more_than value: 65 deadline: "2030" by: "parent"
' >/dev/null
sqlite3 "$db" "
PRAGMA foreign_keys = OFF;
DELETE FROM members WHERE id > 300;
DELETE FROM member_events WHERE member_id > 300;
UPDATE member_events SET introducer1_id = NULL WHERE introducer1_id > 300;
UPDATE member_events SET introducer2_id = NULL WHERE introducer2_id > 300;
DELETE FROM ratings WHERE member_id > 300 OR id > 600;
DELETE FROM positions WHERE member_id > 300;
DELETE FROM quarter_ratings WHERE member_id > 300;
DELETE FROM residence_comments WHERE member_id > 300;
DELETE FROM commitments WHERE member_id > 300;
DELETE FROM fees WHERE member_id > 300;
DELETE FROM awards WHERE member_id > 300;
DELETE FROM trainings WHERE member_id > 300;
DELETE FROM attendance WHERE member_id > 300;
DELETE FROM exemplars WHERE member_id > 300;
DELETE FROM inspections WHERE subject_member_id > 300;
DELETE FROM disciplines WHERE subject_member_id > 300;
UPDATE candidates SET member_id = NULL WHERE member_id > 300;
DELETE FROM meetings WHERE id > 300;
DELETE FROM org_ratings WHERE id > 300;
VACUUM;"
[ "$(sqlite3 "$db" 'PRAGMA foreign_key_check')" = "" ] || { echo "broken references" >&2; exit 1; }
sqlite3 "$db" .dump | gzip -9n > "$out"
echo "wrote $out ($(wc -c < "$out") bytes)"
