package loader

import (
	"strings"

	"github.com/geokg/geokg/model"
)

// Sanction: a state or bloc imposes sanctions, an embargo, a ban or a
// terrorist designation on another (CAMEO 163 impose embargo, boycott or
// sanctions). "The U.S. imposed sanctions on X", "X was sanctioned by the
// EU", "Washington sanctioned three companies", "the EU banned Belarusian
// airlines". The participants are the imposers, then the target (and the
// target's state).
type sanctionKind struct {
	kindBase
	Assets      wordSet // "froze the assets of": only assets frozen are a sanction
	Designation wordSet // stems of what a designation makes one ("terrorist", "sanctioned")
	Relief      wordSet // "a sanctions waiver" lifts sanctions
	Target      wordSet // "sanctions on", "against", "targeting"
	Reason      wordSet // "over the purchase of …": the reason, not the target
	Owners      wordSet // "our sanctions": tools owned, no act
	Holders     wordSet // "entities in Hong Kong": targets placed in a city of their state
	Suffered    wordSet // "were hit with sanctions": the subject is the target
}

// Senses of sanction triggers (lexicon/triggers.tsv).
const (
	senseFreeze    = "freeze"    // only with assets or trade
	senseDesignate = "designate" // only as terrorists or sanctioned persons
	senseBan       = "ban"       // only on another state ("banned Belarusian airlines", not "banned protests")
)

func init() {
	registerKind(&sanctionKind{kindBase: kindBase{typ: model.Sanction, cameo: "163", alone: 2, agreedIsDone: true, mediaTargets: true}})
}

func (k *sanctionKind) read(d *doc, c *clause, ev *event) bool {
	toks, j0 := c.toks, c.k
	if c.tr.has(senseFreeze) && !k.within(c, j0+1, j0+5, func(w string) bool { return k.Assets[w] }) {
		return false // a frozen conflict
	}
	if c.tr.has(senseDesignate) && !k.within(c, j0+1, j0+12, func(w string) bool {
		for s := range k.Designation {
			if strings.HasPrefix(w, s) {
				return true
			}
		}
		return false
	}) {
		return k.designatedFirms(d, c, ev)
	}
	if k.Relief[c.norm(j0+1)] {
		return false // "signed a sanctions waiver" lifts sanctions
	}
	if c.noun {
		if ps := k.suffered(d, c); ps != nil {
			ev.participants = ps
			return true
		}
	}
	var imposer, target *entity
	var also []*entity // "the United States, Britain and Canada announced sanctions"
	owned := false     // "our sanctions", "Washington's sanctions": whose tools, not an act
	if c.noun {
		imposer = d.possessor(c, j0)
		owned = imposer != nil || k.Owners[c.norm(j0-1)] || k.Owners[c.norm(j0-2)]
		if imposer == nil && !k.toldOf(d, c) {
			if es := d.subjects(c, j0); len(es) > 0 {
				imposer, also = es[0], es[1:]
			}
		}
	} else {
		if es := d.subjects(c, j0); len(es) > 0 {
			imposer, also = es[0], es[1:]
		}
		if os := d.objects(&clause{si: c.si, k: j0, start: c.start, end: min(c.end, j0+6), toks: toks, tr: c.tr}, j0+1); len(os) > 0 {
			target = os[0]
			// "designated Yemen's Houthi rebels": the possessed is the target.
			if m := d.mentionAt(c.si, j0+1); m != nil && d.actor(c.si, m) == os[0] && m.tj < len(toks) && toks[m.tj].norm == "'s" {
				if h := d.mentionAt(c.si, m.tj+1); h != nil && h.ent.typ == model.Organization {
					target = h.ent
				}
			}
		}
	}
	for j := j0 + 1; j < c.end && j < j0+8; j++ {
		switch n := toks[j].norm; {
		case k.Target[n]:
			if target == nil && j+1 < len(toks) && gram.PossessiveIt[toks[j+1].norm] {
				target = d.resolveIt(c.si, toks[j+1].start) // "sanctions on its top defense agency"
			}
			if target == nil {
				if os := d.objects(c, j+1); len(os) > 0 {
					target = os[0]
				}
			}
		case gram.Agent[n]:
			if os := d.objects(c, j+1); len(os) > 0 {
				imposer, target = os[0], imposer
			}
		}
	}
	if target == nil && imposer != nil {
		// "Britain sanctioned 50 individuals … linked to Russia's war", but
		// not the reason ("… over the purchase of Russian missiles").
		for j := j0 + 1; j < c.end && target == nil; j++ {
			if k.Reason[toks[j].norm] {
				break
			}
			if m := d.mentionAt(c.si, j); m != nil && m.ent.typ == model.Country && m.ent != imposer && m.how != byDemonym {
				target = m.ent
			}
			// "blacklisted five entities in Hong Kong": firms placed in a
			// city are its state's
			if m := d.mentionAt(c.si, j); m != nil && target == nil && m.ent.typ == model.Place && k.within(c, j-3, j, func(w string) bool { return k.Holders[w] }) {
				if s := d.stateOf(m.ent); s != nil && s.typ == model.Country && s != imposer {
					target = s
				}
			}
			// "blacklisted 78 individuals, including Defence Minister Viktor
			// Khrenin", "… including suppliers of the Russian army"
			if m := d.mentionAt(c.si, j); m != nil && target == nil && d.stateOf(m.ent) != d.stateOf(imposer) &&
				(m.ent.typ == model.Person || m.ent.typ == model.Organization && d.stateOf(m.ent) != nil && d.stateOf(m.ent) != m.ent) {
				target = m.ent
			}
		}
	}
	if c.tr.has(senseBan) || c.tr.has(senseFreeze) {
		// A ban or freeze is a sanction when it hits another state: "banned
		// Belarusian airlines", "a ban on Russian oil", "suspended imports of
		// Japanese seafood", not "banned protests".
		target = nil
		for j := j0 + 1; j < c.end && j <= j0+5 && target == nil; j++ {
			if m := d.mentionAt(c.si, j); m != nil && m.ent.typ == model.Country && m.ent != d.stateOf(imposer) {
				target = m.ent
			}
		}
	}
	imposer = d.stateOf(imposer) // the Treasury imposes for the United States
	if imposer != nil && imposer.typ != model.Person && target == nil && !owned && !c.tr.has(senseBan) && !c.tr.has(senseFreeze) {
		// "Washington tightened sanctions in 2019": the target is the one
		// the article's other sanctions establish (impliedSides).
		ev.participants, ev.open = []*entity{imposer}, true
		return true
	}
	if imposer == nil || target == nil || imposer == target {
		return false
	}
	ev.participants = []*entity{imposer}
	for _, a := range also {
		if a = d.stateOf(a); a != nil && a != target && a != d.stateOf(target) {
			ev.participants = append(ev.participants, a)
		}
	}
	ev.participants = uniqueEntities(append(ev.participants, target, d.stateOf(target))) // an agency's country is targeted too
	return true
}

// designatedFirms reads "The United States slapped sanctions on three
// China-based companies. The State Department designated General
// Technology Limited, …": a designation of organizations or people, by the
// imposer of a sanction told in the two sentences before, names that
// sanction's targets (one event with both).
func (k *sanctionKind) designatedFirms(d *doc, c *clause, ev *event) bool {
	if c.noun {
		return false
	}
	imposer := d.stateOf(d.subject(c, c.k))
	if imposer == nil {
		return false
	}
	last := d.lastEvent(c.si, 2, func(e *event) bool { return e.typ == k.typ && e.participants[0] == imposer })
	if last == nil {
		return false
	}
	var targets []*entity
	for _, o := range d.objects(c, c.k+1) {
		if o.typ == model.Organization || o.typ == model.Person {
			targets = append(targets, o)
		}
	}
	if len(targets) == 0 {
		return false
	}
	ev.participants = uniqueEntities(append(append([]*entity{imposer}, targets...), last.participants[1:]...))
	return true
}

// toldOf: a sanctions noun after a speech verb is what the speaker talks
// about ("Mehra said the sanctions were unlikely to hurt ties", "he said
// sanctions would stay in place", "Beijing condemned the sanctions"): the
// speaker imposes nothing.
func (k *sanctionKind) toldOf(d *doc, c *clause) bool {
	for j := c.k - 1; j >= c.start && j >= c.k-4; j-- {
		if !c.toks[j].word || c.toks[j].cap {
			return false
		}
		if v, says := d.x.lx.speech[c.toks[j].norm]; says && v.kind != speechClaim && v.kind != speechDeny {
			return true // "announced sanctions" imposes them
		}
	}
	return false
}

// within reports a word among tokens [i, j) of the clause that ok accepts.
func (k *sanctionKind) within(c *clause, i, j int, ok func(string) bool) bool {
	for x := i; x < min(c.end, j); x++ {
		if ok(c.toks[x].norm) {
			return true
		}
	}
	return false
}

// suffered reads "four Iranian firms were all hit with the new sanctions",
// "Minsk was slapped with sanctions": after a verb of suffering and
// "with" (Suffered), the subject is the target, not the imposer; the
// imposer follows "by", else is the imposer of the article's last sanction
// told in the sentences before. A target of that sanction's target state,
// or sanctions named with a definite article ("the new sanctions"),
// retell it.
func (k *sanctionKind) suffered(d *doc, c *clause) []*entity {
	toks := c.toks
	j := c.k - 1
	for j > c.start && j >= c.k-4 && toks[j].word && !toks[j].cap && !gram.Comitative[toks[j].norm] {
		j-- // "with the new", "with fresh"
	}
	if j <= c.start || !gram.Comitative[toks[j].norm] || !k.Suffered[toks[j-1].norm] {
		return nil
	}
	target := d.subject(c, j-1)
	if target == nil {
		return nil
	}
	var imposer *entity
	if gram.Agent[c.norm(c.k+1)] {
		imposer = d.stateOf(d.actorRightAfter(c, c.k+2))
	}
	if imposer == nil {
		last := d.lastEvent(c.si, 3, func(e *event) bool { return e.typ == k.typ && len(e.participants) >= 2 && e.status != model.Denied })
		if last == nil {
			return nil
		}
		imposer = last.participants[0]
		if t := last.participants[len(last.participants)-1]; d.stateOf(target) == t || target == t || gram.Anaphoric[toks[j+1].norm] {
			return last.participants // the sanction told before, retold ("hit with the new sanctions")
		}
	}
	if imposer == target || imposer == nil {
		return nil
	}
	return []*entity{imposer, target}
}

func (k *sanctionKind) same(d *doc, a, b *event) bool { return d.sameParties(a, b) }

// doers: all but the target are imposers.
func (k *sanctionKind) doers(ev *event) []*entity { return ev.participants[:len(ev.participants)-1] }
