package loader

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"sync"

	"github.com/geokg/geokg/model"
)

// The event stage. Each event kind lives in its own file (kind_*.go) and
// registers what only it knows: how its arguments are read from a clause,
// when two mentions are one event, its CAMEO code. The words the rules look
// for are data in lexicon/: triggers.tsv (which words state which kinds),
// grammar.txt, status.txt and dates.txt (shared cues), kinds/*.txt (each
// kind's own words). This file holds the shared machinery: it finds
// triggers, cuts their clauses and asks the kinds to read them; status.go
// decides status and merges mentions.

// event is an event of the article being extracted.
type event struct {
	typ                 model.EventType
	participants        []*entity
	supplier, recipient *entity
	items               []string
	families            []string // item families of an arms transfer
	systems             []string // named weapon systems of an arms transfer
	firstSent, lastSent int      // the first and last sentence that mention it
	weak                bool     // its status is only a bare noun's default
	nominal             bool     // its trigger is a noun ("the delivery", "military assistance")
	strangers           bool     // its clause names states other than its parties
	open                bool     // its other side is left to the article (impliedSides): a sanction's target
	again               bool     // a plan told as a further happening ("will meet again"): no merge with a fact
	spied               bool     // reported by a spy service ("…, the NIS said"): beats an accusation in a merge (ST-REP-3)
	also                []*event // further events the same clause states (a tour's other stops)
	listed              bool     // a giver in a pledge list with its verb said once (EV-AID-6): a bank or agency may give
	place               *entity
	date                string
	year                string // a year-only date ("in 2019"): not the date, but two years are two events
	status              model.Status
	assertedBy          []*entity
	claimedIn           []*stmt
	denies              *event
	evidence            [][2]int // byte spans of the clauses that state it
	quantity, value     string
	act                 string // Other: what kind of act (the trigger's sense: "expel", "recall")
}

// kind is what one event kind knows. Its file registers it with
// registerKind; its exported wordSet fields are filled from
// lexicon/kinds/<kind>.txt (see readWords).
type kind interface {
	base() *kindBase
	// read fills ev from the clause of its trigger, or reports that the
	// clause states no event of this kind.
	read(d *doc, c *clause, ev *event) bool
	// same reports whether two mentions that agree in type, status and
	// date are one event.
	same(d *doc, a, b *event) bool
}

// kindBase holds what the shared machinery asks of every kind.
type kindBase struct {
	typ   model.EventType
	cameo string // the CAMEO code (codebook v1.1b3)
	// deniable: a party denies it by negating it ("Iran has not supplied
	// drones", said by Iran).
	deniable bool
	// directed: a transfer, from a supplier to a recipient; a first
	// mention needs both.
	directed bool
	// contracts: a contract, order or approval states it as planned
	// ("signed a contract for 250 tanks"), as a pledge or offer does.
	contracts bool
	// alone: the fewest participants with which a first mention stands as
	// an event (0: any); fewer only add to an event already found.
	alone int
	// announced: told before it happens and after, so that the plan and
	// the fact are one event (meetings, visits).
	announced bool
	// agreedIsDone: "agreed to supply" states the supply; for other kinds
	// ("agreed to withdraw its troops") the agreement is the event.
	agreedIsDone bool
	// agreedIsPlanned: "agreed to hold talks next month" is also the
	// meeting the parties plan, beside the agreement.
	agreedIsPlanned bool
	// personal: its parties are people as they are; otherwise an official
	// party also lists the state they act for.
	personal bool
	// mediaTargets: a news outlet may be its party (a sanction on a state
	// broadcaster); to every other kind an outlet only reports ("…, a
	// source told Reuters").
	mediaTargets bool
}

func (b *kindBase) base() *kindBase { return b }

// registry of the kinds, in the order their files register them.
var kinds = map[model.EventType]kind{}

func registerKind(k kind) { kinds[k.base().typ] = k }

// trigger is a word that signals an event (a row of lexicon/triggers.tsv).
type trigger struct {
	lemma    string
	kinds    []kind // tried in order
	noun     bool   // always a noun: participants come from possessors and prepositions
	verbOnly bool   // never a noun ("moved by ship")
	then     []string
	sense    []string
	// alt is another row of the same form, told apart by the words that
	// follow ("called back" recalls an envoy, "called on" is a meeting).
	alt *trigger
}

// at picks, among the rows of a form, the first whose following words are
// at token k, else the first row.
func (t *trigger) at(toks []token, k int) *trigger {
	for r := t; r != nil; r = r.alt {
		if len(r.then) > 0 && r.followed(toks, k) {
			return r
		}
	}
	return t
}

// has reports whether the trigger's row names sense s.
func (t *trigger) has(s string) bool {
	for _, x := range t.sense {
		if x == s {
			return true
		}
	}
	return false
}

// act is the first sense word: what kind of act an Other event is.
func (t *trigger) act() string {
	if len(t.sense) == 0 {
		return t.lemma
	}
	return t.sense[0]
}

// followed reports whether the words the trigger needs after it follow
// token k ("sat" + "down with").
func (t *trigger) followed(toks []token, k int) bool { return t.thenEnd(toks, k) >= 0 }

// thenEnd returns the token after the words the trigger needs after it,
// or -1 when they do not follow. A row of sense "gap" lets a short run of
// names and date words stand between ("left Jordan on Monday for Japan":
// the origin and the day); any other word ends the search ("left the
// door open for talks").
func (t *trigger) thenEnd(toks []token, k int) int {
	at := func(j int) bool {
		for i, w := range t.then {
			if j+i >= len(toks) || toks[j+i].norm != w {
				return false
			}
		}
		return true
	}
	j := k + 1
	if at(j) {
		return j + len(t.then)
	}
	if !t.has(senseGap) || len(t.then) == 0 {
		return -1
	}
	for ; j < len(toks) && j <= k+5; j++ {
		if at(j) {
			return j + len(t.then)
		}
		if !toks[j].word || !toks[j].cap && !gram.ThenGap[toks[j].norm] {
			return -1
		}
	}
	return -1
}

// senseGap marks a trigger whose "then" words may come after an origin
// and a day (lexicon/triggers.tsv).
const senseGap = "gap"

// The event vocabularies: read once from the embedded lexicon (they cannot
// change while the process runs) by loadEventLexicon.
var (
	triggers  map[string]*trigger
	gram      grammarWords
	cue       statusWords
	dateWords datesWords
	eventOnce sync.Once
	eventErr  error
)

// loadEventLexicon reads the triggers, the shared word classes and each
// registered kind's words.
func loadEventLexicon() error {
	eventOnce.Do(func() {
		for file, into := range map[string]any{"grammar.txt": &gram, "status.txt": &cue, "dates.txt": &dateWords, "transfer.txt": &xfer} {
			if eventErr = readWords(file, into); eventErr != nil {
				return
			}
		}
		for typ, k := range kinds {
			if hasWordFields(k) {
				if eventErr = readWords("kinds/"+strings.ToLower(string(typ))+".txt", k); eventErr != nil {
					return
				}
			}
		}
		triggers, eventErr = readTriggers()
	})
	return eventErr
}

// hasWordFields: the kind's struct has word classes to fill.
func hasWordFields(k kind) bool {
	t := reflect.TypeOf(k).Elem()
	for i := 0; i < t.NumField(); i++ {
		if t.Field(i).Type.Kind() == reflect.Map {
			return true
		}
	}
	return false
}

// readTriggers reads lexicon/triggers.tsv.
func readTriggers() (map[string]*trigger, error) {
	rows, err := readLexicon("triggers.tsv", 6)
	if err != nil {
		return nil, err
	}
	out := map[string]*trigger{}
	for n, r := range rows {
		tr := &trigger{lemma: r[0], noun: r[2] == "noun", verbOnly: r[2] == "verb-only"}
		for _, name := range strings.Split(r[1], ",") {
			k, ok := kinds[model.EventType(name)]
			if !ok {
				return nil, fmt.Errorf("lexicon/triggers.tsv row %d: no event kind %q (registered: %v)", n+1, name, kindNames())
			}
			tr.kinds = append(tr.kinds, k)
		}
		if r[4] != "-" {
			tr.then = strings.Fields(r[4])
		}
		if r[5] != "-" {
			tr.sense = strings.Fields(r[5])
		}
		for _, f := range strings.Fields(r[3]) {
			prev, dup := out[normWord(f)]
			if !dup {
				out[normWord(f)] = tr
				continue
			}
			// A form may have several rows only when each names its
			// following words, which tell them apart.
			if len(tr.then) == 0 || len(prev.then) == 0 {
				return nil, fmt.Errorf("lexicon/triggers.tsv row %d: %q is a trigger twice", n+1, f)
			}
			for prev.alt != nil {
				prev = prev.alt
			}
			prev.alt = tr
		}
	}
	return out, nil
}

func kindNames() []string {
	var out []string
	for _, t := range model.EventTypes {
		if _, ok := kinds[t]; ok {
			out = append(out, string(t))
		}
	}
	return out
}

// findEvents reads every sentence for event triggers and merges mentions
// of one event (same type and parties) into one event with all its evidence.
func (d *doc) findEvents() {
	for si := range d.sents {
		for k := range d.sents[si].tokens {
			if ev := d.eventAt(si, k); ev != nil {
				d.addEvent(ev)
				for _, more := range ev.also {
					d.addEvent(more)
				}
				ev.also = nil
			}
		}
	}
	d.impliedSides()
	// Denials that name only the claim may come before the claim is told.
	for si := range d.sents {
		d.denialOfClaim(si)
	}
	d.linkDenials()
	d.events = dropSelfTransfers(d.events)
}

// eventAt reads the event whose trigger is token k of sentence si, if any.
func (d *doc) eventAt(si, k int) *event {
	toks := d.sents[si].tokens
	t := toks[k]
	tr, ok := triggers[t.norm]
	if ok {
		tr = tr.at(toks, k)
	}
	if !ok || !t.word || d.mentionAt(si, k) != nil || t.cap && k > 0 && toks[k-1].norm != `"` && !d.titleCaseHeadline(si) && !styledVisit(toks, k) {
		return nil // a capitalized word mid-sentence is part of a name ("Centre for Strategic Dialogue")
	}
	if k >= 2 && gram.Infinitive[toks[k-1].norm] && cue.OpenTo[toks[k-2].norm] {
		return nil // "remained open to dialogue"
	}
	if !tr.followed(toks, k) {
		return nil
	}
	if d.hopedFor(si, k) {
		return nil // "hopes for a trade agreement", "calls for talks" (EV-NOT-6)
	}
	if !tr.noun && k > 0 && gram.ThirdParties.at(toks, k) > 0 && !isPassive(toks, k) && pastTense(t.norm) {
		return nil // "a deal negotiated by Qatar": the mediator of a deal told, no event of its own
	}
	// A gerund after a preposition keeps its subject: "responded by expelling".
	noun := tr.noun || k > 0 && (gram.Determiners[toks[k-1].norm] || gram.Prepositions[toks[k-1].norm] && !strings.HasSuffix(t.norm, "ing")) ||
		measuredNoun(toks, k) || d.countryModifiedVisit(si, k, tr)
	if noun && !tr.noun && gram.Ordinals[toks[k-1].norm] && pastTense(t.norm) {
		noun = false // "the two leaders last met", "first visited"
	}
	if noun && !tr.noun && tr.verbOnly {
		return nil // "moved by ship", "a deep cut"
	}
	if !tr.noun && d.inItem(si, k) { // "food supplies"; but "military aid" is an aid event
		return nil
	}
	if noun && isTransfer(tr) && d.pledgedNoun(si, k) {
		return nil // "pledges aid for Palestinians": the pledge is the event
	}
	negated := d.negated(si, k) && !d.notOnly(si, k)
	plainNot := d.plainNegation(si, k) // "has not supplied", "never provided": a denial if its party says it
	c := d.clauseAt(si, k)
	c.tr, c.noun = tr, noun
	var ev *event
	for _, kd := range tr.kinds {
		e := &event{typ: kd.base().typ}
		if kd.read(d, c, e) {
			ev = e
			break
		}
	}
	if ev == nil {
		return nil
	}
	kb := kinds[ev.typ].base()
	if !kb.mediaTargets {
		ev.participants = withoutMedia(ev.participants)
	}
	ev.participants = d.withoutClosingSpeaker(si, k, ev.participants)
	agreed := !kb.agreedIsDone && d.agreedTo(c)
	if agreed && !kb.agreedIsPlanned {
		return nil // "agreed to withdraw its troops": the agreement is the event
	}
	if negated && d.negatedPlan(c) < 0 {
		// "Iran has not supplied any military equipment", said by Iran's
		// spokesman, denies the supply; other negations are no event.
		speaker, st := d.claimant(toks[k].start)
		party := d.stateOf(speaker)
		if !plainNot || party == nil || !(containsEntity(ev.participants, party) || ev.supplier == party || ev.recipient == party || d.isParty(ev, speaker)) || !kb.deniable {
			return nil
		}
		ev.status, ev.assertedBy = model.Denied, []*entity{speaker}
		if st != nil {
			ev.claimedIn = []*stmt{st}
		}
	} else {
		d.setStatus(ev, c)
		if (agreed || c.tr.has(sensePlan) && !isTransfer(c.tr)) && ev.status == model.Occurred {
			// "agreed to hold talks during Ramadan": talks not yet held;
			// "Putin invited Kim to Moscow": the visit is a plan.
			ev.status = model.Planned
		}
	}
	// A plan looks ahead ("will visit on Friday"); a contract or pledge told
	// in the past tense was made on its day ("pledged jets on Sunday").
	ev.date = d.eventDate(c, ev.status == model.Planned && !d.pastAct(c))
	if d.cancelledOn(c, ev.date) {
		ev.date = "" // "called off his visit to Togo on Tuesday": Tuesday is the calling off's (ST-PLAN-2)
	}
	if ev.date != "" && ev.status != model.Planned && ev.status != model.Occurred && d.planAhead(c) {
		ev.date = d.eventDate(c, true) // "is expected to arrive on Friday, according to sources" (ST-PLAN-6)
	}
	if ev.date == "" {
		ev.year = d.yearOf(c)
	}
	if ev.place == nil {
		ev.place = d.placeIn(c, k)
	}
	ev.evidence = [][2]int{{toks[c.start].start, toks[c.end-1].end}}
	ev.firstSent, ev.lastSent, ev.nominal = si, si, noun
	ev.strangers = d.strangers(c, ev)
	told := ev.status
	if told == model.Occurred && kb.personal && d.stopAhead(c, ev) {
		ev.status = model.Planned // "…, the first leg of a tour that will also take him to Benin"
	}
	for _, more := range ev.also {
		more.status, more.assertedBy, more.claimedIn, more.weak = told, ev.assertedBy, ev.claimedIn, ev.weak
		if told == model.Occurred && d.stopAhead(c, more) {
			more.status = model.Planned
		}
		more.date, more.year, more.evidence, more.firstSent, more.lastSent = ev.date, ev.year, ev.evidence, si, si
		if more.place == nil {
			more.place = ev.place
		}
	}
	return ev
}

// withoutMedia drops news outlets from an event's parties.
func withoutMedia(es []*entity) []*entity {
	out := es[:0:0]
	for _, e := range es {
		if e.typ != model.Organization || !gram.MediaBodies[e.kind] {
			out = append(out, e)
		}
	}
	return out
}

// measuredNoun: a year or a hyphenated measure stands between a
// determiner and the trigger ("during a 2022 visit", "a two-day visit",
// "the 2015 deal"): the trigger is a noun.
// styledVisit: "is on a State Visit to the Maldives", "an Official
// Visit": official copy capitalizes a visit's style and noun (EV-NOM-10);
// the style word (lexicon/kinds/visit.txt [styles]) after a determiner
// makes the capitalized noun no name.
func styledVisit(toks []token, k int) bool {
	vk, ok := kinds[model.Visit].(*visitKind)
	return ok && k >= 2 && toks[k-1].cap && vk.Styles[toks[k-1].norm] && gram.Determiners[toks[k-2].norm] &&
		slices.Contains(triggers[toks[k].norm].kinds, kinds[model.Visit])
}

// countryModifiedVisit: "on a three-day India visit", "during his US
// visit": a country's name between the determiner and a travel trigger
// makes it a noun, as a measure does (EV-NOM-9).
func (d *doc) countryModifiedVisit(si, k int, tr *trigger) bool {
	if !slices.Contains(tr.kinds, kinds[model.Visit]) {
		return false
	}
	m := d.mentionAt(si, k-1)
	if m == nil || m.tj != k || m.ent.typ != model.Country || m.how == byDemonym || m.ti == 0 {
		return false
	}
	toks := d.sents[si].tokens
	return gram.Determiners[toks[m.ti-1].norm] || measuredNoun(toks, m.ti)
}

func measuredNoun(toks []token, k int) bool {
	j := k - 1
	for ; j > 0 && j >= k-5; j-- {
		hyphened := toks[j].norm == "-" || toks[j+1].norm == "-" || toks[j-1].norm == "-"
		if !isNumberToken(toks[j]) && !hyphened {
			break
		}
	}
	return j < k-1 && gram.Determiners[toks[j].norm]
}

// strangers: the clause names a state that is none of the event's sides
// ("companies in China and Turkey accused of helping Moscow acquire
// components"): a side left unread may be one of them.
func (d *doc) strangers(c *clause, ev *event) bool {
	if !kinds[ev.typ].base().directed || (ev.supplier == nil) == (ev.recipient == nil) {
		return false // only a transfer missing one side asks (impliedSides)
	}
	for j := c.start; j < c.end; j++ {
		if m := d.mentionAt(c.si, j); m != nil {
			if s := d.stateOf(m.ent); s != nil && s.typ == model.Country && s != ev.supplier && s != ev.recipient && !alsoGives(ev, s) {
				return true
			}
			j = m.tj - 1
		}
	}
	return false
}

// titleCaseHeadline: sentence si is a headline written in Title Case
// ("Donors Pledge US$20 Billion for Afghanistan", "Russia Expels Dutch
// Diplomats"): every word of four letters or more is capitalized, so a
// capitalized trigger is a verb or noun, not part of a name (EV-AID-7).
func (d *doc) titleCaseHeadline(si int) bool {
	toks := d.sents[si].tokens
	if len(toks) == 0 || d.lineKindAt(toks[0].start) != lineHeadline {
		return false
	}
	long := 0
	for _, t := range toks {
		if !t.word || len(t.text) < 4 {
			continue
		}
		if !t.cap {
			return false
		}
		long++
	}
	return long >= 3
}

// alsoGives: s gives in a further event of the clause ("Britain pledged
// $264 million, and Norway $75 million").
func alsoGives(ev *event, s *entity) bool {
	return slices.ContainsFunc(ev.also, func(e *event) bool { return e.supplier == s })
}

// agreedTo: the trigger is what parties agree to do: "agreed to withdraw",
// "agreed to restore relations and reopen embassies".
func (d *doc) agreedTo(c *clause) bool {
	toks, k := c.toks, c.k
	for j := k - 1; j >= 1 && j >= c.start && j >= k-8; j-- {
		if gram.Infinitive[toks[j].norm] {
			// "agreed to", "agreed on Friday to"
			for a := j - 1; a >= c.start && a >= j-4; a-- {
				if cue.Agree[toks[a].norm] {
					return true
				}
			}
			return false
		}
		if !toks[j].word && toks[j].norm != "-" || d.mentionAt(c.si, j) != nil {
			return false
		}
	}
	return false
}

// pastAct: the trigger, or the verb that governs it, is in the past tense
// and no plan word comes before it ("pledged", "signed a contract").
func (d *doc) pastAct(c *clause) bool {
	v := c.k
	if c.noun {
		if v = d.governingVerb(c, c.k); v < 0 {
			return false
		}
	}
	if !pastTense(c.toks[v].norm) || cue.Planned[c.toks[v].norm] { // "is expected in Accra on Friday"
		return false
	}
	for j := max(c.start, v-4); j < v; j++ {
		if cue.Planned[c.toks[j].norm] {
			return false
		}
	}
	return true
}

// pastTense: "visited", "met".
func pastTense(w string) bool { return strings.HasSuffix(w, "ed") || gram.IrregularPast[w] }

// domestic: every party belongs to one and the same country.
func (d *doc) domestic(es []*entity) bool {
	state := ""
	for _, e := range es {
		c := e.iso3
		if e.typ != model.Country {
			c = e.country
		}
		if c == "" || state != "" && c != state {
			return false
		}
		state = c
	}
	return state != ""
}

// eventDate finds the date of the clause's trigger: after it in its phrase
// ("met on Monday"), or opening its clause ("On Monday, Kim met Putin").
func (d *doc) eventDate(c *clause, future bool) string {
	k := c.k
	if date := d.dateNear(c.si, k+1, c.datePhraseEnd(), future); date != "" {
		return date
	}
	// "next year's summit", "last week's talks"
	for j := k - 1; j > c.start && j >= k-3; j-- {
		if c.toks[j].norm == "'s" {
			if date := d.dateNear(c.si, max(c.start, j-3), j, future); date != "" {
				return date
			}
			break
		}
	}
	if dateWords.ClauseOpeners[c.toks[c.start].norm] {
		return d.dateNear(c.si, c.start, min(c.start+4, k), future)
	}
	return d.dateOutsidePhrase(c.si, k, future)
}

// datePhraseEnd is where a date after the trigger may still be its own:
// the end of its phrase, or the next event word with a date of its own
// ("followed the signing … in September 2020", "delivered under a
// contract signed in 2021": the year is the contract's).
func (c *clause) datePhraseEnd() int {
	end := min(c.phraseEnd(c.k), c.k+20)
	for j := c.k + 1; j < end; j++ {
		if tr, ok := triggers[c.toks[j].norm]; ok && (tr.noun || gram.Determiners[c.toks[j-1].norm]) {
			return j
		}
	}
	return end
}

// plainNegation: "not" or "never" right before the trigger.
func (d *doc) plainNegation(si, k int) bool {
	toks := d.sents[si].tokens
	for j := k - 1; j >= 0 && j >= k-3; j-- {
		if cue.PlainNegators[toks[j].norm] {
			return true
		}
	}
	return false
}

// negated: "not provide", "reluctance to sell", "refused to meet".
func (d *doc) negated(si, k int) bool {
	toks := d.sents[si].tokens
	for j := k - 1; j >= 0 && j >= k-4; j-- {
		if cue.Negators[toks[j].norm] && !legNoun(toks, j) {
			return true
		}
		if toks[j].norm == "," || toks[j].norm == ";" {
			break
		}
	}
	return false
}

// legNoun: the negator at j is a noun naming a leg of a journey, after an
// ordinal, a determiner or a place ("the first stop of his tour", "the
// Manila stop follows a visit to Tokyo"), not the verb "stop" nor "a stop
// to" (ST-NEG-1).
func legNoun(toks []token, j int) bool {
	if !cue.LegNouns[toks[j].norm] || j == 0 || j+1 < len(toks) && gram.Infinitive[toks[j+1].norm] {
		return false
	}
	p := toks[j-1]
	return gram.Ordinals[p.norm] || gram.Determiners[p.norm] || p.cap && !cue.Negators[p.norm]
}

// knownEvent reports an event of the same type already found with these
// participants among its own: "the meeting" of someone already meeting.
func (d *doc) knownEvent(ev *event) bool {
	if len(ev.participants) == 0 {
		return false
	}
	for _, have := range d.events {
		if have.typ == ev.typ && have.status != model.Denied && subset(ev.participants, have.participants) {
			return true
		}
	}
	return false
}

// pledgedNoun: the transfer noun at k is the object of a verb that gives
// by promise ("pledged aid", "offered $50 million in assistance"): the
// verb states the one event, planned; the noun is what it gives, not a
// second event that happened.
func (d *doc) pledgedNoun(si, k int) bool {
	toks := d.sents[si].tokens
	for j := k - 1; j >= 0 && j >= k-8; j-- {
		t := toks[j]
		if tr, ok := triggers[t.norm]; ok && !tr.noun && tr.has(senseGive) && tr.has(sensePlan) && isTransfer(tr) {
			return true
		}
		if !t.word && !isNumberToken(t) && !strings.Contains("-$€£", t.norm) || d.mentionAt(si, j) != nil {
			return false
		}
	}
	return false
}

// isTransfer: the trigger may state a transfer.
func isTransfer(tr *trigger) bool {
	for _, k := range tr.kinds {
		if k.base().directed {
			return true
		}
	}
	return false
}
