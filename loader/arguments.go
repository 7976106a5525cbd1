package loader

// The arguments of an event trigger: who does it, with or to whom. These
// functions read English word order — subjects before verbs, objects and
// prepositional phrases after, possessives and compounds before nouns —
// over the mentions that recognition found. The function words they look
// for are word classes of lexicon/grammar.txt.

import (
	"slices"
	"strings"

	"github.com/geokg/geokg/model"
)

// grammarWords are the word classes of lexicon/grammar.txt.
type grammarWords struct {
	Determiners, Prepositions, Ordinals, IrregularPast, Infinitive wordSet
	ClauseBreaks, ObjectEnds, Coordinators, Articles, Genitive     wordSet
	ParticipleOpeners, ConjoinedAdverbs, InterjectionOpeners       wordSet
	Attribution, LedBy, Delegations, Upon, Comitative, Agent       wordSet
	PersonPronouns, ItPronouns, RelativePronouns, GroupPronouns    wordSet
	Blocs                                                          wordSet // organization kinds whose members meet as states
	OtherPronouns, PossessiveIt, PassiveAuxiliaries                wordSet
	PerfectAuxiliaries                                             wordSet // "had been signed"
	FirstPersonPlural                                              wordSet
	PostOpeners                                                    wordSet // "“Just signed …”": a quotation with no subject is its speaker's
	PassiveFillers                                                 wordSet // "was warmly welcomed by", "will be received by": modals and adverbs around a passive's auxiliary
	PluralParties, PeopleParties, OfficialParties, Anaphoric       wordSet
	PairParties                                                    wordSet // "the countries" with no number: the two sides
	MemberNouns                                                    wordSet // "a NATO member": one member state, not the body
	OwnStateNouns                                                  wordSet // "his country": the state of the pronoun's person
	ThenGap                                                        wordSet // "left Jordan on Monday for": lower-case words between a gap trigger and its "then" words
	CounterpartWords, LightVerbs, PastLightVerbs, GroupNouns       wordSet
	PastPredicates                                                 wordSet // "deliveries had begun": the noun's event happened
	WhatFrame, AsFrame                                             wordSet // "conducted what X described as a launch"
	StateBodies, ArmedBodies, MediaBodies, Locatives               wordSet
	Kin                                                            wordSet
	ThirdParties, Brokered, Reciprocal, RelativeOpeners            wordSet
	VenueNouns                                                     wordSet
	HeadlineBreaks                                                 wordSet // in a Title Case headline, a capitalized conjunction ends the clause
	Counts                                                         map[string]int
	PossessivePronouns                                             map[string]string // "her" = "she"
}

// actor is an entity that can take part in an event: a person, country
// or organization, but not a country adjective that describes a person
// ("Russian" in "Russian President Vladimir Putin").
func (d *doc) actor(si int, m *mention) *entity {
	switch m.ent.typ {
	case model.Person:
		if d.kinOf(si, m) {
			return nil
		}
		return m.ent
	case model.Organization:
		if d.memberOf(si, m) {
			return nil
		}
		return m.ent
	case model.Country:
		if m.how == byDemonym && d.describesPerson(si, m) {
			return nil
		}
		return m.ent
	}
	return nil
}

// kinOf: the person is named only as someone's kin ("the son of King
// Salman", "the daughter of Saudi King X"): the one who acts is the kin,
// not the person named.
func (d *doc) kinOf(si int, m *mention) bool {
	toks := d.sents[si].tokens
	j := m.ti - 1
	for j > 0 && j >= m.ti-2 && (toks[j].cap || d.mentionAt(si, j) != nil) {
		j-- // "the son of Saudi King Salman"
	}
	return j > 0 && toks[j].norm == "of" && gram.Kin[toks[j-1].norm]
}

// ownState: "his country" / "her government" at token j is the state of
// the person the pronoun stands for ("the minister said his country
// would buy drones from Turkey").
func (d *doc) ownState(si, j int) *entity {
	toks := d.sents[si].tokens
	if j == 0 || !gram.OwnStateNouns[toks[j].norm] {
		return nil
	}
	pro := gram.PossessivePronouns[toks[j-1].norm]
	if pro == "" {
		return nil
	}
	p := d.resolvePronoun(si, toks[j-1].start, pro)
	if p == nil {
		return nil
	}
	if s := d.stateOf(p); s != nil && s.typ == model.Country {
		return s
	}
	return nil
}

// memberOf: an organization named before a member noun ("to a NATO
// member", "to NATO, EU member", "a NATO ally") stands for one unnamed
// member state, not for the body itself ("EU member states" are the
// members together and stay the body).
func (d *doc) memberOf(si int, m *mention) bool {
	toks := d.sents[si].tokens
	for j := m.tj; j < len(toks) && j < m.tj+6; j++ {
		if om := d.mentionAt(si, j); om != nil && om.ent.typ == model.Organization {
			j = om.tj - 1 // "NATO, EU member": the bodies it belongs to
			continue
		}
		switch n := toks[j].norm; {
		case n == "," || n == "-" || gram.Coordinators[n]:
		case gram.MemberNouns[n]:
			return j+1 >= len(toks) || !gram.PluralParties[toks[j+1].norm]
		default:
			return false
		}
	}
	return false
}

// describesPerson: a country adjective or possessive within a person's
// title ("Russian President Vladimir Putin", "Russia's foreign minister").
func (d *doc) describesPerson(si int, m *mention) bool {
	toks := d.sents[si].tokens
	for j := m.tj; j < len(toks) && j < m.tj+6; j++ {
		if pm := d.mentionAt(si, j); pm != nil {
			return pm.ent.typ == model.Person
		}
		if !toks[j].word && toks[j].norm != "'s" && toks[j].norm != "." && toks[j].norm != "-" {
			return false
		}
	}
	return false
}

// subject returns the actor that does the verb at token k: the nearest
// actor before it in the clause, or the person a pronoun stands for.
func (d *doc) subject(c *clause, k int) *entity {
	if es := d.subjects(c, k); len(es) > 0 {
		return es[0]
	}
	return nil
}

// subjects returns the actors that do the verb at token k: the nearest
// actor before it in the clause, "X and Y" conjoined, "the two leaders",
// the antecedent of "who", or what a pronoun stands for. Interjected
// phrases (", during a rare trip to Russia,") are skipped.
func (d *doc) subjects(c *clause, k int) []*entity {
	toks, si, cs := c.toks, c.si, c.start
	if a := d.accused(c, k); a != nil {
		return []*entity{a}
	}
	if k > cs && strings.HasSuffix(toks[k].norm, "ing") && (gram.ParticipleOpeners[toks[k-1].norm] || toks[k-1].norm == ",") {
		// "He held talks with Modi before flying home", "Japan picked the
		// Philippines …, pledging 600 million yen": the subject of the main
		// clause, not the nearest name.
		return d.clauseSubject(c, k)
	}
	if d.reducedPredicate(c, k) {
		// "Pompeo cancels visit to Germany, likely to meet Lavrov": the
		// subject of the clause before the comma (ST-SPEC-7).
		return d.clauseSubject(c, k)
	}
	// "Wang held talks with Chung and later paid a call on Moon": a verb
	// conjoined to an earlier one shares its subject.
	a := k - 1
	for a > cs+1 && a >= k-2 && gram.ConjoinedAdverbs[toks[a].norm] {
		a-- // "and later paid", "and will then travel"
	}
	if a > cs+1 && gram.Infinitive[toks[a].norm] && gram.Coordinators[toks[a-1].norm] {
		a-- // "the decision to expel Syria's ambassador and to cut relations": the first infinitive's subject
	}
	if a > cs && gram.Coordinators[toks[a].norm] {
		// The earlier verb: the nearest past-tense or known verb before "and".
		for v := a - 1; v > cs && v >= a-20; v-- {
			t := toks[v]
			if _, says := d.x.lx.speech[t.norm]; says || t.norm == ";" {
				break
			}
			tr, isTrigger := triggers[t.norm]
			if t.word && !t.cap && d.mentionAt(si, v) == nil && (strings.HasSuffix(t.norm, "ed") || gram.LightVerbs[t.norm] || isTrigger && !tr.noun) {
				if es := d.subjects(c, v); len(es) > 0 {
					return es
				}
				break
			}
		}
	}
	for j := k - 1; j >= cs && j >= k-40; j-- {
		if m := d.mentionAt(si, j); m != nil {
			if d.attributed(toks, m.ti) {
				j = m.ti // "According to Washington, …": the source, not the subject
				continue
			}
			if m.ti >= 2 && gram.Locatives[toks[m.ti-1].norm] && (strings.HasSuffix(toks[m.ti-2].norm, "ing") && !toks[m.ti-2].cap || gram.VenueNouns[toks[m.ti-2].norm]) {
				j = m.ti // "ministers meeting in Luxembourg approved": the venue, not the subject
				continue
			}
			if a := d.actor(si, m); a != nil && m.ent.typ != model.Place {
				group := append([]*entity{a}, d.conjoinedBefore(c, m.ti)...)
				if len(group) > 1 {
					d.lastGroup, d.lastGroupSent = group, si
				}
				return group
			}
			j = m.ti // a place ("flew to Honiara and met …") is not the subject
			continue
		}
		n := toks[j].norm
		if (gram.PersonPronouns[n] || gram.ItPronouns[n]) && j > 0 && gram.RelativeOpeners[toks[j-1].norm] && j+1 < k {
			if _, says := d.x.lx.speech[toks[j+1].norm]; says {
				// "four Iranian companies that it says were involved in
				// sending drones": the source's aside; the relative
				// pronoun's antecedent does the verb.
				if a := d.relativeAntecedent(c, j-1); a != nil {
					return []*entity{a}
				}
			}
		}
		if gram.PossessiveIt[n] && j+2 < k && toks[j+1].word && gram.Infinitive[toks[j+2].norm] {
			// "Belgium, for its decision to kick out 21 Russian envoys": the
			// noun's owner does the infinitive.
			if e := d.resolveIt(si, toks[j].start); e != nil {
				return []*entity{e}
			}
		}
		switch {
		case gram.PersonPronouns[n]:
			if p := d.resolvePronoun(si, toks[j].start, n); p != nil {
				return []*entity{p}
			}
			return nil
		case gram.ItPronouns[n]:
			if e := d.resolveIt(si, toks[j].start); e != nil {
				return []*entity{e}
			}
			return nil
		case gram.RelativePronouns[n]:
			if j > 0 && toks[j-1].norm == "," {
				if p := d.appositionHead(c, j-1); p != nil {
					return []*entity{p} // "Ruiz, an adviser to Lula, who flew to Lima"
				}
				if m := d.mentionEndingAt(si, j-1); m != nil && d.actor(si, m) != nil {
					return []*entity{d.actor(si, m)}
				}
			}
			// "talks with Uzbek President Mirziyoyev who arrived in Astana":
			// real copy drops the comma; a person named right before is
			// still the antecedent.
			if m := d.mentionEndingAt(si, j); j > cs && m != nil && m.ent.typ == model.Person {
				return []*entity{m.ent}
			}
			return nil
		case gram.GroupPronouns[n]:
			// "The two leaders last met in Tehran, where they held a summit"
			if d.lastGroup != nil && si-d.lastGroupSent <= 2 {
				return d.lastGroup
			}
			return nil
		case gram.FirstPersonPlural[n]:
			// "“We have severed relations,” the minister said": the speaker's state
			if sp, _ := d.claimant(toks[j].start); sp != nil {
				return []*entity{d.stateOf(sp)}
			}
			return nil
		case gram.OtherPronouns[n]:
			return nil
		case gram.Delegations[n]:
			// "The delegation will also travel to Fiji": the people who lead
			// the delegation named before.
			if j > cs && gram.Articles[toks[j-1].norm] {
				if ps := d.delegationLeaders(si); len(ps) > 0 {
					return ps
				}
			}
		case n == ")":
			if open := matchParen(toks, j, -1); open >= 0 {
				j = open // "the Stockholm International Peace Research Institute (Sipri) buys"
			}
		case n == ",":
			if p := d.appositionHead(c, j); p != nil {
				return []*entity{p} // "Ana Duarte, Portugal's foreign minister, flew to Luanda"
			}
			if o := d.interjectionStart(c, j); o >= 0 {
				j = o
			}
		default:
			if s := d.ownState(si, j); s != nil {
				return []*entity{s}
			}
			if es := d.pluralNominal(si, j); es != nil {
				d.lastGroup, d.lastGroupSent = es, si
				return es
			}
			if es := d.bareCount(si, j, k); es != nil {
				d.lastGroup, d.lastGroupSent = es, si
				return es
			}
		}
	}
	if sp := d.postSpeaker(c, k); sp != nil {
		return []*entity{sp}
	}
	return nil
}

// relativeAntecedent returns the state or actor named in the few words
// before the relative pronoun at r ("four Iranian companies that"): a
// demonym before a plural noun stands for its state.
func (d *doc) relativeAntecedent(c *clause, r int) *entity {
	for j := r - 1; j >= 0 && j >= r-4; j-- {
		if m := d.mentionAt(c.si, j); m != nil {
			if a := d.actor(c.si, m); a != nil {
				return a
			}
			if m.how == byDemonym {
				return m.ent
			}
			return nil
		}
		if !c.toks[j].word {
			return nil
		}
	}
	return nil
}

// postSpeaker: a quotation that opens with a past-tense verb, or with a
// post's greeting and "to" before the verb ("“Just took delivery of …!”
// the air chief posted", "“Delighted to welcome President Ruto to Abu
// Dhabi”"), has its speaker as the verb's subject. An imperative ("“Stop
// sending weapons to Kyiv,” Lavrov said") and a noun ("“Talks with Iran
// went well”") are not the speaker's act.
func (d *doc) postSpeaker(c *clause, k int) *entity {
	cs := c.start
	if cs == 0 || k-cs > 3 || c.toks[cs-1].norm != `"` || scareQuote(c.toks, cs-1) {
		return nil
	}
	if !pastTense(c.toks[k].norm) && !(k-cs >= 2 && gram.Infinitive[c.toks[k-1].norm]) {
		return nil
	}
	for j := cs; j < k; j++ {
		if !gram.PostOpeners[c.toks[j].norm] {
			return nil
		}
	}
	sp, _ := d.claimant(c.toks[k].start)
	return sp
}

// attributed: the mention at token i is the source of "according to".
func (d *doc) attributed(toks []token, i int) bool {
	return gram.Attribution.before(toks, i) || i > 0 && gram.Articles[toks[i-1].norm] && gram.Attribution.before(toks, i-1)
}

// delegationLeaders returns the people who lead the delegation last named
// in the few sentences up to si: "a delegation led by Kurt Campbell and
// Daniel Kritenbrink".
func (d *doc) delegationLeaders(si int) []*entity {
	for s := si; s >= 0 && s >= si-6; s-- {
		c := d.sentence(s)
		for j := len(c.toks) - 3; j >= 0; j-- {
			if gram.Delegations[c.toks[j].norm] && gram.LedBy.at(c.toks, j+1) == 2 {
				var out []*entity
				for _, e := range d.objects(c, j+3) {
					if e.typ == model.Person {
						out = append(out, e)
					}
				}
				if len(out) > 0 {
					return out
				}
			}
		}
	}
	return nil
}

// accused returns who is accused of the act at k: "accuse it of keeping
// Russia's war machine running by supplying components" → it (China).
func (d *doc) accused(c *clause, k int) *entity {
	toks := c.toks
	for j := k - 1; j > c.start && j >= k-14; j-- {
		if !gram.Genitive[toks[j].norm] {
			continue
		}
		a := j - 1
		var who *entity
		if m := d.mentionAt(c.si, a); m != nil {
			who, a = d.actor(c.si, m), m.ti
		} else if gram.ItPronouns[toks[a].norm] {
			who = d.resolveIt(c.si, toks[a].start)
		}
		if who != nil && a > 0 && cue.Alleging[toks[a-1].norm] {
			return who
		}
		if who == nil && cue.Alleging[toks[a].norm] {
			// "Kang, whom the bloc accuses of overseeing the supply": the
			// antecedent of the relative pronoun is the accused.
			for r := a - 1; r > c.start && r >= a-5; r-- {
				if gram.RelativeOpeners[toks[r].norm] && toks[r-1].norm == "," {
					if m := d.mentionEndingAt(c.si, r-1); m != nil {
						return d.actor(c.si, m)
					}
					break
				}
			}
		}
		return nil
	}
	return nil
}

// clauseSubject returns the subject of the clause: its first actor before
// token k, or what its first pronoun stands for.
func (d *doc) clauseSubject(c *clause, k int) []*entity {
	for j := c.start; j < k; j++ {
		if m := d.mentionAt(c.si, j); m != nil {
			if a := d.actor(c.si, m); a != nil && m.ent.typ != model.Place {
				return []*entity{a}
			}
			j = m.tj - 1
			continue
		}
		if n := c.toks[j].norm; gram.PersonPronouns[n] {
			if p := d.resolvePronoun(c.si, c.toks[j].start, n); p != nil {
				return []*entity{p}
			}
			return nil
		}
	}
	return nil
}

// appositionHead returns the person an apposition describes when the
// comma at j closes it: "Ana Duarte, Portugal's foreign minister," or
// "Pedro Ruiz, a senior adviser to the president,". The phrase between the
// commas must hold a title, so that a list ("Ruiz, Lula and Milei,") is no
// apposition.
func (d *doc) appositionHead(c *clause, j int) *entity {
	toks, si := c.toks, c.si
	for o := j - 1; o > c.start && o >= j-16; o-- {
		if toks[o].norm != "," {
			continue
		}
		m := d.mentionEndingAt(si, o)
		if m == nil || m.ent.typ != model.Person || o+1 >= j {
			return nil
		}
		for t := o + 1; t < j; t++ {
			if gram.Coordinators[toks[t].norm] && t == o+1 {
				return nil
			}
			if d.titleAt(si, t, j) > 0 {
				return m.ent
			}
		}
		return nil
	}
	return nil
}

// interjectionStart finds the opening comma of an interjected phrase that
// ends at the comma at j (", during a rare trip to Russia,"), or -1.
func (d *doc) interjectionStart(c *clause, j int) int {
	for o := j - 1; o > c.start && o >= j-30; o-- {
		if c.toks[o].norm == "," {
			if o+1 < j && gram.InterjectionOpeners[c.toks[o+1].norm] {
				return o
			}
			return -1
		}
	}
	return -1
}

// pluralNominal resolves "the two leaders", "both sides" ending at token j
// to the two parties named last: leaders for people, else countries.
func (d *doc) pluralNominal(si, j int) []*entity {
	toks := d.sents[si].tokens
	if !gram.PluralParties[toks[j].norm] || j == 0 {
		return nil
	}
	want := gram.Counts[toks[j-1].norm]
	if want == 0 && gram.PairParties[toks[j].norm] && toks[j-1].norm == "the" {
		want = 2 // "officials of the countries signed": bilateral copy's two sides
	}
	if want == 0 {
		return nil
	}
	people := gram.PeopleParties[toks[j].norm]
	anyOfficial := gram.OfficialParties[toks[j].norm] // "the two ministers" need not lead
	// "the two ministers" are people whose role (when known) is a minister's,
	// not the president who receives them.
	office := ""
	if _, ok := d.x.lx.titles[strings.TrimSuffix(toks[j].norm, "s")]; ok && anyOfficial {
		office = strings.TrimSuffix(toks[j].norm, "s")
	}
	fits := func(e *entity) bool {
		return e.typ == model.Person && (e.leader || anyOfficial) && (office == "" || e.role == "" || strings.Contains(strings.ToLower(e.role), office))
	}
	var out []*entity
	if people {
		// The leaders last named together: "Erdogan and Putin met … The two
		// leaders last met in Tehran", though others were named in between.
		for s := si; s >= 0 && s >= si-20; s-- {
			var group []*entity
			for _, m := range d.ments[s] {
				if s == si && m.start >= toks[j].start {
					break
				}
				if fits(m.ent) && !slices.Contains(group, m.ent) {
					group = append(group, m.ent)
				}
			}
			if len(group) == want {
				return group
			}
		}
	}
	if !people {
		if sides := d.lastMeetingSides(si, want); sides != nil {
			return sides
		}
	}
	for s := si; s >= 0 && s >= si-8 && len(out) < want; s-- {
		ms := d.ments[s]
		for i := len(ms) - 1; i >= 0 && len(out) < want; i-- {
			m := ms[i]
			if s == si && m.start >= toks[j].start || slices.Contains(out, m.ent) {
				continue
			}
			if people && fits(m.ent) ||
				!people && m.ent.typ == model.Country && m.how != byDemonym {
				out = append(out, m.ent)
			}
		}
	}
	if len(out) < want && !people {
		// "Putin flew into New Delhi … the two sides signed": the sides are
		// the states of the people and places named.
		for s := si; s >= 0 && s >= si-3 && len(out) < want; s-- {
			ms := d.ments[s]
			for i := len(ms) - 1; i >= 0 && len(out) < want; i-- {
				m := ms[i]
				if s == si && m.start >= toks[j].start || m.ent.typ != model.Person && m.ent.typ != model.Place {
					continue
				}
				if c := d.stateOf(m.ent); c != nil && c.typ == model.Country && !slices.Contains(out, c) {
					out = append(out, c)
				}
			}
		}
	}
	if len(out) < want {
		return nil
	}
	return out
}

// lastMeetingSides: "Putin flew to Hanoi, where he held talks with
// Vietnamese President To Lam. The two sides signed …": the sides are the
// states of the meeting or visit told in this sentence or the one before,
// when it has exactly want of them (countries named in between, "Russia's
// war in Ukraine", are no sides).
func (d *doc) lastMeetingSides(si, want int) []*entity {
	var states []*entity
	d.lastEvent(si, 1, func(e *event) bool {
		if e.typ != model.Meeting && e.typ != model.Visit {
			return false
		}
		states = states[:0]
		for _, p := range e.participants {
			if s := d.stateOf(p); s != nil && s.typ == model.Country && !slices.Contains(states, s) {
				states = append(states, s)
			}
		}
		return len(states) == want
	})
	if len(states) != want {
		return nil
	}
	return states
}

// lastEvent returns the event told last, in sentence si or the back
// sentences before it, that ok accepts, or nil.
func (d *doc) lastEvent(si, back int, ok func(*event) bool) *event {
	for i := len(d.events) - 1; i >= 0; i-- {
		if e := d.events[i]; e.lastSent >= si-back && e.lastSent <= si && ok(e) {
			return e
		}
	}
	return nil
}

// resolveIt links "it" at byte pos to the country or organization it most
// likely means: the first one named in its sentence before it, else in the
// sentence before.
func (d *doc) resolveIt(si, pos int) *entity {
	// "France backed the measures, and the EU has said it is preparing its
	// own sanctions": a clause conjoined after a comma has its own subject.
	if from := d.conjoinedClauseStart(si, pos); from >= 0 {
		for _, m := range d.ments[si] {
			if m.start >= pos {
				break
			}
			if m.start >= from && (m.ent.typ == model.Country && m.how != byDemonym || m.ent.typ == model.Organization && !gram.MediaBodies[m.ent.kind]) {
				return m.ent
			}
		}
	}
	for s := si; s >= 0 && s >= si-1; s-- {
		for _, m := range d.ments[s] {
			if s == si && m.start >= pos {
				break
			}
			if (m.ent.typ == model.Country && m.how != byDemonym) || m.ent.typ == model.Organization && !gram.MediaBodies[m.ent.kind] {
				return m.ent
			}
		}
	}
	return nil
}

// conjoinedClauseStart returns the byte offset where the clause holding
// pos begins when a comma and a coordinator open it (", and the EU has
// said it …"), or -1.
func (d *doc) conjoinedClauseStart(si, pos int) int {
	toks := d.sents[si].tokens
	for j := len(toks) - 1; j > 0; j-- {
		if toks[j].start >= pos {
			continue
		}
		if gram.Coordinators[toks[j].norm] && toks[j-1].norm == "," {
			return toks[j].start
		}
	}
	return -1
}

// objects returns the actors from token k to the clause end, up to the
// first word that ends the object phrase ("to discuss", "in Beijing", "on
// Monday").
func (d *doc) objects(c *clause, k int) []*entity {
	var out []*entity
	for j := k; j < c.end; j++ {
		if m := d.mentionAt(c.si, j); m != nil {
			if a := d.actor(c.si, m); a != nil {
				out = append(out, a)
			}
			j = m.tj - 1
			continue
		}
		n := c.toks[j].norm
		if s := d.ownState(c.si, j); s != nil && len(out) == 0 {
			return []*entity{s} // "would sell drones to her country"
		}
		if n == "," && j+1 < c.end {
			// "his South Korean and Japanese counterparts, Noh Kyu-duk and
			// Takehiro Funakoshi": the people the phrase describes follow,
			// perhaps after their titles ("…, Foreign Affairs Secretary Enrique Manalo").
			if p := d.personAfter(c.si, j+1, 6); p != nil {
				continue
			}
			if len(out) > 0 && d.listContinues(c, j+1) {
				continue // "between India, Japan and the United States"
			}
		}
		if gram.ObjectEnds[n] {
			if comma := d.titleComplementEnd(c, j); comma > j {
				j = comma - 1 // "the special envoy to Syria, Lakhdar Brahimi": the envoy is named after the comma (DESC-16)
				continue
			}
		}
		if (n == "," || gram.ObjectEnds[n]) && (len(out) > 0 || j > k+3) {
			return peopleOverAdjectives(out)
		}
	}
	return peopleOverAdjectives(out)
}

// listedAfter returns the states listed after the first one, which is
// named from token j on: "the ambassadors of Libya and Tunisia", "its
// envoys to Kuwait, Qatar and Saudi Arabia" give Tunisia; Kuwait and
// Qatar... give the rest. Neither the actor nor the first is returned.
func (d *doc) listedAfter(c *clause, j int, actor, first *entity) []*entity {
	var m *mention
	for x := j; x < c.end && x < j+3 && m == nil; x++ {
		if mm := d.mentionAt(c.si, x); mm != nil && d.stateOf(mm.ent) == first {
			m = mm
		}
	}
	var out []*entity
	for m != nil && m.tj < c.end {
		x := m.tj
		if n := c.norm(x); n != "," && !gram.Coordinators[n] {
			break
		}
		if c.norm(x) == "," {
			x++
		}
		if !d.listContinues(c, x) {
			break
		}
		for x < c.end && (gram.Coordinators[c.toks[x].norm] || gram.Articles[c.toks[x].norm]) {
			x++
		}
		m = d.mentionAt(c.si, x)
		if m == nil || c.norm(m.tj) == "'s" || m.tj < c.end && c.toks[m.tj].word && !c.toks[m.tj].cap && pastTense(c.norm(m.tj)) {
			break // "its ambassador to Peru and Bolivia's president protested", "… and Bolivia protested": a new subject
		}
		if s := d.stateOf(m.ent); s != nil && s.typ == model.Country && s != actor && s != first && !containsEntity(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// listContinues: an actor follows at token j, perhaps after "and" or
// "the": the next item of a list.
func (d *doc) listContinues(c *clause, j int) bool {
	for j < c.end && (gram.Coordinators[c.toks[j].norm] || gram.Articles[c.toks[j].norm]) {
		j++
	}
	m := d.mentionAt(c.si, j)
	if m == nil {
		return false
	}
	if _, says := d.x.lx.speech[c.norm(m.tj)]; says {
		return false // "met in the Kremlin, Xinhua reported": the source, not a party
	}
	return m.ent.typ != model.Place && d.actor(c.si, m) != nil
}

// thirdParties returns the mediators, hosts and witnesses the clause names
// for its trigger: "talks mediated by Iraq", "signed in Doha, witnessed by
// the Emir of Qatar", "a Qatar-brokered deal".
func (d *doc) thirdParties(c *clause) []*entity {
	var out []*entity
	for j := c.k + 1; j < c.end; j++ {
		if n := gram.ThirdParties.at(c.toks, j); n > 0 {
			out = append(out, d.objects(c, j+n)...)
			j += n
		}
	}
	for j := max(c.start, c.k-5); j < c.k; j++ {
		if m := d.mentionAt(c.si, j); m != nil && m.tj+1 < c.k && c.norm(m.tj) == "-" && gram.Brokered[c.norm(m.tj+1)] {
			if a := d.actor(c.si, m); a != nil || m.how == byDemonym {
				out = append(out, m.ent)
			}
		}
	}
	return out
}

// peopleOverAdjectives drops countries named only as the nationality of
// people who are named too ("his South Korean counterpart, Noh Kyu-duk").
func peopleOverAdjectives(es []*entity) []*entity {
	people := 0
	for _, e := range es {
		if e.typ == model.Person {
			people++
		}
	}
	if people < 2 {
		return es
	}
	return personsOverCountries(es)
}

// possessor returns the actor whose possessive stands before noun token k
// ("Kim’s visit", "Russia's long-anticipated delivery").
func (d *doc) possessor(c *clause, k int) *entity {
	toks := c.toks
	for j := k - 1; j >= 0 && j >= k-4; j-- {
		if toks[j].norm == "'s" {
			if m := d.mentionEndingAt(c.si, j+1); m != nil {
				return d.actor(c.si, m)
			}
			return nil
		}
		if gram.PossessiveIt[toks[j].norm] {
			return d.resolveIt(c.si, toks[j].start) // "the sale of its J-35 fighters"
		}
		if !toks[j].word && toks[j].norm != "-" {
			return nil // but "Xi's four-nation tour", "Modi's two-day visit" go on
		}
	}
	return nil
}

// compound returns the actors of a hyphenated compound before a noun
// ("the Putin-Kim meeting", "the U.S.-China summit").
func (d *doc) compound(c *clause, k int) []*entity {
	var out []*entity
	j := k - 1
	for j >= 0 {
		m := d.mentionAt(c.si, j)
		if m == nil {
			break
		}
		if a := d.actor(c.si, m); a != nil {
			out = append(out, a)
		}
		j = m.ti - 1
		if j < 0 || c.toks[j].norm != "-" {
			break
		}
		j--
	}
	if len(out) < 2 {
		return nil
	}
	return out
}

// parties returns the participants of a meeting, negotiation or agreement:
// "between X and Y", "X-Y summit", "X met (with) Y", "X's talks with Y".
func (d *doc) parties(c *clause) []*entity { return d.withClauseActors(c, d.syntacticParties(c)) }

// syntacticParties is parties without the clause's other actors: only
// those the syntax gives.
func (d *doc) syntacticParties(c *clause) []*entity {
	toks, k := c.toks, c.k
	var out []*entity
	if cp := d.compound(c, k); cp != nil {
		out = append(out, cp...)
	}
	for j := k + 1; j < c.end && j < k+12; j++ {
		if gram.Comitative[toks[j].norm] || j == k+1 && gram.Upon[toks[j].norm] && c.tr.has(senseCourtesy) { // "a courtesy call on Moon"
			out = append(out, d.objects(c, j+1)...)
			break
		}
		if j == k+1 && c.noun && gram.Genitive[toks[j].norm] {
			// "a summit of Brazil, Argentina and Paraguay"
			if os := d.objects(c, j+1); len(os) >= 2 {
				out = append(out, os...)
				break
			}
		}
		if toks[j].norm == "." || toks[j].norm == ";" {
			break
		}
	}
	if c.noun {
		if a := d.nounAgent(c, k); a != nil {
			out = append(out, a)
			if s := d.subjects(c, k); len(s) > 1 && slices.Contains(s, a) {
				out = append(out, s...) // "Biden and Xi held talks"
			}
		}
	} else {
		out = append(out, d.subjects(c, k)...)
		out = append(out, d.objects(c, k+1)...)
	}
	return uniqueEntities(personsOverCountries(append(out, d.thirdParties(c)...)))
}

// withClauseActors completes the parties the syntax gave: when it did not
// give two, the clause usually names them ("Russia and Ukraine's foreign
// ministers in Antalya").
func (d *doc) withClauseActors(c *clause, out []*entity) []*entity {
	if len(out) >= 2 || c.k > 0 && gram.Anaphoric[c.toks[c.k-1].norm] {
		return out
	}
	out = uniqueEntities(personsOverCountries(append(out, d.clauseActors(c)...)))
	if len(out) < 2 && c.noun {
		if es := d.comitativePlural(c); len(es) >= 2 {
			return uniqueEntities(personsOverCountries(append(out, es...)))
		}
	}
	if len(out) == 0 {
		out = d.genitivePlural(c)
	}
	return out
}

// comitativePlural: "meetings … between officials of the two countries":
// the group a plural description in the noun's comitative phrase stands
// for ("the second such meeting between the two countries" is the one
// just told: callers skip a noun after an anaphoric word).
func (d *doc) comitativePlural(c *clause) []*entity {
	for j := c.k + 1; j < c.end && j < c.k+12; j++ {
		if !gram.Comitative[c.toks[j].norm] {
			continue
		}
		for i := j + 1; i < c.end && i < j+6; i++ {
			if es := d.pluralNominal(c.si, i); len(es) >= 2 {
				return es
			}
		}
		break
	}
	return nil
}

// genitivePlural: a clause that names no actor may name its sides as the
// people "of the (two) countries": "top officials of the countries signed
// agreements" are the states named before (pluralNominal).
func (d *doc) genitivePlural(c *clause) []*entity {
	for j := c.start + 1; j < c.end; j++ {
		n := c.toks[j].norm
		if !gram.PluralParties[n] || gram.PeopleParties[n] {
			continue
		}
		i := j - 1
		for i > c.start && (gram.Articles[c.toks[i].norm] || gram.Counts[c.toks[i].norm] > 0) {
			i--
		}
		if gram.Genitive[c.toks[i].norm] {
			return d.pluralNominal(c.si, j)
		}
	}
	return nil
}

// clauseActors returns the people of the clause, or, when fewer than two
// are named, its countries and organizations, at most four.
func (d *doc) clauseActors(c *clause) []*entity {
	var people, others []*entity
	for j := c.start; j < c.end; j++ {
		m := d.mentionAt(c.si, j)
		if m == nil {
			continue
		}
		j = m.tj - 1
		if _, says := d.x.lx.speech[c.toks[min(m.tj, c.end-1)].norm]; says {
			continue // who says it ("Ms. Rao said …") is not a party to it
		}
		switch a := d.actor(c.si, m); {
		case a == nil:
		case a.typ == model.Person:
			people = append(people, a)
		default:
			others = append(others, a)
		}
	}
	out := uniqueEntities(people)
	if len(out) < 2 {
		out = uniqueEntities(append(out, others...))
	}
	if len(out) > 4 {
		out = out[:4]
	}
	return out
}

// conjoinedBefore returns the actors conjoined before token k: for "Japan
// and the Philippines signed", called at "the Philippines", it returns Japan.
func (d *doc) conjoinedBefore(c *clause, k int) []*entity {
	toks, cs := c.toks, c.start
	var out []*entity
	j := k - 1
	// "Prince Faisal and his Iranian counterpart, Hossein Amirabdollahian,"
	if j > cs && toks[j].norm == "," {
		for o := j - 1; o > cs && o >= j-5; o-- {
			if gram.Coordinators[toks[o].norm] {
				j = o
				break
			}
			if !toks[o].word && d.mentionAt(c.si, o) == nil {
				break
			}
		}
	}
	// "Erdogan and his Russian counterpart Vladimir Putin"
	for j >= cs && (gram.CounterpartWords[toks[j].norm] || d.mentionAt(c.si, j) != nil && d.mentionAt(c.si, j).how == byDemonym) {
		if m := d.mentionAt(c.si, j); m != nil {
			j = m.ti
		}
		j--
	}
	for j >= cs && gram.Articles[toks[j].norm] {
		j--
	}
	for j >= cs && (gram.Coordinators[toks[j].norm] || toks[j].norm == ",") {
		j--
		for j >= cs && gram.Articles[toks[j].norm] {
			j--
		}
		m := d.mentionAt(c.si, j)
		if m == nil {
			break
		}
		if a := d.actor(c.si, m); a != nil {
			out = append(out, a)
		}
		j = m.ti - 1
		for j >= cs && gram.Articles[toks[j].norm] {
			j--
		}
	}
	return out
}

// personsOverCountries drops countries when the people who represent them
// are there: a summit of leaders is between the leaders.
func personsOverCountries(es []*entity) []*entity {
	countries := map[string]bool{}
	for _, e := range es {
		if e.typ == model.Person && e.country != "" {
			countries[e.country] = true
		}
	}
	var out []*entity
	for _, e := range es {
		if e.typ == model.Country && countries[e.iso3] {
			continue
		}
		out = append(out, e)
	}
	return out
}

func uniqueEntities(es []*entity) []*entity {
	var out []*entity
	for _, e := range es {
		if e != nil && !slices.Contains(out, e) {
			out = append(out, e)
		}
	}
	return out
}

func subset(a, b []*entity) bool {
	for _, e := range a {
		if !slices.Contains(b, e) {
			return false
		}
	}
	return true
}

func containsEntity(es []*entity, e *entity) bool { return slices.Contains(es, e) }

// lightVerbSubject returns the subject of a light verb whose object is the
// noun at k: "Putin commenced a two-day trip" → Putin.
func (d *doc) lightVerbSubject(c *clause, k int) *entity {
	toks := c.toks
	if w := d.whatFrame(c, k); w > 0 {
		return d.subject(c, w-1)
	}
	for j := k - 1; j >= c.start && j >= k-12; j-- {
		if gram.LightVerbs[toks[j].norm] {
			return d.subject(c, j)
		}
		n := toks[j].norm
		if !toks[j].word && !strings.Contains("-$()£€+/&", n) && !isNumberToken(toks[j]) && !(n == `"` && scareQuote(toks, j)) || d.mentionAt(c.si, j) != nil {
			return nil // but `lodged "stern representations"` goes on
		}
	}
	return nil
}

// whatFrame finds "what" right after a light verb, with "as" later before
// the noun at k: "Pakistan conducted what the military's media wing
// described as a training launch": the light verb governs the noun. It
// returns the index of "what", or -1.
func (d *doc) whatFrame(c *clause, k int) int {
	as := false
	for j := k - 1; j > c.start && j >= k-24; j-- {
		as = as || gram.AsFrame[c.toks[j].norm] && j >= k-4
		if as && gram.WhatFrame[c.toks[j].norm] && gram.LightVerbs[c.toks[j-1].norm] {
			return j
		}
	}
	return -1
}

// governingVerb returns the verb before the noun phrase of token k ("denied
// the arms dealings" → "denied"), or -1.
func (d *doc) governingVerb(c *clause, k int) int {
	toks := c.toks
	for j := k - 1; j >= c.start && j >= k-8; j-- {
		if _, ok := d.x.lx.speech[toks[j].norm]; ok || gram.LightVerbs[toks[j].norm] || xfer.ReceiveVerbs[toks[j].norm] {
			return j
		}
		if !toks[j].word && !isNumberToken(toks[j]) && !strings.Contains("-$€£", toks[j].norm) && !(toks[j].norm == `"` && scareQuote(toks, j)) || d.mentionAt(c.si, j) != nil {
			return -1
		}
	}
	return -1
}

// nounAgent finds who does what a noun trigger at k names, when no
// possessor says it: the subject of the verb governing the noun ("Putin
// commenced a two-day trip", "announced an aid package"), the subject after
// a fronted phrase ("During a visit to Beijing, Blinken …"), the subject
// an interjection belongs to ("Kim, during a rare trip to Russia, held"),
// or "by X" after it.
func (d *doc) nounAgent(c *clause, k int) *entity {
	toks, cs := c.toks, c.start
	if p := d.possessor(c, k); p != nil {
		return p
	}
	if s := d.lightVerbSubject(c, k); s != nil {
		return s
	}
	// "by X" right after it names the agent: "a visit by X" beats whatever
	// introduces the phrase ("days after a visit by …").
	for j := k + 1; j < c.end && j < k+4; j++ {
		if gram.Agent[toks[j].norm] && !strings.HasSuffix(toks[j-1].norm, "ed") { // not "a summit hosted by"
			if os := d.objects(c, j+1); len(os) > 0 {
				if p := d.personAfter(c.si, j+1, 8); p != nil && os[0].typ == model.Country {
					return p // "a visit by a US delegation led by Molly Phee"
				}
				return os[0]
			}
		}
	}
	// Walk back over the noun's phrase to what introduces it.
	j := k - 1
	for j >= cs && (toks[j].word && (gram.Determiners[toks[j].norm] || !toks[j].cap && d.mentionAt(c.si, j) == nil && !gram.InterjectionOpeners[toks[j].norm]) || toks[j].norm == "-" || isNumberToken(toks[j])) {
		j--
	}
	if j >= cs && gram.InterjectionOpeners[toks[j].norm] {
		switch {
		case j > cs && toks[j-1].norm != ",":
			// "Erdogan traveled to Nakhchivan for talks with Aliyev"
			return d.subject(c, j)
		case j == cs:
			// Fronted: "During a visit to Beijing last month, Blinken said"
			for o := k + 1; o < len(toks) && o < k+25; o++ {
				if toks[o].norm == "," {
					return d.personAfter(c.si, o+1, 12)
				}
			}
		default:
			// Interjected: "Kim Jong-un, during a rare trip to Russia, held"
			if m := d.mentionEndingAt(c.si, j-1); m != nil {
				return d.actor(c.si, m)
			}
		}
	}
	return nil
}

// stateOf returns the party that gives or receives for an actor: a
// person or a government body acts for their country ("Kang Sun Nam …
// overseeing the supply", "the Pentagon announced"); a place stands for
// the country it is in ("aid convoys into Gaza").
func (d *doc) stateOf(e *entity) *entity {
	if e == nil {
		return nil
	}
	switch {
	case e.typ == model.Person, e.typ == model.Place, e.typ == model.Organization && (e.generic || gram.StateBodies[e.kind]):
		if c := d.countryByISO(e.country); c != nil {
			return c
		}
		if e.typ == model.Place {
			return nil
		}
	}
	return e
}

// actorRightAfter returns the actor that starts at token i, after at most
// an article or two adjectives ("to Russia", "from the DPRK").
func (d *doc) actorRightAfter(c *clause, i int) *entity {
	toks := c.toks
	for j := i; j < c.end && j < i+3; j++ {
		if m := d.mentionAt(c.si, j); m != nil {
			if m.ent.typ == model.Place {
				return m.ent // stateOf turns it into its country
			}
			return d.actor(c.si, m)
		}
		if gram.GroupNouns[toks[j].norm] && j > 0 && gram.Articles[toks[j-1].norm] {
			// "arming the group": the armed group named last
			return d.lastEntity(c.si, toks[j].start, func(e *entity) bool {
				return e.typ == model.Organization && gram.ArmedBodies[e.kind]
			})
		}
		if !toks[j].word || gram.Comitative[toks[j].norm] || gram.Infinitive[toks[j].norm] || gram.Prepositions[toks[j].norm] {
			return nil // "sell arms from North Korea": North Korea is not whom they are sold to
		}
	}
	return nil
}

// placeIn returns a place named in the clause after token k ("in Vladivostok").
func (d *doc) placeIn(c *clause, k int) *entity {
	for j := k + 1; j < c.end; j++ {
		if m := d.mentionAt(c.si, j); m != nil && m.ent.typ == model.Place && j > 0 && gram.Locatives[c.toks[j-1].norm] {
			return m.ent
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

// isPassive: "the missile was launched": the subject is what was launched.
func isPassive(toks []token, k int) bool {
	for j := k - 1; j >= 0 && j >= k-2; j-- {
		if gram.PassiveAuxiliaries[toks[j].norm] {
			return true
		}
	}
	return false
}
