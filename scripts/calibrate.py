#!/usr/bin/env python3
"""Calibrates dyad's event confidence on the dev halves of the sentence-level gold sets.

dyad scores each event from what the text pinned down (a main or subordinate clause, a source,
a target, the source's country, the code's depth, a verb or a noun trigger): the raw score in
`why.raw_confidence`. This script codes the dev sets with `--why`, marks each event right or wrong,
and fits the share of right events per raw score, kept monotone (pool adjacent violators), into
data/codes/confidence.tsv, which dyad reads to print `confidence`.

An event is right when its type is in its sentence's gold: the PLOVER type (plover_gsr), the CAMEO
root (petr2_gsr) or the PentaClass (cameo_penta). Those are the sets that label events one sentence
at a time with real news text; the PETRARCH unit tests (fictional codes) and the document-level sets
are left out.

Usage: python3 scripts/calibrate.py DYAD SHARED_EVAL [--write data/codes/confidence.tsv]
Prints the reliability table before and after, with the Brier score and the expected calibration error.
"""
import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile

SETS = ("plover_gsr", "petr2_gsr", "cameo_penta")


def coded(dyad, gold_path):
    docs = [json.loads(line) for line in open(gold_path, encoding="utf-8")]
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        for d in docs:
            if d.get("text"):
                f.write(json.dumps({"id": d["id"], "text": d["text"], "date": d.get("date")}) + "\n")
        path = f.name
    out = subprocess.run([dyad, "code", "--quiet", "--why", path], capture_output=True, text=True, check=True).stdout
    os.unlink(path)
    return {d["id"]: d for d in docs}, [json.loads(line) for line in out.splitlines()]


def right(score, set_name, gold, event):
    events = gold["events"]
    if set_name == "plover_gsr":
        return (event.get("plover") or {}).get("type") in {g.get("plover") for g in events}
    root = event.get("cameo_root")
    if set_name == "petr2_gsr":
        return root in {g.get("cameo_root") for g in events}
    return score.PENTA_OF_ROOT.get(root) in {g.get("penta") for g in events}


PRIOR_EVENTS = 10  # a raw score seen on few events leans toward the overall share of right events


def fit(by_raw):
    """by_raw: {raw: [rights, total]} -> [(raw, calibrated, total)], smoothed and non-decreasing."""
    rights, total = sum(r for r, _ in by_raw.values()), sum(n for _, n in by_raw.values())
    prior = rights / total
    points = sorted((raw, r + PRIOR_EVENTS * prior, n + PRIOR_EVENTS, n) for raw, (r, n) in by_raw.items())
    return pool_adjacent_violators(points)


def pool_adjacent_violators(points):
    """points: [(raw, rights, weight, events)] sorted by raw -> [(raw, calibrated, events)], non-decreasing."""
    blocks = []  # [rights, weight, [raws]]
    for raw, r, n, _ in points:
        blocks.append([r, n, [raw]])
        while len(blocks) > 1 and blocks[-2][0] / blocks[-2][1] > blocks[-1][0] / blocks[-1][1]:
            r2, n2, raws2 = blocks.pop()
            blocks[-1][0] += r2
            blocks[-1][1] += n2
            blocks[-1][2] += raws2
    events = {raw: count for raw, _, _, count in points}
    return [(raw, r / n, events[raw]) for r, n, raws in blocks for raw in raws]


def hash_half(doc_id):
    import hashlib
    return hashlib.sha1(doc_id.encode()).digest()[0] & 1


def report(title, pairs):
    """pairs: [(confidence, right)]"""
    brier = sum((c - r) ** 2 for c, r in pairs) / len(pairs)
    bins = collections.defaultdict(list)
    for c, r in pairs:
        bins[min(int(c * 10), 9)].append((c, r))
    ece = sum(abs(sum(c for c, _ in b) / len(b) - sum(r for _, r in b) / len(b)) * len(b) for b in bins.values()) / len(pairs)
    print(f"{title}: {len(pairs)} events, Brier {brier:.4f}, expected calibration error {ece:.4f}")
    for k in sorted(bins):
        b = bins[k]
        print(f"  confidence {k / 10:.1f}-{(k + 1) / 10:.1f}: {len(b):4d} events, mean confidence {sum(c for c, _ in b) / len(b):.2f}, right {sum(r for _, r in b) / len(b):.2f}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dyad")
    ap.add_argument("shared_eval")
    ap.add_argument("--write")
    args = ap.parse_args()
    sys.path.insert(0, args.shared_eval)
    import score  # the project's shared scorer, for its code mappings

    scored = []  # (doc id, raw, right, confidence as coded)
    for set_name in SETS:
        golds, events = coded(args.dyad, os.path.join(args.shared_eval, f"{set_name}.dev.jsonl"))
        for e in events:
            ok = right(score, set_name, golds[e["doc_id"]], e)
            scored.append((e["doc_id"], round(e["why"]["raw_confidence"], 2), ok, e["confidence"]))

    def tally(rows):
        by_raw = collections.defaultdict(lambda: [0, 0])
        for _, raw, ok, _ in rows:
            by_raw[raw][0] += ok
            by_raw[raw][1] += 1
        return by_raw

    def lookup(table, raw):
        below = [cal for r, cal, _ in table if r <= raw + 1e-6]
        return below[-1] if below else raw

    report("as coded", [(c, ok) for _, _, ok, c in scored])
    # Held-out figure: fit on half the documents, measure on the other half, both ways.
    halves = [[s for s in scored if hash_half(s[0]) == h] for h in (0, 1)]
    crossed = [(lookup(fit(tally(halves[1 - h])), raw), ok) for h in (0, 1) for _, raw, ok, _ in halves[h]]
    report("fitted on one half of the documents, measured on the other", crossed)
    table = fit(tally(scored))
    if args.write:
        with open(args.write, "w", encoding="utf-8") as f:
            f.write("# Event confidence, calibrated: the share of right events among the dev-set events with each raw score\n"
                    "# (why.raw_confidence), made monotone. Written by scripts/calibrate.py; do not edit by hand.\n"
                    "# An event scored between two rows takes the lower row's value.\n")
            f.write("raw\tconfidence\tevents\n")
            for raw, cal, n in table:
                f.write(f"{raw:.2f}\t{cal:.2f}\t{n}\n")
        print(f"wrote {args.write} ({len(table)} rows)")


if __name__ == "__main__":
    main()
