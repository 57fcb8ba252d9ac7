#!/usr/bin/env bash
# Throughput of `dyad code` on the shared news corpus, for one thread and for every core: median wall time
# over RUNS runs, documents/s, sentences/s, MB/s of text and peak RSS, and the ratio of the median to a
# plain dictionary scan of the same file timed in the same runs: every whole-word occurrence of a word list,
# counted (`rg -o -F -w -f WORDS | wc -l`, or grep when ripgrep is missing; `-c` would stop at the first
# hit of each line, and every document has one). The word list is the distinct words of dyad's lexicons (data/actors, data/events,
# data/cues) topped up with the names of the most populous gazetteer places to 17,000 words.
# Then one long report, the corpus's first 1 MB and then 4 MB of text as a single document, with one thread
# (median of 3 runs):
# coding time should grow with the text, about 4× (`--max-bytes` is raised so that neither is cut).
# Prints figures; never fails on speed.
# Usage: bash bench/throughput.sh [CORPUS.jsonl.zst] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpus/news.jsonl.zst}
runs=${2:-5}
words_wanted=17000
cargo build --release --quiet
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
zstd -dc "$corpus" > "$tmp/in.jsonl"
docs=$(wc -l < "$tmp/in.jsonl")
mb=$(python3 -c "import sys,json; print(sum(len(json.loads(l)['text'].encode()) for l in open(sys.argv[1]))/1e6)" "$tmp/in.jsonl")
echo "corpus: $docs documents, $mb MB of text"

cat data/actors/*.tsv data/events/*.tsv data/cues/*.tsv | grep -v '^#' | grep -oE '[[:alpha:]]+' | LC_ALL=C sort -u > "$tmp/words"
zcat data/gazetteer/places.tsv.gz | LC_ALL=C sort -t $'\t' -k7,7nr | cut -f4 | grep -oE '[[:alpha:]]+' \
  | awk 'NR == FNR { seen[$0] = 1; next } !seen[$0]++' "$tmp/words" - | head -n $((words_wanted - $(wc -l < "$tmp/words"))) >> "$tmp/words" || true
if command -v rg > /dev/null; then scanner=rg; else scanner=grep; fi
echo "dictionary scan: $scanner -o -F -w -f WORDS | wc -l, $(wc -l < "$tmp/words") words (lexicon words, then gazetteer names by population)"

for threads in 1 $(nproc); do
  : > "$tmp/times"
  : > "$tmp/scan_times"
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %M" -o "$tmp/t" target/release/dyad code --threads "$threads" "$tmp/in.jsonl" -o "$tmp/out.jsonl" 2> "$tmp/stderr"
    cat "$tmp/t" >> "$tmp/times"
    /usr/bin/time -f "%e" -o "$tmp/t" bash -c '"$1" -o -F -w -f "$2" "$3" | wc -l' scan "$scanner" "$tmp/words" "$tmp/in.jsonl" > /dev/null
    cat "$tmp/t" >> "$tmp/scan_times"
  done
  python3 - "$tmp/times" "$tmp/scan_times" "$docs" "$mb" "$threads" "$(tail -n 1 "$tmp/stderr")" <<'PY'
import re, statistics, sys
rows = [l.split() for l in open(sys.argv[1]) if l.strip()]
wall = statistics.median(float(r[0]) for r in rows)
rss = max(int(r[1]) for r in rows) / 1024
scan = statistics.median(float(l) for l in open(sys.argv[2]) if l.strip())
docs, mb, threads, summary = int(sys.argv[3]), float(sys.argv[4]), sys.argv[5], sys.argv[6]
count = lambda what: int(re.search(rf"(\d+) {what}", summary).group(1))
sentences, events = count("sentences"), count("events")
print(f"threads={threads}: median {wall:.2f} s over {len(rows)} runs, {docs/wall:,.0f} docs/s, {sentences/wall:,.0f} sentences/s, "
      f"{mb/wall:.1f} MB/s, peak RSS {rss:.0f} MB, {events} events; dictionary scan median {scan:.2f} s, dyad/scan {wall/scan:.1f}x")
PY
done

for mb_long in 1 4; do
  python3 - "$tmp/in.jsonl" "$mb_long" > "$tmp/long.jsonl" <<'PY'
import json, sys
size, texts, total = int(float(sys.argv[2]) * 1e6), [], 0
for line in open(sys.argv[1], encoding="utf-8"):
    texts.append(json.loads(line)["text"])
    total += len(texts[-1])
    if total > size:
        break
print(json.dumps({"id": "long", "text": "\n\n".join(texts)[:size]}))
PY
  : > "$tmp/times"
  for _ in 1 2 3; do
    /usr/bin/time -f "%e %M" -o "$tmp/t" target/release/dyad code --quiet --threads 1 --max-bytes 8000000 "$tmp/long.jsonl" -o "$tmp/out.jsonl"
    cat "$tmp/t" >> "$tmp/times"
  done
  sort -n "$tmp/times" | sed -n 2p | { read -r wall rss; echo "one report of ${mb_long} MB: median ${wall} s over 3 runs, peak RSS $((rss / 1024)) MB"; }
done
