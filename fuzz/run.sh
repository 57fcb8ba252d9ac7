#!/usr/bin/env bash
# Runs every fuzz target in turn for SECONDS each (default 600), one at a time, at low priority.
# Crashes are kept in fuzz/artifacts/TARGET/ and fuzzing goes on (-fork=1 -ignore_crashes=1).
# Seeds: fuzz/regressions/ and the reader fixtures; the growing corpus stays in fuzz/corpus/ (not committed).
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-600}"
shift || true
targets=("${@:-text jsonl html feed warc compressed}")
for target in ${targets[*]}; do
    mkdir -p "corpus/$target" "artifacts/$target"
    echo "== $target ($seconds s)"
    nice -n 10 cargo fuzz run "$target" -s none "corpus/$target" regressions -- \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -fork=1 -ignore_crashes=1 \
        -artifact_prefix="artifacts/$target/" 2>&1 | tee "fuzz-$target.log" | grep -E "^#[0-9]+.*(DONE|pulse)|stat::|CRASH|crash-|deadly" || true
done
