#!/usr/bin/env python3
"""Validate the Isnad development set (tests/devset/*.gold.json).

Checks, for every gold file:
  * the JSON has text, lang, style, sources, claims, assessments;
  * the article text exists, is UTF-8, has a headline line and paragraphs
    separated by exactly one blank line;
  * every `exact` is found in the text at the given `occurrence`
    (1 = first; occurrences are counted left to right, each search starting
    one code point after the previous match's start);
  * ids are unique within the file;
  * every source has an `entity`;
  * every claim/assessment `source` names a source id of the same file
    (claims may have null = unsourced; assessments may not);
  * claim `type` is one of quantity, event, causal, comparison, rule, other.
It prints per-file counts, totals per language and per kind, and fails if the
totals fall below the floor (150 claims, 80 sources, 40 assessments).

Usage: python3 tests/devset/check_gold.py [--show] [DIR]
  --show   print every span with its position and a little context.
Standard library only.
"""
import json
import os
import sys

KINDS = ("sources", "claims", "assessments")
CLAIM_TYPES = {"quantity", "event", "causal", "comparison", "rule", "other"}
LANGS = {"ar", "en"}
STYLES = {"wire", "op-ed", "interview", "statistics", "live-blog", "press-release", "analysis"}
FLOOR = {"claims": 150, "sources": 80, "assessments": 40}


def find_occurrence(text, exact, n):
    """Code-point start of the n-th occurrence of exact in text, or -1."""
    i = text.find(exact)
    k = 1
    while i != -1 and k < n:
        i = text.find(exact, i + 1)
        k += 1
    return i


def check_text(path, errors):
    try:
        raw = open(path, "rb").read()
    except OSError as e:
        errors.append(f"cannot read {path}: {e}")
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        errors.append(f"{path}: not UTF-8 ({e})")
        return None
    if text.startswith("\ufeff"):
        errors.append(f"{path}: starts with a BOM")
    if "\r" in text:
        errors.append(f"{path}: contains CR characters")
    body = text[:-1] if text.endswith("\n") else text
    if "\n\n\n" in body or body.startswith("\n") or body.endswith("\n"):
        errors.append(f"{path}: paragraphs must be separated by exactly one blank line")
    blocks = body.split("\n\n")
    if len(blocks) < 2:
        errors.append(f"{path}: expected a headline and at least one paragraph")
    for b in blocks:
        if "\n" in b or not b.strip():
            errors.append(f"{path}: malformed block {b[:40]!r}")
    return text


def main(argv):
    show = "--show" in argv
    args = [a for a in argv if a != "--show"]
    d = args[0] if args else os.path.dirname(os.path.abspath(__file__))
    files = sorted(f for f in os.listdir(d) if f.endswith(".gold.json"))
    if not files:
        print(f"no gold files in {d}")
        return 1
    errors, warnings = [], []
    per_file = []
    per_lang = {}
    for gf in files:
        where = gf
        try:
            gold = json.load(open(os.path.join(d, gf), encoding="utf-8"))
        except (OSError, ValueError) as e:
            errors.append(f"{where}: cannot load JSON: {e}")
            continue
        for key in ("text", "lang", "style") + KINDS:
            if key not in gold:
                errors.append(f"{where}: missing key {key!r}")
        if any(k not in gold for k in ("text",) + KINDS):
            continue
        lang, style = gold.get("lang"), gold.get("style")
        if lang not in LANGS:
            errors.append(f"{where}: lang {lang!r} not in {sorted(LANGS)}")
        if style not in STYLES:
            errors.append(f"{where}: style {style!r} not in {sorted(STYLES)}")
        text = check_text(os.path.join(d, gold["text"]), errors)
        if text is None:
            continue
        ids = {}
        spans = {k: [] for k in KINDS}
        for kind in KINDS:
            items = gold[kind]
            if not isinstance(items, list):
                errors.append(f"{where}: {kind} is not a list")
                continue
            for it in items:
                iid = it.get("id")
                label = f"{where} {kind[:-1]} {iid}"
                if not isinstance(iid, str) or not iid:
                    errors.append(f"{label}: missing id")
                    continue
                if iid in ids:
                    errors.append(f"{label}: duplicate id")
                ids[iid] = kind
                exact = it.get("exact")
                occ = it.get("occurrence", 1)
                if not isinstance(exact, str) or not exact:
                    errors.append(f"{label}: empty exact")
                    continue
                if exact != exact.strip():
                    warnings.append(f"{label}: exact has leading/trailing whitespace")
                if not isinstance(occ, int) or isinstance(occ, bool) or occ < 1:
                    errors.append(f"{label}: bad occurrence {occ!r}")
                    continue
                start = find_occurrence(text, exact, occ)
                if start < 0:
                    total = 0
                    i = text.find(exact)
                    while i != -1:
                        total += 1
                        i = text.find(exact, i + 1)
                    errors.append(f"{label}: {exact!r} occurrence {occ} not found "
                                  f"(the text has {total})")
                    continue
                end = start + len(exact)
                spans[kind].append((start, end, iid))
                if show:
                    ctx = text[max(0, start - 25):start] + "[" + exact + "]" + text[end:end + 25]
                    print(f"{label} @{start}-{end}: {ctx.replace(chr(10), ' / ')}")
                if kind == "sources":
                    ent = it.get("entity")
                    if not isinstance(ent, str) or not ent:
                        errors.append(f"{label}: source without entity")
                elif kind == "claims":
                    if it.get("type") not in CLAIM_TYPES:
                        errors.append(f"{label}: type {it.get('type')!r} not in {sorted(CLAIM_TYPES)}")
                    if "source" not in it:
                        errors.append(f"{label}: missing source (use null for unsourced)")
                else:
                    if it.get("source") is None:
                        errors.append(f"{label}: an assessment needs a source")
        # references
        for kind in ("claims", "assessments"):
            for it in gold[kind]:
                src = it.get("source")
                if src is not None and ids.get(src) != "sources":
                    errors.append(f"{where} {kind[:-1]} {it.get('id')}: source {src!r} is not a source id")
        referenced = {it.get("source") for k in ("claims", "assessments") for it in gold[k]}
        for it in gold["sources"]:
            if it.get("id") not in referenced:
                warnings.append(f"{where} source {it.get('id')} {it.get('exact')!r}: nothing attributed to it")
        # same-kind overlaps
        for kind in KINDS:
            ss = sorted(spans[kind])
            for (a0, a1, ai), (b0, b1, bi) in zip(ss, ss[1:]):
                if b0 < a1:
                    warnings.append(f"{where}: {kind} {ai} and {bi} overlap")
        counts = {k: len(gold[k]) for k in KINDS}
        unsourced = sum(1 for c in gold["claims"] if c.get("source") is None)
        entities = len({s.get("entity") for s in gold["sources"]})
        per_file.append((gf, lang, style, counts, unsourced, entities))
        agg = per_lang.setdefault(lang, {k: 0 for k in KINDS + ("unsourced",)})
        for k in KINDS:
            agg[k] += counts[k]
        agg["unsourced"] += unsourced

    print(f"{'file':<22}{'lang':<5}{'style':<15}{'claims':>7}{'unsrc':>7}{'sources':>9}{'entities':>9}{'assess':>8}")
    for gf, lang, style, c, uns, ents in per_file:
        print(f"{gf:<22}{lang:<5}{style:<15}{c['claims']:>7}{uns:>7}{c['sources']:>9}{ents:>9}{c['assessments']:>8}")
    total = {k: sum(v[k] for v in per_lang.values()) for k in KINDS + ("unsourced",)}
    print()
    for lang in sorted(per_lang):
        v = per_lang[lang]
        print(f"{lang}: claims {v['claims']} (unsourced {v['unsourced']}), "
              f"sources {v['sources']}, assessments {v['assessments']}")
    print(f"all: claims {total['claims']} (unsourced {total['unsourced']}), "
          f"sources {total['sources']}, assessments {total['assessments']}")
    for k, floor in FLOOR.items():
        if total[k] < floor:
            errors.append(f"total {k} {total[k]} is below the floor {floor}")
    for w in warnings:
        print("warning:", w)
    for e in errors:
        print("ERROR:", e)
    print("OK" if not errors else f"FAILED ({len(errors)} errors)")
    return 0 if not errors else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
