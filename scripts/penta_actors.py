#!/usr/bin/env python3
"""Actor agreement on the cameo_penta dev spans: does the event dyad ranks first name the gold actors?

usage: python3 scripts/penta_actors.py GOLD EVENTS [target/release/dyad]
The gold (labels.source_text / target_text, or source_and_target_text for symmetric events in either
order) gives actor spans, not codes. For every sentence with a gold span, dyad's top event (highest
confidence, as score.py picks it for penta) is compared with them:
- text: dyad's actor shares a content word with a gold span ("Croatian" with "Croatian government 's request");
- country: dyad's actor country equals the country dyad resolves from the gold span alone (`dyad actors`),
  counted where the span resolves to one.
A sentence with no event counts as a miss. Prints agreement per role, and "when coded" (an event was found).
"""
import collections, json, subprocess, sys, unicodedata

STOP = set("the a an of and in on at to for by with from 's his her their its s".split())


def words(text):
    folded = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode().lower()
    return {w for w in "".join(c if c.isalnum() else " " for c in folded).split() if w not in STOP}


gold_path, events_path = sys.argv[1], sys.argv[2]
dyad = sys.argv[3] if len(sys.argv) > 3 else "target/release/dyad"
docs = [json.loads(line) for line in open(gold_path, encoding="utf-8")]
top = {}
for line in open(events_path, encoding="utf-8"):
    e = json.loads(line)
    best = top.get(e["doc_id"])
    if best is None or (e.get("confidence") or 0) > (best.get("confidence") or 0):
        top[e["doc_id"]] = e

# Each role's gold spans; symmetric pairs are tried both ways round.
cases = []
for d in docs:
    lab = d.get("labels") or {}
    src, tgt, both = lab.get("source_text") or [], lab.get("target_text") or [], lab.get("source_and_target_text") or []
    if both:
        cases.append((d["id"], [[both[0]], both[1:]], [both[1:], [both[0]]]))
    elif src or tgt:
        cases.append((d["id"], [src, tgt]))

spans = sorted({s for _, *ways in cases for way in ways for role in way for s in role})
request = "".join(json.dumps({"id": str(i), "text": s}) + "\n" for i, s in enumerate(spans))
out = subprocess.run([dyad, "actors", "--json", "-"], input=request, capture_output=True, text=True).stdout
span_country = {}
for line in out.splitlines():
    m = json.loads(line)
    if m["actor"].get("country") and m["doc_id"] not in span_country:
        span_country[m["doc_id"]] = m["actor"]["country"]
country_of = {s: span_country.get(str(i)) for i, s in enumerate(spans)}

ok, n, coded = collections.Counter(), collections.Counter(), collections.Counter()


def score_way(e, way):
    """Per role: (text agrees, gold has a country, country agrees), or None where the gold has no span."""
    res = []
    for role, gold in zip(("source", "target"), way):
        if not gold:
            res.append(None)
            continue
        a = (e or {}).get(role) or {}
        text_ok = any(words(a.get("text")) & words(g) for g in gold)
        countries = {country_of[g] for g in gold if country_of[g]}
        res.append((text_ok, bool(countries), a.get("country") in countries))
    return res


for doc_id, *ways in cases:
    e = top.get(doc_id)
    results = [score_way(e, way) for way in ways]
    best = max(results, key=lambda r: sum(x[0] + x[2] for x in r if x))
    for role, r in zip(("source", "target"), best):
        if r is None:
            continue
        text_ok, has_country, country_ok = r
        n[role + " text"] += 1
        ok[role + " text"] += text_ok
        coded[role + " text"] += e is not None
        if has_country:
            n[role + " country"] += 1
            ok[role + " country"] += country_ok
            coded[role + " country"] += e is not None

for key in ("source text", "target text", "source country", "target country"):
    print(f"  {key:<15} {ok[key]}/{n[key]} = {ok[key] / max(1, n[key]):.3f}   (sentences with an event: {coded[key]})")
