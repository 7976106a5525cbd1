package loader

import "github.com/geokg/geokg/model"

// ArmsNegotiation: talks about weapons (CAMEO 046 engage in negotiation).
// "arms talks", "negotiations on the purchase of S-400s". Talks about
// anything else are meetings: the trigger rows name Meeting next.
type armsNegotiationKind struct {
	kindBase
	// Arms are the words that make talks about weapons ("arms talks",
	// "defence dialogue").
	Arms wordSet
}

// senseArmsBefore: the trigger is an arms negotiation only after an arms
// word ("arms talks"); else items in the clause may make it one.
const senseArmsBefore = "arms-before"

func init() {
	registerKind(&armsNegotiationKind{kindBase: kindBase{typ: model.ArmsNegotiation, cameo: "046", deniable: true, alone: 2}})
}

func (k *armsNegotiationKind) read(d *doc, c *clause, ev *event) bool {
	armsBefore := k.Arms[c.norm(c.k-1)]
	if !armsBefore && (c.tr.has(senseArmsBefore) || !d.itemsIn(c, c.start, c.end, itemArms)) || d.sessionOfBody(c) {
		return false // peace talks, trade negotiations: meetings
	}
	ev.participants = d.parties(c)
	return len(ev.participants) >= 2 || d.knownEvent(ev)
}

func (k *armsNegotiationKind) same(d *doc, a, b *event) bool { return d.sameParties(a, b) }
