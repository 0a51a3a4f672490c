"""Subset one face of a Noto Sans CJK .ttc collection to the given characters, as WOFF2.

usage: subset_font.py <collection.ttc> <family name, e.g. "Noto Sans CJK SC"> <chars.txt> <out.woff2> [extra,features]
Prints the covered code points (decimal, comma-separated) on stdout.
Deterministic: the head timestamp is not touched, so the same input gives the same bytes.
"""
import sys
from fontTools.ttLib import TTCollection
from fontTools import subset


def main(ttc_path, family, chars_path, out_path, features=""):
    extra = [f for f in features.split(",") if f]
    coll = TTCollection(ttc_path, lazy=False, recalcTimestamp=False)
    face = None
    for f in coll.fonts:
        name = f["name"].getDebugName(1)
        if name == family:
            face = f
            break
    if face is None:
        names = [f["name"].getDebugName(1) for f in coll.fonts]
        sys.exit(f"face {family!r} not in {ttc_path}: {names}")
    text = open(chars_path, encoding="utf-8").read()
    opts = subset.Options()
    opts.flavor = "woff2"
    opts.layout_features = ["kern", "liga", "locl", "vert", "vrt2", "palt", "halt", "ccmp"] + extra
    opts.hinting = False
    opts.desubroutinize = True
    opts.name_IDs = ["*"]
    opts.name_languages = ["*"]
    opts.notdef_outline = True
    opts.recalc_timestamp = False
    sub = subset.Subsetter(options=opts)
    sub.populate(text=text)
    sub.subset(face)
    face.flavor = "woff2"
    face.recalcTimestamp = False
    face.save(out_path)
    cps = sorted(face.getBestCmap().keys())
    print(",".join(str(c) for c in cps))


if __name__ == "__main__":
    main(*sys.argv[1:6])
