package loader

import (
	"strings"

	"github.com/geokg/geokg/model"
)

// linkCounterparts adds a mention for "his Chinese counterpart", "her
// Iranian counterpart" when no name follows it: the person of that
// country the article names, the one named last before it, else the first
// named in the next two sentences ("held a meeting with his Iranian
// counterpart in New York. ... Iranian Foreign Minister Abbas Araghchi").
// A meeting "with his Chinese counterpart" is then one with that person,
// not with China (EV-MULTI-15).
func (d *doc) linkCounterparts() {
	for si := range d.sents {
		toks := d.sents[si].tokens
		for k := 2; k < len(toks); k++ {
			if !recog.Counterparts[toks[k].norm] || strings.HasSuffix(toks[k].norm, "s") || d.tokMent[si][k] != nil {
				continue
			}
			m := d.mentionAt(si, k-1)
			if m == nil || m.tj != k || m.how != byDemonym || m.ent.typ != model.Country || m.ti == 0 ||
				!gram.CounterpartWords[toks[m.ti-1].norm] || recog.Counterparts[toks[m.ti-1].norm] {
				continue
			}
			// A name follows ("his Russian counterpart Vladimir Putin", "…
			// counterpart, Wang Yi"): the name is the mention.
			if k+1 < len(toks) && (toks[k+1].cap && toks[k+1].word || d.mentionAt(si, k+1) != nil) ||
				k+2 < len(toks) && toks[k+1].norm == "," && d.mentionAt(si, k+2) != nil && d.mentionAt(si, k+2).ent.typ == model.Person {
				continue
			}
			iso := m.ent.iso3
			ofState := func(e *entity) bool { return e.typ == model.Person && e.country == iso }
			p := d.lastEntity(si, toks[k].start, ofState)
			if p == nil {
				p = d.nextEntity(si, toks[k].end, 2, ofState)
			}
			if p != nil {
				d.addMention(si, m.ti-1, k+1, p, byNominal)
			}
		}
	}
}

// nextEntity returns the first entity mentioned after byte pos in
// sentence si or the n sentences after it that ok accepts.
func (d *doc) nextEntity(si, pos, n int, ok func(*entity) bool) *entity {
	for s := si; s < len(d.sents) && s <= si+n; s++ {
		for _, m := range d.ments[s] {
			if (s > si || m.start >= pos) && ok(m.ent) {
				return m.ent
			}
		}
	}
	return nil
}
