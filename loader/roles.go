package loader

import (
	"strings"
	"unicode"

	"github.com/geokg/geokg/model"
)

// Ranks of role evidence: a role the article states beats the gazetteer's.
const (
	rankGazetteer  = 1
	rankTitle      = 2
	rankApposition = 3
)

// assignRoles reads each person's role, country and affiliation from the
// words around their names: "Russian President Vladimir Putin", "U.S.
// National Security Council spokesperson John Kirby", "Rebekah Koffler, a
// strategic military intelligence analyst and former senior official at
// the Defense Intelligence Agency".
func (d *doc) assignRoles() {
	for si := range d.sents {
		for _, m := range d.ments[si] {
			if m.ent.typ != model.Person || (m.how != byName && m.how != bySurname) {
				continue
			}
			toks := d.sents[si].tokens
			d.genderFromTitle(si, m)
			d.actsFor(si, m)
			if r, ok := d.roleBefore(si, m.ti); ok {
				r.span = [2]int{r.span[0], m.end}
				if r.country == nil && m.tj+1 < len(toks) && toks[m.tj].norm == "of" {
					// "Defense Minister Rustem Umerov of Ukraine"
					if c := d.mentionAt(si, m.tj+1); c != nil && c.ent.typ == model.Country {
						r.country, r.span[1] = c.ent, c.end
						r.text = strings.TrimSpace(d.text[toks[m.ti-1].start:toks[m.ti-1].end])
						if n := d.titleEndingAt(si, m.ti-1); n > 0 {
							r.text = d.text[toks[m.ti-n].start:toks[m.ti-1].end]
						}
						r.text = c.ent.name + " " + r.text // canonicalRole writes "Defense Minister of Ukraine"
					}
				}
				d.setRole(m.ent, r, rankTitle)
			}
			if r, ok := d.roleAfter(si, m.tj); ok {
				r.span = [2]int{m.start, toks[r.span[1]-1].end}
				d.setRole(m.ent, r, rankApposition)
			}
		}
	}
}

// genderFromTitle gives a person of unknown gender the sex a title or
// honorific right before or after the name states: "spokeswoman Jane
// Wanjiru", "Mr Mudavadi", "Jane Wanjiru, the ministry's spokeswoman".
func (d *doc) genderFromTitle(si int, m *mention) {
	if m.ent.gender != 0 {
		return
	}
	toks := d.sents[si].tokens
	around := []int{m.ti - 1, m.ti - 2}
	if m.tj < len(toks) && toks[m.tj].norm == "," {
		around = append(around, m.tj+1, m.tj+2, m.tj+3, m.tj+4)
	}
	for _, k := range around {
		if k < 0 || k >= len(toks) {
			continue
		}
		switch w := toks[k].norm; {
		case attrib.Female[w]:
			m.ent.gender = 'f'
			return
		case attrib.Male[w]:
			m.ent.gender = 'm'
			return
		}
	}
}

// role is what the text says about a person's position.
type role struct {
	text    string  // "Russian President", "strategic military intelligence analyst …"
	title   string  // the title word(s): "president"
	class   string  // the title's class (leader, official, …)
	country *entity // the country it is a role of
	org     *entity // the organization it is a role in
	bySeat  bool    // the country is named by a seat ("Kremlin")
	// span is where the text says it, in bytes: the role with the name.
	// roleBefore and roleAfter fill it half (start byte, end token).
	span [2]int
}

// roleBefore reads a role that ends right before token i: titles,
// modifiers, and the country or organization they belong to.
func (d *doc) roleBefore(si, i int) (role, bool) {
	toks := d.sents[si].tokens
	var r role
	start, end := i, i
	k := i - 1
	for k >= 0 {
		t := toks[k]
		if t.norm == "." || t.norm == "-" || t.norm == "'s" {
			k--
			continue
		}
		if m := d.mentionAt(si, k); m != nil {
			if m.ent.typ == model.Country && r.country == nil {
				r.country, r.bySeat = m.ent, m.how == bySeat
			} else if m.ent.typ == model.Organization && r.org == nil {
				r.org = m.ent
			} else {
				break
			}
			start, k = m.ti, m.ti-1
			continue
		}
		if n := d.titleEndingAt(si, k); n > 0 {
			w := titleWords(toks, k-n+1, k+1)
			if r.title == "" && d.x.lx.titles[w].class == "honorific" && start == end {
				// "Foreign Minister Dr Hasan Mahmud": an honorific between
				// the title and the name is no part of the role (ENT-16).
				start, end, k = k-n+1, k-n+1, k-n
				continue
			}
			if r.title == "" {
				r.title = w
				r.class = d.x.lx.titles[r.title].class
			}
			start, k = k-n+1, k-n
			continue
		}
		if recog.Modifiers[t.norm] && r.title != "" {
			start, k = k, k-1
			continue
		}
		break
	}
	if r.title == "" || r.class == "honorific" {
		return r, false
	}
	r.text = strings.TrimSpace(d.text[toks[start].start:toks[end-1].end])
	r.span[0] = toks[start].start
	return r, true
}

// titleEndingAt returns the length in words of the longest title ending at token k.
func (d *doc) titleEndingAt(si, k int) int {
	toks := d.sents[si].tokens
	best := 0
	var buf [64]byte
	key, words := buf[:0], 0 // the words read backwards from k, joined by spaces
	n := 0
	for j := k; j >= 0 && words < d.x.lx.titleMax; j-- {
		if toks[j].norm == "." {
			n++
			continue
		}
		if !toks[j].word {
			break
		}
		key, words = appendWord(key, toks[j].norm), words+1
		n++
		if _, ok := d.x.lx.titlesBack[string(key)]; ok {
			best = n
		}
		if !d.x.lx.titleBackPrefixes[string(key)] {
			break // no longer title ends with these words
		}
	}
	return best
}

// roleAfter reads an apposition after a name: ", a former senior official
// at the Defense Intelligence Agency," up to the next comma.
func (d *doc) roleAfter(si, j int) (role, bool) {
	toks := d.sents[si].tokens
	var r role
	j = afterParen(toks, j)
	if j+1 >= len(toks) || toks[j].norm != "," || !recog.AppositionOpeners[toks[j+1].norm] || toks[j+1].norm == "who" {
		return r, false
	}
	start := j + 1
	for start < len(toks) && (toks[start].norm == "a" || toks[start].norm == "an" || toks[start].norm == "the" || toks[start].norm == "another") {
		start++
	}
	end := start
	for end < len(toks) {
		n := toks[end].norm
		if n == "," || n == ";" || n == `"` || n == "(" || n == "--" || n == "." && !recog.Abbreviations[toks[end-1].norm] {
			break
		}
		if _, ok := d.x.lx.speech[n]; ok && end > start {
			break
		}
		if m := d.mentionAt(si, end); m != nil {
			if m.ent.typ == model.Country && r.country == nil {
				r.country = m.ent
			}
			if m.ent.typ == model.Organization && r.org == nil {
				r.org = m.ent
			}
		}
		if r.title == "" {
			if n := d.titleAt(si, end, len(toks)); n > 0 {
				r.title = titleWords(toks, end, end+n)
				r.class = d.x.lx.titles[r.title].class
			}
		}
		end++
	}
	if r.title == "" || end == start || r.class == "honorific" {
		return r, false
	}
	r.text = strings.TrimSpace(d.text[toks[start].start:toks[end-1].end])
	r.span[1] = end
	return r, true
}

// actsFor reads the body a person acts for from what they lead: "Olusegun
// Obasanjo led the AU team", "Kagame heads the EAC mediation". A former
// official acts for no state, but for the body whose team he leads.
func (d *doc) actsFor(si int, m *mention) {
	toks := d.sents[si].tokens
	j := m.tj
	if m.ent.affil != nil || j+2 >= len(toks) || !recog.Leads[toks[j].norm] {
		return
	}
	j++
	if gram.Articles[toks[j].norm] {
		j++
	}
	if o := d.mentionAt(si, j); o != nil && o.ent.typ == model.Organization && o.tj < len(toks) && recog.Missions[toks[o.tj].norm] {
		m.ent.affil = o.ent
	}
}

// setRole applies a role to a person if it is better evidence than what
// the person has.
func (d *doc) setRole(p *entity, r role, rank int) {
	if r.country == nil && r.org != nil && r.org.country != "" {
		for _, e := range d.ents {
			if e.typ == model.Country && e.iso3 == r.org.country {
				r.country = e
			}
		}
		if p.country == "" {
			p.country = r.org.country
		}
	}
	if r.country != nil && (p.country == "" || rank > p.roleRank) {
		p.country = r.country.iso3
	}
	if r.org != nil && p.affil == nil {
		p.affil = r.org
	}
	if r.class == "leader" && (r.country != nil || p.country != "") && !strings.HasPrefix(strings.ToLower(r.text), "former") {
		p.leader = true // "President Joe Biden": his country comes from elsewhere
	}
	if p.roleSpan == [2]int{} && (r.country != nil || r.org != nil) {
		p.roleSpan = r.span
	}
	if rank <= p.roleRank || r.country == nil && r.org == nil && r.title != "" &&
		strings.Contains(strings.ToLower(p.role), r.title) {
		return // "President Joe Biden" adds nothing to "President of the United States"
	}
	p.roleRank = rank
	p.role = canonicalRole(r)
	p.roleSpan = r.span
}

// canonicalRole writes "Russian President" as "President of Russia"; a
// role with more in it than a title and a country keeps its words.
func canonicalRole(r role) string {
	if r.country == nil || r.org != nil {
		return r.text
	}
	words := strings.Fields(r.text)
	titleLen := len(strings.Fields(r.title))
	if len(words) < titleLen+1 {
		return r.text
	}
	title := strings.Join(words[len(words)-titleLen:], " ")
	prefix := strings.Join(words[:len(words)-titleLen], " ")
	// Only "<country words> <title>": anything else keeps its shape, as
	// does a seat's ("Kremlin spokesperson").
	if nameWordsEqual(prefix, r.country) && !r.bySeat {
		return title + " of " + withArticle(r.country.name)
	}
	return r.text
}

// withArticle writes the country names that take "the": "the United States".
func withArticle(name string) string {
	for _, p := range []string{"United ", "Republic ", "Democratic ", "Central African", "Czech "} {
		if strings.HasPrefix(name, p) {
			return "the " + name
		}
	}
	for _, s := range []string{"Islands", "Philippines", "Netherlands", "Bahamas", "Gambia", "Emirates", "Maldives", "Comoros"} {
		if strings.HasSuffix(name, s) {
			return "the " + name
		}
	}
	return name
}

// nameWordsEqual reports whether s names country c: one of its aliases
// (which include the demonyms the article used) or its name, possibly with 's.
func nameWordsEqual(s string, c *entity) bool {
	s = strings.TrimSuffix(strings.TrimSuffix(s, "'s"), "’s")
	s = strings.TrimFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && r != '.' })
	if s == c.name {
		return true
	}
	for _, a := range c.aliases {
		if a == s {
			return true
		}
	}
	return false
}
