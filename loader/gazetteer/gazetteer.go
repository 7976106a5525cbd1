// Package gazetteer embeds curated lists of countries, people, organisations
// and places that appear in English geopolitical news, and exposes them
// parsed. The data lives in the TSV files next to this file; see README.md
// for the format and Sources.md for provenance and licences.
package gazetteer

import (
	"bufio"
	"embed"
	"fmt"
	"io/fs"
	"regexp"
	"slices"
	"strings"
	"sync"
)

// Country is a state: a UN member or observer, or Taiwan or Kosovo.
type Country struct {
	ISO3, ISO2 string   // "RUS", "RU"
	Name       string   // common English short name: "Russia"
	Official   string   // "Russian Federation"
	Wikidata   string   // "Q159"
	Aliases    []string // other names and abbreviations used in news: "DPRK", "U.S."
	Demonyms   []string // adjectives and nouns: "Russian", "Russians"
	Capital    string   // official capital
	Seats      []string // metonyms used as actors: "Moscow", "Kremlin", "White House"
	UN         string   // "member" | "observer" | "other"
	Ambiguous  bool     // the name also reads as a common English word or another referent ("Chad", "Turkey")
}

// Person is an official or public figure quoted in geopolitical news.
type Person struct {
	Name     string   // canonical: "Vladimir Putin"
	Aliases  []string // full-name variants and transliterations, never bare surnames
	Wikidata string   // "Q7747", or "" when not verified
	Country  string   // ISO3 of the state the person acts for; "" for international officials
	Role     string   // most recent role in 2020-2026: "President of Russia"
	Gender   string   // "m" | "f"
}

// Org is an organisation: agency, ministry, military or armed group, news
// outlet, intergovernmental body, alliance, party, legislature, company,
// NGO, court or government body.
type Org struct {
	Name     string   // canonical: the form news use on first mention ("NATO", "Korean Central News Agency")
	Aliases  []string // "KCNA", "TASS news agency"
	Wikidata string   // "Q7184", or "" when not verified
	Country  string   // ISO3, or "" for international organisations
	Kind     string   // one of OrgKinds
}

// Place is a city, region, sea, strait or site.
type Place struct {
	Name     string   // "Kharkiv"
	Aliases  []string // "Kharkov"
	Wikidata string   // or "" when not verified
	Country  string   // ISO3 of the de jure state per the UN, or "" (seas, disputed or multi-state areas)
	Kind     string   // one of PlaceKinds
}

// Gazetteer holds the parsed data files.
type Gazetteer struct {
	Countries []Country
	People    []Person
	Orgs      []Org
	Places    []Place
}

// Allowed values of the enumerated columns.
var (
	UNStatuses = []string{"member", "observer", "other"}
	Genders    = []string{"m", "f"}
	OrgKinds   = []string{"agency", "ministry", "military", "news", "intergovernmental", "alliance",
		"party", "legislature", "company", "ngo", "court", "government"}
	PlaceKinds = []string{"city", "region", "sea", "site", "other"}
)

// Data holds the embedded data files.
//
//go:embed countries.tsv people.tsv orgs.tsv places.tsv
var Data embed.FS

var loadDefault = sync.OnceValues(func() (*Gazetteer, error) { return Parse(Data) })

// Default returns the embedded gazetteer, parsed once; an error means a
// malformed data file.
func Default() (*Gazetteer, error) { return loadDefault() }

// CountryByISO3 returns the country with the given ISO 3166-1 alpha-3 code
// (case-insensitive).
func (g *Gazetteer) CountryByISO3(iso3 string) (Country, bool) {
	for _, c := range g.Countries {
		if strings.EqualFold(c.ISO3, iso3) {
			return c, true
		}
	}
	return Country{}, false
}

// Parse reads countries.tsv, people.tsv, orgs.tsv and places.tsv from fsys.
func Parse(fsys fs.FS) (*Gazetteer, error) {
	g := &Gazetteer{}
	err := readTSV(fsys, "countries.tsv", []string{"iso3", "iso2", "name", "official", "wikidata", "un",
		"capital", "seats", "aliases", "demonyms", "ambiguous"}, func(f []string) error {
		if f[10] != "0" && f[10] != "1" {
			return fmt.Errorf("ambiguous must be 0 or 1, got %q", f[10])
		}
		g.Countries = append(g.Countries, Country{ISO3: f[0], ISO2: f[1], Name: f[2], Official: f[3],
			Wikidata: f[4], UN: f[5], Capital: f[6], Seats: split(f[7]), Aliases: split(f[8]),
			Demonyms: split(f[9]), Ambiguous: f[10] == "1"})
		return oneOf("un", f[5], UNStatuses)
	})
	if err == nil {
		err = readTSV(fsys, "people.tsv", []string{"name", "aliases", "wikidata", "country", "role", "gender"},
			func(f []string) error {
				g.People = append(g.People, Person{Name: f[0], Aliases: split(f[1]), Wikidata: f[2],
					Country: f[3], Role: f[4], Gender: f[5]})
				return oneOf("gender", f[5], Genders)
			})
	}
	if err == nil {
		err = readTSV(fsys, "orgs.tsv", []string{"name", "aliases", "wikidata", "country", "kind"},
			func(f []string) error {
				g.Orgs = append(g.Orgs, Org{Name: f[0], Aliases: split(f[1]), Wikidata: f[2], Country: f[3], Kind: f[4]})
				return oneOf("kind", f[4], OrgKinds)
			})
	}
	if err == nil {
		err = readTSV(fsys, "places.tsv", []string{"name", "aliases", "wikidata", "country", "kind"},
			func(f []string) error {
				g.Places = append(g.Places, Place{Name: f[0], Aliases: split(f[1]), Wikidata: f[2], Country: f[3], Kind: f[4]})
				return oneOf("kind", f[4], PlaceKinds)
			})
	}
	if err != nil {
		return nil, err
	}
	return g, nil
}

var wikidataID = regexp.MustCompile(`^Q[1-9][0-9]*$`)

// readTSV checks the header of a data file and calls row for each data
// line. Lines starting with '#' before the header are comments. Every row
// must have the header's number of fields, a non-empty first field and an
// empty or well-formed Wikidata id in the "wikidata" column.
func readTSV(fsys fs.FS, name string, header []string, row func([]string) error) error {
	f, err := fsys.Open(name)
	if err != nil {
		return fmt.Errorf("gazetteer: %w", err)
	}
	defer f.Close()
	wd := slices.Index(header, "wikidata")
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	seenHeader := false
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSuffix(sc.Text(), "\r")
		if !seenHeader {
			if strings.HasPrefix(line, "#") {
				continue
			}
			if got := strings.Split(line, "\t"); !slices.Equal(got, header) {
				return fmt.Errorf("gazetteer: %s:%d: header %q, want %q", name, n, got, header)
			}
			seenHeader = true
			continue
		}
		if line == "" {
			continue
		}
		fields := strings.Split(line, "\t")
		for i := range fields {
			fields[i] = strings.TrimSpace(fields[i])
		}
		switch {
		case len(fields) != len(header):
			err = fmt.Errorf("%d fields, want %d", len(fields), len(header))
		case fields[0] == "":
			err = fmt.Errorf("empty %s", header[0])
		case wd >= 0 && fields[wd] != "" && !wikidataID.MatchString(fields[wd]):
			err = fmt.Errorf("malformed wikidata id %q", fields[wd])
		default:
			err = row(fields)
		}
		if err != nil {
			return fmt.Errorf("gazetteer: %s:%d: %w", name, n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("gazetteer: %s: %w", name, err)
	}
	if !seenHeader {
		return fmt.Errorf("gazetteer: %s: no header line", name)
	}
	return nil
}

func oneOf(column, v string, allowed []string) error {
	if !slices.Contains(allowed, v) {
		return fmt.Errorf("%s %q not one of %q", column, v, allowed)
	}
	return nil
}

// split splits a "|"-separated cell; an empty cell yields nil.
func split(s string) []string {
	if s == "" {
		return nil
	}
	parts := strings.Split(s, "|")
	out := parts[:0]
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
