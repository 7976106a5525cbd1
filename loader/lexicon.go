package loader

import (
	"bufio"
	"embed"
	"fmt"
	"io/fs"
	"maps"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
)

// The rule vocabularies are data, kept in lexicon/: tables (titles,
// organization head nouns, speech verbs, transferred items, event
// triggers) with one entry a line and tab-separated columns, read by
// readLexicon; and word classes (the cues of the event rules) in sections,
// read by readWords. # starts a comment in both.
//
//go:embed lexicon
var lexiconFS embed.FS

// readLexicon returns the rows of a lexicon file, each with at least cols columns.
func readLexicon(name string, cols int) ([][]string, error) {
	f, err := lexiconFS.Open("lexicon/" + name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var rows [][]string
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		row := strings.Split(line, "\t")
		if len(row) < cols {
			return nil, fmt.Errorf("lexicon/%s:%d: want %d tab-separated columns, got %d", name, n, cols, len(row))
		}
		rows = append(rows, row)
	}
	return rows, sc.Err()
}

// titleInfo describes a title word sequence.
type titleInfo struct {
	class string // leader, official, military, expert, media, honorific, royal
	words []string
}

// itemInfo describes something transferred.
type itemInfo struct {
	class  string // arms or aid
	name   string
	family string // drones, missiles, …; "general" joins any
	maker  string // ISO3 of the country that makes a named system, or ""
}

// speechVerb describes an attribution verb.
type speechVerb struct {
	lemma, kind string // kind: say, claim, deny, hedge
}

// speechDeny is the kind of the verbs that deny ("denied", "rejected");
// speechClaim of those that assert a fact ("announced", "confirmed").
const (
	speechDeny  = "deny"
	speechClaim = "claim"
)

// lexicon holds the parsed vocabularies, keyed by normalized word sequences
// (words joined by spaces, as tokens normalize them).
type lexicon struct {
	titles   map[string]titleInfo
	titleMax int // longest title in words
	// titlePrefixes holds the leading words of the longer titles;
	// titlesBack the titles with their words in reverse order ("minister
	// foreign"), for the scans that read a title backwards from its last
	// word, and titleBackPrefixes their leading words. A scan stops when
	// its words begin no title.
	titlePrefixes, titleBackPrefixes map[string]bool
	titlesBack                       map[string]titleInfo

	orgWords map[string]string
	speech   map[string]speechVerb
	items    map[string]itemInfo
	itemMax  int
	// itemPrefixes holds the leading words of the longer items ("air
	// defence" of "air defence systems"): a scan for an item stops when
	// its words begin none.
	itemPrefixes map[string]bool
	// notPersonWords are capitalized words never part of a person's name.
	notPersonWords map[string]bool
	// givenNames maps given names to their usual gender ('m', 'f', 'u').
	givenNames map[string]byte
	// speakerHeads are the words that may head a speaker's description
	// (see headOf); most words are none, and one look-up tells.
	speakerHeads map[string]bool
}

// findSpeakerHeads collects the words headOf classifies: the words of the
// statement, government and unnamed-speaker classes, organization nouns,
// and titles other than honorifics. It needs the word classes read
// (loadRuleWords).
func (lx *lexicon) findSpeakerHeads() {
	lx.speakerHeads = map[string]bool{}
	for _, set := range []wordSet{attrib.Statement, attrib.Government, attrib.Unnamed} {
		for w := range set {
			lx.speakerHeads[w] = true
		}
	}
	for w := range lx.orgWords {
		lx.speakerHeads[w] = true
	}
	for w, t := range lx.titles {
		if t.class != "" && t.class != "honorific" {
			// the last word of a title of several words ("head of
			// state") heads a description too
			lx.speakerHeads[w[strings.LastIndexByte(w, ' ')+1:]] = true
		}
	}
}

func loadLexicon() (*lexicon, error) {
	if err := loadEventLexicon(); err != nil {
		return nil, err
	}
	lx := &lexicon{titles: map[string]titleInfo{}, orgWords: map[string]string{}, speech: map[string]speechVerb{}, items: map[string]itemInfo{}, itemPrefixes: map[string]bool{}}
	rows, err := readLexicon("titles.txt", 2)
	if err != nil {
		return nil, err
	}
	for _, r := range rows {
		key := normPhrase(r[0])
		lx.titles[key] = titleInfo{class: r[1], words: strings.Fields(key)}
		lx.titleMax = max(lx.titleMax, len(strings.Fields(key)))
	}
	lx.titlePrefixes, lx.titleBackPrefixes, lx.titlesBack = map[string]bool{}, map[string]bool{}, map[string]titleInfo{}
	for key, t := range lx.titles {
		back := slices.Clone(t.words)
		slices.Reverse(back)
		lx.titlesBack[strings.Join(back, " ")] = t
		addPrefixes(lx.titlePrefixes, key)
		addPrefixes(lx.titleBackPrefixes, strings.Join(back, " "))
	}
	if rows, err = readLexicon("orgwords.txt", 2); err != nil {
		return nil, err
	}
	for _, r := range rows {
		lx.orgWords[r[0]] = r[1]
	}
	if rows, err = readLexicon("speech.txt", 3); err != nil {
		return nil, err
	}
	for _, r := range rows {
		lx.speech[r[0]] = speechVerb{lemma: r[1], kind: r[2]}
	}
	if rows, err = readLexicon("items.txt", 5); err != nil {
		return nil, err
	}
	for _, r := range rows {
		key := normPhrase(r[0])
		lx.items[key] = itemInfo{class: r[1], name: r[2], family: r[3], maker: strings.Trim(r[4], "-")}
		lx.itemMax = max(lx.itemMax, len(strings.Fields(key)))
		addPrefixes(lx.itemPrefixes, key)
	}
	if rows, err = readLexicon("notnames.txt", 1); err != nil {
		return nil, err
	}
	lx.notPersonWords = map[string]bool{}
	for _, r := range rows {
		lx.notPersonWords[r[0]] = true
	}
	if rows, err = readLexicon("givennames.txt", 2); err != nil {
		return nil, err
	}
	lx.givenNames = make(map[string]byte, len(rows))
	for _, r := range rows {
		lx.givenNames[r[0]] = r[1][0]
	}
	return lx, nil
}

// normPhrase normalizes a phrase the way tokens are: "Lt. Gen." → "lt gen",
// "anti-tank missiles" → "anti tank missiles".
func normPhrase(s string) string {
	return strings.Join(phraseWords(s), " ")
}

// phraseWords returns the words of normPhrase(s).
func phraseWords(s string) []string {
	var buf [16]token // a name's or an entry's tokens: on the stack, mostly
	toks := appendTokens(buf[:0], s, 0, len(s))
	words := make([]string, 0, len(toks))
	for _, t := range toks {
		if t.norm == "." || t.norm == "-" || t.norm == "," {
			continue
		}
		words = append(words, t.norm)
	}
	return words
}

// wordSet is a class of words or short phrases, normalized as tokens are
// (lower case, no periods or diacritics; a phrase's words joined by one
// space). parseWords fills them, and records where phrases begin (see
// phraseStarts).
type wordSet map[string]bool

// at returns how many tokens from toks[j] make one of the set's entries
// (the longest), or 0.
func (s wordSet) at(toks []token, j int) int {
	var buf [64]byte
	key := buf[:0]
	best := 0
	starts := *phraseStarts.Load()
	for e := j; e < len(toks) && e < j+maxPhrase; e++ {
		if e > j {
			key = append(key, ' ')
		}
		key = append(key, toks[e].norm...)
		if s[string(key)] { // no allocation: the compiler looks up the bytes
			best = e - j + 1
		}
		if !starts[string(key)] {
			break // no longer entry begins with these words
		}
	}
	return best
}

// phraseStarts holds the leading words of every entry of several words
// that parseWords has read into a word class ("according" of "according
// to"), so that wordSet.at stops reading as soon as its words begin none:
// most words begin no phrase. It only grows; parseWords stores a larger
// copy, so that extraction reads it without a lock.
var (
	phraseStarts   atomic.Pointer[map[string]bool]
	phraseStartsMu sync.Mutex
)

func init() { phraseStarts.Store(&map[string]bool{}) }

// addPhraseStarts records the leading words of the entries keys.
func addPhraseStarts(keys []string) {
	phraseStartsMu.Lock()
	defer phraseStartsMu.Unlock()
	starts := maps.Clone(*phraseStarts.Load())
	for _, key := range keys {
		addPrefixes(starts, key)
	}
	phraseStarts.Store(&starts)
}

// before reports whether one of the set's entries ends right before token j.
func (s wordSet) before(toks []token, j int) bool {
	for b := j - 1; b >= 0 && b >= j-maxPhrase; b-- {
		if n := s.at(toks[:j], b); n == j-b {
			return true
		}
	}
	return false
}

// addPrefixes adds the leading words of the phrase key to set: "air
// defence" and "air" for "air defence systems".
func addPrefixes(set map[string]bool, key string) {
	for i := range len(key) {
		if key[i] == ' ' {
			set[key[:i]] = true
		}
	}
}

// appendWord appends a word to a phrase key (words joined by one space);
// looking the key up as m[string(key)] allocates nothing.
func appendWord(key []byte, word string) []byte {
	if len(key) > 0 {
		key = append(key, ' ')
	}
	return append(key, word...)
}

// maxPhrase is the most words an entry of a word class may have.
const maxPhrase = 4

// readWords fills the word classes of the struct into points to from the
// lexicon file name. The file is a list of sections: a line "[light
// verbs]" opens the section that fills the field LightVerbs (the name's
// words, capitalized, joined), and the lines after it list entries
// separated by commas. A field of type wordSet takes the entries; a
// map[string]int or map[string]string takes entries written "word=value".
// A section without a field, a field without a section, or a bad value is
// an error naming the file and line, so a typo cannot silently empty a class.
func readWords(name string, into any) error {
	b, err := fs.ReadFile(lexiconFS, "lexicon/"+name)
	if err != nil {
		return err
	}
	return parseWords(name, b, into)
}

// parseWords reads the word classes of one file's text b (see readWords).
func parseWords(name string, b []byte, into any) error {
	v := reflect.ValueOf(into).Elem()
	seen := map[string]bool{}
	var field reflect.Value
	var phrases []string // entries of several words
	defer func() { addPhraseStarts(phrases) }()
	for n, line := range strings.Split(string(b), "\n") {
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		line = strings.TrimSpace(line)
		switch {
		case line == "":
			continue
		case strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]"):
			fname := fieldName(line[1 : len(line)-1])
			field = v.FieldByName(fname)
			if !field.IsValid() {
				return fmt.Errorf("lexicon/%s:%d: section %s fills no field of %s", name, n+1, line, v.Type())
			}
			if seen[fname] {
				return fmt.Errorf("lexicon/%s:%d: section %s twice", name, n+1, line)
			}
			seen[fname] = true
			if field.IsNil() {
				field.Set(reflect.MakeMap(field.Type()))
			}
			continue
		case !field.IsValid():
			return fmt.Errorf("lexicon/%s:%d: entries before the first section", name, n+1)
		}
		for _, entry := range strings.Split(line, ",") {
			entry = strings.TrimSpace(entry)
			if entry == "" {
				continue
			}
			word, value, valued := strings.Cut(entry, "=")
			key := normEntry(word)
			if len(strings.Fields(key)) > maxPhrase {
				return fmt.Errorf("lexicon/%s:%d: %q has more than %d words", name, n+1, word, maxPhrase)
			}
			switch elem := field.Type().Elem(); {
			case elem.Kind() == reflect.Bool && !valued:
				field.SetMapIndex(reflect.ValueOf(key), reflect.ValueOf(true).Convert(elem))
				if strings.Contains(key, " ") {
					phrases = append(phrases, key)
				}
			case elem.Kind() == reflect.Int && valued:
				i, err := strconv.Atoi(strings.TrimSpace(value))
				if err != nil {
					return fmt.Errorf("lexicon/%s:%d: %q: %w", name, n+1, entry, err)
				}
				field.SetMapIndex(reflect.ValueOf(key), reflect.ValueOf(i))
			case elem.Kind() == reflect.String && valued:
				field.SetMapIndex(reflect.ValueOf(key), reflect.ValueOf(strings.TrimSpace(value)))
			default:
				return fmt.Errorf("lexicon/%s:%d: %q does not fit field %s (%s)", name, n+1, entry, field.Type(), line)
			}
		}
	}
	for i := 0; i < v.NumField(); i++ {
		if f := v.Type().Field(i); f.Type.Kind() == reflect.Map && !seen[f.Name] {
			return fmt.Errorf("lexicon/%s: no section for %s.%s", name, v.Type(), f.Name)
		}
	}
	return nil
}

// fieldName turns a section name into its field's: "light verbs" → "LightVerbs".
func fieldName(section string) string {
	var b strings.Builder
	for _, w := range strings.FieldsFunc(section, func(r rune) bool { return r == ' ' || r == '-' || r == '_' }) {
		b.WriteString(strings.ToUpper(w[:1]) + w[1:])
	}
	return b.String()
}

// normEntry normalizes a word-class entry as tokens are normalized, word by
// word: "Sept." → "sept", "n’t" → "n't".
func normEntry(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		words[i] = normWord(w)
	}
	return strings.Join(words, " ")
}
