#!/usr/bin/env python3
"""The CAMEO manual's own example sentences as a check: does dyad's top event have the code's root?

usage: manual_examples.py REFERENCE_DIR DYAD [--misses]

Reads cameo_event_definitions.tsv (code, name, description, usage notes, example) from the shared
reference tables, codes each example (text before any "Note:") as one document, and compares the
highest-confidence event with the code the manual gives it: same root, same code, and the root among
any of the sentence's events. These sentences were written to illustrate each code, not as news, so
the figure is a floor on how well the lexicon covers CAMEO, not an accuracy; cameo_penta holds edited
copies of some of them. --misses lists the sentences whose top event has another root.
"""
import csv
import json
import os
import re
import subprocess
import sys


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    reference, dyad = sys.argv[1], sys.argv[2]
    with open(os.path.join(reference, "cameo_event_definitions.tsv"), encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    docs = []
    for r in rows:
        text = re.split(r"\s*Note:", (r.get("example") or "").strip())[0].strip()
        if text and "NEED EXAMPLE" not in text:
            docs.append({"id": r["code"], "text": text, "date": "2000-01-01"})
    out = subprocess.run([dyad, "code", "--quiet"], input="\n".join(json.dumps(d) for d in docs), capture_output=True, text=True, check=True).stdout
    events = {}
    for line in out.splitlines():
        e = json.loads(line)
        events.setdefault(e["doc_id"], []).append(e)
    root = code = any_root = 0
    misses = []
    for d in docs:
        found = events.get(d["id"], [])
        top = max(found, key=lambda e: e["confidence"]) if found else None
        gold = d["id"]
        root += bool(top) and top["cameo"][:2] == gold[:2]
        code += bool(top) and top["cameo"] == gold
        any_root += any(e["cameo"][:2] == gold[:2] for e in found)
        if not top or top["cameo"][:2] != gold[:2]:
            misses.append((gold, top["cameo"] if top else None, d["text"][:120]))
    n = len(docs)
    print(f"CAMEO manual examples {n}: top-event root {root / n:.3f} ({root}), top-event code {code / n:.3f} ({code}), root among any event {any_root / n:.3f}")
    if "--misses" in sys.argv:
        for gold, got, text in misses:
            print(f"  {gold:5} got {got or '-':5} {text}")


if __name__ == "__main__":
    main()
