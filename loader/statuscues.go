package loader

import (
	"slices"
	"sort"
	"strings"

	"github.com/geokg/geokg/model"
)

// The words around a trigger that settle whether an event is stated, and
// how: a plan shared by a coordinated verb (ST-PLAN-13), reduced and
// comma-infinitive predicates (ST-SPEC-7), "is to", "decided to", "ahead
// of" (ST-PLAN-14..17), a false claim and a refusal to comment (ST-DEN-3/4),
// a hope for a deal (EV-NOT-6), an older fact that is not today's event
// (ST-MERGE-6), a scare-quoted name that does not hide a closing source
// (ST-REP-6), and a bare "the two" as a subject (DESC-14).

// coordinatedPlan: a bare verb conjoined after a first predicate shares
// its auxiliary: "Lavrov will hold talks with Westerwelle, and meet
// Brahimi", "is set to attend the forum to deliver a speech and to meet
// US officials", "will travel to Accra and hold talks with Mahama". The
// bare form after "and" (or "and to") has no tense of its own, so the
// nearest modal or plan word before it governs it; when that is a plan
// word the trigger is planned (ST-PLAN-13). A noun trigger reads its light
// verb ("and hold talks"). A hedge, negator or past auxiliary nearer than
// the plan word ("could visit X and meet Y", "did not visit X and meet Y")
// decides nothing here.
func (d *doc) coordinatedPlan(c *clause) bool {
	toks, v := c.toks, c.k
	if c.noun {
		if v = d.governingVerb(c, c.k); v < 0 {
			return false
		}
	}
	if bare := toks[v].norm; pastTense(bare) || strings.HasSuffix(bare, "ing") || cue.Planned[bare] {
		return false
	}
	j := v - 1
	for j > 0 && gram.ConjoinedAdverbs[toks[j].norm] && !cue.Planned[toks[j].norm] && !cue.Hedges[toks[j].norm] && !cue.Conditional[toks[j].norm] {
		j-- // "and also meet"
	}
	if j > 0 && gram.Infinitive[toks[j].norm] {
		j-- // "and to meet"
	}
	if j < 1 || !gram.Coordinators[toks[j].norm] {
		return false
	}
	for i := j - 1; i >= 0 && i >= j-30; i-- {
		n := toks[i].norm
		if n == ";" || n == ":" || n == "--" || n == `"` && !scareQuote(toks, i) {
			return false
		}
		if cue.Planned[n] && !cue.BeforeOnly[n] && !causalDue(toks, i) && !monthNotModal(toks, i) && !storyTime(toks, i) || cue.SetTo.at(toks, i) > 0 {
			return true
		}
		if cue.Hedges[n] || cue.Conditional[n] || cue.Negators[n] || gram.PerfectAuxiliaries[n] || d.speechVerb(n) {
			return false
		}
	}
	return false
}

// shortQuoteMarks returns text[s:e] without the marks of quotations of at
// most three words that lie wholly inside it (a deal's name, "Phase 1", a
// scare-quoted word): such marks name, they do not quote a speaker, so a
// closing source (", the newspaper reported") still attributes the clause
// (ST-REP-6).
func (d *doc) shortQuoteMarks(s, e int) string {
	b := []byte(d.text[s:e])
	for _, q := range d.quotes {
		if q.open < s || q.close < 0 || q.close >= e || len(strings.Fields(d.text[q.start:q.end])) > 3 {
			continue
		}
		for _, at := range []int{q.open, q.close} {
			for i := at; i < len(d.text) && i < at+4; i++ {
				b[i-s] = ' '
				if i+1 < len(d.text) && d.text[i+1]&0xC0 != 0x80 {
					break
				}
			}
		}
	}
	return string(b)
}

// bareCount: "the two" standing alone as a subject ("The two met in
// Finland on Monday", "the two also discussed …") are the two people of
// the meeting or visit told last, in the three sentences before;
// else the two states of it (DESC-14). j is the count word, followed by
// the verb.
func (d *doc) bareCount(si, j, k int) []*entity {
	toks := d.sents[si].tokens
	want := gram.Counts[toks[j].norm]
	if want == 0 || j == 0 || toks[j-1].norm != "the" || j+1 >= len(toks) || j+1 > k {
		return nil
	}
	if next := toks[j+1].norm; j+1 != k && !gram.ConjoinedAdverbs[next] && !pastTense(next) && !gram.LightVerbs[next] {
		return nil // "the two leaders", "the two sides": pluralNominal's
	}
	var out []*entity
	d.lastEvent(si-1, 2, func(e *event) bool {
		if e.typ != model.Meeting && e.typ != model.Visit || e.lastSent >= si {
			return false
		}
		people := persons(e.participants)
		if len(people) == want {
			out = slices.Clone(people)
			return true
		}
		return false
	})
	if out == nil {
		out = d.lastMeetingSides(si, want)
	}
	return out
}

// hopedFor: the trigger at k is a noun that a hope, call or prospect
// governs through "for" or "of" ("Hopes for a US-China trade agreement
// lifted stocks", "renewed calls for talks", "the prospect of
// sanctions"), with only modifiers between (a determiner, a name, a
// demonym, a hyphenated pair, a plain word): a wish or a fear names no
// happening (EV-NOT-6). A verb trigger ("hopes to meet") is the desire
// cue's (ST-SPEC-1).
func (d *doc) hopedFor(si, k int) bool {
	toks := d.sents[si].tokens
	for j := k - 1; j >= 1 && j >= k-6; j-- {
		n := toks[j].norm
		if (n == "for" || n == "of") && cue.HopeNouns[toks[j-1].norm] {
			return true
		}
		if !toks[j].word && n != "-" || triggers[n] != nil || d.speechVerb(n) {
			return false
		}
	}
	return false
}

// reducedPredicate: the verb at k (or the light verb of a noun trigger)
// opens a second predicate after a comma with no subject of its own but a
// modal adjective or plan word: "Pompeo cancels visit to Germany, likely
// to meet Lavrov soon", "Modi lands in Tokyo, set to hold talks with
// Ishiba", "…, expected to sign a deal". Its subject is the first
// clause's, not the name nearest before it (ST-SPEC-7).
func (d *doc) reducedPredicate(c *clause, k int) bool {
	toks := c.toks
	i := k - 1
	if i > c.start && gram.LightVerbs[toks[i].norm] {
		i-- // "…, likely to hold talks"
	}
	if i < c.start+3 || !gram.Infinitive[toks[i].norm] {
		return false
	}
	if toks[i-1].norm == "," {
		return true // "arrives in India, to hold talks with Sitharaman"
	}
	i--
	w := toks[i].norm
	return (cue.Hedges[w] || cue.Planned[w] || cue.SetTo.at(toks, i) > 0) && toks[i-1].norm == ","
}

// reducedAhead: toks[j] is the comma that opens such a second predicate
// after the trigger ("cancels visit to Germany, likely to meet Lavrov"):
// the cues after it are the second predicate's (ST-SPEC-7).
func (d *doc) reducedAhead(c *clause, j int) bool {
	toks := c.toks
	if toks[j].norm != "," || j+3 >= c.end {
		return false
	}
	if gram.Infinitive[toks[j+1].norm] {
		if m := d.mentionEndingAt(c.si, j); m != nil && m.ent.typ == model.Person {
			return false // ", Dirk Schuebel, to return": an apposition's closing comma
		}
		v := toks[j+2].norm // "arrives in India, to hold talks"
		return triggers[v] != nil || gram.LightVerbs[v]
	}
	w := toks[j+1].norm
	if !(cue.Hedges[w] || cue.Planned[w] || cue.SetTo.at(toks, j+1) > 0) || !gram.Infinitive[toks[j+2].norm] {
		return false
	}
	v := toks[j+3].norm
	return triggers[v] != nil || gram.LightVerbs[v]
}

// falseClaim: the trigger is the content of a claim its sentence calls
// false: a denying adjective (status.txt `[denying words]`: "false",
// "baseless", "fabricated"), perhaps one word, then a claim noun and "that"
// before it ("the Japanese media's false report that the DPRK has supplied
// Russia with munitions", "baseless claims that Iran sent drones"): the one
// who says so denies it (ST-DEN-3).
func (d *doc) falseClaim(c *clause) bool {
	toks, k := c.toks, c.k
	for j := k - 1; j >= 2 && j >= k-14; j-- {
		if toks[j].norm != wordThat || !cue.ClaimNouns[toks[j-1].norm] {
			continue
		}
		for i := j - 2; i >= 0 && i >= j-3; i-- {
			if n := toks[i].norm; cue.DenyingWords[n] && !strings.HasSuffix(n, "ing") {
				return true
			}
		}
		return false
	}
	return false
}

// withoutClosingSpeaker drops from an event's parties the person who only
// closes its sentence as the source ("the president is expected to sign
// agreements with Ethiopia, said Neena Malhotra, joint secretary …", "…,
// Malhotra told reporters"): a person named in this sentence only after
// the comma that ends the clause holding the trigger, right before or
// after a speech verb there, tells it and takes no part (EV-NOT-8). A
// party named before the comma too stays, and an event left with fewer
// than two parties keeps its speaker.
func (d *doc) withoutClosingSpeaker(si, k int, ps []*entity) []*entity {
	if len(ps) < 3 {
		return ps
	}
	toks := d.sents[si].tokens
	for c := k + 1; c+2 < len(toks); c++ {
		if toks[c].norm != "," {
			continue
		}
		var sp *entity
		if d.speechVerb(toks[c+1].norm) {
			if m := d.mentionAt(si, c+2); m != nil {
				sp = m.ent // ", said Neena Malhotra"
			}
		} else if m := d.mentionAt(si, c+1); m != nil && m.tj < len(toks) && d.speechVerb(toks[m.tj].norm) {
			sp = m.ent // ", Malhotra said"
		}
		if sp == nil || sp.typ != model.Person || !slices.Contains(ps, sp) {
			continue
		}
		for _, m := range d.ments[si] {
			if m.ent == sp && m.ti < c {
				return ps
			}
		}
		return slices.DeleteFunc(slices.Clone(ps), func(e *entity) bool { return e == sp })
	}
	return ps
}

// destinedObject: a noun trigger is the object of a verb after "is to"
// ("his stay is to include a meeting with Xi", "the programme is to
// feature talks with Ruto"): what is arranged to come includes it, planned
// (ST-PLAN-14). Only words stand between the verb and the noun.
func (d *doc) destinedObject(c *clause) bool {
	if !c.noun {
		return false
	}
	toks := c.toks
	for v := c.k - 1; v >= c.start+2 && v >= c.k-4; v-- {
		if !toks[v].word {
			return false
		}
		if cue.Destined.at(toks, v-2) == 2 {
			return true
		}
	}
	return false
}

// embeddedQuote: the mark at token j opens the quotation that holds token
// k, and the word before it is a lower-case word of the sentence's own
// grammar ("issued a decree to sign “a comprehensive partnership …
// agreement”", "has agreed on “the signing of a treaty …”"): the quotation
// is the verb's object (it opens with a determiner), so the clause reads
// on past the mark to the verb and its cues (ST-PLAN-15). A speech verb, "that" or "as" before the mark
// opens the speaker's words, which stay their own clause.
func (d *doc) embeddedQuote(si, j, k int) bool {
	toks := d.sents[si].tokens
	if j < 1 || j >= k {
		return false
	}
	p := toks[j-1]
	if !p.word || p.cap || d.speechVerb(p.norm) || p.norm == wordThat || gram.AsFrame[p.norm] || !gram.Determiners[toks[j+1].norm] {
		return false // only a noun phrase is an object: "would be held “when we can agree …”" is the speaker's
	}
	i := sort.Search(len(d.quotes), func(i int) bool { return d.quotes[i].open > toks[j].start })
	return i > 0 && d.quotes[i-1].open == toks[j].start && toks[k].start < d.quotes[i-1].end
}

// embeddedClose: the mark at token j closes a quotation opened as an
// embedded object (embeddedQuote) and a lower-case word of the sentence
// follows it ("… agreement at the highest level” with Egypt"): the clause
// reads on (ST-PLAN-15).
func (d *doc) embeddedClose(si, j, k int) bool {
	toks := d.sents[si].tokens
	if j+1 >= len(toks) || !toks[j+1].word || toks[j+1].cap || d.speechVerb(toks[j+1].norm) {
		return false
	}
	i := sort.Search(len(d.quotes), func(i int) bool { return d.quotes[i].open > toks[k].start })
	if i == 0 || d.quotes[i-1].close != toks[j].start {
		return false
	}
	for o := k - 1; o >= 1; o-- {
		if toks[o].start == d.quotes[i-1].open {
			return d.embeddedQuote(si, o, k)
		}
	}
	return false
}

// decidedTo: the trigger's verb (a noun's verb a few words before it) is
// the infinitive of a decision, by verb or noun ("has decided to visit
// Egypt", "issued a decree to sign a partnership agreement", "vowed to
// impose sanctions"; status.txt `[decide]`, `[decision nouns]`): the
// decision is made, its act still to come, planned (ST-PLAN-16). "Decided
// not to" is a denied plan (ST-NEG-2). Sanctions are imposed by deciding
// them ("condemned a US decision to impose sanctions"): their decision is
// the act, not a plan.
func (d *doc) decidedTo(ev *event, c *clause) bool {
	if ev.typ == model.Sanction {
		return false
	}
	toks := c.toks
	for v := c.k; v >= c.start+2 && v >= c.k-9; v-- {
		if !toks[v].word && toks[v].norm != `"` {
			return false // a quotation's mark may stand between: "a decree to sign “a … agreement”"
		}
		if toks[v].word && gram.Infinitive[toks[v-1].norm] {
			w := toks[v-2].norm
			return cue.Decide[w] || cue.DecisionNouns[w]
		}
	}
	return false
}

// noComment: the deny verb at j follows "confirm" and "nor" or "or"
// ("would neither confirm nor deny media reports that Blinken will visit",
// "declined to confirm or deny"): a refusal to comment denies nothing, and
// the claim keeps the status its source gives it (ST-DEN-4).
func noComment(toks []token, j int) bool {
	if j < 2 || !cue.NoCommentLinks[toks[j-1].norm] {
		return false
	}
	return cue.ConfirmWords[toks[j-2].norm]
}

// olderFact: a is a meeting or visit that occurred in a year before the
// story's, b one still to come or only claimed (planned, reported,
// speculative, alleged) with no date of its own: "JoongAng Ilbo reported
// that China is preparing for Xi's trip to Seoul … Xi last visited Seoul
// in July 2014" are two visits, though a plan and its fact of one visit
// are one (ST-MERGE-1). The reported trip is this year's news (ST-MERGE-6).
func (d *doc) olderFact(a, b *event) bool {
	if !kinds[a.typ].base().announced || a.status != model.Occurred || b.status == model.Occurred || b.date != "" || b.year != "" || d.published.IsZero() {
		return false
	}
	y := a.year
	if y == "" && len(a.date) >= 4 {
		y = a.date[:4]
	}
	return y != "" && y < d.published.Format("2006")
}

// commaInfinitive: the trigger (or its light verb) is an infinitive right
// after a comma that closes a first clause ("Japanese Defence Minister
// arrives in India, to hold talks with Sitharaman", "arrived in Accra on
// Sunday, to sign a trade pact"): the purpose of the act before, still to
// come, planned; its subject is the first clause's (ST-SPEC-7).
func (d *doc) commaInfinitive(c *clause, k int) bool {
	toks := c.toks
	i := k - 1
	if i > c.start && gram.LightVerbs[toks[i].norm] && !c.noun {
		return false
	}
	if c.noun {
		if v := d.governingVerb(c, k); v >= 0 {
			i = v - 1
		} else {
			return false
		}
	}
	if i < c.start+3 || !gram.Infinitive[toks[i].norm] || toks[i-1].norm != "," {
		return false
	}
	// "invited the head of the EU delegation, Dirk Schuebel, to return":
	// the comma closes a name set off in apposition, and the infinitive
	// is the inviting verb's.
	m := d.mentionEndingAt(c.si, i-1)
	return m == nil || m.ent.typ != model.Person
}

// aheadOf: a noun trigger a few words after "ahead of" ("signed a trade
// pact on Monday ahead of Ruto's visit to Kampala", "two days ahead of
// Wei Fenghe's four-day trip here", "in the run-up to the summit";
// status.txt `[ahead of]`): what the story's act precedes is still to
// come, planned (ST-PLAN-17). A year before the story's in the clause
// tells a past narrative ("ahead of the 2019 summit"), which keeps the fact.
func (d *doc) aheadOf(c *clause) bool {
	if !c.noun {
		return false
	}
	toks := c.toks
	for j := c.k - 1; j >= c.start && j >= c.k-8; j-- {
		if !toks[j].word && toks[j].norm != "'s" && toks[j].norm != "-" && !isNumberToken(toks[j]) {
			return false
		}
		if isNumberToken(toks[j]) && len(toks[j].norm) == 4 && !d.published.IsZero() && toks[j].norm < d.published.Format("2006") {
			return false
		}
		for a := j - 1; a >= c.start && a >= j-4; a-- {
			if n := cue.AheadOf.at(toks, a); n > 0 && a+n == j {
				return true
			}
		}
	}
	return false
}

// titleComplementEnd: the object-ending word at j opens the complement of
// a title ("the UN and Arab League special envoy to Syria, Lakhdar
// Brahimi", "the ambassador to Moscow, Jane Doe"), and the person the
// title describes is named after the comma that closes it within a few
// words: it returns that comma, or -1 (DESC-16).
func (d *doc) titleComplementEnd(c *clause, j int) int {
	if j < 1 {
		return -1
	}
	if _, ok := d.x.lx.titles[c.toks[j-1].norm]; !ok {
		return -1
	}
	for e := j + 1; e < c.end && e <= j+6; e++ {
		if c.toks[e].norm == "," {
			if e+1 < c.end && d.personAfter(c.si, e+1, 6) != nil {
				return e
			}
			return -1
		}
	}
	return -1
}
