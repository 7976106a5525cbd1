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
	attributed bool // a quotation attributed beside its marks, not by inheritance
}

// findQuotes pairs quotation marks paragraph by paragraph. Curly quotes
// pair by shape; straight quotes alternate (scraped text often loses the
// space before an opening mark, so position would mislead); guillemets
// (« ») pair like curly quotes. A quote still open at the end of a
// paragraph ends there: news style reopens it in the next paragraph.
func (d *doc) findQuotes() {
	para := 0
	var open, single, straight = -1, -1, -1
	for i := 0; i < len(d.text); {
		r, n := utf8.DecodeRuneInString(d.text[i:])
		switch {
		case r == '\n':
			if open >= 0 {
				d.addQuote(open, i, -1, para)
				open = -1
			}
			single, straight = -1, -1 // a single quote never runs across paragraphs
			para = d.paraOf(i + 1)
		case r == '’' && open >= 0 && strings.HasPrefix(d.text[i+n:], "’"):
			// “…,’’ he said: two closing single marks close a double quotation (QT-MARKS-9)
			d.addQuote(open, i, i, para)
			open = -1
			n *= 2
		case r == '\'' && strings.HasPrefix(d.text[i:], "''") && single < 0 && straight < 0:
			// ''…,'' Obama said: two apostrophes as a double mark (QT-MARKS-9)
			if open >= 0 {
				d.addQuote(open, i, i, para)
				open = -1
			} else {
				open = i
			}
			n = 2
		case r == '\'' && straight >= 0 && closesStraight(d.text, i):
			d.addQuote(straight, i, i, para)
			straight = -1
		case r == '\'' && open < 0 && single < 0 && straight < 0 && opensStraight(d.text, i):
			straight = i // South Asian copy: told reporters 'the chemistry was good' (QT-MARKS-8)
		case r == '‘' && open < 0 && single < 0 && i+n < len(d.text) && !unicode.IsSpace(rune(d.text[i+n])):
			single = i // headline style: PM says talks were ‘deep, open and practical’
		case r == '’' && single >= 0 && (i+n >= len(d.text) || !unicode.IsLetter(rune(d.text[i+n]))):
			d.addQuote(single, i, i, para)
			single = -1
		case r == '“' && open >= 0 && closesLikeEnd(d.text, i, n):
			// “We are ready,“ said the minister: a “ glued to the words
			// before it and followed by a space closes the quotation.
			d.addQuote(open, i, i, para)
			open = -1
		case r == '“' || r == '«' || r == '"' && open < 0:
			if open >= 0 && r != '"' {
				d.addQuote(open, i, -1, para) // an unclosed quote before a new one
			}
			open = i
		case (r == '”' || r == '»' || r == '"') && open >= 0:
			d.addQuote(open, i, i, para)
			open = -1
		}
		i += n
	}
	if open >= 0 {
		d.addQuote(open, len(d.text), -1, para)
	}
}

// opensStraight: a straight apostrophe at i opens a single quotation when
// it starts a word (after a space, an opening bracket or the line's start)
// and the quotation closes in its paragraph ('warm and productive'); an
// elided year ('90s) has no closing mark.
func opensStraight(text string, i int) bool {
	if i+1 >= len(text) {
		return false
	}
	if i > 0 {
		prev, _ := utf8.DecodeLastRuneInString(text[:i])
		if !unicode.IsSpace(prev) && prev != '(' {
			return false
		}
	}
	next, _ := utf8.DecodeRuneInString(text[i+1:])
	if !unicode.IsLetter(next) && !unicode.IsDigit(next) {
		return false
	}
	for j := i + 1; j < len(text) && text[j] != '\n'; j++ {
		if text[j] == '\'' && closesStraight(text, j) {
			return true
		}
	}
	return false
}

// closesStraight: a straight apostrophe at i closes a single quotation
// when it ends a word and no letter follows (an apostrophe inside a word,
// don't, opens nothing and closes nothing). A plural possessive (the
// ministers' talks) ends a word too: it closes only when no later mark of
// the paragraph could.
func closesStraight(text string, i int) bool {
	if i == 0 {
		return false
	}
	prev, _ := utf8.DecodeLastRuneInString(text[:i])
	if unicode.IsSpace(prev) {
		return false
	}
	if i+1 < len(text) {
		next, _ := utf8.DecodeRuneInString(text[i+1:])
		if unicode.IsLetter(next) || unicode.IsDigit(next) {
			return false
		}
		if prev == 's' && next == ' ' && i+2 < len(text) && unicode.IsLower(rune(text[i+2])) {
			for j := i + 1; j < len(text) && text[j] != '\n'; j++ {
				if text[j] == '\'' && j+1 < len(text) && text[j-1] != ' ' && !unicode.IsLetter(rune(text[j+1])) {
					return false // the ministers' talks … 'warm' …: a later mark closes
				}
			}
		}
	}
	return true
}

// closesLikeEnd: the mark of n bytes at i follows punctuation or a letter
// with no space and is followed by a space or the end of the line, the
// shape of a closing mark whatever its glyph.
func closesLikeEnd(text string, i, n int) bool {
	if i == 0 || i+n > len(text) {
		return false
	}
	prev, _ := utf8.DecodeLastRuneInString(text[:i])
	if unicode.IsSpace(prev) {
		return false
	}
	return i+n == len(text) || text[i+n] == ' ' || text[i+n] == '\n'
}

// addQuote records the quotation whose opening mark is at open and whose
// content ends at end.
func (d *doc) addQuote(open, end, closeAt, para int) {
	if !d.reports(open) {
		return // a caption's, a link's or a credit's quotation marks
	}
	_, n := utf8.DecodeRuneInString(d.text[open:])
	if strings.HasPrefix(d.text[open:], "''") {
		n = 2
	}
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
		if sp, verb, end, found := d.attributeAfter(q); found {
			// An attribution to someone unnamed ("a Western diplomat said")
			// leaves the quote without a speaker, but attributed.
			q.speaker, q.verb, q.attributed, q.attrEnd = sp, verb, true, end
			// "X said without naming India “…,” PTI reported": the outlet
			// relays the words of the person who speaks before them
			// (QT-AGENCY-5).
			if sp != nil && sp.typ == model.Organization && verb != verbSay {
				if p, pv := d.attributeBefore(q); p != nil && p.typ == model.Person {
					q.speaker, q.verb = p, pv
				}
			}
			// “Lula replied: “Not this year,” a Brazilian official said”:
			// the words are those of the person the official quotes.
			if (sp == nil || sp.typ != model.Person) && (d.colonBefore(q) || d.thatBefore(q)) {
				if p, pv := d.attributeBefore(q); p != nil && p.typ == model.Person {
					q.speaker, q.verb = p, pv
				}
			}
		} else if sp, verb := d.attributeBefore(q); sp != nil {
			q.speaker, q.verb, q.attributed = sp, verb, true
		} else if qi > 0 {
			d.inheritSpeaker(qi)
		}
	}
	// Ministers hail ‘new chapter in our ties’ (a headline): the speaker
	// is whoever the body quotes saying the same words.
	for _, q := range d.quotes {
		if q.speaker != nil || d.lineKindAt(q.open) != lineHeadline {
			continue
		}
		words := " " + strings.Join(strings.Fields(quoteWords(d.text[q.start:q.end])), " ") + " "
		for _, b := range d.quotes {
			if b.speaker != nil && b.open > q.open && strings.Contains(" "+strings.Join(strings.Fields(quoteWords(d.text[b.start:b.end])), " ")+" ", words) {
				q.speaker, q.verb = b.speaker, b.verb
				break
			}
		}
	}
	// “We will not accept this.¶“The border stays closed,” the minister
	// said: a quotation left open at a paragraph's end is continued, and
	// attributed, in the next.
	// “…”¶“…,” Blinken said: a paragraph that is nothing but a quotation,
	// right before a paragraph that opens with an attributed one, is the
	// same speaker's (QT-ATTR-12).
	for qi := len(d.quotes) - 2; qi >= 0; qi-- {
		q, next := d.quotes[qi], d.quotes[qi+1]
		if q.speaker == nil && !q.attributed && next.speaker != nil && next.para == q.para+1 &&
			d.paraStart(next.open) == next.open && (q.close < 0 || d.quoteIsParagraph(q)) {
			q.speaker, q.verb = next.speaker, next.verb
		}
		// "Jaishankar too “emphasised the need” for an “atmosphere …”,
		// MEA stated": an earlier quotation of the sentence whose later one
		// is attributed after it, with no speech verb between (QT-ATTR-12).
		if q.speaker == nil && !q.attributed && next.speaker != nil && next.attrEnd > 0 && q.close >= 0 &&
			d.sentenceOf(q.open) == d.sentenceOf(next.open) && !d.speechBetween(q.close, next.open) {
			q.speaker, q.verb = next.speaker, next.verb
		}
	}
	d.findReportedSpeech()
	d.quoteAfterReported()
	var direct []*stmt
	for _, q := range d.quotes {
		if q.speaker == nil || !d.isQuotation(q) {
			continue
		}
		direct = append(direct, &stmt{speaker: q.speaker, text: d.text[q.start:q.end], start: q.start, end: q.end,
			direct: true, verb: q.verb, sent: d.sentenceOf(q.start), attributed: q.attributed})
	}
	d.stmts = append(d.stmts, dropRepeats(d, direct)...)
	sort.SliceStable(d.stmts, func(i, j int) bool { return d.stmts[i].start < d.stmts[j].start })
}

// speechBetween: a speech verb (lower case) between bytes s and e.
func (d *doc) speechBetween(s, e int) bool {
	for _, w := range strings.FieldsFunc(d.text[s:e], func(r rune) bool { return !unicode.IsLetter(r) }) {
		if _, ok := d.x.lx.speech[w]; ok {
			return true
		}
	}
	return false
}

// quoteIsParagraph: the quotation opens its paragraph and nothing but
// punctuation follows its closing mark there.
func (d *doc) quoteIsParagraph(q *quote) bool {
	if q.close < 0 || d.paraStart(q.open) != q.open {
		return false
	}
	rest := d.text[q.close:]
	if i := strings.IndexByte(rest, '\n'); i >= 0 {
		rest = rest[:i]
	}
	return strings.TrimFunc(rest, func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSpace(r) }) == ""
}

// quoteAfterReported gives a quotation that opens its paragraph with no
// attribution the speaker of the speech reported in the sentence right
// before it: "Zelensky said Ukraine was ready.¶“We are ready for talks.”"
// is Zelensky's. d.stmts holds only reported speech when this runs.
func (d *doc) quoteAfterReported() {
	for _, q := range d.quotes {
		if q.speaker != nil || q.attributed || q.para == 0 || d.paraStart(q.open) != q.open {
			continue
		}
		prev := d.sentenceOf(q.open) - 1
		for i := len(d.stmts) - 1; i >= 0; i-- {
			if st := d.stmts[i]; st.sent == prev && st.speaker != nil && d.paraOf(st.start) == q.para-1 {
				q.speaker, q.verb = st.speaker, st.verb
				break
			}
		}
		if q.speaker == nil && prev >= 0 && d.paraOf(d.sents[prev].start) == q.para-1 {
			q.speaker, q.verb = d.accordingToPerson(prev), verbSay
		}
	}
}

// accordingTo: tokens j and j+1 read "according to".
func accordingTo(toks []token, j int) bool {
	return j+1 < len(toks) && toks[j].norm == "according" && toks[j+1].norm == "to"
}

// accordingToPerson: the person a sentence gives as its source, "…,
// according to Albusaidi, …", outside quotations, or nil. A quotation
// that opens the next paragraph with no attribution is that person's
// (QT-ATTR-7, QT-AGENCY-3).
func (d *doc) accordingToPerson(si int) *entity {
	toks := d.sents[si].tokens
	for j := 0; j+2 < len(toks); j++ {
		if !accordingTo(toks, j) || d.inQuote(toks[j].start) {
			continue
		}
		if m := d.mentionAt(si, j+2); m != nil && m.ent.typ == model.Person {
			return m.ent
		}
	}
	return nil
}

// dropRepeats keeps one statement of a quotation that the article repeats
// (headline or lead and again in the body, a pull quote, an embedded
// post): a quotation whose words open a longer or equal one is the same
// statement; of two alike, the one attributed beside its marks, then the
// one in the body, then the later is kept. A shorter quotation inside a
// longer one but not at its start ("the other team" in a headline, the
// whole sentence in the body) is a quotation of its own.
func dropRepeats(d *doc, sts []*stmt) []*stmt {
	norms := make([]string, len(sts))
	for i, st := range sts {
		norms[i] = strings.Join(strings.Fields(quoteWords(st.text)), " ") + " "
	}
	rank := func(i int) int {
		r := 0
		if sts[i].attributed {
			r += 2
		}
		if d.lineKindAt(sts[i].start) == lineBody {
			r++
		}
		return r
	}
	var out []*stmt
	for i, st := range sts {
		repeated := false
		for j := range sts {
			if j == i || !strings.HasPrefix(norms[j], norms[i]) {
				continue
			}
			if len(norms[j]) > len(norms[i]) || rank(j) > rank(i) || rank(j) == rank(i) && j > i {
				repeated = true
				break
			}
		}
		if !repeated {
			out = append(out, st)
		}
	}
	return out
}

// quoteWords lower-cases s and keeps its letters, digits and spaces, so
// that a quotation compares with its repetition whatever the punctuation.
func quoteWords(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			return unicode.ToLower(r)
		case r == '\'' || r == '’':
			return -1
		}
		return ' '
	}, s)
}

// isQuotation tells quoted speech from a quoted term: a quotation has three
// words or more, or was attributed right beside its marks.
func (d *doc) isQuotation(q *quote) bool {
	return len(strings.Fields(d.text[q.start:q.end])) >= 3 || q.attributed
}

// attributeAfter reads an attribution that follows the closing mark:
// “…,” Koffler said. / “…,” said Antony Blinken, the secretary of state.
// “…,” she said. / “…,” the ministry said in a statement.
// found reports an attribution even when its speaker is unnamed.
func (d *doc) attributeAfter(q *quote) (sp *entity, verb string, end int, found bool) {
	if q.close < 0 {
		return nil, "", 0, false
	}
	si := d.sentenceOf(q.close)
	if si >= len(d.sents) {
		return nil, "", 0, false
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
	if k >= len(toks) && endsSentence && si+1 < len(d.sents) {
		if sp, verb, end, ok := d.attributionSentence(q, si+1); ok {
			return sp, verb, end, true
		}
	}
	if k >= len(toks) || (q.para != d.paraOf(toks[k].start)) {
		return nil, "", 0, false
	}
	// A quote inside a sentence ("Taiwan was “the most sensitive issue” in
	// relations, according to …") is attributed after it only when it ends
	// a clause: with its own comma, or with the attribution right after it.
	last, _ := utf8.DecodeLastRuneInString(strings.TrimSpace(d.text[q.start:q.end]))
	if !strings.ContainsRune(",?!.", last) && toks[k].norm != "," && !d.speechWithin(toks, k, 5) {
		return nil, "", 0, false
	}
	// “…”, and officials insisted …: a new clause, not an attribution.
	c := k
	if toks[c].norm == "," {
		c++
	}
	if c < len(toks) && attrib.Conjunctions[toks[c].norm] {
		return nil, "", 0, false
	}
	// Speaker then verb, or verb then speaker, within a few tokens.
	limit := min(len(toks), k+30)
	for j := k; j < limit; j++ {
		t := toks[j]
		if t.norm == `"` || t.norm == "." && j > k+1 && !recog.Abbreviations[toks[j-1].norm] {
			break
		}
		opens := j == k || j == k+1 && toks[k].norm == ","
		// “…,” according to Zelensky — a quotation that opens its sentence;
		// after reported speech ("praised what he called “…”, according to
		// the White House") the source is the report's, not the words'.
		if opens && accordingTo(toks, j) && d.opensSentence(q) {
			if sp, ok := d.speakerAfterVerbOK(si, j+2); ok {
				return sp, verbSay, toks[j+1].end, true
			}
		}
		// “…”, TASS quoted him. / “…,” the agency quoted Peskov: the
		// object of a quoting verb after the quotation speaks (QT-AGENCY-4).
		if attrib.Quoting[t.norm] && !t.cap && j > k && j+1 < len(toks) && !d.passive(toks, j) {
			if p, ok := attrib.ObjectPronouns[toks[j+1].norm]; ok && (j+2 >= len(toks) || !toks[j+2].word) {
				return d.speakerPronoun(si, toks[j+1].start, p), verbSay, toks[j+1].end, true
			}
			if m := d.mentionAt(si, j+1); m != nil && m.ent.typ == model.Person && (m.tj >= len(toks) || !toks[m.tj].word) {
				return m.ent, verbSay, toks[m.tj-1].end, true
			}
		}
		sv, ok := d.x.lx.speech[t.norm]
		if !ok || !t.word || t.cap && j != k {
			continue
		}
		if opens {
			// “…,” said Koffler / “…,” said the ministry.
			if sp, ok := d.speakerAfterVerbOK(si, j+1); ok {
				return sp, sv.lemma, t.end, true
			}
			continue
		}
		if toks[j-1].norm == "and" {
			break // “…” against the North and warned …: the verb of an earlier subject
		}
		if sp, ok := d.speakerBeforeOK(si, j, k); ok {
			return sp, sv.lemma, t.end, true
		}
	}
	return nil, "", 0, false
}

// attributionSentence reads a sentence right after a quotation that ends
// its own sentence and that does nothing but attribute it: “… undesirable.”
// Clayson Monyela, spokesperson of the department, said in a statement on
// Sunday. (QT-ATTR-11). Only filler words ("in a statement on Sunday",
// "told reporters") may follow the speech verb, and its subject is named.
func (d *doc) attributionSentence(q *quote, s int) (*entity, string, int, bool) {
	_, n := utf8.DecodeRuneInString(d.text[q.close:])
	if strings.HasPrefix(d.text[q.close:], "''") {
		n = 2
	}
	if st := d.sents[s].start; st < q.close+n || strings.TrimSpace(d.text[q.close+n:st]) != "" || d.paraOf(st) != q.para {
		return nil, "", 0, false
	}
	toks := d.sents[s].tokens
	for v := 1; v < len(toks) && v < 25; v++ {
		t := toks[v]
		if t.norm == `"` || d.inQuote(t.start) {
			return nil, "", 0, false
		}
		sv, ok := d.x.lx.speech[t.norm]
		if !ok || t.cap || d.nounUse(s, v) {
			continue
		}
		for a := v + 1; a < len(toks); a++ {
			if m := d.mentionAt(s, a); m != nil {
				a = m.tj - 1 // "told Reuters"
				continue
			}
			if at := toks[a]; at.word && (!attrib.Filler[at.norm] || attrib.Definite[at.norm] && a == v+1) || a > v+10 {
				return nil, "", 0, false // what follows is what was said, not where
			}
		}
		if sp, ok := d.speakerBeforeOK(s, v, 0); ok && sp != nil {
			return sp, sv.lemma, t.end, true
		}
		return nil, "", 0, false
	}
	return nil, "", 0, false
}

// opensSentence: nothing but space stands before the quotation's opening
// mark in its sentence.
func (d *doc) opensSentence(q *quote) bool {
	si := d.sentenceOf(q.open)
	return si >= len(d.sents) || strings.TrimSpace(d.text[min(d.sents[si].start, q.open):q.open]) == ""
}

// thatBefore: "X said in his message that “…,” the spokesperson said":
// the word right before the opening mark is "that" after a speech verb,
// so the quotation holds X's words relayed by the one who speaks after
// it (QT-SPEAKER-3).
func (d *doc) thatBefore(q *quote) bool {
	si := d.sentenceOf(q.open)
	if si >= len(d.sents) {
		return false
	}
	toks := d.sents[si].tokens
	k := sort.Search(len(toks), func(i int) bool { return toks[i].end > q.open }) - 1
	if k < 1 || toks[k].norm != wordThat {
		return false
	}
	for j := k - 1; j >= 0 && j >= k-8; j-- {
		if _, ok := d.x.lx.speech[toks[j].norm]; ok && !toks[j].cap {
			return true
		}
	}
	return false
}

// colonBefore: a colon right before the quotation's opening mark.
func (d *doc) colonBefore(q *quote) bool {
	return strings.HasSuffix(strings.TrimSpace(d.text[d.paraStart(q.open):q.open]), ":")
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
	// "Prabowo said:" closing the paragraph before the one the quote opens.
	if k == 0 && si > 0 && d.paraStart(q.open) == d.sents[si].start {
		prev := d.sents[si-1].tokens
		if n := len(prev); n > 1 && prev[n-1].norm == ":" && d.paraOf(d.sents[si-1].start)+1 == q.para {
			si, toks, k = si-1, prev, n
		}
	}
	// A headline's "Zelensky: ‘We will win’", with no verb.
	if k >= 2 && toks[k-1].norm == ":" {
		for j := k - 2; j >= 0 && j >= k-6; j-- {
			if _, ok := d.x.lx.speech[toks[j].norm]; ok && !toks[j].cap {
				break // "X met Y on Monday, saying:" has its verb (QT-ATTR-9)
			}
			if m := d.mentionAt(si, j); m != nil && m.ent.typ == model.Person {
				return m.ent, verbSay
			}
		}
	}
	// The last speech verb before the quote whose clause reaches it.
	for j := k - 1; j >= 0; j-- {
		t := toks[j]
		if t.norm == `"` {
			return nil, "" // another quote in between
		}
		if accordingTo(toks, j) && j+2 < len(toks) {
			if p, ok := attrib.ObjectPronouns[toks[j+2].norm]; ok {
				return d.resolvePronoun(si, toks[j+2].start, p), verbSay // According to him, “…”
			}
			if sp := d.speakerAfterVerb(si, j+2); sp != nil {
				return sp, "report"
			}
		}
		if attrib.WordsOf[t.norm] && j >= 2 && toks[j-2].norm == "in" {
			if p, ok := gram.PossessivePronouns[toks[j-1].norm]; ok {
				return d.resolvePronoun(si, toks[j-1].start, p), verbSay // In his words, “…”
			}
			if j+2 < len(toks) && toks[j+1].norm == "of" {
				if sp := d.speakerAfterVerb(si, j+2); sp != nil {
					return sp, verbSay // In the words of the minister, “…”
				}
			}
		}
		sv, ok := d.x.lx.speech[t.norm]
		if !ok || t.cap && j > 0 || d.nounUse(si, j) {
			continue
		}
		if sp := d.speakerBefore(si, j, 0); sp != nil {
			return sp, sv.lemma
		}
		return nil, ""
	}
	return nil, ""
}

// nounUse: the speech verb form at token j is a noun here ("Gulf states",
// "the reports", "their claims"): a determiner, or a capitalised word that
// names no speaker (nothing, a place, a demonym), stands right before it
// (QT-ATTR-10).
func (d *doc) nounUse(si, j int) bool {
	if j == 0 {
		return false
	}
	prev := d.sents[si].tokens[j-1]
	if attrib.Definite[prev.norm] || attrib.Indefinite[prev.norm] {
		return true // "the reports", "several claims"; not "further said"
	}
	if _, ok := gram.PossessivePronouns[prev.norm]; ok {
		return true // "their claims"
	}
	if !prev.word || !prev.cap || j-1 == 0 || d.x.lx.titles[prev.norm].class != "" {
		return false
	}
	// a place or a demonym describes the noun: "Gulf states", "Iranian reports"
	m := d.mentionAt(si, j-1)
	return m == nil || m.ent.typ == model.Place || m.ent.typ == model.Country && m.how == byDemonym
}

// speakerBefore finds the subject of the speech verb at token j: the
// nearest entity mention or pronoun before it, skipping an apposition and
// adverbials ("on Monday", "in a statement"), but not beyond token floor.
func (d *doc) speakerBefore(si, j, floor int) *entity {
	sp, _ := d.speakerBeforeOK(si, j, floor)
	return sp
}

// speakerBeforeOK is speakerBefore; ok reports a subject found even when
// it names no entity ("a Western diplomat said").
func (d *doc) speakerBeforeOK(si, j, floor int) (*entity, bool) {
	toks := d.sents[si].tokens
	if sp, ok := d.quotedAs(si, j, floor); ok {
		return sp, true
	}
	// "Lula hosted Xi in Brasilia, saying: “…”", "X reacted to the
	// threat, writing on X: “…”": a participle after a comma speaks for
	// the subject of the clause's main verb, not the nearest name (its
	// object): QT-ATTR-9.
	if v := d.participleHost(si, j, floor); v >= 0 {
		return d.speakerBeforeOK(si, v, floor)
	}
	// "Putin said he expected … and told Wang that …": a coordinated verb
	// has the subject of the speech verb before it.
	if j > floor+1 && toks[j-1].norm == "and" {
		for v := j - 2; v > floor; v-- {
			if _, ok := d.x.lx.speech[toks[v].norm]; ok && !toks[v].cap {
				return d.speakerBeforeOK(si, v, floor)
			}
		}
		// So does another verb before "and", when no speech verb opens the
		// sentence: "the USAID chief visited Armenia's border with
		// Azerbaijan and announced aid" is the chief's speech, not
		// Azerbaijan's (the nearest name is the first verb's object).
		for v := j - 2; v > floor+1 && v >= j-25; v-- {
			t := toks[v]
			if m := d.mentionAt(si, v); m != nil {
				v = m.ti
				continue
			}
			if t.norm == ";" || t.norm == `"` || t.norm == "," && v == j-2 {
				break
			}
			if t.word && !t.cap && pastTense(t.norm) && !gram.Determiners[toks[v-1].norm] {
				return d.speakerBeforeOK(si, v, floor)
			}
		}
	}
	// "Koffler, a former official at the agency, expressed": the subject
	// stands before the apposition's opening comma. "The UAE's ambassador
	// to the UN, Mohamed Abushahab, called": the name between the commas is
	// the subject its title describes.
	if j > floor && toks[j-1].norm == "," {
		for c := j - 2; c > floor; c-- {
			if toks[c].norm == "," {
				if m := d.mentionAt(si, c+1); m != nil && m.ent.typ == model.Person && m.ti == c+1 && m.tj == j-1 {
					return m.ent, true
				}
				end := c
				if toks[c-1].norm == ")" { // "Zhu Fenglian (朱鳳蓮), spokesperson …,"
					for end = c - 1; end > floor && toks[end].norm != "("; end-- {
					}
				}
				if m := d.mentionEndingAt(si, end); m != nil {
					if sp := d.asSpeaker(m); sp != nil {
						return sp, true
					}
				}
				break
			}
		}
	}
	if p := d.openApposition(si, j, floor); p != nil {
		return p, true
	}
	start := j - 1
	// "X while speaking on India-Pakistan relations said": the adverbial
	// clause before the verb holds no subject (QT-ATTR-13).
	for c := j - 1; c > floor && j-c <= 12; c-- {
		if attrib.Conjunctions[toks[c-1].norm] && toks[c].word && !toks[c].cap && strings.HasSuffix(toks[c].norm, "ing") {
			start = c - 2
			break
		}
		if !toks[c].word && toks[c].norm != "-" {
			break
		}
	}
	for k := start; k >= floor && j-k <= 30; k-- {
		t := toks[k]
		if m := d.mentionAt(si, k); m != nil {
			// "the Prime Minister's Office said": a possessor is no subject
			possessor := m.tj < j && toks[m.tj].norm == "'s"
			if sp := d.asSpeaker(m); sp != nil && !possessor {
				return sp, true
			}
			k = m.ti
			continue
		}
		switch {
		case attrib.PersonPronouns[t.norm]:
			return d.speakerPronoun(si, toks[k].start, t.norm), true
		case attrib.It[t.norm]:
			return d.itSpeaker(si, toks[k].start), true
		case attrib.GroupPronouns[t.norm]:
			return nil, true
		case t.norm == `"` || t.norm == ";":
			return nil, false
		}
		if sp, ok := d.nominalSpeaker(si, k); ok {
			return sp, true
		}
	}
	return nil, false
}

// participleHost returns the main verb of the clause whose participle (a
// speech verb in -ing after a comma) is token j: the first verb in the
// past tense after the clause's first name, or -1.
func (d *doc) participleHost(si, j, floor int) int {
	toks := d.sents[si].tokens
	if j < floor+3 || toks[j-1].norm != "," || !strings.HasSuffix(toks[j].norm, "ing") {
		return -1
	}
	named := false
	for v := floor; v < j-1; v++ {
		t := toks[v]
		if m := d.mentionAt(si, v); m != nil {
			named, v = true, m.tj-1
			continue
		}
		if t.norm == `"` || t.norm == ";" {
			return -1
		}
		if named && t.word && !t.cap && pastTense(t.norm) && v > 0 && !gram.Determiners[toks[v-1].norm] {
			return v
		}
	}
	return -1
}

// openApposition reads a person's apposition whose closing comma the copy
// dropped: "Mumtaz Baloch, spokesperson of the foreign ministry tweeted"
// is Baloch's, not the ministry's. A title must open the apposition and no
// other punctuation stand before the verb at token j.
func (d *doc) openApposition(si, j, floor int) *entity {
	toks := d.sents[si].tokens
	for c := j - 1; c > floor && j-c <= 10; c-- {
		switch toks[c].norm {
		case ",":
			m := d.mentionEndingAt(si, c)
			if m == nil || m.ent.typ != model.Person || c+1 >= j-1 {
				return nil
			}
			t := c + 1
			if attrib.Definite[toks[t].norm] || attrib.Indefinite[toks[t].norm] {
				t++
			}
			if d.titleAt(si, t, j) == 0 {
				return nil
			}
			// Only a title and what it is of may stand before the verb, not
			// a clause of the apposition's own ("an economist whose
			// appointment signaled …").
			for ; t < j; t++ {
				if n := d.titleAt(si, t, j); n > 0 {
					t += n - 1
					continue
				}
				tk := toks[t]
				if m := d.mentionAt(si, t); m != nil && m.ent.typ == model.Person {
					return nil // "In remarks in Crans Montana, Mr Christodoulides said": a new subject
				}
				if tk.cap || !tk.word || d.mentionAt(si, t) != nil || recog.Connectors[tk.norm] || attrib.Definite[tk.norm] {
					continue
				}
				return nil
			}
			return m.ent
		case "'s", "-", "&":
			continue
		}
		if !toks[c].word {
			return nil
		}
	}
	return nil
}

// quotedAs reads "the agency quoted X as saying" and "X was quoted by the
// paper as saying" for the verb at token j ("saying"): the words are X's,
// not the outlet's.
func (d *doc) quotedAs(si, j, floor int) (*entity, bool) {
	toks := d.sents[si].tokens
	if j < 2 || toks[j-1].norm != "as" {
		return nil, false
	}
	for q := j - 2; q > floor && q >= j-12; q-- {
		if !attrib.Quoting[toks[q].norm] {
			continue
		}
		if q > 0 && attrib.Auxiliary[toks[q-1].norm] {
			return d.speakerBeforeOK(si, q-1, floor) // passive: the subject was quoted
		}
		for k := q + 1; k < j-1; k++ { // active: the object is quoted
			if p, ok := attrib.ObjectPronouns[toks[k].norm]; ok {
				return d.resolvePronoun(si, toks[k].start, p), true // "his office quoted him as saying"
			}
			if m := d.mentionAt(si, k); m != nil {
				if p := d.personAfter(si, m.ti, 8); p != nil {
					return p, true
				}
				return d.asSpeaker(m), true
			}
			if h := d.descHeadAfter(si, k); h >= 0 {
				if sp, ok := d.nominalSpeaker(si, h); ok {
					return sp, true
				}
			}
		}
		return nil, false
	}
	return nil, false
}

// speakerAfterVerb finds the speaker right after an inverted verb: "said
// Kirby", "said the spokesman", "according to the ministry".
func (d *doc) speakerAfterVerb(si, k int) *entity {
	sp, _ := d.speakerAfterVerbOK(si, k)
	return sp
}

// speakerAfterVerbOK is speakerAfterVerb; ok reports a speaker found even
// when it names no entity ("said a Western diplomat").
func (d *doc) speakerAfterVerbOK(si, k int) (*entity, bool) {
	toks := d.sents[si].tokens
	for j := k; j < len(toks) && j < k+6; j++ {
		if toks[j].norm == "." && j > k && recog.Abbreviations[toks[j-1].norm] {
			continue // "said Dr. Nimrod Shafir"
		}
		if m := d.mentionAt(si, j); m != nil {
			// "said Russia's foreign minister Sergei Lavrov": the person wins.
			if m.ent.typ != model.Person {
				if p := d.personAfter(si, m.tj, 6); p != nil {
					return p, true
				}
				// "said the Kenyan minister": the description speaks.
				if h := d.descHeadAfter(si, m.tj); h >= 0 {
					if sp, ok := d.nominalSpeaker(si, h); ok {
						return sp, true
					}
				}
			}
			return d.asSpeaker(m), true
		}
		switch n := toks[j].norm; {
		case attrib.PersonPronouns[n]:
			return d.speakerPronoun(si, toks[j].start, n), true
		case n == "," || n == "." || n == `"`:
			return nil, false
		}
		if h := d.descHeadAfter(si, j); h >= 0 {
			if sp, ok := d.nominalSpeaker(si, h); ok {
				return sp, true
			}
		}
	}
	return nil, false
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
// contradict it; a name inside a quotation does not count for a pronoun
// outside one ("“… Trump's visit …,” Xi said. He said …" is Xi). The first person of a sentence is most often its
// subject, the one a pronoun in the next clause refers to ("Kim … from
// Putin. … he will meet Putin"); but one whose gender the text states
// wins over one whose gender is unknown in the same sentence. A person of
// unknown gender learns it from the pronoun.
func (d *doc) resolvePronoun(si, pos int, pronoun string) *entity {
	g := pronounGender(pronoun)
	var p *entity
	outside := !d.inQuote(pos)
	for s := si; s >= 0 && s >= si-6 && p == nil; s-- {
		var unknown *entity
		// "He informed the premier of Modi's visit. “…,” he added": the
		// same pronoun as the subject of an earlier sentence, before any
		// name of that sentence, carries its referent on (QT-ATTR-8).
		chain := -1
		if s < si {
			for _, t := range d.sents[s].tokens {
				if t.norm == pronoun && (!outside || !d.inQuote(t.start)) {
					chain = t.start
					break
				}
			}
		}
		for _, m := range d.ments[s] {
			if s == si && m.start >= pos {
				break
			}
			if chain >= 0 && m.start > chain && m.ent.typ == model.Person {
				break
			}
			if m.ent.typ != model.Person || outside && d.inQuote(m.start) {
				continue // a name inside a quotation is the speaker's word, not the narrative's
			}
			if m.ent.gender == g {
				p = m.ent
				break
			}
			if m.ent.gender == 0 && unknown == nil {
				unknown = m.ent
			}
		}
		if p == nil {
			p = unknown
		}
		if p == nil && chain >= 0 {
			p = d.resolvePronoun(s, chain, pronoun)
			break
		}
	}
	if p != nil && p.gender == 0 {
		p.gender = g
	}
	return p
}

// speakerPronoun resolves "he" or "she" as the subject of a speech verb at
// byte pos: when the sentence names no person before it, the person who
// spoke in the sentence before ("Replying to a query about Modi's
// government, the foreign minister said that … ¶ “…,” he said" is the
// minister's, not Modi's: QT-ATTR-8); else as any pronoun.
func (d *doc) speakerPronoun(si, pos int, pronoun string) *entity {
	if si == 0 || d.pronDepth > 1 || d.inQuote(pos) {
		return d.resolvePronoun(si, pos, pronoun)
	}
	for _, m := range d.ments[si] {
		if m.start < pos && m.ent.typ == model.Person && !d.inQuote(m.start) {
			return d.resolvePronoun(si, pos, pronoun)
		}
	}
	g := pronounGender(pronoun)
	d.pronDepth++
	defer func() { d.pronDepth-- }()
	// The sentence before the quotation: sentences wholly inside it are its words.
	b := si - 1
	for b > 0 && len(d.sents[b].tokens) > 0 && d.inQuote(d.sents[b].start) && d.inQuote(d.sents[b].tokens[len(d.sents[b].tokens)-1].start) {
		b--
	}
	prev := d.sents[b].tokens
	for v, t := range prev {
		if _, ok := d.x.lx.speech[t.norm]; !ok || t.cap || d.inQuote(t.start) {
			continue
		}
		if sp, _ := d.speakerBeforeOK(b, v, 0); sp != nil && sp.typ == model.Person && (sp.gender == g || sp.gender == 0) {
			if sp.gender == 0 {
				sp.gender = g
			}
			return sp
		}
	}
	return d.resolvePronoun(si, pos, pronoun)
}

// pronounGender is the sex a person pronoun names: 'f' for "she", else 'm'.
func pronounGender(pronoun string) byte {
	if pronoun == "she" {
		return 'f'
	}
	return 'm'
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
