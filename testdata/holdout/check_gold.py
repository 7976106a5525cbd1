#!/usr/bin/env python3
"""Validate the hold-out gold files and check that each one scores 1.00 against
a "perfect" extraction built from the gold itself.

usage: check_gold.py [GOLD.json ...]      (default: every *.gold.json beside this script)

Errors (exit 1): invalid JSON or fields; evidence / text_start not exact substrings of
the article; text_start not right after an opening quote mark; speakers, participants,
from/to, about not gold names; aliases not in the text; perfect extraction not 1.00.
Warnings (printed only): quoted spans of 3+ words with no gold quote, country names or
demonyms found in the text but missing from the gold, article length outside 400-900 words.
Set SCORE_PY to point at another score.py (default ../../../shared/eval/score.py).
Standard library only.
"""
import glob
import json
import os
import re
import subprocess
import sys
import tempfile
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
SCORE_PY = os.environ.get("SCORE_PY", os.path.normpath(os.path.join(HERE, "..", "..", "..", "shared", "eval", "score.py")))

EVENT_TYPES = {"meeting": "Meeting", "visit": "Visit", "arms_transfer": "ArmsTransfer",
               "arms_negotiation": "ArmsNegotiation", "agreement": "Agreement", "aid": "Aid",
               "missile_test": "MissileTest", "sanction": "Sanction", "other": "Other"}
STATUSES = {"occurred", "planned", "reported", "alleged", "speculative", "denied"}
CLOSERS = {"“": "”", '"': '"', "‘": "’"}

# Country names and demonyms to warn about when present in a text but absent from its gold.
COUNTRY_HINTS = {
    "AFG": ["Afghanistan", "Afghan"], "ARE": ["United Arab Emirates", "UAE", "Emirati"],
    "ARM": ["Armenia", "Armenian"], "AUS": ["Australia", "Australian"], "AZE": ["Azerbaijan", "Azerbaijani"],
    "BHR": ["Bahrain", "Bahraini"], "BLR": ["Belarus", "Belarusian"], "BRA": ["Brazil", "Brazilian"],
    "CAN": ["Canada", "Canadian"], "CHN": ["China", "Chinese"], "DEU": ["Germany", "German"],
    "DNK": ["Denmark", "Danish"], "EGY": ["Egypt", "Egyptian"], "ESP": ["Spain", "Spanish"],
    "EST": ["Estonia", "Estonian"], "FIN": ["Finland", "Finnish"], "FRA": ["France", "French"],
    "GBR": ["United Kingdom", "Britain", "British", "UK"], "GRC": ["Greece", "Greek"],
    "HUN": ["Hungary", "Hungarian"], "IND": ["India", "Indian"], "IRN": ["Iran", "Iranian"],
    "IRQ": ["Iraq", "Iraqi"], "ISR": ["Israel", "Israeli"], "JPN": ["Japan", "Japanese"],
    "KOR": ["South Korea", "South Korean"], "LAO": ["Laos", "Lao"], "LBN": ["Lebanon", "Lebanese"],
    "LTU": ["Lithuania", "Lithuanian"], "MLI": ["Mali", "Malian"], "MNG": ["Mongolia", "Mongolian"],
    "NLD": ["Netherlands", "Dutch"], "NPL": ["Nepal"], "OMN": ["Oman", "Omani"],
    "PAK": ["Pakistan", "Pakistani"], "PHL": ["Philippines", "Philippine", "Filipino"],
    "PRK": ["North Korea", "North Korean", "DPRK"], "PSE": ["Palestine", "Palestinian"],
    "QAT": ["Qatar", "Qatari"], "RUS": ["Russia", "Russian"], "SAU": ["Saudi Arabia", "Saudi"],
    "SGP": ["Singapore", "Singaporean"], "SOM": ["Somalia", "Somali"], "SWE": ["Sweden", "Swedish"],
    "SYR": ["Syria", "Syrian"], "TUR": ["Turkey", "Türkiye", "Turkish"], "TWN": ["Taiwan", "Taiwanese"],
    "UKR": ["Ukraine", "Ukrainian"], "USA": ["United States", "U.S.", "US", "American"],
    "VNM": ["Vietnam", "Vietnamese"], "YEM": ["Yemen", "Yemeni"],
}


def norm(s):
    """The scorer's normalisation."""
    s = unicodedata.normalize("NFKC", s or "").lower().replace("’", "'")
    s = re.sub(r"[-_]", " ", s)
    s = re.sub(r"[^\w\s]", "", s)
    return re.sub(r"\s+", " ", s).strip()


def nwords(s):
    return len(norm(s).split())


def slug(s):
    return re.sub(r"[^a-z0-9]+", "-", unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().lower()).strip("-")


def quote_end(text, start, opener):
    """End of a quotation opened by `opener` just before `start`: its closing mark or the end of the paragraph."""
    closer = CLOSERS[opener]
    i = start
    while i < len(text) and text[i] != "\n":
        if text[i] == closer and not (closer == "’" and i + 1 < len(text) and text[i + 1].isalpha()):
            return i
        i += 1
    return i


def quoted_spans(text):
    """All quotations in the text: (start, end) of the words inside the marks."""
    spans = []
    i = 0
    while i < len(text):
        c = text[i]
        opens = c in "“\"" or (c == "‘" and (i == 0 or not text[i - 1].isalpha()))
        if opens:
            end = quote_end(text, i + 1, c)
            spans.append((i + 1, end))
            i = end + 1
        else:
            i += 1
    return spans


def word_boundary_find(text, form):
    return re.search(r"(?<![\w])" + re.escape(form) + r"(?![\w])", text) is not None


class Checker:
    def __init__(self, gold_path):
        self.gold_path = gold_path
        self.errors = []
        self.warnings = []

    def err(self, msg):
        self.errors.append(msg)

    def warn(self, msg):
        self.warnings.append(msg)

    def run(self):
        try:
            g = json.load(open(self.gold_path, encoding="utf-8"))
        except (OSError, ValueError) as e:
            self.err(f"not readable JSON: {e}")
            return None, None
        for key in ("article", "published", "people", "countries", "organizations", "places", "events", "quotes"):
            if key not in g:
                self.err(f"missing key {key!r}")
        art = os.path.join(os.path.dirname(self.gold_path), g.get("article", ""))
        try:
            text = open(art, encoding="utf-8").read()
        except OSError as e:
            self.err(f"article not readable: {e}")
            return None, None
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", g.get("published") or ""):
            self.err(f"published {g.get('published')!r} is not YYYY-MM-DD")
        words = len(text.split())
        if not 400 <= words <= 900:
            self.warn(f"article has {words} words (400-900 wanted)")

        names = {}

        def add_name(name, kind):
            if name in names:
                self.err(f"name {name!r} used twice ({names[name]} and {kind})")
            names[name] = kind

        for p in g.get("people", []):
            add_name(p["name"], "person")
            for k in ("role", "country"):
                if not p.get(k):
                    self.err(f"person {p['name']}: missing {k}")
            if p.get("country") and not re.fullmatch(r"[A-Z]{3}", p["country"]):
                self.err(f"person {p['name']}: country {p['country']!r} is not ISO3")
            forms = [p["name"]] + p.get("aliases", [])
            if not any(f in text for f in forms):
                self.err(f"person {p['name']}: neither name nor any alias is in the text")
            for a in p.get("aliases", []):
                if a not in text:
                    self.err(f"person {p['name']}: alias {a!r} not in text")
        for c in g.get("countries", []):
            add_name(c["name"], "country")
            if not re.fullmatch(r"[A-Z]{3}", c.get("iso3", "")):
                self.err(f"country {c['name']}: bad iso3 {c.get('iso3')!r}")
            if not c.get("aliases_in_text"):
                self.err(f"country {c['name']}: no aliases_in_text")
            for a in c.get("aliases_in_text", []):
                if a not in text:
                    self.err(f"country {c['name']}: alias {a!r} not in text")
        isos = [c.get("iso3") for c in g.get("countries", [])]
        if len(isos) != len(set(isos)):
            self.err("duplicate iso3 in countries")
        for o in g.get("organizations", []):
            add_name(o["name"], "organization")
            forms = [o["name"]] + o.get("aliases", [])
            if not any(f in text for f in forms):
                self.err(f"organization {o['name']}: neither name nor any alias is in the text")
            for a in o.get("aliases", []):
                if a not in text:
                    self.err(f"organization {o['name']}: alias {a!r} not in text")
        place_names = set()
        for pl in g.get("places", []):
            place_names.add(pl["name"])
            if pl["name"] not in text:
                self.warn(f"place {pl['name']!r} not literally in text")
            if pl.get("country") is not None and not re.fullmatch(r"[A-Z]{3}", pl["country"]):
                self.err(f"place {pl['name']}: country {pl.get('country')!r} is not ISO3 or null")

        for i, ev in enumerate(g.get("events", [])):
            tag = f"event {i} ({ev.get('type')}: {ev.get('evidence', '')[:40]!r})"
            if ev.get("type") not in EVENT_TYPES:
                self.err(f"{tag}: bad type")
            if ev.get("status") not in STATUSES:
                self.err(f"{tag}: bad status {ev.get('status')!r}")
            if not ev.get("participants"):
                self.err(f"{tag}: no participants")
            for p in ev.get("participants", []):
                if p not in names:
                    self.err(f"{tag}: participant {p!r} is not a gold person/country/organization")
            for k in ("from", "to"):
                if ev.get(k) is not None:
                    if ev[k] not in names:
                        self.err(f"{tag}: {k} {ev[k]!r} is not a gold name")
                    if ev[k] not in ev.get("participants", []):
                        self.err(f"{tag}: {k} {ev[k]!r} is not among the participants")
            if bool(ev.get("from")) != bool(ev.get("to")):
                self.err(f"{tag}: from and to must be given together")
            if ev.get("type") in ("arms_transfer", "aid") and not ev.get("from"):
                self.err(f"{tag}: transfers and aid need from/to")
            d = ev.get("date")
            if d is not None and not re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", d):
                self.err(f"{tag}: bad date {d!r}")
            if ev.get("place") is not None and ev["place"] not in place_names:
                self.err(f"{tag}: place {ev['place']!r} not in gold places")
            if not ev.get("evidence") or ev["evidence"] not in text:
                self.err(f"{tag}: evidence is not an exact substring of the article")

        covered = []
        seen = set()
        for q in g.get("quotes", []):
            ts = q.get("text_start", "")
            tag = f"quote {ts[:40]!r}"
            if ts in seen:
                self.err(f"{tag}: duplicate text_start")
            seen.add(ts)
            if q.get("speaker") not in names:
                self.err(f"{tag}: speaker {q.get('speaker')!r} is not a gold person/country/organization")
            for a in q.get("about", []):
                if a not in names:
                    self.err(f"{tag}: about {a!r} is not a gold person/country/organization")
            pos = text.find(ts)
            if not ts or pos < 0:
                self.err(f"{tag}: text_start not in text")
                continue
            if text.count(ts) > 1:
                self.warn(f"{tag}: text_start occurs {text.count(ts)} times")
            opener = text[pos - 1] if pos > 0 else ""
            if opener not in CLOSERS:
                self.err(f"{tag}: text_start does not begin right after an opening quote mark")
                continue
            end = quote_end(text, pos, opener)
            full = text[pos:end]
            if not full.startswith(ts):
                self.err(f"{tag}: text_start runs past the closing quote mark")
            n, nt = nwords(full), nwords(ts)
            if n < 3:
                self.err(f"{tag}: quotation has fewer than 3 words")
            if n >= 6 and not 6 <= nt <= 9:
                self.err(f"{tag}: text_start has {nt} words (6-9 wanted)")
            if n < 6 and norm(ts) != norm(full):
                self.err(f"{tag}: a short quotation's text_start should be the whole quotation")
            covered.append((pos, end, full, q))
        for s, e in quoted_spans(text):
            span = text[s:e]
            if nwords(span) >= 3 and not any(cs <= s < ce or s <= cs < e for cs, ce, _, _ in covered):
                self.warn(f"quoted span with no gold quote: {span[:60]!r}")

        gold_isos = set(isos)
        for iso, forms in COUNTRY_HINTS.items():
            if iso in gold_isos:
                continue
            hits = [f for f in forms if word_boundary_find(text, f)]
            if hits:
                self.warn(f"text mentions {hits} but {iso} is not in gold countries (fine only if used as a location)")
        return g, (text, covered)

    def perfect(self, g, text, covered):
        """An extraction document that reproduces the gold exactly."""
        ids, ents = {}, []

        def mentions(forms):
            out, taken = [], []
            for f in sorted(set(forms), key=len, reverse=True):
                for m in re.finditer(re.escape(f), text):
                    if any(m.start() < e and s < m.end() for s, e in taken):
                        continue
                    taken.append((m.start(), m.end()))
                    out.append({"start": m.start(), "end": m.end(), "text": f})
            return sorted(out, key=lambda m: m["start"])

        for p in g["people"]:
            ids[p["name"]] = "person:" + slug(p["name"])
            ents.append({"id": ids[p["name"]], "type": "Person", "name": p["name"], "aliases": p.get("aliases", []),
                         "country": p.get("country"), "role": p.get("role"),
                         "mentions": mentions([p["name"]] + p.get("aliases", []))})
        for c in g["countries"]:
            ids[c["name"]] = "country:" + c["iso3"]
            ents.append({"id": ids[c["name"]], "type": "Country", "name": c["name"], "iso3": c["iso3"],
                         "aliases": c.get("aliases_in_text", []), "mentions": mentions(c.get("aliases_in_text", []))})
        for o in g["organizations"]:
            ids[o["name"]] = "org:" + slug(o["name"])
            ents.append({"id": ids[o["name"]], "type": "Organization", "name": o["name"], "aliases": o.get("aliases", []),
                         "mentions": mentions([o["name"]] + o.get("aliases", []))})
        place_ids = {}
        for pl in g["places"]:
            place_ids[pl["name"]] = "place:" + slug(pl["name"])
            ents.append({"id": place_ids[pl["name"]], "type": "Place", "name": pl["name"], "aliases": [],
                         "country": pl.get("country"), "mentions": mentions([pl["name"]])})
        events = []
        for i, ev in enumerate(g["events"]):
            s = text.find(ev["evidence"])
            events.append({"id": f"event:{i}", "type": EVENT_TYPES[ev["type"]],
                           "participants": [ids[p] for p in ev["participants"]],
                           "supplier": ids.get(ev.get("from")), "recipient": ids.get(ev.get("to")),
                           "place": place_ids.get(ev.get("place")), "date": ev.get("date"), "status": ev["status"],
                           "evidence": [{"start": s, "end": s + len(ev["evidence"]), "text": ev["evidence"]}]})
        statements = []
        for i, (s, e, full, q) in enumerate(covered):
            statements.append({"id": f"statement:{i}", "speaker": ids[q["speaker"]], "text": full, "direct": True,
                               "about": [ids[a] for a in q.get("about", [])],
                               "evidence": {"start": s, "end": e, "text": full}})
        return {"article": {"id": g["article"], "title": text.splitlines()[0], "published": g["published"],
                            "dateline": None, "url": None},
                "entities": ents, "events": events, "statements": statements}


def main(argv):
    paths = argv or sorted(glob.glob(os.path.join(HERE, "*.gold.json")))
    if not paths:
        print("no gold files found", file=sys.stderr)
        return 2
    failed = 0
    for path in paths:
        ch = Checker(path)
        g, extra = ch.run()
        score_line = ""
        if g is not None and not ch.errors:
            text, covered = extra
            x = ch.perfect(g, text, covered)
            with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as f:
                json.dump(x, f, ensure_ascii=False)
            try:
                art = os.path.join(os.path.dirname(path), g["article"])
                r = subprocess.run([sys.executable, SCORE_PY, art, f.name, path, "--min", "0.999"],
                                   capture_output=True, text=True)
            finally:
                os.unlink(f.name)
            score_line = (r.stdout.strip().splitlines() or ["score: ?"])[-1]
            if r.returncode != 0:
                ch.err("perfect extraction does not score 1.00:\n    " + r.stdout.strip().replace("\n", "\n    "))
        name = os.path.basename(path)
        status = "FAIL" if ch.errors else "ok"
        counts = ""
        if g is not None:
            counts = (f"people={len(g.get('people', []))} countries={len(g.get('countries', []))} "
                      f"events={len(g.get('events', []))} quotes={len(g.get('quotes', []))}")
        print(f"{status:4} {name}  {counts}  {score_line}")
        for e in ch.errors:
            print(f"     error: {e}")
        for w in ch.warnings:
            print(f"     warning: {w}")
        failed += bool(ch.errors)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
