#!/usr/bin/env python3
"""Validate the gold files of testdata/ and check that a perfect extraction scores 1.00.

usage: check_gold.py [GOLD.json ...] [--no-score] [--score-py PATH]

With no gold files given, every testdata/*/*.gold.json is checked.
For each gold file it checks that
  * the file is valid JSON with the keys and value types of the seed gold format;
  * the article (same name, .txt) exists and is UTF-8;
  * every event evidence and every quote text_start is an exact substring;
  * every text_start begins right after an opening quotation mark, is 6-9 words
    (or the whole quotation when it is shorter) and the quotation has >= 3 words;
  * every quotation of >= 3 words in the article is covered by a gold quote;
  * speakers, participants, from/to, places and "about" are gold names;
  * aliases of people / countries / organizations occur in the text;
  * event types, statuses and dates are well formed; transfers and aid have from/to.
Then it builds the extraction a perfect extractor would print from the gold file and
scores it with the scorer (testdata/eval/score.py); anything below 1.00 is an error.
How long a text_start is (6-9 words) is a convention of the later sets: a warning.
Standard library only. Exit status 1 when any error was found.
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
SCORE_PY = os.path.join(HERE, "eval", "score.py")  # the copy of ../shared/eval/score.py

EVENT_TYPES = {"meeting", "visit", "arms_transfer", "arms_negotiation", "agreement",
               "aid", "missile_test", "sanction", "other"}
STATUSES = {"occurred", "planned", "reported", "alleged", "speculative", "denied"}
TYPE_OUT = {"meeting": "Meeting", "visit": "Visit", "arms_transfer": "ArmsTransfer",
            "arms_negotiation": "ArmsNegotiation", "agreement": "Agreement", "aid": "Aid",
            "missile_test": "MissileTest", "sanction": "Sanction", "other": "Other"}
OPEN_QUOTES = "\u201c\u2018\""  # “ ‘ "
CLOSE_FOR = {"\u201c": "\u201d", "\u2018": "\u2019", '"': '"'}
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def words(s):
    """Words as score.py counts them (after its normalisation)."""
    return norm(s).split()


def norm(s):
    s = unicodedata.normalize("NFKC", s or "").lower().replace("’", "'")
    s = re.sub(r"[-_]", " ", s)
    s = re.sub(r"[^\w\s]", "", s)
    return re.sub(r"\s+", " ", s).strip()


def slug(s):
    return re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")


def occurs(text, alias, case=True):
    pat = r"(?<!\w)" + re.escape(alias) + r"(?!\w)"
    return re.search(pat, text, 0 if case else re.I) is not None


def quoted_spans(text):
    """(start, end) of the inside of every quotation in the text, per paragraph.

    Curly quotes pair “ with ” and ‘ with ’ (an apostrophe is a ’ followed by a
    letter); straight double quotes pair in order within a
    paragraph. A paragraph that opens a quotation without closing it (continued
    quote) yields the span to the end of the paragraph."""
    spans = []
    pos = 0
    for para in text.split("\n"):
        i = 0
        while i < len(para):
            c = para[i]
            if c == "\u201c" or c == '"':
                close = "\u201d" if c == "\u201c" else '"'
                j = para.find(close, i + 1)
                if c == "\u201c":
                    # a nested or stray opening mark ends the quotation too
                    k = para.find("\u201c", i + 1)
                    if k != -1 and (j == -1 or k < j):
                        j = k
                end = j if j != -1 else len(para)
                spans.append((pos + i + 1, pos + end))
                i = end + 1
            elif c == "\u2018" and (i == 0 or not para[i - 1].isalnum()):
                m = re.compile(r"\u2019(?!\w)").search(para, i + 1)
                end = m.start() if m else len(para)
                spans.append((pos + i + 1, pos + end))
                i = end + 1
            else:
                i += 1
        pos += len(para) + 1
    return spans


def quote_end(text, start):
    """End (exclusive) of the quotation whose inside starts at `start`."""
    opener = text[start - 1]
    close = CLOSE_FOR.get(opener, '"')
    nl = text.find("\n", start)
    nl = len(text) if nl == -1 else nl
    if opener == "\u2018":
        # single quotes: the closing ’ is one followed by a non-letter
        m = re.compile(r"\u2019(?!\w)").search(text, start, nl)
        return m.start() if m else nl
    j = text.find(close, start, nl)
    return j if j != -1 else nl


class Checker:
    def __init__(self, gold_path):
        self.gold_path = gold_path
        self.errors = []
        self.warnings = []

    def err(self, msg):
        self.errors.append(msg)

    def warn(self, msg):
        self.warnings.append(msg)

    def run(self, score=True, score_py=SCORE_PY):
        try:
            g = json.load(open(self.gold_path, encoding="utf-8"))
        except (OSError, ValueError) as e:
            self.err(f"not valid JSON: {e}")
            return
        self.g = g
        art = g.get("article")
        if not isinstance(art, str):
            self.err("missing 'article'")
            return
        self.txt_path = os.path.join(os.path.dirname(self.gold_path), art)
        expected = os.path.basename(self.gold_path).replace(".gold.json", ".txt")
        if art != expected:
            self.err(f"article {art!r} does not match gold file name ({expected})")
        try:
            text = open(self.txt_path, encoding="utf-8").read()
        except (OSError, UnicodeDecodeError) as e:
            self.err(f"cannot read article: {e}")
            return
        self.text = text
        n = len(words(text))
        if not 350 <= n <= 800:
            self.warn(f"article has {n} words (wanted 350-800)")
        pub = g.get("published")
        if pub is not None and not (isinstance(pub, str) and re.match(r"^\d{4}-\d{2}-\d{2}$", pub)):
            self.err(f"bad published date {pub!r}")
        for key in ("people", "countries", "organizations", "places", "events", "quotes"):
            if not isinstance(g.get(key), list):
                self.err(f"'{key}' must be a list")
                return
        self.check_entities(g, text)
        self.check_events(g, text)
        self.check_quotes(g, text)
        if score and not self.errors:
            self.score(g, score_py)

    # ---------------------------------------------------------------- entities
    def check_entities(self, g, text):
        names = {}
        kinds = {}

        def add(name, kind):
            if not isinstance(name, str) or not name:
                self.err(f"{kind} without a name")
                return
            if name in names:
                self.err(f"name {name!r} used twice ({names[name]} and {kind})")
            names[name] = kind

        for p in g["people"]:
            add(p.get("name"), "person")
            for k in ("aliases", "role", "country"):
                if k not in p:
                    self.err(f"person {p.get('name')!r} lacks {k!r}")
            if p.get("country") is not None and not re.match(r"^[A-Z]{3}$", p["country"]):
                self.err(f"person {p['name']!r}: bad country {p['country']!r}")
            forms = [p["name"]] + list(p.get("aliases", []))
            for a in p.get("aliases", []):
                if not occurs(text, a):
                    self.err(f"person alias {a!r} ({p['name']}) not in text")
            if not any(occurs(text, f) for f in forms):
                self.err(f"person {p['name']!r}: neither name nor any alias in text")
            elif not occurs(text, p["name"]):
                self.warn(f"person name {p['name']!r} not verbatim in text (aliases do occur)")
        for c in g["countries"]:
            add(c.get("name"), "country")
            if not re.match(r"^[A-Z]{3}$", c.get("iso3") or ""):
                self.err(f"country {c.get('name')!r}: bad iso3 {c.get('iso3')!r}")
            al = c.get("aliases_in_text")
            if not al:
                self.err(f"country {c.get('name')!r} has no aliases_in_text")
            for a in al or []:
                if not occurs(text, a):
                    self.err(f"country alias {a!r} ({c['name']}) not in text")
        isos = [c.get("iso3") for c in g["countries"]]
        if len(isos) != len(set(isos)):
            self.err("an iso3 code is listed twice")
        for o in g["organizations"]:
            add(o.get("name"), "organization")
            if not isinstance(o.get("aliases"), list):
                self.err(f"organization {o.get('name')!r} lacks aliases list")
            for a in o.get("aliases", []):
                if not occurs(text, a, case=False):
                    self.err(f"organization alias {a!r} ({o['name']}) not in text")
            if not any(occurs(text, f, case=False) for f in [o["name"]] + o.get("aliases", [])):
                self.warn(f"organization {o['name']!r}: neither name nor alias in text")
        for pl in g["places"]:
            nm = pl.get("name")
            if nm in names and names[nm] == "country":
                self.err(f"place {nm!r} has the name of a country")
            if nm not in names:
                names[nm] = "place"
            if "country" not in pl:
                self.err(f"place {nm!r} lacks 'country'")
            if not occurs(text, nm or "\0", case=False):
                self.err(f"place {nm!r} not in text")
        # an alias shared by two entities makes the scorer ambiguous
        owner = {}
        for kind, items, akey in (("person", g["people"], "aliases"),
                                  ("country", g["countries"], "aliases_in_text"),
                                  ("organization", g["organizations"], "aliases")):
            for it in items:
                fs = {norm(it["name"])} | {norm(a) for a in it.get(akey, [])}
                if kind == "country":
                    fs.add(norm(it["iso3"]))
                for f in fs:
                    if f in owner and owner[f] != it["name"]:
                        self.warn(f"form {f!r} belongs to both {owner[f]!r} and {it['name']!r}")
                    owner[f] = it["name"]
        self.names = names

    # ------------------------------------------------------------------ events
    def check_events(self, g, text):
        for i, e in enumerate(g["events"]):
            tag = f"event {i} ({e.get('type')})"
            if e.get("type") not in EVENT_TYPES:
                self.err(f"{tag}: bad type")
            if e.get("status") not in STATUSES:
                self.err(f"{tag}: bad status {e.get('status')!r}")
            parts = e.get("participants")
            if not parts or not isinstance(parts, list):
                self.err(f"{tag}: no participants")
                parts = []
            if len(set(parts)) != len(parts):
                self.err(f"{tag}: participant listed twice")
            for p in parts:
                if p not in self.names:
                    self.err(f"{tag}: participant {p!r} is not a gold name")
            if e.get("type") in ("arms_transfer", "aid"):
                if not (e.get("from") and e.get("to")):
                    self.err(f"{tag}: transfers and aid need from and to")
            for k in ("from", "to"):
                if e.get(k) is not None and e[k] not in parts:
                    self.err(f"{tag}: {k} {e[k]!r} not among participants")
            if e.get("type") == "visit" and len(parts) >= 2:
                if self.names.get(parts[-1]) not in ("country",):
                    self.warn(f"{tag}: last visit participant {parts[-1]!r} is not a country")
            if e.get("place") is not None and e["place"] not in self.names:
                self.err(f"{tag}: place {e['place']!r} is not a gold name")
            d = e.get("date", "missing")
            if d == "missing":
                self.err(f"{tag}: no date key")
            elif d is not None and not DATE_RE.match(d):
                self.err(f"{tag}: bad date {d!r}")
            ev = e.get("evidence")
            if not isinstance(ev, str) or not ev:
                self.err(f"{tag}: no evidence")
            elif ev not in text:
                self.err(f"{tag}: evidence not in text: {ev[:70]!r}")
        # two gold events with the same evidence are almost always one event
        evs = [e.get("evidence") for e in g["events"]]
        for ev in set(evs):
            if evs.count(ev) > 1:
                self.warn(f"evidence used by {evs.count(ev)} events: {ev[:60]!r}")

    # ------------------------------------------------------------------ quotes
    def check_quotes(self, g, text):
        starts = []
        for i, q in enumerate(g["quotes"]):
            ts = q.get("text_start") or ""
            tag = f"quote {i} ({ts[:30]!r})"
            if q.get("speaker") not in self.names:
                self.err(f"{tag}: speaker {q.get('speaker')!r} is not a gold name")
            for a in q.get("about", []):
                if a not in self.names:
                    self.err(f"{tag}: about {a!r} is not a gold name")
            pos = [m.start() for m in re.finditer(re.escape(ts), text)] if ts else []
            if not pos:
                self.err(f"{tag}: text_start not in text")
                continue
            ok = [p for p in pos if p > 0 and text[p - 1] in OPEN_QUOTES]
            if not ok:
                self.warn(f"{tag}: text_start does not follow an opening quote mark")
                continue
            p = ok[0]
            starts.append(p)
            inside = text[p:quote_end(text, p)]
            nw = len(words(ts))
            nq = len(words(inside))
            if nq < 3:
                self.err(f"{tag}: quotation has fewer than 3 words")
            if nw > 9:
                self.warn(f"{tag}: text_start has {nw} words (max 9)")
            if nw < 6 and nw < nq:
                self.warn(f"{tag}: text_start has {nw} words (min 6 unless the quote is shorter)")
        if len(set(starts)) != len(starts):
            self.err("two gold quotes start at the same place")
        # completeness: every quotation of three words or more is in the gold
        for s, e in quoted_spans(text):
            inside = text[s:e]
            if len(words(inside)) < 3:
                continue
            if s not in starts:
                self.err(f"quotation not in gold quotes: {inside[:60]!r}")

    # ------------------------------------------------------------------- score
    def perfect_extraction(self, g):
        text = self.text
        ents, ids = [], {}

        def mentions(forms):
            out = []
            for f in sorted(set(forms), key=len, reverse=True):
                for m in re.finditer(r"(?<!\w)" + re.escape(f) + r"(?!\w)", text):
                    if not any(m.start() < o["end"] and o["start"] < m.end() for o in out):
                        out.append({"start": m.start(), "end": m.end(), "text": m.group()})
            return sorted(out, key=lambda o: o["start"])

        for p in g["people"]:
            i = "person:" + slug(p["name"])
            ids[p["name"]] = i
            ents.append({"id": i, "type": "Person", "name": p["name"], "aliases": p["aliases"],
                         "country": p.get("country"), "role": p.get("role"),
                         "mentions": mentions([p["name"]] + p["aliases"])})
        for c in g["countries"]:
            i = "country:" + c["iso3"]
            ids[c["name"]] = i
            ents.append({"id": i, "type": "Country", "name": c["name"], "iso3": c["iso3"],
                         "aliases": c["aliases_in_text"],
                         "mentions": mentions(c["aliases_in_text"])})
        for o in g["organizations"]:
            i = "org:" + slug(o["name"])
            ids[o["name"]] = i
            ents.append({"id": i, "type": "Organization", "name": o["name"], "aliases": o["aliases"],
                         "mentions": mentions([o["name"]] + o["aliases"])})
        for pl in g["places"]:
            if pl["name"] in ids:
                continue
            i = "place:" + slug(pl["name"])
            ids[pl["name"]] = i
            ents.append({"id": i, "type": "Place", "name": pl["name"], "aliases": [],
                         "country": pl.get("country"), "mentions": mentions([pl["name"]])})
        events = []
        for k, e in enumerate(g["events"]):
            s = text.find(e["evidence"])
            events.append({
                "id": f"event:{k}", "type": TYPE_OUT[e["type"]],
                "participants": [ids[p] for p in e["participants"]],
                "supplier": ids.get(e.get("from")), "recipient": ids.get(e.get("to")),
                "place": ids.get(e.get("place")), "date": e.get("date"), "status": e["status"],
                "evidence": [{"start": s, "end": s + len(e["evidence"]), "text": e["evidence"]}]})
        stmts = []
        for k, q in enumerate(g["quotes"]):
            ts = q["text_start"]
            s = next((m.start() for m in re.finditer(re.escape(ts), text)
                      if m.start() > 0 and text[m.start() - 1] in OPEN_QUOTES), text.find(ts))
            e = quote_end(text, s)
            stmts.append({"id": f"statement:{k}", "speaker": ids[q["speaker"]], "text": text[s:e],
                          "direct": True, "about": [ids[a] for a in q.get("about", [])],
                          "evidence": {"start": s, "end": e, "text": text[s:e]}})
        return {"article": {"id": g["article"], "title": text.split("\n", 1)[0],
                            "published": g.get("published"), "dateline": None, "url": None},
                "entities": ents, "events": events, "statements": stmts}

    def score(self, g, score_py):
        x = self.perfect_extraction(g)
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as f:
            json.dump(x, f, ensure_ascii=False)
            path = f.name
        try:
            r = subprocess.run([sys.executable, score_py, self.txt_path, path, self.gold_path],
                               capture_output=True, text=True)
        finally:
            os.unlink(path)
        m = re.search(r"^score: ([0-9.]+)", r.stdout, re.M)
        if r.returncode != 0 or not m or m.group(1) != "1.00":
            self.err("perfect extraction does not score 1.00:\n" + r.stdout + r.stderr)
        self.score_line = m.group(0) if m else "score: ?"


def main(argv):
    score = "--no-score" not in argv
    score_py = SCORE_PY
    if "--score-py" in argv:
        score_py = argv[argv.index("--score-py") + 1]
        argv = [a for a in argv if a != score_py]
    files = [a for a in argv if not a.startswith("--")]
    if not files:
        files = sorted(os.path.join(HERE, d, f) for d in os.listdir(HERE) if d != "eval" and os.path.isdir(os.path.join(HERE, d))
                       for f in os.listdir(os.path.join(HERE, d)) if f.endswith(".gold.json"))
    if score and not os.path.exists(score_py):
        print(f"warning: {score_py} not found, skipping the perfect-extraction check")
        score = False
    bad = 0
    for fpath in files:
        c = Checker(fpath)
        c.run(score=score, score_py=score_py)
        g = getattr(c, "g", {}) or {}
        summary = (f"{len(g.get('people', []))} people, {len(g.get('countries', []))} countries, "
                   f"{len(g.get('events', []))} events, {len(g.get('quotes', []))} quotes")
        status = "ok" if not c.errors else f"{len(c.errors)} error(s)"
        print(f"{os.path.basename(fpath)}: {status}; {summary}; {getattr(c, 'score_line', '')}")
        for w in c.warnings:
            print(f"  warning: {w}")
        for e in c.errors:
            print(f"  ERROR: {e}")
        bad += bool(c.errors)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
