package loader

import "testing"

// TestWordData pins a sample of the word classes, descriptions and
// country features, and checks that every feature a description asks
// for is one some country has, and that every country has features.
func TestWordData(t *testing.T) {
	x := extractor(t)
	for _, tc := range []struct {
		set  wordSet
		word string
	}{
		{recog.Stopwords, "however"}, {recog.Abbreviations, "sept"}, {recog.Locatives, "arrived"}, {recog.Modifiers, "deputy"},
		{recog.Connectors, "bin"}, {recog.GenericOrgWords, "ministry"}, {recog.OrgHeads, "embassy"}, {recog.CompanyWords, "airlines"},
		{attrib.Statement, "communique"}, {attrib.Unnamed, "officials"}, {attrib.Filler, "reporters"}, {attrib.Female, "spokeswoman"},
		{attrib.Quoting, "quoted"}, {attrib.Conjunctions, "and"}, {attrib.Prepositions, "in"}, {recog.Ranks, "deputy"},
		{recog.Leads, "led"}, {recog.Missions, "delegation"}, {dateWords.DayParts, "morning"}, {dateWords.TimeAbbreviations, "pm"},
		{dateWords.DayFirst, "uk"}, {dateWords.MonthFirst, "us"},
	} {
		if !tc.set[tc.word] {
			t.Errorf("%q is not in its class", tc.word)
		}
	}
	if x.variants["mohamed"] != x.variants["muhammad"] || x.variants["mohamed"] == "" {
		t.Errorf("Mohamed and Muhammad are not one given name")
	}
	for _, c := range x.gaz.Countries {
		if len(x.desc.features[c.ISO3]) == 0 {
			t.Errorf("country %s has no features", c.ISO3)
		}
	}
	have := map[string]bool{}
	for _, fs := range x.desc.features {
		for f := range fs {
			have[f] = true
		}
	}
	for phrase, w := range x.desc.words {
		if w[1] != "" && !have[w[1]] {
			t.Errorf("%q asks for feature %q that no country has", phrase, w[1])
		}
	}
	for _, tc := range []struct{ iso3, feature string }{
		{"SAU", "kingdom"}, {"QAT", "gulf"}, {"PHL", "island"}, {"MLI", "sahel"}, {"JPN", "asia"}, {"ESP", "europe"},
	} {
		if !x.desc.features[tc.iso3][tc.feature] {
			t.Errorf("%s lacks feature %s", tc.iso3, tc.feature)
		}
	}
	if x.desc.features["IRN"]["asia"] {
		t.Errorf("Iran is no 'Asian country' in news usage")
	}
	for _, w := range []string{"reuters", "xinhua", "tass"} {
		if !x.wire.agency[w] {
			t.Errorf("agency %s missing", w)
		}
	}
}
