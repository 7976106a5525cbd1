package loader

import (
	"regexp"
	"strings"

	"github.com/geokg/geokg/model"
)

// Verbs that make the subject the giver: "X could assist Y in …".
var assistVerbs = setOf("assist", "assisted", "help", "helped")

// transfer reads an arms transfer or aid: items decide which; the verb
// decides who gives. "X supplied Y with drones", "X sent drones to Y",
// "Y received munitions from X", "X's deliveries of shells to Y".
func (d *doc) transfer(ev *event, si, k, cs, ce int, tr trigger) bool {
	toks := d.sents[si].tokens
	from, to := cs, ce
	if tr.noun {
		from = max(cs, k-6) // "weapons deliveries", "an arms package for"
	} else {
		from = k + 1
	}
	items := d.items(si, from, min(to, k+24))
	if assistVerbs[toks[k].norm] && !d.itemsIn(si, k+1, min(ce, k+16), "aid") {
		return false
	}
	if len(items) == 0 {
		return false
	}
	ev.typ = model.Aid
	for _, it := range items {
		ev.items = append(ev.items, it.name)
		if it.class == "arms" {
			ev.typ = model.ArmsTransfer
		}
	}
	var giver, taker *entity
	switch {
	case tr.noun:
		giver = d.possessor(si, k)
		if giver == nil {
			giver = d.madeBy(si, from, k)
		}
	case tr.give:
		giver = d.subject(si, k, cs)
	default:
		taker = d.subject(si, k, cs)
	}
	// "supply Russia with munitions", "provide North Korea with food":
	// the first object of a giving verb is the recipient.
	if tr.give && !tr.noun {
		taker = d.actorRightAfter(si, k+1, ce)
	}
	// Prepositions after the trigger name the other side.
	for j := k + 1; j < ce; j++ {
		switch toks[j].norm {
		case "to", "for":
			if taker == nil && (tr.give || tr.noun) {
				taker = d.actorRightAfter(si, j+1, ce)
			}
		case "from", "by":
			if giver == nil {
				giver = d.actorRightAfter(si, j+1, ce)
			}
		}
	}
	if giver == nil {
		giver = d.madeBy(si, k+1, ce)
	}
	if giver == nil && taker == nil || giver == taker {
		return false
	}
	ev.supplier, ev.recipient = giver, taker
	ev.participants = uniqueEntities([]*entity{giver, taker})
	ev.quantity = d.quantity(si, from, min(to, k+16))
	ev.value = d.value(si, cs, ce)
	return true
}

// actorRightAfter returns the actor that starts at token i, after at most
// an article or two adjectives ("to Russia", "from the DPRK").
func (d *doc) actorRightAfter(si, i, ce int) *entity {
	toks := d.sents[si].tokens
	for j := i; j < ce && j < i+3; j++ {
		if m := d.mentionAt(si, j); m != nil {
			return d.actor(si, m)
		}
		if !toks[j].word || toks[j].norm == "with" || toks[j].norm == "to" {
			return nil
		}
	}
	return nil
}

// madeBy finds "Iranian-made drones", "North Korean shells": a country
// adjective right before an item names its supplier.
func (d *doc) madeBy(si, i, j int) *entity {
	toks := d.sents[si].tokens
	for k := i; k < j && k < len(toks); k++ {
		m := d.mentionAt(si, k)
		if m == nil || m.ent.typ != model.Country || m.how != byDemonym {
			continue
		}
		next := m.tj
		if next+1 < len(toks) && toks[next].norm == "-" && (toks[next+1].norm == "made" || toks[next+1].norm == "built" || toks[next+1].norm == "supplied" || toks[next+1].norm == "produced") {
			return m.ent
		}
		if len(d.items(si, next, next+1)) > 0 {
			return m.ent
		}
	}
	return nil
}

var (
	quantityRE = regexp.MustCompile(`(?i)\b(\d[\d,.]*(?:\s+(?:million|billion|thousand|hundred))?|hundreds|thousands|millions|dozens|several|significant quantities|large quantities|huge quantities|a large number|a number)\b`)
	valueRE    = regexp.MustCompile(`(?i)(?:US)?\$\s?\d[\d,.]*(?:\s*(?:million|billion|trillion|bn|m))?|\b\d[\d,.]*\s*(?:million|billion|trillion)\s+(?:dollars|euros|pounds|yuan|rubles|roubles)\b|€\s?\d[\d,.]*(?:\s*(?:million|billion))?`)
)

// quantity returns a stated quantity among tokens [i, j).
func (d *doc) quantity(si, i, j int) string {
	toks := d.sents[si].tokens
	if i >= j || i >= len(toks) {
		return ""
	}
	s := d.text[toks[i].start:toks[min(j, len(toks))-1].end]
	loc := quantityRE.FindStringIndex(s)
	if loc == nil || valueRE.MatchString(s[max(0, loc[0]-1):loc[1]]) {
		return ""
	}
	return s[loc[0]:loc[1]]
}

// value returns a stated money value in the clause.
func (d *doc) value(si, i, j int) string {
	toks := d.sents[si].tokens
	if i >= j {
		return ""
	}
	s := d.text[toks[i].start:toks[j-1].end]
	if !strings.ContainsAny(s, "$€£") && !strings.Contains(s, "illion") {
		return "" // the regular expression is slow on long clauses without money
	}
	return valueRE.FindString(s)
}

// Words that make a launch or a test a missile test.
var missileWords = setOf("missile", "missiles", "icbm", "icbms", "rocket", "rockets", "projectile",
	"projectiles", "slbm", "hypersonic", "warhead", "satellite")

// missileTest reads "North Korea launched a ballistic missile", "Pyongyang's
// latest missile test": the launcher is the subject or the possessor.
func (d *doc) missileTest(ev *event, si, k, cs, ce int) bool {
	toks := d.sents[si].tokens
	near := false
	for j := max(cs, k-3); j < min(ce, k+8); j++ {
		if missileWords[toks[j].norm] {
			near = true
		}
	}
	if !near || k+1 < len(toks) && (toks[k+1].norm == "technology" || toks[k+1].norm == "technologies" || toks[k+1].norm == "vehicle") {
		return false
	}
	var actor *entity
	if isVerbForm(toks[k].norm) {
		actor = d.subject(si, k, max(cs, k-6))
	} else {
		// "Pyongyang's latest missile launch", "a North Korean missile test"
		actor = d.possessor(si, k)
		for j := max(cs, k-4); j < k && actor == nil; j++ {
			if m := d.mentionAt(si, j); m != nil && m.ent.typ == model.Country {
				actor = m.ent
			}
		}
	}
	if actor == nil || actor.typ == model.Person && actor.country == "" {
		return false
	}
	if actor.typ == model.Person || actor.typ == model.Organization {
		if c := d.countryByISO(actor.country); c != nil {
			actor = c
		}
	}
	ev.participants = []*entity{actor}
	for _, w := range []string{"icbm", "hypersonic", "ballistic", "cruise", "satellite"} {
		for j := max(cs, k-3); j < min(ce, k+8); j++ {
			if toks[j].norm == w {
				ev.items = append(ev.items, strings.ToUpper(w[:1])+w[1:]+" missile")
				break
			}
		}
	}
	if len(ev.items) == 0 {
		ev.items = []string{"missile"}
	}
	return true
}

// isVerbForm: "launched", "fired", "tested" (not "launch", "test").
func isVerbForm(w string) bool {
	return strings.HasSuffix(w, "ed") || w == "fires" || w == "launches"
}

// sanction reads "the U.S. imposed sanctions on X", "X was sanctioned by
// the EU", "Washington sanctioned three companies".
func (d *doc) sanction(ev *event, si, k, cs, ce int, noun bool) bool {
	toks := d.sents[si].tokens
	var imposer, target *entity
	if noun {
		imposer = d.possessor(si, k)
		if imposer == nil {
			imposer = d.subject(si, k, cs)
		}
	} else {
		imposer = d.subject(si, k, cs)
		if os := d.objects(si, k+1, min(ce, k+6)); len(os) > 0 {
			target = os[0]
		}
	}
	for j := k + 1; j < ce && j < k+8; j++ {
		switch toks[j].norm {
		case "on", "against", "targeting":
			if target == nil {
				if os := d.objects(si, j+1, ce); len(os) > 0 {
					target = os[0]
				}
			}
		case "by":
			if os := d.objects(si, j+1, ce); len(os) > 0 {
				imposer, target = os[0], imposer
			}
		}
	}
	if imposer == nil || target == nil || imposer == target {
		return false
	}
	ev.supplier, ev.recipient = nil, nil
	ev.participants = []*entity{imposer, target}
	return true
}

// placeIn returns a place named in the clause after token k ("in Vladivostok").
func (d *doc) placeIn(si, k, ce int) *entity {
	toks := d.sents[si].tokens
	for j := k + 1; j < ce; j++ {
		if m := d.mentionAt(si, j); m != nil && m.ent.typ == model.Place && j > 0 && (toks[j-1].norm == "in" || toks[j-1].norm == "at") {
			return m.ent
		}
	}
	return nil
}
