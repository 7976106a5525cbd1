package loader

import (
	"strings"

	"github.com/geokg/geokg/model"
)

// matchLocalNames finds, everywhere in the article, the organizations it
// named by patterns ("the DSCA said" after "… Agency (DSCA)"): names the
// gazetteer does not know but this article taught.
func (d *doc) matchLocalNames() {
	names := map[string]*entity{}
	longest := 0
	for _, e := range d.ents {
		if e.typ != model.Organization {
			continue
		}
		for _, n := range append([]string{e.name}, e.aliases...) {
			w := nameWords(n)
			if len(w) == 0 || len(w) == 1 && !isAcronymName(n) {
				continue // a lone common word ("Office") is not a name
			}
			names[strings.Join(w, " ")] = e
			longest = max(longest, len(w))
		}
	}
	if len(names) == 0 {
		return
	}
	for si := range d.sents {
		toks := d.sents[si].tokens
		for i := 0; i < len(toks); i++ {
			if !toks[i].word || !toks[i].cap || d.tokMent[si][i] != nil {
				continue
			}
			var buf [64]byte
			key, words := buf[:0], 0 // the words from i, joined by spaces
			end, found := 0, (*entity)(nil)
			for j := i; j < len(toks) && words < longest && d.tokMent[si][j] == nil; j++ {
				if !toks[j].word {
					break
				}
				key, words = appendWord(key, toks[j].norm), words+1
				if e := names[string(key)]; e != nil && (words > 1 || toks[i].acronym) {
					end, found = j+1, e
				}
			}
			if found != nil {
				d.addMention(si, i, end, found, byName)
				i = end - 1
			}
		}
	}
}

// findGenericOrgs records government bodies named by a country and a
// lower-case description: "North Korea's defense ministry" becomes the
// organization "North Korean Defense Ministry", with the words of the
// text as its alias.
func (d *doc) findGenericOrgs(si int) {
	toks := d.sents[si].tokens
	for _, m := range append([]*mention(nil), d.ments[si]...) {
		if m.ent.typ != model.Country {
			continue
		}
		k := m.tj
		if k < len(toks) && toks[k].norm == "'s" {
			k++
		}
		j := k
		for j < len(toks) && toks[j].word && !toks[j].cap && recog.GenericOrgWords[toks[j].norm] && j-k < 4 {
			j++
		}
		if j == k || !recog.OrgHeads[toks[j-1].norm] || j < len(toks) && toks[j].word && recog.GenericOrgWords[toks[j].norm] {
			continue
		}
		c := m.ent
		adj := c.name
		if g, ok := d.x.gaz.CountryByISO3(c.iso3); ok && len(g.Demonyms) > 0 {
			adj = g.Demonyms[0]
		}
		var title []string
		for _, t := range toks[k:j] {
			title = append(title, strings.ToUpper(t.text[:1])+t.text[1:])
		}
		name := adj + " " + strings.Join(title, " ")
		e := d.entityFor(model.Organization, strings.Join(nameWords(name), " "), func(e *entity) {
			e.name, e.country, e.kind = name, c.iso3, "government"
		})
		e.generic = true
		o := d.addMention(si, m.ti, j, e, byName)
		_ = o
	}
}
