#!/usr/bin/env bash
# Crash trials and a concurrency run, on real processes and files:
#   bench/crash.sh [TRIALS]     (default 30 of each kind)
# 1. `kill -9` at a random moment during an import of 20,000 members, a demo build and an atomic
#    script of 200 corrections; after each: SQLite's integrity check, `coso verify` (the audit chain
#    and every row against it), and all or nothing (the import's rows all there or none; the script's
#    200 entries all there or none; the demo's file either complete or never renamed into place).
# 2. Two writers (200 audited corrections each) and four readers at once on one register: every
#    write lands, every read answers, and `coso verify` is clean after.
set -euo pipefail
cd "$(dirname "$0")/.."
trials="${1:-30}"
make -s release >/dev/null
coso=$PWD/.build/release/coso
data=${BENCH_DATA:-bench/.data/crash}
rm -rf "$data"; mkdir -p "$data"
"$coso" demo district --db "$data/base.db" --seed 1 >/dev/null
"$coso" --db "$data/base.db" -c 'orgs | sort id | save "'"$data"'/orgs.csv"' >/dev/null
python3 bench/make_members_csv.py "$data/orgs.csv" 20000 "$data/members.csv" >/dev/null
for i in $(seq 1 200); do echo "orgs | where id == $((i % 50 + 1)) | update unit_code: \"c$i\" reason: \"thử $i\""; done > "$data/script.coso"

count() { sqlite3 "$1" "$2"; }
ok=0; bad=0
check() {  # db, what, expected counts (either)
    local db=$1 what=$2; shift 2
    local integrity; integrity=$(sqlite3 "$db" "pragma integrity_check")
    local got; got=$(count "$db" "$what")
    local verified=0; "$coso" verify --db "$db" >/dev/null 2>&1 || verified=$?
    local allornothing=no; for e in "$@"; do [ "$got" = "$e" ] && allornothing=yes; done
    if [ "$integrity" = ok ] && [ "$verified" = 0 ] && [ "$allornothing" = yes ]; then ok=$((ok + 1)); else
        bad=$((bad + 1)); echo "FAILED: $db integrity=$integrity verify=$verified $what=$got (expected one of $*)"; fi
}
members=$(count "$data/base.db" "select count(*) from members")
audits=$(count "$data/base.db" "select count(*) from audit")
start=$(date +%s)
for t in $(seq 1 "$trials"); do
    delay=$(python3 -c "import random; print(round(random.uniform(0.05, 3.0), 2))")
    # An import.
    cp "$data/base.db" "$data/import.db"
    "$coso" import members "$data/members.csv" --db "$data/import.db" >/dev/null 2>&1 & pid=$!
    sleep "$delay"; kill -9 $pid 2>/dev/null || true; wait $pid 2>/dev/null || true
    check "$data/import.db" "select count(*) from members" "$members" "$((members + 20000))"
    # An atomic script.
    cp "$data/base.db" "$data/script.db"
    "$coso" run "$data/script.coso" --db "$data/script.db" --atomic >/dev/null 2>&1 & pid=$!
    sleep "$(python3 -c "print($delay / 3)")"; kill -9 $pid 2>/dev/null || true; wait $pid 2>/dev/null || true
    check "$data/script.db" "select count(*) from audit" "$audits" "$((audits + 200))"
    # A demo build (one transaction: the register holds all of it or none).
    rm -f "$data/demo.db" "$data/demo.db"-* "$data/demo.db.partial"*
    "$coso" demo district --db "$data/demo.db" >/dev/null 2>&1 & pid=$!
    sleep "$(python3 -c "print($delay / 4)")"; kill -9 $pid 2>/dev/null || true; wait $pid 2>/dev/null || true
    if [ -f "$data/demo.db" ]; then check "$data/demo.db" "select count(*) from members" "0" "4237"; else ok=$((ok + 1)); fi
done
echo "crash trials: $((trials * 3)) kills ($trials imports, $trials atomic scripts, $trials demo builds): $ok whole, $bad not, $(( $(date +%s) - start )) s"

# Two writers and four readers.
cp "$data/base.db" "$data/shared.db"
# (Values of their own: a correction that changes nothing writes no entry.)
for w in 1 2; do sed "s/thử/người $w thử/; s/unit_code: \"c/unit_code: \"w$w-c/" "$data/script.coso" > "$data/writer$w.coso"; done
start=$(date +%s.%N)
pids=()
for w in 1 2; do "$coso" run "$data/writer$w.coso" --db "$data/shared.db" --user "w$w" > "$data/writer$w.out" 2>&1 & pids+=($!); done
readers=()
for r in 1 2 3 4; do
    ( n=0; while kill -0 "${pids[0]}" 2>/dev/null || kill -0 "${pids[1]}" 2>/dev/null; do
        "$coso" --db "$data/shared.db" -c 'members | where on_roll | count' >/dev/null || exit 1; n=$((n + 1)); done; echo "$n" > "$data/reader$r.n" ) &
    readers+=($!)
done
failed=0
for p in "${pids[@]}"; do wait "$p" || failed=$((failed + 1)); done
for p in "${readers[@]}"; do wait "$p" || failed=$((failed + 1)); done
elapsed=$(echo "$(date +%s.%N) - $start" | bc)
written=$(count "$data/shared.db" "select count(*) from audit where user in ('w1', 'w2')")
reads=$(cat "$data"/reader*.n | paste -sd+ | bc)
verified=0; "$coso" verify --db "$data/shared.db" >/dev/null 2>&1 || verified=$?
echo "two writers, four readers: $written of 400 writes, $reads reads, $failed failed processes, verify exit $verified, $(printf %.1f "$elapsed") s"
[ "$bad" = 0 ] && [ "$failed" = 0 ] && [ "$written" = 400 ] && [ "$verified" = 0 ]
