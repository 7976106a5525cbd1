package gazetteer

import (
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

func load(t *testing.T) *Gazetteer {
	t.Helper()
	g, err := Default()
	if err != nil {
		t.Fatalf("Default: %v", err)
	}
	return g
}

func TestDefaultParsesAllFiles(t *testing.T) {
	g := load(t)
	for _, tc := range []struct {
		file     string
		got, min int
	}{
		{"countries.tsv", len(g.Countries), 197},
		{"people.tsv", len(g.People), 250},
		{"orgs.tsv", len(g.Orgs), 250},
		{"places.tsv", len(g.Places), 400},
	} {
		if tc.got < tc.min {
			t.Errorf("%s: %d rows, want at least %d", tc.file, tc.got, tc.min)
		}
	}
	if g2, _ := Default(); g2 != g {
		t.Error("Default does not return the same parsed value twice")
	}
}

func TestCountries(t *testing.T) {
	g := load(t)
	iso3 := regexp.MustCompile(`^[A-Z]{3}$`)
	iso2 := regexp.MustCompile(`^[A-Z]{2}$`)
	seen3, seen2 := map[string]bool{}, map[string]bool{}
	status := map[string]int{}
	for _, c := range g.Countries {
		status[c.UN]++
		if !iso3.MatchString(c.ISO3) || !iso2.MatchString(c.ISO2) {
			t.Errorf("%s/%s: malformed ISO codes", c.ISO3, c.ISO2)
		}
		if seen3[c.ISO3] || seen2[c.ISO2] {
			t.Errorf("%s/%s: duplicate ISO code", c.ISO3, c.ISO2)
		}
		seen3[c.ISO3], seen2[c.ISO2] = true, true
		if c.Name == "" || c.Official == "" || c.Capital == "" || !wikidataID.MatchString(c.Wikidata) {
			t.Errorf("%s: missing name, official name, capital or Wikidata id: %+v", c.ISO3, c)
		}
		if len(c.Demonyms) == 0 && !slices.Contains([]string{"COG", "DMA", "VAT"}, c.ISO3) {
			t.Errorf("%s: no demonyms", c.ISO3)
		}
		if slices.Contains(c.Seats, "Brussels") {
			t.Errorf("%s: Brussels is a seat of the EU and NATO, not of a country", c.ISO3)
		}
	}
	if status["member"] != 193 || status["observer"] != 2 || len(g.Countries) != 193+2+status["other"] {
		t.Errorf("UN statuses %v, want 193 members and 2 observers", status)
	}
	for _, iso := range []string{"VAT", "PSE"} {
		if c, _ := g.CountryByISO3(iso); c.UN != "observer" {
			t.Errorf("%s: UN %q, want observer", iso, c.UN)
		}
	}
	for _, iso := range []string{"TWN", "XKX"} {
		if c, _ := g.CountryByISO3(iso); c.UN != "other" {
			t.Errorf("%s: UN %q, want other", iso, c.UN)
		}
	}
}

func TestCountryByISO3(t *testing.T) {
	g := load(t)
	for _, tc := range []struct {
		iso3, name string
		ok         bool
	}{
		{"RUS", "Russia", true},
		{"prk", "North Korea", true},
		{"USA", "United States", true},
		{"XKX", "Kosovo", true},
		{"XXX", "", false},
		{"", "", false},
	} {
		c, ok := g.CountryByISO3(tc.iso3)
		if ok != tc.ok || c.Name != tc.name {
			t.Errorf("CountryByISO3(%q) = %q, %v; want %q, %v", tc.iso3, c.Name, ok, tc.name, tc.ok)
		}
	}
}

// Identifiers pinned to values checked against Wikidata.
func TestPinnedWikidataIDs(t *testing.T) {
	g := load(t)
	ids := map[string]map[string]string{"country": {}, "person": {}, "org": {}, "place": {}}
	for _, c := range g.Countries {
		ids["country"][c.ISO3] = c.Wikidata
	}
	for _, p := range g.People {
		ids["person"][p.Name] = p.Wikidata
	}
	for _, o := range g.Orgs {
		ids["org"][o.Name] = o.Wikidata
	}
	for _, p := range g.Places {
		ids["place"][p.Name] = p.Wikidata
	}
	for _, tc := range []struct{ kind, key, want string }{
		{"country", "RUS", "Q159"},
		{"country", "USA", "Q30"},
		{"country", "CHN", "Q148"},
		{"country", "PRK", "Q423"},
		{"country", "KOR", "Q884"},
		{"country", "UKR", "Q212"},
		{"country", "JPN", "Q17"},
		{"country", "IRN", "Q794"},
		{"country", "ISR", "Q801"},
		{"country", "GBR", "Q145"},
		{"country", "FRA", "Q142"},
		{"country", "DEU", "Q183"},
		{"country", "IND", "Q668"},
		{"country", "TWN", "Q865"},
		{"country", "XKX", "Q1246"},
		{"country", "PSE", "Q219060"},
		{"person", "Vladimir Putin", "Q7747"},
		{"person", "Kim Jong Un", "Q56226"},
		{"person", "Xi Jinping", "Q15031"},
		{"person", "Joe Biden", "Q6279"},
		{"person", "Donald Trump", "Q22686"},
		{"person", "Volodymyr Zelenskyy", "Q3874799"},
		{"person", "Emmanuel Macron", "Q3052772"},
		{"org", "NATO", "Q7184"},
		{"org", "United Nations", "Q1065"},
		{"org", "TASS", "Q223799"},
		{"org", "Reuters", "Q130879"},
		{"org", "International Atomic Energy Agency", "Q41984"},
		{"org", "United States Senate", "Q66096"},
		{"place", "Moscow", "Q649"},
		{"place", "Vladivostok", "Q959"},
		{"place", "Kyiv", "Q1899"},
		{"place", "Pyongyang", "Q18808"},
		{"place", "Gaza Strip", "Q39760"},
	} {
		if got, ok := ids[tc.kind][tc.key]; !ok || got != tc.want {
			t.Errorf("%s %q: Wikidata %q (present %v), want %q", tc.kind, tc.key, got, ok, tc.want)
		}
	}
}

// A name, alias or demonym that points at two countries is most likely a copy
// error, unless every country involved is flagged ambiguous.
func TestCountryNamesUnique(t *testing.T) {
	g := load(t)
	owners := map[string][]Country{}
	for _, c := range g.Countries {
		keys := map[string]bool{}
		for _, s := range append(append([]string{c.Name, c.Official}, c.Aliases...), c.Demonyms...) {
			keys[strings.ToLower(s)] = true
		}
		for k := range keys {
			owners[k] = append(owners[k], c)
		}
	}
	for k, cs := range owners {
		if len(cs) < 2 {
			continue
		}
		for _, c := range cs {
			if !c.Ambiguous {
				t.Errorf("%q names %d countries and %s is not marked ambiguous", k, len(cs), c.ISO3)
			}
		}
	}
}

// Within each table a surface form must resolve to one entry.
func TestSurfaceFormsUnique(t *testing.T) {
	g := load(t)
	check := func(table string, names []string, aliases [][]string) {
		owner := map[string]string{}
		for i, name := range names {
			for _, s := range append([]string{name}, aliases[i]...) {
				k := strings.ToLower(s)
				if o, dup := owner[k]; dup && o != name {
					t.Errorf("%s: %q belongs to both %q and %q", table, s, o, name)
				}
				owner[k] = name
			}
		}
	}
	var n []string
	var a [][]string
	for _, p := range g.People {
		n, a = append(n, p.Name), append(a, p.Aliases)
	}
	check("people", n, a)
	n, a = nil, nil
	for _, o := range g.Orgs {
		n, a = append(n, o.Name), append(a, o.Aliases)
	}
	check("orgs", n, a)
	n, a = nil, nil
	for _, p := range g.Places {
		n, a = append(n, p.Name), append(a, p.Aliases)
	}
	check("places", n, a)
}

func TestReferencedCountriesExist(t *testing.T) {
	g := load(t)
	exists := func(iso string) bool { _, ok := g.CountryByISO3(iso); return ok }
	for _, p := range g.People {
		if p.Country != "" && !exists(p.Country) {
			t.Errorf("person %q: unknown country %q", p.Name, p.Country)
		}
		if p.Role == "" {
			t.Errorf("person %q: empty role", p.Name)
		}
	}
	for _, o := range g.Orgs {
		if o.Country != "" && !exists(o.Country) {
			t.Errorf("org %q: unknown country %q", o.Name, o.Country)
		}
	}
	for _, p := range g.Places {
		if p.Country != "" && !exists(p.Country) {
			t.Errorf("place %q: unknown country %q", p.Name, p.Country)
		}
	}
}

func TestCapitalsArePlaces(t *testing.T) {
	g := load(t)
	for _, c := range g.Countries {
		found := slices.ContainsFunc(g.Places, func(p Place) bool {
			return p.Name == c.Capital && p.Country == c.ISO3 && p.Kind == "city"
		})
		if !found {
			t.Errorf("%s: capital %q has no city row in places.tsv", c.ISO3, c.Capital)
		}
	}
}

func TestSelectedEntries(t *testing.T) {
	g := load(t)
	rus, _ := g.CountryByISO3("RUS")
	usa, _ := g.CountryByISO3("USA")
	prk, _ := g.CountryByISO3("PRK")
	tur, _ := g.CountryByISO3("TUR")
	for _, tc := range []struct {
		what string
		list []string
		want string
	}{
		{"RUS seats", rus.Seats, "Kremlin"},
		{"RUS seats", rus.Seats, "Moscow"},
		{"USA seats", usa.Seats, "White House"},
		{"USA aliases", usa.Aliases, "U.S."},
		{"USA demonyms", usa.Demonyms, "American"},
		{"PRK aliases", prk.Aliases, "DPRK"},
		{"PRK demonyms", prk.Demonyms, "North Korean"},
		{"TUR aliases", tur.Aliases, "Türkiye"},
	} {
		if !slices.Contains(tc.list, tc.want) {
			t.Errorf("%s %q lacks %q", tc.what, tc.list, tc.want)
		}
	}
	if !tur.Ambiguous {
		t.Error("Turkey should be flagged ambiguous")
	}
	if i := slices.IndexFunc(g.People, func(p Person) bool { return p.Name == "Donald Trump" }); i < 0 ||
		g.People[i].Role != "President of the United States" || g.People[i].Gender != "m" {
		t.Error("Donald Trump missing or not President of the United States")
	}
}

func TestParseRejectsMalformedFiles(t *testing.T) {
	const (
		countriesHdr = "iso3\tiso2\tname\tofficial\twikidata\tun\tcapital\tseats\taliases\tdemonyms\tambiguous\n"
		country      = "RUS\tRU\tRussia\tRussian Federation\tQ159\tmember\tMoscow\tMoscow|Kremlin\t\tRussian\t0\n"
		peopleHdr    = "name\taliases\twikidata\tcountry\trole\tgender\n"
		orgsHdr      = "name\taliases\twikidata\tcountry\tkind\n"
		placesHdr    = "name\taliases\twikidata\tcountry\tkind\n"
	)
	valid := map[string]string{
		"countries.tsv": "# comment\n" + countriesHdr + country,
		"people.tsv":    peopleHdr + "Vladimir Putin\t\tQ7747\tRUS\tPresident of Russia\tm\n",
		"orgs.tsv":      orgsHdr + "TASS\t\tQ223799\tRUS\tnews\n",
		"places.tsv":    placesHdr + "Moscow\t\tQ649\tRUS\tcity\n",
	}
	fsys := func(file, content string) fstest.MapFS {
		m := fstest.MapFS{}
		for k, v := range valid {
			m[k] = &fstest.MapFile{Data: []byte(v)}
		}
		if file != "" {
			m[file] = &fstest.MapFile{Data: []byte(content)}
		}
		return m
	}
	g, err := Parse(fsys("", ""))
	if err != nil {
		t.Fatalf("valid files: %v", err)
	}
	if c := g.Countries[0]; len(c.Seats) != 2 || c.Aliases != nil || c.Ambiguous {
		t.Errorf("parsed country %+v", c)
	}
	for _, tc := range []struct{ name, file, content string }{
		{"missing file", "people.tsv", ""},
		{"bad header", "orgs.tsv", "name\taliases\twikidata\tkind\n"},
		{"only comments", "places.tsv", "# nothing\n"},
		{"short row", "places.tsv", placesHdr + "Moscow\t\tQ649\tRUS\n"},
		{"empty name", "places.tsv", placesHdr + "\t\tQ649\tRUS\tcity\n"},
		{"bad wikidata", "orgs.tsv", orgsHdr + "TASS\t\t223799\tRUS\tnews\n"},
		{"bad kind", "orgs.tsv", orgsHdr + "TASS\t\t\tRUS\tnewspaper\n"},
		{"bad place kind", "places.tsv", placesHdr + "Moscow\t\t\tRUS\ttown\n"},
		{"bad gender", "people.tsv", peopleHdr + "Vladimir Putin\t\t\tRUS\tPresident\tx\n"},
		{"bad UN status", "countries.tsv", countriesHdr + strings.Replace(country, "member", "yes", 1)},
		{"bad ambiguous flag", "countries.tsv", countriesHdr + strings.Replace(country, "\t0\n", "\t2\n", 1)},
	} {
		m := fsys(tc.file, tc.content)
		if tc.name == "missing file" {
			delete(m, tc.file)
		}
		if _, err := Parse(m); err == nil {
			t.Errorf("%s: Parse succeeded, want an error", tc.name)
		}
	}
}
