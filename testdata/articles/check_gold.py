#!/usr/bin/env python3
"""Validate the hand-made gold files in this directory against their articles.

usage: python3 check_gold.py [DIR] [--score PATH/TO/score.py] [--quiet]

Errors (exit 1):
  - a gold file is not valid JSON or misses a required key
  - "article" does not name the .txt next to it; "published" is not YYYY-MM-DD
  - an event evidence or a quote text_start is not an exact substring of the article
  - a quote text_start is not at the opening of a quotation (the character before
    it must be a quotation mark) or has fewer than 3 words as the scorer counts them
  - a quote speaker, event participant, from/to is not a gold person/country/org name
  - an event place is not a gold place; an event type/status is not in the vocabulary
  - a person/org alias or a country aliases_in_text entry does not occur in the text
  - a person name that neither occurs in the text nor has an alias that does
With --score, a "perfect" extraction is built from each gold file and scored with the
official scorer; anything below 1.00 is an error (checks the gold is scorer-consistent).
Warnings (not errors): quoted spans of 3+ words in the text that no gold quote covers.
Standard library only.
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import unicodedata

TYPES = {"meeting", "visit", "arms_transfer", "arms_negotiation", "agreement", "aid",
         "missile_test", "sanction", "other"}
STATUSES = {"occurred", "planned", "reported", "alleged", "speculative", "denied"}
OPEN_QUOTES = "“\"‘'"


def norm(s):  # same as score.py
    s = unicodedata.normalize("NFKC", s or "").lower().replace("’", "'")
    s = re.sub(r"[-_]", " ", s)
    s = re.sub(r"[^\w\s]", "", s)
    return re.sub(r"\s+", " ", s).strip()


def quoted_spans(text):
    """Rough list of quotation spans (curly pairs and straight pairs, per paragraph,
    a curly quote left open at the end of a paragraph continues into the next)."""
    spans = []
    for m in re.finditer(r"“([^”]*)”", text, flags=re.S):
        spans.append((m.start(1), m.group(1)))
    for para in text.split("\n"):
        off = text.find(para)
        for m in re.finditer(r'"([^"\n]*)"', para):
            spans.append((off + m.start(1), m.group(1)))
    return spans


def check_one(txt_path, gold_path, errors, warnings):
    name = os.path.basename(gold_path)
    text = open(txt_path, encoding="utf-8").read()
    try:
        g = json.load(open(gold_path, encoding="utf-8"))
    except ValueError as e:
        errors.append(f"{name}: invalid JSON: {e}")
        return None
    for k in ("article", "published", "people", "countries", "organizations", "places", "events", "quotes"):
        if k not in g:
            errors.append(f"{name}: missing key {k}")
    if g.get("article") != os.path.basename(txt_path):
        errors.append(f"{name}: article {g.get('article')!r} != {os.path.basename(txt_path)!r}")
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", g.get("published") or ""):
        errors.append(f"{name}: bad published {g.get('published')!r}")

    people = {p["name"] for p in g.get("people", [])}
    orgs = {o["name"] for o in g.get("organizations", [])}
    countries = {c["name"] for c in g.get("countries", [])}
    places = {p["name"] for p in g.get("places", [])}
    actors = people | orgs | countries

    for p in g.get("people", []):
        for k in ("name", "aliases", "role", "country"):
            if k not in p:
                errors.append(f"{name}: person {p.get('name')} misses {k}")
        for a in p.get("aliases", []):
            if a not in text:
                errors.append(f"{name}: person alias {a!r} ({p['name']}) not in text")
        if p["name"] not in text and not any(a in text for a in p.get("aliases", [])):
            errors.append(f"{name}: person {p['name']!r} not found in text by name or alias")
    for o in g.get("organizations", []):
        for a in o.get("aliases", []):
            if a not in text:
                errors.append(f"{name}: org alias {a!r} ({o['name']}) not in text")
        if o["name"] not in text and not any(a in text for a in o.get("aliases", [])):
            errors.append(f"{name}: org {o['name']!r} not found in text by name or alias")
    for c in g.get("countries", []):
        if not re.fullmatch(r"[A-Z]{3}", c.get("iso3", "")):
            errors.append(f"{name}: country {c.get('name')} bad iso3")
        if not c.get("aliases_in_text"):
            errors.append(f"{name}: country {c['name']} has no aliases_in_text")
        for a in c.get("aliases_in_text", []):
            if a not in text:
                errors.append(f"{name}: country alias {a!r} ({c['name']}) not in text")
    for pl in g.get("places", []):
        if pl["name"].lower() not in text.lower():  # datelines are often upper-case
            errors.append(f"{name}: place {pl['name']!r} not in text")

    for i, ev in enumerate(g.get("events", [])):
        tag = f"{name}: event {i} ({ev.get('type')})"
        if ev.get("type") not in TYPES:
            errors.append(f"{tag}: bad type")
        if ev.get("status") not in STATUSES:
            errors.append(f"{tag}: bad status {ev.get('status')!r}")
        if ev.get("evidence") not in text:
            errors.append(f"{tag}: evidence not in text: {ev.get('evidence')!r}")
        if not ev.get("participants"):
            errors.append(f"{tag}: no participants")
        for p in ev.get("participants", []):
            if p not in actors:
                errors.append(f"{tag}: participant {p!r} not a gold person/country/org")
        for k in ("from", "to"):
            if ev.get(k) is not None:
                if ev[k] not in actors:
                    errors.append(f"{tag}: {k} {ev[k]!r} not a gold person/country/org")
                if ev[k] not in ev.get("participants", []):
                    errors.append(f"{tag}: {k} {ev[k]!r} not among participants")
        if ev.get("type") in ("arms_transfer",) and not (ev.get("from") and ev.get("to")):
            errors.append(f"{tag}: arms_transfer without from/to")
        if ev.get("place") is not None and ev["place"] not in places:
            errors.append(f"{tag}: place {ev['place']!r} not a gold place")
        d = ev.get("date")
        if d is not None and not re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", d):
            errors.append(f"{tag}: bad date {d!r}")

    covered = []
    for q in g.get("quotes", []):
        ts = q.get("text_start", "")
        tag = f"{name}: quote {ts[:30]!r}"
        if q.get("speaker") not in actors:
            errors.append(f"{tag}: speaker {q.get('speaker')!r} not a gold person/country/org")
        for a in q.get("about", []):
            if a not in actors:
                errors.append(f"{tag}: about {a!r} not a gold person/country/org")
        pos = text.find(ts)
        if pos < 0:
            errors.append(f"{tag}: text_start not in text")
            continue
        if pos == 0 or text[pos - 1] not in OPEN_QUOTES:
            errors.append(f"{tag}: text_start is not at the opening of a quotation")
        if len(norm(ts).split()) < 3 and len(ts.split()) < 3:
            errors.append(f"{tag}: fewer than 3 words")
        covered.append(pos)

    for start, body in quoted_spans(text):
        if len(norm(body).split()) >= 3 and start not in covered:
            warnings.append(f"{name}: quoted span without gold quote: {body[:60]!r}")
    return g


def perfect_extraction(g, text):
    """An extraction that should score 1.00 against g."""
    ents, ids = [], {}
    def add(kind, name, aliases, extra=None):
        eid = f"{kind.lower()}:{len(ents)}"
        e = {"id": eid, "type": kind, "name": name, "aliases": list(aliases), "mentions": []}
        e.update(extra or {})
        ents.append(e)
        ids[name] = eid
    for p in g["people"]:
        add("Person", p["name"], p["aliases"])
    for o in g["organizations"]:
        add("Organization", o["name"], o["aliases"])
    for c in g["countries"]:
        add("Country", c["name"], c["aliases_in_text"], {"iso3": c["iso3"]})
    events = []
    for ev in g["events"]:
        events.append({"type": ev["type"], "participants": [ids.get(p, p) for p in ev["participants"]],
                       "supplier": ids.get(ev.get("from")), "recipient": ids.get(ev.get("to")),
                       "status": ev["status"], "evidence": [{"start": text.find(ev["evidence"]),
                       "end": text.find(ev["evidence"]) + len(ev["evidence"]), "text": ev["evidence"]}]})
    stmts = [{"speaker": ids.get(q["speaker"], q["speaker"]), "text": q["text_start"], "direct": True} for q in g["quotes"]]
    return {"article": {"published": g["published"]}, "entities": ents, "events": events, "statements": stmts}


def main(argv):
    args = [a for a in argv if not a.startswith("--")]
    score = None
    if "--score" in argv:
        score = argv[argv.index("--score") + 1]
        args.remove(score)
    quiet = "--quiet" in argv
    d = args[0] if args else os.path.dirname(os.path.abspath(__file__))
    errors, warnings = [], []
    golds = sorted(f for f in os.listdir(d) if f.endswith(".gold.json"))
    for gf in golds:
        txt = os.path.join(d, gf[: -len(".gold.json")] + ".txt")
        if not os.path.exists(txt):
            errors.append(f"{gf}: no article {txt}")
            continue
        g = check_one(txt, os.path.join(d, gf), errors, warnings)
        if g is not None and score:
            text = open(txt, encoding="utf-8").read()
            with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as tf:
                json.dump(perfect_extraction(g, text), tf, ensure_ascii=False)
            out = subprocess.run([sys.executable, score, txt, tf.name, os.path.join(d, gf)],
                                 capture_output=True, text=True).stdout
            os.unlink(tf.name)
            last = out.strip().splitlines()[-1] if out.strip() else "no output"
            if last != "score: 1.00":
                errors.append(f"{gf}: perfect extraction scores {last!r}\n{out}")
    for t in sorted(f for f in os.listdir(d) if f.endswith(".txt")):
        if not os.path.exists(os.path.join(d, t[:-4] + ".gold.json")):
            errors.append(f"{t}: no gold file")
    if not quiet:
        for w in warnings:
            print("warning:", w)
    for e in errors:
        print("ERROR:", e)
    print(f"{len(golds)} gold files, {len(errors)} errors, {len(warnings)} warnings")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
