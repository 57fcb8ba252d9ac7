#!/usr/bin/env bash
# Event store benchmarks; prints figures, never fails on speed.
#  1. `dyad ingest` of the news corpus vs `dyad code` alone on the same file (median of RUNS; target ingest ≤ 2× code);
#  2. dedup of 1M synthetic mentions into events (target ≤ 30 s);
#  3. a dyad weekly timeline query over 1M events, p50/p95 of 200 random dyads (target p95 < 100 ms).
# The corpus is decompressed to a temporary file first (zstd -dc), so both commands read the same plain JSONL.
# Usage: bash bench/store.sh [CORPUS.jsonl.zst] [RUNS] [MENTIONS]
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpus/news.jsonl.zst}
runs=${2:-3}
mentions=${3:-1000000}
cargo build --release --quiet -p dyad -p dyad-store --examples --bins
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
zstd -dc "$corpus" > "$tmp/in.jsonl"
echo "corpus: $(wc -l < "$tmp/in.jsonl") documents"
median() { python3 -c "import statistics,sys; print(f'{statistics.median(float(l.split()[0]) for l in open(sys.argv[1])):.2f}')" "$1"; }
: > "$tmp/code"; : > "$tmp/ingest"
for _ in $(seq "$runs"); do
  /usr/bin/time -f "%e %U" -a -o "$tmp/code" target/release/dyad code --quiet "$tmp/in.jsonl" -o "$tmp/out.jsonl"
  rm -f "$tmp"/news.db*
  /usr/bin/time -f "%e %U" -a -o "$tmp/ingest" target/release/dyad ingest --quiet "$tmp/in.jsonl" --db "$tmp/news.db"
done
code=$(median "$tmp/code"); ingest=$(median "$tmp/ingest")
echo "dyad code:   median $code s wall over $runs runs ($(wc -l < "$tmp/out.jsonl") events)"
echo "dyad ingest: median $ingest s wall over $runs runs ($(du -m "$tmp/news.db" | cut -f1) MB store)"
python3 -c "import sys; print(f'ingest / code = {float(sys.argv[1]) / float(sys.argv[2]):.2f}x (target <= 2x)')" "$ingest" "$code"
/usr/bin/time -f "dedup process: %e s wall, %U s user, %S s sys" target/release/examples/store_bench dedup "$mentions" "$tmp/dedup.db"
rm -f "$tmp"/dedup.db*
/usr/bin/time -f "query process: %e s wall (including filling the store)" target/release/examples/store_bench query "$mentions" "$tmp/query.db"
echo "load average while measuring: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
