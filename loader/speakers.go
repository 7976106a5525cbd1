package loader

import (
	"sort"
	"strings"

	"github.com/geokg/geokg/model"
)

// Speakers named by description rather than by name: "the ministry said",
// "the Kenyan minister added", "a Western diplomat said", "the statement
// said", "it said". The words these rules look for are classes of
// lexicon/speakers.txt, titles.txt and orgwords.txt.

// asSpeaker returns who speaks through a mention: a person, an
// organization, or a country through its name or metonym ("the Kremlin
// said"). A country named by its adjective speaks only through unnamed
// officials ("a senior Chinese official said"); otherwise it describes
// the speaker ("Russian President Vladimir Putin").
func (d *doc) asSpeaker(m *mention) *entity {
	switch {
	case m.ent.typ == model.Person, m.ent.typ == model.Organization:
		return m.ent
	case m.ent.typ == model.Country && m.how != byDemonym:
		return m.ent
	case m.ent.typ == model.Country && d.unnamedAfter(m):
		return m.ent
	}
	return nil
}

// unnamedAfter: the country adjective describes unnamed officials:
// "Chinese officials", "a senior Kenyan diplomat".
func (d *doc) unnamedAfter(m *mention) bool {
	toks := d.sents[m.sent].tokens
	for j := m.tj; j < len(toks) && j < m.tj+3; j++ {
		if attrib.Unnamed[toks[j].norm] || attrib.Government[toks[j].norm] {
			return true
		}
		if !toks[j].word {
			return false
		}
	}
	return false
}

// headKind is what the head noun of a description is.
type headKind uint8

const (
	headNone       headKind = iota
	headStatement           // "the statement"
	headGovernment          // "the government", "the junta"
	headOrg                 // "the ministry", "the embassy"
	headTitle               // "the minister", "a spokesperson"
	headUnnamed             // "officials", "a source"
)

// headOf classifies token k as the head noun of a speaker's description.
func (d *doc) headOf(si, k int) headKind {
	t := d.sents[si].tokens[k]
	if !t.word {
		return headNone
	}
	w := t.norm
	if !d.x.lx.speakerHeads[w] {
		return headNone // one look-up for the many words that head nothing
	}
	switch {
	case attrib.Statement[w]:
		return headStatement
	case attrib.Government[w]:
		return headGovernment
	case attrib.Unnamed[w]:
		return headUnnamed
	}
	if _, ok := d.x.lx.orgWords[w]; ok && !t.cap {
		return headOrg
	}
	if c := d.x.lx.titles[w].class; c != "" && c != "honorific" && (!t.cap || k > 0) {
		return headTitle
	}
	if d.titleEndingAt(si, k) > 1 {
		return headTitle // "the head of state": a title of several words ends here
	}
	return headNone
}

// description is a noun phrase that names a speaker by what it is.
type description struct {
	head    headKind
	k       int     // the head noun
	det     string  // "the", "a", … or "" when none
	country *entity // "the Kenyan minister", "Kenya's foreign ministry"
	org     *entity // "the ministry's spokesman"
	orgWord string  // an organization noun before a title: "a ministry spokesperson"
	person  bool    // a person's possessive: "Museveni's spokesman"
}

// describe reads the description whose head noun is token k, back to its
// determiner: "the Kenyan minister", "a senior Western diplomat", "a
// foreign ministry spokesperson". ok is false when k heads none.
func (d *doc) describe(si, k int) (desc description, ok bool) {
	desc = description{head: d.headOf(si, k), k: k}
	if desc.head == headNone {
		return desc, false
	}
	toks := d.sents[si].tokens
	from := k - 1
	if desc.head == headTitle {
		from = k - max(d.titleEndingAt(si, k), 1) // "the Crown Prince", "the head of state"
	}
	for j := from; j >= 0 && j >= k-7; j-- {
		t := toks[j]
		if m := d.mentionAt(si, j); m != nil {
			switch {
			case m.ent.typ == model.Country && desc.country == nil:
				desc.country = m.ent
			case m.ent.typ == model.Organization && desc.org == nil:
				desc.org = m.ent
			case m.ent.typ == model.Person && j+1 < len(toks) && toks[j+1].norm == "'s":
				desc.person = true
			default:
				return desc, true
			}
			j = m.ti
			continue
		}
		switch {
		case t.norm == "'s" || t.norm == "-":
			continue
		case attrib.Definite[t.norm] || attrib.Indefinite[t.norm]:
			if j > 0 && attrib.Prepositions[toks[j-1].norm] {
				return desc, false // "said in a statement", "told the ministry": no subject
			}
			desc.det = t.norm
			return desc, true
		case !t.word || t.cap && !d.x.lx.notPersonWords[t.norm] && d.x.lx.titles[t.norm].class == "":
			return desc, true
		}
		if _, isOrg := d.x.lx.orgWords[t.norm]; isOrg && desc.orgWord == "" && desc.head == headTitle || desc.head == headUnnamed && isOrg {
			desc.orgWord = t.norm
		}
	}
	return desc, true
}

// nominalSpeaker resolves a description whose head noun is token k to the
// speaker it stands for: "the ministry" to the ministry named last, "the
// Kenyan minister" to the Kenyan whose role is minister, "the statement"
// to whoever issued it, "a senior Kenyan official" to Kenya. ok is false
// when k heads no description; a description of someone the article does
// not name ("a Western diplomat") is ok with no speaker.
func (d *doc) nominalSpeaker(si, k int) (*entity, bool) {
	if toks := d.sents[si].tokens; k+1 < len(toks) && toks[k+1].norm == "'s" {
		return nil, false // "the Prime Minister's Office said": the office speaks, not the minister
	}
	desc, ok := d.describe(si, k)
	if !ok {
		return nil, false
	}
	toks := d.sents[si].tokens
	pos := toks[k].start
	w := toks[k].norm
	definite := attrib.Definite[desc.det] || desc.det == "" && desc.country != nil
	switch desc.head {
	case headStatement:
		if !attrib.Definite[desc.det] {
			return nil, false // "a statement from the ministry said": the ministry speaks
		}
		if desc.org != nil || desc.country != nil && desc.det == "" {
			return firstEntity(desc.org, desc.country), true // "the ministry's statement"
		}
		return d.statementIssuer(si, pos), true
	case headGovernment:
		if desc.country != nil {
			return desc.country, true // "the Kenyan government"
		}
		if o := d.lastEntity(si, pos, func(e *entity) bool {
			return e.typ == model.Organization && e.kind == "government" && strings.Contains(strings.ToLower(e.name), w)
		}); o != nil {
			return o, true
		}
		return d.homeCountry(si, pos), true
	case headOrg:
		if desc.det == "" && desc.country == nil {
			return nil, false
		}
		if o := d.orgByWord(si, pos, w, desc.country); o != nil {
			return o, true
		}
		return desc.country, true
	}
	// A title or an unnamed speaker: "the minister", "a ministry spokesperson".
	if desc.person {
		return nil, true // "Museveni's spokesman": an unnamed aide
	}
	// "said the MEA spokesperson" after "MEA spokesperson Raveesh Kumar":
	// the person of that title whose role names the body (QT-SPEAKER-11),
	// or whose role is the bare title; else the body.
	bodysPerson := func(o *entity) *entity {
		if !attrib.Definite[desc.det] || desc.head != headTitle && desc.head != headUnnamed {
			return nil
		}
		if p := d.personByRole(si, pos, k, desc.country); p != nil && (roleNames(p.role, o) || !strings.Contains(strings.TrimSpace(p.role), " ")) {
			return p
		}
		return nil
	}
	if desc.org != nil {
		if p := bodysPerson(desc.org); p != nil {
			return p, true
		}
		return desc.org, true
	}
	if desc.orgWord != "" {
		if o := d.orgByWord(si, pos, desc.orgWord, desc.country); o != nil {
			if p := bodysPerson(o); p != nil {
				return p, true
			}
			return o, true
		}
	}
	if definite && desc.head == headTitle {
		if p := d.personByRole(si, pos, k, desc.country); p != nil {
			return p, true
		}
	}
	if desc.det == "" && desc.country == nil && desc.head == headTitle {
		return nil, false // a bare title word is no description
	}
	if desc.head == headUnnamed && attrib.Definite[desc.det] && desc.country == nil {
		if p := d.definiteUnnamed(si, k); p != nil {
			return p, true // "“…,” Ryabkov said. … “…,” the diplomat added."
		}
	}
	return desc.country, true // a Kenyan official, or someone unnamed
}

// definiteUnnamed resolves "the diplomat", "the official" (a definite,
// singular noun of the unnamed class with no country) that follows a
// named person's quotation: that person, when the quotation opened within
// the four sentences before and the article introduced no unnamed
// speaker ("a senior official") that the noun could take up (QT-SPEAKER-10).
func (d *doc) definiteUnnamed(si, k int) *entity {
	toks := d.sents[si].tokens
	w := toks[k].norm
	if !attrib.Unnamed[w+"s"] {
		return nil // plural ("the officials") or no noun with a plural of its own
	}
	for s := max(0, si-6); s <= si; s++ {
		ts := d.sents[s].tokens
		for j, t := range ts {
			if s == si && j >= k {
				break
			}
			if t.norm != w {
				continue
			}
			for b := j - 1; b >= 0 && b >= j-3 && ts[b].word; b-- {
				if attrib.Indefinite[ts[b].norm] {
					return nil // "a Western diplomat said … the diplomat added": the unnamed one
				}
			}
		}
	}
	pos := toks[k].start
	for i := len(d.quotes) - 1; i >= 0; i-- {
		q := d.quotes[i]
		if q.open >= pos || q.speaker == nil {
			continue
		}
		if si-d.sentenceOf(q.open) > 4 || q.speaker.typ != model.Person {
			return nil
		}
		return q.speaker
	}
	return nil
}

// expandTitles writes abbreviated titles out: "fm" is the "foreign minister".
func expandTitles(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		if full, ok := attrib.TitleAbbreviations[w]; ok {
			words[i] = full
		}
	}
	return strings.Join(words, " ")
}

// roleNames: the role's text names the organization, by its name or an alias.
func roleNames(role string, org *entity) bool {
	role = strings.ToLower(role)
	for _, n := range append([]string{org.name}, org.aliases...) {
		if n != "" && strings.Contains(role, strings.ToLower(n)) {
			return true
		}
	}
	return false
}

func firstEntity(es ...*entity) *entity {
	for _, e := range es {
		if e != nil {
			return e
		}
	}
	return nil
}

// orgByWord returns the organization named last before pos whose kind or
// name the noun w gives ("the ministry", "the agency"), of country c if given.
func (d *doc) orgByWord(si, pos int, w string, c *entity) *entity {
	kind := d.x.lx.orgWords[w]
	return d.lastEntity(si, pos, func(e *entity) bool {
		return e.typ == model.Organization && (e.kind == kind || strings.Contains(strings.ToLower(e.name), w)) &&
			(c == nil || e.country == c.iso3)
	})
}

// personByRole returns the person named last before pos whose role has
// the title that ends at token k of sentence si ("minister" in "Foreign
// Minister of Kenya", "prime minister"; any leader for a leader's title),
// with the rank the description gives ("deputy prime minister"), of
// country c if given. Titles that differ only by the sex they name
// ("spokesman", "spokeswoman") are one title.
func (d *doc) personByRole(si, pos, k int, c *entity) *entity {
	toks := d.sents[si].tokens
	n := max(d.titleEndingAt(si, k), 1)
	title := titleWords(toks, k-n+1, k+1)
	stem := titleStem(title)
	var ranks []string
	for j := k - n; j >= 0 && j > k-n-4 && toks[j].word && !toks[j].cap; j-- {
		if recog.Ranks[toks[j].norm] {
			ranks = append(ranks, toks[j].norm)
		}
	}
	leader := d.x.lx.titles[title].class == "leader" && len(ranks) == 0
	fits := func(e *entity) bool {
		if e.typ != model.Person || c != nil && e.country != c.iso3 {
			return false
		}
		role := strings.ToLower(e.role)
		ok := leader && e.leader || stem != "" && d.roleHasTitle(titleStem(role), stem)
		for _, r := range ranks {
			ok = ok && strings.Contains(role, r)
		}
		return ok
	}
	for s := si; s >= 0; s-- {
		ms := d.ments[s]
		for i := len(ms) - 1; i >= 0; i-- {
			if ms[i].start < pos && fits(ms[i].ent) {
				return ms[i].ent
			}
		}
	}
	// "Turkey's foreign minister says … ¶ Mevlut Cavusoglu said …": a lead
	// that describes its speaker by country and title before naming him
	// (QT-SPEAKER-8). Only a description with its country looks ahead, to
	// the next two sentences, outside quotations.
	if c != nil {
		for s := si; s < len(d.ments) && s <= si+2; s++ {
			for _, m := range d.ments[s] {
				if m.start > pos && !d.inQuote(m.start) && fits(m.ent) {
					return m.ent
				}
			}
		}
	}
	return nil
}

// roleHasTitle: a role holds a description's title (both without the sex
// they name): as written ("foreign minister" in "foreign minister of
// kenya"), or word for word in another order ("foreign minister" in
// "minister of foreign affairs of russia"). A title of one office is not
// part of another's: "minister" is not the "prime minister" (QT-SPEAKER-8).
func (d *doc) roleHasTitle(role, title string) bool {
	role, title = expandTitles(role), expandTitles(title)
	ok := strings.Contains(role, title)
	if !ok && strings.Contains(title, " ") {
		ok = true
		words := " " + strings.Join(strings.Fields(strings.NewReplacer(",", " ", "'s", " ").Replace(role)), " ") + " "
		for _, w := range strings.Fields(title) {
			ok = ok && strings.Contains(words, " "+w+" ")
		}
	}
	if !ok {
		return false
	}
	for t, info := range d.x.lx.titles {
		if info.class == "leader" && strings.Contains(t, " ") && strings.HasSuffix(t, " "+title) && strings.Contains(role, t) && !strings.Contains(title, t) {
			return false
		}
	}
	return true
}

// titleStem drops the sex a title names: "spokeswoman" → "spokes",
// "chairman of the board" → "chair of the board".
func titleStem(s string) string {
	for _, suffix := range []string{"woman", "man", "person"} {
		s = strings.ReplaceAll(s, suffix+" ", " ")
		s = strings.TrimSuffix(s, suffix)
	}
	return s
}

// statementIssuer returns who issued the statement that "the statement"
// at byte pos of sentence si refers to: the speaker of the sentence that
// last mentioned a statement ("the ministry said in a statement", "a
// statement from the embassy"), else the country the article follows.
func (d *doc) statementIssuer(si, pos int) *entity {
	if !d.inIssuer {
		d.inIssuer = true // the sentence found may itself say "the statement said"
		defer func() { d.inIssuer = false }()
		for s := si; s >= 0 && s >= si-10; s-- {
			toks := d.sents[s].tokens
			for t := len(toks) - 1; t >= 0; t-- {
				if toks[t].start >= pos && s == si || !attrib.Statement[toks[t].norm] {
					continue
				}
				if e := d.issuerAround(s, t); e != nil {
					return e
				}
			}
		}
	}
	return d.homeCountry(si, pos)
}

// issuerAround finds who issued the statement named by token t of
// sentence s: "a statement from/by X", "X said in a statement", "X's statement".
func (d *doc) issuerAround(s, t int) *entity {
	toks := d.sents[s].tokens
	if t+1 < len(toks) && (toks[t+1].norm == "from" || toks[t+1].norm == "by" || toks[t+1].norm == "of") {
		for j := t + 2; j < len(toks) && j < t+6; j++ {
			if m := d.mentionAt(s, j); m != nil {
				return d.asSpeaker(m)
			}
		}
	}
	if m := d.mentionEndingAt(s, t-1); t > 0 && m != nil && toks[t-1].norm == "'s" {
		return d.asSpeaker(m)
	}
	for v := range toks {
		if _, ok := d.x.lx.speech[toks[v].norm]; ok && !toks[v].cap {
			if e, _ := d.speakerBeforeOK(s, v, 0); e != nil {
				return e
			}
		}
	}
	return nil
}

// itSpeaker resolves "it said" at byte pos: the organization or country
// named last in this sentence or the one before ("The African Union
// welcomed the accord. … it said"), else the one that spoke last.
//
// An "it said" that closes a sentence after a comma ("Iran sent drones to
// Russia in August, it said") follows what it says: the names before it
// are what is said, and "it" is the organization or country that spoke in
// the sentence before (QT-SPEAKER-5), when one did.
func (d *doc) itSpeaker(si, pos int) *entity {
	toks := d.sents[si].tokens
	if i := sort.Search(len(toks), func(i int) bool { return toks[i].start >= pos }); i > 0 && toks[i-1].norm == "," && si > 0 {
		if sp := d.lastBodySpeaker(si - 1); sp != nil {
			return sp
		}
	}
	for s := si; s >= 0 && s >= si-1; s-- {
		ms := d.ments[s]
		for i := len(ms) - 1; i >= 0; i-- {
			m := ms[i]
			if m.start < pos && (m.ent.typ == model.Organization || m.ent.typ == model.Country && m.how != byDemonym) {
				return m.ent
			}
		}
	}
	for i := len(d.quotes) - 1; i >= 0; i-- {
		q := d.quotes[i]
		if q.open >= pos || q.speaker == nil {
			continue
		}
		if si-d.sentenceOf(q.open) > 4 || q.speaker.typ == model.Person {
			break
		}
		return q.speaker
	}
	return nil
}

// lastBodySpeaker: the organization or country last named in sentence si
// right before a speech verb ("The White House said …").
func (d *doc) lastBodySpeaker(si int) *entity {
	toks := d.sents[si].tokens
	ms := d.ments[si]
	for i := len(ms) - 1; i >= 0; i-- {
		m := ms[i]
		if (m.ent.typ == model.Organization || m.ent.typ == model.Country && m.how != byDemonym) && m.tj < len(toks) && d.speechVerb(toks[m.tj].norm) {
			return m.ent
		}
	}
	return nil
}

// descHeadAfter returns the head noun of a description that starts at
// token j ("the Kenyan minister", "Kenya's foreign ministry spokesperson"):
// the last head noun before punctuation, a name or a verb, or -1.
func (d *doc) descHeadAfter(si, j int) int {
	toks := d.sents[si].tokens
	head := -1
	for k := j; k < len(toks) && k < j+7; k++ {
		t := toks[k]
		if m := d.mentionAt(si, k); m != nil {
			if m.ent.typ == model.Person {
				return -1 // "said Kenya's foreign minister Musalia Mudavadi": the name speaks
			}
			k = m.tj - 1
			continue
		}
		if t.norm == "'s" || t.norm == "-" {
			continue
		}
		if !t.word {
			break
		}
		if d.headOf(si, k) != headNone {
			head = k
		} else if head >= 0 || t.cap && !d.x.lx.notPersonWords[t.norm] {
			break
		}
	}
	return head
}
