#!/usr/bin/env python3
"""Country accuracy of dyad's actor resolution on the NGEC actor-coding cases.

usage: python3 scripts/ngec_actors.py [../shared/eval/ngec_actors.dev.jsonl] [target/release/dyad]
Takes every case with an expected country (search_nat's `cc`, agent_to_code's `code['country']`),
runs `dyad actors --json` on the case text, and compares the country of the first actor mention.
IGO cases count as right when dyad's sector is IGO. Prints the share right, by function.
"""
import collections, json, subprocess, sys

gold_path = sys.argv[1] if len(sys.argv) > 1 else "../shared/eval/ngec_actors.dev.jsonl"
dyad = sys.argv[2] if len(sys.argv) > 2 else "target/release/dyad"
cases = []
for line in open(gold_path, encoding="utf-8"):
    c = json.loads(line)
    if c.get("skipped_or_xfail") or not c.get("args") or not isinstance(c["args"][0], str) or not c["args"][0].strip():
        continue
    exp = c.get("expected") or {}
    want = (exp.get("cc") or exp.get("code['country']") or {}).get("value")
    if want:
        cases.append((c["function"], c["args"][0], want))
docs = "".join(json.dumps({"id": str(i), "text": text}) + "\n" for i, (_, text, _) in enumerate(cases))
out = subprocess.run([dyad, "actors", "--json", "-"], input=docs, capture_output=True, text=True).stdout
first = {}
for line in out.splitlines():
    m = json.loads(line)
    first.setdefault(m["doc_id"], m["actor"])
right, total = collections.Counter(), collections.Counter()
for i, (fn, _, want) in enumerate(cases):
    a = first.get(str(i)) or {}
    ok = a.get("country") == want or (want == "IGO" and a.get("sector") == "IGO")
    total[fn] += 1
    right[fn] += ok
for fn in sorted(total):
    print(f"  {fn:<22} {right[fn]}/{total[fn]} = {right[fn] / total[fn]:.3f}")
print(f"  {'all':<22} {sum(right.values())}/{sum(total.values())} = {sum(right.values()) / max(1, sum(total.values())):.3f}")
