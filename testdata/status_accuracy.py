#!/usr/bin/env python3
"""Status accuracy on matched events, summed over any number of articles.

usage: status_accuracy.py [--min SHARE] [--score-py PATH] EXTRACTION.json GOLD.json [EXTRACTION.json GOLD.json ...]

score.py prints `status_right=R/M` per article; this adds them up across a set
and shows which statuses are confused. Events are matched exactly as score.py
matches them (same type; supplier -> recipient when both sides give them; at
least min(2, n) gold participants found among the predicted participants,
supplier and recipient; one-to-one, first fit in extraction order), reusing
score.py's own name normalisation and gold forms. Prints per pair
`right/matched`, the total share, and a gold -> predicted confusion table of
the matched events. Exits 1 when --min is given and the share is below it.
Standard library only.
"""
import importlib.util
import json
import os
import re
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
CANDIDATES = [os.path.join(HERE, "..", "..", "shared", "eval", "score.py"),
              os.path.join(HERE, "eval", "score.py")]


def load_scorer(path):
    spec = importlib.util.spec_from_file_location("score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def tnorm(t):
    return re.sub(r"[^a-z]", "", (t or "").lower())


def match_events(sc, x, g):
    """(gold status, predicted status) for every matched event, as score.py matches them."""
    gold = sc.Gold(g)
    by_id = {e.get("id"): e for e in x.get("entities") or []}

    def same(ref, gname):
        e = by_id.get(ref)
        forms = sc.entity_forms(e) if e else {sc.norm(str(ref))}
        return bool(forms & gold.forms_of(gname))

    pev = x.get("events") or []
    used, pairs = set(), []
    for ge in g.get("events", []):
        hit = None
        for i, pe in enumerate(pev):
            if i in used or tnorm(pe.get("type")) != tnorm(ge["type"]):
                continue
            if ge.get("from") and ge.get("to") and (pe.get("supplier") or pe.get("recipient")):
                if not (same(pe.get("supplier"), ge["from"]) and same(pe.get("recipient"), ge["to"])):
                    continue
            refs = list(pe.get("participants") or []) + [pe.get(k) for k in ("supplier", "recipient") if pe.get(k)]
            need = min(2, len(ge["participants"]))
            if sum(1 for gp in ge["participants"] if any(same(r, gp) for r in refs)) >= need:
                hit = i
                break
        if hit is not None:
            used.add(hit)
            pairs.append((ge.get("status"), (pev[hit].get("status") or "").lower()))
    return pairs


def main(argv):
    minimum, score_py = None, None
    args = []
    it = iter(argv)
    for a in it:
        if a == "--min":
            minimum = float(next(it))
        elif a == "--score-py":
            score_py = next(it)
        else:
            args.append(a)
    if not args or len(args) % 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    score_py = score_py or next((p for p in CANDIDATES if os.path.exists(p)), None)
    if not score_py or not os.path.exists(score_py):
        print("status_accuracy: score.py not found (give --score-py)", file=sys.stderr)
        return 2
    sc = load_scorer(score_py)
    right = matched = 0
    confusion = Counter()
    for xp, gp in zip(args[0::2], args[1::2]):
        x = json.load(open(xp, encoding="utf-8"))
        if isinstance(x, list):
            x = x[0] if x else {}
        g = json.load(open(gp, encoding="utf-8"))
        pairs = match_events(sc, x, g)
        r = sum(1 for gs, ps in pairs if gs == ps)
        right += r
        matched += len(pairs)
        confusion.update(pairs)
        print(f"{os.path.basename(gp)}: {r}/{len(pairs)}")
    share = right / matched if matched else 1.0
    print(f"status right on {right}/{matched} matched events: {share:.2f}")
    if confusion:
        print("gold -> predicted (matched events):")
        for (gs, ps), n in sorted(confusion.items(), key=lambda kv: (-kv[1], kv[0])):
            print(f"  {gs:<12} -> {ps or '(none)':<12} {n}")
    if minimum is not None and share < minimum:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
