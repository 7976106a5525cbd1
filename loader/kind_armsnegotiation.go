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
	// Topic opens what talks are about ("talks with Russia over a second
	// batch of S-400s"): weapons there make them arms talks.
	Topic wordSet
}

// senseArmsBefore: the trigger is an arms negotiation only after an arms
// word ("arms talks"); else items in the clause may make it one.
const senseArmsBefore = "arms-before"

func init() {
	registerKind(&armsNegotiationKind{kindBase: kindBase{typ: model.ArmsNegotiation, cameo: "046", deniable: true, alone: 2}})
}

func (k *armsNegotiationKind) read(d *doc, c *clause, ev *event) bool {
	armsBefore := k.Arms[c.norm(c.k-1)] || k.armsTopic(d, c) || k.itemBefore(d, c)
	if !armsBefore && (c.tr.has(senseArmsBefore) || !d.itemsIn(c, c.start, c.end, itemArms)) || d.sessionOfBody(c) {
		return false // peace talks, trade negotiations: meetings
	}
	ev.participants = d.parties(c)
	return len(ev.participants) >= 2 || d.knownEvent(ev)
}

func (k *armsNegotiationKind) same(d *doc, a, b *event) bool { return d.sameParties(a, b) }

// itemBefore: a weapon names the talks ("F-35 talks", "the S-400 negotiations").
func (k *armsNegotiationKind) itemBefore(d *doc, c *clause) bool {
	for j := c.k - 1; j >= c.start && j >= c.k-4; j-- {
		if it := d.items(c, j, c.k); len(it) > 0 {
			for _, x := range it {
				if x.class == itemArms {
					return true
				}
			}
		}
		if !c.toks[j].word && !isNumberToken(c.toks[j]) && c.toks[j].norm != "-" {
			return false
		}
	}
	return false
}

// armsTopic: the talks are about weapons named after a topic word or a
// purchase ("held talks with Moscow over more S-400 systems", "in talks
// with Washington to buy HIMARS launchers").
func (k *armsNegotiationKind) armsTopic(d *doc, c *clause) bool {
	for j := c.k + 1; j < c.end && j < c.k+10; j++ {
		if gram.RelativeOpeners[c.toks[j].norm] {
			return false // "talks that also produced an order for jets"
		}
		// "talks with Washington to buy 500 HIMARS launchers"
		buy := gram.Infinitive[c.toks[j].norm] && triggers[c.norm(j+1)] != nil && isTransfer(triggers[c.norm(j+1)])
		if k.Topic[c.toks[j].norm] || buy {
			if d.itemsIn(c, j+1, min(c.phraseEnd(j), j+8), itemArms) {
				return true
			}
			// "pressed to buy the F-35, and talks on a possible sale are
			// underway": a sale of the weapons the sentence names.
			for x := j + 1; x < c.end && x <= j+5; x++ { // "on a second executive contract"
				if tr := triggers[c.toks[x].norm]; tr != nil && isTransfer(tr) {
					return d.itemsIn(c, 0, len(c.toks), itemArms)
				}
			}
			return false
		}
	}
	return false
}
