#!/usr/bin/env python3
"""Validate the gold files of the final held-out set (standard library only).

usage: python3 check_gold.py [--score PATH/TO/score.py] [NAME.gold.json ...]

With no file arguments every *.gold.json next to this script is checked.
For each gold file it checks that:
  * the file is valid JSON with the expected keys, types and enum values;
  * the article NAME.txt exists, and "published" is YYYY-MM-DD;
  * every event evidence is an exact substring of the article;
  * every quote text_start is an exact substring that begins right after an
    opening quote mark, has 6-9 words (fewer only when the whole quotation is
    shorter) and every quotation of 3+ words in the article is covered by a
    gold quote (and no two gold quotes cover the same quotation);
  * speakers, participants and from/to are names from the people /
    organizations / countries lists, and from/to are among the participants;
  * every alias (people, organizations, aliases_in_text of countries) occurs
    in the article, and each person's name or one alias occurs;
  * no normalized name form is shared by two gold entities of one kind;
  * a perfect extraction built from the gold scores 1.00 with score.py
    (default: /work/shared/eval/score.py) and all its spans are valid.
Exits 1 if any check fails.
"""
import glob
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_SCORE = "/work/shared/eval/score.py"

EVENT_TYPES = {"meeting", "visit", "arms_transfer", "arms_negotiation", "agreement",
               "aid", "missile_test", "sanction", "other"}
STATUSES = {"occurred", "planned", "reported", "alleged", "speculative", "denied"}
OPEN_QUOTES = "\"“«„‘'"
CLOSE_QUOTES = "\"”»"
TYPE_CAMEL = {"meeting": "Meeting", "visit": "Visit", "arms_transfer": "ArmsTransfer",
              "arms_negotiation": "ArmsNegotiation", "agreement": "Agreement", "aid": "Aid",
              "missile_test": "MissileTest", "sanction": "Sanction", "other": "Other"}


def norm(s):
    # same normalisation as score.py
    import unicodedata
    s = unicodedata.normalize("NFKC", s or "").lower().replace("’", "'")
    s = re.sub(r"[-_]", " ", s)
    s = re.sub(r"[^\w\s]", "", s)
    return re.sub(r"\s+", " ", s).strip()


def quoted_spans(text):
    """Direct quotations delimited by quote marks, per paragraph.

    Double quotes (straight or curly) and single quotes (curly, or straight
    ones at word boundaries, as in headlines) are recognised; quote marks
    nested inside a quotation are ignored. A quotation left open at the end
    of a paragraph is closed there (the journalistic convention for quotes
    continued in the next paragraph, which then reopens with a quote mark).
    Returns (start, end) of the inner text of each quotation."""
    spans = []
    pos = 0
    for para in text.split("\n"):
        open_at, kind = None, None
        n = len(para)
        for i, ch in enumerate(para):
            prev = para[i - 1] if i > 0 else " "
            nxt = para[i + 1] if i + 1 < n else " "
            if open_at is None:
                if ch in "“«„" or ch == '"':
                    open_at, kind = i + 1, "double"
                elif ch == "‘" or (ch == "'" and (prev.isspace() or prev in "([") and nxt.isalnum()):
                    open_at, kind = i + 1, "single"
            elif kind == "double":
                if ch in "”»" or ch == '"':
                    spans.append((pos + open_at, pos + i))
                    open_at = None
            else:
                if ch in "’'" and not prev.isspace() and not nxt.isalnum():
                    spans.append((pos + open_at, pos + i))
                    open_at = None
        if open_at is not None:
            spans.append((pos + open_at, pos + n))
        pos += n + 1
    return spans


def check_one(gold_path, score_py):
    errs, warns = [], []
    try:
        g = json.load(open(gold_path, encoding="utf-8"))
    except ValueError as e:
        return [f"invalid JSON: {e}"], warns, None
    for key in ("article", "published", "people", "countries", "organizations", "places", "events", "quotes"):
        if key not in g:
            errs.append(f"missing key {key}")
    if errs:
        return errs, warns, None
    art = os.path.join(os.path.dirname(gold_path), g["article"])
    if not os.path.exists(art):
        return [f"article {g['article']} not found"], warns, None
    if os.path.basename(gold_path) != g["article"][:-4] + ".gold.json":
        errs.append("gold file name does not match article name")
    text = open(art, encoding="utf-8").read()
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", g["published"] or ""):
        errs.append(f"bad published {g['published']!r}")
    nwords = len(text.split())
    if not 400 <= nwords <= 900:
        warns.append(f"article has {nwords} words (outside 400-900)")

    names = {}
    for kind, key in (("person", "people"), ("org", "organizations"), ("country", "countries")):
        for e in g[key]:
            if e["name"] in names:
                errs.append(f"name {e['name']!r} used twice")
            names[e["name"]] = kind
    place_names = {p["name"] for p in g["places"]}

    for p in g["people"]:
        if not re.fullmatch(r"[A-Z]{3}", p.get("country") or ""):
            errs.append(f"person {p['name']}: bad country {p.get('country')!r}")
        if not p.get("role"):
            warns.append(f"person {p['name']}: no role")
        forms = [p["name"]] + p.get("aliases", [])
        if not any(f in text for f in forms):
            errs.append(f"person {p['name']}: neither name nor alias in text")
        for a in p.get("aliases", []):
            if a not in text:
                errs.append(f"person {p['name']}: alias {a!r} not in text")
    for o in g["organizations"]:
        if o["name"] not in text and not any(a in text for a in o.get("aliases", [])):
            errs.append(f"org {o['name']}: neither name nor alias in text")
        for a in o.get("aliases", []):
            if a not in text:
                errs.append(f"org {o['name']}: alias {a!r} not in text")
    isos = set()
    for c in g["countries"]:
        if not re.fullmatch(r"[A-Z]{3}", c.get("iso3") or ""):
            errs.append(f"country {c['name']}: bad iso3")
        if c["iso3"] in isos:
            errs.append(f"country iso3 {c['iso3']} twice")
        isos.add(c["iso3"])
        if not c.get("aliases_in_text"):
            errs.append(f"country {c['name']}: no aliases_in_text")
        for a in c.get("aliases_in_text", []):
            if a not in text:
                errs.append(f"country {c['name']}: alias {a!r} not in text")
    for pl in g["places"]:
        if pl.get("country") is not None and not re.fullmatch(r"[A-Z]{3}", pl["country"]):
            errs.append(f"place {pl['name']}: bad country")
        if pl["name"] not in text:
            warns.append(f"place {pl['name']!r} not literally in text")

    # shared normalized forms within a kind (would make the scorer ambiguous)
    for key, akey in (("people", "aliases"), ("organizations", "aliases"), ("countries", "aliases_in_text")):
        seen = {}
        for e in g[key]:
            for f in {norm(e["name"])} | {norm(a) for a in e.get(akey, [])}:
                if f in seen and seen[f] != e["name"]:
                    errs.append(f"form {f!r} shared by {seen[f]} and {e['name']}")
                seen[f] = e["name"]

    for i, ev in enumerate(g["events"]):
        tag = f"event {i} ({ev.get('type')})"
        if ev.get("type") not in EVENT_TYPES:
            errs.append(f"{tag}: bad type")
        if ev.get("status") not in STATUSES:
            errs.append(f"{tag}: bad status {ev.get('status')!r}")
        d = ev.get("date")
        if d is not None and not re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", d):
            errs.append(f"{tag}: bad date {d!r}")
        if not ev.get("evidence") or ev["evidence"] not in text:
            errs.append(f"{tag}: evidence not in text: {ev.get('evidence')!r}")
        parts = ev.get("participants") or []
        if not parts:
            errs.append(f"{tag}: no participants")
        for p in parts:
            if p not in names:
                errs.append(f"{tag}: participant {p!r} is not a gold name")
        if len(set(parts)) != len(parts):
            errs.append(f"{tag}: duplicate participant")
        for k in ("from", "to"):
            if k in ev and ev[k] is not None:
                if ev[k] not in names:
                    errs.append(f"{tag}: {k} {ev[k]!r} is not a gold name")
                if ev[k] not in parts:
                    errs.append(f"{tag}: {k} {ev[k]!r} not among participants")
        if ev.get("type") in ("arms_transfer", "aid") and not (ev.get("from") and ev.get("to")):
            errs.append(f"{tag}: transfer/aid without from/to")
        if ev.get("place") and ev["place"] not in place_names:
            errs.append(f"{tag}: place {ev['place']!r} not in places")

    spans = quoted_spans(text)
    long_spans = [(s, e) for s, e in spans if len(norm(text[s:e]).split()) >= 3]
    covered = {}
    quote_texts = []
    for i, q in enumerate(g["quotes"]):
        tag = f"quote {i} ({q.get('text_start', '')[:25]}...)"
        if q.get("speaker") not in names:
            errs.append(f"{tag}: speaker {q.get('speaker')!r} is not a gold name")
        for a in q.get("about", []):
            if a not in names and a not in place_names:
                errs.append(f"{tag}: about {a!r} is not a gold name")
        ts = q.get("text_start") or ""
        idxs = [m.start() for m in re.finditer(re.escape(ts), text)]
        idxs = [k for k in idxs if k > 0 and text[k - 1] in OPEN_QUOTES]
        if not idxs:
            errs.append(f"{tag}: text_start not found right after an opening quote mark")
            quote_texts.append(ts)
            continue
        k = idxs[0]
        span = next(((s, e) for s, e in spans if s == k), None)
        if span is None:
            errs.append(f"{tag}: text_start does not open a quotation")
            quote_texts.append(ts)
            continue
        if span in covered:
            errs.append(f"{tag}: quotation already covered by quote {covered[span]}")
        covered[span] = i
        full = text[span[0]:span[1]]
        quote_texts.append(full)
        nts, nfull = len(ts.split()), len(full.split())
        if nts > 9:
            errs.append(f"{tag}: text_start has {nts} words (>9)")
        if nts < 6 and nts < nfull:
            errs.append(f"{tag}: text_start has {nts} words but the quotation has {nfull}")
        if nfull < 3 or len(norm(full).split()) < 3:
            errs.append(f"{tag}: quotation shorter than 3 words")
    for s, e in long_spans:
        if (s, e) not in covered:
            errs.append(f"quotation not in gold: {text[s:e][:60]!r}")

    result = None
    if not errs and score_py:
        result = perfect_score(g, text, art, gold_path, quote_texts, score_py, errs)
    return errs, warns, result


def perfect_score(g, text, art, gold_path, quote_texts, score_py, errs):
    """Build the extraction a perfect extractor would print and score it."""
    ents, ids = [], {}

    def mention(forms):
        for f in forms:
            k = text.find(f)
            if k >= 0:
                return [{"start": k, "end": k + len(f), "text": f}]
        return []

    for i, p in enumerate(g["people"]):
        ids[p["name"]] = f"person:{i}"
        ents.append({"id": f"person:{i}", "type": "Person", "name": p["name"], "aliases": p["aliases"],
                     "country": p["country"], "role": p["role"], "mentions": mention([p["name"]] + p["aliases"])})
    for i, o in enumerate(g["organizations"]):
        ids[o["name"]] = f"org:{i}"
        ents.append({"id": f"org:{i}", "type": "Organization", "name": o["name"], "aliases": o["aliases"],
                     "mentions": mention([o["name"]] + o["aliases"])})
    for c in g["countries"]:
        ids[c["name"]] = f"country:{c['iso3']}"
        ents.append({"id": f"country:{c['iso3']}", "type": "Country", "name": c["name"], "iso3": c["iso3"],
                     "aliases": c["aliases_in_text"], "mentions": mention(c["aliases_in_text"])})
    for i, pl in enumerate(g["places"]):
        pid = f"place:{i}"
        ids.setdefault(pl["name"], pid)
        ents.append({"id": pid, "type": "Place", "name": pl["name"], "aliases": [], "country": pl.get("country"),
                     "mentions": mention([pl["name"]])})
    events = []
    for i, ev in enumerate(g["events"]):
        k = text.find(ev["evidence"])
        events.append({"id": f"event:{i}", "type": TYPE_CAMEL[ev["type"]],
                       "participants": [ids[p] for p in ev["participants"]],
                       "supplier": ids.get(ev.get("from")) if ev.get("from") else None,
                       "recipient": ids.get(ev.get("to")) if ev.get("to") else None,
                       "place": ids.get(ev.get("place")) if ev.get("place") else None,
                       "date": ev.get("date"), "status": ev["status"],
                       "evidence": [{"start": k, "end": k + len(ev["evidence"]), "text": ev["evidence"]}]})
    stmts = []
    for i, (q, full) in enumerate(zip(g["quotes"], quote_texts)):
        k = text.find(full)
        stmts.append({"id": f"statement:{i}", "speaker": ids[q["speaker"]], "text": full, "direct": True,
                      "about": [ids[a] for a in q.get("about", []) if a in ids],
                      "evidence": {"start": k, "end": k + len(full), "text": full}})
    x = {"article": {"id": g["article"], "title": None, "published": g["published"], "dateline": None, "url": None},
         "entities": ents, "events": events, "statements": stmts}
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as f:
        json.dump(x, f, ensure_ascii=False)
        tmp = f.name
    try:
        r = subprocess.run([sys.executable, score_py, art, tmp, gold_path, "--min", "1.0"],
                           capture_output=True, text=True)
    finally:
        os.unlink(tmp)
    out = r.stdout.strip()
    last = out.splitlines()[-1] if out else "no output"
    if r.returncode != 0 or last != "score: 1.00" or "P=1.00 R=1.00" not in out:
        errs.append("perfect extraction does not score 1.00:\n" + out + r.stderr)
    for line in out.splitlines():
        if line.startswith(("people", "orgs", "countries", "quotes", "events")) and "F1=1.00" not in line:
            errs.append("perfect extraction below 1.00: " + line)
    return last


def main(argv):
    score_py = DEFAULT_SCORE
    if "--score" in argv:
        score_py = argv[argv.index("--score") + 1]
        argv = [a for a in argv if a not in ("--score", score_py)]
    if not os.path.exists(score_py):
        print(f"warning: {score_py} not found, perfect-extraction check skipped")
        score_py = None
    files = argv or sorted(glob.glob(os.path.join(HERE, "*.gold.json")))
    bad = 0
    for path in files:
        errs, warns, result = check_one(path, score_py)
        status = "FAIL" if errs else "ok"
        print(f"{status:4} {os.path.basename(path)}" + (f"  ({result})" if result else ""))
        for w in warns:
            print(f"     warning: {w}")
        for e in errs:
            print(f"     error: {e}")
        bad += bool(errs)
    print(f"{len(files) - bad}/{len(files)} gold files pass")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
