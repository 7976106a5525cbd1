package loader

import (
	"strings"

	"github.com/geokg/geokg/model"
)

// event is an event of the article being extracted.
type event struct {
	typ                 model.EventType
	participants        []*entity
	supplier, recipient *entity
	items               []string
	families            []string  // item families of an arms transfer
	firstSent, lastSent int       // the first and last sentence that mention it
	weak                bool      // its status is only a bare noun's default
	moreDest            []*entity // a visit's further destinations ("France, Serbia and Hungary")
	place               *entity
	date                string
	status              model.Status
	assertedBy          []*entity
	claimedIn           []*stmt
	denies              *event
	evidence            [][2]int // byte spans of the clauses that state it
	quantity, value     string
	act                 string // other events: what kind of act ("expel", "recall")
}

// trigger is a word that signals an event.
type trigger struct {
	typ  model.EventType // model event type; "transfer" until items decide arms or aid
	noun bool            // "visit", "summit": participants come from possessors and prepositions
	give bool            // transfers: the subject gives (supply, send) rather than receives (buy)
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
	"dialogue": {typ: model.Meeting, noun: true}, "sat": {typ: model.Meeting}, "shook": {typ: model.Meeting}, "shakes": {typ: model.Meeting}, "call": {typ: model.Meeting, noun: true},
	"host": {typ: model.Meeting}, "hosts": {typ: model.Meeting}, "hosted": {typ: model.Meeting}, "hosting": {typ: model.Meeting},
	"handed": {typ: "transfer", give: true}, "handing": {typ: "transfer", give: true},
	"allow": {typ: "transfer", give: true}, "allowed": {typ: "transfer", give: true},
	"assistance": {typ: "transfer", give: true, noun: true}, "contract": {typ: "transfer", noun: true},
	"contracts": {typ: "transfer", noun: true}, "order": {typ: "transfer", noun: true},
	"orders":    {typ: "transfer", noun: true},
	"expelling": {typ: model.OtherEvent}, "expels": {typ: model.OtherEvent}, "summoning": {typ: model.OtherEvent},
	"recalling": {typ: model.OtherEvent}, "severing": {typ: model.OtherEvent}, "suspending": {typ: model.OtherEvent},
	"revoking": {typ: model.OtherEvent}, "exchange": {typ: model.OtherEvent, noun: true}, "swap": {typ: model.OtherEvent, noun: true},
	"expulsion": {typ: model.OtherEvent, noun: true}, "expulsions": {typ: model.OtherEvent, noun: true},
	"broke": {typ: model.OtherEvent}, "closed": {typ: model.OtherEvent}, "shut": {typ: model.OtherEvent},
	"restored": {typ: model.OtherEvent}, "restore": {typ: model.OtherEvent}, "resumed": {typ: model.OtherEvent},
	"re-established": {typ: model.OtherEvent}, "recognized": {typ: model.OtherEvent}, "recognised": {typ: model.OtherEvent},
	"struck": {typ: model.Agreement}, "initialled": {typ: model.Agreement}, "initialed": {typ: model.Agreement},
	"froze": {typ: model.Sanction}, "frozen": {typ: model.Sanction},
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
	"banned": {typ: model.Sanction}, "bans": {typ: model.Sanction}, "ban": {typ: model.Sanction, noun: true},
}

// Words before a trigger that make it a noun ("an official state visit").
var determiners = setOf("a", "an", "the", "this", "that", "his", "her", "their", "its", "our", "'s", "official",
	"state", "recent", "upcoming", "planned", "first", "second", "latest", "last", "next", "reported",
	"long-anticipated", "rare", "historic", "surprise", "possible", "potential", "any", "such", "these", "those",
	"new", "further", "high-level", "bilateral", "two-day", "three-day", "one-day", "landmark")

// Event types a party can deny by negating them.
var deniable = map[model.EventType]bool{model.ArmsTransfer: true, model.Aid: true, model.Meeting: true, model.Agreement: true, model.ArmsNegotiation: true}

// Prepositions before a trigger make it a noun ("by ship", "on arrival").
var prepositions = setOf("by", "of", "on", "in", "for", "with", "from", "into", "at")

// Triggers that are events only as verbs.
var verbOnly = setOf("ship", "fly", "cut", "arm", "sever", "expel", "withdraw", "revoke", "downgrade", "seek",
	"import", "export", "transfer", "offer", "pledge", "help", "sign", "agree", "launch", "test", "sanction", "ordered")

// Words that mark a trigger as denied, negated, hedged, reported or planned.
var (
	negators = setOf("not", "never", "no", "reluctance", "reluctant", "refused", "refuse", "refuses", "against",
		"halt", "halted", "stop", "stopped", "without", "nor", "unwilling", "ban", "banned", "invited", "invite", "invitation",
		"failing", "failed", "unable")
	hedges   = setOf("could", "might", "may", "possibly", "potentially", "perhaps", "likely", "probably", "maybe", "considering", "consider", "mulling", "weighing", "if", "whether", "speculated", "speculation")
	reported = setOf("reportedly", "reports", "reported", "according", "allegedly", "purportedly", "rumored", "rumoured")
	planned  = setOf("will", "'ll", "expected", "plans", "plan", "planned", "planning", "scheduled", "due",
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
				// A tour of several countries is a visit to each.
				for _, dest := range ev.moreDest {
					if c := d.stateOf(dest); c != nil && c.typ == model.Country {
						more := *ev
						more.participants = []*entity{ev.participants[0], c}
						more.moreDest = nil
						d.addEvent(&more)
					}
				}
			}
		}
	}
	// Denials that name only the claim may come before the claim is told.
	for si := range d.sents {
		d.denialOfClaim(si)
	}
	d.linkDenials()
}

// eventAt reads the event whose trigger is token k of sentence si, if any.
func (d *doc) eventAt(si, k int) *event {
	toks := d.sents[si].tokens
	t := toks[k]
	tr, ok := triggers[t.norm]
	if !ok || !t.word || d.mentionAt(si, k) != nil || t.cap && k > 0 && toks[k-1].norm != `"` {
		return nil // a capitalized word mid-sentence is part of a name ("Centre for Strategic Dialogue")
	}
	if k >= 2 && toks[k-1].norm == "to" && (toks[k-2].norm == "open" || toks[k-2].norm == "ready" || toks[k-2].norm == "willing") {
		return nil // "remained open to dialogue"
	}
	// A gerund after a preposition keeps its subject: "responded by expelling".
	noun := tr.noun || k > 0 && (determiners[toks[k-1].norm] || prepositions[toks[k-1].norm] && !strings.HasSuffix(t.norm, "ing"))
	if noun && !tr.noun && (toks[k-1].norm == "last" || toks[k-1].norm == "first") && (t.norm == "met" || strings.HasSuffix(t.norm, "ed")) {
		noun = false // "the two leaders last met", "first visited"
	}
	if noun && !tr.noun && verbOnly[t.norm] {
		return nil // "moved by ship", "a deep cut"
	}
	if !tr.noun && d.inItem(si, k) { // "food supplies"; but "military aid" is an aid event
		return nil
	}
	negated := d.negated(si, k)
	plainNot := d.plainNegation(si, k) // "has not supplied", "never provided": a denial if its party says it
	ev := &event{typ: tr.typ}
	cs, ce := d.clause(si, k)
	switch tr.typ {
	case model.Meeting:
		if !d.meetingWord(si, k) {
			return nil
		}
		if k > 0 && armsWord(toks[k-1].norm) {
			ev.typ = model.ArmsNegotiation
		}
		ev.participants = d.parties(si, k, cs, ce, noun)
		if len(ev.participants) < 2 && !d.knownEvent(ev) || d.domestic(ev.participants) {
			return nil // "a meeting of its National Security Council" is not diplomacy
		}
	case model.ArmsNegotiation:
		if !(k > 0 && armsWord(toks[k-1].norm)) && !d.itemsIn(si, cs, ce, "arms") {
			ev.typ = model.Meeting // peace talks, trade negotiations
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
		ev.act = actOf(t.norm)
	case "transfer":
		// "the purchase of S-400s" is a noun; "of arming the RSF" is not.
		tr.noun = tr.noun || k > 0 && determiners[toks[k-1].norm]
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
	if negated {
		// "Iran has not supplied any military equipment", said by Iran's
		// spokesman, denies the supply; other negations are no event.
		speaker, st := d.claimant(toks[k].start)
		party := d.stateOf(speaker)
		if !plainNot || party == nil || !(containsEntity(ev.participants, party) || ev.supplier == party || ev.recipient == party) || !deniable[ev.typ] {
			return nil
		}
		ev.status, ev.assertedBy = model.Denied, []*entity{speaker}
		if st != nil {
			ev.claimedIn = []*stmt{st}
		}
	} else {
		d.setStatus(ev, si, k, cs, ce)
	}
	ev.date = d.eventDate(si, k, cs, ce, ev.status == model.Planned)
	if ev.place == nil {
		ev.place = d.placeIn(si, k, ce)
	}
	ev.evidence = [][2]int{{toks[cs].start, toks[ce-1].end}}
	ev.firstSent, ev.lastSent = si, si
	return ev
}

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

// meetingWord checks the words that make a meeting only in context: "sat
// down with", "a courtesy call on" (a phone call is not a meeting).
func (d *doc) meetingWord(si, k int) bool {
	toks := d.sents[si].tokens
	next := func(i int) string {
		if k+i < len(toks) {
			return toks[k+i].norm
		}
		return ""
	}
	if next(1) == "of" {
		// "a meeting of its National Security Council": a body's own session
		if m := d.mentionAt(si, k+2); m != nil && m.ent.typ == model.Organization ||
			k+3 < len(toks) && d.mentionAt(si, k+3) != nil && d.mentionAt(si, k+3).ent.typ == model.Organization {
			return false
		}
	}
	switch toks[k].norm {
	case "sat":
		return next(1) == "down" && next(2) == "with"
	case "shook", "shakes":
		return next(1) == "hands" && next(2) == "with" // "Austin shakes hands with Umerov"
	case "host", "hosts", "hosted", "hosting":
		// "Xi will host Macron", not "hosted a conference"
		m := d.mentionAt(si, k+1)
		return m != nil && m.ent.typ == model.Person
	case "dialogue":
		// "held a strategic dialogue", not "address the issue through dialogue"
		for j := k - 1; j >= 0 && j >= k-12; j-- {
			switch n := toks[j].norm; {
			case lightVerbs[n] || n == "for":
				return true
			case n == "," || n == ";" || n == "." || n == "through" || n == "to":
				return false
			}
		}
		return false
	case "call":
		return k > 0 && toks[k-1].norm == "courtesy" || next(1) == "on" && k > 1 && (toks[k-2].norm == "paid" || toks[k-2].norm == "made")
	}
	return true
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
	// A date belongs to the trigger when it follows it ("met on Monday"),
	// not when another event word comes first and has its own ("followed
	// the signing … in September 2020").
	end := min(d.phraseEnd(si, k, ce), k+20)
	for j := k + 1; j < end; j++ {
		if tr, ok := triggers[d.sents[si].tokens[j].norm]; ok && tr.noun || d.sents[si].tokens[j].norm == "signing" {
			end = j
		}
	}
	if date := d.dateNear(si, k+1, end, future); date != "" {
		return date
	}
	// "next year's summit", "last week's talks"
	for j := k - 1; j > cs && j >= k-3; j-- {
		if d.sents[si].tokens[j].norm == "'s" {
			if date := d.dateNear(si, max(cs, j-3), j, future); date != "" {
				return date
			}
			break
		}
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
		if n == ")" {
			if open := matchParen(toks, cs-1, -1); open >= 0 {
				cs = open // a short aside: "500 million pounds ($620 million) in aid"
				continue
			}
		}
		if n == ";" || n == `"` && !scareQuote(toks, cs-1) || n == ":" || n == "--" || n == "(" || n == ")" {
			break
		}
		cs--
	}
	for cs < k && toks[cs].start < d.bodyStart && d.bodyStart <= toks[k].start {
		cs++ // the dateline ("WARSAW, Dec 6 (Reuters) -") is no part of a clause
	}
	ce := k + 1
	for ce < len(toks) {
		n := toks[ce].norm
		if n == "(" {
			if cl := matchParen(toks, ce, 1); cl >= 0 {
				ce = cl + 1
				continue
			}
		}
		if n == ";" || n == `"` && !scareQuote(toks, ce) || n == ":" || n == "--" || n == "(" || n == ")" || n == "." && ce == len(toks)-1 {
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

// matchParen returns the bracket that closes (dir 1) or opens (dir -1)
// the one at j within a few tokens, or -1: a short aside in brackets.
func matchParen(toks []token, j, dir int) int {
	want := map[int]string{1: ")", -1: "("}[dir]
	for i := j + dir; i >= 0 && i < len(toks) && i != j+10*dir; i += dir {
		switch toks[i].norm {
		case want:
			return i
		case "(", ")", ";", `"`:
			return -1
		}
	}
	return -1
}

// scareQuote reports whether the quotation mark at j is one of a pair
// around a few words inside a clause ("held the first “2+2” dialogue"),
// which do not end the clause as a quotation does.
func scareQuote(toks []token, j int) bool {
	inner := func(t token) bool { return t.word || isNumberToken(t) || t.norm == "+" || t.norm == "-" }
	for _, dir := range []int{-1, 1} {
		for i := j + dir; i >= 0 && i < len(toks) && i != j+5*dir; i += dir {
			if toks[i].norm == `"` {
				a, b := min(i, j), max(i, j)
				return b > a+1 && a > 0 && toks[a-1].word && b+1 < len(toks) && toks[b+1].word
			}
			if !inner(toks[i]) {
				break
			}
		}
	}
	return false
}

// plainNegation: "not" or "never" right before the trigger.
func (d *doc) plainNegation(si, k int) bool {
	toks := d.sents[si].tokens
	for j := k - 1; j >= 0 && j >= k-3; j-- {
		if toks[j].norm == "not" || toks[j].norm == "never" || toks[j].norm == "n't" {
			return true
		}
	}
	return false
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

// Stems of the diplomatic acts, so that "expelled" and "expulsion" are one
// act and a recall and a suspension are two.
var actStems = []struct{ prefix, act string }{
	{"expel", "expel"}, {"expul", "expel"}, {"leave", "expel"}, {"recall", "recall"}, {"summon", "summon"},
	{"suspen", "suspend"}, {"sever", "sever"}, {"broke", "sever"}, {"cut", "sever"}, {"downgrad", "sever"},
	{"restor", "restore"}, {"resum", "restore"}, {"re-establish", "restore"}, {"recogni", "recognize"},
	{"protest", "protest"}, {"representations", "protest"}, {"withdr", "withdraw"}, {"revok", "cancel"},
	{"scrap", "cancel"}, {"cancel", "cancel"}, {"terminat", "cancel"}, {"exchange", "exchange"}, {"swap", "exchange"},
	{"clos", "close"}, {"shut", "close"},
}

func actOf(norm string) string {
	for _, s := range actStems {
		if strings.HasPrefix(norm, s.prefix) {
			return s.act
		}
	}
	return norm
}
