package loader

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/geokg/geokg/model"
)

// quote is a quotation: content bytes [start, end) between its marks.
type quote struct {
	start, end  int
	open, close int // byte offsets of the marks; close is -1 when the paragraph ended first
	para        int // paragraph number
	speaker     *entity
	verb        string
	attributed  bool // the speaker was found next to this quote, not inherited
	attrEnd     int  // where an attribution after the quote ends
}

// stmt is a statement: a quotation or reported speech.
type stmt struct {
	speaker    *entity
	text       string
	start, end int // bytes of text
	direct     bool
	verb       string
	sent       int
}

// findQuotes pairs quotation marks paragraph by paragraph. Curly quotes
// pair by shape; straight quotes alternate (scraped text often loses the
// space before an opening mark, so position would mislead). A quote still open at the end of a
// paragraph ends there: news style reopens it in the next paragraph.
func (d *doc) findQuotes() {
	para := 0
	var open, single = -1, -1
	for i := 0; i < len(d.text); {
		r, n := utf8.DecodeRuneInString(d.text[i:])
		switch {
		case r == '\n':
			if open >= 0 {
				d.addQuote(open, i, -1, para)
				open = -1
			}
			single = -1 // a single quote never runs across paragraphs
			para = d.paraOf(i + 1)
		case r == '‘' && open < 0 && single < 0 && i+n < len(d.text) && !unicode.IsSpace(rune(d.text[i+n])):
			single = i // headline style: PM says talks were ‘deep, open and practical’
		case r == '’' && single >= 0 && (i+n >= len(d.text) || !unicode.IsLetter(rune(d.text[i+n]))):
			d.addQuote(single, i, i, para)
			single = -1
		case r == '“' || r == '"' && open < 0:
			if open >= 0 && r == '“' {
				d.addQuote(open, i, -1, para) // an unclosed quote before a new one
			}
			open = i
		case (r == '”' || r == '"') && open >= 0:
			d.addQuote(open, i, i, para)
			open = -1
		}
		i += n
	}
	if open >= 0 {
		d.addQuote(open, len(d.text), -1, para)
	}
}

// addQuote records the quotation whose opening mark is at open and whose
// content ends at end.
func (d *doc) addQuote(open, end, closeAt, para int) {
	if !d.reports(open) {
		return // a caption's, a link's or a credit's quotation marks
	}
	_, n := utf8.DecodeRuneInString(d.text[open:])
	s, e := trimSpan(d.text, open+n, end)
	if e <= s {
		return
	}
	d.quotes = append(d.quotes, &quote{start: s, end: e, open: open, close: closeAt, para: para})
}

// trimSpan drops white space at both ends of text[s:e].
func trimSpan(text string, s, e int) (int, int) {
	for s < e {
		r, n := utf8.DecodeRuneInString(text[s:])
		if !unicode.IsSpace(r) {
			break
		}
		s += n
	}
	for e > s {
		r, n := utf8.DecodeLastRuneInString(text[:e])
		if !unicode.IsSpace(r) {
			break
		}
		e -= n
	}
	return s, e
}

// findStatements finds quotations and reported speech with their speakers.
func (d *doc) findStatements() {
	d.findQuotes()
	for qi, q := range d.quotes {
		if sp, verb, end := d.attributeAfter(q); sp != nil {
			q.speaker, q.verb, q.attributed, q.attrEnd = sp, verb, true, end
		} else if sp, verb := d.attributeBefore(q); sp != nil {
			q.speaker, q.verb, q.attributed = sp, verb, true
		} else if qi > 0 {
			d.inheritSpeaker(qi)
		}
	}
	for _, q := range d.quotes {
		if q.speaker == nil || !d.isQuotation(q) {
			continue
		}
		d.stmts = append(d.stmts, &stmt{speaker: q.speaker, text: d.text[q.start:q.end], start: q.start, end: q.end,
			direct: true, verb: q.verb, sent: d.sentenceOf(q.start)})
	}
	d.findReportedSpeech()
	sort.SliceStable(d.stmts, func(i, j int) bool { return d.stmts[i].start < d.stmts[j].start })
}

// isQuotation tells quoted speech from a quoted term: a quotation has three
// words or more, or was attributed right beside its marks.
func (d *doc) isQuotation(q *quote) bool {
	return len(strings.Fields(d.text[q.start:q.end])) >= 3 || q.attributed
}

// attributeAfter reads an attribution that follows the closing mark:
// “…,” Koffler said. / “…,” said Antony Blinken, the secretary of state.
// “…,” she said. / “…,” the ministry said in a statement.
func (d *doc) attributeAfter(q *quote) (*entity, string, int) {
	if q.close < 0 {
		return nil, "", 0
	}
	si := d.sentenceOf(q.close)
	if si >= len(d.sents) {
		return nil, "", 0
	}
	toks := d.sents[si].tokens
	k := 0
	for k < len(toks) && toks[k].start <= q.close {
		k++
	}
	// A quote that ends its own sentence (“… today.”) is attributed after
	// it only in the form “…” Kirby said. — right after the mark.
	endsSentence := false
	if last, _ := utf8.DecodeLastRuneInString(strings.TrimSpace(d.text[q.start:q.end])); last == '.' {
		endsSentence = true
	}
	if si+1 < len(d.sents) && d.sents[si].end <= q.close+utf8.RuneLen('”') && !endsSentence {
		// The sentence ended at the mark; the attribution opens the next one.
		si++
		toks, k = d.sents[si].tokens, 0
	}
	if k >= len(toks) || (q.para != d.paraOf(toks[k].start)) {
		return nil, "", 0
	}
	// A quote inside a sentence ("Taiwan was “the most sensitive issue” in
	// relations, according to …") is attributed after it only when it ends
	// a clause: with its own comma, or with the attribution right after it.
	last, _ := utf8.DecodeLastRuneInString(strings.TrimSpace(d.text[q.start:q.end]))
	if !strings.ContainsRune(",?!.", last) && toks[k].norm != "," && !d.speechWithin(toks, k, 5) {
		return nil, "", 0
	}
	// Speaker then verb, or verb then speaker, within a few tokens.
	limit := min(len(toks), k+30)
	for j := k; j < limit; j++ {
		t := toks[j]
		if t.norm == `"` || t.norm == "." && j > k+1 && !abbreviations[toks[j-1].norm] {
			break
		}
		sv, ok := d.x.lx.speech[t.norm]
		if !ok || !t.word || t.cap && j != k {
			continue
		}
		if j == k || j == k+1 && toks[k].norm == "," {
			// “…,” said Koffler / “…,” said the ministry.
			if sp := d.speakerAfterVerb(si, j+1); sp != nil {
				return sp, sv.lemma, t.end
			}
			continue
		}
		if sp := d.speakerBefore(si, j, k); sp != nil {
			return sp, sv.lemma, t.end
		}
	}
	return nil, "", 0
}

// speechWithin reports a speech verb among the n tokens from k, before any punctuation.
func (d *doc) speechWithin(toks []token, k, n int) bool {
	for j := k; j < len(toks) && j < k+n; j++ {
		if _, ok := d.x.lx.speech[toks[j].norm]; ok && !toks[j].cap {
			return true
		}
		if !toks[j].word && toks[j].norm != "." && toks[j].norm != "-" {
			return false
		}
	}
	return false
}

// attributeBefore reads an attribution before the opening mark in the same
// sentence: Kirby stated: “…” / KCNA reported on Monday that “…” /
// According to the ministry, “…”.
func (d *doc) attributeBefore(q *quote) (*entity, string) {
	si := d.sentenceOf(q.open)
	if si >= len(d.sents) {
		return nil, ""
	}
	toks := d.sents[si].tokens
	k := 0
	for k < len(toks) && toks[k].end <= q.open {
		k++
	}
	// A headline's "Zelensky: ‘We will win’", with no verb.
	if k >= 2 && toks[k-1].norm == ":" {
		for j := k - 2; j >= 0 && j >= k-6; j-- {
			if m := d.mentionAt(si, j); m != nil && m.ent.typ == model.Person {
				return m.ent, "say"
			}
		}
	}
	// The last speech verb before the quote whose clause reaches it.
	for j := k - 1; j >= 0; j-- {
		t := toks[j]
		if t.norm == `"` {
			return nil, "" // another quote in between
		}
		if t.norm == "according" && j+1 < len(toks) && toks[j+1].norm == "to" {
			if sp := d.speakerAfterVerb(si, j+2); sp != nil {
				return sp, "report"
			}
		}
		sv, ok := d.x.lx.speech[t.norm]
		if !ok || t.cap && j > 0 {
			continue
		}
		if sp := d.speakerBefore(si, j, 0); sp != nil {
			return sp, sv.lemma
		}
		return nil, ""
	}
	return nil, ""
}

// speakerBefore finds the subject of the speech verb at token j: the
// nearest entity mention or pronoun before it, skipping an apposition and
// adverbials ("on Monday", "in a statement"), but not beyond token floor.
func (d *doc) speakerBefore(si, j, floor int) *entity {
	toks := d.sents[si].tokens
	// "Putin said he expected … and told Wang that …": a coordinated verb
	// has the subject of the speech verb before it.
	if j > floor+1 && toks[j-1].norm == "and" {
		for v := j - 2; v > floor; v-- {
			if _, ok := d.x.lx.speech[toks[v].norm]; ok && !toks[v].cap {
				return d.speakerBefore(si, v, floor)
			}
		}
	}
	// "Koffler, a former official at the agency, expressed": the subject
	// stands before the apposition's opening comma.
	if j > floor && toks[j-1].norm == "," {
		for c := j - 2; c > floor; c-- {
			if toks[c].norm == "," {
				end := c
				if toks[c-1].norm == ")" { // "Zhu Fenglian (朱鳳蓮), spokesperson …,"
					for end = c - 1; end > floor && toks[end].norm != "("; end-- {
					}
				}
				if m := d.mentionEndingAt(si, end); m != nil {
					if sp := d.asSpeaker(m); sp != nil {
						return sp
					}
				}
				break
			}
		}
	}
	for k := j - 1; k >= floor && j-k <= 30; k-- {
		t := toks[k]
		if m := d.mentionAt(si, k); m != nil {
			if sp := d.asSpeaker(m); sp != nil {
				return sp
			}
			k = m.ti
			continue
		}
		switch t.norm {
		case "he", "she":
			return d.resolvePronoun(si, toks[k].start, t.norm)
		case "they", "we", "it", "i":
			return nil
		case `"`, ";":
			return nil
		}
		if sp := d.nominalSpeaker(si, k); sp != nil {
			return sp
		}
	}
	return nil
}

// speakerAfterVerb finds the speaker right after an inverted verb: "said
// Kirby", "said the spokesman", "according to the ministry".
func (d *doc) speakerAfterVerb(si, k int) *entity {
	toks := d.sents[si].tokens
	for j := k; j < len(toks) && j < k+6; j++ {
		if toks[j].norm == "." && j > k && abbreviations[toks[j-1].norm] {
			continue // "said Dr. Nimrod Shafir"
		}
		if m := d.mentionAt(si, j); m != nil {
			// "said Russia's foreign minister Sergei Lavrov": the person wins.
			if m.ent.typ != model.Person {
				if p := d.personAfter(si, m.tj, 6); p != nil {
					return p
				}
			}
			return d.asSpeaker(m)
		}
		switch toks[j].norm {
		case "he", "she":
			return d.resolvePronoun(si, toks[j].start, toks[j].norm)
		case ",", ".", `"`:
			return nil
		}
		if sp := d.nominalSpeaker(si, j); sp != nil {
			return sp
		}
	}
	return nil
}

// personAfter returns a person mentioned within n tokens after k, before
// any punctuation other than 's.
func (d *doc) personAfter(si, k, n int) *entity {
	toks := d.sents[si].tokens
	for j := k; j < len(toks) && j < k+n; j++ {
		if !toks[j].word && toks[j].norm != "'s" && toks[j].norm != "-" && toks[j].norm != "." {
			return nil
		}
		if m := d.mentionAt(si, j); m != nil && m.ent.typ == model.Person {
			return m.ent
		}
	}
	return nil
}

// asSpeaker returns who speaks through a mention: a person, an
// organization, or a country through its metonym ("the Kremlin said").
// A country named by its adjective does not speak ("Russian officials").
func (d *doc) asSpeaker(m *mention) *entity {
	switch {
	case m.ent.typ == model.Person, m.ent.typ == model.Organization:
		return m.ent
	case m.ent.typ == model.Country && m.how != byDemonym:
		return m.ent
	case m.ent.typ == model.Country && d.officialsAfter(m):
		return m.ent // "a senior Chinese official said": China speaks
	}
	return nil
}

// officialsAfter: the country adjective describes unnamed officials.
func (d *doc) officialsAfter(m *mention) bool {
	toks := d.sents[m.sent].tokens
	for j := m.tj; j < len(toks) && j < m.tj+3; j++ {
		switch toks[j].norm {
		case "official", "officials", "diplomat", "diplomats", "source", "sources", "spokesman", "spokeswoman", "spokesperson", "authorities":
			return true
		}
		if !toks[j].word {
			return false
		}
	}
	return false
}

// nominalSpeaker resolves "the spokesman", "the ministry", "the agency" at
// token k (its last word) to the entity of that kind named last.
func (d *doc) nominalSpeaker(si, k int) *entity {
	toks := d.sents[si].tokens
	if k == 0 || !toks[k].word || toks[k].cap {
		return nil
	}
	if toks[k-1].norm != "the" && !(k > 1 && toks[k-2].norm == "the") {
		return nil
	}
	w := toks[k].norm
	if governmentNouns[w] {
		// "the government said", "the statement said": the country the
		// article is following, unless an organization of that kind was named.
		if o := d.lastEntity(si, toks[k].start, func(e *entity) bool {
			return e.typ == model.Organization && (e.kind == "government" && w != "statement")
		}); o != nil && w != "statement" {
			return o
		}
		return d.homeCountry(si, toks[k].start)
	}
	if kind, ok := d.x.lx.orgWords[w]; ok {
		return d.lastEntity(si, toks[k].start, func(e *entity) bool {
			return e.typ == model.Organization && (e.kind == kind || strings.Contains(strings.ToLower(e.name), w))
		})
	}
	if c := d.x.lx.titles[w].class; c != "" && c != "honorific" {
		return d.lastEntity(si, toks[k].start, func(e *entity) bool {
			return e.typ == model.Person && strings.Contains(strings.ToLower(e.role), w)
		})
	}
	return nil
}

// homeCountry is the country "the government" of an article means: the
// country of its dateline, else the one it has named most so far.
func (d *doc) homeCountry(si, pos int) *entity {
	count := map[*entity]int{}
	var best *entity
	for s := 0; s <= si && s < len(d.ments); s++ {
		for _, m := range d.ments[s] {
			if m.start >= pos && s == si {
				break
			}
			e := m.ent
			if e.typ == model.Place && d.inDateline(m.start) {
				if c := d.countryByISO(e.country); c != nil {
					return c // "BAMAKO, Jan 31 (AFP) –"
				}
			}
			if e.typ != model.Country || m.how == byDemonym {
				continue
			}
			count[e]++
			if best == nil || count[e] > count[best] {
				best = e
			}
		}
	}
	return best
}

// Nouns that stand for the government an article follows.
var governmentNouns = setOf("government", "statement", "junta", "authorities", "regime", "administration", "presidency")

// lastEntity returns the entity matching ok mentioned last before byte pos.
func (d *doc) lastEntity(si, pos int, ok func(*entity) bool) *entity {
	for s := si; s >= 0 && s >= si-12; s-- {
		ms := d.ments[s]
		for i := len(ms) - 1; i >= 0; i-- {
			if ms[i].start < pos && ok(ms[i].ent) {
				return ms[i].ent
			}
		}
	}
	return nil
}

// resolvePronoun links "he" or "she" at byte pos to the person it most
// likely means: the last person named before it whose gender does not
// contradict it. A person of unknown gender learns it from the pronoun.
func (d *doc) resolvePronoun(si, pos int, pronoun string) *entity {
	g := byte('m')
	if pronoun == "she" {
		g = 'f'
	}
	// The first person of a sentence is most often its subject, the one a
	// pronoun in the next clause refers to ("Kim … from Putin. … he will meet Putin").
	var p *entity
	for s := si; s >= 0 && s >= si-6 && p == nil; s-- {
		for _, m := range d.ments[s] {
			if s == si && m.start >= pos {
				break
			}
			if m.ent.typ == model.Person && (m.ent.gender == 0 || m.ent.gender == g) {
				p = m.ent
				break
			}
		}
	}
	if p != nil && p.gender == 0 {
		p.gender = g
	}
	return p
}

// inheritSpeaker gives an unattributed quote the speaker of the quote just
// before it, when nothing between them attributes speech to anyone else:
// “…,” Kirby stated. “Following these negotiations, …”
func (d *doc) inheritSpeaker(qi int) {
	q, prev := d.quotes[qi], d.quotes[qi-1]
	if prev.speaker == nil || q.para-prev.para > 1 {
		return
	}
	// A new paragraph continues a quote only if it opens with it.
	if q.para != prev.para && strings.TrimSpace(d.text[d.paraStart(q.open):q.open]) != "" {
		return
	}
	// Nothing between them may attribute speech to anyone else.
	from := max(prev.close, prev.end, prev.attrEnd)
	for _, w := range strings.FieldsFunc(d.text[from:q.open], func(r rune) bool { return !unicode.IsLetter(r) }) {
		if _, ok := d.x.lx.speech[strings.ToLower(w)]; ok {
			return
		}
	}
	q.speaker, q.verb = prev.speaker, prev.verb
}

// paraOf returns the paragraph number of byte offset b.
func (d *doc) paraOf(b int) int {
	return sort.SearchInts(d.paraStarts, b+1) - 1
}

// paraStart returns the offset where the paragraph holding b starts.
func (d *doc) paraStart(b int) int { return d.paraStarts[d.paraOf(b)] }
