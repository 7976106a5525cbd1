package loader

import (
	"bufio"
	"embed"
	"fmt"
	"strings"
)

// The rule vocabularies (titles, organization head nouns, speech verbs,
// transferred items) are data, kept in lexicon/*.txt: one entry a line,
// tab-separated columns, # for comments.
//
//go:embed lexicon/*.txt
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

// lexicon holds the parsed vocabularies, keyed by normalized word sequences
// (words joined by spaces, as tokens normalize them).
type lexicon struct {
	titles   map[string]titleInfo
	titleMax int // longest title in words
	orgWords map[string]string
	speech   map[string]speechVerb
	items    map[string]itemInfo
	itemMax  int
	// notPersonWords are capitalized words never part of a person's name.
	notPersonWords map[string]bool
	// givenNames maps given names to their usual gender ('m', 'f', 'u').
	givenNames map[string]byte
}

func loadLexicon() (*lexicon, error) {
	lx := &lexicon{titles: map[string]titleInfo{}, orgWords: map[string]string{}, speech: map[string]speechVerb{}, items: map[string]itemInfo{}}
	rows, err := readLexicon("titles.txt", 2)
	if err != nil {
		return nil, err
	}
	for _, r := range rows {
		key := normPhrase(r[0])
		lx.titles[key] = titleInfo{class: r[1], words: strings.Fields(key)}
		lx.titleMax = max(lx.titleMax, len(strings.Fields(key)))
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
	toks := tokenize(s, 0, len(s))
	words := make([]string, 0, len(toks))
	for _, t := range toks {
		if t.norm == "." || t.norm == "-" || t.norm == "," {
			continue
		}
		words = append(words, t.norm)
	}
	return strings.Join(words, " ")
}
