package loader

import (
	"slices"
	"strings"

	"github.com/geokg/geokg/loader/gazetteer"
)

// What a gazetteer name stands for.
const (
	refCountry = iota // a country's name or alias: "Russia", "DPRK"
	refDemonym        // "Russian", "North Korean"
	refSeat           // a metonym: "Kremlin", "Pyongyang", "the White House"
	refPerson
	refOrg
	refPlace
)

// ref is one meaning of a gazetteer name.
type ref struct {
	kind    int
	country *gazetteer.Country
	person  *gazetteer.Person
	org     *gazetteer.Org
	place   *gazetteer.Place
	// acronym names ("US", "DPRK", "NSC") match only upper-case text.
	acronym bool
	// ambiguous names (Georgia, Jordan, Chad) need supporting context.
	ambiguous bool
}

// trieNode is a node of a word trie: names are sequences of normalized words.
type trieNode struct {
	next map[string]*trieNode
	refs []ref
}

// index finds gazetteer names in token sequences, longest first.
type index struct {
	root trieNode
	// surnames maps the family name of a well-known person to the people
	// who bear it, so "Putin" alone can be resolved.
	surnames map[string][]*gazetteer.Person
}

func newIndex(g *gazetteer.Gazetteer) *index {
	ix := &index{surnames: map[string][]*gazetteer.Person{}}
	for i := range g.Countries {
		c := &g.Countries[i]
		amb := c.Ambiguous
		ix.add(c.Name, ref{kind: refCountry, country: c, ambiguous: amb})
		if c.Official != "" {
			ix.add(c.Official, ref{kind: refCountry, country: c})
		}
		for _, a := range c.Aliases {
			ix.add(a, ref{kind: refCountry, country: c, ambiguous: amb && a != c.Official})
		}
		for _, d := range c.Demonyms {
			ix.add(d, ref{kind: refDemonym, country: c})
		}
		for _, s := range c.Seats {
			ix.add(s, ref{kind: refSeat, country: c})
		}
	}
	for i := range g.People {
		p := &g.People[i]
		ix.add(p.Name, ref{kind: refPerson, person: p})
		for _, a := range p.Aliases {
			ix.add(a, ref{kind: refPerson, person: p})
		}
		// Japanese outlets write family names first: "Kishida Fumio".
		if w := strings.Fields(p.Name); p.Country == "JPN" && len(w) == 2 {
			ix.add(w[1]+" "+w[0], ref{kind: refPerson, person: p})
		}
		if s := surname(p.Name, p.Country); s != "" {
			ix.surnames[s] = append(ix.surnames[s], p)
			// Spellings of the same family name in the aliases
			// ("Zelensky" of Volodymyr Zelenskyy) find the person alone too.
			for _, a := range p.Aliases {
				if v := surname(a, p.Country); v != s && spellingVariant(v, s) && !slices.Contains(ix.surnames[v], p) {
					ix.surnames[v] = append(ix.surnames[v], p)
				}
			}
		}
	}
	for i := range g.Orgs {
		o := &g.Orgs[i]
		ix.add(o.Name, ref{kind: refOrg, org: o})
		for _, a := range o.Aliases {
			ix.add(a, ref{kind: refOrg, org: o})
		}
	}
	for i := range g.Places {
		p := &g.Places[i]
		ix.add(p.Name, ref{kind: refPlace, place: p})
		for _, a := range p.Aliases {
			ix.add(a, ref{kind: refPlace, place: p})
		}
	}
	return ix
}

// nameWords turns a name into its trie key: normalized words without a
// leading "the" and without hyphens.
func nameWords(name string) []string {
	words := phraseWords(name) // no token holds a space: as strings.Fields(normPhrase(name))
	if len(words) > 1 && words[0] == "the" {
		words = words[1:]
	}
	return words
}

func (ix *index) add(name string, r ref) {
	words := nameWords(name)
	if len(words) == 0 {
		return
	}
	r.acronym = isAcronymName(name)
	n := &ix.root
	for _, w := range words {
		if n.next == nil {
			n.next = map[string]*trieNode{}
		}
		c := n.next[w]
		if c == nil {
			c = &trieNode{}
			n.next[w] = c
		}
		n = c
	}
	for _, have := range n.refs {
		if have == r {
			return
		}
	}
	n.refs = append(n.refs, r)
}

// isAcronymName reports names like "US", "U.S.", "DPRK", "NSC".
func isAcronymName(name string) bool {
	name = strings.TrimPrefix(name, "the ")
	letters := 0
	for _, r := range name {
		switch {
		case r >= 'A' && r <= 'Z':
			letters++
		case r == '.' || r == '-' || r >= '0' && r <= '9':
		default:
			return false
		}
	}
	return letters >= 2
}

// match returns the longest gazetteer name starting at toks[i]: the index
// after it and its meanings. Hyphens inside words ("Jong-Un") are skipped.
func (ix *index) match(toks []token, i int) (end int, refs []ref) {
	if i < len(toks) && toks[i].word && !toks[i].cap {
		return 0, nil // casedRefs takes no name whose first word is in lower case: no look-ups
	}
	n := &ix.root
	j := i
	for j < len(toks) {
		t := toks[j]
		if t.norm == "-" && !t.space && j+1 < len(toks) && !toks[j+1].space && j > i {
			j++
			continue
		}
		if t.norm == "." && j > i && len(toks[j-1].norm) == 1 { // "N. Korea"
			j++
			continue
		}
		if !t.word && !isNumberToken(t) && t.norm != "'s" && t.norm != "&" {
			break
		}
		c := n.next[t.norm]
		if c == nil {
			break
		}
		n = c
		j++
		if len(n.refs) > 0 {
			if rs := casedRefs(n.refs, toks[i:j]); len(rs) > 0 {
				end, refs = j, rs
			}
		}
	}
	return end, refs
}

func isNumberToken(t token) bool {
	return t.text != "" && t.text[0] >= '0' && t.text[0] <= '9'
}

// casedRefs keeps the meanings whose case the text honours: acronyms must
// be upper case in the text; other names must be capitalized (but for
// function words).
func casedRefs(refs []ref, toks []token) []ref {
	capitalized := true
	for k, t := range toks {
		if !t.word {
			continue
		}
		afterHyphen := k > 0 && toks[k-1].norm == "-" && !toks[k-1].space && !t.space
		if !t.cap && (k == 0 || !recog.NameFunctionWords[t.norm]) && !isNumberToken(t) && !afterHyphen {
			capitalized = false
		}
	}
	acronymText := len(toks) == 1 && toks[0].acronym
	if !capitalized && len(toks) >= 3 && toks[0].cap && toks[1].cap {
		// "Kim Jong un": a long name whose last part lost its capital
		// still names a known person.
		var people []ref
		for _, r := range refs {
			if r.kind == refPerson {
				people = append(people, r)
			}
		}
		return people
	}
	if !capitalized {
		return nil
	}
	var out []ref
	for _, r := range refs {
		if r.acronym && !acronymText {
			continue
		}
		out = append(out, r)
	}
	return out
}

// spellingVariant: two transliterations of one name, sharing all but their
// last two letters at most ("zelensky", "zelenskyy", "zelenskiy").
func spellingVariant(a, b string) bool {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n >= 4 && len(a)-n <= 2 && len(b)-n <= 2
}

// East Asian names put the family name first: "Kim" of Kim Jong Un.
var familyNameFirst = setOf("CHN", "PRK", "KOR", "TWN", "VNM", "HKG", "MAC", "KHM", "MNG")

// surname returns the normalized family name of a full name.
func surname(name, country string) string {
	words := nameWords(name)
	if len(words) < 2 {
		return ""
	}
	if familyNameFirst[country] || hyphenatedGivenName(name) {
		return words[0]
	}
	return words[len(words)-1]
}

// hyphenatedGivenName matches Korean and Taiwanese names written family
// name first with a hyphenated given name: "Park Ji-hoon", "Kuo Ya-hui".
func hyphenatedGivenName(name string) bool {
	parts := strings.Fields(name)
	return len(parts) == 2 && strings.Count(parts[1], "-") == 1 && !strings.Contains(parts[0], "-") &&
		len(parts[1]) > strings.Index(parts[1], "-")+1 && parts[1][strings.Index(parts[1], "-")+1] >= 'a' && parts[1][strings.Index(parts[1], "-")+1] <= 'z'
}
