package loader

import (
	"github.com/geokg/geokg/model"
)

// agreement reads an agreement: "X and Y signed a defense pact", "X agreed
// to a ceasefire", "an agreement between X and Y", "X agreed with Y to …".
// A bare "agreed" needs an agreement word or a second party.
func (d *doc) agreement(ev *event, si, k, cs, ce int, noun bool) bool {
	toks := d.sents[si].tokens
	switch toks[k].norm {
	case "signed", "sign", "signs", "signing":
		if !d.agreementWord(si, k+1, min(ce, k+8)) {
			return false
		}
	case "agreement", "ceasefire":
		// "the agreement" alone refers back; it needs its parties in view.
	}
	ev.participants = d.parties(si, k, cs, ce, noun)
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
	"soldiers", "personnel", "contingent", "mission")

// otherEvent reads discrete diplomatic acts (CAMEO's protests, reductions of
// relations, expulsions, withdrawals): the actor is the subject, the other
// side follows "with", "from" or the object.
func (d *doc) otherEvent(ev *event, si, k, cs, ce int, noun bool) bool {
	toks := d.sents[si].tokens
	found := toks[k].norm == "protested" || toks[k].norm == "protest" || toks[k].norm == "representations"
	for j := k + 1; j < ce && j < k+8 && !found; j++ {
		found = otherObjects[toks[j].norm]
	}
	if !found {
		return false
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
	if actor.typ == model.Person && actor.country != "" {
		if c := d.countryByISO(actor.country); c != nil {
			actor = c
		}
	}
	var other *entity
	for j := k + 1; j < ce && other == nil; j++ {
		switch toks[j].norm {
		case "with", "from", "against", "to", "of":
			other = d.actorRightAfter(si, j+1, ce)
		}
		if m := d.mentionAt(si, j); m != nil && other == nil && m.ent.typ == model.Country && m.ent != actor && m.how != byDemonym {
			other = m.ent
		}
	}
	if other == nil || other == actor {
		return false
	}
	if other.typ == model.Person && other.country != "" {
		if c := d.countryByISO(other.country); c != nil {
			other = c
		}
	}
	ev.participants = uniqueEntities([]*entity{actor, other})
	return len(ev.participants) == 2
}
