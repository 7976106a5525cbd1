package loader

import (
	"fmt"
	"strings"
	"sync"
)

// wordClasses are the classes of words and short phrases that the rules
// of recognition and attribution look for ("unnamed": officials, sources;
// "statement": statement, communique). They are data: lexicon files whose
// rows are "phrase TAB class", read through readLexicon. A phrase may
// belong to several classes.
type wordClasses map[string]map[string]bool

// Classes of lexicon/speakers.txt.
const (
	clsStatement  = "statement"
	clsGovernment = "government"
	clsUnnamed    = "unnamed"
	clsDefinite   = "definite"
	clsIndefinite = "indefinite"
	clsFiller     = "filler"
	clsAuxiliary  = "auxiliary"
	clsAbout      = "about"
	clsPerson     = "person"
	clsGroup      = "group"
	clsIt         = "it"
	clsFemale     = "female"
	clsMale       = "male"
	clsPrep       = "preposition"
	clsConj       = "conjunction"
	clsQuoting    = "quoting"
)

// Classes of lexicon/names.txt.
const (
	clsStopword     = "stopword"
	clsAbbreviation = "abbreviation"
	clsLocative     = "locative"
	clsModifier     = "modifier"
	clsApposition   = "apposition"
	clsConnector    = "connector"
	clsNameFunction = "namefunction"
	clsFacility     = "facility"
	clsGenericOrg   = "genericorg"
	clsCompany      = "company"
	clsOrgHead      = "orghead"
	clsCounterpart  = "counterpart"
	clsRank         = "rank"
)

// ruleWords are the word classes of recognition and attribution, read
// once. The sentence splitter and the gazetteer index use them before an
// Extractor exists; NewExtractor returns the error.
var ruleWords = sync.OnceValues(func() (wordClasses, error) {
	return readClasses("speakers.txt", "names.txt")
})

// words returns the rule word classes, or none when they could not be read
// (NewExtractor reports that error).
func words() wordClasses {
	c, _ := ruleWords()
	return c
}

// readClasses reads the word classes of the lexicon files names.
func readClasses(names ...string) (wordClasses, error) {
	c := wordClasses{}
	for _, name := range names {
		rows, err := readLexicon(name, 2)
		if err != nil {
			return nil, err
		}
		for _, r := range rows {
			key := normPhrase(r[0])
			if !strings.ContainsAny(r[0], " -") {
				key = normWord(r[0]) // one word as tokens normalize it: "'s", "&"
			}
			if key == "" {
				key = strings.TrimSpace(r[0]) // punctuation: ","
			}
			if key == "" || r[1] == "" {
				return nil, fmt.Errorf("lexicon/%s: empty phrase or class in %q", name, strings.Join(r, "\t"))
			}
			if c[r[1]] == nil {
				c[r[1]] = map[string]bool{}
			}
			c[r[1]][key] = true
		}
	}
	return c, nil
}

// is reports whether the normalized word or phrase w belongs to class.
func (c wordClasses) is(class, w string) bool { return c[class][w] }

// readVariants reads groups of spellings of one word, one group a line,
// tab-separated, and maps each spelling to the group's first.
func readVariants(name string) (map[string]string, error) {
	rows, err := readLexicon(name, 2)
	if err != nil {
		return nil, err
	}
	m := map[string]string{}
	for _, r := range rows {
		for _, w := range r {
			m[normWord(w)] = normWord(r[0])
		}
	}
	return m, nil
}
