package loader

import (
	"slices"
	"strings"

	"github.com/geokg/geokg/model"
)

// MissileTest: a missile launch or test (CAMEO 150 demonstrate military
// power). "North Korea launched a ballistic missile", "Pyongyang's latest
// missile test", "the first launch by North Korea". The launcher is the
// only participant.
type missileTestKind struct {
	kindBase
	Missile  wordSet // what makes a launch a missile launch
	Facility wordSet // "launch site", "missile technology": no launch
	Attack   wordSet // "launched missile strikes" is an attack, not a test
	// Oversee: a leader's verbs before the test noun ("Kim oversaw the
	// test-firing of a new ICBM", "guided the test"): the leader's state
	// launched.
	Oversee wordSet
	// Guidance: "under the direct guidance of Kim": the leader's state
	// launched.
	Guidance wordSet
	// Types are the kinds of missile named as items ("ballistic" → "Ballistic missile").
	Types wordSet
	// Origin: "a missile launch from North Korea": the launcher follows.
	Origin wordSet
	// TestPrefixes make the verb a test whatever it fires: "test-fired
	// what it claimed to be a tactical guided weapon", "flight-tested".
	TestPrefixes wordSet
	// Flights: the type's flight ("icbm" → ballistic); tests of missiles
	// of two flights are two tests.
	Flights map[string]string
}

func init() {
	registerKind(&missileTestKind{kindBase: kindBase{typ: model.MissileTest, cameo: "150"}})
}

// read: the launcher is the subject ("North Korea launched") or the
// possessor ("Pyongyang's latest missile launch").
func (k *missileTestKind) read(d *doc, c *clause, ev *event) bool {
	toks, j0 := c.toks, c.k
	near := false
	for j := max(c.start, j0-3); j < min(c.end, j0+12); j++ {
		near = near || k.Missile[toks[j].norm]
	}
	for _, it := range d.items(c, max(c.start, j0-3), min(c.end, j0+8)) {
		near = near || it.family == familyMissiles // "test-fired the Ababeel"
	}
	if j0 >= 2 && toks[j0-1].norm == "-" && !toks[j0-1].space && k.TestPrefixes[toks[j0-2].norm] && pastTense(toks[j0].norm) {
		near = true // "test-fired what it claimed to be a tactical guided weapon"
	}
	if !near || k.Facility[c.norm(j0+1)] || k.facilityOfMissile(c) {
		return false
	}
	for j := j0 + 1; j < min(c.end, j0+8); j++ {
		if k.Attack[toks[j].norm] {
			return false
		}
	}
	var actor *entity
	noun := j0 > 0 && (k.Missile[toks[j0-1].norm] || gram.Determiners[toks[j0-1].norm] || gram.Prepositions[toks[j0-1].norm] || toks[j0-1].norm == "-")
	if noun && toks[j0-1].norm == "-" && pastTense(toks[j0].norm) && j0 >= 2 && toks[j0-2].word && !toks[j0-1].space &&
		(j0 < 3 || !gram.Determiners[toks[j0-3].norm]) {
		noun = false // "DRDO flight-tested the Agni", but "the test-fired missile"
	}
	verb := pastTense(toks[j0].norm) || strings.HasSuffix(toks[j0].norm, "s") && !c.tr.noun
	switch {
	case verb && !noun && !isPassive(toks, j0):
		actor = d.subject(&clause{si: c.si, k: j0, start: max(c.start, j0-6), end: c.end, toks: toks, tr: c.tr}, j0)
	case verb && !noun:
		// "the missile was launched": only "by X" names the launcher
	default:
		// "Pyongyang's latest missile launch", "a North Korean missile
		// test", "Russia had conducted a test of its new Sarmat"
		actor = d.possessor(c, j0)
		if actor == nil {
			actor = d.lightVerbSubject(c, j0)
		}
		for j := j0 - 1; j >= max(c.start, j0-4) && actor == nil; j-- {
			if k.Oversee[toks[j].norm] { // "oversaw the test-firing of a new ICBM"
				actor = d.subject(c, j)
			}
		}
		if actor == nil {
			actor = k.conductedBy(d, c)
		}
		for j := j0 + 1; j < min(c.end, j0+8) && actor == nil && toks[j].norm != ","; j++ {
			// "the first missile launch by North Korea", "the launch of
			// Hwasong-18 missiles by the North", "a probable missile launch
			// from North Korea"
			if gram.Agent[toks[j].norm] || k.Origin[toks[j].norm] && k.Missile[toks[j0-1].norm] {
				actor = d.actorRightAfter(c, j+1)
			}
		}
		for j := max(c.start, j0-4); j < j0 && actor == nil; j++ {
			if m := d.mentionAt(c.si, j); m != nil && m.ent.typ == model.Country {
				actor = m.ent
			}
		}
	}
	if actor == nil && pastTense(toks[j0].norm) {
		actor = k.testedBefore(d, c)
	}
	if actor == nil || actor.typ == model.Person && actor.country == "" {
		return false
	}
	if actor.typ == model.Person || actor.typ == model.Organization {
		if cn := d.countryByISO(actor.country); cn != nil {
			actor = cn
		}
	}
	ev.participants = []*entity{actor}
	for j := max(c.start, j0-3); j < min(c.end, j0+8); j++ {
		if w := toks[j].norm; k.Types[w] && !slicesContainsPrefix(ev.items, w) {
			ev.items = append(ev.items, strings.ToUpper(w[:1])+w[1:]+" missile")
		}
	}
	if len(ev.items) == 0 {
		ev.items = []string{itemMissile}
	}
	return true
}

// facilityOfMissile: the missile word in the trigger's phrase names a
// facility or a programme, not a launch ("the launch of a new missile
// production line").
func (k *missileTestKind) facilityOfMissile(c *clause) bool {
	for j := c.k + 1; j < min(c.end, c.k+6); j++ {
		if k.Missile[c.toks[j].norm] {
			return k.Facility[c.norm(j+1)]
		}
	}
	return false
}

// conductedBy reads the launcher after the test noun: "the test was
// conducted by the DRDO", "the launch was carried out under the direct
// guidance of Kim Jong Un" (a passive, then "by" or a guidance word and
// "of").
func (k *missileTestKind) conductedBy(d *doc, c *clause) *entity {
	toks, passive := c.toks, false
	for j := c.k + 1; j < min(c.end-1, c.k+14); j++ {
		n := toks[j].norm
		switch {
		case gram.PassiveAuxiliaries[n]:
			passive = true
		case passive && gram.Agent[n]:
			return d.actorRightAfter(c, j+1)
		case k.Guidance[n] && gram.Genitive[toks[j+1].norm]:
			return d.actorRightAfter(c, j+2)
		case !toks[j].word && n != "-":
			return nil
		}
	}
	return nil
}

// testedBefore reads "The missile, first tested in January 2017, …", "the
// Hwasong-18, last launched in April": a missile told before, as the
// subject of the verb, was tested by the launcher of the test told in the
// last three sentences.
func (k *missileTestKind) testedBefore(d *doc, c *clause) *entity {
	missile := false
	for j := c.start; j < c.k && !missile; j++ {
		missile = k.Missile[c.toks[j].norm]
	}
	for _, it := range d.items(c, c.start, c.k) {
		missile = missile || it.family == familyMissiles
	}
	if !missile {
		return nil
	}
	if e := d.lastEvent(c.si, 3, func(e *event) bool { return e.typ == k.typ }); e != nil {
		return e.participants[0]
	}
	return nil
}

// same: one launcher, and not missiles of two flights ("fired two
// ballistic missiles on Wednesday" after "test-fired cruise missiles over
// the weekend" are two tests).
func (k *missileTestKind) same(d *doc, a, b *event) bool {
	if a.participants[0] != b.participants[0] {
		return false
	}
	fa, fb := k.flights(a), k.flights(b)
	return len(fa) == 0 || len(fb) == 0 || slices.ContainsFunc(fa, func(f string) bool { return slices.Contains(fb, f) })
}

// flights returns the flights of the missile types a test names.
func (k *missileTestKind) flights(ev *event) []string {
	var out []string
	for _, it := range ev.items {
		w, _, _ := strings.Cut(strings.ToLower(it), " ")
		if f, ok := k.Flights[w]; ok {
			out = append(out, f)
		}
	}
	return out
}

// The item family of missiles (lexicon/items.txt), and the item of a
// launch whose missile is not named.
const (
	familyMissiles = "missiles"
	itemMissile    = "missile"
)

// slicesContainsPrefix: an item already names the type ("Ballistic missile").
func slicesContainsPrefix(items []string, w string) bool {
	for _, it := range items {
		if strings.EqualFold(it[:min(len(it), len(w))], w) {
			return true
		}
	}
	return false
}
