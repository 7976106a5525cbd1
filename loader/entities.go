package loader

import (
	"slices"
	"sort"
	"strings"

	"github.com/geokg/geokg/loader/gazetteer"
	"github.com/geokg/geokg/model"
)

// entity is an entity of the article being extracted.
type entity struct {
	typ      model.EntityType
	name     string
	aliases  []string
	iso3     string // countries
	country  string // ISO3 of a person, organization or place
	role     string
	roleRank int    // how informative role is; a better one replaces it
	roleSpan [2]int // where the text states the role, in bytes
	leader   bool
	affil    *entity
	kind     string
	wikidata string
	gender   byte     // 'm', 'f' or 0
	generic  bool     // a government body named by description ("the Russian foreign ministry")
	words    []string // normalized name words (people)
	mentions []*mention
}

// How a mention names its entity.
const (
	byName        = iota // a name or alias: "Vladimir Putin", "DPRK"
	bySurname            // "Putin"
	byDemonym            // "Russian"
	bySeat               // "the Kremlin", "Washington"
	byNominal            // "the Russian leader"
	byPronoun            // "she"
	byDescription        // "the kingdom", "the Asian country", "the bloc" (coref.go)
)

// mention is where the text names an entity: bytes [start, end) of
// sentence sent, tokens [ti, tj) of it.
type mention struct {
	start, end int
	sent       int
	ti, tj     int
	ent        *entity
	how        int
}

func (m *mention) text(d *doc) string { return d.text[m.start:m.end] }

// findEntities recognizes entity mentions sentence by sentence, then links
// later mentions (surnames, "the Russian leader") to the entities they name.
func (d *doc) findEntities() {
	d.ments = make([][]*mention, len(d.sents))
	d.tokMent = make([][]*mention, len(d.sents))
	for si := range d.sents {
		d.tokMent[si] = make([]*mention, len(d.sents[si].tokens))
	}
	var pending []pendingName
	for si := range d.sents {
		pending = append(pending, d.recognize(si)...)
	}
	d.resolvePending(pending)
	d.matchLocalNames()
	d.linkNominals()
	d.sortMentions()
	d.linkDescriptions()
	d.sortMentions()
	d.linkPersonDescriptions()
	d.sortMentions()
	d.linkCounterparts()
	d.sortMentions()
}

// sortMentions puts each sentence's mentions in text order.
func (d *doc) sortMentions() {
	for si := range d.ments {
		sort.Slice(d.ments[si], func(a, b int) bool { return d.ments[si][a].start < d.ments[si][b].start })
	}
}

// addMention records that tokens [ti, tj) of sentence si name e.
func (d *doc) addMention(si, ti, tj int, e *entity, how int) *mention {
	toks := d.sents[si].tokens
	m := &mention{start: toks[ti].start, end: toks[tj-1].end, sent: si, ti: ti, tj: tj, ent: e, how: how}
	for _, have := range d.ments[si] {
		if have.start == m.start && have.end == m.end && have.ent == e {
			return have
		}
	}
	d.ments[si] = append(d.ments[si], m)
	for k := ti; k < tj; k++ {
		if cur := d.tokMent[si][k]; cur == nil || cur.tj-cur.ti < tj-ti {
			d.tokMent[si][k] = m
		}
	}
	e.mentions = append(e.mentions, m)
	if how == byName || how == bySurname || how == bySeat || how == byDemonym {
		e.addAlias(m.text(d))
	}
	// The article's own spelling of a full name ("Abbas Araqchi" for the
	// gazetteer's Araghchi) gives the family name it uses alone later, when
	// it is a transliteration of the name's own (not "Al-Saud" of
	// "Mohammad bin Salman Al-Saud", a dynasty shared by the king).
	if e.typ == model.Person && how == byName && tj-ti >= 2 && m.text(d) != e.name {
		if w, own := surname(m.text(d), e.country), surname(e.name, e.country); w != "" && w != own &&
			editDistance(w, own) <= 2 && !slices.Contains(d.bySurname[w], e) {
			d.bySurname[w] = append(d.bySurname[w], e)
		}
	}
	return m
}

func (e *entity) addAlias(s string) {
	s = strings.TrimSpace(s)
	if s == "" || s == e.name {
		return
	}
	for _, a := range e.aliases {
		if a == s {
			return
		}
	}
	e.aliases = append(e.aliases, s)
}

// entityFor returns the article's entity for a key, creating it with init.
func (d *doc) entityFor(typ model.EntityType, key string, init func(*entity)) *entity {
	if e := d.byKey[string(typ)+"|"+key]; e != nil {
		return e
	}
	e := &entity{typ: typ}
	init(e)
	d.ents = append(d.ents, e)
	d.byKey[string(typ)+"|"+entityKey(e)] = e
	if typ == model.Person && len(e.words) >= 2 {
		for _, w := range []string{surname(e.name, e.country), e.words[len(e.words)-1]} {
			if !slices.Contains(d.bySurname[w], e) {
				d.bySurname[w] = append(d.bySurname[w], e)
			}
		}
	}
	return e
}

// entityKey identifies an entity within the article: ISO code for
// countries, Wikidata id where known, else the normalized name.
func entityKey(e *entity) string {
	switch {
	case e.typ == model.Country:
		return e.iso3
	case e.wikidata != "":
		return e.wikidata
	default:
		return strings.Join(nameWords(e.name), " ")
	}
}

func (d *doc) countryEntity(c *gazetteer.Country) *entity {
	return d.entityFor(model.Country, c.ISO3, func(e *entity) {
		e.name, e.iso3, e.wikidata = c.Name, c.ISO3, c.Wikidata
	})
}

// leaderRole reports a gazetteer role of a head of state or government.
func leaderRole(role string) bool {
	for _, t := range []string{"President of", "Prime Minister of", "Chancellor of", "King of", "Emir of", "Supreme Leader", "Leader of", "Crown Prince", "General Secretary"} {
		if strings.HasPrefix(role, t) {
			return true
		}
	}
	return false
}

// gazKey is the key of a gazetteer entry: its Wikidata id, else its name.
func gazKey(wikidata, name string) string {
	if wikidata != "" {
		return wikidata
	}
	return strings.Join(nameWords(name), " ")
}

func (d *doc) personEntity(p *gazetteer.Person) *entity {
	e := d.entityFor(model.Person, gazKey(p.Wikidata, p.Name), func(e *entity) {
		e.name, e.wikidata, e.country, e.role = p.Name, p.Wikidata, p.Country, p.Role
		e.roleRank = 1
		e.leader = leaderRole(p.Role)
		e.words = nameWords(p.Name)
		if p.Gender != "" {
			e.gender = p.Gender[0]
		}
	})
	return e
}

func (d *doc) orgEntity(o *gazetteer.Org) *entity {
	return d.entityFor(model.Organization, gazKey(o.Wikidata, o.Name), func(e *entity) {
		e.name, e.wikidata, e.country, e.kind = o.Name, o.Wikidata, o.Country, o.Kind
	})
}

func (d *doc) placeEntity(p *gazetteer.Place) *entity {
	return d.entityFor(model.Place, gazKey(p.Wikidata, p.Name), func(e *entity) {
		e.name, e.wikidata, e.country, e.kind = p.Name, p.Wikidata, p.Country, p.Kind
	})
}

// pendingName is a capitalized name the first pass could not classify on
// the spot; it may turn out to be a person's surname or full name.
type pendingName struct {
	si, ti, tj int
	cue        bool // a person cue stands next to it (speech verb, apposition)
}

// editDistance is the Levenshtein distance of two words (bytes).
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			sub := prev[j-1]
			if a[i-1] != b[j-1] {
				sub++
			}
			cur[j] = min(sub, prev[j]+1, cur[j-1]+1)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
