package loader

import (
	"github.com/geokg/geokg/model"
	"strings"
)

// agreement reads an agreement: "X and Y signed a defense pact", "X agreed
// to a ceasefire", "an agreement between X and Y", "X agreed with Y to …".
// A bare "agreed" needs an agreement word or a second party.
func (d *doc) agreement(ev *event, si, k, cs, ce int, noun bool) bool {
	toks := d.sents[si].tokens
	for j := k + 1; j+1 < len(toks) && j <= k+6; j++ {
		if toks[j].norm != "to" {
			continue
		}
		if tr, ok := triggers[toks[j+1].norm]; ok && tr.typ == "transfer" && len(d.items(si, j+1, ce)) > 0 {
			return false // "agreed to provide missiles", "agreed during a call to allow aid": the transfer is the event
		}
		break
	}
	switch toks[k].norm {
	case "signed", "sign", "signs", "signing", "reached", "concluded", "inked", "struck", "initialled", "initialed":
		if !d.agreementWord(si, k+1, min(ce, k+8)) {
			return false
		}
		if d.itemsIn(si, k+1, ce, "arms") {
			return false // "signed a contract to buy K2 tanks": the deal is an arms transfer
		}
	case "agreement", "ceasefire", "pact", "treaty", "deal", "accord":
		// "revoked a military co-operation agreement": the act is the event.
		for j := k - 1; j >= cs && j >= k-6; j-- {
			if tr, ok := triggers[toks[j].norm]; ok && tr.typ == model.OtherEvent && !tr.noun {
				return false
			}
			if !toks[j].word && toks[j].norm != "-" {
				break
			}
		}
	}
	ev.participants = d.parties(si, k, cs, ce, noun)
	if isPassive(toks, k) {
		// "the framework agreement had been signed by Wang Yi and Jeremiah Manele"
		for j := k + 1; j < ce && j < k+4; j++ {
			if toks[j].norm == "by" {
				ev.participants = uniqueEntities(append(ev.participants, d.objects(si, j+1, ce)...))
				break
			}
		}
	}
	if !noun && len(ev.participants) < 2 {
		// "The United States has agreed to withdraw its troops from Niger":
		// the other party is the one the agreement is about.
		for _, o := range d.objects(si, k+1, ce) {
			if o.typ == model.Country && !containsEntity(ev.participants, o) {
				ev.participants = append(ev.participants, o)
				break
			}
		}
		if len(ev.participants) < 2 {
			for j := k + 1; j < ce; j++ {
				if m := d.mentionAt(si, j); m != nil && m.ent.typ == model.Country && m.how != byDemonym && !containsEntity(ev.participants, m.ent) {
					ev.participants = append(ev.participants, m.ent)
					break
				}
			}
		}
	}
	return len(ev.participants) >= 2 || d.knownEvent(ev) && len(ev.participants) > 0
}

func containsEntity(es []*entity, e *entity) bool {
	for _, x := range es {
		if x == e {
			return true
		}
	}
	return false
}

// Objects that make a verb a diplomatic act of its own: "lodged a protest",
// "severed relations", "revoked an agreement", "expelled diplomats".
var otherObjects = setOf("protest", "protests", "representations", "relations", "ties", "agreement", "accord",
	"pact", "deal", "treaty", "ambassador", "ambassadors", "diplomats", "diplomat", "envoy", "troops", "forces",
	"soldiers", "personnel", "contingent", "mission", "advisers", "advisors", "attache", "attaches", "contract",
	"participation", "membership", "representative", "representatives", "delegation", "embassy", "consulate",
	"embassies", "consulates", "prisoner", "prisoners", "detainees", "recognition", "sovereignty")

// otherEvent reads discrete diplomatic acts (CAMEO's protests, reductions of
// relations, expulsions, withdrawals): the actor is the subject, the other
// side follows "with", "from" or the object.
func (d *doc) otherEvent(ev *event, si, k, cs, ce int, noun bool) bool {
	toks := d.sents[si].tokens
	found := toks[k].norm == "protested" || toks[k].norm == "protest" || toks[k].norm == "representations" ||
		(toks[k].norm == "recognized" || toks[k].norm == "recognised") && d.actorRightAfter(si, k+1, ce) != nil ||
		toks[k].norm == "expulsion" || toks[k].norm == "expulsions" ||
		(toks[k].norm == "exchange" || toks[k].norm == "swap") && k > 0 && (toks[k-1].norm == "prisoner" || toks[k-1].norm == "prisoners")
	for j := k + 1; j < ce && j < k+8 && !found; j++ {
		found = otherObjects[toks[j].norm]
	}
	// "the submarine deal, which Canberra scrapped": the object came first.
	relative := false
	for j := max(cs, k-14); j < k && !found; j++ {
		if otherObjects[toks[j].norm] && (toks[k].norm == "scrapped" || toks[k].norm == "cancelled" || toks[k].norm == "canceled" || toks[k].norm == "revoked" || toks[k].norm == "terminated") {
			found, relative = true, true
		}
	}
	if toks[k].norm == "leave" {
		// "gave France's ambassador 72 hours to leave", "ordered the envoy
		// to leave", "invited the head of the EU delegation, X, to leave"
		ev.participants = d.expulsion(si, k, cs)
		return len(ev.participants) == 2
	}
	if !found {
		return false
	}
	if toks[k].norm == "exchange" || toks[k].norm == "swap" {
		// A prisoner swap has sides, not an actor: the states named around
		// it ("US citizens held in Iran … a prisoner exchange mediated by Qatar").
		for j := cs; j < min(ce, k+6); j++ {
			if m := d.mentionAt(si, j); m != nil {
				if c := d.stateOf(m.ent); c != nil && c.typ == model.Country {
					ev.participants = append(ev.participants, c)
				}
				j = m.tj - 1
			}
		}
		ev.participants = uniqueEntities(ev.participants)
		return len(ev.participants) >= 2
	}
	var actor *entity
	if noun {
		actor = d.nounAgent(si, k, cs, ce)
	} else {
		actor = d.subject(si, k, cs)
	}
	if actor == nil {
		return false
	}
	actor = d.stateOf(actor)
	var other *entity
	for j := k + 1; j < ce && other == nil; j++ {
		switch toks[j].norm {
		case "with", "from", "against", "to", "of", "in":
			other = d.actorRightAfter(si, j+1, ce)
		}
		if m := d.mentionAt(si, j); m != nil && other == nil && m.ent.typ == model.Country && m.ent != actor &&
			(m.how != byDemonym || d.modifiesObject(si, m.tj)) {
			other = m.ent
		}
		// "expelled Pakistani military advisers": a state's body named by description
		if m := d.mentionAt(si, j); m != nil && other == nil && m.ent.typ == model.Organization && m.ent.generic && d.modifiesObject(si, m.tj) {
			if c := d.stateOf(m.ent); c != nil && c.typ == model.Country && c != actor {
				other = c
			}
		}
	}
	for j := max(cs, k-16); j < k && (other == nil || other == actor) && relative; j++ {
		if m := d.mentionAt(si, j); m != nil && m.ent.typ == model.Country && m.ent != actor {
			other = m.ent
		}
	}
	if other == nil || other == actor {
		return false
	}
	other = d.stateOf(other)
	ev.participants = uniqueEntities([]*entity{actor, other})
	return len(ev.participants) == 2
}

// modifiesObject: the words from k are an object of a diplomatic act
// ("Pakistani military advisers").
func (d *doc) modifiesObject(si, k int) bool {
	toks := d.sents[si].tokens
	for j := k; j < len(toks) && j < k+3; j++ {
		if otherObjects[toks[j].norm] {
			return true
		}
	}
	return false
}

// Envoys and missions, who are told to leave.
var envoyWords = setOf("ambassador", "ambassadors", "envoy", "envoys", "diplomats", "diplomat", "delegation",
	"mission", "charge", "attache", "attaches", "consul", "representative")

var expelVerbs = setOf("gave", "give", "gives", "ordered", "orders", "order", "told", "tells", "asked", "asks",
	"invited", "invites", "instructed", "demanded", "demands", "declared")

// expulsion reads "Mali gave France's ambassador 72 hours to leave": the
// expelling state is the subject, the other the one whose envoy is told to
// go ("France's ambassador", "the French envoy", "the EU delegation").
func (d *doc) expulsion(si, k, cs int) []*entity {
	toks := d.sents[si].tokens
	for j := max(cs, k-16); j < k; j++ {
		if !envoyWords[toks[j].norm] {
			continue
		}
		m := d.mentionEndingAt(si, j)
		if m == nil || m.ent.typ != model.Country && m.ent.typ != model.Organization {
			continue
		}
		of := m.ent
		// The expeller does the verb before the envoy ("Minsk recalled …,
		// and invited the head of the EU delegation … to leave").
		v := m.ti
		for v > cs && !expelVerbs[toks[v].norm] {
			v--
		}
		var from *entity
		if v > cs && toks[v-1].norm == "and" {
			if es := d.clauseSubject(si, cs, v); len(es) > 0 {
				from = es[0]
			}
		} else {
			from = d.subject(si, v, cs)
		}
		from = d.stateOf(from)
		if from == nil || from == of {
			return nil
		}
		return []*entity{from, of}
	}
	return nil
}

// Words that call a claim false: "called the claims unfounded".
var denyingWords = setOf("baseless", "unfounded", "groundless", "fabricated", "rejecting", "denying", "dismissing", "refuting")

// Nouns for what a denial rejects when it names no event of its own.
var claimNouns = setOf("claim", "claims", "report", "reports", "accusation", "accusations", "allegation",
	"allegations", "charge", "charges", "assertion", "assertions", "suggestion", "suggestions")

// denialOfClaim reads a denial that names no event but the claim: "Beijing
// has rejected the accusations", "a claim he rejected". It denies the
// latest alleged or reported event of the last few sentences that the
// denier takes part in.
func (d *doc) denialOfClaim(si int) {
	toks := d.sents[si].tokens
	for j, t := range toks {
		sv, ok := d.x.lx.speech[t.norm]
		if !(ok && sv.kind == "deny" || denyingWords[t.norm]) {
			continue
		}
		near := false
		for k := max(0, j-3); k < min(len(toks), j+4); k++ {
			near = near || claimNouns[toks[k].norm]
		}
		if !near {
			continue
		}
		v := j
		if denyingWords[t.norm] && !strings.HasSuffix(t.norm, "ing") {
			// "called the claims unfounded": the caller denies
			for v = j - 1; v > 0; v-- {
				if _, ok := d.x.lx.speech[toks[v].norm]; ok {
					break
				}
			}
		}
		denier := d.stateOf(d.speakerBefore(si, v, 0))
		if denier == nil {
			return
		}
		for i := len(d.events) - 1; i >= 0; i-- {
			claim := d.events[i]
			if claim.status != model.Alleged && claim.status != model.Reported && claim.status != model.Speculative || !deniable[claim.typ] {
				continue
			}
			if !containsEntity(claim.participants, denier) || claim.lastSent < si-3 || claim.firstSent > si+3 {
				continue
			}
			for _, have := range d.events {
				if have.status == model.Denied && have.typ == claim.typ && compatible(have.supplier, claim.supplier) &&
					compatible(have.recipient, claim.recipient) && (have.denies == claim || have.denies == nil) {
					return // already denied
				}
			}
			den := &event{typ: claim.typ, participants: claim.participants, supplier: claim.supplier,
				recipient: claim.recipient, items: claim.items, families: claim.families, status: model.Denied,
				assertedBy: []*entity{denier}, denies: claim, firstSent: si, lastSent: si,
				evidence: [][2]int{{toks[0].start, toks[len(toks)-1].end}}}
			d.addEvent(den)
			return
		}
		return
	}
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
