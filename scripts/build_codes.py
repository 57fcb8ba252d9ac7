#!/usr/bin/env python3
"""Build data/codes/cameo.tsv from the shared reference tables.

Usage: python3 scripts/build_codes.py [REFERENCE_DIR]
REFERENCE_DIR defaults to ../shared/reference relative to the repo root.

One row per CAMEO event code (2-, 3- and 4-digit), sorted by code:
  code  root  name  goldstein  quad_class  plover_type  plover_mode
- name: CAMEO manual 1.1b3 name, else GDELT lookup name, else ICEWS name.
- goldstein: GDELT value, else ICEWS, else the nearest ancestor's value.
- quad_class: GDELT QuadClass of the root.
- plover_*: CAMEO2PLOVER-2021 row for the code, else the nearest ancestor's;
  stale 2021 mode names are mapped to current ones (MODE_FIX below); appeals (02x)
  take the row of the matching demand (10x).
See data/codes/CHOICES.md for the reasons. The script also checks
data/codes/acled.tsv (hand-written) against the reference and fails loudly.
Output is deterministic (sorted, '\\n' line ends, UTF-8).
"""
import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REF = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / ".." / "shared" / "reference"
OUT = ROOT / "data" / "codes"

# (plover_type, 2021 mode) -> current PLOVER mode ("" = no mode).
MODE_FIX = {
    ("RETREAT", "ease"): "",         # 085; "ease" is no longer a mode
    ("RETREAT", "return"): "",       # 0842; no current mode for returning property
    ("THREATEN", "ban"): "restrict",  # 132, 1322
    ("THREATEN", "political"): "restrict",  # 1321
    ("COERCE", "ban"): "restrict",   # 1722
    ("ASSAULT", "seize"): "destroy",  # 1712 destroy property
    ("ASSAULT", "assassinate"): "targeted",  # 185, 186
    ("ASSAULT", "massacre"): "targeted",     # 200, 202
    ("ASSAULT", "cleansing"): "",    # 201, 203
    ("ASSAULT", "pro_autocracy"): "crowd-control",  # 175 (a context in the mode column)
}
# Codes with several different rows in CAMEO2PLOVER-2021: which type wins.
MULTI_ROW = {"08": "CONCEDE"}


def read(name):
    with open(REF / name, encoding="utf-8", newline="") as f:
        return [{k: " ".join((v or "").split()) for k, v in r.items()}
                for r in csv.DictReader(f, delimiter="\t")]


def ancestors(code):
    """The code itself, then its parents: 4-digit -> 3-digit -> root."""
    return list(dict.fromkeys(code[:n] for n in (len(code), 3, 2) if n <= len(code)))


def main():
    codes = {r["code"]: r for r in read("cameo_eventcodes.tsv")}
    quad = {r["root_code"]: r["quad_gdelt"] for r in read("cameo_quadclass.tsv")}
    modes = {(r["event_type"], r["mode"]) for r in read("plover_modes.tsv")}
    types = {r["event_type"] for r in read("plover_event_types.tsv")}

    plover = {}
    for r in read("cameo2plover_2021.tsv"):
        plover.setdefault(r["cameo_code"], set()).add((r["plover_event"], r["plover_mode_2021"]))
    for code, rows in plover.items():
        if len(rows) > 1:
            rows = {x for x in rows if x[0] == MULTI_ROW[code]}
        (ptype, pmode), = rows
        plover[code] = (ptype, MODE_FIX.get((ptype, pmode), pmode))

    def gold(code):
        for c in ancestors(code):
            r = codes.get(c, {})
            for col in ("goldstein_gdelt", "goldstein_icews_andybega"):
                if r.get(col):
                    return "%.1f" % float(r[col])
        raise ValueError("no Goldstein value for " + code)

    def plov(code):
        r = codes[code]
        # An appeal (02x) is a request as a demand (10x) is: the current manual's REQUEST covers "all
        # requests, demands, and orders", though the 2021 table drops 02. 021-028 mirror 101-108.
        if code.startswith("02"):
            twin = "10" + code[2:]
            return plov(twin if twin in codes else "10")
        if code in plover:
            return plover[code]
        for c in ancestors(code)[1:]:
            if c in plover:
                ptype, pmode = plover[c]
                # the reference's own suggestion beats an inherited mode
                if r["plover_event"] == ptype and r["plover_mode_2021"]:
                    pmode = MODE_FIX.get((ptype, r["plover_mode_2021"]), r["plover_mode_2021"])
                return ptype, pmode
        assert r["plover_event"] == "dropped", code
        return "", ""

    lines = ["code\troot\tname\tgoldstein\tquad_class\tplover_type\tplover_mode"]
    for code in sorted(codes):
        r = codes[code]
        name = r["name_cameo_1_1b3"] or r["name_gdelt_lookup"] or r["name_icews_andybega"]
        ptype, pmode = plov(code)
        assert name and quad[code[:2]] in "1234", code
        assert ptype == "" or ptype in types, (code, ptype)
        assert pmode == "" or (ptype, pmode) in modes, (code, ptype, pmode)
        lines.append("\t".join([code, code[:2], name, gold(code), quad[code[:2]], ptype, pmode]))
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "cameo.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")

    acled_ok = {(r["event_type"], r["sub_event_type"]) for r in read("acled_event_types.tsv")}
    # CASE 2021's extension types for events ACLED does not code (see CHOICES.md).
    acled_ok |= {("Organized crime", "ORG_CRIME"), ("Diplomatic", "DIPLO"), ("Attribution", "ATTRIB")}
    acled = OUT / "acled.tsv"
    if acled.exists():
        with open(acled, encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f, delimiter="\t"))
        prefixes = [r["cameo_prefix"] for r in rows]
        assert len(prefixes) == len(set(prefixes)), "duplicate prefix in acled.tsv"
        for r in rows:
            assert r["cameo_prefix"] in codes, r
            assert (r["event_type"], r["sub_event_type"]) in acled_ok, r
    print("wrote %d codes to %s" % (len(lines) - 1, OUT / "cameo.tsv"))


if __name__ == "__main__":
    main()
