#!/usr/bin/env bash
# Generation benchmark (issue 5 (b)): builds the demo at each scale from nothing and prints the
# time, the members per second and the peak memory. The country needs about 6.5 GB of free disk.
#   bench/generate.sh [district province country ...]      (default: all three)
set -euo pipefail
cd "$(dirname "$0")/.."
scales=("$@")
[ ${#scales[@]} -eq 0 ] && scales=(district province country)
data=${BENCH_DATA:-bench/.data/generate}
mkdir -p "$data"
# COSO_BIN: another build to measure (bench/before-after.sh), else this checkout's release build.
if [ -n "${COSO_BIN:-}" ]; then coso=$COSO_BIN; else make -s release >/dev/null; coso=.build/release/coso; fi
printf '| scale | organisations | members | seconds | members/s | peak memory |\n| --- | ---: | ---: | ---: | ---: | ---: |\n'
for scale in "${scales[@]}"; do
    rm -f "$data/$scale.db" "$data/$scale.db"-* "$data/$scale.db.partial"
    start=$(date +%s.%N)
    /usr/bin/time -o "$data/time" -f "%M" "$coso" demo "$scale" --db "$data/$scale.db" > /dev/null
    seconds=$(echo "$(date +%s.%N) - $start" | bc)
    members=$(sqlite3 "$data/$scale.db" "SELECT count(*) FROM members")
    orgs=$(sqlite3 "$data/$scale.db" "SELECT count(*) FROM orgs")
    printf '| %s | %s | %s | %.1f | %.0f | %s MB |\n' "$scale" "$orgs" "$members" "$seconds" \
        "$(echo "$members / $seconds" | bc -l)" "$(( $(cat "$data/time") / 1024 ))"
    rm -f "$data/$scale.db" "$data/$scale.db"-*
done
