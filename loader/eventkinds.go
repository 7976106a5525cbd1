package loader

import (
	"regexp"
	"slices"
	"strings"

	"github.com/geokg/geokg/model"
)

// Verbs that make the subject the giver: "X could assist Y in …".
var assistVerbs = setOf("assist", "assisted", "help", "helped")

// Verbs whose subject receives the noun after them: "took delivery of";
// and, for purchases ("contract", "order"), also "signed", "placed".
var (
	takeVerbs    = setOf("took", "take", "takes", "taking", "received", "receive", "receives", "accepted", "got")
	receiveVerbs = setOf("took", "take", "takes", "taking", "received", "receive", "receives", "accepted",
		"got", "placed", "signed", "signs", "inked", "awarded", "finalized", "finalised", "ordered")
)

// Verbs that carry their item: "arming the RSF".
var armVerbs = setOf("arm", "arming", "armed")

// Trade verbs: only weapons make a sale an event ("oil sales to China" is commerce).
var trade = setOf("sell", "sells", "sold", "selling", "sale", "sales", "buy", "buys", "bought", "buying",
	"purchase", "purchased", "purchasing", "export", "exported", "exporting", "import", "imported", "importing", "deal", "deals", "dealings")

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
	if tr.noun {
		to = d.phraseEnd(si, k, ce) // "a package of military aid for Israel, whose … fighters"
	}
	items := d.items(si, from, min(to, k+24))
	if assistVerbs[toks[k].norm] && !d.itemsIn(si, k+1, min(ce, k+16), "aid") {
		return false
	}
	if armVerbs[toks[k].norm] {
		items = append(items, itemInfo{class: "arms", name: "weapons", family: "general"})
	}
	if len(items) == 0 && tr.give && d.value(si, k, ce) != "" {
		items = append(items, itemInfo{class: "aid", name: "money", family: "general"}) // "pledged $315m for Sudan"
	}
	if len(items) == 0 {
		return false
	}
	ev.typ = model.Aid
	for _, it := range items {
		if it.class == "arms" {
			ev.typ = model.ArmsTransfer
		}
	}
	if trade[toks[k].norm] && ev.typ != model.ArmsTransfer {
		return false // selling oil is trade, not aid
	}
	if tr.give && !tr.noun && !trade[toks[k].norm] && d.value(si, k+1, min(ce, k+4)) != "" {
		// Money given ("pledging 600 million yen for coastal radars") is
		// aid, whatever it buys; money paid for weapons is a sale.
		ev.typ = model.Aid
	}
	for _, it := range items {
		if it.class == "arms" || ev.typ == model.Aid {
			ev.items = append(ev.items, it.name)
		}
		if it.class == "arms" && !slices.Contains(ev.families, it.family) {
			ev.families = append(ev.families, it.family)
		}
	}
	if (toks[k].norm == "allow" || toks[k].norm == "allowed") && ev.typ != model.Aid {
		return false // "allowed up to 20 trucks of aid into Gaza", not weapons
	}
	var giver, taker *entity
	buying := !tr.give // "contract", "order", "buy": the subject buys
	switch {
	case tr.noun:
		if v := d.governingVerb(si, k, cs); v >= 0 && (takeVerbs[toks[v].norm] || !tr.give && receiveVerbs[toks[v].norm]) {
			// "Poland took delivery of K2 tanks", "signed a contract for Abrams tanks"
			taker, buying = d.subject(si, v, cs), true
			if m := d.madeBy(si, from, min(ce, k+8)); m != nil && m != taker {
				giver = m
			}
			break
		}
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
	// Prepositions after the trigger name the other side: within the
	// noun's phrase ("the arms sale and Lai's transit, and X, spokesperson
	// for …" stops at the comma), not after "according".
	pe := ce
	if tr.noun {
		pe = d.phraseEnd(si, k, ce)
	}
	for j := k + 1; j < pe; j++ {
		if toks[j-1].norm == "according" {
			continue
		}
		switch toks[j].norm {
		case "to", "for", "into":
			if taker == nil && (tr.give || tr.noun) {
				taker = d.actorRightAfter(si, j+1, ce)
			}
		case "from", "by":
			// "sell arms from North Korea to Russia": an explicit origin
			// beats a guessed subject.
			if a := d.actorRightAfter(si, j+1, ce); a != nil && (giver == nil || toks[j].norm == "from" && tr.give && !tr.noun) {
				giver = a
			}
		}
	}
	if giver == nil {
		giver = d.madeBy(si, k+1, ce)
	}
	if giver == nil && (buying || tr.noun) && taker != nil {
		// A buyer of Abrams tanks with no seller named buys from the United
		// States; "deliveries of the S-400 to India" come from Russia.
		for _, it := range items {
			if c := d.countryByISO(it.maker); c != nil && c != taker {
				giver = c
				break
			}
		}
	}
	if tr.noun && giver == nil && taker != nil {
		// "X … announced $11.5 million in humanitarian aid for Y"
		s := d.lightVerbSubject(si, k, cs)
		if s == nil {
			s = d.subject(si, k, cs)
		}
		if s != nil && s != taker {
			giver = s
		}
	}
	giver, taker = d.stateOf(giver), d.stateOf(taker)
	if giver == nil && taker == nil && tr.noun {
		// "Pyongyang and Moscow have both denied the arms dealings": the
		// parties are named, the direction is not.
		if v := d.governingVerb(si, k, cs); v >= 0 {
			if ps := d.subjects(si, v, cs); len(ps) >= 2 {
				for _, p := range ps {
					ev.participants = append(ev.participants, d.stateOf(p))
				}
				ev.participants = uniqueEntities(ev.participants)
				return len(ev.participants) >= 2
			}
		}
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

// Nouns that refer back to an armed or political group.
var groupNouns = setOf("group", "rebels", "militia", "militants", "movement", "insurgents", "fighters")

// stateOf returns the party that gives or receives for an actor: a
// person or a government body acts for their country ("Kang Sun Nam …
// overseeing the supply", "the Pentagon announced"); a place stands for
// the country it is in ("aid convoys into Gaza").
func (d *doc) stateOf(e *entity) *entity {
	if e == nil {
		return nil
	}
	switch {
	case e.typ == model.Person, e.typ == model.Place, e.typ == model.Organization && (e.generic || e.kind == "ministry" || e.kind == "government" || e.kind == "company" || e.kind == "legislature"):
		if c := d.countryByISO(e.country); c != nil {
			return c
		}
		if e.typ == model.Place {
			return nil
		}
	}
	return e
}

// governingVerb returns the verb before the noun phrase of token k ("denied
// the arms dealings" → "denied"), or -1.
func (d *doc) governingVerb(si, k, cs int) int {
	toks := d.sents[si].tokens
	for j := k - 1; j >= cs && j >= k-8; j-- {
		if _, ok := d.x.lx.speech[toks[j].norm]; ok || lightVerbs[toks[j].norm] || receiveVerbs[toks[j].norm] {
			return j
		}
		if !toks[j].word && !isNumberToken(toks[j]) && !strings.Contains("-$€£", toks[j].norm) || d.mentionAt(si, j) != nil {
			return -1
		}
	}
	return -1
}

// firstItemAt reports an item phrase starting at token k.
func (d *doc) firstItemAt(si, k int) bool {
	toks := d.sents[si].tokens
	var words []string
	for e := k; e < len(toks) && len(words) < d.x.lx.itemMax; e++ {
		if toks[e].norm == "-" {
			continue
		}
		if !toks[e].word {
			return false
		}
		words = append(words, toks[e].norm)
		if _, ok := d.x.lx.items[strings.Join(words, " ")]; ok {
			return true
		}
	}
	return false
}

// actorRightAfter returns the actor that starts at token i, after at most
// an article or two adjectives ("to Russia", "from the DPRK").
func (d *doc) actorRightAfter(si, i, ce int) *entity {
	toks := d.sents[si].tokens
	for j := i; j < ce && j < i+3; j++ {
		if m := d.mentionAt(si, j); m != nil {
			if m.ent.typ == model.Place {
				return m.ent // stateOf turns it into its country
			}
			return d.actor(si, m)
		}
		if groupNouns[toks[j].norm] && j > 0 && toks[j-1].norm == "the" {
			// "arming the group": the armed group named last
			return d.lastEntity(si, toks[j].start, func(e *entity) bool {
				return e.typ == model.Organization && (e.kind == "military" || e.kind == "party")
			})
		}
		if !toks[j].word || toks[j].norm == "with" || toks[j].norm == "to" || prepositions[toks[j].norm] {
			return nil // "sell arms from North Korea": North Korea is not whom they are sold to
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
		if it := d.items(si, next, min(j, next+3)); len(it) > 0 && d.firstItemAt(si, next) {
			return m.ent
		}
	}
	return nil
}

var (
	quantityRE = regexp.MustCompile(`(?i)\b(\d[\d,.]*(?:\s+(?:million|billion|thousand|hundred))?|hundreds|thousands|millions|dozens|several|significant quantities|large quantities|huge quantities|a large number|a number)\b`)
	valueRE    = regexp.MustCompile(`(?i)(?:US)?\$\s?\d[\d,.]*(?:\s*(?:million|billion|trillion|bn|m))?|\b\d[\d,.]*[\s-]*(?:million|billion|trillion)[\s-]+(?:dollars?|euros?|pounds?|yuan|rubles?|roubles?|yen|won)\b|[€£]\s?\d[\d,.]*(?:\s*(?:million|billion))?`)
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
	for j := max(cs, k-3); j < min(ce, k+12); j++ {
		if missileWords[toks[j].norm] {
			near = true
		}
	}
	for _, it := range d.items(si, max(cs, k-3), min(ce, k+8)) {
		near = near || it.family == "missiles" // "test-fired the Ababeel"
	}
	if !near || k+1 < len(toks) && launchFacility[toks[k+1].norm] {
		return false // "launch site", "missile technology"
	}
	for j := k + 1; j < min(ce, k+8); j++ {
		if toks[j].norm == "attacks" || toks[j].norm == "strikes" || toks[j].norm == "attack" || toks[j].norm == "strike" {
			return false // "launched missile strikes" is an attack, not a test
		}
	}
	var actor *entity
	noun := k > 0 && (missileWords[toks[k-1].norm] || determiners[toks[k-1].norm] || prepositions[toks[k-1].norm] || toks[k-1].norm == "-")
	switch {
	case isVerbForm(toks[k].norm) && !noun && !isPassive(toks, k):
		actor = d.subject(si, k, max(cs, k-6))
	case isVerbForm(toks[k].norm) && !noun:
		// "the missile was launched": only "by X" names the launcher
	default:
		// "Pyongyang's latest missile launch", "a North Korean missile
		// test", "Russia had conducted a test of its new Sarmat"
		actor = d.possessor(si, k)
		if actor == nil {
			actor = d.lightVerbSubject(si, k, cs)
		}
		for j := k + 1; j < min(ce, k+3) && actor == nil; j++ {
			if toks[j].norm == "by" { // "the first missile launch by North Korea"
				actor = d.actorRightAfter(si, j+1, ce)
			}
		}
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

// Nouns after "launch" that name a place or a kind, not a launch.
var launchFacility = setOf("technology", "technologies", "vehicle", "vehicles", "site", "sites", "facility",
	"facilities", "pad", "pads", "complex", "base", "window", "systems", "system", "capability", "capabilities")

// isPassive: "the missile was launched": the subject is what was launched.
func isPassive(toks []token, k int) bool {
	for j := k - 1; j >= 0 && j >= k-2; j-- {
		switch toks[j].norm {
		case "was", "were", "been", "is", "are", "being", "be":
			return true
		}
	}
	return false
}

// isVerbForm: "launched", "fired", "tested" (not "launch", "test").
func isVerbForm(w string) bool {
	return strings.HasSuffix(w, "ed") || w == "fires" || w == "launches"
}

// sanction reads "the U.S. imposed sanctions on X", "X was sanctioned by
// the EU", "Washington sanctioned three companies".
func (d *doc) sanction(ev *event, si, k, cs, ce int, noun bool) bool {
	toks := d.sents[si].tokens
	if toks[k].norm == "froze" || toks[k].norm == "frozen" {
		// "froze the assets of …", not a frozen conflict
		ok := false
		for j := k + 1; j < min(ce, k+5); j++ {
			ok = ok || toks[j].norm == "assets"
		}
		if !ok {
			return false
		}
	}
	if strings.HasPrefix(toks[k].norm, "designat") {
		// Only designations as terrorists or sanctioned persons are sanctions.
		ok := false
		for j := k + 1; j < min(ce, k+12); j++ {
			ok = ok || strings.HasPrefix(toks[j].norm, "terror") || toks[j].norm == "sanctioned" || toks[j].norm == "sdgt"
		}
		if !ok {
			return false
		}
	}
	if k+1 < len(toks) && sanctionRelief[toks[k+1].norm] {
		return false // "signed a sanctions waiver" lifts sanctions
	}
	var imposer, target *entity
	var also []*entity // "the United States, Britain and Canada announced sanctions"
	if noun {
		imposer = d.possessor(si, k)
		if imposer == nil {
			if es := d.subjects(si, k, cs); len(es) > 0 {
				imposer, also = es[0], es[1:]
			}
		}
	} else {
		if es := d.subjects(si, k, cs); len(es) > 0 {
			imposer, also = es[0], es[1:]
		}
		if os := d.objects(si, k+1, min(ce, k+6)); len(os) > 0 {
			target = os[0]
			// "designated Yemen's Houthi rebels": the possessed is the target.
			if m := d.mentionAt(si, k+1); m != nil && d.actor(si, m) == os[0] && m.tj < len(toks) && toks[m.tj].norm == "'s" {
				if h := d.mentionAt(si, m.tj+1); h != nil && h.ent.typ == model.Organization {
					target = h.ent
				}
			}
		}
	}
	for j := k + 1; j < ce && j < k+8; j++ {
		switch toks[j].norm {
		case "on", "against", "targeting":
			if target == nil && j+1 < len(toks) && toks[j+1].norm == "its" {
				target = d.resolveIt(si, toks[j+1].start) // "sanctions on its top defense agency"
			}
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
	if target == nil && imposer != nil {
		// "Britain sanctioned 50 individuals … linked to Russia's war", but
		// not the reason ("… over the purchase of Russian missiles").
		for j := k + 1; j < ce && target == nil; j++ {
			if toks[j].norm == "over" || toks[j].norm == "for" || toks[j].norm == "because" {
				break
			}
			if m := d.mentionAt(si, j); m != nil && m.ent.typ == model.Country && m.ent != imposer && m.how != byDemonym {
				target = m.ent
			}
			// "blacklisted 78 individuals, including Defence Minister Viktor Khrenin"
			if m := d.mentionAt(si, j); m != nil && target == nil && m.ent.typ == model.Person && d.stateOf(m.ent) != d.stateOf(imposer) {
				target = m.ent
			}
		}
	}
	if strings.HasPrefix(toks[k].norm, "ban") {
		// A ban is a sanction when it hits another state: "banned Belarusian
		// airlines", "a ban on Russian oil", not "banned protests".
		target = nil
		for j := k + 1; j < ce && j <= k+5 && target == nil; j++ {
			if m := d.mentionAt(si, j); m != nil && m.ent.typ == model.Country && m.ent != d.stateOf(imposer) {
				target = m.ent
			}
		}
	}
	imposer = d.stateOf(imposer) // the Treasury imposes for the United States
	if imposer == nil || target == nil || imposer == target {
		return false
	}
	ev.supplier, ev.recipient = nil, nil
	ev.participants = []*entity{imposer}
	for _, a := range also {
		if a = d.stateOf(a); a != nil && a != target && a != d.stateOf(target) {
			ev.participants = append(ev.participants, a)
		}
	}
	ev.participants = uniqueEntities(append(ev.participants, target, d.stateOf(target))) // an agency's country is targeted too
	return true
}

// Nouns after "sanctions" that lift them rather than impose them.
var sanctionRelief = setOf("waiver", "waivers", "relief", "exemption", "exemptions", "exception", "exceptions", "easing")

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

// visit reads a visit: who travels (the subject, or the possessor of
// "visit"/"trip") and where to ("visit Russia", "trip to Vladivostok").
func (d *doc) visit(ev *event, si, k, cs, ce int, noun bool) bool {
	toks := d.sents[si].tokens
	var visitor *entity
	if noun {
		visitor = d.nounAgent(si, k, cs, ce)
	} else {
		visitor = d.subject(si, k, cs)
	}
	if k+1 < len(toks) && (toks[k+1].norm == "home" || toks[k+1].norm == "back") {
		return false // "before flying home", "flying back to Moscow"
	}
	if noun && (visitor == nil || visitor.typ != model.Person) {
		// "Lapid inaugurated Israel's embassy in Abu Dhabi during a visit":
		// the traveller is the clause's subject.
		if es := d.clauseSubject(si, cs, k); len(es) > 0 && es[0].typ == model.Person {
			visitor = es[0]
		}
	}
	if visitor == nil || visitor.typ != model.Person || d.itemsIn(si, k+1, ce, "arms") {
		return false // people visit; a country "arriving" with weapons is a delivery
	}
	// The destination: right after a verb ("visit Russia"), or after "to",
	// "in" or "of" ("trip to Vladivostok", "arrived in Pyongyang").
	var dest *entity
	seenTo := !noun
	for j := k + 1; j < ce && j < k+9; j++ {
		n := toks[j].norm
		if m := d.mentionAt(si, j); m != nil && (j == k+1 && !noun || seenTo) {
			if (m.ent.typ == model.Country || m.ent.typ == model.Place) && !(m.tj < len(toks) && (toks[m.tj].norm == "'s" || groupOfStates[toks[m.tj].norm])) {
				dest = m.ent
				ev.moreDest = d.conjoinedAfter(si, m.tj, ce)
				break
			}
			j = m.tj - 1
			continue
		}
		if n == "from" {
			// "travel on from Israel to Amman": the origin is no destination
			if m := d.mentionAt(si, j+1); m != nil {
				j = m.tj - 1
			}
			seenTo = false
			continue
		}
		switch n {
		case "to", "in", "of", "into", "at":
			seenTo = true
		case "on":
			if j+1 < ce && (toks[j+1].norm == "to" || toks[j+1].norm == "from") {
				continue // "will travel on to Singapore", "on from Israel to Amman"
			}
			j = ce
		case ",", "with", "for", "after", "before", "since":
			j = ce
		}
	}
	if dest == nil && noun {
		// "Wang Yi was in Seoul on a two-day trip"
		for j := k - 1; j > cs && j >= k-8; j-- {
			if m := d.mentionAt(si, j); m != nil && (m.ent.typ == model.Country || m.ent.typ == model.Place) &&
				m.ti > 0 && (toks[m.ti-1].norm == "in" || toks[m.ti-1].norm == "to") {
				dest = m.ent
				break
			}
		}
	}
	if dest == nil && noun {
		// "Niger revoked the agreement days after a visit by a US
		// delegation": the host is the clause's subject.
		if es := d.clauseSubject(si, cs, k); len(es) > 0 && k+1 < len(toks) && toks[k+1].norm == "by" {
			if h := d.stateOf(es[0]); h != nil && h.typ == model.Country && h.iso3 != visitor.country {
				dest = h
			}
		}
	}
	ev.participants = []*entity{visitor}
	if dest != nil {
		if dest.typ == model.Place {
			ev.place = dest
			c := d.countryByISO(dest.country)
			if c == nil {
				c = d.capitalOf(dest, si, k, ce)
			}
			if c != nil && c != visitor {
				ev.participants = append(ev.participants, c)
			}
		} else if dest != visitor {
			ev.participants = append(ev.participants, dest)
		}
	}
	return dest != nil || d.knownEvent(ev)
}

// Nouns after a region that make it a description of the destinations
// that follow: "Taiwan's Pacific allies the Marshall Islands, Tuvalu and Palau".
var groupOfStates = setOf("allies", "partners", "neighbours", "neighbors", "nations", "states", "countries", "capitals")

// conjoinedAfter returns the countries and places listed after token k:
// ", Serbia and Hungary".
func (d *doc) conjoinedAfter(si, k, ce int) []*entity {
	toks := d.sents[si].tokens
	var out []*entity
	for k < ce && (toks[k].norm == "," || toks[k].norm == "and") {
		k++
		if k < ce && toks[k].norm == "and" {
			k++
		}
		for k < ce && toks[k].norm == "the" {
			k++
		}
		m := d.mentionAt(si, k)
		if m == nil || m.ent.typ != model.Country && m.ent.typ != model.Place {
			break
		}
		out = append(out, m.ent)
		k = m.tj
	}
	return out
}

// capitalOf returns the country whose capital the place is, recording the
// place's mention as a mention of the country too: a visit to Beijing is a
// visit to China.
func (d *doc) capitalOf(place *entity, si, k, ce int) *entity {
	c, ok := d.x.gaz.CountryByISO3(place.country)
	if !ok || !strings.EqualFold(c.Capital, place.name) && !slices.Contains(c.Seats, place.name) {
		return nil
	}
	for j := k + 1; j < ce; j++ {
		if m := d.mentionAt(si, j); m != nil && m.ent == place {
			country := d.countryEntity(&c)
			d.addMention(si, m.ti, m.tj, country, bySeat)
			return country
		}
	}
	return nil
}

// countryByISO returns the article's country entity with that code.
func (d *doc) countryByISO(iso3 string) *entity {
	if iso3 == "" {
		return nil
	}
	for _, e := range d.ents {
		if e.typ == model.Country && e.iso3 == iso3 && len(e.mentions) > 0 {
			return e
		}
	}
	return nil
}

// items returns the transferred things named in tokens [i, j), longest
// phrases first. A weapon word before "technology" names technology.
func (d *doc) items(si, i, j int) []itemInfo {
	toks := d.sents[si].tokens
	var out []itemInfo
	for k := i; k < j && k < len(toks); k++ {
		if !toks[k].word {
			continue
		}
		best, n := itemInfo{}, 0
		var words []string
		for e := k; e < j && e < len(toks) && len(words) < d.x.lx.itemMax; e++ {
			if toks[e].norm == "-" {
				continue
			}
			if !toks[e].word && !(e > k && isNumberToken(toks[e])) {
				break // "S-400", "F-16" go on with a number
			}
			words = append(words, toks[e].norm)
			if it, ok := d.x.lx.items[strings.Join(words, " ")]; ok {
				best, n = it, e-k+1
			}
		}
		if n == 0 {
			continue
		}
		if best.class == "arms" && k+n < len(toks) {
			if next, ok := d.x.lx.items[toks[k+n].norm]; ok && next.name == "technology" {
				best, n = next, n+1
			}
		}
		if !slices.ContainsFunc(out, func(o itemInfo) bool { return o.name == best.name }) {
			out = append(out, best)
		}
		k += n - 1
	}
	return out
}

// itemsIn reports items of the given class among tokens [i, j).
func (d *doc) itemsIn(si, i, j int, class string) bool {
	for _, it := range d.items(si, i, j) {
		if it.class == class {
			return true
		}
	}
	return false
}

// inItem: the trigger word is part of an item's name ("food supplies",
// "weapons supplies"), not a verb.
func (d *doc) inItem(si, k int) bool {
	toks := d.sents[si].tokens
	if k == 0 {
		return false
	}
	_, ok := d.x.lx.items[toks[k-1].norm+" "+toks[k].norm]
	return ok
}
