package loader

import (
	"slices"
	"sort"
	"strings"

	"github.com/geokg/geokg/model"
)

// claim is one mention of an event, with the status and asserters that
// mention gives it. An event's status is that of its strongest claim.
type claim struct {
	status    model.Status
	asserters []*entity
	stmt      *stmt
	date      string
	evidence  [2]int
}

// Words that make a claim an accusation: "accuses the UAE of arming".
var alleging = setOf("allegedly", "purportedly", "accused", "accuses", "accusing", "accuse", "accusation", "accusations", "alleged", "alleges")

// Ranks of statuses when several mentions of one event disagree: what the
// article states as fact beats a plan, a plan beats a named party's claim,
// which beats an anonymous report, which beats a hedge.
var statusRank = map[model.Status]int{model.Occurred: 5, model.Planned: 4, model.Alleged: 3, model.Reported: 2, model.Speculative: 1}

// setStatus decides the epistemic status of a trigger from the words of
// its clause and from who says it:
//   - a deny verb governing it ("Tehran denied supplying drones") → denied;
//   - a hedge ("could", "may", "potentially") → speculative;
//   - "allegedly" → alleged; "reportedly", "according to" → reported;
//   - "will", "is set to", "plans to" → planned;
//   - inside a quote or reported speech of someone → alleged by them;
//   - otherwise → occurred.
func (d *doc) setStatus(ev *event, si, k, cs, ce int) {
	toks := d.sents[si].tokens
	var c struct {
		status    model.Status
		asserters []*entity
		stmt      *stmt
	}
	speaker, st := d.claimant(toks[k].start)
	window := func(set map[string]bool) bool {
		for j := max(cs, k-12); j < k; j++ {
			if set[toks[j].norm] && !d.presupposes(si, j) {
				return true
			}
		}
		// "discussions may continue", "talks are expected next week"
		for j := k + 1; j < min(ce, k+10); j++ {
			if set[toks[j].norm] && !d.presupposes(si, j) && (toks[j].norm != "planned" || set[toks[j-1].norm]) {
				return true
			}
		}
		return false
	}
	denier := d.denier(si, k)
	switch {
	case denier != nil:
		c.status, c.asserters = model.Denied, []*entity{denier}
	case window(hedges):
		c.status = model.Speculative
	case window(alleging):
		c.status = model.Alleged
	case window(reported) || d.accordingTo(si, true) != nil:
		c.status = model.Reported
	case window(planned) || st != nil && !st.direct && window(setOf("would")) || d.setTo(si, cs, k):
		// "would" plans only in reported speech ("said it would send");
		// in a quotation it is as often a conditional.
		c.status = model.Planned
	case speaker != nil && st != nil && announceVerbs[st.verb] && d.ownAct(ev, speaker):
		// A state announcing its own act ("Britain and Canada announced
		// sanctions") states a fact, not a claim about others.
		c.status = model.Occurred
	case speaker != nil:
		c.status = model.Alleged
	default:
		c.status = model.Occurred
		// A noun with nothing around it ("Kim's visit", "the meeting")
		// names the event without stating that it happened.
		ev.weak = triggers[toks[k].norm].noun || k > 0 && (determiners[toks[k-1].norm] || toks[k-1].norm == "'s")
		// …unless a verb states it: "held talks", "paid a visit".
		if v := d.governingVerb(si, k, cs); ev.weak && v >= 0 && pastLightVerbs[toks[v].norm] {
			ev.weak = false
		}
	}
	if c.status != model.Denied {
		if speaker != nil {
			c.asserters, c.stmt = []*entity{speaker}, st
		} else if src := d.accordingTo(si, false); src != nil {
			c.asserters = []*entity{src}
		}
	}
	ev.status = c.status
	ev.assertedBy = c.asserters
	if c.stmt != nil {
		ev.claimedIn = []*stmt{c.stmt}
	}
}

// setTo: "is set to meet" plans; "the agenda set by Biden" does not.
func (d *doc) setTo(si, cs, k int) bool {
	toks := d.sents[si].tokens
	for j := max(cs, k-4); j < k; j++ {
		if toks[j].norm == "set" && j+1 < len(toks) && toks[j+1].norm == "to" {
			return true
		}
	}
	return false
}

// presupposes: "expected to continue" does not plan an event, it says the
// event is under way.
func (d *doc) presupposes(si, j int) bool {
	toks := d.sents[si].tokens
	for n := j + 1; n < len(toks) && n <= j+3; n++ {
		switch toks[n].norm {
		case "continue", "continues", "continuing", "remain", "resume", "persist":
			return true
		}
	}
	return false
}

var announceVerbs = setOf("announce", "confirm", "unveil", "declare")

// ownAct: the speaker (or their state) does the event rather than receives it.
func (d *doc) ownAct(ev *event, speaker *entity) bool {
	state := d.stateOf(speaker)
	if ev.supplier != nil {
		return ev.supplier == state || ev.supplier == speaker
	}
	return len(ev.participants) > 0 && (ev.participants[0] == state || ev.participants[0] == speaker ||
		ev.typ == model.Sanction && containsEntity(ev.participants[:len(ev.participants)-1], state))
}

// claimant returns who says the words at byte pos: the speaker of the
// quotation or reported speech that holds it.
func (d *doc) claimant(pos int) (*entity, *stmt) {
	// Statements are sorted by start (findStatements) and rarely nest, so
	// the ones that can hold pos are the last few starting before it.
	i := sort.Search(len(d.stmts), func(i int) bool { return d.stmts[i].start > pos })
	for j := i - 1; j >= 0 && j >= i-4; j-- {
		if s := d.stmts[j]; pos < s.end && s.speaker != nil {
			return s.speaker, s
		}
	}
	return nil, nil
}

// accordingTo returns the source of "according to X" in sentence si, or
// also of "as announced by X" unless onlyReports.
func (d *doc) accordingTo(si int, onlyReports bool) *entity {
	toks := d.sents[si].tokens
	for j := 0; j+2 < len(toks); j++ {
		if toks[j].norm == "according" && toks[j+1].norm == "to" || !onlyReports &&
			toks[j+1].norm == "by" && (toks[j].norm == "announced" || toks[j].norm == "confirmed" || toks[j].norm == "reported") {
			if os := d.objects(si, j+2, len(toks)); len(os) > 0 {
				return os[0]
			}
		}
	}
	return nil
}

// denier returns who denies the trigger at k: the subject of a deny verb
// before it in the sentence ("Iran has denied supplying", "the Kremlin
// rejected reports that …").
func (d *doc) denier(si, k int) *entity {
	toks := d.sents[si].tokens
	for j := k - 1; j >= 0 && j >= k-14; j-- {
		if sv, ok := d.x.lx.speech[toks[j].norm]; ok && sv.kind == "deny" {
			if sp := d.speakerBefore(si, j, 0); sp != nil {
				return sp
			}
			return d.subject(si, j, 0)
		}
		if toks[j].norm == ";" || toks[j].norm == `"` {
			break
		}
	}
	return nil
}

// addEvent adds an event, or merges it into the one it mentions again:
// same type and the same parties (one side may be unknown in a mention).
// A denial never merges with the claim it denies.
func (d *doc) addEvent(ev *event) {
	for _, have := range d.events {
		if d.sameEvent(have, ev) {
			have.merge(ev)
			return
		}
	}
	// A transfer whose giver or receiver is unknown adds only to an event
	// already known, unless it is denied (the denial names the claim); so
	// does a meeting or agreement with one party ("the agreement").
	if (ev.typ == model.ArmsTransfer || ev.typ == model.Aid) && (ev.supplier == nil || ev.recipient == nil) && ev.status != model.Denied {
		return
	}
	if ev.typ != model.Visit && ev.typ != model.MissileTest && ev.typ != model.ArmsTransfer && ev.typ != model.Aid &&
		ev.status != model.Denied && len(ev.participants) < 2 {
		return
	}
	d.events = append(d.events, ev)
}

func (d *doc) sameEvent(a, b *event) bool {
	if a.typ != b.typ || (a.status == model.Denied) != (b.status == model.Denied) {
		return false
	}
	// What the article states happened and what it says may or will happen
	// are two happenings ("Moscow delivered helicopters"; "Russia could
	// supply aircraft"). A bare noun ("Kim's visit") states nothing.
	// (Meetings and visits are announced before they happen and told
	// after: there the plan and the fact are one event.)
	if (a.factual() && b.prospective() || b.factual() && a.prospective()) && a.typ != model.Meeting && a.typ != model.Visit {
		return false
	}
	// Talks held and a summit set for next year are two meetings.
	stated := func(e *event) bool { return !e.weak && !e.prospective() }
	if stated(a) && b.prospective() && d.future(b.date) || stated(b) && a.prospective() && d.future(a.date) {
		return false
	}
	// "met in October 2019" and "met on Wednesday" are two meetings.
	if a.date != "" && b.date != "" && !strings.HasPrefix(a.date, b.date) && !strings.HasPrefix(b.date, a.date) {
		return false
	}
	switch a.typ {
	case model.Aid:
		return compatible(a.supplier, b.supplier) && compatible(a.recipient, b.recipient)
	case model.ArmsTransfer:
		return compatible(a.supplier, b.supplier) && compatible(a.recipient, b.recipient) && sameFamily(a.families, b.families)
	case model.Visit: // the same traveller, and no other destination
		return a.participants[0] == b.participants[0] && (len(a.participants) == 1 || len(b.participants) == 1 ||
			subset(a.participants[1:], b.participants[1:]) || subset(b.participants[1:], a.participants[1:]))
	case model.MissileTest:
		return a.participants[0] == b.participants[0]
	case model.OtherEvent: // the same act by the same actor
		return a.act == b.act && len(a.participants) > 0 && len(b.participants) > 0 &&
			a.participants[0] == b.participants[0] && subset(a.participants, b.participants) && subset(b.participants, a.participants)
	case model.Meeting:
		// Talks with the foreign minister and a call on the president are
		// two meetings, though between the same two countries.
		pa, pb := persons(a.participants), persons(b.participants)
		if len(pa) >= 2 && len(pb) >= 2 && !subset(pa, pb) && !subset(pb, pa) {
			return false
		}
		fallthrough
	default:
		// Leaders stand for their countries: "Israel and Hamas agreed" and
		// "Netanyahu's government and Hamas agreed" can be one agreement.
		ea, eb := d.withStates(a.participants), d.withStates(b.participants)
		return subset(a.participants, eb) || subset(b.participants, ea) ||
			sameCountries(a.participants, b.participants)
	}
}

// Light verbs in the past tense state that their event happened.
var pastLightVerbs = setOf("held", "made", "paid", "undertook", "concluded", "wrapped", "ended", "opened",
	"began", "started", "staged", "conducted", "commenced", "kicked", "resumed", "completed", "carried")

func persons(es []*entity) []*entity {
	var out []*entity
	for _, e := range es {
		if e.typ == model.Person {
			out = append(out, e)
		}
	}
	return out
}

// factual: stated by a verb as having happened.
func (e *event) factual() bool { return e.status == model.Occurred && !e.weak }

// prospective: planned or possible.
func (e *event) prospective() bool { return e.status == model.Planned || e.status == model.Speculative }

// sameFamily: transfers of drones and of missiles are two transfers;
// "weapons" joins either.
func sameFamily(a, b []string) bool {
	if len(a) == 0 || len(b) == 0 || slices.Contains(a, "general") || slices.Contains(b, "general") {
		return true
	}
	for _, f := range a {
		if slices.Contains(b, f) {
			return true
		}
	}
	return false
}

// compatible: the same entity, or one side not named.
func compatible(a, b *entity) bool { return a == nil || b == nil || a == b }

// withStates adds the countries of the leaders among es.
func (d *doc) withStates(es []*entity) []*entity {
	out := append([]*entity(nil), es...)
	for _, e := range es {
		if e.typ == model.Person && e.leader {
			if c := d.countryByISO(e.country); c != nil {
				out = append(out, c)
			}
		}
	}
	return out
}

// sameCountries: the two sets of parties stand for the same countries
// ("Russia and North Korea" held talks; "Putin and Kim" met).
func sameCountries(a, b []*entity) bool {
	set := func(es []*entity) []string {
		var out []string
		for _, e := range es {
			c := e.iso3
			if e.typ == model.Person && e.leader {
				c = e.country
			}
			if c == "" {
				return nil
			}
			if !slices.Contains(out, c) {
				out = append(out, c)
			}
		}
		sort.Strings(out)
		return out
	}
	sa, sb := set(a), set(b)
	return len(sa) >= 2 && slices.Equal(sa, sb)
}

// merge folds a new mention of the same event into e.
func (e *event) merge(o *event) {
	e.participants = uniqueEntities(append(e.participants, o.participants...))
	if e.supplier == nil {
		e.supplier = o.supplier
	}
	if e.recipient == nil {
		e.recipient = o.recipient
	}
	for _, it := range o.items {
		if !slices.Contains(e.items, it) {
			e.items = append(e.items, it)
		}
	}
	for _, f := range o.families {
		if !slices.Contains(e.families, f) {
			e.families = append(e.families, f)
		}
	}
	if e.place == nil {
		e.place = o.place
	}
	if e.quantity == "" {
		e.quantity = o.quantity
	}
	if e.value == "" {
		e.value = o.value
	}
	e.lastSent = max(e.lastSent, o.lastSent)
	e.firstSent = min(e.firstSent, o.firstSent)
	if !o.weak && e.weak && o.status == e.status {
		e.weak = false
	}
	if len(e.evidence) < maxEvidence {
		e.evidence = append(e.evidence, o.evidence...)
	}
	if o.date != "" && (e.date == "" || statusRank[o.status] > statusRank[e.status]) {
		e.date = o.date
	}
	// The strongest claim sets the status; its asserters are the event's. A
	// bare noun's "occurred" yields to any status a verb gave.
	switch {
	case e.weak && !o.weak && o.status != model.Occurred:
		e.status, e.assertedBy, e.claimedIn, e.weak = o.status, o.assertedBy, o.claimedIn, false
	case o.weak && !e.weak && e.status != model.Occurred:
	case statusRank[o.status] > statusRank[e.status]:
		e.status, e.assertedBy, e.claimedIn = o.status, o.assertedBy, o.claimedIn
	case o.status == e.status:
		e.assertedBy = uniqueEntities(append(e.assertedBy, o.assertedBy...))
		for _, s := range o.claimedIn {
			if !slices.Contains(e.claimedIn, s) {
				e.claimedIn = append(e.claimedIn, s)
			}
		}
	}
}

// maxEvidence bounds the evidence spans kept for one event of one
// article; real articles mention an event a handful of times.
const maxEvidence = 32

// linkDenials points each denial at the claim it denies; a transfer denial
// whose other side is unknown and that denies nothing told is dropped.
func (d *doc) linkDenials() {
	defer func() {
		keep := d.events[:0]
		for _, ev := range d.events {
			if ev.status == model.Denied && ev.denies == nil && (ev.typ == model.ArmsTransfer || ev.typ == model.Aid) &&
				(ev.supplier == nil || ev.recipient == nil) {
				continue
			}
			keep = append(keep, ev)
		}
		d.events = keep
	}()
	for _, den := range d.events {
		if den.status != model.Denied {
			continue
		}
		for _, ev := range d.events {
			if ev != den && ev.status != model.Denied && ev.typ == den.typ && compatible(ev.supplier, den.supplier) &&
				compatible(ev.recipient, den.recipient) && (den.supplier != nil || den.recipient != nil || subset(den.participants, ev.participants) || subset(ev.participants, den.participants)) {
				den.denies = ev
				// What the denial leaves unsaid is what the claim says.
				if den.supplier == nil && den.recipient == nil && len(den.participants) >= 2 {
					den.supplier, den.recipient = ev.supplier, ev.recipient
				}
				if den.supplier == nil && den.recipient != nil {
					den.supplier = ev.supplier
				}
				if den.recipient == nil && den.supplier != nil {
					den.recipient = ev.recipient
				}
				den.participants = uniqueEntities(append(den.participants, ev.participants...))
				break
			}
		}
	}
}

// stageOf names how far an arms transfer got, from its status and verbs.
func stageOf(ev *event, text string) string {
	if ev.typ != model.ArmsTransfer {
		return ""
	}
	lower := strings.ToLower(text)
	switch {
	case ev.status == model.Speculative:
		return model.StageProposed
	case strings.Contains(lower, "deliver") || strings.Contains(lower, "shipped") || strings.Contains(lower, "received") ||
		strings.Contains(lower, "sent") || strings.Contains(lower, "supplied") || strings.Contains(lower, "arrived"):
		return model.StageDelivered
	case strings.Contains(lower, "agreed") || strings.Contains(lower, "deal") || strings.Contains(lower, "contract"):
		return model.StageAgreed
	case strings.Contains(lower, "negotiat") || strings.Contains(lower, "talks"):
		return model.StageNegotiated
	default:
		return model.StageProposed
	}
}

// future reports whether a date ("2024", "2024-05", "2024-05-16") lies
// after the month of publication, at its own precision.
func (d *doc) future(date string) bool {
	if date == "" || d.published.IsZero() {
		return false
	}
	pub := d.published.Format("2006-01-02")
	return date > pub[:min(len(date), len(pub))]
}
