package loader

import (
	"slices"
	"strings"

	"github.com/geokg/geokg/model"
)

// Visit: someone travels to a country or place (CAMEO 042 make a visit;
// the host's side is 043). "Blinken visited Beijing", "Kim's trip to
// Russia", "arrived in Pyongyang", "a tour of France, Serbia and Hungary".
// The participants are the traveller and the country visited.
type visitKind struct {
	kindBase
	Home      wordSet // "flying home", "flying back": no destination
	Toward    wordSet // the prepositions before a destination ("trip to", "arrived in")
	Stay      wordSet // "was in Seoul on a two-day trip"
	Origin    wordSet // "from": an origin, no destination
	Onward    wordSet // "travel on to", "on from"
	Stops     wordSet // words that end the search for a destination
	GroupWord wordSet // "Taiwan's Pacific allies the Marshall Islands, …": a region that describes the list after it
	Then      wordSet // "Angola, then Nigeria and Ghana"
	HostVerbs wordSet // "Xi hosted Lula for a state visit": the host's country is the destination
	Arrivals  wordSet // "Putin flew in on Wednesday": no destination named, the story's place
	// TourStops name a tour's countries after it: "his Asian tour,
	// stopping in Hanoi", "a tour of Africa which will also include Kenya".
	TourStops, StopFillers wordSet
	// StopNouns: "Russia was the first stop of Xi's tour": the subject is
	// a destination of the tour.
	StopNouns wordSet
	// EnRoute: the words before a trigger of sense "enroute" ("on his way
	// to", "en route to"); without them the noun is no travel ("a way to
	// peace", "a supply route to the front").
	EnRoute wordSet
	// Styles: "a State Visit", "an Official Visit": a capitalized style
	// before a capitalized visit noun (EV-NOM-10).
	Styles wordSet
}

// senseInvite marks an inviting verb: "Putin invited Kim to Moscow" is
// Kim's planned visit (lexicon/triggers.tsv).
const senseInvite = "invite"

// senseEnRoute marks a travel noun that needs the words of EnRoute before
// it (lexicon/triggers.tsv).
const senseEnRoute = "enroute"

func init() {
	registerKind(&visitKind{kindBase: kindBase{typ: model.Visit, cameo: "042", deniable: true, announced: true, personal: true}})
}

// read: who travels (the subject, or the possessor of "visit"/"trip") and
// where to ("visit Russia", "trip to Vladivostok").
func (k *visitKind) read(d *doc, c *clause, ev *event) bool {
	toks, j0, noun := c.toks, c.k, c.noun
	if c.tr.has(senseEnRoute) && !k.enRoute(c) {
		return false
	}
	if c.tr.has(senseInvite) {
		return k.invitedToPlace(d, c, ev)
	}
	if k.attributive(d, c, ev) {
		return true
	}
	var visitor *entity
	var fellows []*entity // "Lula and Milei will travel to Washington": each travels
	if noun {
		visitor = d.nounAgent(c, j0)
	} else if es := d.subjects(c, j0); len(es) > 0 {
		visitor = es[0]
		for _, e := range es[1:] {
			if e.typ == model.Person && visitor.typ == model.Person {
				fellows = append(fellows, e)
			}
		}
	}
	if v := d.invitedTo(c); v >= 0 {
		// "Putin invited Kim to visit Moscow": the guest travels, not the
		// inviter; an invitation to no one named is no visit.
		visitor, fellows = nil, nil
		for j := v + 1; j < c.k-1; j++ {
			if m := d.mentionAt(c.si, j); m != nil && m.ent.typ == model.Person {
				visitor = m.ent
				break
			}
		}
		if visitor == nil {
			if v == 0 || !gram.Determiners[c.toks[v-1].norm] {
				return false
			}
			visitor = d.subject(c, v) // "Ruto accepted an invitation to visit China"
		}
	}
	if noun && visitor != nil && visitor.typ == model.Country && !d.byDemonym(c) {
		visitor = nil
	}
	if k.Home[c.norm(j0+1)] {
		return false // "before flying home", "flying back to Moscow"
	}
	// guessed: the traveller is not the noun's own ("X's visit", "a visit
	// by X") but the clause's subject or whom "his" stands for.
	guessed := noun && d.possessor(c, j0) == nil && !d.agentAfter(c, j0)
	if noun && (visitor == nil || visitor.typ != model.Person) && !d.agentAfter(c, j0) {
		// "Lapid inaugurated Israel's embassy in Abu Dhabi during a visit":
		// the traveller is the clause's subject; but not in "the first
		// visit by an Iranian president", which names someone else.
		if es := d.clauseSubject(c, j0); len(es) > 0 && es[0].typ == model.Person {
			visitor = es[0]
		}
	}
	if noun && (visitor == nil || visitor.typ != model.Person) {
		// "Tanzania was the first stop of his tour": whom "his" stands for
		if p := k.pronounPossessor(d, c); p != nil {
			visitor = p
		}
	}
	var modDest *entity
	if noun && d.countryModifiedVisit(c.si, j0, c.tr) {
		// "on a three-day India visit", "during his US visit": the country
		// named right before the noun is where the traveller goes, and the
		// traveller the sentence's subject (EV-NOM-9); "the India visit of
		// a delegation" names its traveller after it, which is left alone.
		if gram.Genitive[c.norm(j0+1)] || gram.Agent[c.norm(j0+1)] {
			return false
		}
		modDest = d.mentionAt(c.si, j0-1).ent
		if visitor == nil || visitor.typ != model.Person {
			visitor = d.firstPersonBefore(c.si, j0)
		}
		if visitor == nil || visitor.country == modDest.iso3 {
			return false
		}
	}
	if visitor == nil || visitor.typ != model.Person && !(noun && visitor.typ == model.Country) || d.itemsIn(c, j0+1, c.end, itemArms) {
		return false // people visit; a country "arriving" with weapons is a delivery
	}
	// The destination: right after a verb ("visit Russia"), or after "to",
	// "in" or "of" ("trip to Vladivostok", "arrived in Pyongyang").
	var dest *entity
	var more []*entity
	// A noun's destination follows a preposition, which its trigger's row
	// may hold ("on his way to Kyiv").
	seenTo := !noun || len(c.tr.then) > 0 && k.Toward[c.tr.then[len(c.tr.then)-1]]
	first := j0 + 1 + len(c.tr.then) // "left for Tunis"
	if e := c.tr.thenEnd(toks, j0); e > first {
		first = e // "left Jordan on Monday for Japan"
	}
	if modDest != nil {
		dest, first = modDest, c.end
	}
	for j := first; j < c.end && j < j0+9; j++ {
		n := toks[j].norm
		if m := d.mentionAt(c.si, j); m != nil && (j == first && !noun || seenTo) {
			if (m.ent.typ == model.Country || m.ent.typ == model.Place) && !(m.tj < len(toks) && (toks[m.tj].norm == "'s" || k.GroupWord[toks[m.tj].norm])) {
				dest = m.ent
				more = d.conjoinedAfter(c, m.tj)
				break
			}
			j = m.tj - 1
			continue
		}
		if k.Origin[n] {
			// "travel on from Israel to Amman": the origin is no destination
			if m := d.mentionAt(c.si, j+1); m != nil {
				j = m.tj - 1
			}
			seenTo = false
			continue
		}
		switch {
		case k.Toward[n]:
			seenTo = true
		case k.Onward.at(toks, j) > 0:
			continue // "will travel on to Singapore", "on from Israel to Amman"
		case k.Stops[n] && dateAfter(toks, j+1) > 0:
			j += dateAfter(toks, j+1) // "travel on Friday to Harbin": a date, no stop
		case n == "," || k.Stops[n]:
			j = c.end
		}
	}
	if noun && (dest == nil || dest.typ == model.Place && dest.country == "") {
		if t, ts := k.tourStops(d, c); t != nil {
			dest, more = t, ts
		}
	}
	if dest == nil && noun {
		dest = k.stopOf(d, c)
	}
	if dest == nil && noun {
		// "Wang Yi was in Seoul on a two-day trip"
		for j := j0 - 1; j > c.start && j >= j0-8; j-- {
			if m := d.mentionAt(c.si, j); m != nil && (m.ent.typ == model.Country || m.ent.typ == model.Place) &&
				m.ti > 0 && k.Stay[toks[m.ti-1].norm] {
				dest = m.ent
				break
			}
		}
	}
	if dest == nil && noun {
		// "Niger revoked the agreement days after a visit by a US
		// delegation": the host is the clause's subject.
		if es := d.clauseSubject(c, j0); len(es) > 0 && gram.Agent[c.norm(j0+1)] {
			if h := d.stateOf(es[0]); h != nil && h.typ == model.Country && h.iso3 != visitor.country {
				dest = h
			}
		}
	}
	if dest == nil && noun {
		// "Xi hosted Lula for a state visit": the host's country.
		for v := j0 - 1; v >= c.start && dest == nil; v-- {
			if k.HostVerbs[toks[v].norm] {
				if h := d.stateOf(d.subject(c, v)); h != nil && h.typ == model.Country && h != visitor && h.iso3 != visitor.country {
					dest = h
				}
				break
			}
		}
	}
	if v := d.invitedTo(c); dest == nil && v >= 0 {
		// "Xi invited Lula to visit": the host is the inviter's state.
		if h := d.stateOf(d.subject(c, v)); h != nil && h.typ == model.Country && h != visitor && h.iso3 != visitor.country {
			dest = h
		}
	}
	if dest == nil {
		dest = k.theCountry(d, c, visitor)
	}
	if dest == nil && !noun && k.Arrivals[toks[j0].norm] {
		dest = k.storyPlace(d, c, visitor)
	}
	if guessed && dest != nil && dest.typ == model.Country && visitor.country != "" && dest.iso3 == visitor.country {
		// "his meeting with Biden, who avoided the prince during a visit to
		// the kingdom": a guessed traveller at home in the country visited
		// is not the one who came (a trip to a city at home still is).
		return false
	}
	ev.participants = []*entity{visitor}
	if dest != nil {
		if dest.typ == model.Place {
			ev.place = dest
			cn := d.countryByISO(dest.country)
			if cn == nil {
				cn = d.capitalOf(dest, c, j0)
			}
			if cn != nil && cn != visitor {
				ev.participants = append(ev.participants, cn)
			}
		} else if dest != visitor {
			ev.participants = append(ev.participants, dest)
		}
	}
	if len(ev.participants) == 2 {
		for _, f := range fellows {
			if f.country != ev.participants[1].iso3 {
				ev.also = append(ev.also, &event{typ: ev.typ, participants: []*entity{f, ev.participants[1]}, place: ev.place})
			}
		}
	}
	// A tour of several countries is a visit to each.
	for _, m := range more {
		if cn := d.stateOf(m); cn != nil && cn.typ == model.Country && (visitor == nil || cn.iso3 != visitor.country) { // "to South Africa, the Kremlin said": home is no stop
			ev.also = append(ev.also, &event{typ: ev.typ, participants: []*entity{visitor, cn}, place: ev.place})
		}
	}
	return dest != nil || d.knownEvent(ev)
}

// tourStops reads the countries a tour noun's sentence names after it:
// "embarked on his Asian tour, stopping in Vietnam's capital Hanoi", "a
// three-nation tour of East Africa, which will also include Kenya and
// Uganda": a stop word (lexicon/kinds/visit.txt [tour stops]) within the
// next words, fillers after it ("first in", "also"), then a country or a
// place with its country, and those conjoined after it.
func (k *visitKind) tourStops(d *doc, c *clause) (*entity, []*entity) {
	toks := d.sents[c.si].tokens
	for j := c.k + 1; j < len(toks) && j < c.k+12; j++ {
		if toks[j].norm == "." || toks[j].norm == ";" {
			return nil, nil
		}
		if !k.TourStops[toks[j].norm] {
			continue
		}
		i := j + 1
		for i < len(toks) && i < j+4 && k.StopFillers[toks[i].norm] {
			i++
		}
		m := d.mentionAt(c.si, i)
		if m == nil {
			return nil, nil
		}
		if m.ent.typ == model.Country || m.ent.typ == model.Place && m.ent.country != "" {
			return m.ent, d.conjoinedAfter(&clause{si: c.si, k: c.k, start: c.start, end: len(toks), toks: toks, tr: c.tr}, m.tj)
		}
		return nil, nil
	}
	return nil, nil
}

// attributive reads "received visiting Turkish Foreign Minister Hakan
// Fidan", "Visiting Chinese Premier Li Qiang met Albanese in Canberra":
// the person after the participle visits the host's country, or the place
// the clause names.
func (k *visitKind) attributive(d *doc, c *clause, ev *event) bool {
	if !strings.HasSuffix(c.toks[c.k].norm, "ing") || c.noun && !(c.k > c.start && gram.Articles[c.toks[c.k-1].norm]) {
		return false // but "received the visiting Saudi minister X" (EV-HOST-16)
	}
	visitor, end := d.guest(c, c.k)
	if visitor == nil {
		return false
	}
	var dest *entity
	if h := d.stateOf(d.subject(c, c.k)); h != nil && h.typ == model.Country && h.iso3 != visitor.country {
		dest = h
	}
	if dest == nil {
		if p := d.placeIn(c, end-1); p != nil && p.country != visitor.country {
			ev.place, dest = p, d.countryByISO(p.country)
			if dest == nil {
				dest = d.capitalOf(p, c, end-1)
			}
		}
	}
	if dest == nil {
		return false
	}
	ev.participants = []*entity{visitor, dest}
	return true
}

// agentAfter: "by" follows the noun at k, after at most an adjective
// ("a visit by", "a state visit by"): its traveller is named there.
func (d *doc) agentAfter(c *clause, k int) bool {
	for j := k + 1; j < c.end && j <= k+2; j++ {
		if gram.Agent[c.toks[j].norm] {
			return true
		}
	}
	return false
}

// byDemonym: "the first visit to Mongolia by a Japanese defence minister":
// the visitor is named only by the country and a title.
func (d *doc) byDemonym(c *clause) bool {
	for j := c.k + 1; j < c.end && j < c.k+8; j++ {
		if gram.Agent[c.norm(j)] {
			for i := j + 1; i < c.end && i < j+3; i++ {
				if m := d.mentionAt(c.si, i); m != nil {
					return m.how == byDemonym
				}
			}
			return false
		}
	}
	return false
}

// same: the same traveller, and no other destination.
func (k *visitKind) same(d *doc, a, b *event) bool {
	return k.sameTraveller(d, a.participants[0], b.participants[0]) && (len(a.participants) == 1 || len(b.participants) == 1 ||
		subset(a.participants[1:], b.participants[1:]) || subset(b.participants[1:], a.participants[1:]))
}

// sameTraveller: one person, or a person and the country that names them
// ("Raisi could visit Riyadh, which would be the first visit by an Iranian
// president to the kingdom").
func (k *visitKind) sameTraveller(d *doc, a, b *entity) bool {
	if a == b {
		return true
	}
	if a.typ == model.Country {
		a, b = b, a
	}
	return b.typ == model.Country && a.typ == model.Person && d.stateOf(a) == b
}

// storyPlace is where "Putin flew in on Wednesday" arrives when no
// destination is named: the country of the last visit the article told as
// made in the sentences just before (not one that could happen) ("Biden arrived in Geneva on Tuesday"), else
// of the dateline's city; never the traveller's own country.
func (k *visitKind) storyPlace(d *doc, c *clause, visitor *entity) *entity {
	if visitor.typ != model.Person || visitor.country == "" {
		return nil
	}
	for j := c.k - 1; j >= c.start; j-- {
		if m := d.mentionAt(c.si, j); m != nil && m.ent == visitor {
			break
		}
		if _, says := d.x.lx.speech[c.toks[j].norm]; says {
			return nil // "Kihara said the missile flew for 73 minutes": the missile flew
		}
	}
	for i := len(d.events) - 1; i >= 0; i-- {
		e := d.events[i]
		if e.lastSent < c.si-6 {
			break
		}
		if e.typ == model.Visit && e.status == model.Occurred && len(e.participants) >= 2 && e.participants[1].typ == model.Country && e.participants[1].iso3 != visitor.country {
			return e.participants[1]
		}
	}
	for _, e := range d.ents {
		if e.typ != model.Place || e.country == "" || e.country == visitor.country {
			continue
		}
		for _, m := range e.mentions {
			if m.start == d.datelineStart && d.dateline != "" {
				return d.countryByISO(e.country)
			}
		}
	}
	return nil
}

// conjoinedAfter returns the countries and places listed after token k:
// ", Serbia and Hungary".
func (d *doc) conjoinedAfter(c *clause, k int) []*entity {
	toks, ce := c.toks, c.end
	var out []*entity
	then := kinds[model.Visit].(*visitKind).Then
	for k < ce && (toks[k].norm == "," || gram.Coordinators[toks[k].norm]) {
		k++
		for k < ce && (gram.Coordinators[toks[k].norm] || then[toks[k].norm]) {
			k++
		}
		for k < ce && gram.Articles[toks[k].norm] {
			k++
		}
		m := d.mentionAt(c.si, k)
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
func (d *doc) capitalOf(place *entity, c *clause, k int) *entity {
	cn, ok := d.x.gaz.CountryByISO3(place.country)
	if !ok || !strings.EqualFold(cn.Capital, place.name) && !slices.Contains(cn.Seats, place.name) {
		return nil
	}
	// The place's mention: after the trigger ("visit to Beijing"), or
	// before it ("was in Seoul on a two-day trip").
	for _, j := range append(seq(k+1, c.end), seq(c.start, k)...) {
		if m := d.mentionAt(c.si, j); m != nil && m.ent == place {
			country := d.countryEntity(&cn)
			d.addMention(c.si, m.ti, m.tj, country, bySeat)
			return country
		}
	}
	return nil
}

// theCountry reads "during Putin's first visit to the country" after "signed
// the treaty in Pyongyang": a bare "the country" (too common to resolve on
// its own, lexicon/descriptions.txt) after "visit to" is the country of the
// place the sentence names before it.
func (k *visitKind) theCountry(d *doc, c *clause, visitor *entity) *entity {
	toks, j := c.toks, c.k+1
	if j+2 >= c.end || !k.Toward[toks[j].norm] || !gram.Articles[toks[j+1].norm] {
		return nil
	}
	if kind, feature, _ := d.x.desc.phraseAt(toks, j+2); kind != descHead || feature != "" {
		return nil
	}
	for i := c.k - 1; i >= 0; i-- {
		m := d.mentionAt(c.si, i)
		if m == nil {
			continue
		}
		i = m.ti
		if m.ent.typ != model.Place && m.ent.typ != model.Country || m.ent == visitor || m.ent.iso3 == visitor.country ||
			m.ent.typ == model.Place && m.ent.country == visitor.country {
			continue
		}
		if m.ti == 0 || !gram.Locatives[toks[m.ti-1].norm] {
			continue // "in Pyongyang", not "criticised Russia"
		}
		return m.ent // a place's country is read as for "visit to Beijing"
	}
	return nil
}

// seq returns the integers [i, j).
func seq(i, j int) []int {
	var out []int
	for ; i < j; i++ {
		out = append(out, i)
	}
	return out
}

// stopOf reads "Russia was the first stop of Xi's four-nation tour", "Hanoi
// is the last leg of the trip": a stop noun and "of" before the visit
// noun's phrase; the clause's subject is the destination.
func (k *visitKind) stopOf(d *doc, c *clause) *entity {
	for j := c.k - 1; j > c.start && j >= c.k-8; j-- {
		if !gram.Genitive[c.toks[j].norm] || !k.StopNouns[c.toks[j-1].norm] {
			continue
		}
		for _, e := range d.clauseSubject(c, j-1) {
			if e.typ == model.Country || e.typ == model.Place {
				return e
			}
		}
		return nil
	}
	return nil
}

// invitedToPlace reads "Putin invited Kim Jong Un to Moscow", "would
// invite Kim to the White House": the person right after the verb visits
// the place after "to" (a capital, a country, a seat of government); with
// no place named ("invited Kim to the summit", "to visit", "to attend"),
// no visit of this reading.
func (k *visitKind) invitedToPlace(d *doc, c *clause, ev *event) bool {
	if c.noun {
		return false
	}
	m := d.mentionAt(c.si, c.k+1)
	if m == nil || m.ent.typ != model.Person || m.tj >= c.end || !k.Toward[c.norm(m.tj)] {
		return false
	}
	j := m.tj + 1
	if gram.Articles[c.norm(j)] {
		j++
	}
	p := d.mentionAt(c.si, j)
	if p == nil {
		return false
	}
	var dest *entity
	switch {
	case p.ent.typ == model.Country:
		dest = p.ent
	case p.ent.typ == model.Place:
		if dest = d.countryByISO(p.ent.country); dest == nil {
			dest = d.capitalOf(p.ent, c, c.k)
		}
	case p.ent.typ == model.Organization && gram.StateBodies[p.ent.kind]:
		dest = d.countryByISO(p.ent.country) // "to the White House"
	}
	if dest == nil || dest.iso3 == m.ent.country {
		return false
	}
	ev.participants = []*entity{m.ent, dest}
	if p.ent.typ == model.Place {
		ev.place = p.ent
	}
	return true
}

// dateAfter returns how many tokens a day's name at i takes ("Friday",
// "May 3"), or 0.
func dateAfter(toks []token, i int) int {
	if i >= len(toks) {
		return 0
	}
	if _, ok := dateWords.Weekdays[toks[i].norm]; ok {
		return 1
	}
	if _, ok := dateWords.Months[toks[i].norm]; ok && i+1 < len(toks) && isNumberToken(toks[i+1]) {
		return 2
	}
	return 0
}

// enRoute: the trigger follows "en" or "on" and a possessive pronoun
// ("is on his way to Kyiv", "en route to Hanoi").
func (k *visitKind) enRoute(c *clause) bool {
	if k.EnRoute[c.norm(c.k-1)] {
		return true
	}
	return gram.PossessivePronouns[c.norm(c.k-1)] != "" && k.EnRoute[c.norm(c.k-2)]
}

// pronounPossessor: "his" or "her" before the visit noun, with only
// modifiers between ("his four-nation tour"): the person it stands for.
func (k *visitKind) pronounPossessor(d *doc, c *clause) *entity {
	for j := c.k - 1; j >= c.start && j >= c.k-4; j-- {
		n := c.toks[j].norm
		if p := gram.PossessivePronouns[n]; p != "" {
			return d.resolvePronoun(c.si, c.toks[j].start, p)
		}
		if !c.toks[j].word && n != "-" || d.mentionAt(c.si, j) != nil {
			return nil
		}
	}
	return nil
}

// firstPersonBefore returns the first person the sentence names before
// token k: the subject of a sentence whose noun phrase tells its trip.
func (d *doc) firstPersonBefore(si, k int) *entity {
	for _, m := range d.ments[si] {
		if m.ti >= k {
			break
		}
		if m.ent.typ == model.Person {
			return m.ent
		}
	}
	return nil
}
