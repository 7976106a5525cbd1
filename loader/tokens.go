package loader

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is a word, number or punctuation mark of a sentence; start and end
// are byte offsets into the article text.
type token struct {
	start, end int
	text       string
	norm       string // lower case, periods and diacritics removed, ’ → '
	word       bool   // letters (possibly with digits, internal ' or .)
	cap        bool   // starts with an upper-case letter
	acronym    bool   // all upper case, two letters or more ("DPRK", "U.S.")
	space      bool   // white space precedes it
}

// tokenize splits text[start:end] into tokens. Hyphens and possessive 's
// are tokens of their own, so "Kim Jong-Un" and "Putin-Kim" show their
// names; "U.S." and "D.C." stay whole.
func tokenize(text string, start, end int) []token {
	// English news averages about six bytes a token: one allocation
	// mostly suffices.
	return appendTokens(make([]token, 0, (end-start)/5+4), text, start, end)
}

// appendTokens appends the tokens of text[start:end] to toks, so that a
// caller that reads them only briefly can reuse one buffer.
func appendTokens(toks []token, text string, start, end int) []token {
	first := len(toks)
	i := start
	space := true
	for i < end {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsSpace(r):
			space = true
			i += n
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			j := wordEnd(text, i, end)
			toks = append(toks, newToken(text, i, j, space))
			i = j
		case (r == '\'' || r == '’') && len(toks) > first && !space && isPossessive(text[i+n:end]):
			toks = append(toks, token{start: i, end: i + n + 1, text: text[i : i+n+1], norm: "'s"})
			i += n + 1
		default:
			toks = append(toks, token{start: i, end: i + n, text: text[i : i+n], norm: punctNorm(r, text[i:i+n]), space: space})
			i += n
		}
		space = false
	}
	return toks
}

// wordEnd finds the end of the word starting at i: letters and digits,
// with an apostrophe inside a name (O'Brien, d'Ivoire), a period inside
// initials (U.S.) or a comma or period inside a number (1,000.5).
func wordEnd(text string, i, end int) int {
	j := i
	for j < end {
		if c := text[j]; 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
			j++ // most of a word: no decoding
			continue
		}
		r, n := utf8.DecodeRuneInString(text[j:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
			j += n
			continue
		}
		if j+n < end {
			next, _ := utf8.DecodeRuneInString(text[j+n:])
			prev, _ := utf8.DecodeLastRuneInString(text[i:j])
			switch {
			case (r == '\'' || r == '’') && unicode.IsLetter(next) && !isPossessive(text[j+n:end]):
				j += n
				continue
			case (r == ',' || r == '.') && unicode.IsDigit(prev) && unicode.IsDigit(next):
				j += n
				continue
			case r == '.' && unicode.IsUpper(prev) && unicode.IsUpper(next) && j+n+1 <= end && isSingle(text[i:j]):
				j += n
				continue
			}
		}
		// The final period of initials: "U.S." but not "Putin."
		if r == '.' && strings.Contains(text[i:j], ".") && isInitials(text[i:j]) {
			j += n
		}
		break
	}
	return j
}

// isPossessive reports whether s (what follows an apostrophe) is the "s" of
// a possessive: "s" and then no letter.
func isPossessive(s string) bool {
	if s == "" || s[0] != 's' && s[0] != 'S' {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[1:])
	return len(s) == 1 || !unicode.IsLetter(r)
}

// isSingle reports whether the last dot-separated part of w is one letter.
func isSingle(w string) bool {
	k := strings.LastIndexByte(w, '.')
	return utf8.RuneCountInString(w[k+1:]) == 1
}

func newToken(text string, i, j int, space bool) token {
	s := text[i:j]
	first, _ := utf8.DecodeRuneInString(s)
	t := token{start: i, end: j, text: s, word: unicode.IsLetter(first), space: space}
	t.norm = normWord(s)
	t.cap = unicode.IsUpper(first)
	letters, upper := 0, 0
	for k := 0; k < len(s); {
		c := s[k]
		if c < utf8.RuneSelf { // ASCII: no decoding
			if 'a' <= c && c <= 'z' {
				letters++
			} else if 'A' <= c && c <= 'Z' {
				letters, upper = letters+1, upper+1
			}
			k++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[k:])
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
		k += n
	}
	t.acronym = letters >= 2 && upper == letters
	return t
}

// punctNorm normalizes the punctuation mark r, written s in the text.
func punctNorm(r rune, s string) string {
	switch r {
	case '“', '”', '„', '«', '»':
		return `"`
	case '‘', '’':
		return "'"
	case '–', '—', '‒', '―':
		return "--"
	case utf8.RuneError:
		return string(r)
	}
	return s // the text itself: no allocation
}

// normWord lower-cases a word, drops periods and diacritics, and writes
// apostrophes one way, so that "U.S." = "US", "Türkiye" = "turkiye".
func normWord(s string) string {
	if plainLower(s) {
		return s // most words: nothing to change, nothing to allocate
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '.':
			continue
		case r == '’' || r == '‘':
			b.WriteByte('\'')
		default:
			b.WriteRune(unicode.ToLower(fold(r)))
		}
	}
	return b.String()
}

// plainLower reports whether s is ASCII without upper case or periods,
// the words normWord leaves as they are.
func plainLower(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || c == '.' || 'A' <= c && c <= 'Z' {
			return false
		}
	}
	return true
}

// fold maps common Latin letters with diacritics to their base letter.
func fold(r rune) rune {
	if r < 0xC0 {
		return r
	}
	if f, ok := diacritics[r]; ok {
		return f
	}
	return r
}

var diacritics = func() map[rune]rune {
	m := map[rune]rune{}
	for base, variants := range map[rune]string{
		'a': "àáâãäåāăąÀÁÂÃÄÅĀĂĄ", 'c': "çćčÇĆČ", 'e': "èéêëēėęěÈÉÊËĒĖĘĚ", 'i': "ìíîïīįıÌÍÎÏĪĮİ",
		'n': "ñńňÑŃŇ", 'o': "òóôõöøōőÒÓÔÕÖØŌŐ", 'u': "ùúûüūůűųÙÚÛÜŪŮŰŲ", 'y': "ýÿÝŸ",
		's': "śšşșŚŠŞȘ", 'z': "źżžŹŻŽ", 'g': "ğĞ", 'l': "łŁ", 'r': "řŘ", 't': "ťţțŤŢȚ", 'd': "ďđĎĐ",
	} {
		for _, v := range variants {
			if unicode.IsUpper(v) {
				m[v] = unicode.ToUpper(base)
			} else {
				m[v] = base
			}
		}
	}
	return m
}()
