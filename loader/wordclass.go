package loader

import "sync"

// The word classes of recognition and attribution: which capitalized
// words open sentences, which words join a name, which nouns describe an
// unnamed speaker, which words stand between a speech verb and what was
// said. They are data (lexicon/names.txt, lexicon/speakers.txt) in the
// sections that readWords reads, one section a field.

// recognitionWords are the classes of lexicon/names.txt.
type recognitionWords struct {
	Stopwords         wordSet // capitalized words never part of a name ("However", "Monday")
	Abbreviations     wordSet // a period after them ends no sentence ("Gen.", "Sept.")
	Locatives         wordSet // "arrived in Pyongyang": a place, not its government
	Modifiers         wordSet // "former senior official"
	AppositionOpeners wordSet // "X, a former official"
	Connectors        wordSet // "Bank of Korea", "Mohammed bin Salman"
	NameFunctionWords wordSet // lower case inside a gazetteer name
	Facilities        wordSet // "Diaoyutai State Guesthouse"
	GenericOrgWords   wordSet // "Foreign Ministry" needs its country
	CompanyWords      wordSet // "Indian Oil Corporation"
	OrgHeads          wordSet // "North Korea's defense ministry"
	Counterparts      wordSet // "his counterparts, A and B"
	Ranks             wordSet // "deputy prime minister" is another office
	Leads, Missions   wordSet // "X led the AU team": X acts for the AU
}

// attributionWords are the classes of lexicon/speakers.txt.
type attributionWords struct {
	Statement, Government, Unnamed wordSet // heads of descriptions of speakers
	Definite, Indefinite           wordSet // their determiners
	Filler, Auxiliary, About       wordSet // around a speech verb
	PersonPronouns, GroupPronouns  wordSet
	It                             wordSet
	Female, Male                   wordSet // titles that name a woman or a man
	Prepositions, Conjunctions     wordSet
	Quoting                        wordSet           // "the agency quoted X as saying"
	WordsOf                        wordSet           // "in his words", "in the words of X"
	ObjectPronouns                 map[string]string // "him" = "he"
	TitleAbbreviations             map[string]string // "fm" = "foreign minister"
}

// The word classes, read once from the embedded lexicon (they cannot
// change while the process runs) by loadRuleWords.
var (
	recog    recognitionWords
	attrib   attributionWords
	ruleOnce sync.Once
	ruleErr  error
)

// loadRuleWords reads the word classes of recognition and attribution.
func loadRuleWords() error {
	ruleOnce.Do(func() {
		if ruleErr = readWords("names.txt", &recog); ruleErr == nil {
			ruleErr = readWords("speakers.txt", &attrib)
		}
	})
	return ruleErr
}

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
