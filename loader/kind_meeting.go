package loader

import "github.com/geokg/geokg/model"

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
}

// Senses of meeting triggers (lexicon/triggers.tsv).
const (
	senseHost     = "host"     // "A hosted B": a meeting only with a person as object
	senseHeld     = "held"     // "dialogue": a meeting only when held
	senseCourtesy = "courtesy" // "call": a meeting only as a courtesy call
)

func init() {
	registerKind(&meetingKind{kindBase: kindBase{typ: model.Meeting, cameo: "040", deniable: true, alone: 2, announced: true}})
}

func (k *meetingKind) read(d *doc, c *clause, ev *event) bool {
	if !k.meetingWord(d, c) || d.sessionOfBody(c) {
		return false
	}
	ev.participants = d.parties(c)
	return !(len(ev.participants) < 2 && !d.knownEvent(ev) || d.domestic(ev.participants)) // "a meeting of its National Security Council" is not diplomacy
}

// meetingWord checks the words that make a meeting only in context: "Xi
// will host Macron" (not "hosted a conference"), "held a dialogue", "a
// courtesy call on" (a phone call is not a meeting).
func (k *meetingKind) meetingWord(d *doc, c *clause) bool {
	toks, j := c.toks, c.k
	switch {
	case c.tr.has(senseHost):
		m := d.mentionAt(c.si, j+1)
		return m != nil && m.ent.typ == model.Person
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
	}
	return true
}

// sessionOfBody: "a meeting of its National Security Council" is a body's
// own session, not a meeting between parties.
func (d *doc) sessionOfBody(c *clause) bool {
	j := c.k
	if !gram.Genitive[c.norm(j+1)] {
		return false
	}
	for _, i := range []int{j + 2, j + 3} {
		if m := d.mentionAt(c.si, i); m != nil && m.ent.typ == model.Organization {
			return true
		}
	}
	return false
}

// same: talks with the foreign minister and a call on the president are
// two meetings, though between the same two countries.
func (k *meetingKind) same(d *doc, a, b *event) bool {
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
