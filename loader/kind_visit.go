package loader

import (
	"slices"
	"strings"

	"github.com/geokg/geokg/model"
)

// Visit: someone travels to a country or place (CAMEO 042 make a visit;
// the host's side is 043). "Blinken visited Beijing", "Kim's trip to
// Russia", "arrived in Pyongyang", "a tour of France, Serbia and Hungary".
// The participants are the traveller and the country visited.
type visitKind struct {
	kindBase
	Home      wordSet // "flying home", "flying back": no destination
	Toward    wordSet // the prepositions before a destination ("trip to", "arrived in")
	Stay      wordSet // "was in Seoul on a two-day trip"
	Origin    wordSet // "from": an origin, no destination
	Onward    wordSet // "travel on to", "on from"
	Stops     wordSet // words that end the search for a destination
	GroupWord wordSet // "Taiwan's Pacific allies the Marshall Islands, …": a region that describes the list after it
}

func init() {
	registerKind(&visitKind{kindBase: kindBase{typ: model.Visit, cameo: "042", deniable: false, announced: true, personal: true}})
}

// read: who travels (the subject, or the possessor of "visit"/"trip") and
// where to ("visit Russia", "trip to Vladivostok").
func (k *visitKind) read(d *doc, c *clause, ev *event) bool {
	toks, j0, noun := c.toks, c.k, c.noun
	var visitor *entity
	if noun {
		visitor = d.nounAgent(c, j0)
	} else {
		visitor = d.subject(c, j0)
	}
	if k.Home[c.norm(j0+1)] {
		return false // "before flying home", "flying back to Moscow"
	}
	if noun && (visitor == nil || visitor.typ != model.Person) {
		// "Lapid inaugurated Israel's embassy in Abu Dhabi during a visit":
		// the traveller is the clause's subject.
		if es := d.clauseSubject(c, j0); len(es) > 0 && es[0].typ == model.Person {
			visitor = es[0]
		}
	}
	if visitor == nil || visitor.typ != model.Person || d.itemsIn(c, j0+1, c.end, itemArms) {
		return false // people visit; a country "arriving" with weapons is a delivery
	}
	// The destination: right after a verb ("visit Russia"), or after "to",
	// "in" or "of" ("trip to Vladivostok", "arrived in Pyongyang").
	var dest *entity
	var more []*entity
	seenTo := !noun
	for j := j0 + 1; j < c.end && j < j0+9; j++ {
		n := toks[j].norm
		if m := d.mentionAt(c.si, j); m != nil && (j == j0+1 && !noun || seenTo) {
			if (m.ent.typ == model.Country || m.ent.typ == model.Place) && !(m.tj < len(toks) && (toks[m.tj].norm == "'s" || k.GroupWord[toks[m.tj].norm])) {
				dest = m.ent
				more = d.conjoinedAfter(c, m.tj)
				break
			}
			j = m.tj - 1
			continue
		}
		if k.Origin[n] {
			// "travel on from Israel to Amman": the origin is no destination
			if m := d.mentionAt(c.si, j+1); m != nil {
				j = m.tj - 1
			}
			seenTo = false
			continue
		}
		switch {
		case k.Toward[n]:
			seenTo = true
		case k.Onward.at(toks, j) > 0:
			continue // "will travel on to Singapore", "on from Israel to Amman"
		case n == "," || k.Stops[n]:
			j = c.end
		}
	}
	if dest == nil && noun {
		// "Wang Yi was in Seoul on a two-day trip"
		for j := j0 - 1; j > c.start && j >= j0-8; j-- {
			if m := d.mentionAt(c.si, j); m != nil && (m.ent.typ == model.Country || m.ent.typ == model.Place) &&
				m.ti > 0 && k.Stay[toks[m.ti-1].norm] {
				dest = m.ent
				break
			}
		}
	}
	if dest == nil && noun {
		// "Niger revoked the agreement days after a visit by a US
		// delegation": the host is the clause's subject.
		if es := d.clauseSubject(c, j0); len(es) > 0 && gram.Agent[c.norm(j0+1)] {
			if h := d.stateOf(es[0]); h != nil && h.typ == model.Country && h.iso3 != visitor.country {
				dest = h
			}
		}
	}
	ev.participants = []*entity{visitor}
	if dest != nil {
		if dest.typ == model.Place {
			ev.place = dest
			cn := d.countryByISO(dest.country)
			if cn == nil {
				cn = d.capitalOf(dest, c, j0)
			}
			if cn != nil && cn != visitor {
				ev.participants = append(ev.participants, cn)
			}
		} else if dest != visitor {
			ev.participants = append(ev.participants, dest)
		}
	}
	// A tour of several countries is a visit to each.
	for _, m := range more {
		if cn := d.stateOf(m); cn != nil && cn.typ == model.Country {
			ev.also = append(ev.also, &event{typ: ev.typ, participants: []*entity{visitor, cn}, place: ev.place})
		}
	}
	return dest != nil || d.knownEvent(ev)
}

// same: the same traveller, and no other destination.
func (k *visitKind) same(d *doc, a, b *event) bool {
	return a.participants[0] == b.participants[0] && (len(a.participants) == 1 || len(b.participants) == 1 ||
		subset(a.participants[1:], b.participants[1:]) || subset(b.participants[1:], a.participants[1:]))
}

// conjoinedAfter returns the countries and places listed after token k:
// ", Serbia and Hungary".
func (d *doc) conjoinedAfter(c *clause, k int) []*entity {
	toks, ce := c.toks, c.end
	var out []*entity
	for k < ce && (toks[k].norm == "," || gram.Coordinators[toks[k].norm]) {
		k++
		if k < ce && gram.Coordinators[toks[k].norm] {
			k++
		}
		for k < ce && gram.Articles[toks[k].norm] {
			k++
		}
		m := d.mentionAt(c.si, k)
		if m == nil || m.ent.typ != model.Country && m.ent.typ != model.Place {
			break
		}
		out = append(out, m.ent)
		k = m.tj
	}
	return out
}

// capitalOf returns the country whose capital the place is, recording the
// place's mention as a mention of the country too: a visit to Beijing is a
// visit to China.
func (d *doc) capitalOf(place *entity, c *clause, k int) *entity {
	cn, ok := d.x.gaz.CountryByISO3(place.country)
	if !ok || !strings.EqualFold(cn.Capital, place.name) && !slices.Contains(cn.Seats, place.name) {
		return nil
	}
	for j := k + 1; j < c.end; j++ {
		if m := d.mentionAt(c.si, j); m != nil && m.ent == place {
			country := d.countryEntity(&cn)
			d.addMention(c.si, m.ti, m.tj, country, bySeat)
			return country
		}
	}
	return nil
}
