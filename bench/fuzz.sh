#!/usr/bin/env bash
# Fuzzing the lexer, parser and planner (Fuzz/coso-fuzz) with libFuzzer,
# seeded with every statement the project shows (bench/fuzz-corpus.py):
#   bench/fuzz.sh RUNS        (e.g. 20000 in make test; 10000000 for the record in bench/RESULTS.md)
# Prints libFuzzer's final statistics; exits non-zero on a crash, a hang or a sanitizer report, whose
# input is left in .build/fuzz-artifacts/.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-20000}"
# FUZZ_MAX_LEN bounds an input (4,096 bytes by default; long runs go faster with 1,024: the corpus's
# statements are all shorter, and the parser's limits are reached by repetition well within it).
max_len="${FUZZ_MAX_LEN:-4096}"
# FUZZ_SANITIZE=fuzzer,address adds AddressSanitizer (4x slower: 1,800 runs/s; the Swift code is
# memory-safe, so the long runs go without it). lld: gold fails to link an address-sanitized build.
sanitize="${FUZZ_SANITIZE:-fuzzer}"
scratch=.build/fuzz-${sanitize//,/-}
COSO_FUZZ=1 swift build --scratch-path "$scratch" -c release -Xswiftc -sanitize="$sanitize" -Xswiftc -use-ld=lld --product coso-fuzz >/dev/null
corpus=.build/fuzz-corpus
mkdir -p "$corpus" .build/fuzz-artifacts
python3 bench/fuzz-corpus.py "$corpus" .build/fuzz-dict.txt
SWIFT_BACKTRACE=enable=no "$scratch/release/coso-fuzz" "$corpus" -dict=.build/fuzz-dict.txt -runs="$runs" \
    -max_len="$max_len" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix=.build/fuzz-artifacts/ 2>&1 \
    | grep -E "^(stat::|Done|INFO: seed corpus|==[0-9]+==ERROR|SUMMARY|Test unit written)" || true
# libFuzzer's exit status is lost to the filter: a finding leaves a file behind.
if compgen -G ".build/fuzz-artifacts/*" >/dev/null; then
    echo "fuzz: a crash, a hang or a sanitizer report: see .build/fuzz-artifacts/" >&2
    exit 1
fi
