#!/usr/bin/env bash
# Before and after, in the same run: builds REV (a commit, default the parent of HEAD) in a worktree
# beside this checkout, then runs the import, generation and query benchmarks with its release build
# and with this checkout's, one after the other, each in its own data folder (a register made by one
# build is never opened by the other). Prints each benchmark's tables under "before" and "after".
#   bench/before-after.sh [REV] [--rows N] [--scales "district province"] [--runs R] [--skip import,generate,queries]
set -euo pipefail
cd "$(dirname "$0")/.."
rev=HEAD~1
rows=1000000
scales="district province"
runs=7
skip=""
while [ $# -gt 0 ]; do
    case "$1" in
        --rows) rows=$2; shift 2 ;;
        --scales) scales=$2; shift 2 ;;
        --runs) runs=$2; shift 2 ;;
        --skip) skip=$2; shift 2 ;;
        *) rev=$1; shift ;;
    esac
done

root=$(pwd)
data=$root/bench/.data/before-after
tree=$data/tree
mkdir -p "$data"
commit=$(git rev-parse --verify "$rev^{commit}")
if [ "$(git -C "$tree" rev-parse HEAD 2>/dev/null || true)" != "$commit" ]; then
    git worktree remove --force "$tree" 2>/dev/null || rm -rf "$tree"
    git worktree add --detach "$tree" "$commit" >/dev/null
fi
echo "building $rev ($commit) in $tree" >&2
make -s -C "$tree" release >/dev/null
make -s release >/dev/null
cp "$tree/.build/release/coso" "$data/coso-before"
cp .build/release/coso "$data/coso-after"

echo "# $(date +%F)  $(nproc) cores  before: $(git log -1 --format='%h %s' "$commit" | cut -c1-60)  after: $(git log -1 --format=%h) + working tree"
for bench in import generate queries; do
    case ",$skip," in *",$bench,"*) continue ;; esac
    for side in before after; do
        echo
        echo "## $bench, $side"
        echo
        export COSO_BIN=$data/coso-$side BENCH_DATA=$data/$bench-$side
        mkdir -p "$BENCH_DATA"
        case $bench in
            import) bench/import.sh "$rows" ;;
            # shellcheck disable=SC2086
            generate) bench/generate.sh $scales ;;
            queries) bench/run.sh "$runs" ;;
        esac
    done
done
