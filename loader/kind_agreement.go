package loader

import "github.com/geokg/geokg/model"

// Agreement: a pact, deal, joint statement or ceasefire is agreed (CAMEO
// 057 sign formal agreement). "X and Y signed a defense pact", "X agreed
// to a ceasefire", "an agreement between X and Y", "the framework
// agreement had been signed by A and B".
type agreementKind struct {
	kindBase
	// Documents are what is signed ("signed a treaty"); JointDocuments
	// only after "joint" ("a joint statement").
	Documents, JointDocuments, Joint wordSet
	// Sealing verbs state that a document was agreed ("signed the pact",
	// "the deal, reached in May").
	Sealing wordSet
	// Hypothetical: before an agreement noun, no agreement of its own
	// ("such an agreement", "any deal").
	Hypothetical wordSet
	// VagueAims after "agreed to" state a stance, not an accord ("agreed to
	// support a ceasefire", "agreed to deepen ties": vague cooperation).
	VagueAims wordSet
	// JointWork are aims after "to" that make weapons named after them a
	// joint project, not an order ("to develop a missile system").
	JointWork wordSet
	// That opens what is agreed: "agreed that sanctions would stay".
	That wordSet
	// JointAdverbs may stand before the aim ("to jointly develop").
	JointAdverbs wordSet
}

// senseObject: the verb states an agreement only with a document as its
// object ("signed a treaty", not "signed off").
const senseObject = "object"

// senseSealed: the noun is an agreement only when a verb seals it ("signed
// the pact", "the deal, signed in Hanoi") or it names one already told
// ("under the deal"): "a deal" alone is often only wanted or discussed.
const senseSealed = "sealed"

func init() {
	registerKind(&agreementKind{kindBase: kindBase{typ: model.Agreement, cameo: "057", deniable: true, alone: 2}})
}

func (k *agreementKind) read(d *doc, c *clause, ev *event) bool {
	toks, j0 := c.toks, c.k
	for j := j0 + 1; j+1 < len(toks) && j <= j0+6; j++ {
		if !gram.Infinitive[toks[j].norm] {
			continue
		}
		if tr, ok := triggers[toks[j+1].norm]; ok && isTransfer(tr) && len(d.items(c, j+1, c.end)) > 0 {
			return false // "agreed to provide missiles", "agreed during a call to allow aid": the transfer is the event
		}
		if !c.noun && !c.tr.has(senseObject) && k.VagueAims[toks[j+1].norm] {
			return false // "agreed to support a ceasefire": a stance
		}
		for i := j + 1; i < c.end && i <= j+4; i++ {
			if tr, ok := triggers[toks[i].norm]; ok && tr.kinds[0].base().typ == model.Sanction {
				return false // "the EU agreed to freeze assets", "to impose new sanctions": the sanction is the event
			}
		}
		break
	}
	switch {
	case c.tr.has(senseObject):
		// "signed a treaty"; passive, "the documents were signed"
		if !k.document(c, j0+1, min(c.end, j0+8)) && !k.signedDocuments(c) {
			return false
		}
		if d.itemsIn(c, j0+1, c.end, itemArms) && !k.jointWork(d, c) {
			return false // "signed a contract to buy K2 tanks": the deal is an arms transfer
		}
	case c.tr.noun:
		if k.armsDeal(d, c) {
			return false // "under a deal struck in July, Warsaw agreed to buy 1,000 tanks": the deal is the transfer
		}
		// "revoked a military co-operation agreement": the act is the event.
		for j := j0 - 1; j >= c.start && j >= j0-6; j-- {
			if tr, ok := triggers[toks[j].norm]; ok && !tr.noun && tr.kinds[0].base().typ == model.OtherEvent {
				return false
			}
			if !toks[j].word && toks[j].norm != "-" {
				break
			}
		}
	}
	if c.noun && (k.Hypothetical[c.norm(j0-1)] || gram.Determiners[c.norm(j0-1)] && k.Hypothetical[c.norm(j0-2)]) {
		// "saw no need for such an agreement", "any deal": no agreement
		// of its own; it may name one already told.
		ev.participants = d.parties(c)
		return len(ev.participants) > 0 && d.knownEvent(ev)
	}
	if c.tr.has(senseSealed) && !k.sealed(d, c) {
		ev.participants = d.parties(c)
		return len(ev.participants) > 0 && d.knownEvent(ev)
	}
	ev.participants = d.parties(c)
	if !c.noun && cue.Agree[toks[j0].norm] && k.thatFollows(c) {
		// "EU leaders agreed in March that sanctions on Russia would stay":
		// what is agreed is told in the clause; its parties are the
		// subjects alone, and one body's decision is no accord.
		var subs []*entity
		for _, s := range d.subjects(c, j0) {
			subs = append(subs, d.stateOf(s))
		}
		if gram.Comitative[c.norm(j0+1)] {
			subs = append(subs, d.stateOf(d.actorRightAfter(c, j0+2))) // "agreed with Ukraine that"
		}
		if ev.participants = uniqueEntities(subs); len(ev.participants) < 2 {
			return false
		}
	}
	if k.contractOfTransfer(d, c, ev) {
		return false // "India signed an agreement with France to buy 36 jets. … signed the agreement in Delhi": the purchase's contract
	}
	seal := -1
	if !c.noun && isPassive(toks, j0) {
		seal = j0
	} else if c.noun {
		seal = k.passiveSeal(c)
	}
	if seal >= 0 {
		// "the framework agreement had been signed by Wang Yi and Jeremiah
		// Manele", "the deal was signed on Friday in Algiers by A and B"
		for j := seal + 1; j < c.end && j < seal+12 && toks[j].norm != ","; j++ {
			if gram.Agent[toks[j].norm] {
				ev.participants = uniqueEntities(append(ev.participants, d.objects(c, j+1)...))
				break
			}
		}
	}
	if seal >= 0 && len(ev.participants) < 2 {
		// "The documents were signed on the first day of Japarov's visit
		// to Turkmenistan": signed by the sides of the visit just told.
		if sides := d.lastMeetingSides(c.si, 2); sides != nil {
			ev.participants = uniqueEntities(append(ev.participants, sides...))
		}
	}
	if !c.noun && len(ev.participants) < 2 {
		// "The United States has agreed to withdraw its troops from Niger":
		// the other party is the one the agreement is about.
		for _, o := range d.objects(c, j0+1) {
			if o.typ == model.Country && !containsEntity(ev.participants, o) {
				ev.participants = append(ev.participants, o)
				break
			}
		}
		if len(ev.participants) < 2 {
			for j := j0 + 1; j < c.end; j++ {
				if m := d.mentionAt(c.si, j); m != nil && m.ent.typ == model.Country && m.how != byDemonym && !containsEntity(ev.participants, m.ent) {
					ev.participants = append(ev.participants, m.ent)
					break
				}
			}
		}
	}
	return len(ev.participants) >= 2 || d.knownEvent(ev) && len(ev.participants) > 0
}

// jointWork: the weapons come after an aim that neither buys nor sells
// them ("signed a letter of intent to develop an anti-ballistic missile
// system", "to jointly produce drones"): the signing is an agreement, not
// an order.
func (k *agreementKind) jointWork(d *doc, c *clause) bool {
	for j := c.k + 1; j+1 < c.end; j++ {
		if !gram.Infinitive[c.toks[j].norm] {
			continue
		}
		x := j + 1
		for x < c.end && k.JointAdverbs[c.toks[x].norm] {
			x++
		}
		if x >= c.end || d.itemsIn(c, c.k+1, j, itemArms) || !k.JointWork[c.toks[x].norm] {
			return false
		}
		return true
	}
	return false
}

// thatFollows: "that" follows the verb, perhaps after a time phrase or
// the other party ("agreed in March that", "agreed with Kyiv that").
func (k *agreementKind) thatFollows(c *clause) bool {
	for j := c.k + 1; j < len(c.toks) && j <= c.k+5; j++ {
		if k.That[c.toks[j].norm] {
			return true
		}
		if !c.toks[j].word && phraseStop(c, j) {
			return false
		}
	}
	return false
}

// phraseStop: token j is punctuation that ends the verb's phrase (a comma or a
// stop; not the hyphen or apostrophe inside a name).
func phraseStop(c *clause, j int) bool {
	n := c.toks[j].norm
	return n == "," || n == "." || n == ";" || n == ":"
}

// document: "signed an agreement", "sign a treaty", "issued a joint statement".
func (k *agreementKind) document(c *clause, i, j int) bool {
	for x := i; x < j; x++ {
		if k.Documents[c.toks[x].norm] || k.JointDocuments[c.toks[x].norm] && x > i && k.Joint[c.toks[x-1].norm] {
			return true
		}
	}
	return false
}

// signedDocuments reads the passive "13 cooperation documents were signed":
// a document that is no trigger of its own ("the agreement was reached" is
// read from its noun), signed, not to be signed ("contracts were due to be
// signed" names no parties).
func (k *agreementKind) signedDocuments(c *clause) bool {
	j0 := c.k
	if !isPassive(c.toks, j0) || gram.Infinitive[c.norm(j0-2)] {
		return false
	}
	for x := max(c.start, j0-6); x < j0; x++ {
		if _, trigger := triggers[c.toks[x].norm]; k.Documents[c.toks[x].norm] && !trigger {
			return true
		}
	}
	return false
}

func (k *agreementKind) same(d *doc, a, b *event) bool {
	return d.sameParties(a, b) || d.sameOfficialStates(a, b)
}

// sameOfficialStates: officials sign for their states, so "the agreement
// had been signed by Chinese Foreign Minister Wang Yi and his Solomon
// Islands counterpart" is the agreement China and the Solomon Islands
// signed: the same two or more states (a pact of two is not the pact of
// three that includes them).
func (d *doc) sameOfficialStates(a, b *event) bool {
	states := func(es []*entity) []*entity {
		var out []*entity
		for _, e := range es {
			if e.typ == model.Person && e.role == "" || e.kind == orgCompany {
				continue // a company's deal is its own ("Rosneft and Indian Oil signed")
			}
			if s := d.stateOf(e); s != nil && s.typ == model.Country {
				out = append(out, s)
			}
		}
		return uniqueEntities(out)
	}
	sa, sb := states(a.participants), states(b.participants)
	return len(sa) >= 2 && len(sa) == len(sb) && subset(sa, sb)
}

// sealed: a verb states that the document was agreed: the verb governing
// it ("signed the pact") or a participle after it ("the deal, signed in Hanoi").
func (k *agreementKind) sealed(d *doc, c *clause) bool {
	for j := c.k - 1; j >= c.start && j >= c.k-5; j-- {
		if k.Sealing[c.toks[j].norm] {
			return true
		}
		if !c.toks[j].word && c.toks[j].norm != "-" {
			break
		}
	}
	return k.Sealing[c.norm(c.k+1)] || c.norm(c.k+1) == "," && k.Sealing[c.norm(c.k+2)] || k.passiveSeal(c) >= 0
}

// passiveSeal returns the sealing verb of a passive after the noun ("the
// deal was signed", "the accord had been initialled"), or -1.
func (k *agreementKind) passiveSeal(c *clause) int {
	j := c.k + 1
	aux := 0
	for j < c.end && aux < 3 && (gram.PassiveAuxiliaries[c.norm(j)] || gram.PerfectAuxiliaries[c.norm(j)]) {
		j, aux = j+1, aux+1
	}
	if aux > 0 && j < c.end && k.Sealing[c.norm(j)] {
		return j
	}
	return -1
}

// contractOfTransfer: a definite document ("signed the agreement",
// "Friday's deal") whose parties are the two sides of an arms purchase
// told in the sentences just before is that purchase's contract, named
// again, not an agreement of its own.
func (k *agreementKind) contractOfTransfer(d *doc, c *clause, ev *event) bool {
	doc := c.k
	if !c.noun {
		for doc = c.k + 1; doc < c.end && doc < c.k+4 && !k.Documents[c.norm(doc)]; doc++ {
		}
	}
	if doc >= c.end || !k.Documents[c.norm(doc)] || doc == 0 || !gram.Anaphoric[c.norm(doc-1)] && c.norm(doc-1) != "'s" {
		return false
	}
	var states []*entity
	for _, p := range ev.participants {
		if s := d.stateOf(p); s != nil && s.typ == model.Country {
			states = append(states, s)
		}
	}
	states = uniqueEntities(states)
	return len(states) == 2 && d.lastEvent(c.si, 3, func(e *event) bool {
		return e.typ == model.ArmsTransfer && e.status == model.Planned && e.supplier != nil && e.recipient != nil &&
			containsEntity(states, d.stateOf(e.supplier)) && containsEntity(states, d.stateOf(e.recipient))
	}) != nil
}

// armsDeal: weapons named right before the deal noun, or the deal noun
// opens a sentence whose clause buys or sells arms ("Under a deal struck in July, Warsaw agreed to buy 1,000 K2
// tanks"): the deal is that transfer's contract, not an agreement of its
// own.
func (k *agreementKind) armsDeal(d *doc, c *clause) bool {
	if d.itemsIn(c, max(c.start, c.k-2), c.k, itemArms) {
		return true // "sign Rafale fighter jet deal", "an arms deal": weapons name the deal
	}
	if c.k > c.start+3 {
		return false
	}
	for j := c.k + 1; j < c.end; j++ {
		if tr, ok := triggers[c.toks[j].norm]; ok && isTransfer(tr) && !tr.noun {
			return d.itemsIn(c, j+1, c.end, itemArms)
		}
	}
	return false
}
