#!/usr/bin/env python3
"""Agreement of dyad's event locations with PLOVER gold-standard records that give an `event_loc`.

Usage: python3 scripts/plover_eventloc.py GOLD.jsonl EVENTS.jsonl
score.py does not score locations. Each record's `event_loc` is a place name ("Kirkuk", "province of
Herat"); the prediction is the location of the document's highest-confidence event. Names agree when
one contains the other once case and accents are folded. Locations the text does not give
(`country_from` set: the document's country stands in) are counted apart.
"""
import collections
import json
import sys
import unicodedata


def fold(s):
    return ''.join(c for c in unicodedata.normalize('NFD', s or '') if not unicodedata.combining(c)).lower().strip()


def main(gold_path, events_path):
    events = collections.defaultdict(list)
    for line in open(events_path, encoding='utf-8'):
        e = json.loads(line)
        events[e['doc_id']].append(e)
    n = agree = textual = 0
    rows = []
    for line in open(gold_path, encoding='utf-8'):
        d = json.loads(line)
        for r in d.get('labels', {}).get('records', []):
            loc = r.get('event_loc')
            if not loc or not loc.get('name'):
                continue
            n += 1
            top = max(events.get(d['id'], []), key=lambda e: e.get('confidence') or 0, default=None)
            pred = (top or {}).get('location') or {}
            from_text = bool(pred) and not pred.get('country_from')
            textual += from_text
            g, p = fold(loc['name']), fold(pred.get('name'))
            ok = from_text and bool(p) and (p in g or g in p)
            agree += ok
            rows.append((ok, loc['name'], pred.get('name'), pred.get('precision'), pred.get('country_from')))
    for ok, g, p, prec, cf in rows:
        print(f"  {'=' if ok else 'x'} gold {g!r:28} pred {p!r} ({prec}{', from ' + cf if cf else ''})")
    print(f'event_loc records {n}; location from the text {textual}; name agrees {agree}/{n} = {agree / max(n, 1):.3f}')


if __name__ == '__main__':
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
