#!/usr/bin/env bash
# Start-up plus one short document: median wall time of `dyad code` over RUNS runs, for a mixed-case
# report and an ALL-CAPS wire report, and the binary's size. Given a second binary (an older build),
# prints the same for it and the difference. Prints figures; never fails on speed.
# Usage: bash bench/startup.sh [RUNS] [OTHER_DYAD_BINARY]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}
other=${2:-}
cargo build --release --quiet
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat > "$tmp/mixed.jsonl" <<'DOC'
{"id":"mixed","date":"2026-03-05","text":"CULIACAN, Mexico (Reuters) - Gunmen killed five police officers in Culiacan on Tuesday, and soldiers clashed with cartel members near Apatzingan, in the western state of Michoacan, officials said. Washington said it would send more aid."}
DOC
cat > "$tmp/caps.jsonl" <<'DOC'
{"id":"caps","text":"SAN SALVADOR, 3 JAN 90 -- [TEXT] ABOUT 50 PEASANTS HAVE BEEN KIDNAPPED BY TERRORISTS OF THE FARABUNDO MARTI NATIONAL LIBERATION FRONT IN SAN MIGUEL DEPARTMENT. THE KIDNAPPING TOOK PLACE ON 30 DECEMBER IN SAN LUIS DE LA REINA. A SOLDIER WAS WOUNDED YESTERDAY AND TAKEN TO THE MILITARY HOSPITAL IN THIS CAPITAL."}
DOC
python3 - "$runs" "$tmp" target/release/dyad ${other:+"$other"} <<'PY'
import os, statistics, subprocess, sys, time
runs, tmp, binaries = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
def median_ms(binary, doc):
    times = []
    for _ in range(runs + 1):
        t = time.perf_counter()
        subprocess.run([binary, 'code', '--quiet', os.path.join(tmp, doc)], check=True, stdout=subprocess.DEVNULL)
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times[1:])  # the first run only warms the page cache
results = {}
for b in binaries:
    results[b] = {doc: median_ms(b, doc) for doc in ('mixed.jsonl', 'caps.jsonl')}
    size = os.path.getsize(b) / 1e6
    print(f"{b}: {size:.1f} MB; dyad code on one short document, median of {runs}: "
          + ", ".join(f"{d.split('.')[0]} {ms:.1f} ms" for d, ms in results[b].items()))
if len(binaries) == 2:
    a, b = binaries
    print(f"difference (this build - other): size {(os.path.getsize(a) - os.path.getsize(b)) / 1e6:+.1f} MB, "
          + ", ".join(f"{d.split('.')[0]} {results[a][d] - results[b][d]:+.1f} ms" for d in results[a]))
PY
