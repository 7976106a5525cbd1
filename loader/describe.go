package loader

import (
	"fmt"
	"strings"

	"github.com/geokg/geokg/model"
)

// Descriptions standing for states and blocs: "the kingdom", "the Asian
// country", "the oil-rich Gulf state", "the island nation", "the junta",
// "the regional bloc", "the Emiratis". Each is a mention of the country
// (or bloc) it stands for, found by coreference with the last compatible
// mention before it, so that the event stage sees it as a party and the
// quote stage as a speaker. The words and the features of countries are
// data: lexicon/descriptions.txt and lexicon/countryfeatures.txt.

// Kinds of lexicon/descriptions.txt.
const (
	descHead      = "head"
	descAdjective = "adjective"
	descJunta     = "junta"
	descBloc      = "bloc"
	descMember    = "member"
)

// descLexicon holds the words of descriptions and the features of countries.
type descLexicon struct {
	words    map[string][2]string       // normalized phrase → kind, feature ("" for none)
	maxWords int                        // most words in a phrase
	members  map[string]bool            // normalized names of blocs
	features map[string]map[string]bool // ISO3 → features
}

func loadDescriptions() (*descLexicon, error) {
	dl := &descLexicon{words: map[string][2]string{}, members: map[string]bool{}, features: map[string]map[string]bool{}}
	rows, err := readLexicon("descriptions.txt", 3)
	if err != nil {
		return nil, err
	}
	for _, r := range rows {
		key := normPhrase(r[0])
		feature := strings.Trim(r[2], "-")
		switch r[1] {
		case descMember:
			dl.members[strings.Join(nameWords(r[0]), " ")] = true
			continue
		case descHead, descAdjective, descJunta, descBloc:
		default:
			return nil, fmt.Errorf("lexicon/descriptions.txt: %q: unknown kind %q", r[0], r[1])
		}
		dl.words[key] = [2]string{r[1], feature}
		dl.maxWords = max(dl.maxWords, len(strings.Fields(key)))
	}
	if rows, err = readLexicon("countryfeatures.txt", 2); err != nil {
		return nil, err
	}
	for _, r := range rows {
		set := map[string]bool{}
		for _, f := range strings.Split(r[1], ",") {
			set[strings.TrimSpace(f)] = true
		}
		dl.features[r[0]] = set
	}
	return dl, nil
}

// phraseAt returns the kind and feature of the longest phrase of the
// lexicon at toks[i] (hyphens inside it skipped: "oil-rich") and the token
// after it.
func (dl *descLexicon) phraseAt(toks []token, i int) (kind, feature string, end int) {
	key, n := "", 0
	for j := i; j < len(toks) && n < dl.maxWords; j++ {
		if toks[j].norm == "-" && j > i && !toks[j].space {
			continue
		}
		if !toks[j].word {
			break
		}
		if n > 0 {
			key += " "
		}
		key += toks[j].norm
		n++
		if w, ok := dl.words[key]; ok {
			kind, feature, end = w[0], w[1], j+1
		}
	}
	return kind, feature, end
}

// linkDescriptions adds a mention for each description standing for a
// country or a bloc named before it.
func (d *doc) linkDescriptions() {
	dl := d.x.desc
	for si := range d.sents {
		toks := d.sents[si].tokens
		for k := 0; k+1 < len(toks); k++ {
			if toks[k].norm != "the" {
				continue
			}
			if e, end := d.pluralDemonym(si, k); e != nil {
				d.addMention(si, k, end, e, byDescription) // "the Emiratis said"
				continue
			}
			var reqs []string
			narrowed := false
			i := k + 1
			kind, feature, end := "", "", 0
			for i < len(toks) {
				if m := d.tokMent[si][i]; m != nil && m.ent.typ != model.Place {
					break // "the Saudi kingdom": a name says it already
				}
				if isNumberToken(toks[i]) && i+2 < len(toks) && toks[i+1].norm == "-" {
					i += 3 // "the 27-nation bloc"
					continue
				}
				kind, feature, end = dl.phraseAt(toks, i)
				if kind != descAdjective {
					break
				}
				if feature != "" {
					reqs = append(reqs, feature)
					narrowed = true
				}
				i = end
			}
			if kind == "" || kind == descAdjective || !d.descriptionEnds(si, end) {
				continue
			}
			var e *entity
			switch kind {
			case descHead:
				if feature != "" {
					reqs = append(reqs, feature)
					narrowed = true
				}
				if narrowed {
					e = d.countryWith(si, toks[k].start, reqs)
				}
			case descJunta:
				e = d.ruledCountry(si, toks[k].start)
			case descBloc:
				e = d.lastEntity(si, toks[k].start, func(e *entity) bool {
					return e.typ == model.Organization && dl.members[strings.Join(nameWords(e.name), " ")]
				})
			}
			if e != nil {
				d.addMention(si, k, end, e, byDescription)
				k = end - 1
			}
		}
	}
}

// descriptionEnds reports whether a description may end before token j:
// not inside a longer name ("the Kingdom Tower") or a noun compound ("the
// state media", "the island nation's coast guard" ends at "nation's").
func (d *doc) descriptionEnds(si, j int) bool {
	toks := d.sents[si].tokens
	if j >= len(toks) || !toks[j].word {
		return true
	}
	if toks[j].cap {
		return false
	}
	_, org := d.x.lx.orgWords[toks[j].norm]
	return !org && !recog.GenericOrgWords[toks[j].norm] && !attrib.Statement[toks[j].norm]
}

// countryWith returns the country mentioned last before byte pos of
// sentence si that has all the features reqs.
func (d *doc) countryWith(si, pos int, reqs []string) *entity {
	return d.lastEntityAnywhere(si, pos, func(m *mention) bool {
		if m.ent.typ != model.Country {
			return false
		}
		fs := d.x.desc.features[m.ent.iso3]
		for _, r := range reqs {
			if !fs[r] {
				return false
			}
		}
		return true
	})
}

// ruledCountry returns the country a junta rules: the one last named with
// such a body ("Mali's junta", "the Malian military rulers"), else the
// country the article follows.
func (d *doc) ruledCountry(si, pos int) *entity {
	if e := d.lastEntityAnywhere(si, pos, func(m *mention) bool {
		if m.ent.typ != model.Country {
			return false
		}
		toks := d.sents[m.sent].tokens
		for j := m.tj; j < len(toks) && j < m.tj+4; j++ {
			if kind, _, _ := d.x.desc.phraseAt(toks, j); kind == descJunta || attrib.Government[toks[j].norm] {
				return true
			}
			if !toks[j].word && toks[j].norm != "'s" {
				return false
			}
		}
		return false
	}); e != nil {
		return e
	}
	return d.homeCountry(si, pos)
}

// pluralDemonym reads "the Emiratis", "the Saudis" at token k ("the"): a
// people standing for its state, unless a noun follows ("the Saudis'
// position" still is; "the Saudis themselves" too).
func (d *doc) pluralDemonym(si, k int) (*entity, int) {
	toks := d.sents[si].tokens
	m := d.tokMent[si][k+1]
	if m == nil || m.ti != k+1 || m.ent.typ != model.Country || m.how != byDemonym {
		return nil, 0
	}
	last := toks[m.tj-1].norm
	if !strings.HasSuffix(last, "s") || strings.HasSuffix(last, "ss") {
		return nil, 0
	}
	if m.tj < len(toks) && toks[m.tj].word && toks[m.tj].cap {
		return nil, 0 // "the Saudis Faisal and …": a list of names
	}
	return m.ent, m.tj
}

// lastEntityAnywhere returns the entity of the last mention before byte
// pos of sentence si, in the whole article before it, that ok accepts.
func (d *doc) lastEntityAnywhere(si, pos int, ok func(*mention) bool) *entity {
	for s := si; s >= 0; s-- {
		ms := d.ments[s]
		for i := len(ms) - 1; i >= 0; i-- {
			if (s < si || ms[i].start < pos) && ok(ms[i]) {
				return ms[i].ent
			}
		}
	}
	return nil
}

// linkPersonDescriptions adds a mention for each definite description of
// a person named before it: "the Kenyan minister", "the visiting
// president", "Iran's foreign minister", "the spokeswoman", "the King"
// (DESC-4). The person is the one named last whose role has the title,
// of the country the description gives.
func (d *doc) linkPersonDescriptions() {
	for si := range d.sents {
		toks := d.sents[si].tokens
		for k := 1; k < len(toks); k++ {
			if h := d.headOf(si, k); h != headTitle && !(h == headUnnamed && d.x.lx.titles[toks[k].norm].class != "") || d.tokMent[si][k] != nil {
				continue
			}
			// A name follows ("the minister, Musalia Mudavadi," aside): the
			// title is the name's, not a description.
			if k+1 < len(toks) && (toks[k+1].word && toks[k+1].cap || d.mentionAt(si, k+1) != nil || toks[k+1].norm == "of") ||
				d.nameAppositionAfter(si, k) {
				continue
			}
			desc, ok := d.describe(si, k)
			if !ok && desc.head != headNone {
				desc.det, ok = d.objectDeterminer(si, k)
			}
			if !ok || desc.person || desc.org != nil || desc.orgWord != "" || !attrib.Definite[desc.det] && desc.country == nil {
				continue
			}
			start := k
			for start > 0 && start > k-7 && !(attrib.Definite[toks[start-1].norm] || d.mentionAt(si, start-1) != nil && d.mentionAt(si, start-1).ent.typ == model.Country) {
				start--
			}
			if start > 0 {
				start--
				if m := d.mentionAt(si, start); m != nil {
					start = m.ti
					if start > 0 && attrib.Definite[toks[start-1].norm] {
						start--
					}
				}
			}
			if p := d.personByRole(si, toks[k].start, k, desc.country); p != nil {
				d.addMention(si, start, k+1, p, byNominal)
			}
		}
	}
}

// objectDeterminer reads the determiner of a description after a
// preposition ("met with the Emirati foreign minister"), which describe
// leaves alone because such a description says nothing: it still names
// the person.
func (d *doc) objectDeterminer(si, k int) (string, bool) {
	toks := d.sents[si].tokens
	for j := k - 1; j > 0 && j >= k-7; j-- {
		if m := d.mentionAt(si, j); m != nil {
			j = m.ti
			continue
		}
		t := toks[j]
		if attrib.Definite[t.norm] {
			return t.norm, attrib.Prepositions[toks[j-1].norm]
		}
		if !t.word || t.cap {
			return "", false
		}
	}
	return "", false
}

// nameAppositionAfter: the title at token k is followed, within its
// clause, by a name between commas ("The deputy prime minister and defence
// minister, Richard Marles, said"): the title describes that name.
func (d *doc) nameAppositionAfter(si, k int) bool {
	toks := d.sents[si].tokens
	for j := k + 1; j < len(toks) && j < k+8; j++ {
		if toks[j].norm == "," {
			m := d.mentionAt(si, j+1)
			return m != nil && m.ent.typ == model.Person
		}
		if !toks[j].word {
			return false
		}
	}
	return false
}
