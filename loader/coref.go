package loader

import (
	"slices"
	"strings"

	"github.com/geokg/geokg/model"
)

// resolvePending classifies the names the first pass left open, now that
// the whole article is known:
//   - a lone word that is the family name of a person named elsewhere
//     ("Koffler", "Kim") is that person;
//   - a full name whose family name the article uses with a person cue
//     ("Adrienne Watson" … "Watson stated") is a person;
//   - a lone word with a cue whose full name never appears stays unnamed.
func (d *doc) resolvePending(pending []pendingName) {
	cued := map[string]bool{}
	for _, p := range pending {
		if p.cue && p.tj-p.ti == 1 {
			cued[d.sents[p.si].tokens[p.ti].norm] = true
		}
	}
	// Full names first, so lone family names find them.
	for _, p := range pending {
		toks := d.sents[p.si].tokens
		words := countWords(toks, p.ti, p.tj)
		if words < 2 {
			continue
		}
		last := toks[p.tj-1].norm
		if e := d.personWithWordsSuffix(nameWords(d.text[toks[p.ti].start:toks[p.tj-1].end])); e != nil {
			d.addMention(p.si, p.ti, p.tj, e, bySurname) // "Dr Al Ansari" after "Majed Al Ansari"
			continue
		}
		if cued[last] || d.personWithSurname(last) != nil && d.personWithSurname(last).words[0] == toks[p.ti].norm {
			d.addPerson(p.si, p.ti, p.tj)
		}
	}
	for _, p := range pending {
		toks := d.sents[p.si].tokens
		if countWords(toks, p.ti, p.tj) != 1 {
			continue
		}
		if e := d.personBySurname(toks[p.ti].norm, p.si); e != nil {
			d.addMention(p.si, p.ti, p.tj, e, bySurname)
		} else if e := d.personByFirstName(toks[p.ti].norm); e != nil && (p.cue || d.onlyFirstName(e, toks[p.ti].norm)) {
			// "Takeda said" after "Takeda Ren, a researcher", "met Lee"
			// after "Lee Hsien Loong": a name written family name first.
			d.addMention(p.si, p.ti, p.tj, e, bySurname)
		}
	}
	d.mergeSurnamePersons()
}

// onlyFirstName: without a person cue, a lone word finds the one person
// whose full name starts with it only when no other person of the article
// shares that word and the article never writes it in lower case.
func (d *doc) onlyFirstName(e *entity, w string) bool {
	if d.lowerWords[w] {
		return false
	}
	for _, o := range d.ents {
		if o != e && o.typ == model.Person && slices.Contains(o.words, w) {
			return false
		}
	}
	return true
}

// personWithWordsSuffix returns the person whose full name ends with the
// words w (at least two, fewer than the full name).
func (d *doc) personWithWordsSuffix(w []string) *entity {
	if len(w) < 2 {
		return nil
	}
	for _, e := range d.bySurname[w[len(w)-1]] {
		if len(e.words) > len(w) && slices.Equal(e.words[len(e.words)-len(w):], w) {
			return e
		}
	}
	return nil
}

// personWithSurname returns a person of the article whose family name is w.
func (d *doc) personWithSurname(w string) *entity {
	if es := d.bySurname[w]; len(es) > 0 {
		return es[0]
	}
	return nil
}

// mergeSurnamePersons folds a person known only by a family name ("President
// Putin" before any full name) into the fully named person who bears it.
func (d *doc) mergeSurnamePersons() {
	keep := d.ents[:0]
	for _, e := range d.ents {
		if e.typ == model.Person && len(e.words) == 1 {
			if full := d.personWithSurname(e.words[0]); full != nil && full != e {
				for _, m := range e.mentions {
					m.ent, m.how = full, bySurname
					full.mentions = append(full.mentions, m)
				}
				full.addAlias(e.name)
				for _, a := range e.aliases {
					full.addAlias(a)
				}
				d.byKey[string(e.typ)+"|"+entityKey(e)] = full
				continue
			}
		}
		keep = append(keep, e)
	}
	d.ents = keep
}

// linkNominals links "the Russian leader", "the North Korean president" to
// the leader of that country the article names.
func (d *doc) linkNominals() {
	d.assignRoles()
	d.linkCompassNames()
	for si := range d.sents {
		toks := d.sents[si].tokens
		for _, m := range d.ments[si] {
			if m.ent.typ != model.Country || m.how != byDemonym || m.tj >= len(toks) {
				continue
			}
			// "the Russian leader", "a South Korean leader", a headline's "Turkish leader"
			start := m.ti
			if m.ti > 0 && (toks[m.ti-1].norm == "the" || toks[m.ti-1].norm == "a") {
				start--
			} else if m.ti > 0 {
				continue
			}
			n := d.titleAt(si, m.tj, min(len(toks), m.tj+3))
			if n == 0 || d.x.lx.titles[titleWords(toks, m.tj, m.tj+n)].class != "leader" {
				continue
			}
			if p := d.leaderOf(m.ent.iso3); p != nil && (m.tj+n >= len(toks) || d.mentionAt(si, m.tj+n) == nil || d.mentionAt(si, m.tj+n).ent.typ != model.Person) {
				d.addMention(si, start, m.tj+n, p, byNominal)
			}
		}
	}
}

// linkCompassNames reads "the North" and "the South" as the North or South
// Korea (Sudan, Macedonia …) the article names: "the North's missile tests".
func (d *doc) linkCompassNames() {
	byWord := map[string]*entity{}
	for _, e := range d.ents {
		if e.typ != model.Country || len(e.mentions) == 0 {
			continue
		}
		if w, _, ok := strings.Cut(e.name, " "); ok && (w == "North" || w == "South") {
			if _, dup := byWord[w]; dup {
				byWord[w] = nil // two Souths: ambiguous
			} else {
				byWord[w] = e
			}
		}
	}
	for si := range d.sents {
		toks := d.sents[si].tokens
		for k := 1; k < len(toks); k++ {
			if toks[k-1].norm != "the" {
				continue // checked first: cheaper than the look-up
			}
			e := byWord[toks[k].text]
			if e == nil || d.tokMent[si][k] != nil ||
				k+1 < len(toks) && toks[k+1].word && toks[k+1].cap {
				continue
			}
			d.addMention(si, k, k+1, e, bySeat)
		}
	}
}

func titleWords(toks []token, i, j int) string {
	var w []string
	for k := i; k < j; k++ {
		if toks[k].word {
			w = append(w, toks[k].norm)
		}
	}
	return strings.Join(w, " ")
}

// leaderOf returns the article's person who leads the country iso3.
func (d *doc) leaderOf(iso3 string) *entity {
	for _, e := range d.ents {
		if e.typ == model.Person && e.leader && e.country == iso3 {
			return e
		}
	}
	return nil
}
