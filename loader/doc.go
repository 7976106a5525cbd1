package loader

import (
	"net/url"
	"regexp"
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

	sents []sentence
	ents  []*entity
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

	quotes []*quote
	stmts  []*stmt
	events []*event
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
	d.lowerWords = map[string]bool{}
	for i := range d.sents {
		s := &d.sents[i]
		s.tokens = tokenize(d.text, s.start, s.end)
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

// A dateline opens wire copy: "MOSCOW, September 11, 2023 –",
// "SEOUL, March 3 (Reuters) -", "KYIV, Ukraine (AP) —".
// "MOSCOW (UrduPoint News / Sputnik - 22nd December, 2022)" too: a city in
// capitals, perhaps a region or date after a comma, perhaps an agency and
// date in brackets, then a dash or the body.
var (
	datelineRE     = regexp.MustCompile(`^([A-Z][A-Z.'’ /]{1,40}[A-Z.])(?:,[^\n(–—-]{1,40}?)?\s*(?:(\([^)\n]{1,100}\))\s*(?:[-–—:]+\s*)?|[-–—:]+\s*)`)
	datelineDateRE = regexp.MustCompile(`(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?|\d{1,2}(?:st|nd|rd|th)?\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?,?\s+\d{4}`)
)

// readHeader finds the headline, the dateline and the published date.
func (d *doc) readHeader() {
	// The dateline opens the body, after a headline, a byline or a photo
	// caption or two.
	lines := strings.SplitAfterN(d.text, "\n", 9)
	pos := 0
	for i, line := range lines {
		trimmed := strings.TrimSpace(line)
		if m := datelineRE.FindStringSubmatchIndex(trimmed); m != nil {
			lead := strings.Index(line, trimmed)
			d.dateline = strings.TrimSpace(trimmed[m[2]:m[3]])
			d.bodyStart = pos + lead + m[1]
			if date := datelineDateRE.FindString(trimmed[:m[1]]); d.published.IsZero() && date != "" {
				if t, ok := parseMonthDay(date, time.Time{}); ok && t.Year() > 1 {
					d.published = t
				}
			}
			break
		}
		if i == 0 && d.meta.Title == "" && isHeadline(trimmed) && len(lines) > 1 {
			d.title = trimmed
		}
		if i == len(lines)-1 {
			break // the rest of the text, not a line
		}
		pos += len(line)
	}
	if d.meta.Title != "" {
		d.title = d.meta.Title
	}
	for i := 0; d.title == "" && i < len(d.sents); i++ {
		if d.sents[i].end > d.bodyStart {
			d.title = truncate(strings.TrimSpace(d.text[max(d.sents[i].start, d.bodyStart):d.sents[i].end]), 120)
		}
	}
}

// isHeadline: a short first line without final punctuation.
func isHeadline(line string) bool {
	if line == "" || utf8.RuneCountInString(line) > 160 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(line)
	return !strings.ContainsRune(".,;:", last) && !datelineRE.MatchString(line)
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

func (d *doc) sentenceText(i int) string {
	if i < 0 || i >= len(d.sents) {
		return ""
	}
	return d.text[d.sents[i].start:d.sents[i].end]
}
