#!/usr/bin/env bash
# Throughput of `dyad code` on the shared news corpus: median wall time over RUNS runs,
# documents/s, MB/s and peak RSS, for each thread count. Prints figures; never fails on speed.
# Usage: bash bench/throughput.sh [CORPUS.jsonl.zst] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpus/news.jsonl.zst}
runs=${2:-5}
cargo build --release --quiet
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
zstd -dc "$corpus" > "$tmp/in.jsonl"
docs=$(wc -l < "$tmp/in.jsonl")
mb=$(python3 -c "import sys,json; print(sum(len(json.loads(l)['text'].encode()) for l in open(sys.argv[1]))/1e6)" "$tmp/in.jsonl")
echo "corpus: $docs documents, $mb MB of text"
for threads in 1 $(nproc); do
  : > "$tmp/times"
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %M" -o "$tmp/t" target/release/dyad code --quiet --threads "$threads" "$tmp/in.jsonl" -o "$tmp/out.jsonl"
    cat "$tmp/t" >> "$tmp/times"
  done
  python3 - "$tmp/times" "$docs" "$mb" "$threads" "$(wc -l < "$tmp/out.jsonl")" <<'PY'
import statistics, sys
rows = [l.split() for l in open(sys.argv[1]) if l.strip()]
wall = statistics.median(float(r[0]) for r in rows)
rss = max(int(r[1]) for r in rows) / 1024
docs, mb, threads, events = int(sys.argv[2]), float(sys.argv[3]), sys.argv[4], int(sys.argv[5])
print(f"threads={threads}: median {wall:.2f} s over {len(rows)} runs, {docs/wall:,.0f} docs/s, {mb/wall:.1f} MB/s, peak RSS {rss:.0f} MB, {events} events")
PY
done
