package loader

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The structure of wire copy and news pages: a headline and perhaps deks,
// bylines and timestamps, photo captions, a dateline that opens the body,
// lists of links to other stories, agency credits and page boilerplate at
// the end. Only the body and the headline state what the story reports;
// the rest must not add actors, statements or events. The words these
// rules look for are data: lexicon/wire.txt.

// lineKind is what a line (a paragraph) of an article is.
type lineKind uint8

const (
	lineBody     lineKind = iota
	lineHeadline          // the headline, a dek or a repeated headline before the body
	lineByline            // a byline or a timestamp
	lineCaption           // a photo caption or photo credit
	lineLink              // "Related:", "Read more:" and the headlines listed after them
	lineCredit            // agency credits and page boilerplate
)

// Classes of lexicon/wire.txt.
const (
	wireAgency  = "agency"
	wireCaption = "caption"
	wireCredit  = "credit"
	wireRelated = "related"
	wireTime    = "time"
	wireZone    = "zone"
	wireByline  = "byline"
	wireCounter = "counter"
)

// wireLexicon holds the cues of lexicon/wire.txt and the patterns built
// from its agency names.
type wireLexicon struct {
	cues      map[string]string // normalized phrase → class
	cueMax    int               // most words in a cue
	agency    map[string]bool   // normalized agency names
	creditRE  *regexp.Regexp    // photo credits inside a caption line
	agencyMax int               // the longest agency name, in bytes
	photoRE   *regexp.Regexp    // other phrases only captions use
	bareRE    *regexp.Regexp    // an agency named without brackets after a city: "Beijing CNN —"
	slashRE   *regexp.Regexp    // an agency after a slash: "Nov. 25 / Trend:"
}

func loadWire() (*wireLexicon, error) {
	rows, err := readLexicon("wire.txt", 2)
	if err != nil {
		return nil, err
	}
	w := &wireLexicon{cues: map[string]string{}, agency: map[string]bool{}}
	var names []string
	for _, r := range rows {
		key := normPhrase(r[0])
		if r[1] == wireAgency {
			w.agency[key] = true
			names = append(names, regexp.QuoteMeta(r[0]))
			w.agencyMax = max(w.agencyMax, len(r[0]))
			continue
		}
		w.cues[key] = r[1]
		w.cueMax = max(w.cueMax, len(strings.Fields(key)))
	}
	// Longest names first, so "RIA Novosti" wins over "RIA".
	sort.Slice(names, func(i, j int) bool { return len(names[i]) > len(names[j]) })
	agencies := `(?:` + strings.Join(names, "|") + `)`
	// Photo credits: "REUTERS/Lena Holm", "(AP Photo/Luis Vega)",
	// "(Xinhua/Li Tao)", "(Photo by Luis Vega/AFP)", "[Photo/Xinhua]",
	// "Photo: Reuters", "Luis Vega/AFP", "— AFP" at the end.
	name := `[A-Z][\p{L}.'’-]*(?: [A-Z][\p{L}.'’-]*){0,3}`
	w.creditRE = regexp.MustCompile(`\b` + agencies + `\s*/\s*` + name + `|\(\s*` + agencies + `(?:\s+Photo)?\s*/[^)]*\)|` +
		`\((?:Photo|PHOTO|Picture|Image)\s*(?:by|:|/|via)[^)]*\)|\[(?:Photo|PHOTO)\s*/[^\]]*\]|` +
		`\b(?:PHOTO|Photo|Picture|Image)\s*(?:by|:)\s*` + agencies + `\b.*$|` + name + `\s*/\s*` + agencies + `\b|` +
		`[-–—]\s*` + agencies + `\s*$|\b` + agencies + `\s+(?:PHOTO|Photo)\b[^.]*$`)
	w.photoRE = regexp.MustCompile(`\bPicture taken\b|\bPhoto by [A-Z]|(?i:\bin this (?:undated |file |handout )?(?:photo|picture|image)\b)`)
	w.bareRE = regexp.MustCompile(`^\s*` + agencies + `\s*[-–—]`)
	w.slashRE = regexp.MustCompile(`^\s*/\s*` + agencies + `\b`)
	return w, nil
}

// cueAt returns the class and length in tokens of the longest cue starting
// at toks[i], or "" and 0.
func (w *wireLexicon) cueAt(toks []token, i int) (string, int) {
	class, n := "", 0
	key := ""
	for j := i; j < len(toks) && j-i < w.cueMax; j++ {
		if !toks[j].word {
			break
		}
		if j > i {
			key += " "
		}
		key += toks[j].norm
		if c, ok := w.cues[key]; ok {
			class, n = c, j-i+1
		}
	}
	return class, n
}

// cueEnding returns the class of a cue of three words or more that ends
// the line (before a final period): "… contributed to this report."
func (w *wireLexicon) cueEnding(toks []token) string {
	end := len(toks)
	if end > 0 && toks[end-1].norm == "." {
		end--
	}
	key := ""
	for j := end - 1; j >= 0 && end-j <= w.cueMax; j-- {
		if !toks[j].word {
			return ""
		}
		key = strings.TrimSpace(toks[j].norm + " " + key)
		if c := w.cues[key]; c != "" && end-j >= 3 {
			return c
		}
	}
	return ""
}

// lineKindOf classifies one line of an article by its own words; opens
// reports a cue that stands alone ("Read more:"), after which the lines
// that look like headlines are links too.
func (w *wireLexicon) lineKindOf(line string) (kind lineKind, opens bool) {
	line = strings.TrimSpace(line)
	return w.kindOf(line, tokenize(line, 0, len(line)))
}

// kindOf is lineKindOf of a trimmed line and its tokens. It reads the
// tokens' words and spacing, never their offsets, so the tokens may be
// the article's own (see sentenceTokens).
func (w *wireLexicon) kindOf(line string, toks []token) (kind lineKind, opens bool) {
	if line == "" {
		return lineBody, false
	}
	// Skip list bullets and brackets: "• Read more", "(Reporting by …)", "-- IANS".
	i := 0
	for i < len(toks) && !toks[i].word && !isNumberToken(toks[i]) && i < 3 {
		i++
	}
	words := 0
	for _, t := range toks {
		if t.word {
			words++
		}
	}
	if class, n := w.cueAt(toks, i); n > 0 {
		next := ""
		if i+n < len(toks) {
			next = toks[i+n].norm
		}
		after := i+n < len(toks) && toks[i+n].word && toks[i+n].cap
		colon := next == ":" || next == "|" || next == ""
		switch class {
		case wireRelated:
			if colon || words <= 4 && !endsSentence(line) {
				return lineLink, words <= n+1
			}
		case wireCredit:
			by := strings.HasSuffix(toks[i+n-1].norm, "by") && after
			if colon || by || words <= 6 && !endsSentence(line) || toks[i].norm == "copyright" {
				return lineCredit, false
			}
		case wireCaption:
			if colon || next == "/" || n > 1 && words <= 40 {
				return lineCaption, false
			}
		case wireTime:
			if colon || i+n < len(toks) && (isNumberToken(toks[i+n]) || monthOrDay(toks[i+n].norm)) {
				return lineByline, false
			}
		case wireCounter:
			if i+n < len(toks) && isNumberToken(toks[i+n]) && words <= 12 {
				return lineCredit, false // "(Visited 41 times, 1 visits today)"
			}
		case wireByline:
			if after && !monthOrDay(toks[i+n].norm) && len(line) <= 160 && !endsSentence(line) {
				return lineByline, false
			}
		}
	}
	if words <= 30 && w.cueEnding(toks) == wireCredit {
		return lineCredit, false // "Jane Doe in Cairo contributed to this report."
	}
	if slugOnly(toks) {
		return lineCredit, false
	}
	if words <= 8 && w.creditOnly(toks) {
		return lineCredit, false
	}
	if w.mayHoldCredit(line) && (w.creditRE.MatchString(line) || w.photoRE.MatchString(line)) {
		return lineCaption, false
	}
	if len(line) <= 100 && w.timestampOnly(toks) {
		return lineByline, false
	}
	return lineBody, false
}

// creditOnly: a line of agency names and desk codes only: "Xinhua",
// "--IANS", "(AFP)", "mz/mr (AFP, AP, Reuters)", "int/akl/svn".
func (w *wireLexicon) creditOnly(toks []token) bool {
	agencies := 0
	codes := 0
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		switch {
		case !t.word:
			continue
		case w.agency[t.norm]:
			agencies++
		case i+1 < len(toks) && w.agency[t.norm+" "+toks[i+1].norm]:
			agencies++
			i++
		case !t.cap && utf8.RuneCountInString(t.text) <= 4:
			codes++ // "mz/mr", "int/akl/svn", "tass.ru"
		default:
			return false
		}
	}
	return agencies > 0 || codes >= 2 && strings.Contains(tokensText(toks), "/")
}

// slugOnly: a wire slug, capitals joined by hyphens: "CHINA-BEIJING-
// GABON-PRESIDENT-TALKS (CN)".
func slugOnly(toks []token) bool {
	parts := 0
	for i, t := range toks {
		switch {
		case t.word && t.acronym && (i == 0 || !t.space):
			parts++
		case t.norm == "-" && !t.space && i > 0:
		case i > 0 && t.space:
			return parts >= 4 && len(toks)-i <= 3 // a bracketed desk code may follow
		default:
			return false
		}
	}
	return parts >= 4
}

func tokensText(toks []token) string {
	var b strings.Builder
	for _, t := range toks {
		b.WriteString(t.text)
	}
	return b.String()
}

// timestampOnly: a date, a time, a time zone and little else:
// "12/06/2024 10:25 AM", "August 6, 2022", "15 January 2025, 10:58 pm".
func (w *wireLexicon) timestampOnly(toks []token) bool {
	numbers, other := 0, 0
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.word && i+2 < len(toks) && toks[i+1].norm == "." && w.cues[t.norm+toks[i+2].norm] == wireZone {
			i += 2 // "p.m."
			continue
		}
		switch {
		case isNumberToken(t):
			numbers++
		case !t.word:
		case monthOrDay(t.norm) || w.cues[t.norm] == wireZone || w.cues[t.norm] == wireTime || w.agency[t.norm]:
		default:
			other++
		}
	}
	return numbers > 0 && other <= 1
}

// monthOrDay reports a month or weekday name or its abbreviation.
func monthOrDay(w string) bool {
	if _, ok := dateWords.Months[w]; ok {
		return true
	}
	if _, ok := dateWords.Weekdays[w]; ok {
		return true
	}
	if len(w) == 3 {
		for d := range dateWords.Weekdays {
			if strings.HasPrefix(d, w) {
				return true
			}
		}
	}
	return false
}

// endsSentence: the line ends as a sentence of prose does.
func endsSentence(line string) bool {
	last, _ := utf8.DecodeLastRuneInString(strings.TrimSpace(line))
	return last == '.' || last == '?' || last == '!' || last == '"' || last == '”'
}

// linkLike: a line that may be one of the headlines a "Read more" list gives.
func linkLike(line string) bool {
	line = strings.TrimSpace(line)
	return line != "" && len(strings.Fields(line)) <= 25 && !endsSentence(line)
}

// classifyLines decides what each line of the article is.
func (d *doc) classifyLines() {
	w := d.x.wire
	d.lineKinds = make([]lineKind, len(d.paraStarts))
	list := 0       // links still expected after a cue that stood alone
	var buf []token // the tokens of a line that is not whole sentences
	for p := range d.paraStarts {
		line := d.paraText(p)
		start, end := trimSpan(d.text, d.paraStarts[p], d.paraStarts[p]+len(line))
		toks, ok := d.sentenceTokens(start, end)
		if !ok {
			if buf == nil { // few lines need it: sized for the first, with room
				buf = make([]token, 0, (end-start)/4+4)
			}
			buf = appendTokens(buf[:0], d.text, start, end)
			toks = buf
		}
		kind, opens := w.kindOf(d.text[start:end], toks)
		if kind == lineBody && list > 0 && linkLike(line) {
			kind = lineLink
			list--
		} else if kind != lineLink {
			list = 0
		}
		if opens {
			list = 8
		}
		d.lineKinds[p] = kind
	}
}

// paraText is the text of paragraph p.
func (d *doc) paraText(p int) string {
	end := len(d.text)
	if p+1 < len(d.paraStarts) {
		end = d.paraStarts[p+1]
	}
	return d.text[d.paraStarts[p]:end]
}

// lineKindAt returns the kind of the line holding byte offset b.
func (d *doc) lineKindAt(b int) lineKind {
	if d.lineKinds == nil {
		return lineBody
	}
	return d.lineKinds[d.paraOf(b)]
}

// reports tells whether the line holding byte b can state what the story
// reports: the body and the headline, not bylines, captions, links or credits.
func (d *doc) reports(b int) bool {
	k := d.lineKindAt(b)
	return k == lineBody || k == lineHeadline
}

// datelineMatch is a dateline: the city it names (empty in "Sept 10
// (Reuters) -"), its date if it gives one, and where the body starts.
type datelineMatch struct {
	city, date string
	end        int
}

var (
	dlUpperRE  = regexp.MustCompile(`^[A-Z][A-Z.'’]*(?:[ /-][A-Z][A-Z.'’]*){0,4}`)
	dlMixedRE  = regexp.MustCompile(`^[A-Z][a-z][A-Za-z.'’-]*(?: [A-Z][A-Za-z.'’-]+){0,3}`)
	dlRegionRE = regexp.MustCompile(`^,\s*([A-Z][A-Za-z.'’-]*(?: [A-Z][A-Za-z.'’-]*){0,3})`)
	dlDateRE   = regexp.MustCompile(`^,?\s*((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?|\d{1,2}(?:st|nd|rd|th)?\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?(?:,?\s+\d{4})?)\.?`)
	dlParenRE  = regexp.MustCompile(`^\s*\(([^()\n]{1,100})\)`)
	dlSlashRE  = regexp.MustCompile(`^\s*/\s*[A-Za-z][A-Za-z .-]{0,20}?\s*/\.?`)
	dlTermRE   = regexp.MustCompile(`^\s*(?:[-–—―]+|:|\||•)\s*`)
	dlSpaceRE  = regexp.MustCompile(`^\s*`)
	dlAnyDate  = regexp.MustCompile(`(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?|\d{1,2}(?:st|nd|rd|th)?\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?,?\s+\d{4}`)
)

// upperWords cuts m, a run of capitals at the start of line, back to whole
// words: "U.S. P" of "U.S. President" is "U.S.".
func upperWords(line, m string) string {
	for m != "" && len(m) < len(line) {
		r, _ := utf8.DecodeRuneInString(line[len(m):])
		if !unicode.IsLetter(r) {
			break
		}
		k := strings.LastIndexAny(m, " /-")
		if k < 0 {
			return ""
		}
		m = m[:k]
	}
	return m
}

// parseDateline reads the dateline that may open line, in the styles of
// the wire services: "MOSCOW, July 25. /TASS/.", "SEOUL, March 3 (Reuters)
// -", "KYIV, Ukraine (AP) —", "Sept 10 (Reuters) -", "BEIJING, Sept. 10
// (Xinhua) --", "NEW DELHI:", "Seoul, Oct 26 (IANS)", "Beijing CNN —",
// "Beijing, China |". A city in mixed case needs an agency or a date with
// it, or must be a place known (known reports that).
func (w *wireLexicon) parseDateline(line string, known func(string) bool) (datelineMatch, bool) {
	var dl datelineMatch
	pos := 0
	upper := false
	if m := upperWords(line, dlUpperRE.FindString(line)); utf8.RuneCountInString(strings.Trim(m, " ./-")) >= 2 && !w.agency[normPhrase(m)] {
		dl.city, upper = strings.TrimRight(m, " /-"), true
	} else if m := dlMixedRE.FindString(line); m != "" && !dlDateRE.MatchString(line) {
		// "Beijing CNN —": the agency is no part of the city.
		for k := strings.LastIndexByte(m, ' '); k > 0 && w.agency[normPhrase(m[k+1:])]; k = strings.LastIndexByte(m, ' ') {
			m = m[:k]
		}
		dl.city = m
	}
	pos += len(dl.city)
	region := ""
	agency := false
	if m := dlRegionRE.FindStringSubmatch(line[pos:]); m != nil && dl.city != "" && !dlDateRE.MatchString(line[pos:]) {
		region = m[1]
		pos += len(m[0])
		agency = w.agency[normPhrase(region)] // "Tehran, IRNA –"
	}
	if m := dlDateRE.FindStringSubmatch(line[pos:]); m != nil {
		dl.date = m[1]
		pos += len(m[0])
	}
	if m := dlParenRE.FindStringSubmatch(line[pos:]); m != nil {
		agency = true
		pos += len(m[0])
		if dl.date == "" {
			dl.date = dlAnyDate.FindString(m[1]) // "(UrduPoint News / Sputnik - 22nd December, 2022)"
		}
	} else if m := dlSlashRE.FindString(line[pos:]); m != "" {
		agency = true // "MOSCOW, July 25. /TASS/."
		pos += len(m)
	} else if m := w.slashRE.FindString(line[pos:]); m != "" {
		agency = true // "BAKU, Azerbaijan, Nov. 25 / Trend:"
		pos += len(m)
	} else if m := w.bareRE.FindString(line[pos:]); m != "" && dl.city != "" {
		agency = true // "Beijing CNN —"
		pos += len(m)
	}
	term := false
	if m := dlTermRE.FindString(line[pos:]); m != "" {
		term = true
		pos += len(m)
	} else {
		pos += len(dlSpaceRE.FindString(line[pos:]))
	}
	alone := pos >= len(line)
	switch {
	case dl.city == "" && (!agency || !term || dl.date == "" && !strings.HasPrefix(line, "(")):
		return dl, false // "Sept 10 (Reuters) -", "(Reuters) -"
	case alone && (region != "" || dl.date != "" || !known(dl.city)):
		return dl, false // a city alone on its line is a dateline only when it is a place
	case upper && !agency && !term && !alone && dl.date == "":
		return dl, false // "NATO allies agreed"
	case !upper && dl.city != "" && !agency && !alone && !(term || dl.date != "") || !upper && !agency && !known(dl.city) && dl.date == "":
		return dl, false // "North Korea fired", "Springfield: a town"
	case !upper && !agency && !term && !alone && !known(dl.city):
		return dl, false
	}
	dl.end = pos
	return dl, true
}

// mayHoldCredit tells, cheaply, whether creditRE or photoRE could match
// text: every credit or caption phrase they know holds a slash, a word of
// "photo", "picture" or "image", or ends the text with a dash and an
// agency. The regular expressions are large alternations over every
// agency's name, so most lines, which hold none of these, skip them.
func (w *wireLexicon) mayHoldCredit(text string) bool {
	if strings.IndexByte(text, '/') >= 0 {
		return true
	}
	if containsLower(text, "photo") || containsLower(text, "picture") || containsLower(text, "image") {
		return true
	}
	for i, r := range text { // "— AFP" at the end
		if r != '-' && r != '–' && r != '—' {
			continue
		}
		if rest := strings.TrimSpace(text[i+utf8.RuneLen(r):]); len(rest) <= w.agencyMax && w.agency[normPhrase(rest)] {
			return true
		}
	}
	return false
}

// headlineCredit returns where the agency credit that ends a headline
// starts ("… sign howitzer deal - Yonhap", "…: RIA", "… | Reuters"), or -1:
// the suffix names the source, not an actor of the story.
func (w *wireLexicon) headlineCredit(text string) int {
	text = strings.TrimRight(text, " .")
	for i := len(text) - 1; i > 0 && len(text)-i <= w.agencyMax+3; i-- {
		r, n := utf8.DecodeRuneInString(text[i:])
		if r == utf8.RuneError && n == 1 || !strings.ContainsRune("-–—:|", r) {
			continue
		}
		rest := strings.TrimSpace(text[i+n:])
		if rest != "" && w.agency[normPhrase(rest)] && (r == ':' || text[i-1] == ' ') {
			return i
		}
	}
	return -1
}

// maskHeadlineCredit marks the tokens of headline sentence si that lie in
// an agency credit at its end.
func (d *doc) maskHeadlineCredit(si int, covered []bool) {
	s := d.sents[si]
	at := d.x.wire.headlineCredit(d.text[s.start:s.end])
	if at < 0 {
		return
	}
	for k := range s.tokens {
		if s.tokens[k].start >= s.start+at {
			covered[k] = true
		}
	}
}

// maskCredits marks the tokens of sentence si that lie in a photo credit.
func (d *doc) maskCredits(si int, covered []bool) {
	s := d.sents[si]
	toks := s.tokens
	text := d.text[s.start:s.end]
	if !d.x.wire.mayHoldCredit(text) {
		return
	}
	for _, m := range d.x.wire.creditRE.FindAllStringIndex(text, -1) {
		for k := range toks {
			if toks[k].start >= s.start+m[0] && toks[k].end <= s.start+m[1] {
				covered[k] = true
			}
		}
	}
}
