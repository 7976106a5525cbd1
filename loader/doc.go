package loader

import (
	"net/url"
	"strings"
	"time"
	"unicode/utf8"
)

// doc is the working state of one extraction.
type doc struct {
	x         *Extractor
	text      string
	off       offsets
	meta      Meta
	published time.Time // zero when unknown
	title     string
	dateline  string // "MOSCOW"
	bodyStart int    // byte offset after the dateline
	// datelineStart is where the dateline starts (bodyStart when there is none).
	datelineStart int
	// lineKinds says what each line (paragraph) is: body, headline,
	// byline, caption, links or credits (wire.go).
	lineKinds []lineKind

	sents []sentence
	// tokens holds every sentence's tokens in text order; each
	// sentence's are a slice of it.
	tokens []token
	ents   []*entity
	// byKey finds an entity by type and key (see entityKey); bySurname
	// finds fully named people by family name.
	byKey      map[string]*entity
	bySurname  map[string][]*entity
	paraStarts []int        // byte offsets where paragraphs start
	ments      [][]*mention // per sentence, in text order
	tokMent    [][]*mention // per sentence and token: the mention covering it
	// lowerWords holds words the article writes in lower case somewhere;
	// a capitalized sentence opener among them is not a name.
	lowerWords map[string]bool

	// lastGroup is the last subject of several actors ("the two leaders"),
	// what a later "they" refers to.
	lastGroup     []*entity
	lastGroupSent int

	// inIssuer guards statementIssuer against resolving itself.
	inIssuer bool
	// pronDepth bounds speakerPronoun's look back through earlier speech.
	pronDepth int

	quotes   []*quote
	stmts    []*stmt
	events   []*event
	oneSided []*event // transfers that name one side, waiting for impliedSides
}

func newDoc(x *Extractor, text string, meta Meta) *doc {
	d := &doc{x: x, text: text, off: newOffsets(text), meta: meta,
		byKey: map[string]*entity{}, bySurname: map[string][]*entity{}, paraStarts: []int{0}}
	// Paragraphs are separated by line breaks; blank lines between them
	// do not make more paragraphs.
	for i := 0; i < len(text); i++ {
		if text[i] != '\n' || i+1 == len(text) {
			continue
		}
		if last := len(d.paraStarts) - 1; strings.TrimSpace(text[d.paraStarts[last]:i]) == "" {
			d.paraStarts[last] = i + 1 // still blank: the paragraph starts later
		} else {
			d.paraStarts = append(d.paraStarts, i+1)
		}
	}
	if meta.Published != "" {
		d.published, _ = time.Parse("2006-01-02", meta.Published)
	}
	return d
}

func (d *doc) run() {
	d.sents = splitSentences(d.text)
	d.lowerWords = make(map[string]bool, len(d.text)/16) // about one word in three
	// The sentences' tokens share one array (a token takes about five
	// bytes of text): one allocation instead of one or more a sentence.
	d.tokens = make([]token, 0, len(d.text)/4+16)
	for i := range d.sents {
		s := &d.sents[i]
		s.tok = len(d.tokens)
		d.tokens = appendTokens(d.tokens, d.text, s.start, s.end)
	}
	for i := range d.sents {
		s := &d.sents[i]
		end := len(d.tokens)
		if i+1 < len(d.sents) {
			end = d.sents[i+1].tok
		}
		s.tokens = d.tokens[s.tok:end:end]
		for _, t := range s.tokens {
			if t.word && !t.cap {
				d.lowerWords[t.norm] = true
			}
		}
	}
	d.readHeader()
	d.findEntities()
	d.findStatements()
	d.findEvents()
}

// readHeader classifies the lines of the article (see wire.go), then
// finds the headline, the dateline and the published date. The dateline
// opens the body, after a headline, deks, a byline or a photo caption or
// two; a lead paragraph without one means there is none.
func (d *doc) readHeader() {
	d.classifyLines()
	datelinePara := -1
	for p := 0; p < len(d.paraStarts) && p < 14; p++ {
		if d.lineKinds[p] != lineBody {
			continue
		}
		line := d.paraText(p)
		trimmed := strings.TrimSpace(line)
		if dl, ok := d.x.wire.parseDateline(trimmed, d.knownPlace); ok {
			d.dateline = dl.city
			d.datelineStart = d.paraStarts[p] + strings.Index(line, trimmed)
			d.bodyStart = d.datelineStart + dl.end
			if dl.date != "" && d.published.IsZero() {
				if t, ok := parseMonthDay(strings.TrimSuffix(dl.date, "."), time.Time{}); ok && t.Year() > 1 {
					d.published = t
				}
			}
			datelinePara = p
			break
		}
		if p > 0 && len(strings.Fields(trimmed)) >= 20 {
			datelinePara = p // the lead, without a dateline
			break
		}
	}
	// Short lines without final punctuation before the body are the
	// headline, deks and repeated headlines.
	for p := 0; p < datelinePara; p++ {
		if d.lineKinds[p] == lineBody && d.isHeadline(d.paraText(p)) {
			d.lineKinds[p] = lineHeadline
		}
	}
	if first := strings.TrimSpace(d.paraText(0)); len(d.paraStarts) > 1 && d.isHeadline(first) {
		d.lineKinds[0] = lineHeadline
		if d.meta.Title == "" {
			d.title = first
		}
	}
	if d.meta.Title != "" {
		d.title = d.meta.Title
	}
	for i := 0; d.title == "" && i < len(d.sents); i++ {
		if d.sents[i].end > d.bodyStart && d.reports(d.sents[i].start) {
			d.title = truncate(strings.TrimSpace(d.text[max(d.sents[i].start, d.bodyStart):d.sents[i].end]), 120)
		}
	}
}

// isHeadline: a short line without final punctuation that is no dateline.
func (d *doc) isHeadline(line string) bool {
	line = strings.TrimSpace(line)
	if line == "" || utf8.RuneCountInString(line) > 160 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(line)
	if strings.ContainsRune(".,;:", last) {
		return false
	}
	_, dateline := d.x.wire.parseDateline(line, d.knownPlace)
	return !dateline
}

// knownPlace reports whether s names a place, capital or country of the
// gazetteer: "Seoul", "New Delhi", "Kuwait".
func (d *doc) knownPlace(s string) bool {
	toks := tokenize(s, 0, len(s))
	end, refs := d.x.ix.match(toks, 0)
	if end == 0 || end < len(toks) {
		return false
	}
	for _, r := range refs {
		if r.kind == refPlace || r.kind == refSeat || r.kind == refCountry {
			return true
		}
	}
	return false
}

func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	cut := strings.LastIndexByte(string(r[:n]), ' ')
	if cut < n/2 {
		cut = len(string(r[:n]))
	}
	return string(r[:n])[:cut] + "…"
}

// sourceOf names the outlet of a URL: "https://www.reuters.com/x" → "reuters.com".
func sourceOf(u string) string {
	p, err := url.Parse(u)
	if err != nil || p.Host == "" {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(p.Hostname()), "www.")
}

// sentenceOf returns the index of the sentence holding byte offset b.
func (d *doc) sentenceOf(b int) int {
	lo, hi := 0, len(d.sents)
	for lo < hi {
		m := (lo + hi) / 2
		if d.sents[m].end <= b {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// sentenceTokens returns the tokens of text[start:end] when that span is
// whole sentences apart by white space, as most lines are: white space
// ends every token, so tokenizing the span would cut the same tokens
// (only their offsets may differ: the sentences' are into the article).
// ok is false for any other span.
func (d *doc) sentenceTokens(start, end int) (toks []token, ok bool) {
	first := d.sentenceOf(start)
	if first == len(d.sents) || d.sents[first].start != start {
		return nil, false
	}
	for i := first; i < len(d.sents) && d.sents[i].end <= end; i++ {
		s := d.sents[i]
		if s.end == end {
			last := s.tok + len(s.tokens)
			return d.tokens[d.sents[first].tok:last:last], true
		}
		if i+1 == len(d.sents) {
			break
		}
		if gap := d.text[s.end:d.sents[i+1].start]; gap == "" || strings.TrimSpace(gap) != "" {
			break // glued or apart by more than white space
		}
	}
	return nil, false
}

func (d *doc) sentenceText(i int) string {
	if i < 0 || i >= len(d.sents) {
		return ""
	}
	return d.text[d.sents[i].start:d.sents[i].end]
}
