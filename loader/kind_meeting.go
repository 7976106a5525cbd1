package loader

import (
	"slices"

	"github.com/geokg/geokg/model"
)

// Meeting: leaders or officials meet (CAMEO 04 consult: 040; a planned
// meeting is an intent to meet, 036). "Xi met Biden", "talks between A and
// B", "the Putin-Kim summit", "A hosted B", "sat down with", "a courtesy
// call on".
type meetingKind struct {
	kindBase
	// Dialogues are meetings when held ("held a strategic dialogue"), not
	// when a means ("through dialogue"): HeldBy and NotHeld are the words
	// before them that decide.
	HeldBy, NotHeld wordSet
	// Courtesy makes a call a visit in person ("a courtesy call"); PaidCall
	// are the verbs of "paid a call on".
	Courtesy, PaidCall wordSet
	// Remote words make talks no meeting ("phone talks", "by video link").
	Remote wordSet
	// Separate: one meeting with each party listed ("held separate talks
	// with A, B and C").
	Separate wordSet
	// HonourOf names the guest of a ceremony ("a banquet in honour of X",
	// "a dinner for X"); HostVerbs its host ("X hosted a reception").
	HonourOf, Honour, HostVerbs wordSet
	// TimeBefore and Subordinators open a phrase whose meeting noun names
	// no meeting of the clause's actors ("before the G7 summit", "while
	// talks went on").
	TimeBefore, Subordinators wordSet
	// Attend: a third-party phrase that names the meeting's own parties
	// ("the summit was attended by A, B and C").
	Attend wordSet
	// ToldBefore: "during their meeting", "after their talks": the meeting
	// just told, not one of the clause's actors.
	ToldBefore wordSet
	// Thank and ThankFor: "A thanked X for hosting the talks", "expressed
	// appreciation to X for hosting the negotiations": X hosted the
	// meeting of A (or of the sides named, or of the meeting just told).
	Thank, ThankFor wordSet
	// Journey: verbs of going whose destination hosts the talks that are
	// the journey's purpose ("will go to Moscow for talks") (EV-NOT-10).
	Journey wordSet
	// FirstPerson: the speaker as the traveller inside a quotation ("I will
	// go to Moscow for talks").
	FirstPerson wordSet
	// Credentials: "received the credentials of the ambassadors of A, X
	// and B, Y": one meeting with each envoy (EV-HOST-11).
	Credentials wordSet
	// RemoteTalk: "discussed X with Y in a call" is a conversation at a
	// distance (EV-MULTI-16).
	RemoteTalk wordSet
}

// Senses of meeting triggers (lexicon/triggers.tsv).
const (
	senseHost        = "host"        // "A hosted / received / welcomed B": a meeting only with a person as guest
	senseCeremony    = "ceremony"    // "a banquet hosted by A in honour of B"
	senseHeld        = "held"        // "dialogue": a meeting only when held
	senseCourtesy    = "courtesy"    // "call": a meeting only as a courtesy call
	senseCredentials = "credentials" // "accredited the ambassadors of A, X and B, Y"
	senseCallOn      = "callon"      // "called on the President": a visit in person, not "called on X to act"
	senseTopic       = "topic"       // "A and B discussed X": the object is a topic, the parties are the subjects and "with" Y
	sensePresent     = "present"     // "X presented his credentials to President Y"
)

func init() {
	registerKind(&meetingKind{kindBase: kindBase{typ: model.Meeting, cameo: "040", deniable: true, alone: 2, announced: true, agreedIsPlanned: true}})
}

func (k *meetingKind) read(d *doc, c *clause, ev *event) bool {
	if !k.meetingWord(d, c) || d.sessionOfBody(c) || k.remote(c) {
		return false
	}
	if c.noun && k.toldBefore(c) {
		last := d.lastEvent(c.si, 2, func(e *event) bool { return e.typ == k.typ })
		if last == nil {
			return false
		}
		ev.participants = slices.Clone(last.participants)
		return true
	}
	switch {
	case c.tr.has(sensePresent):
		if !k.presented(d, c, ev) {
			return false
		}
		return true
	case c.tr.has(senseTopic):
		if !k.discussed(d, c, ev) {
			return false
		}
		return true
	case c.tr.has(senseCredentials):
		if !k.credentials(d, c, ev) {
			return false
		}
		return true
	case c.tr.has(senseHost) && !isPassive(c.toks, c.k) && k.credentials(d, c, ev):
		return true
	case c.tr.has(senseHost) && k.thankedHost(d, c, ev):
	case c.tr.has(senseHost):
		if !k.hosting(d, c, ev) {
			return false
		}
	case c.tr.has(senseCeremony):
		if !k.ceremony(d, c, ev) {
			return false
		}
	case c.noun && k.journeyTalks(d, c, ev):
	case c.noun:
		syn := d.syntacticParties(c)
		switch third := d.thirdParties(c); {
		case len(syn) == 0 && (k.timeNoun(d, c) || k.topicNoun(d, c)) && !k.pluralSides(d, c):
			// "before the G7 summit", "while talks went on", "Talks are
			// under way on a contract": talks no one is said to hold are no
			// meeting of whoever else the clause names.
			return false
		case len(third) > 0 && len(syn) > 0 && subset(syn, third) && !k.attended(c):
			// "indirect talks in Doha mediated by Qatar, Egypt and the United
			// States": the mediators are not the sides that met; the clause
			// may name the sides ("talks mediated by the United States, …
			// India and Pakistan have agreed").
			var sides []*entity
			for _, a := range d.clauseActors(c) {
				if !containsEntity(third, a) {
					sides = append(sides, a)
				}
			}
			ev.participants = uniqueEntities(append(sides, third...))
			if len(sides) < 2 {
				return d.knownEvent(ev)
			}
		default:
			ev.participants = d.withClauseActors(c, syn)
			if len(ev.participants) == 1 && c.k > c.start && d.eventDate(c, false) != "" {
				// "Xi recalled his meeting with Quang last November": the
				// possessive's person is the other side of an earlier
				// meeting the clause dates (EV-NOM-11); undated, "his talks
				// with X" retells the meeting the article tells.
				if pro := gram.PossessivePronouns[c.norm(c.k-1)]; pro != "" {
					if p := d.resolvePronoun(c.si, c.toks[c.k-1].start, pro); p != nil && p != ev.participants[0] {
						ev.participants = append([]*entity{p}, ev.participants...)
					}
				}
			}
		}
	default:
		ev.participants = d.parties(c)
	}
	if len(ev.participants) < 2 && !d.knownEvent(ev) || d.domestic(ev.participants) {
		return false // "a meeting of its National Security Council" is not diplomacy
	}
	k.separate(d, c, ev)
	return true
}

// pluralSides: "A number of meetings are expected to be held on Tuesday
// between officials of the two countries": the noun names its sides by a
// plural description, though it reads as the subject of "held on Tuesday".
func (k *meetingKind) pluralSides(d *doc, c *clause) bool {
	return !(c.k > 0 && gram.Anaphoric[c.toks[c.k-1].norm]) && len(d.comitativePlural(c)) >= 2
}

// toldBefore: the meeting noun follows "during their", "after their",
// perhaps with modifiers ("during their two-hour meeting").
func (k *meetingKind) toldBefore(c *clause) bool {
	for j := c.k - 1; j >= c.start && j >= c.k-5; j-- {
		if n := k.ToldBefore.at(c.toks, j); n > 0 && j+n <= c.k {
			return true
		}
		if !c.toks[j].word && c.toks[j].norm != "-" || c.toks[j].cap && j > c.start {
			return false
		}
	}
	return false
}

// attended: "the summit was attended by A, B and C": those named after
// the third-party phrase are the meeting's parties, not its mediators.
func (k *meetingKind) attended(c *clause) bool {
	for j := c.k + 1; j < c.end; j++ {
		if gram.ThirdParties.at(c.toks, j) > 0 && k.Attend[c.toks[j].norm] {
			return true
		}
	}
	return false
}

// timeNoun: the meeting noun dates something else ("could travel to
// Seoul before the G7 summit", "on eve of Vilnius summit", "invited him
// for next year's summit"), and no phrase after it names who meets
// ("ahead of talks between A and B" does).
func (k *meetingKind) timeNoun(d *doc, c *clause) bool {
	for j := c.k + 1; j < c.end && j <= c.k+8; j++ {
		if gram.Comitative[c.toks[j].norm] || gram.Genitive[c.toks[j].norm] {
			return false
		}
	}
	return k.before(d, c, k.TimeBefore, false)
}

// topicNoun: the meeting noun is the subject of its clause ("Talks are
// under way", "while talks went on", "if the Doha talks stalled").
func (k *meetingKind) topicNoun(d *doc, c *clause) bool {
	if c.k+1 < c.end && (gram.Comitative[c.norm(c.k+1)] || gram.Genitive[c.norm(c.k+1)]) {
		return false
	}
	return c.k == c.start || k.before(d, c, k.Subordinators, true)
}

// before walks back from the noun over its modifiers ("the", "next
// year's", "Doha", "nuclear") to the word that opens its phrase, and
// reports whether that word is one of opens, or (when atStart) the phrase
// opens its clause.
func (k *meetingKind) before(d *doc, c *clause, opens wordSet, atStart bool) bool {
	for j := c.k - 1; j >= c.start && j >= c.k-5; j-- {
		if m := d.mentionAt(c.si, j); m != nil {
			if j = m.ti; j == c.start {
				return atStart
			}
			continue
		}
		n := c.toks[j].norm
		if opens[n] {
			return true
		}
		if !c.toks[j].word && n != "'s" && n != "-" || gram.Coordinators[n] || c.toks[j].cap && j > c.start {
			return false
		}
		if j == c.start {
			return atStart && gram.Determiners[n]
		}
	}
	return false
}

// remote: "phone talks", "a video call", "talks by telephone" are no meeting.
func (k *meetingKind) remote(c *clause) bool {
	for j := max(c.start, c.k-3); j < min(c.end, c.k+4); j++ {
		if k.Remote[c.toks[j].norm] {
			return true
		}
	}
	return false
}

// hosting reads "A hosted B", "A received visiting B", "A received a
// delegation led by B", "A welcomed B to Abu Dhabi": the host and the
// guest meet; a destination after the guest states the guest's visit.
func (k *meetingKind) hosting(d *doc, c *clause, ev *event) bool {
	if isPassive(c.toks, c.k) {
		return k.hostedBy(d, c, ev)
	}
	guests, end := d.guests(c, c.k)
	if len(guests) == 0 {
		// "Oman hosted indirect talks between Iran and the United States":
		// the host is a party of the sides' meeting (EV-HOST-7).
		noun := k.meetingNounAfter(c)
		if noun < 0 {
			return false
		}
		host := d.subject(c, c.k)
		sides := k.hostedSides(d, c, noun, host)
		if host == nil || len(sides) < 2 {
			return false
		}
		ev.participants = uniqueEntities(append(sides, host))
		return true
	}
	host := d.subject(c, c.k)
	if host == nil {
		return false
	}
	ev.participants = uniqueEntities(append(append([]*entity{host}, guests...), d.thirdParties(c)...))
	if host.typ == model.Country && d.seatMention(c, host) {
		// "The Élysée welcomed the foreign ministers of Armenia and
		// Azerbaijan", "the Kremlin welcomed Orban": the guests came to
		// the seat's state (EV-HOST-9).
		for _, g := range guests {
			if g.typ == model.Country && g != host || g.typ == model.Person && g.country != "" && g.country != host.iso3 {
				ev.also = append(ev.also, &event{typ: model.Visit, participants: []*entity{g, host}})
			}
		}
	}
	// "welcomed Prabowo to Abu Dhabi", "hosted Xi for a state visit" (the
	// visit noun states that one itself)
	if end < c.end && gram.Infinitive[c.norm(end)] {
		if m := d.mentionAt(c.si, end+1); m != nil && (m.ent.typ == model.Country || m.ent.typ == model.Place) {
			dest := d.stateOf(m.ent)
			if m.ent.typ == model.Place && dest == nil {
				dest = d.capitalOf(m.ent, c, end)
			}
			for _, guest := range guests {
				if dest != nil && dest.iso3 != guest.country && dest != guest {
					v := &event{typ: model.Visit, participants: []*entity{guest, dest}}
					if m.ent.typ == model.Place {
						v.place = m.ent
					}
					ev.also = append(ev.also, v)
				}
			}
		}
	}
	return true
}

// thankedHost reads "A and B thanked X for hosting the talks", "A thanked
// X for hosting talks between B and C": X, named right before "for", is the
// host and a party (EV-HOST-7); the sides are those named after the
// meeting noun, else the thankers, else the parties of the meeting told in
// the last three sentences.
func (k *meetingKind) thankedHost(d *doc, c *clause, ev *event) bool {
	toks := c.toks
	if c.k-2 < c.start || !k.ThankFor[toks[c.k-1].norm] {
		return false
	}
	hm := d.mentionEndingAt(c.si, c.k-1)
	if hm == nil {
		return false
	}
	thank := -1
	for j := hm.ti - 1; j >= c.start && j >= hm.ti-4 && thank < 0; j-- {
		if k.Thank[toks[j].norm] {
			thank = j
		}
	}
	noun := k.meetingNounAfter(c)
	if thank < 0 || noun < 0 {
		return false
	}
	sides := k.hostedSides(d, c, noun, hm.ent)
	if len(sides) < 2 {
		sides = uniqueEntities(append(sides, d.subjects(c, thank)...))
	}
	if len(sides) < 2 {
		if last := d.lastEvent(c.si, 3, func(e *event) bool { return e.typ == k.typ }); last != nil {
			sides = last.participants
		}
	}
	ev.participants = uniqueEntities(append(slices.Clone(sides), hm.ent))
	return len(ev.participants) >= 2
}

// meetingNounAfter returns the meeting noun a few words after the hosting
// verb ("hosting the talks", "hosted two rounds of indirect talks"), or -1.
func (k *meetingKind) meetingNounAfter(c *clause) int {
	for j := c.k + 1; j < c.end && j <= c.k+6; j++ {
		if tr, ok := triggers[c.toks[j].norm]; ok && slices.Contains(tr.kinds, kind(k)) && (tr.noun || gram.Determiners[c.toks[j-1].norm]) {
			return j
		}
		if !c.toks[j].word && !isNumberToken(c.toks[j]) && c.toks[j].norm != "-" {
			return -1
		}
	}
	return -1
}

// hostedSides returns the sides the meeting noun at noun names ("talks
// between Iran and the United States"), without the host.
func (k *meetingKind) hostedSides(d *doc, c *clause, noun int, host *entity) []*entity {
	nc := *c
	nc.k, nc.noun = noun, true
	var sides []*entity
	for _, e := range d.syntacticParties(&nc) {
		if e != host { // "Oman for hosting the talks" is no compound of the talks
			sides = append(sides, e)
		}
	}
	return sides
}

// seatMention: the clause names e before its trigger by its seat of
// government ("the Élysée", "the Kremlin").
func (d *doc) seatMention(c *clause, e *entity) bool {
	for j := c.start; j < c.k; j++ {
		if m := d.mentionAt(c.si, j); m != nil && m.ent == e && m.how == bySeat {
			return true
		}
	}
	return false
}

// hostedBy reads a passive hosting verb: "Xi was welcomed by Duterte at
// Malacanang Palace", "Ruto was received at the airport by Kagame": the
// subject is the guest, the person after "by" the host.
func (k *meetingKind) hostedBy(d *doc, c *clause, ev *event) bool {
	// The guest is the subject's head, right before the auxiliaries ("Xi
	// was warmly welcomed"), not a possessor ("Putin's remarks were
	// welcomed by Orban").
	j := c.k - 1
	for j > c.start && (gram.PassiveAuxiliaries[c.toks[j].norm] || gram.PerfectAuxiliaries[c.toks[j].norm] || gram.PassiveFillers[c.toks[j].norm]) {
		j--
	}
	var guest *entity
	var others []*entity // "X and his wife were received by Y"
	if m := d.mentionEndingAt(c.si, j+1); m != nil && m.ent.typ == model.Person && c.toks[j].norm != "'s" {
		guest = m.ent
	} else if n := c.toks[j].norm; m == nil && gram.PersonPronouns[n] {
		// "Later, he will be received by President X" (EV-HOST-4)
		if p := d.resolvePronoun(c.si, c.toks[j].start, n); p != nil && p.typ == model.Person {
			guest = p
		}
	} else if m == nil && gram.Coordinators[c.toks[j].norm] {
		// "Hu landed at Andrews and was greeted by Biden": the passive
		// shares the subject of the verb before "and" (EV-HOST-14).
		if es := d.clauseSubject(c, j); len(es) > 0 && es[0].typ == model.Person {
			guest, others = es[0], d.subjects(c, j+1) // "Bush and his wife Laura flew in … and were received by"
		}
	}
	if guest == nil {
		return false
	}
	for j := c.k + 1; j < c.end && j <= c.k+10 && c.toks[j].norm != ","; j++ {
		if gram.Agent[c.toks[j].norm] {
			host := d.actorRightAfter(c, j+1)
			if host == nil || host.typ == model.Country {
				host = d.personAfter(c.si, j+1, 6) // "by Philippine President Rodrigo Duterte"
			}
			if host == nil || host.typ != model.Person || host == guest {
				return false
			}
			ev.participants = []*entity{host, guest}
			for _, o := range others {
				if o.typ == model.Person && o != host && o != guest {
					ev.participants = append(ev.participants, o)
				}
			}
			return true
		}
	}
	return false
}

// guests returns whom a hosting verb at k names as its guests, and the
// token after them: a person ("welcomed Prabowo"), several ("received X
// and Y"), the states whose leaders come ("welcomed the leaders of Uganda
// and Tanzania", "received Oman's foreign minister").
func (d *doc) guests(c *clause, k int) ([]*entity, int) {
	// "received the two ministers": the people named last with that title.
	for j := k + 2; j < c.end && j <= k+3; j++ {
		if gram.PeopleParties[c.toks[j].norm] {
			if ps := d.pluralNominal(c.si, j); len(ps) > 0 && !slices.Contains(ps, d.subject(c, k)) {
				return ps, j + 1
			}
		}
	}
	if g, end := d.guest(c, k); g != nil {
		out := []*entity{g}
		for j := end; j < c.end && j < end+12; j++ {
			n := c.toks[j].norm
			if n != "," && !gram.Coordinators[n] {
				break
			}
			if p := d.personAfter(c.si, j+1, 6); p != nil {
				out, end = append(out, p), d.mentionOf(c.si, j+1, p).tj
				j = end - 1
				continue
			}
			break
		}
		return out, end
	}
	var out []*entity
	end := 0
	for j := k + 1; j < c.end && j < k+16; j++ {
		if m := d.mentionAt(c.si, j); m != nil {
			// "the leaders of Uganda", "Oman's foreign minister"; not
			// "welcomed Qatar's decision" (no title after "'s", EV-HOST-14)
			titled := m.ti > 0 && gram.Genitive[c.toks[m.ti-1].norm] ||
				c.norm(m.tj) == "'s" && d.titleAfterPossessive(c, m.tj+1)
			if m.ent.typ != model.Country || m.how == byDemonym || !titled && len(out) == 0 {
				return nil, 0
			}
			out, end = append(out, m.ent), m.tj
			j = m.tj - 1
			continue
		}
		n := c.toks[j].norm
		if len(out) > 0 && (n == "," || gram.Coordinators[n]) && d.listContinues(c, j+1) {
			continue
		}
		if len(out) > 0 || n == "," || !c.toks[j].word || gram.ObjectEnds[n] {
			break
		}
	}
	return out, end
}

// mentionOf returns the first mention of e at or after token j.
func (d *doc) mentionOf(si, j int, e *entity) *mention {
	for ; j < len(d.sents[si].tokens); j++ {
		if m := d.mentionAt(si, j); m != nil && m.ent == e {
			return m
		}
	}
	return nil
}

// guest returns the person a hosting verb at k names as its guest, and
// the token after the guest's name: "received visiting Turkish Foreign
// Minister Hakan Fidan", "received a delegation led by Marko Djuric".
func (d *doc) guest(c *clause, k int) (*entity, int) {
	for j := k + 1; j < c.end && j < k+10; j++ {
		if m := d.mentionAt(c.si, j); m != nil {
			switch {
			case m.ent.typ == model.Person:
				return m.ent, m.tj
			case m.how == byDemonym:
				j = m.tj - 1 // "visiting Turkish Foreign Minister …"
				continue
			case m.ent.typ == model.Country && d.personAfter(c.si, m.tj, 6) != nil:
				j = m.tj - 1 // "received US President Joe Biden" (EV-HOST-14)
				continue
			}
			return nil, 0
		}
		n := c.toks[j].norm
		if gram.Delegations[n] && gram.LedBy.at(c.toks, j+1) == 2 {
			if p := d.personAfter(c.si, j+3, 8); p != nil {
				return p, j + 3
			}
			return nil, 0
		}
		if n == "," || !c.toks[j].word || gram.ObjectEnds[n] {
			return nil, 0
		}
	}
	return nil, 0
}

// ceremony reads "a banquet hosted by X in honour of Y", "X gave a
// reception for a delegation led by Y", "a dinner for Y hosted by X".
func (k *meetingKind) ceremony(d *doc, c *clause, ev *event) bool {
	toks, j0 := c.toks, c.k
	var host, guest *entity
	for v := j0 - 1; v >= c.start && v >= j0-6; v-- {
		if k.HostVerbs[toks[v].norm] || gram.LightVerbs[toks[v].norm] {
			host = d.subject(c, v) // "Naruhito hosted a state banquet"
			break
		}
		if !toks[v].word || d.mentionAt(c.si, v) != nil {
			break
		}
	}
	for j := j0 + 1; j < c.end && j < j0+14; j++ {
		n := toks[j].norm
		switch {
		case host == nil && gram.Agent[n] && k.HostVerbs[c.norm(j-1)]:
			host = d.actorRightAfter(c, j+1)
			if host == nil {
				host = d.personAfter(c.si, j+1, 6)
			}
		case guest == nil && k.HonourOf.at(toks, j) > 0:
			guest, _ = d.guest(c, j+k.HonourOf.at(toks, j)-1)
		case guest == nil && gram.PossessivePronouns[n] != "" && k.Honour[c.norm(j+1)]:
			// "in her honour"
			guest = d.resolvePronoun(c.si, toks[j].start, gram.PossessivePronouns[n])
		}
	}
	if host == nil || guest == nil || host == guest {
		return false
	}
	ev.participants = []*entity{host, guest}
	return true
}

// separate: "held separate talks with her counterparts from A, B and C",
// "met separately with A and with B" are one meeting with each.
func (k *meetingKind) separate(d *doc, c *clause, ev *event) {
	sep := false
	for j := max(c.start, c.k-3); j < min(c.end, c.k+3); j++ {
		sep = sep || k.Separate[c.toks[j].norm] && (j < c.k || d.mentionAt(c.si, j-1) == nil)
	}
	if !sep || len(ev.participants) < 3 {
		return
	}
	doer := ev.participants[0]
	if s := d.subject(c, c.k); s != nil && containsEntity(ev.participants, s) {
		doer = s
	}
	var others []*entity
	for _, p := range ev.participants {
		if p != doer {
			others = append(others, p)
		}
	}
	ev.participants = []*entity{doer, others[0]}
	for _, o := range others[1:] {
		ev.also = append(ev.also, &event{typ: ev.typ, participants: []*entity{doer, o}})
	}
}

// meetingWord checks the words that make a meeting only in context: "Xi
// will host Macron" (not "hosted a conference"), "held a dialogue", "a
// courtesy call on" (a phone call is not a meeting).
func (k *meetingKind) meetingWord(d *doc, c *clause) bool {
	toks, j := c.toks, c.k
	switch {
	case c.tr.has(senseHeld):
		for i := j - 1; i >= 0 && i >= j-12; i-- {
			switch n := toks[i].norm; {
			case gram.LightVerbs[n] || k.HeldBy[n]:
				return true
			case k.NotHeld[n] || n == "," || n == ";" || n == ".":
				return false
			}
		}
		return false
	case c.tr.has(senseCourtesy):
		return k.Courtesy[c.norm(j-1)] || gram.Upon[c.norm(j+1)] && k.PaidCall[c.norm(j-2)]
	case c.tr.has(senseCallOn):
		return k.calledOn(d, c)
	}
	return true
}

// sessionOfBody: "a meeting of its National Security Council" is a body's
// own session, not a meeting between parties; a summit of a bloc ("the
// summit of ECOWAS") is a meeting of its members.
func (d *doc) sessionOfBody(c *clause) bool {
	j := c.k
	if !gram.Genitive[c.norm(j+1)] {
		return false
	}
	for _, i := range []int{j + 2, j + 3} {
		if m := d.mentionAt(c.si, i); m != nil && m.ent.typ == model.Organization && !gram.Blocs[m.ent.kind] {
			return true
		}
	}
	return false
}

// same: talks with the foreign minister and a call on the president are
// two meetings, though between the same two countries; so are meetings at
// two named places.
func (k *meetingKind) same(d *doc, a, b *event) bool {
	if a.place != nil && b.place != nil && a.place != b.place && a.place.typ == model.Place && b.place.typ == model.Place {
		return false // "a meeting in Antalya in March and talks in Istanbul later that month"
	}
	pa, pb := persons(a.participants), persons(b.participants)
	if len(pa) >= 2 && len(pb) >= 2 && !subset(pa, pb) && !subset(pb, pa) {
		return false
	}
	return d.sameParties(a, b)
}

// planned meetings are intents to meet.
func (k *meetingKind) code(ev *event) string {
	if ev.status == model.Planned {
		return "036"
	}
	return k.cameo
}

// titleAfterPossessive: a title follows the possessive at token j, past
// adjectives ("Oman's foreign minister", "Russia's top diplomat").
func (d *doc) titleAfterPossessive(c *clause, j int) bool {
	for i := j; i < c.end && i <= j+3; i++ {
		if d.titleAt(c.si, i, c.end) > 0 || gram.PluralParties[c.toks[i].norm] {
			return true
		}
		if !c.toks[i].word {
			return false
		}
	}
	return false
}

// journeyTalks: a meeting noun that is the purpose of a journey to a place
// ("next week I will go to Moscow for talks on security matters", "flew
// to Doha for talks"), with no "with" or "between" naming its sides: the
// sides are the traveller and the state of the place, not whoever else the
// clause names ("I spoke with Borrell and conveyed a message to the
// Ukrainian side that …") (EV-NOT-10).
func (k *meetingKind) journeyTalks(d *doc, c *clause, ev *event) bool {
	toks := c.toks
	if c.k < 4 || !cue.Purpose[toks[c.k-1].norm] {
		return false
	}
	for j := c.k + 1; j < c.end && j <= c.k+3; j++ {
		if gram.Comitative[toks[j].norm] {
			return false
		}
	}
	for j := c.k - 2; j > c.start && j >= c.k-8; j-- {
		n := toks[j].norm
		if n == "," || n == ";" {
			return false
		}
		m := d.mentionEndingAt(c.si, j+1)
		if m == nil || m.ti < 2 || toks[m.ti-1].norm != "to" || m.ent.typ != model.Place && m.ent.typ != model.Country {
			continue
		}
		dest := d.stateOf(m.ent)
		if dest == nil && m.ent.typ == model.Place {
			dest = d.capitalOf(m.ent, c, c.k) // a capital whose state the text does not name ("to Nairobi")
		}
		for v := m.ti - 2; v >= c.start && v >= m.ti-4; v-- {
			if !k.Journey[toks[v].norm] {
				continue
			}
			traveller := d.subject(c, v)
			for i := v - 1; traveller == nil && i >= c.start && i >= v-3; i-- {
				if k.FirstPerson[toks[i].norm] {
					traveller, _ = d.claimant(toks[i].start) // "I will go to Moscow for talks," the minister said
				}
			}
			if traveller == nil || dest == nil || dest.typ != model.Country || d.stateOf(traveller) == dest {
				return false
			}
			ev.participants = []*entity{traveller, dest}
			return true
		}
		return false
	}
	return false
}
