package loader

// The arguments of an event trigger: who does it, with or to whom. These
// functions read English word order — subjects before verbs, objects and
// prepositional phrases after, possessives and compounds before nouns —
// over the mentions that recognition found.

import (
	"slices"
	"strings"

	"github.com/geokg/geokg/model"
)

// actor is an entity that can take part in an event: a person, country
// or organization, but not a country adjective that describes a person
// ("Russian" in "Russian President Vladimir Putin").
func (d *doc) actor(si int, m *mention) *entity {
	switch m.ent.typ {
	case model.Person, model.Organization:
		return m.ent
	case model.Country:
		if m.how == byDemonym && d.describesPerson(si, m) {
			return nil
		}
		return m.ent
	}
	return nil
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
func (d *doc) subject(si, k, cs int) *entity {
	if es := d.subjects(si, k, cs); len(es) > 0 {
		return es[0]
	}
	return nil
}

// subjects returns the actors that do the verb at token k: the nearest
// actor before it in the clause, "X and Y" conjoined, "the two leaders",
// the antecedent of "who", or what a pronoun stands for. Interjected
// phrases (", during a rare trip to Russia,") are skipped.
func (d *doc) subjects(si, k, cs int) []*entity {
	toks := d.sents[si].tokens
	if a := d.accused(si, k, cs); a != nil {
		return []*entity{a}
	}
	if k > cs && strings.HasSuffix(toks[k].norm, "ing") && (participleOpeners[toks[k-1].norm] || toks[k-1].norm == ",") {
		// "He held talks with Modi before flying home", "Japan picked the
		// Philippines …, pledging 600 million yen": the subject of the main
		// clause, not the nearest name.
		return d.clauseSubject(si, cs, k)
	}
	// "Wang held talks with Chung and later paid a call on Moon": a verb
	// conjoined to an earlier one shares its subject.
	if a := k - 1; a > cs && (toks[a].norm == "and" || a > cs+1 && toks[a-1].norm == "and" && conjoinedAdverbs[toks[a].norm]) {
		if toks[a].norm != "and" {
			a--
		}
		// The earlier verb: the nearest past-tense or known verb before "and".
		for v := a - 1; v > cs && v >= a-20; v-- {
			t := toks[v]
			if _, says := d.x.lx.speech[t.norm]; says || t.norm == ";" {
				break
			}
			tr, isTrigger := triggers[t.norm]
			if t.word && !t.cap && d.mentionAt(si, v) == nil && (strings.HasSuffix(t.norm, "ed") || lightVerbs[t.norm] || isTrigger && !tr.noun) {
				if es := d.subjects(si, v, cs); len(es) > 0 {
					return es
				}
				break
			}
		}
	}
	for j := k - 1; j >= cs && j >= k-40; j-- {
		if m := d.mentionAt(si, j); m != nil {
			if m.ti >= 2 && toks[m.ti-1].norm == "to" && toks[m.ti-2].norm == "according" ||
				m.ti >= 3 && toks[m.ti-1].norm == "the" && toks[m.ti-2].norm == "to" && toks[m.ti-3].norm == "according" {
				j = m.ti // "According to Washington, …": the source, not the subject
				continue
			}
			if a := d.actor(si, m); a != nil && m.ent.typ != model.Place {
				group := append([]*entity{a}, d.conjoinedBefore(si, m.ti, cs)...)
				if len(group) > 1 {
					d.lastGroup, d.lastGroupSent = group, si
				}
				return group
			}
			j = m.ti // a place ("flew to Honiara and met …") is not the subject
			continue
		}
		switch n := toks[j].norm; n {
		case "he", "she":
			if p := d.resolvePronoun(si, toks[j].start, n); p != nil {
				return []*entity{p}
			}
			return nil
		case "it":
			if e := d.resolveIt(si, toks[j].start); e != nil {
				return []*entity{e}
			}
			return nil
		case "who", "which":
			if j > 0 && toks[j-1].norm == "," {
				if m := d.mentionEndingAt(si, j-1); m != nil && d.actor(si, m) != nil {
					return []*entity{d.actor(si, m)}
				}
			}
			return nil
		case "they":
			// "The two leaders last met in Tehran, where they held a summit"
			if d.lastGroup != nil && si-d.lastGroupSent <= 2 {
				return d.lastGroup
			}
			return nil
		case "that", "we", "i", "you":
			return nil
		case "delegation", "team":
			// "The delegation will also travel to Fiji": the people who lead
			// the delegation named before.
			if j > cs && toks[j-1].norm == "the" {
				if ps := d.delegationLeaders(si); len(ps) > 0 {
					return ps
				}
			}
		case ")":
			if open := matchParen(toks, j, -1); open >= 0 {
				j = open // "the Stockholm International Peace Research Institute (Sipri) buys"
			}
		case ",":
			if c := d.interjectionStart(si, j, cs); c >= 0 {
				j = c
			}
		default:
			if es := d.pluralNominal(si, j); es != nil {
				d.lastGroup, d.lastGroupSent = es, si
				return es
			}
		}
	}
	return nil
}

// delegationLeaders returns the people who lead the delegation last named
// in the few sentences up to si: "a delegation led by Kurt Campbell and
// Daniel Kritenbrink".
func (d *doc) delegationLeaders(si int) []*entity {
	for s := si; s >= 0 && s >= si-6; s-- {
		toks := d.sents[s].tokens
		for j := len(toks) - 3; j >= 0; j-- {
			if (toks[j].norm == "delegation" || toks[j].norm == "team") && (toks[j+1].norm == "led" || toks[j+1].norm == "headed") && toks[j+2].norm == "by" {
				var out []*entity
				for _, e := range d.objects(s, j+3, len(toks)) {
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
func (d *doc) accused(si, k, cs int) *entity {
	toks := d.sents[si].tokens
	for j := k - 1; j > cs && j >= k-14; j-- {
		if toks[j].norm != "of" {
			continue
		}
		a := j - 1
		var who *entity
		if m := d.mentionAt(si, a); m != nil {
			who, a = d.actor(si, m), m.ti
		} else if toks[a].norm == "it" {
			who = d.resolveIt(si, toks[a].start)
		}
		if who != nil && a > 0 && alleging[toks[a-1].norm] {
			return who
		}
		return nil
	}
	return nil
}

// Words that open a participle clause whose subject is the main clause's.
// Adverbs between "and" and a conjoined verb: "and later paid".
var conjoinedAdverbs = setOf("later", "then", "also", "subsequently", "afterwards", "afterward", "separately", "again")

var participleOpeners = setOf("before", "after", "while", "when", "since", "upon", "without", "by")

// clauseSubject returns the subject of the clause starting at cs: its
// first actor, or what its first pronoun stands for.
func (d *doc) clauseSubject(si, cs, k int) []*entity {
	toks := d.sents[si].tokens
	for j := cs; j < k; j++ {
		if m := d.mentionAt(si, j); m != nil {
			if a := d.actor(si, m); a != nil && m.ent.typ != model.Place {
				return []*entity{a}
			}
			j = m.tj - 1
			continue
		}
		if n := toks[j].norm; n == "he" || n == "she" {
			if p := d.resolvePronoun(si, toks[j].start, n); p != nil {
				return []*entity{p}
			}
			return nil
		}
	}
	return nil
}

// interjectionStart finds the opening comma of an interjected phrase that
// ends at the comma at j (", during a rare trip to Russia,"), or -1.
func (d *doc) interjectionStart(si, j, cs int) int {
	toks := d.sents[si].tokens
	for c := j - 1; c > cs && c >= j-30; c-- {
		if toks[c].norm == "," {
			if c+1 < j && interjectionOpeners[toks[c+1].norm] {
				return c
			}
			return -1
		}
	}
	return -1
}

var interjectionOpeners = setOf("during", "on", "in", "at", "after", "before", "amid", "while", "who", "which",
	"a", "an", "the", "according", "speaking", "along", "despite", "following", "like", "unlike", "as", "for",
	"his", "her", "its", "their", "then", "now", "also", "meanwhile", "however", "reportedly")

// Plural nouns that stand for two parties named before: "the two leaders met".
var pluralParties = setOf("leaders", "presidents", "sides", "countries", "nations", "men", "ministers", "governments", "allies", "neighbours", "neighbors", "powers", "states")

// pluralNominal resolves "the two leaders", "both sides" ending at token j
// to the two parties named last: leaders for people, else countries.
func (d *doc) pluralNominal(si, j int) []*entity {
	toks := d.sents[si].tokens
	if !pluralParties[toks[j].norm] || j == 0 || toks[j-1].norm != "two" && toks[j-1].norm != "both" && toks[j-1].norm != "three" {
		return nil
	}
	want := 2
	if toks[j-1].norm == "three" {
		want = 3
	}
	people := toks[j].norm == "leaders" || toks[j].norm == "presidents" || toks[j].norm == "men" || toks[j].norm == "ministers"
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
				if m.ent.typ == model.Person && (m.ent.leader || toks[j].norm == "ministers" || toks[j].norm == "men") && !slices.Contains(group, m.ent) {
					group = append(group, m.ent)
				}
			}
			if len(group) == want {
				return group
			}
		}
	}
	for s := si; s >= 0 && s >= si-8 && len(out) < want; s-- {
		ms := d.ments[s]
		for i := len(ms) - 1; i >= 0 && len(out) < want; i-- {
			m := ms[i]
			if s == si && m.start >= toks[j].start || slices.Contains(out, m.ent) {
				continue
			}
			if people && m.ent.typ == model.Person && (m.ent.leader || toks[j].norm == "ministers" || toks[j].norm == "men") ||
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

// resolveIt links "it" at byte pos to the country or organization it most
// likely means: the first one named in its sentence before it, else in the
// sentence before.
func (d *doc) resolveIt(si, pos int) *entity {
	for s := si; s >= 0 && s >= si-1; s-- {
		for _, m := range d.ments[s] {
			if s == si && m.start >= pos {
				break
			}
			if (m.ent.typ == model.Country && m.how != byDemonym) || m.ent.typ == model.Organization && m.ent.kind != "news" {
				return m.ent
			}
		}
	}
	return nil
}

// objects returns the actors after token k up to the first word that
// ends the object phrase ("to discuss", "in Beijing", "on Monday").
func (d *doc) objects(si, k, ce int) []*entity {
	toks := d.sents[si].tokens
	var out []*entity
	for j := k; j < ce; j++ {
		if m := d.mentionAt(si, j); m != nil {
			if a := d.actor(si, m); a != nil {
				out = append(out, a)
			}
			j = m.tj - 1
			continue
		}
		n := toks[j].norm
		if n == "," && j+1 < ce {
			// "his South Korean and Japanese counterparts, Noh Kyu-duk and
			// Takehiro Funakoshi": the people the phrase describes follow,
			// perhaps after their titles ("…, Foreign Affairs Secretary Enrique Manalo").
			if p := d.personAfter(si, j+1, 6); p != nil {
				continue
			}
		}
		switch n {
		case "to", "on", "about", "over", "in", "during", "amid", "after", "before", "for", "as", "which",
			"that", "who", ",", "at", "from", "since", "until", "by", "when", "where", "while":
			if len(out) > 0 || j > k+3 {
				return peopleOverAdjectives(out)
			}
		}
	}
	return peopleOverAdjectives(out)
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
func (d *doc) possessor(si, k int) *entity {
	toks := d.sents[si].tokens
	for j := k - 1; j >= 0 && j >= k-4; j-- {
		if toks[j].norm == "'s" {
			if m := d.mentionEndingAt(si, j+1); m != nil {
				return d.actor(si, m)
			}
			return nil
		}
		if toks[j].norm == "its" {
			return d.resolveIt(si, toks[j].start) // "the sale of its J-35 fighters"
		}
		if !toks[j].word {
			return nil
		}
	}
	return nil
}

// compound returns the actors of a hyphenated compound before a noun
// ("the Putin-Kim meeting", "the U.S.-China summit").
func (d *doc) compound(si, k int) []*entity {
	toks := d.sents[si].tokens
	var out []*entity
	j := k - 1
	for j >= 0 {
		m := d.mentionAt(si, j)
		if m == nil {
			break
		}
		if a := d.actor(si, m); a != nil {
			out = append(out, a)
		}
		j = m.ti - 1
		if j < 0 || toks[j].norm != "-" {
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
func (d *doc) parties(si, k, cs, ce int, noun bool) []*entity {
	toks := d.sents[si].tokens
	var out []*entity
	if c := d.compound(si, k); c != nil {
		out = append(out, c...)
	}
	for j := k + 1; j < ce && j < k+12; j++ {
		if toks[j].norm == "between" || toks[j].norm == "with" || toks[j].norm == "among" ||
			toks[j].norm == "on" && j == k+1 && toks[k].norm == "call" { // "a courtesy call on Moon"
			out = append(out, d.objects(si, j+1, ce)...)
			break
		}
		if toks[j].norm == "." || toks[j].norm == ";" {
			break
		}
	}
	if noun {
		if a := d.nounAgent(si, k, cs, ce); a != nil {
			out = append(out, a)
			if s := d.subjects(si, k, cs); len(s) > 1 && slices.Contains(s, a) {
				out = append(out, s...) // "Biden and Xi held talks"
			}
		}
	} else {
		out = append(out, d.subjects(si, k, cs)...)
		out = append(out, d.objects(si, k+1, ce)...)
	}
	out = uniqueEntities(personsOverCountries(out))
	if len(out) < 2 && !(k > 0 && anaphoric[toks[k-1].norm]) {
		// The syntax did not give two parties; the clause usually names
		// them ("Russia and Ukraine's foreign ministers in Antalya").
		out = uniqueEntities(personsOverCountries(append(out, d.clauseActors(si, cs, ce)...)))
	}
	return out
}

// Determiners that make a noun refer back to an event already told.
var anaphoric = setOf("the", "this", "that", "these", "those", "such")

// clauseActors returns the people of tokens [cs, ce), or, when fewer than
// two are named, its countries and organizations, at most four.
func (d *doc) clauseActors(si, cs, ce int) []*entity {
	var people, others []*entity
	for j := cs; j < ce; j++ {
		m := d.mentionAt(si, j)
		if m == nil {
			continue
		}
		j = m.tj - 1
		if _, says := d.x.lx.speech[d.sents[si].tokens[min(m.tj, ce-1)].norm]; says {
			continue // who says it ("Ms. Rao said …") is not a party to it
		}
		switch a := d.actor(si, m); {
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
func (d *doc) conjoinedBefore(si, k, cs int) []*entity {
	toks := d.sents[si].tokens
	var out []*entity
	j := k - 1
	// "Prince Faisal and his Iranian counterpart, Hossein Amirabdollahian,"
	if j > cs && toks[j].norm == "," {
		for c := j - 1; c > cs && c >= j-5; c-- {
			if toks[c].norm == "and" {
				j = c
				break
			}
			if !toks[c].word && d.mentionAt(si, c) == nil {
				break
			}
		}
	}
	// "Erdogan and his Russian counterpart Vladimir Putin"
	for j >= cs && (counterpartWords[toks[j].norm] || d.mentionAt(si, j) != nil && d.mentionAt(si, j).how == byDemonym) {
		if m := d.mentionAt(si, j); m != nil {
			j = m.ti
		}
		j--
	}
	for j >= cs && toks[j].norm == "the" {
		j--
	}
	for j >= cs && (toks[j].norm == "and" || toks[j].norm == ",") {
		j--
		for j >= cs && toks[j].norm == "the" {
			j--
		}
		m := d.mentionAt(si, j)
		if m == nil {
			break
		}
		if a := d.actor(si, m); a != nil {
			out = append(out, a)
		}
		j = m.ti - 1
		for j >= cs && toks[j].norm == "the" {
			j--
		}
	}
	return out
}

// Words between "and" and the name of a counterpart.
var counterpartWords = setOf("his", "her", "their", "its", "counterpart", "counterparts")

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

// Verbs whose object noun carries the event: "commenced a two-day trip",
// "paid a visit", "held talks".
var lightVerbs = setOf("commenced", "began", "begins", "begin", "started", "starts", "start", "made", "makes",
	"make", "paid", "pays", "pay", "undertook", "undertake", "embarked", "embarks", "embark", "concluded",
	"concludes", "wrapped", "ended", "ends", "held", "holds", "hold", "holding", "kicked", "kicks", "kick",
	"cut", "cuts", "opened", "opens", "resumed", "resume", "continued", "continue", "staged", "conducted", "conducts",
	"returned", "returning", "announced", "announces", "unveiled", "unveils", "approved", "approves", "adopted",
	"adopts", "imposed", "imposes", "signed", "signs", "pledged", "pledges", "promised", "lodged", "lodges",
	"agreed", "accused", "accuses", "completed", "finished", "launched", "launches")

// lightVerbSubject returns the subject of a light verb whose object is the
// noun at k: "Putin commenced a two-day trip" → Putin.
func (d *doc) lightVerbSubject(si, k, cs int) *entity {
	toks := d.sents[si].tokens
	for j := k - 1; j >= cs && j >= k-12; j-- {
		if lightVerbs[toks[j].norm] {
			return d.subject(si, j, cs)
		}
		n := toks[j].norm
		if !toks[j].word && !strings.Contains("-$()£€+/&", n) && !isNumberToken(toks[j]) || d.mentionAt(si, j) != nil {
			return nil
		}
	}
	return nil
}

// nounAgent finds who does what a noun trigger at k names, when no
// possessor says it: the subject of the verb governing the noun ("Putin
// commenced a two-day trip", "announced an aid package"), the subject after
// a fronted phrase ("During a visit to Beijing, Blinken …"), the subject
// an interjection belongs to ("Kim, during a rare trip to Russia, held"),
// or "by X" after it.
func (d *doc) nounAgent(si, k, cs, ce int) *entity {
	toks := d.sents[si].tokens
	if p := d.possessor(si, k); p != nil {
		return p
	}
	if s := d.lightVerbSubject(si, k, cs); s != nil {
		return s
	}
	// "by X" right after it names the agent: "a visit by X" beats whatever
	// introduces the phrase ("days after a visit by …").
	for j := k + 1; j < ce && j < k+4; j++ {
		if toks[j].norm == "by" && !strings.HasSuffix(toks[j-1].norm, "ed") { // not "a summit hosted by"
			if os := d.objects(si, j+1, ce); len(os) > 0 {
				if p := d.personAfter(si, j+1, 8); p != nil && os[0].typ == model.Country {
					return p // "a visit by a US delegation led by Molly Phee"
				}
				return os[0]
			}
		}
	}
	// Walk back over the noun's phrase to what introduces it.
	j := k - 1
	for j >= cs && (toks[j].word && (determiners[toks[j].norm] || !toks[j].cap && d.mentionAt(si, j) == nil && !interjectionOpeners[toks[j].norm]) || toks[j].norm == "-" || isNumberToken(toks[j])) {
		j--
	}
	if j >= cs && interjectionOpeners[toks[j].norm] {
		switch {
		case j > cs && toks[j-1].norm != ",":
			// "Erdogan traveled to Nakhchivan for talks with Aliyev"
			return d.subject(si, j, cs)
		case j == cs:
			// Fronted: "During a visit to Beijing last month, Blinken said"
			for c := k + 1; c < len(toks) && c < k+25; c++ {
				if toks[c].norm == "," {
					return d.personAfter(si, c+1, 12)
				}
			}
		default:
			// Interjected: "Kim Jong-un, during a rare trip to Russia, held"
			if m := d.mentionEndingAt(si, j-1); m != nil {
				return d.actor(si, m)
			}
		}
	}
	return nil
}
