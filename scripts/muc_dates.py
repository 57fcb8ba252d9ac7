#!/usr/bin/env python3
"""MUC-3/4 incident dates within a tolerance, which score.py (exact day) does not print.

Usage: python3 scripts/muc_dates.py GOLD.jsonl EVENTS.jsonl [DAYS=1]
Picks the event the way ../shared/eval/score.py does (the highest-confidence MUC-typed event with a date)
and counts documents whose gold dates include one within DAYS days of it.
"""
import collections
import datetime
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'shared', 'eval'))
import score  # noqa: E402


def day(s):
    try:
        return datetime.date.fromisoformat(s)
    except (TypeError, ValueError):
        return None


def main(gold_path, events_path, tolerance=1):
    events = collections.defaultdict(list)
    for line in open(events_path, encoding='utf-8'):
        e = json.loads(line)
        events[e['doc_id']].append(e)
    n = ok = exact = 0
    for line in open(gold_path, encoding='utf-8'):
        d = json.loads(line)
        gold = {day(g['date']) for g in d['events'] if g.get('date')}
        if not gold:
            continue
        n += 1
        typed = [e for e in events.get(d['id'], []) if score.muc_type_of(e)]
        top = score.top_event(typed, score.ev_date)
        pred = day(top.get('date')) if top else None
        if pred:
            exact += pred in gold
            ok += any(abs((pred - g).days) <= tolerance for g in gold if g)
    print(f'incident_date exact {exact}/{n} = {exact / n:.4f}; within {tolerance} day(s) {ok}/{n} = {ok / n:.4f}')


if __name__ == '__main__':
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 1)
