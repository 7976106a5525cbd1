package loader

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/geokg/geokg/model"
)

// pinEvent is an event a construction must give (see want) and its date:
// "" when the row says nothing of it, "-" when it must have none.
type pinEvent struct {
	want
	date string
}

// pinEntity is an entity a construction must give: its id, and an alias,
// a role fragment and the organization it acts for when the row names them.
type pinEntity struct {
	id, alias, role, affil string
}

// TestPinnedConstructions pins the rows of docs/constructions.md outside
// the event sections (descriptions, status, dates, wire structure, entity
// mentions), each with a text written for this test. Texts are published
// on Thursday 2024-05-16 unless the row gives another day.
func TestPinnedConstructions(t *testing.T) {
	x := extractor(t)
	for _, tc := range []struct {
		id, published, text string
		source              string // the outlet's domain (Meta.Source)
		events              []pinEvent
		not                 []model.EventType // no event of these types
		one                 model.EventType   // exactly one event of this type
		entities            []pinEntity
		absent              []string // entity ids that must be no participant of any event
		noEntity            []string // entity ids that must not be extracted at all
		title               string
		speaker             string // a statement (reported or direct) by this entity
		noDirect            bool   // no direct quotation
		noStatement         bool   // no statement at all
	}{
		// Descriptions standing for states.
		{id: "DESC-2 capitals as actors", text: "Ottawa expelled two Iranian diplomats after Tehran's envoy was summoned.",
			events:   []pinEvent{{want: want{typ: model.OtherEvent, status: model.Occurred, participants: []string{"country:CAN", "country:IRN"}}}},
			entities: []pinEntity{{id: "country:CAN", alias: "Ottawa"}, {id: "country:IRN", alias: "Tehran"}}},
		{id: "DESC-2 a building as an actor", text: "The Kremlin expelled two Estonian diplomats on Monday.",
			events: []pinEvent{{want: want{typ: model.OtherEvent, status: model.Occurred, participants: []string{"country:RUS", "country:EST"}}, date: "2024-05-13"}}},
		{id: "DESC-3 his demonym counterpart", text: "Defence Minister Ahn Gyu-back met his Cameroonian counterpart in Seoul on Friday.",
			events: []pinEvent{{want: want{typ: model.Meeting, status: model.Occurred, participants: []string{"person:ahn-gyu-back", "country:CMR"}}, date: "2024-05-10"}}},
		{id: "DESC-6 the two nations", text: "Kenya and Uganda held talks in Nairobi on Monday. The two nations signed a fisheries accord before the leaders' lunch.",
			events: []pinEvent{{want: want{typ: model.Agreement, status: model.Occurred, participants: []string{"country:KEN", "country:UGA"}}}}},
		{id: "DESC-6 both countries", text: "Kenyan President William Ruto met Ugandan President Yoweri Museveni on Monday. Both countries agreed to reopen the border.",
			events: []pinEvent{{want: want{typ: model.Agreement, participants: []string{"country:KEN", "country:UGA"}}}}},
		// Status.
		{id: "ST-REP-1 according to media reports", text: "Egypt has received 30 Rafale jets from France, according to media reports.",
			events: []pinEvent{{want: want{typ: model.ArmsTransfer, status: model.Reported, from: "country:FRA", to: "country:EGY"}}}},
		{id: "ST-REP-1 reportedly", text: "Egypt has reportedly received 30 Rafale jets from France.",
			events: []pinEvent{{want: want{typ: model.ArmsTransfer, status: model.Reported, from: "country:FRA", to: "country:EGY"}}}},
		{id: "ST-REP-1 people familiar with the matter", text: "Egypt has received 30 Rafale jets from France, people familiar with the matter said.",
			events: []pinEvent{{want: want{typ: model.ArmsTransfer, status: model.Reported, from: "country:FRA", to: "country:EGY"}}}},
		// Dates.
		{id: "DT-1 last month is the calendar month before", published: "2023-03-02", text: "Paris recalled its envoy to Algeria last month.",
			events: []pinEvent{{want: want{typ: model.OtherEvent, participants: []string{"country:FRA", "country:DZA"}}, date: "2023-02"}}},
		{id: "DT-1 a recall is no statement", published: "2023-03-02", text: "Paris recalled its envoy to Algeria last month.", noStatement: true},
		{id: "DT-2 a range starts on its first day", text: "Foreign Minister Samuel Ablakwa will visit Jakarta from March 3 to 5.",
			events: []pinEvent{{want: want{typ: model.Visit, status: model.Planned, participants: []string{"person:samuel-ablakwa", "country:IDN"}}, date: "2025-03-03"}}},
		{id: "DT-3 a date in brackets after the weekday", text: "Algeria and Tunisia signed the deal on Friday (Oct 4) in Algiers.",
			events: []pinEvent{{want: want{typ: model.Agreement, participants: []string{"country:DZA", "country:TUN"}}, date: "2023-10-04"}}},
		{id: "DT-4 day and month order unknown", text: "Italian and Greek ministers held talks on 4/5 in Rome.",
			events: []pinEvent{{want: want{typ: model.Meeting, participants: []string{"country:ITA", "country:GRC"}}, date: "-"}}},
		{id: "DT-4 day first in a day-month outlet", source: "example.co.uk", text: "Italian and Greek ministers held talks on 4/5 in Rome.",
			events: []pinEvent{{want: want{typ: model.Meeting, participants: []string{"country:ITA", "country:GRC"}}, date: "2024-05-04"}}},
		{id: "DT-4 month first in a month-day outlet", source: "example.us", text: "Italian and Greek ministers held talks on 4/5 in Rome.",
			events: []pinEvent{{want: want{typ: model.Meeting, participants: []string{"country:ITA", "country:GRC"}}, date: "2024-04-05"}}},
		{id: "DT-4 a day above 12 tells the order", text: "Italian and Greek ministers held talks in Rome on 14-11-2021.",
			events: []pinEvent{{want: want{typ: model.Meeting, participants: []string{"country:ITA", "country:GRC"}}, date: "2021-11-14"}}},
		{id: "DT-4 a lost space after the comma", text: "Italian and Greek ministers held talks in Rome on Mar 9,2022.",
			events: []pinEvent{{want: want{typ: model.Meeting, participants: []string{"country:ITA", "country:GRC"}}, date: "2022-03-09"}}},
		{id: "DT-4 an ordinal day and a comma before the year", text: "Italian and Greek ministers held talks in Rome on 03rd June, 2020.",
			events: []pinEvent{{want: want{typ: model.Meeting, participants: []string{"country:ITA", "country:GRC"}}, date: "2020-06-03"}}},
		{id: "DT-5 today before the verb", published: "2021-05-02", text: "Saudi Crown Prince Mohammed bin Salman today received the visiting Iraqi foreign minister Fuad Hussein.",
			events: []pinEvent{{want: want{typ: model.Meeting, participants: []string{"person:mohammed-bin-salman", "person:fuad-hussein"}}, date: "2021-05-02"}}},
		{id: "DT-5 yesterday before the verb", text: "Kenya and Uganda yesterday signed a border accord.",
			events: []pinEvent{{want: want{typ: model.Agreement, participants: []string{"country:KEN", "country:UGA"}}, date: "2024-05-15"}}},
		{id: "DT-5 this morning", published: "2021-05-02", text: "The Saudi crown prince Mohammed bin Salman this morning received Iraqi Foreign Minister Fuad Hussein.",
			events: []pinEvent{{want: want{typ: model.Meeting, participants: []string{"person:mohammed-bin-salman", "person:fuad-hussein"}}, date: "2021-05-02"}}},
		{id: "DT-5 a weekday glossed as today", text: "Kenya and Uganda signed a border accord on Thursday (today).",
			events: []pinEvent{{want: want{typ: model.Agreement, participants: []string{"country:KEN", "country:UGA"}}, date: "2024-05-16"}}},
		{id: "DT-6 a past weekday is the last one", text: "Foreign Minister Ahmed Attaf arrived in Tunis on Monday and will leave on Saturday.",
			events: []pinEvent{{want: want{typ: model.Visit, participants: []string{"person:ahmed-attaf", "country:TUN"}}, date: "2024-05-13"}},
			one:    model.Visit},
		{id: "DT-6 on a weekday before the verb", text: "Ghana and Togo on Monday signed a border accord.",
			events: []pinEvent{{want: want{typ: model.Agreement, participants: []string{"country:GHA", "country:TGO"}}, date: "2024-05-13"}}},
		{id: "DT-7 the event day not the dateline date", published: "2022-03-25", text: "SEOUL, March 25 (Yonhap) -- North Korea test-fired a cruise missile on Thursday, state media said Friday.",
			events: []pinEvent{{want: want{typ: model.MissileTest, participants: []string{"country:PRK"}}, date: "2022-03-24"}}},
		{id: "DT-8 a time before the weekday", text: "Fumio Kishida and Joe Biden met at 10 a.m. Tuesday Tokyo time (9 p.m. Monday in Washington).",
			events: []pinEvent{{want: want{typ: model.Meeting, participants: []string{"person:fumio-kishida", "person:joe-biden"}}, date: "2024-05-14"}},
			title:  "Fumio Kishida and Joe Biden met at 10 a.m. Tuesday Tokyo time (9 p.m. Monday in Washington)."},
		// Wire structure.
		{id: "WIRE-CREDIT-1 an agency citing another", text: "Interfax reported, citing TASS, that Vladimir Putin and Ilham Aliyev met in the Kremlin.",
			events:   []pinEvent{{want: want{typ: model.Meeting, status: model.Reported, participants: []string{"person:vladimir-putin", "person:ilham-aliyev"}}}},
			entities: []pinEntity{{id: "org:interfax"}, {id: "org:tass"}}, absent: []string{"org:interfax", "org:tass"}},
		{id: "WIRE-CREDIT-1 a closing agency credit is no party", text: "Vladimir Putin and Ilham Aliyev met in the Kremlin, Xinhua reported, citing TASS.",
			events: []pinEvent{{want: want{typ: model.Meeting, status: model.Reported, participants: []string{"person:vladimir-putin", "person:ilham-aliyev"}}}},
			absent: []string{"org:xinhua-news-agency", "org:tass"}, speaker: "org:xinhua-news-agency"},
		{id: "WIRE-HEAD-1 a subheading is no event", text: "Qatar and Kenya expand ties\nMeeting with the emir\nKenyan President William Ruto met the Emir of Qatar Sheikh Tamim bin Hamad Al Thani in Doha on Monday.",
			events: []pinEvent{{want: want{typ: model.Meeting, status: model.Occurred, participants: []string{"person:william-ruto", "person:tamim-bin-hamad-al-thani"}}, date: "2024-05-13"}},
			one:    model.Meeting},
		{id: "WIRE-HEAD-2 an agency credit ending the headline", text: "Seoul, Warsaw sign howitzer deal - Yonhap\nSouth Korea and Poland signed a howitzer deal on Monday.",
			events:   []pinEvent{{want: want{typ: model.Agreement, status: model.Occurred, participants: []string{"country:KOR", "country:POL"}}}},
			noEntity: []string{"org:yonhap-news-agency"}, one: model.Agreement},
		{id: "WIRE-HEAD-2 a colon credit", text: "Russia and Belarus agree on joint drills: RIA\nRussia and Belarus agreed on Monday to hold joint drills in the autumn.",
			noEntity: []string{"org:ria-novosti"}},
		{id: "WIRE-HEAD-3 a repeated headline is one event", text: "Oman hosts Iran-US talks\nOman hosts Iran-US talks\nOman hosted a new round of indirect talks between Iran and the United States in Muscat on Saturday.",
			events: []pinEvent{{want: want{typ: model.Meeting, participants: []string{"country:IRN", "country:USA"}}}},
			one:    model.Meeting},
		{id: "WIRE-CAPTION-3 a file photo of an earlier meeting", published: "2025-01-10", text: "Nigeria and France sign a mining pact\nNigeria and France signed a mining pact on Thursday.\nFILE - Nigerian President Bola Tinubu meets Emmanuel Macron at the Elysee, Nov. 28, 2024. (AP Photo)",
			events: []pinEvent{{want: want{typ: model.Meeting, status: model.Occurred, participants: []string{"person:bola-tinubu", "person:emmanuel-macron"}}, date: "2024-11-28"},
				{want: want{typ: model.Agreement, participants: []string{"country:NGA", "country:FRA"}}, date: "2025-01-09"}}},
		{id: "WIRE-TEXT-5 a question in a briefing is no event", text: "AFP: Will the premier visit Berlin?\nMao Ning: We will release information in due course.",
			not: []model.EventType{model.Visit}},
		{id: "WIRE-TEXT-6 an embedded post is no direct quote", published: "2025-07-09", text: "Great talks with my friend President Lula today!\n— Narendra Modi (@narendramodi) July 8, 2025",
			noDirect: true, entities: []pinEntity{{id: "person:narendra-modi"}, {id: "person:luiz-inacio-lula-da-silva"}}},
		{id: "WIRE-TEXT-7 factbox bullets are sentences", text: "The talks at a glance:\n* Turkey's Erdogan met Brazil's Lula for 40 minutes.\n* Both sides agreed to expand trade.",
			events: []pinEvent{{want: want{typ: model.Meeting, status: model.Occurred, participants: []string{"person:recep-tayyip-erdogan", "person:luiz-inacio-lula-da-silva"}}}}},
		{id: "WIRE-TEXT-8 live-blog timestamps are no dates", text: "4:45 p.m.\nJapan's prime minister says talks went well.\n___\n4:30 p.m.\nFumio Kishida met Joe Biden at the White House.",
			events: []pinEvent{{want: want{typ: model.Meeting, participants: []string{"person:fumio-kishida", "person:joe-biden"}}, date: "-"}},
			title:  "Japan's prime minister says talks went well."},
		// Entity mentions.
		{id: "ENT-2 honorifics are aliases", text: "HRH Prince Faisal bin Farhan met Sir Keir Starmer in London.",
			entities: []pinEntity{{id: "person:faisal-bin-farhan", alias: "Prince Faisal bin Farhan"}, {id: "person:keir-starmer", alias: "Sir Keir Starmer"}}},
		{id: "ENT-3 a pronunciation guide is no part of the name", text: "Volodymyr Zelenskyy met Shinzo Abe (shin-zoh AH'-bay) in Tokyo on Monday.",
			events: []pinEvent{{want: want{typ: model.Meeting, participants: []string{"person:volodymyr-zelenskyy", "person:shinzo-abe"}}}}},
		{id: "ENT-3 a surname spelled another way", text: "Volodymyr Zelenskyy met Shinzo Abe in Tokyo on Monday. Zelensky said the talks were good.",
			entities: []pinEntity{{id: "person:volodymyr-zelenskyy", alias: "Zelensky"}}, speaker: "person:volodymyr-zelenskyy"},
		{id: "ENT-3 a hyphenated spelling", text: "Kim Jong Un met Vladimir Putin. Kim Jong-un said the talks were good.",
			entities: []pinEntity{{id: "person:kim-jong-un", alias: "Kim Jong-un"}}, speaker: "person:kim-jong-un"},
		{id: "ENT-4 a non-state party", text: "Ethiopia and the TPLF signed the truce in Pretoria.",
			events:   []pinEvent{{want: want{typ: model.Agreement, status: model.Occurred, participants: []string{"country:ETH", "org:tigray-peoples-liberation-front"}}}},
			entities: []pinEntity{{id: "org:tigray-peoples-liberation-front", alias: "TPLF"}}},
		{id: "ENT-5 a made-in adjective names a country", text: "The Indonesian navy received two Italian-built corvettes.",
			events:   []pinEvent{{want: want{typ: model.ArmsTransfer, from: "country:ITA", to: "country:IDN"}}},
			entities: []pinEntity{{id: "country:ITA", alias: "Italian"}}},
		{id: "ENT-6 a former official", text: "Former Nigerian President Olusegun Obasanjo led the AU team.",
			entities: []pinEntity{{id: "person:olusegun-obasanjo", role: "Former", affil: "org:african-union"}, {id: "org:african-union", alias: "AU"}}},
	} {
		t.Run(tc.id, func(t *testing.T) {
			published := tc.published
			if published == "" {
				published = "2024-05-16"
			}
			doc, err := x.Extract([]byte(tc.text), Meta{Published: published, Source: tc.source})
			if err != nil {
				t.Fatal(err)
			}
			checkSpans(t, doc)
			var got []string
			count := 0
			for _, ev := range doc.Events {
				got = append(got, fmt.Sprintf("%s %v %s→%s %s %q", ev.Type, ev.Participants, ev.Supplier, ev.Recipient, ev.Status, ev.Date))
				if slices.Contains(tc.not, ev.Type) {
					t.Errorf("unexpected %s event", ev.Type)
				}
				if ev.Type == tc.one {
					count++
				}
				for _, id := range tc.absent {
					if slices.Contains(ev.Participants, id) {
						t.Errorf("%s is a party to %s", id, ev.Type)
					}
				}
			}
			if tc.one != "" && count != 1 {
				t.Errorf("%d %s events, want one; got %s", count, tc.one, strings.Join(got, "; "))
			}
			for _, w := range tc.events {
				if !slices.ContainsFunc(doc.Events, w.matches) {
					t.Errorf("no %s %s %s→%s with %v dated %q; got %s", w.status, w.typ, w.from, w.to, w.participants, w.date, strings.Join(got, "; "))
				}
			}
			for _, id := range tc.noEntity {
				if doc.Entity(id) != nil {
					t.Errorf("%s extracted", id)
				}
			}
			for _, w := range tc.entities {
				e := doc.Entity(w.id)
				switch {
				case e == nil:
					t.Errorf("no %s in %v", w.id, names(doc))
				case w.alias != "" && e.Name != w.alias && !slices.Contains(e.Aliases, w.alias):
					t.Errorf("%s: no alias %q in %v", w.id, w.alias, e.Aliases)
				case !strings.Contains(string(e.Role), w.role):
					t.Errorf("%s: role %q, want %q in it", w.id, e.Role, w.role)
				case w.affil != "" && e.Affil != w.affil:
					t.Errorf("%s: acts for %q, want %q", w.id, e.Affil, w.affil)
				}
			}
			if tc.title != "" && string(doc.Article.Title) != tc.title {
				t.Errorf("title %q, want %q", doc.Article.Title, tc.title)
			}
			speakers := map[string]bool{}
			for _, s := range doc.Statements {
				speakers[s.Speaker] = true
				if tc.noDirect && s.Direct {
					t.Errorf("direct quotation %q", s.Text)
				}
			}
			if tc.speaker != "" && !speakers[tc.speaker] {
				t.Errorf("no statement by %s in %+v", tc.speaker, doc.Statements)
			}
			if tc.noStatement && len(doc.Statements) > 0 {
				t.Errorf("statements %+v", doc.Statements)
			}
		})
	}
}

// matches: the event is the one wanted and has the date wanted.
func (w pinEvent) matches(ev model.Event) bool {
	switch {
	case !w.want.matches(ev):
		return false
	case w.date == "-":
		return ev.Date == ""
	default:
		return w.date == "" || string(ev.Date) == w.date
	}
}

// TestCatalogueNamesRealTests: every test docs/constructions.md names in
// its "pinned by" column exists (a test function of this package and, for
// a subtest, a string literal that Go turns into that subtest's name), so
// the catalogue cannot point at a test that was renamed or removed.
func TestCatalogueNamesRealTests(t *testing.T) {
	doc, err := os.ReadFile("../docs/constructions.md")
	if err != nil {
		t.Fatal(err)
	}
	files, err := filepath.Glob("*_test.go")
	if err != nil {
		t.Fatal(err)
	}
	funcs, subtests := map[string]bool{}, map[string]bool{}
	funcRE := regexp.MustCompile(`(?m)^func (Test\w+)\(`)
	litRE := regexp.MustCompile(`"(?:[^"\\\n]|\\.)*"`)
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range funcRE.FindAllStringSubmatch(string(src), -1) {
			funcs[m[1]] = true
		}
		for _, lit := range litRE.FindAllString(string(src), -1) {
			if s, err := strconv.Unquote(lit); err == nil {
				subtests[strings.ReplaceAll(s, " ", "_")] = true
			}
		}
	}
	refs := regexp.MustCompile("`(Test\\w+)(?:/([^`]+))?`").FindAllStringSubmatch(string(doc), -1)
	if len(refs) < 100 {
		t.Fatalf("only %d test references in the catalogue", len(refs))
	}
	for _, r := range refs {
		if !funcs[r[1]] {
			t.Errorf("the catalogue names %s, which is no test of package loader", r[1])
		} else if r[2] != "" && !subtests[r[2]] {
			t.Errorf("the catalogue names %s/%s, which is no subtest", r[1], r[2])
		}
	}
}
