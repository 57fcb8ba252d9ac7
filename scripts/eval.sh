#!/usr/bin/env bash
# Codes the seed report and every dev set in ../shared/eval, and prints the scores.
# Usage: bash scripts/eval.sh [OUT_DIR]   (needs ../shared and a release build)
set -uo pipefail
cd "$(dirname "$0")/.."
shared=../shared
out=${1:-target/eval}
mkdir -p "$out"
cargo build --release --quiet
dyad=target/release/dyad

echo "-- seed report"
python3 -c 'import json,sys; print(json.dumps({"id":"seed","text":open(sys.argv[1],encoding="utf-8").read()}))' \
  "$shared/seed/seed.txt" > "$out/seed.in.jsonl"
$dyad code --quiet "$out/seed.in.jsonl" > "$out/seed.events.jsonl"
python3 "$shared/eval/score_rich.py" "$shared/seed/seed.gold.jsonl" "$out/seed.events.jsonl" --text-dir "$shared/seed" -v

echo "-- dev sets"
golds=()
for gold in "$shared"/eval/*.dev.jsonl; do
  name=$(basename "$gold" .dev.jsonl)
  [ "$name" = ngec_actors ] && continue
  python3 "$shared/eval/score.py" strip "$gold" > "$out/$name.in.jsonl"
  $dyad code --quiet "$out/$name.in.jsonl" > "$out/$name.events.jsonl"
  golds+=(--gold "$gold")
done
cat "$out"/*.events.jsonl | grep -v '"doc_id":"seed"' > "$out/all.events.jsonl"
python3 "$shared/eval/score.py" score "${golds[@]}" --pred "$out/all.events.jsonl"

echo "-- NGEC actor-coding cases (country of the first actor mention)"
[ -f "$shared/eval/ngec_actors.dev.jsonl" ] && python3 scripts/ngec_actors.py "$shared/eval/ngec_actors.dev.jsonl" "$dyad"

echo "-- actor agreement on cameo_penta dev spans (top event vs gold source/target spans)"
python3 scripts/penta_actors.py "$shared/eval/cameo_penta.dev.jsonl" "$out/cameo_penta.events.jsonl" "$dyad"

echo "-- where and when: MUC-3/4 incident dates within a day, PLOVER GSR event_loc agreement"
python3 scripts/muc_dates.py "$shared/eval/muc34.dev.jsonl" "$out/muc34.events.jsonl"
python3 scripts/plover_eventloc.py "$shared/eval/plover_gsr.dev.jsonl" "$out/plover_gsr.events.jsonl" | tail -1

echo "-- the CAMEO manual's example sentences (top event's root vs the code they illustrate)"
python3 scripts/manual_examples.py "$shared/reference" "$dyad"
