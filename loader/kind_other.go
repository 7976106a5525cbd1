package loader

import "github.com/geokg/geokg/model"

// Other: discrete diplomatic acts — protests (CAMEO 11), reductions and
// restorations of relations (16, 05), expulsions and withdrawals of envoys
// and troops, cancelled deals, recognition, prisoner exchanges. "Latvia
// expelled Belarusian diplomats", "Mali gave France's ambassador 72 hours
// to leave", "the deal, which Canberra scrapped". The act is the trigger's
// sense (lexicon/triggers.tsv); the actor is the subject, the other side
// follows "with", "from" or the object.
type otherKind struct {
	kindBase
	// Objects make a verb a diplomatic act of its own: "lodged a protest",
	// "severed relations", "revoked an agreement", "expelled diplomats".
	Objects wordSet
	// Prisoners: a swap of these is a prisoner exchange.
	Prisoners wordSet
	// OtherSide are the prepositions before the other side ("ties with").
	OtherSide wordSet
	// Envoys are told to leave; TellVerbs tell them ("gave the ambassador
	// 72 hours to leave", "ordered the envoy to leave").
	Envoys, TellVerbs wordSet
	// Again marks an act that repeats one told before ("also recalled its envoy").
	Again wordSet
	// SwitchTo: "switched recognition from Taipei to Beijing" names the
	// side switched to, a third participant.
	SwitchTo wordSet
	// Leaving acts done to Pacts ("withdrew from the accord", "suspended
	// its participation in the treaty") have the pact's other party as
	// their other side (leftPact).
	Leaving, Pacts wordSet
	// Mutual acts are done by two states together: "Iran and Bahrain
	// severed ties in 2016" is one act of both, with no "with" side.
	// MutualUnnamed acts are, when no other side is named: "the two
	// countries expelled ambassadors" (each the other's).
	Mutual, MutualUnnamed wordSet
	// Causes open the act's reason, where its other side is not sought
	// ("expelled ambassadors over the killing of 60 Palestinians").
	Causes wordSet
	// HostActs are done to an envoy by the state he is Posted to: "Peru's
	// ambassador to Bolivia was expelled" is Bolivia's act.
	HostActs, Posted wordSet
	// OwnActs are done to an envoy by the state he serves: "Syria's
	// ambassador to Kuwait was recalled" is Syria's act, Kuwait its other side.
	OwnActs wordSet
	// EnvoyOf names the envoy's state after the envoy word: "the
	// ambassadors of Libya and Tunisia".
	EnvoyOf wordSet
}

// Senses of Other triggers, after the act (lexicon/triggers.tsv).
const (
	senseBare       = "bare"        // an act without an object ("protested", "the expulsion of")
	senseActorAfter = "actor-after" // an act only with its object named ("recognized Kosovo")
	senseLeave      = "leave"       // "told to leave": the expulsion of an envoy
	senseExchange   = "exchange"    // a swap, with sides rather than an actor
	senseUndo       = "undo"        // may follow its object: "the deal, which Canberra scrapped"
	senseSuit       = "suit"        // "followed suit": the act told just before, by another actor
	senseSwitch     = "switch"      // "switched recognition from A to B": B is a party too
	senseEnvoy      = "envoy"       // a state doing it to a person named right after it acts on its envoy ("Moscow recalled Antonov")
	sensePact       = "pact"        // only when a pact is left: "its withdrawal from the accord"
	actCoup         = "coup"        // a seizure of power: the country, and the leader of the coup when named
)

func init() {
	registerKind(&otherKind{kindBase: kindBase{typ: model.OtherEvent, cameo: "", alone: 1}})
}

func (k *otherKind) read(d *doc, c *clause, ev *event) bool {
	toks, j0 := c.toks, c.k
	ev.act = c.tr.act()
	if ev.act == actCoup {
		return k.coup(d, c, ev)
	}
	if c.tr.has(senseSuit) {
		return k.followSuit(d, c, ev)
	}
	found := c.tr.has(senseBare) || c.tr.has(senseActorAfter) && d.actorRightAfter(c, j0+1) != nil ||
		c.tr.has(senseExchange) && k.Prisoners[c.norm(j0-1)]
	for j := j0 + 1; j < c.end && j < j0+8 && !found; j++ {
		found = k.Objects[toks[j].norm]
	}
	// "the submarine deal, which Canberra scrapped": the object came first.
	relative := false
	for j := max(c.start, j0-14); j < j0 && !found; j++ {
		if k.Objects[toks[j].norm] && c.tr.has(senseUndo) {
			found, relative = true, true
		}
	}
	envoy := k.envoyObject(d, c)
	found = found || envoy != nil
	if c.tr.has(sensePact) && !k.pactNamed(c) {
		return false // "the withdrawal of US troops" is told by its verb; "its withdrawal from the treaty" leaves a pact
	}
	if c.tr.has(senseLeave) {
		ps, more := k.expulsion(d, c)
		ev.participants = ps
		k.alsoSides(ev, more)
		return len(ev.participants) == 2
	}
	if ps, more := k.passiveExpulsion(d, c); ps != nil {
		ev.participants = ps
		k.alsoSides(ev, more)
		return true
	}
	if !found {
		return false
	}
	if c.tr.has(senseExchange) {
		// A prisoner swap has sides, not an actor: the states named around
		// it ("US citizens held in Iran … a prisoner exchange mediated by Qatar").
		for j := c.start; j < min(c.end, j0+6); j++ {
			if m := d.mentionAt(c.si, j); m != nil {
				if cn := d.stateOf(m.ent); cn != nil && cn.typ == model.Country {
					ev.participants = append(ev.participants, cn)
				}
				j = m.tj - 1
			}
		}
		ev.participants = uniqueEntities(ev.participants)
		return len(ev.participants) >= 2
	}
	var actor *entity
	var more []*entity // "Saudi Arabia, Bahrain and Egypt cut ties with Qatar": one act each
	if c.noun {
		actor = d.nounAgent(c, j0)
	} else if es := d.subjects(c, j0); len(es) > 0 {
		actor, more = es[0], es[1:]
	}
	if actor == nil {
		return false
	}
	actor = d.stateOf(actor)
	for j := j0 + 1; j < c.end; j++ {
		if gram.Reciprocal.at(toks, j) > 0 {
			// "Moldova and Russia expelled each other's attachés": one act each.
			var states []*entity
			for _, s := range d.subjects(c, j0) {
				if st := d.stateOf(s); st != nil && st.typ == model.Country {
					states = append(states, st)
				}
			}
			if states = uniqueEntities(states); len(states) == 2 {
				ev.participants = states
				ev.also = []*event{{typ: ev.typ, act: ev.act, participants: []*entity{states[1], states[0]}}}
				return true
			}
		}
	}
	if c.tr.has(senseSwitch) {
		return k.switched(d, c, ev, actor)
	}
	var other *entity
	otherAt := -1 // where the other side is named after an envoy word: more sides may be listed after it
	for j := j0 + 1; j < c.end && other == nil && !k.Causes[toks[j].norm]; j++ {
		if k.OtherSide[toks[j].norm] {
			other = d.actorRightAfter(c, j+1)
			if j > j0+1 && k.Envoys[toks[j-1].norm] {
				otherAt = j + 1 // "the ambassadors of Peru and Bolivia", "its envoys to Chile and Peru"
			}
		}
		if m := d.mentionAt(c.si, j); m != nil && other == nil && m.ent.typ == model.Country && m.ent != actor &&
			(m.how != byDemonym || k.modifiesObject(c, m.tj)) {
			other = m.ent
		}
		// "to expel Moscow envoys", "Moscow's ambassador": a capital before
		// the envoy word stands for its state (EV-RUPT-21).
		if m := d.mentionAt(c.si, j); m != nil && other == nil && m.ent.typ == model.Place && m.ti == j {
			at := m.tj
			if at < c.end && toks[at].norm == "'s" {
				at++
			}
			if at < c.end && k.Envoys[toks[at].norm] {
				if s := d.stateOf(m.ent); s != nil && s.typ == model.Country && s != actor {
					other = s
				}
			}
		}
		// "expelled Pakistani military advisers": a state's body named by description
		if m := d.mentionAt(c.si, j); m != nil && other == nil && m.ent.typ == model.Organization && m.ent.generic && k.modifiesObject(c, m.tj) {
			if cn := d.stateOf(m.ent); cn != nil && cn.typ == model.Country && cn != actor {
				other = cn
			}
		}
	}
	for j := max(c.start, j0-16); j < j0 && (other == nil || other == actor) && relative; j++ {
		if m := d.mentionAt(c.si, j); m != nil && m.ent.typ == model.Country && m.ent != actor {
			other = m.ent
		}
	}
	if other == nil && k.again(c) {
		// "The UAE also recalled its envoy": the other side of the same act
		// told just before.
		if last := k.lastAct(d, c, ev.act); last != nil {
			other = last.participants[1]
		}
	}
	if (other == nil || other == actor) && k.Leaving[ev.act] {
		other = k.leftPact(d, c, actor)
	}
	if envoy != nil && (other == nil || other == actor) {
		// "Moscow recalled Antonov": the state and its envoy; the post he
		// leaves is named only when the clause names it ("from Washington").
		if actor == nil || actor == envoy {
			return false
		}
		ev.participants = []*entity{actor, envoy}
		return true
	}
	if k.Mutual[ev.act] && !c.noun && !gram.Infinitive[c.norm(c.k-1)] && !k.withSide(c) && k.mutual(d, c, ev) {
		return true
	}
	if (other == nil || other == actor) && k.MutualUnnamed[ev.act] && !c.noun && k.mutual(d, c, ev) {
		return true
	}
	if other == nil || other == actor {
		return false
	}
	// "reopened its embassy in Damascus": Syria, when the article names it
	// (a capital may stand for a bloc too: "its envoy to Brussels").
	if other = d.stateOf(other); other == nil || other == actor {
		return false
	}
	ev.participants = uniqueEntities([]*entity{actor, other, envoy})
	if otherAt >= 0 && envoy == nil {
		// "expelled the ambassadors of Peru and Bolivia": one act each.
		k.alsoSides(ev, d.listedAfter(c, otherAt, actor, other))
	}
	for _, m := range more {
		if m = d.stateOf(m); m != nil && m.typ == model.Country && m != actor && m != other {
			ev.also = append(ev.also, &event{typ: ev.typ, act: ev.act, participants: []*entity{m, other}})
		}
	}
	return len(ev.participants) >= 2
}

// leftPact reads "Russia suspended its participation in New START, the
// treaty limiting the arsenals of Russia and the United States", "the
// United States withdrew from the deal" (told before as signed with Iran):
// the other side of leaving a pact is a state named, not by demonym, in
// the rest of the sentence (the pact described), else the actor's partner
// in the article's last agreement.
func (k *otherKind) leftPact(d *doc, c *clause, actor *entity) *entity {
	if !k.pactNamed(c) || actor == nil {
		return nil
	}
	for j := c.k + 1; j < len(c.toks); j++ {
		if m := d.mentionAt(c.si, j); m != nil {
			venue := m.ti > 0 && gram.Locatives[c.toks[m.ti-1].norm] // "… Rallies Allies In Warsaw": where, not the pact's party
			if s := d.stateOf(m.ent); s != nil && s.typ == model.Country && s != actor && m.how != byDemonym && !venue {
				return s
			}
			j = m.tj - 1
		}
	}
	var other *entity
	d.lastEvent(c.si, c.si, func(e *event) bool {
		if e.typ != model.Agreement || !containsEntity(e.participants, actor) {
			return false
		}
		for _, p := range e.participants {
			if s := d.stateOf(p); s != nil && s.typ == model.Country && s != actor {
				other = s
				return true
			}
		}
		return false
	})
	return other
}

// pactNamed: a pact follows the act within a few words ("withdrew from
// the 2015 accord", "suspended its participation in").
func (k *otherKind) pactNamed(c *clause) bool {
	for j := c.k + 1; j < c.end && j < c.k+8; j++ {
		if k.Pacts[c.toks[j].norm] {
			return true
		}
	}
	return false
}

// envoyObject reads "Moscow recalled Antonov", "Russia recalled
// Ambassador Anatoly Antonov": a person named right after a verb whose
// trigger row has the sense "envoy", done by a state (not a person: "Putin
// recalled Gorbachev" is memory), is the state's envoy.
func (k *otherKind) envoyObject(d *doc, c *clause) *entity {
	if c.noun || !c.tr.has(senseEnvoy) {
		return nil
	}
	j := c.k + 1
	for j < c.end && j < c.k+3 && (gram.Determiners[c.toks[j].norm] || k.Envoys[c.toks[j].norm]) {
		j++ // "recalled its ambassador Anatoly Antonov", "Ambassador Anatoly Antonov"
	}
	m := d.mentionAt(c.si, j)
	if m == nil || m.ent.typ != model.Person {
		return nil
	}
	s := d.subject(c, c.k)
	if s == nil || s.typ == model.Person {
		return nil
	}
	return m.ent
}

// again: "also", "too", "likewise" in the clause: the act repeats one told before.
func (k *otherKind) again(c *clause) bool {
	for j := c.start; j < c.end; j++ {
		if k.Again[c.toks[j].norm] {
			return true
		}
	}
	return false
}

// lastAct returns the latest act of the article, of the given kind of act
// (any when act is ""), told in the last few sentences, with two sides.
func (k *otherKind) lastAct(d *doc, c *clause, act string) *event {
	for i := len(d.events) - 1; i >= 0; i-- {
		e := d.events[i]
		if e.lastSent < c.si-3 {
			break
		}
		if e.typ == k.typ && (act == "" || e.act == act) && len(e.participants) == 2 && e.participants[1].typ != model.Person && e.status != model.Denied {
			return e
		}
	}
	return nil
}

// followSuit reads "Mali followed suit", "Niger did the same": the subject
// does the act told just before, to the same other side.
func (k *otherKind) followSuit(d *doc, c *clause, ev *event) bool {
	last := k.lastAct(d, c, "")
	if last == nil {
		return false
	}
	var actors []*entity
	for _, s := range d.subjects(c, c.k) {
		if s = d.stateOf(s); s != nil && s.typ == model.Country && s != last.participants[1] && s != last.participants[0] {
			actors = append(actors, s)
		}
	}
	if len(actors) == 0 {
		return false
	}
	ev.act, ev.participants = last.act, []*entity{actors[0], last.participants[1]}
	for _, a := range actors[1:] {
		ev.also = append(ev.also, &event{typ: ev.typ, act: last.act, participants: []*entity{a, last.participants[1]}})
	}
	return true
}

// modifiesObject: the words from j are an object of a diplomatic act
// ("Pakistani military advisers").
func (k *otherKind) modifiesObject(c *clause, j int) bool {
	for x := j; x < len(c.toks) && x < j+3; x++ {
		if k.Objects[c.toks[x].norm] {
			return true
		}
	}
	return false
}

// expulsion reads "Mali gave France's ambassador 72 hours to leave": the
// expelling state is the subject, the other the one whose envoy is told to
// go ("France's ambassador", "the French envoy", "the EU delegation", "the
// ambassadors of Libya and Tunisia": more states listed give one act each).
func (k *otherKind) expulsion(d *doc, c *clause) ([]*entity, []*entity) {
	toks, j0, cs := c.toks, c.k, c.start
	for j := max(cs, j0-16); j < j0; j++ {
		if !k.Envoys[toks[j].norm] {
			continue
		}
		var of *entity
		var more []*entity
		ti := j
		if m := d.mentionEndingAt(c.si, j); m != nil && (m.ent.typ == model.Country || m.ent.typ == model.Organization) {
			of, ti = m.ent, m.ti
		} else if j+1 < j0 && k.EnvoyOf[toks[j+1].norm] {
			// "the ambassadors of Libya and Tunisia"
			if of = d.stateOf(d.actorRightAfter(c, j+2)); of != nil && of.typ == model.Country {
				more = d.listedAfter(c, j+2, nil, of)
			} else {
				of = nil
			}
		}
		if of == nil {
			continue
		}
		// The expeller does the verb before the envoy ("Minsk recalled …,
		// and invited the head of the EU delegation … to leave").
		v := ti
		for v > cs && !k.TellVerbs[toks[v].norm] {
			v--
		}
		var from *entity
		if v > cs && gram.Coordinators[toks[v-1].norm] {
			if es := d.clauseSubject(c, v); len(es) > 0 {
				from = es[0]
			}
		} else {
			from = d.subject(c, v)
		}
		from = d.stateOf(from)
		if from == nil || from == of {
			return nil, nil
		}
		return []*entity{from, of}, more
	}
	return nil, nil
}

// passiveExpulsion reads "Peru's ambassador to Bolivia was expelled from
// the country", "the Peruvian envoy was kicked out by Bolivia": in the
// passive, the envoy's state is named before the envoy word, and the state
// that acts follows "by", else is the one the envoy is posted to. An act
// the envoy's own state does (OwnActs: "Syrian ambassadors to Kuwait and
// Saudi Arabia have been called back") is that state's, towards each post.
func (k *otherKind) passiveExpulsion(d *doc, c *clause) ([]*entity, []*entity) {
	toks := c.toks
	own := k.OwnActs[c.tr.act()]
	if c.noun || !k.HostActs[c.tr.act()] && !own || !isPassive(toks, c.k) {
		return nil, nil
	}
	var by *entity
	if gram.Agent[c.norm(c.k+1)] && !own {
		by = d.stateOf(d.actorRightAfter(c, c.k+2))
	}
	for j := c.start; j < c.k; j++ {
		if !k.Envoys[toks[j].norm] {
			continue
		}
		m := d.mentionEndingAt(c.si, j)
		if m == nil {
			continue
		}
		of, host := d.stateOf(m.ent), by
		var more []*entity
		if host == nil && j+1 < c.k && k.Posted[toks[j+1].norm] {
			host = d.stateOf(d.actorRightAfter(c, j+2))
			if own {
				more = d.listedAfter(c, j+2, of, host)
			}
		}
		if of == nil || host == nil || of == host || of.typ != model.Country {
			return nil, nil
		}
		if own {
			return []*entity{of, host}, more
		}
		return []*entity{host, of}, nil
	}
	return nil, nil
}

// alsoSides adds, for each further other side, the same act by the same
// actor: "Peru recalled its ambassadors to Chile and Bolivia".
func (k *otherKind) alsoSides(ev *event, more []*entity) {
	if len(ev.participants) != 2 {
		return
	}
	for _, s := range more {
		ev.also = append(ev.also, &event{typ: ev.typ, act: ev.act, participants: []*entity{ev.participants[0], s}})
	}
}

// same: the same act by the same actor, with the same other side.
func (k *otherKind) same(d *doc, a, b *event) bool {
	return a.act == b.act && len(a.participants) > 0 && len(b.participants) > 0 &&
		a.participants[0] == b.participants[0] && subset(a.participants, b.participants) && subset(b.participants, a.participants)
}

// coup reads "the army seized power in Guinea-Bissau", "soldiers ousted
// President X", "Myanmar's military coup": the country whose government
// falls, and the coup's leader when the text names one as its subject.
func (k *otherKind) coup(d *doc, c *clause, ev *event) bool {
	var doer *entity
	if c.noun {
		doer = d.nounAgent(c, c.k)
	} else {
		doer = d.subject(c, c.k)
	}
	var country, leader *entity
	if doer != nil && doer.typ == model.Person {
		leader = doer
	}
	if s := d.stateOf(doer); s != nil && s.typ == model.Country {
		country = s
	}
	if country == nil {
		// "ousted President Roch Kabore": the deposed leader's country
		for _, o := range d.objects(c, c.k+1) {
			if s := d.stateOf(o); s != nil && s.typ == model.Country {
				country = s
				break
			}
		}
	}
	for j := k.coupScope(d, c); j < c.end && country == nil; j++ {
		if m := d.mentionAt(c.si, j); m != nil {
			if s := d.stateOf(m.ent); s != nil && s.typ == model.Country {
				country = s
			}
			j = m.tj - 1
		}
	}
	if country == nil {
		return false
	}
	ev.participants = uniqueEntities([]*entity{country, leader})
	return true
}

// coupScope is where the coup's country may be named: the whole clause,
// except that a coup noun that is the object of a verb ("France condemned
// the coup") does not belong to that verb's subject, which only reacts to
// it; after a copula or preposition ("in what appeared to be a coup") the
// clause is the coup's.
func (k *otherKind) coupScope(d *doc, c *clause) int {
	if !c.noun {
		return c.start
	}
	j := c.k - 1
	for j >= c.start {
		if m := d.mentionAt(c.si, j); m != nil && m.how == byDemonym {
			j = m.ti - 1 // "condemned the Nigerien coup"
			continue
		}
		if !c.toks[j].word || !gram.Determiners[c.toks[j].norm] {
			break
		}
		j--
	}
	if j < c.start || !c.toks[j].word || c.toks[j].cap || gram.PassiveAuxiliaries[c.toks[j].norm] || gram.Prepositions[c.toks[j].norm] {
		return c.start
	}
	// A verb: past ("condemned"), or right after its subject ("France
	// condemns"); not an adjective ("Myanmar's military coup").
	if !pastTense(c.toks[j].norm) && (j == c.start || d.mentionAt(c.si, j-1) == nil || c.toks[j-1].norm == "'s") {
		return c.start
	}
	return j + 1
}

// switched reads "switched recognition from Taipei to Beijing": the actor,
// the side it left and the side it switched to (a capital stands for its
// country).
func (k *otherKind) switched(d *doc, c *clause, ev *event, actor *entity) bool {
	side := func(j int) *entity {
		if m := d.mentionAt(c.si, j); m != nil && m.ti == j && m.ent.typ == model.Place {
			return d.capitalOf(m.ent, c, j-1)
		}
		return d.stateOf(d.actorRightAfter(c, j))
	}
	var from, to *entity
	for j := c.k + 1; j+1 < c.end; j++ {
		switch n := c.toks[j].norm; {
		case k.SwitchTo[n] && to == nil:
			to = side(j + 1)
		case k.OtherSide[n] && from == nil:
			from = side(j + 1)
		}
	}
	if from == nil || to == nil || from == to || actor == from || actor == to {
		return false
	}
	ev.participants = []*entity{actor, from, to}
	return true
}

// withSide: "with" follows the act in its clause ("cut ties with Qatar").
func (k *otherKind) withSide(c *clause) bool {
	for j := c.k + 1; j < c.end; j++ {
		if gram.Comitative[c.toks[j].norm] {
			return true
		}
	}
	return false
}

// mutual reads "Iran and Bahrain severed ties in 2016", "the two
// countries restored relations under a deal brokered by China": an act
// two subject states do together, with no "with" side, is one act of the
// two (a state named later in the clause is no side); "agreed to work to
// restore relations" is an aim (an infinitive), not the act.
func (k *otherKind) mutual(d *doc, c *clause, ev *event) bool {
	var states []*entity
	for _, s := range d.subjects(c, c.k) {
		if st := d.stateOf(s); st != nil && st.typ == model.Country {
			states = append(states, st)
		}
	}
	if states = uniqueEntities(states); len(states) != 2 {
		return false
	}
	ev.participants = states
	return true
}
