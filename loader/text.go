package loader

import (
	"bytes"
	"html"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/geokg/geokg/model"
)

// MaxArticleBytes bounds one article. The longest wire stories are well
// under 100 KB; a larger input is almost surely not one article.
const MaxArticleBytes = 4 << 20

// prepare checks raw input and returns the text to extract from. Bad input
// gets an error that says what is wrong; HTML is reduced to its text, which
// then is the article text that spans point into.
func prepare(raw []byte) (string, error) {
	switch {
	case len(raw) > MaxArticleBytes:
		return "", model.Errorf(model.EINVALID, "article is %.1f MB; the limit is %d MB", float64(len(raw))/(1<<20), MaxArticleBytes>>20)
	case !utf8.Valid(raw):
		return "", model.Errorf(model.EINVALID, "article is not UTF-8 text (binary data, or another encoding such as Latin-1)")
	case isBinary(raw):
		return "", model.Errorf(model.EINVALID, "article looks like binary data, not text")
	}
	text := string(raw)
	if looksLikeHTML(text) {
		text = htmlToText(text)
	}
	if strings.TrimSpace(text) == "" {
		return "", model.Errorf(model.EINVALID, "article is empty")
	}
	return text, nil
}

// isBinary reports NUL bytes or many control characters.
func isBinary(b []byte) bool {
	if bytes.IndexByte(b, 0) >= 0 {
		return true
	}
	ctl := 0
	for _, c := range b {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' {
			ctl++
		}
	}
	return ctl > len(b)/100+2
}

var (
	htmlStart = regexp.MustCompile(`(?i)^\s*(<!doctype html|<html|<head|<body|<article|<div|<p[ >])`)
	htmlDrop  = regexp.MustCompile(`(?is)<(script|style|noscript|template)\b.*?</(script|style|noscript|template)\s*>|<!--.*?-->`)
	htmlBreak = regexp.MustCompile(`(?i)</?(p|div|br|h[1-6]|li|tr|article|section|header|footer|blockquote)\b[^>]*>`)
	htmlTag   = regexp.MustCompile(`(?s)<[^>]*>`)
	blankRuns = regexp.MustCompile(`[ \t]*\n[\s]*`)
	spaceRuns = regexp.MustCompile(`[ \t\x{00a0}]+`)
)

func looksLikeHTML(s string) bool {
	return htmlStart.MatchString(s) || strings.Count(s, "</p>") >= 2
}

// htmlToText keeps the text of an HTML page, a paragraph a line.
func htmlToText(s string) string {
	s = htmlDrop.ReplaceAllString(s, "")
	s = htmlBreak.ReplaceAllString(s, "\n")
	s = htmlTag.ReplaceAllString(s, "")
	s = html.UnescapeString(s)
	s = spaceRuns.ReplaceAllString(s, " ")
	s = blankRuns.ReplaceAllString(s, "\n")
	return strings.TrimSpace(s)
}

// offsets converts byte offsets of a text to code point offsets, which is
// what spans carry (Python's str indexing, used by clients and the scorer).
type offsets []int32

func newOffsets(text string) offsets {
	o := make(offsets, len(text)+1)
	n := int32(0)
	for i := range text {
		o[i] = n
		n++
	}
	// Continuation bytes map to the code point they belong to.
	for i := 1; i < len(text); i++ {
		if !utf8.RuneStart(text[i]) {
			o[i] = o[i-1]
		}
	}
	o[len(text)] = n
	return o
}

func (o offsets) rune(b int) int { return int(o[b]) }

// sentence is a span of the text, in bytes.
type sentence struct {
	start, end int
	tokens     []token
	tok        int // the index of its first token in doc.tokens
}

// containsLower reports whether strings.ToLower(s) contains word, a
// lower-case ASCII word, without building the lower-case copy. Only ASCII
// letters, 'İ' and the Kelvin sign lower to ASCII letters; a text with
// either of the two takes the long way.
func containsLower(s, word string) bool {
	if strings.ContainsAny(s, "\u0130\u212a") { // 'İ', the Kelvin sign
		return strings.Contains(strings.ToLower(s), word)
	}
	for i := 0; i+len(word) <= len(s); i++ {
		j := 0
		for j < len(word) && asciiLower(s[i+j]) == word[j] {
			j++
		}
		if j == len(word) {
			return true
		}
	}
	return false
}

func asciiLower(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b >= 0x80
}

func isClosing(r rune) bool {
	return r == '"' || r == '”' || r == '’' || r == '\'' || r == ')' || r == ']' || r == '»'
}

func isOpening(r rune) bool {
	return r == '"' || r == '“' || r == '‘' || r == '\'' || r == '(' || r == '«'
}

// splitSentences splits text into sentences: at line breaks always, and at
// sentence-final punctuation followed by a capital, a quote or a digit. It
// also splits where scraping lost the space ("in the country.Koffler").
func splitSentences(text string) []sentence {
	var out []sentence
	emit := func(s, e int) {
		// A "sentence" longer than any real one (a text without
		// punctuation) is cut at spaces, which keeps every rule's work per
		// sentence bounded and extraction linear in the text.
		for e-s > maxSentenceBytes {
			cut := strings.LastIndexByte(text[s:s+maxSentenceBytes], ' ')
			if cut <= 0 {
				cut = maxSentenceBytes
				for !utf8.RuneStart(text[s+cut]) {
					cut--
				}
			}
			out = appendTrimmed(out, text, s, s+cut)
			s += cut
		}
		out = appendTrimmed(out, text, s, e)
	}
	start := 0
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if r == '\n' && hardWrap(text, i) {
			i += n // a line wrapped mid-sentence goes on: "signed a contract\nto buy 14 jets"
			continue
		}
		if r == '\n' {
			emit(start, i)
			start = i + n
			i += n
			continue
		}
		if r != '.' && r != '!' && r != '?' {
			i += n
			continue
		}
		// Take the punctuation run and any closing quotes after it.
		j := i + n
		for j < len(text) {
			r2, n2 := utf8.DecodeRuneInString(text[j:])
			if r2 == '"' && j+1 < len(text) && isWordByte(text[j+1]) {
				break // a straight quote that opens the next sentence: approval."Taiwan
			}
			if r2 == '.' || r2 == '!' || r2 == '?' || isClosing(r2) {
				j += n2
				continue
			}
			break
		}
		if boundary(text, i, j) {
			emit(start, j)
			start = j
		}
		i = j
	}
	emit(start, len(text))
	return out
}

// hardWrap: the newline at i wraps a sentence (WIRE-TEXT-2): the line
// before ends in a word or a comma, and the next line goes on in lower
// case ("Israel has signed a contract\nto buy 14 additional F-35s").
func hardWrap(text string, i int) bool {
	if i == 0 || i+1 >= len(text) {
		return false
	}
	prev, _ := utf8.DecodeLastRuneInString(text[:i])
	next, _ := utf8.DecodeRuneInString(text[i+1:])
	return (unicode.IsLetter(prev) || unicode.IsDigit(prev) || prev == ',') && unicode.IsLower(next)
}

// maxSentenceBytes bounds a sentence; real ones are far shorter.
const maxSentenceBytes = 3000

// appendTrimmed appends text[s:e] without surrounding white space, if any is left.
func appendTrimmed(out []sentence, text string, s, e int) []sentence {
	if s, e = trimSpan(text, s, e); e > s {
		out = append(out, sentence{start: s, end: e})
	}
	return out
}

// boundary decides whether the punctuation at text[p] (run ending at j) ends a sentence.
func boundary(text string, p, j int) bool {
	if j >= len(text) {
		return true
	}
	next, _ := utf8.DecodeRuneInString(text[j:])
	word := lastWord(text[:p])
	if text[p] == '.' {
		lw := strings.ToLower(strings.ReplaceAll(word, ".", ""))
		if recog.Abbreviations[lw] || isInitials(word) {
			return false
		}
		if dateWords.TimeAbbreviations[lw] && nextIsDay(text[j:]) {
			return false // "at 10 a.m. Tuesday"
		}
	}
	if unicode.IsSpace(next) {
		// Look at what starts the next sentence.
		k := j
		for k < len(text) {
			r, n := utf8.DecodeRuneInString(text[k:])
			if !unicode.IsSpace(r) || r == '\n' {
				break
			}
			k += n
		}
		if k >= len(text) {
			return true
		}
		r, _ := utf8.DecodeRuneInString(text[k:])
		return r == '\n' || unicode.IsUpper(r) || unicode.IsDigit(r) || isOpening(r) || r == '“'
	}
	// No space: a lost space after a word of two or more letters and before
	// a capitalized word ("country.Koffler", "Ukraine.”However").
	if !unicode.IsUpper(next) {
		return false
	}
	after, _ := utf8.DecodeRuneInString(text[j+utf8.RuneLen(next):])
	return len([]rune(word)) >= 2 && unicode.IsLower(after) && isLowerWord(word) ||
		j > p+1 && unicode.IsLower(after) // punctuation run with a closing quote
}

// nextIsDay: the next word of s is a weekday or month name.
func nextIsDay(s string) bool {
	s = strings.TrimLeft(s, " \t")
	end := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	if end < 0 {
		end = len(s)
	}
	return monthOrDay(strings.ToLower(s[:end]))
}

// lastWord returns the word just before position p.
func lastWord(s string) string {
	i := len(s)
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:i])
		if !(unicode.IsLetter(r) || r == '.') {
			break
		}
		i -= n
	}
	return s[i:]
}

// isInitials matches "U.S", "D.C", "J" (a middle initial): the period after
// it belongs to the abbreviation.
func isInitials(w string) bool {
	if w == "" {
		return false
	}
	for part := range strings.SplitSeq(w, ".") {
		if utf8.RuneCountInString(part) != 1 || !unicode.IsUpper([]rune(part)[0]) {
			return false
		}
	}
	return true
}

func isLowerWord(w string) bool {
	for _, r := range w {
		if !unicode.IsLower(r) {
			return false
		}
	}
	return w != ""
}
