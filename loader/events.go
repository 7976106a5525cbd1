package loader

import (
	"slices"
	"strings"

	"github.com/geokg/geokg/model"
)

// event is an event of the article being extracted.
type event struct {
	typ                 string
	participants        []*entity
	supplier, recipient *entity
	items               []string
	families            []string // item families of an arms transfer
	lastSent            int      // the last sentence that mentions it
	weak                bool     // its status is only a bare noun's default
	place               *entity
	date                string
	status              string
	assertedBy          []*entity
	claimedIn           []*stmt
	denies              *event
	evidence            [][2]int // byte spans of the clauses that state it
	quantity, value     string
}

// trigger is a word that signals an event.
type trigger struct {
	typ  string // model event type; "transfer" until items decide arms or aid
	noun bool   // "visit", "summit": participants come from possessors and prepositions
	give bool   // transfers: the subject gives (supply, send) rather than receives (buy)
}

// Event trigger words, by normalized form. Verbs are also nouns where
// English allows ("visit"); triggerAt decides from context.
var triggers = map[string]trigger{
	"meet": {typ: model.Meeting}, "meets": {typ: model.Meeting}, "met": {typ: model.Meeting},
	"meeting": {typ: model.Meeting, noun: true}, "meetings": {typ: model.Meeting, noun: true},
	"summit": {typ: model.Meeting, noun: true}, "talks": {typ: model.Meeting, noun: true},
	"visit": {typ: model.Visit}, "visits": {typ: model.Visit}, "visited": {typ: model.Visit},
	"visiting": {typ: model.Visit}, "trip": {typ: model.Visit, noun: true}, "trips": {typ: model.Visit, noun: true},
	"travel": {typ: model.Visit}, "travels": {typ: model.Visit}, "traveled": {typ: model.Visit},
	"travelled": {typ: model.Visit}, "traveling": {typ: model.Visit}, "travelling": {typ: model.Visit},
	"arrive": {typ: model.Visit}, "arrives": {typ: model.Visit}, "arrived": {typ: model.Visit},
	"tour": {typ: model.Visit, noun: true}, "stopover": {typ: model.Visit, noun: true},
	"stopovers": {typ: model.Visit, noun: true}, "flew": {typ: model.Visit}, "fly": {typ: model.Visit},
	"flies": {typ: model.Visit}, "flying": {typ: model.Visit}, "landed": {typ: model.Visit},
	"headed": {typ: model.Visit}, "heads": {typ: model.Visit},
	"dialogue": {typ: model.Meeting, noun: true}, "consultations": {typ: model.Meeting, noun: true},
	"agreed": {typ: model.Agreement}, "agree": {typ: model.Agreement}, "agreeing": {typ: model.Agreement},
	"reached": {typ: model.Agreement}, "concluded": {typ: model.Agreement}, "inked": {typ: model.Agreement},
	"agreement": {typ: model.Agreement, noun: true}, "ceasefire": {typ: model.Agreement, noun: true},
	"arm": {typ: "transfer", give: true}, "arming": {typ: "transfer", give: true},
	"armed": {typ: "transfer", give: true},
	"seek":  {typ: "transfer"}, "seeks": {typ: "transfer"}, "seeking": {typ: "transfer"}, "sought": {typ: "transfer"},
	"dealings": {typ: "transfer", give: true, noun: true}, "deal": {typ: "transfer", give: true, noun: true},
	"deals": {typ: "transfer", give: true, noun: true}, "pledging": {typ: "transfer", give: true},
	"offering": {typ: "transfer", give: true}, "donating": {typ: "transfer", give: true},
	"granted": {typ: "transfer", give: true}, "allocated": {typ: "transfer", give: true},
	"aid":     {typ: "transfer", give: true, noun: true},
	"protest": {typ: model.OtherEvent, noun: true}, "protested": {typ: model.OtherEvent},
	"representations": {typ: model.OtherEvent, noun: true}, "sever": {typ: model.OtherEvent},
	"severed": {typ: model.OtherEvent}, "downgraded": {typ: model.OtherEvent}, "downgrade": {typ: model.OtherEvent},
	"revoked": {typ: model.OtherEvent}, "revoke": {typ: model.OtherEvent}, "expelled": {typ: model.OtherEvent},
	"expel": {typ: model.OtherEvent}, "summoned": {typ: model.OtherEvent}, "recalled": {typ: model.OtherEvent},
	"withdrew": {typ: model.OtherEvent}, "withdraw": {typ: model.OtherEvent}, "ordered": {typ: model.OtherEvent},
	"cut": {typ: model.OtherEvent}, "scrapped": {typ: model.OtherEvent}, "scrap": {typ: model.OtherEvent},
	"cancelled": {typ: model.OtherEvent}, "canceled": {typ: model.OtherEvent}, "suspended": {typ: model.OtherEvent},
	"suspends": {typ: model.OtherEvent}, "terminated": {typ: model.OtherEvent}, "leave": {typ: model.OtherEvent},
	"negotiations": {typ: model.ArmsNegotiation, noun: true}, "discussions": {typ: model.ArmsNegotiation, noun: true},
	"negotiating": {typ: model.ArmsNegotiation}, "negotiate": {typ: model.ArmsNegotiation},
	"negotiated": {typ: model.ArmsNegotiation},
	"signed":     {typ: model.Agreement}, "sign": {typ: model.Agreement}, "signs": {typ: model.Agreement},
	"signing": {typ: model.Agreement},
	"supply":  {typ: "transfer", give: true}, "supplies": {typ: "transfer", give: true},
	"supplied": {typ: "transfer", give: true}, "supplying": {typ: "transfer", give: true},
	"provide": {typ: "transfer", give: true}, "provides": {typ: "transfer", give: true},
	"provided": {typ: "transfer", give: true}, "providing": {typ: "transfer", give: true},
	"send": {typ: "transfer", give: true}, "sends": {typ: "transfer", give: true},
	"sent": {typ: "transfer", give: true}, "sending": {typ: "transfer", give: true},
	"deliver": {typ: "transfer", give: true}, "delivers": {typ: "transfer", give: true},
	"delivered": {typ: "transfer", give: true}, "delivering": {typ: "transfer", give: true},
	"ship": {typ: "transfer", give: true}, "shipped": {typ: "transfer", give: true},
	"shipping": {typ: "transfer", give: true}, "sell": {typ: "transfer", give: true},
	"sells": {typ: "transfer", give: true}, "sold": {typ: "transfer", give: true},
	"selling": {typ: "transfer", give: true}, "transfer": {typ: "transfer", give: true},
	"transferred": {typ: "transfer", give: true}, "transferring": {typ: "transfer", give: true},
	"give": {typ: "transfer", give: true}, "gave": {typ: "transfer", give: true},
	"giving": {typ: "transfer", give: true}, "export": {typ: "transfer", give: true},
	"exported": {typ: "transfer", give: true}, "exporting": {typ: "transfer", give: true},
	"donate": {typ: "transfer", give: true}, "donated": {typ: "transfer", give: true},
	"pledged": {typ: "transfer", give: true}, "pledge": {typ: "transfer", give: true},
	"offered": {typ: "transfer", give: true}, "offer": {typ: "transfer", give: true},
	"assist": {typ: "transfer", give: true}, "assisted": {typ: "transfer", give: true},
	"help": {typ: "transfer", give: true}, "helped": {typ: "transfer", give: true},
	"delivery": {typ: "transfer", give: true, noun: true}, "deliveries": {typ: "transfer", give: true, noun: true},
	"shipment": {typ: "transfer", give: true, noun: true}, "shipments": {typ: "transfer", give: true, noun: true},
	"transfers": {typ: "transfer", give: true, noun: true}, "sale": {typ: "transfer", give: true, noun: true},
	"sales": {typ: "transfer", give: true, noun: true}, "package": {typ: "transfer", give: true, noun: true},
	"receive": {typ: "transfer"}, "receives": {typ: "transfer"}, "received": {typ: "transfer"},
	"receiving": {typ: "transfer"}, "buy": {typ: "transfer"}, "buys": {typ: "transfer"},
	"bought": {typ: "transfer"}, "buying": {typ: "transfer"}, "purchase": {typ: "transfer"},
	"purchased": {typ: "transfer"}, "purchasing": {typ: "transfer"}, "acquire": {typ: "transfer"},
	"acquired": {typ: "transfer"}, "obtain": {typ: "transfer"}, "obtained": {typ: "transfer"},
	"import": {typ: "transfer"}, "imported": {typ: "transfer"}, "importing": {typ: "transfer"},
	"launched": {typ: model.MissileTest}, "launches": {typ: model.MissileTest}, "launch": {typ: model.MissileTest},
	"fired": {typ: model.MissileTest}, "fires": {typ: model.MissileTest}, "test-fired": {typ: model.MissileTest},
	"tested": {typ: model.MissileTest}, "test": {typ: model.MissileTest, noun: true},
	"sanctions": {typ: model.Sanction, noun: true}, "sanctioned": {typ: model.Sanction},
	"sanctioning": {typ: model.Sanction}, "sanction": {typ: model.Sanction}, "blacklisted": {typ: model.Sanction},
	"designated": {typ: model.Sanction}, "designating": {typ: model.Sanction}, "embargo": {typ: model.Sanction, noun: true},
}

// Words before a trigger that make it a noun ("an official state visit").
var determiners = setOf("a", "an", "the", "this", "that", "his", "her", "their", "its", "our", "'s", "official",
	"state", "recent", "upcoming", "planned", "first", "second", "latest", "last", "next", "reported",
	"long-anticipated", "rare", "historic", "surprise", "possible", "potential", "any", "such", "these", "those",
	"new", "further", "high-level", "bilateral", "two-day", "three-day", "one-day", "landmark")

// Prepositions before a trigger make it a noun ("by ship", "on arrival").
var prepositions = setOf("by", "of", "on", "in", "for", "with", "from", "into", "at")

// Triggers that are events only as verbs.
var verbOnly = setOf("ship", "fly", "cut", "arm", "sever", "expel", "withdraw", "revoke", "downgrade", "seek",
	"import", "export", "transfer", "offer", "pledge", "help", "sign", "agree", "launch", "test", "sanction", "ordered")

// Words that mark a trigger as denied, negated, hedged, reported or planned.
var (
	negators = setOf("not", "never", "no", "reluctance", "reluctant", "refused", "refuse", "refuses", "against",
		"halt", "halted", "suspend", "suspended", "stop", "stopped", "without", "nor", "unwilling", "ban", "banned")
	hedges   = setOf("could", "might", "may", "possibly", "potentially", "perhaps", "likely", "probably", "maybe", "considering", "consider", "mulling", "weighing", "if", "whether", "speculated", "speculation")
	reported = setOf("reportedly", "reports", "reported", "according", "allegedly", "purportedly", "rumored", "rumoured")
	planned  = setOf("will", "'ll", "set", "expected", "plans", "plan", "planned", "planning", "scheduled", "due",
		"upcoming", "intends", "intend", "aims", "next", "invitation", "shall", "prepare", "preparing")
)

// findEvents reads every sentence for event triggers and merges mentions
// of one event (same type and parties) into one event with all its evidence.
func (d *doc) findEvents() {
	for si := range d.sents {
		toks := d.sents[si].tokens
		for k := range toks {
			if ev := d.eventAt(si, k); ev != nil {
				d.addEvent(ev)
			}
		}
		d.denialOfClaim(si)
	}
	d.linkDenials()
}

// eventAt reads the event whose trigger is token k of sentence si, if any.
func (d *doc) eventAt(si, k int) *event {
	toks := d.sents[si].tokens
	t := toks[k]
	tr, ok := triggers[t.norm]
	if !ok || !t.word || d.mentionAt(si, k) != nil {
		return nil
	}
	noun := tr.noun || k > 0 && (determiners[toks[k-1].norm] || prepositions[toks[k-1].norm])
	if noun && !tr.noun && verbOnly[t.norm] {
		return nil // "moved by ship", "a deep cut"
	}
	if d.negated(si, k) || d.inItem(si, k) {
		return nil
	}
	ev := &event{typ: tr.typ}
	cs, ce := d.clause(si, k)
	switch tr.typ {
	case model.Meeting:
		if k > 0 && armsWord(toks[k-1].norm) {
			ev.typ = model.ArmsNegotiation
		}
		ev.participants = d.parties(si, k, cs, ce, noun)
		if len(ev.participants) < 2 && !d.knownEvent(ev) {
			return nil
		}
	case model.ArmsNegotiation:
		if !(k > 0 && armsWord(toks[k-1].norm)) && !d.itemsIn(si, k+1, min(ce, k+6), "arms") {
			return nil
		}
		ev.participants = d.parties(si, k, cs, ce, noun)
		if len(ev.participants) < 2 && !d.knownEvent(ev) {
			return nil
		}
	case model.Visit:
		if !d.visit(ev, si, k, cs, ce, noun) {
			return nil
		}
	case model.Agreement:
		if !d.agreement(ev, si, k, cs, ce, noun) {
			return nil
		}
	case model.OtherEvent:
		if !d.otherEvent(ev, si, k, cs, ce, noun) {
			return nil
		}
	case "transfer":
		if !d.transfer(ev, si, k, cs, ce, tr) {
			return nil
		}
	case model.MissileTest:
		if !d.missileTest(ev, si, k, cs, ce) {
			return nil
		}
	case model.Sanction:
		if !d.sanction(ev, si, k, cs, ce, noun) {
			return nil
		}
	}
	if k >= 2 && toks[k-1].norm == "to" && (toks[k-2].norm == "agreed" || toks[k-2].norm == "agree" || toks[k-2].norm == "agreeing") && ev.typ != model.ArmsTransfer && ev.typ != model.Aid {
		return nil // "agreed to withdraw its troops": the agreement is the event
	}
	d.setStatus(ev, si, k, cs, ce)
	ev.date = d.eventDate(si, k, cs, ce, ev.status == model.Planned)
	if ev.place == nil {
		ev.place = d.placeIn(si, k, ce)
	}
	ev.evidence = [][2]int{{toks[cs].start, toks[ce-1].end}}
	ev.lastSent = si
	return ev
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

// phraseEnd returns where the phrase of token k ends: at the next comma,
// or at the clause end ce.
func (d *doc) phraseEnd(si, k, ce int) int {
	toks := d.sents[si].tokens
	for j := k + 1; j < ce; j++ {
		if toks[j].norm == "," {
			return j
		}
	}
	return ce
}

// eventDate finds the date of the trigger at k: after it in its phrase
// ("met on Monday"), or opening its clause ("On Monday, Kim met Putin").
func (d *doc) eventDate(si, k, cs, ce int, future bool) string {
	if date := d.dateNear(si, k+1, d.phraseEnd(si, k, ce), future); date != "" {
		return date
	}
	switch d.sents[si].tokens[cs].norm {
	case "on", "last", "earlier", "this", "next", "in", "late", "early", "yesterday", "today":
		return d.dateNear(si, cs, min(cs+4, k), future)
	}
	return ""
}

func armsWord(w string) bool {
	return w == "arms" || w == "weapons" || w == "weapon" || w == "military" || w == "munitions" || w == "defense" || w == "defence"
}

// clause returns the token range of the clause around token k: from the
// last clause break before it to the next one after it.
func (d *doc) clause(si, k int) (int, int) {
	toks := d.sents[si].tokens
	cs := k
	for cs > 0 {
		n := toks[cs-1].norm
		if n == ";" || n == `"` || n == ":" || n == "--" || n == "(" || n == ")" {
			break
		}
		cs--
	}
	ce := k + 1
	for ce < len(toks) {
		n := toks[ce].norm
		if n == ";" || n == `"` || n == ":" || n == "--" || n == "(" || n == ")" || n == "." && ce == len(toks)-1 {
			break
		}
		if (n == "which" || n == "while" || n == "but" || n == "whereas" || n == "although" || n == "though") && ce > k+1 {
			break
		}
		ce++
	}
	for ce > cs+1 && (toks[ce-1].norm == "," || toks[ce-1].norm == ".") {
		ce--
	}
	return cs, ce
}

// negated: "not provide", "reluctance to sell", "refused to meet".
func (d *doc) negated(si, k int) bool {
	toks := d.sents[si].tokens
	for j := k - 1; j >= 0 && j >= k-4; j-- {
		if negators[toks[j].norm] {
			return true
		}
		if toks[j].norm == "," || toks[j].norm == ";" {
			break
		}
	}
	return false
}

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
	for j := k - 1; j >= cs && j >= k-40; j-- {
		if m := d.mentionAt(si, j); m != nil {
			if m.ent.typ == model.Place {
				return nil // "in Moscow, ...": a place, not an actor
			}
			if a := d.actor(si, m); a != nil {
				return append([]*entity{a}, d.conjoinedBefore(si, m.ti, cs)...)
			}
			j = m.ti
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
		case "they", "that", "we", "i", "you":
			return nil
		case ",":
			if c := d.interjectionStart(si, j, cs); c >= 0 {
				j = c
			}
		default:
			if es := d.pluralNominal(si, j); es != nil {
				return es
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

// interjectionStart finds the opening comma of an interjected phrase that
// ends at the comma at j (", during a rare trip to Russia,"), or -1.
func (d *doc) interjectionStart(si, j, cs int) int {
	toks := d.sents[si].tokens
	for c := j - 1; c > cs && c >= j-15; c-- {
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
			if (m.ent.typ == model.Country && m.how != byDemonym) || m.ent.typ == model.Organization {
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
		switch toks[j].norm {
		case "to", "on", "about", "over", "in", "during", "amid", "after", "before", "for", "as", "which",
			"that", "who", ",", "at", "from", "since", "until", "by", "when", "where", "while":
			if len(out) > 0 || j > k+3 {
				return out
			}
		}
	}
	return out
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
		if toks[j].norm == "between" || toks[j].norm == "with" || toks[j].norm == "among" {
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
	return uniqueEntities(personsOverCountries(out))
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

func subset(a, b []*entity) bool {
	for _, e := range a {
		if !slices.Contains(b, e) {
			return false
		}
	}
	return true
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
			if (m.ent.typ == model.Country || m.ent.typ == model.Place) && !(m.tj < len(toks) && toks[m.tj].norm == "'s") {
				dest = m.ent
				break
			}
			j = m.tj - 1
			continue
		}
		switch n {
		case "to", "in", "of", "into", "at":
			seenTo = true
		case "on":
			if j+1 < ce && toks[j+1].norm == "to" {
				continue // "will travel on to Singapore"
			}
			j = ce
		case ",", "with", "for", "after", "before", "since":
			j = ce
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
	for j := k + 1; j < ce && j < k+4; j++ {
		if toks[j].norm == "by" {
			if os := d.objects(si, j+1, ce); len(os) > 0 {
				if p := d.personAfter(si, j+1, 8); p != nil && os[0].typ == model.Country {
					return p // "a visit by a US delegation led by Molly Phee"
				}
				return os[0]
			}
		}
	}
	return nil
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

// agreementWord: "signed an agreement", "sign a treaty".
func (d *doc) agreementWord(si, i, j int) bool {
	toks := d.sents[si].tokens
	for k := i; k < j; k++ {
		switch toks[k].norm {
		case "agreement", "agreements", "treaty", "pact", "deal", "accord", "accords", "memorandum", "partnership",
			"declaration", "contract", "contracts", "communique", "arrangement", "understanding", "framework", "roadmap", "truce":
			return true
		case "statement":
			if k > i && toks[k-1].norm == "joint" {
				return true
			}
		}
	}
	return false
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
			if !toks[e].word {
				break
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
