package loader

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/geokg/geokg/model"
)

// recognize finds the mentions of sentence si. Names it cannot classify
// yet are returned as pending. Links and credits name no actors; bylines
// and captions name no new people (a byline's are authors, a caption's
// credit a photographer).
func (d *doc) recognize(si int) []pendingName {
	kind := d.lineKindAt(d.sents[si].start)
	if kind == lineLink || kind == lineCredit || kind == lineByline {
		return nil
	}
	toks := d.sents[si].tokens
	if len(toks) > 2 && toks[0].norm == "(" {
		if class, _ := d.x.wire.cueAt(toks, 1); class == wireCredit {
			return nil // "(Reporting by Jane Doe; editing by John Roe)" closing a paragraph
		}
	}
	covered := make([]bool, len(toks))
	switch kind {
	case lineCaption:
		d.maskCredits(si, covered) // "REUTERS/Lena Holm": a photographer, not an actor
	case lineHeadline:
		d.maskHeadlineCredit(si, covered) // "Seoul, Warsaw sign howitzer deal - Yonhap"
	}
	for i := 0; i < len(toks); {
		if covered[i] {
			i++
			continue
		}
		if !toks[i].word {
			i++
			continue
		}
		end, refs := d.x.ix.match(toks, i)
		if end > 0 && d.acceptGazetteer(si, i, end, refs) {
			for k := i; k < end; k++ {
				covered[k] = true
			}
			i = end
			continue
		}
		i++
	}
	var pending []pendingName
	for i := 0; i < len(toks); {
		if covered[i] || !d.nameWord(si, i) {
			i++
			continue
		}
		j := d.chunkEnd(si, i, covered)
		pending = append(pending, d.classifyChunk(si, i, j)...)
		i = j
	}
	d.findAcronyms(si)
	d.findGenericOrgs(si)
	return pending
}

// nameWord: a capitalized word that may be part of a name. A sentence's
// first word must not be a common word the article also writes in lower case.
func (d *doc) nameWord(si, i int) bool {
	t := d.sents[si].tokens[i]
	if !t.word || !t.cap || recog.Stopwords[t.norm] {
		return false
	}
	if i == 0 || d.sents[si].tokens[i-1].norm == `"` {
		return !d.lowerWords[t.norm] || t.acronym
	}
	return true
}

// chunkEnd extends a run of capitalized words from i: it may hold function
// words ("Bank of Korea"), hyphens inside words and abbreviation periods.
func (d *doc) chunkEnd(si, i int, covered []bool) int {
	toks := d.sents[si].tokens
	j := i + 1
	capNext := func() bool {
		return j+1 < len(toks) && toks[j+1].word && toks[j+1].cap && !covered[j+1] && !recog.Stopwords[toks[j+1].norm]
	}
	for j < len(toks) && !covered[j] {
		t := toks[j]
		switch {
		case t.word && t.cap && !recog.Stopwords[t.norm]:
			j++
		case t.norm == "-" && !t.space && j+1 < len(toks) && toks[j+1].word && !toks[j+1].space && !covered[j+1]:
			j += 2 // "Ya-hui", "al-Hayya", "Thomas-Greenfield"
		case t.norm == "." && recog.Abbreviations[toks[j-1].norm] && capNext():
			j++ // "Lt. Gen. Jeffrey Kruse"
		case t.norm == "." && j-1 > i && toks[j-1].cap && utf8.RuneCountInString(toks[j-1].norm) == 1 && capNext():
			j++ // a middle initial: "George W. Bush" (DESC-15)
		case t.norm == "." && j+1 == len(toks) || t.norm == "." && toks[j-1].norm == "jr":
			return j + map[bool]int{true: 1, false: 0}[toks[j-1].norm == "jr"]
		case (recog.Connectors[t.norm] || t.norm == "'s") && capNext():
			j++ // "Bank of Korea", "Prime Minister's Office"
		case (t.norm == "al" || t.norm == "el") && j+2 < len(toks) && toks[j+1].norm == "-":
			j++ // "al-Harith"
		default:
			return j
		}
	}
	return j
}

// acceptGazetteer records a gazetteer match of tokens [i, end) if its
// context agrees, and reports whether it did.
func (d *doc) acceptGazetteer(si, i, end int, refs []ref) bool {
	toks := d.sents[si].tokens
	var person, org, place, country, seat, demonym *ref
	countries := map[string]bool{}
	for k := range refs {
		r := &refs[k]
		switch r.kind {
		case refPerson:
			person = pick(person, r)
		case refOrg:
			org = pick(org, r)
		case refPlace:
			place = pick(place, r)
		case refCountry:
			country = pick(country, r)
			countries[r.country.ISO3] = true
		case refSeat:
			seat = pick(seat, r)
			countries[r.country.ISO3] = true
		case refDemonym:
			demonym = pick(demonym, r)
			countries[r.country.ISO3] = true
		}
	}
	prev := ""
	if i > 0 {
		prev = toks[i-1].norm
	}
	if d.inDateline(toks[i].start) {
		// "KYIV, Ukraine (AP) —": where the reporter is, not an actor; the
		// agency is a credit.
		if place != nil {
			d.addMention(si, i, end, d.placeEntity(place.place), byName)
		}
		return true
	}
	switch {
	case person != nil:
		d.addMention(si, i, end, d.personEntity(person.person), byName)
	case org != nil && seat == nil && (country == nil || end-i > 1):
		d.addMention(si, i, end, d.orgEntity(org.org), byName)
	case len(countries) > 1:
		return false // "Korean", "Congo": which one?
	case country != nil:
		if country.ambiguous && d.nameNeighbour(si, i, end) {
			return false // "Chad Smith", "Jordan Peterson"
		}
		if d.inInstitutionName(si, i, end) {
			return false // "Korea Broadcasting Corporation", "State Bank of Pakistan", "Air China"
		}
		if e := toks[end-1].end; e < len(d.text) && d.text[e] == '$' {
			return false // "US$10.2 billion", "NZ$": a currency prefix, no mention of the state (EV-AID-7)
		}
		d.addMention(si, i, end, d.countryEntity(country.country), byName)
	case (seat != nil || place != nil) && d.inOrgName(si, i, end):
		return false // "King's College London", "London School of Economics"
	case place != nil && (seat == nil || recog.Locatives[prev] && !(prev == "to" && i >= 2 && toks[i-2].norm == "according")):
		d.addMention(si, i, end, d.placeEntity(place.place), byName)
	case seat != nil:
		d.addMention(si, i, end, d.countryEntity(seat.country), bySeat)
	case demonym != nil:
		d.addMention(si, i, end, d.countryEntity(demonym.country), byDemonym)
	case org != nil:
		d.addMention(si, i, end, d.orgEntity(org.org), byName)
	default:
		return false
	}
	return true
}

// inDateline reports whether byte b lies in the dateline.
func (d *doc) inDateline(b int) bool {
	return b >= d.datelineStart && b < d.bodyStart
}

// inInstitutionName reports a country's name inside the longer name of an
// institution that is not a body of its state: followed by capitalized
// words that end with the head noun of a company, a paper, a university
// ("Korea Broadcasting Corporation", "China Daily"), after such a noun and
// "of" ("State Bank of Pakistan"), or after "Air" ("Air China"). A body of
// the state ("Ukraine Defense Ministry", "Government of Japan") still
// names the country.
func (d *doc) inInstitutionName(si, i, end int) bool {
	toks := d.sents[si].tokens
	institution := func(k int) bool {
		if k < 0 || k >= len(toks) || !toks[k].word || !toks[k].cap {
			return false
		}
		w := toks[k].norm
		_, org := d.x.lx.orgWords[w]
		return recog.CompanyWords[w] || recog.Facilities[w] || org && !recog.GenericOrgWords[w]
	}
	k := end
	for k < len(toks) && toks[k].word && toks[k].cap && toks[k].space && k < end+4 {
		k++
	}
	if k > end && institution(k-1) {
		return true
	}
	return i >= 2 && toks[i-1].norm == "of" && institution(i-2) || i >= 1 && toks[i-1].cap && recog.CompanyWords[toks[i-1].norm] && toks[i-1].norm != "group"
}

// inOrgName reports a capitalized organization head noun right before or
// after tokens [i, end): the place names part of an organization.
func (d *doc) inOrgName(si, i, end int) bool {
	toks := d.sents[si].tokens
	isOrg := func(k int) bool {
		if k < 0 || k >= len(toks) || !toks[k].cap {
			return false
		}
		_, ok := d.x.lx.orgWords[toks[k].norm]
		// "Diaoyutai State Guesthouse", "Moscow State University"
		return ok || recog.Facilities[toks[k].norm] || toks[k].norm == "state" && k+1 < len(toks) && toks[k+1].cap
	}
	return isOrg(end) || isOrg(i-1) || i >= 2 && toks[i-1].norm == "of" && isOrg(i-2)
}

// pick keeps the first meaning of a kind.
func pick(have, r *ref) *ref {
	if have != nil {
		return have
	}
	return r
}

// nameNeighbour reports a capitalized unknown word right before or after
// [i, end), which makes an ambiguous country name part of a person's name.
func (d *doc) nameNeighbour(si, i, end int) bool {
	toks := d.sents[si].tokens
	if end < len(toks) && toks[end].word && toks[end].cap && !recog.Stopwords[toks[end].norm] && toks[end].space {
		return true
	}
	return i > 0 && toks[i-1].word && toks[i-1].cap && !recog.Stopwords[toks[i-1].norm] && d.x.lx.titles[toks[i-1].norm].class == ""
}

// classifyChunk decides what a run of capitalized words names: an
// organization ("Prime Minister's Office"), or after any titles are peeled
// off its front ("Defense Secretary"), a person, or a name to decide later.
func (d *doc) classifyChunk(si, i, j int) []pendingName {
	toks := d.sents[si].tokens
	if m := d.mentionEndingAt(si, i); m != nil && m.ent.typ == model.Person && m.how == byName && i > 0 &&
		toks[i-1].norm != "'s" && toks[i].space && countWords(toks, i, j) <= 2 && !d.isOrgName(si, i, j) {
		// "Mohammed bin Zayed" + "Al Nahyan": the rest of a known name
		d.addMention(si, m.ti, j, m.ent, byName)
		return nil
	}
	if d.isOrgName(si, i, j) && d.titleAt(si, i, j) < countWords(toks, i, j)-1 {
		d.addOrg(si, d.andNameStart(si, i), j)
		return nil
	}
	for k := i; k < j; k++ {
		if toks[k].norm == "'s" { // "Biden's Oval Office" is two names
			return append(d.classifyChunk(si, i, k), d.classifyChunk(si, k+1, j)...)
		}
	}
	// "President Ruto Meets Amara Kone", "Ghanaian President Makes Historic
	// Visit": in a Title-Case headline a verb ends one name and starts none.
	if d.lineKindAt(toks[i].start) == lineHeadline {
		for k := i; k < j; k++ {
			if toks[k].word && d.verbWord(toks[k].norm) {
				var out []pendingName
				if k > i {
					out = d.classifyChunk(si, i, k)
				}
				if k+1 < j {
					out = append(out, d.classifyChunk(si, k+1, j)...)
				}
				return out
			}
		}
	}
	title := d.titleBefore(si, i)
	// "Chief Cabinet Secretary Matsuno Hirokazu", "Foreign Affairs
	// Secretary Enrique Manalo": a capitalized title ends at its last
	// title word; the name follows.
	for k := j - 2; k >= i; k-- {
		if c := d.x.lx.titles[toks[k].norm].class; c != "" && c != "person" && c != "family" && toks[k].cap &&
			toks[k+1].cap && !recog.Connectors[toks[k+1].norm] {
			// "Chief Executive Officer Jane Fraser": a title of several
			// words may run past its last title word.
			end := k + 1
			for s := i; s <= k; s++ {
				if n := d.titleAt(si, s, j); s+n > end && s+n < j {
					end = s + n
				}
			}
			title, i = c, end
			for i < j && toks[i].norm == "." {
				i++
			}
			break
		}
	}
	for i < j {
		n := d.titleAt(si, i, j)
		if n == 0 {
			break
		}
		title = d.x.lx.titles[titleWords(toks, i, i+n)].class
		i += n
		for i < j && toks[i].norm == "." {
			i++
		}
	}
	if i >= j {
		return nil
	}
	if d.isOrgName(si, i, j) {
		i = d.andNameStart(si, i)
		if countWords(toks, i, j) > 1 || d.mentionEndingAt(si, i) != nil {
			d.addOrg(si, i, j) // a head noun alone ("TV", "Parliament") names nothing in particular
		}
		return nil
	}
	// Names joined by a hyphen ("the Putin-Kim meeting") are two names
	// when each is the family name of someone known.
	if parts := hyphenParts(toks, i, j); len(parts) > 1 && d.allSurnames(si, parts) {
		var out []pendingName
		for _, p := range parts {
			out = append(out, pendingName{si: si, ti: p[0], tj: p[1]})
		}
		return out
	}
	words := countWords(toks, i, j)
	if nameWordCount(toks, i, j) > 5 || !d.plausibleName(si, i, j) || d.namedSystem(toks, i, j) {
		return nil
	}
	cue := d.personCue(si, i, j)
	switch {
	case title == "royal" && words == 1:
		// "Sheikh Mohammed", "Prince Faisal": royals go by first name.
		if e := d.personByFirstName(toks[i].norm); e != nil {
			d.addMention(si, i, j, e, bySurname)
			return nil
		}
		d.addPerson(si, i, j)
	case title != "" || (cue && words >= 2):
		d.addPerson(si, i, j)
	case words >= 2 && words <= 4 && d.x.lx.givenNames[toks[i].norm] != 0 && !d.lowerWords[toks[i].norm] &&
		toks[i+1].word && toks[i+1].cap && toks[i+1].space:
		d.addPerson(si, i, j) // "Michael Jordan", "Adrienne Watson"
	default:
		return []pendingName{{si: si, ti: i, tj: j, cue: cue}}
	}
	return nil
}

// verbWord: w is a speech verb, a light verb or an event verb of the
// lexicons ("says", "holds", "meets").
func (d *doc) verbWord(w string) bool {
	if _, ok := d.x.lx.speech[w]; ok {
		return true
	}
	tr, ok := triggers[w]
	return gram.LightVerbs[w] || ok && !tr.noun
}

// allSurnames reports whether each part names a known person by family name.
func (d *doc) allSurnames(si int, parts [][2]int) bool {
	toks := d.sents[si].tokens
	for _, p := range parts {
		w := toks[p[0]].norm
		if len(d.bySurname[w]) == 0 && len(d.x.ix.surnames[w]) != 1 {
			return false
		}
	}
	return true
}

// plausibleName rejects capitalized phrases that are not names: most of
// their words appear in lower case elsewhere in the article ("Security
// Assistance"), or one is a regional adjective ("West African") or an
// organization's head noun ("State Departments").
func (d *doc) plausibleName(si, i, j int) bool {
	toks := d.sents[si].tokens
	words, common := 0, 0
	for k := i; k < j; k++ {
		t := toks[k]
		if !t.word || recog.Connectors[t.norm] {
			continue
		}
		words++
		if d.lowerWords[t.norm] {
			common++
		}
		if d.x.lx.notPersonWords[t.norm] || d.x.lx.notPersonWords[strings.TrimSuffix(t.norm, "s")] || t.acronym {
			return false // "Military Operations", "MARIA DELA CRUZ" (a byline in capitals)
		}
		if _, ok := d.x.lx.orgWords[strings.TrimSuffix(t.norm, "s")]; ok {
			if _, ok := d.x.lx.orgWords[t.norm]; ok || strings.HasSuffix(t.norm, "s") {
				return false
			}
		}
	}
	return words > 0 && common*2 <= words
}

// personByFirstName returns the article's person whose first name is w.
func (d *doc) personByFirstName(w string) *entity {
	for _, e := range d.ents {
		if e.typ == model.Person && len(e.words) >= 2 && d.sameGivenName(e.words[0], w) {
			return e
		}
	}
	return nil
}

// sameGivenName: two spellings of one given name ("Mohammed", "Mohamed").
func (d *doc) sameGivenName(a, b string) bool {
	if a == b {
		return true
	}
	fa, oka := d.x.variants[a]
	fb, okb := d.x.variants[b]
	return oka && okb && fa == fb
}

// titleAt returns how many tokens from i (before j) form a title.
func (d *doc) titleAt(si, i, j int) int {
	toks := d.sents[si].tokens
	best := 0
	var buf [64]byte
	key, words := buf[:0], 0 // the words from i, joined by spaces
	for k := i; k < j && words < d.x.lx.titleMax; k++ {
		if toks[k].norm == "." || toks[k].norm == "-" {
			continue
		}
		key, words = appendWord(key, toks[k].norm), words+1
		if _, ok := d.x.lx.titles[string(key)]; ok {
			best = k - i + 1
		}
		if !d.x.lx.titlePrefixes[string(key)] {
			break // no longer title begins with these words
		}
	}
	return best
}

// titleBefore returns the title class of a title ending right before token i
// ("spokesperson John Kirby", "Lt. Gen. Kruse"), or "".
func (d *doc) titleBefore(si, i int) string {
	toks := d.sents[si].tokens
	k := i - 1
	for k >= 0 && toks[k].norm == "." {
		k--
	}
	var buf [64]byte
	key, words := buf[:0], 0 // the words read backwards from i, joined by spaces
	class := ""
	for ; k >= 0 && words < d.x.lx.titleMax; k-- {
		if toks[k].norm == "." || toks[k].norm == "-" {
			continue
		}
		if !toks[k].word {
			break
		}
		key, words = appendWord(key, toks[k].norm), words+1
		if t, ok := d.x.lx.titlesBack[string(key)]; ok {
			class = t.class
		}
		if !d.x.lx.titleBackPrefixes[string(key)] {
			break // no longer title ends with these words
		}
	}
	return class
}

// isOrgName: the words end with an organization head noun ("Defense
// Intelligence Agency") or hold one before "of" ("Ministry of Defense").
func (d *doc) isOrgName(si, i, j int) bool {
	toks := d.sents[si].tokens
	for k := j - 1; k >= i; k-- {
		if !toks[k].word {
			continue
		}
		if _, ok := d.x.lx.orgWords[toks[k].norm]; ok {
			return k == j-1 || k+1 < j && toks[k+1].norm == "of"
		}
	}
	return false
}

// andNameStart extends an organization's name that starts at token i back
// over "and" and the capitalized words before it, none a name already
// nor a head noun: "Defence Research and Development Organisation",
// "Ministry of Economy, Trade and Industry" stays as it is, "India and the
// Asian Development Bank" too.
func (d *doc) andNameStart(si, i int) int {
	toks := d.sents[si].tokens
	if i < 2 || !gram.Coordinators[toks[i-1].norm] {
		return i
	}
	k := i - 1
	for k > 0 && k >= i-4 && toks[k-1].word && toks[k-1].cap && d.mentionAt(si, k-1) == nil {
		if _, head := d.x.lx.orgWords[toks[k-1].norm]; head {
			return i
		}
		k--
	}
	if k == i-1 || k > 0 && toks[k-1].word && toks[k-1].cap {
		return i // nothing before "and", or a longer run that may be a name
	}
	return k
}

// addOrg records an organization named by tokens [i, j). A generic name
// takes the country adjective before it ("Russian Foreign Ministry").
func (d *doc) addOrg(si, i, j int) {
	toks := d.sents[si].tokens
	start := i
	var country *entity
	if cm := d.mentionEndingAt(si, i); cm != nil && cm.ent.typ == model.Country {
		country = cm.ent
		generic := true
		for k := i; k < j; k++ {
			if toks[k].word && !recog.GenericOrgWords[toks[k].norm] {
				generic = false
			}
		}
		company := recog.CompanyWords[toks[j-1].norm]
		if generic && cm.how != bySeat || company && cm.how == byDemonym {
			start = cm.ti // "Russian Foreign Ministry", "Indian Oil Corporation"
		}
	}
	name := d.text[toks[start].start:toks[j-1].end]
	kind := "government"
	for k := j - 1; k >= i; k-- {
		if w, ok := d.x.lx.orgWords[toks[k].norm]; ok {
			kind = w
			break
		}
	}
	e := d.entityFor(model.Organization, strings.Join(nameWords(name), " "), func(e *entity) {
		e.name, e.kind = name, kind
		if country != nil {
			e.country = country.iso3
		}
	})
	d.addMention(si, start, j, e, byName)
}

// mentionEndingAt returns the mention of sentence si whose last token is
// right before token i (skipping a possessive 's).
func (d *doc) mentionEndingAt(si, i int) *mention {
	toks := d.sents[si].tokens
	if i > 0 && toks[i-1].norm == "'s" {
		i--
	}
	if i == 0 {
		return nil
	}
	if m := d.tokMent[si][i-1]; m != nil && m.tj == i {
		return m
	}
	return nil
}

// mentionAt returns the mention of sentence si that covers token i (the
// longest, where "the Russian leader" covers "Russian").
func (d *doc) mentionAt(si, i int) *mention {
	if i < 0 || i >= len(d.tokMent[si]) {
		return nil
	}
	return d.tokMent[si][i]
}

// hyphenParts splits "Putin-Kim" into its names; one part means no split.
func hyphenParts(toks []token, i, j int) [][2]int {
	var parts [][2]int
	start := i
	for k := i; k < j; k++ {
		if toks[k].norm == "-" {
			parts = append(parts, [2]int{start, k})
			start = k + 1
		}
	}
	parts = append(parts, [2]int{start, j})
	// Only split names made of single words each ("Putin-Kim"), not
	// "Jong-Un" inside "Kim Jong-Un".
	for _, p := range parts {
		if p[1]-p[0] != 1 {
			return nil
		}
	}
	return parts
}

// nameWordCount counts the words of a name without particles ("al", "bin").
func nameWordCount(toks []token, i, j int) int {
	n := 0
	for k := i; k < j; k++ {
		if toks[k].word && !recog.Connectors[toks[k].norm] {
			n++
		}
	}
	return n
}

func countWords(toks []token, i, j int) int {
	n := 0
	for k := i; k < j; k++ {
		if toks[k].word {
			n++
		}
	}
	return n
}

// personCue reports context that marks tokens [i, j) as a person: a
// speech verb after it ("Koffler said"), an apposition ("X, a former
// official"), an inverted attribution ("said Antony Blinken") or an
// honorific before it.
func (d *doc) personCue(si, i, j int) bool {
	toks := d.sents[si].tokens
	j = afterParen(toks, j) // "Zhu Fenglian (朱鳳蓮), spokesperson for …"
	if j < len(toks) {
		if _, ok := d.x.lx.speech[toks[j].norm]; ok && toks[j].word && !toks[j].cap {
			return true
		}
		if toks[j].norm == "," && j+1 < len(toks) && recog.AppositionOpeners[toks[j+1].norm] {
			if toks[j+1].norm == "who" || toks[j+1].norm == "another" || d.titleWithin(si, j+1, 12) {
				return true
			}
		}
		if toks[j].norm == "," && d.titleAt(si, j+1, min(len(toks), j+4)) > 0 {
			return true // "Zhu Fenglian, spokesperson for …"
		}
	}
	if i > 0 {
		if _, ok := d.x.lx.speech[toks[i-1].norm]; ok && (j == len(toks) || toks[j].norm == "," || toks[j].norm == "." || toks[j].norm == "(") {
			return true
		}
		if d.x.lx.titles[toks[i-1].norm].class == "honorific" {
			return true
		}
		// "his South Korean and Japanese counterparts, Noh Kyu-duk and
		// Takehiro Funakoshi": names listed after "counterparts,"
		for k := i - 1; k >= 1 && k >= i-8; k-- {
			if toks[k].norm == "," && (toks[k-1].norm == "counterpart" || toks[k-1].norm == "counterparts") {
				return true
			}
			if !(toks[k].word && toks[k].cap || toks[k].norm == "-" || toks[k].norm == "and" || toks[k].norm == "," ||
				toks[k].word && k > 0 && toks[k-1].norm == "-") {
				break
			}
		}
		// "The UAE's ambassador to the UN, Mohamed Abushahab, called …";
		// "… signed by Chad's Foreign Minister, Abakar Mahamat."
		ends := j == len(toks) || toks[j].norm == "," || toks[j].norm == "said" || toks[j].norm == "." && j+1 == len(toks)
		if toks[i-1].norm == "," && ends && d.titleWithin(si, max(0, i-7), 6) {
			return true
		}
	}
	return false
}

// afterParen skips a short bracketed aside at token j, such as a name in
// another script: "Lin Pei-shan (林佩珊)".
func afterParen(toks []token, j int) int {
	if j >= len(toks) || toks[j].norm != "(" {
		return j
	}
	for k := j + 1; k < len(toks) && k <= j+8; k++ {
		if toks[k].norm == ")" {
			return k + 1
		}
	}
	return j
}

// titleWithin reports a title word among the n tokens from i, before the
// apposition ends.
func (d *doc) titleWithin(si, i, n int) bool {
	toks := d.sents[si].tokens
	for k := i; k < len(toks) && k < i+n; k++ {
		if toks[k].norm == "," || toks[k].norm == ";" || toks[k].norm == `"` {
			return false
		}
		if c := d.x.lx.titles[toks[k].norm].class; c != "" && c != "honorific" {
			return true
		}
	}
	return false
}

// addPerson records a person named by tokens [i, j) of sentence si.
func (d *doc) addPerson(si, i, j int) *entity {
	toks := d.sents[si].tokens
	name := d.text[toks[i].start:toks[j-1].end]
	words := nameWords(name)
	// A single word may be the surname of someone the article or the
	// gazetteer already knows: "President Putin".
	if len(words) == 1 {
		if e := d.personBySurname(words[0], si); e != nil {
			d.addMention(si, i, j, e, bySurname)
			return e
		}
	} else if e := d.personByTail(words); e != nil {
		d.addMention(si, i, j, e, bySurname) // "Ms. Suu Kyi" after "Aung San Suu Kyi"
		return e
	}
	e := d.entityFor(model.Person, strings.Join(words, " "), func(e *entity) {
		e.name, e.words = name, words
		if g := d.x.lx.givenNames[words[0]]; g == 'm' || g == 'f' {
			e.gender = g
		}
	})
	d.addMention(si, i, j, e, byName)
	return e
}

// personByTail returns the article's person whose longer name ends with
// words: a family name of two words or more ("Suu Kyi", "Lula da Silva").
func (d *doc) personByTail(words []string) *entity {
	for _, e := range d.ents {
		if e.typ != model.Person || len(e.words) <= len(words) {
			continue
		}
		if slices.Equal(e.words[len(e.words)-len(words):], words) {
			return e
		}
	}
	return nil
}

// personBySurname finds the person a lone family name refers to: the most
// recently named person of the article with that name, else the one
// well-known person of the gazetteer who bears it.
func (d *doc) personBySurname(w string, si int) *entity {
	var found *entity
	last := -1
	for _, e := range d.bySurname[w] {
		for _, m := range e.mentions {
			if m.sent <= si && m.sent > last {
				found, last = e, m.sent
			}
		}
		if found == nil {
			found = e
		}
	}
	if found != nil {
		return found
	}
	if ps := d.x.ix.surnames[w]; len(ps) == 1 && !d.lowerWords[w] {
		return d.personEntity(ps[0])
	}
	return nil
}

// findAcronyms reads "Defense Intelligence Agency (DIA)": the acronym in
// brackets is an alias of the organization before it.
func (d *doc) findAcronyms(si int) {
	toks := d.sents[si].tokens
	for k := 1; k+2 < len(toks); k++ {
		if toks[k].norm != "(" || !toks[k+1].acronym || toks[k+2].norm != ")" {
			continue
		}
		if m := d.mentionEndingAt(si, k); m != nil && m.ent.typ == model.Organization {
			d.addMention(si, k+1, k+2, m.ent, byName)
		}
	}
}

// namedSystem: the chunk is a weapon system's name (lexicon/items.txt rows
// with a maker: "Storm Shadow", "Patriot"), not a person or a place, so
// "Ukraine received Storm Shadow missiles from Britain" is a transfer.
func (d *doc) namedSystem(toks []token, i, j int) bool {
	var buf [64]byte
	key := buf[:0] // the chunk's words, joined by spaces
	for k := i; k < j; k++ {
		if toks[k].word {
			key = appendWord(key, toks[k].norm)
		}
	}
	it, ok := d.x.lx.items[string(key)]
	return ok && it.maker != ""
}
