package loader

import (
	"os"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestDatelines: the dateline styles of the wire services. The examples
// are made up; each names where the reporter is and where the body starts.
func TestDatelines(t *testing.T) {
	x := extractor(t)
	known := func(s string) bool {
		switch s {
		case "Seoul", "Beijing", "Lisbon", "ANKARA", "Nairobi", "Quito", "BRUSSELS":
			return true
		}
		return false
	}
	for _, tc := range []struct {
		line, city, date, body string // body "" means no dateline
	}{
		{"LISBON, May 3. /TASS/. Portugal's president said on Friday …", "LISBON", "May 3", "Portugal's"},
		{"NAIROBI (Reuters) - Kenya's parliament voted on Tuesday …", "NAIROBI", "", "Kenya's"},
		{"QUITO, Ecuador (AP) — Ecuador's president declared …", "QUITO", "", "Ecuador's"},
		{"Sept 10 (Reuters) - Oil prices rose on Monday …", "", "Sept 10", "Oil"},
		{"HANOI, Sept. 10 (Xinhua) -- Vietnam and Laos signed …", "HANOI", "Sept. 10", "Vietnam"},
		{"ANKARA: Turkey's foreign minister said …", "ANKARA", "", "Turkey's"},
		{"SEOUL/TOKYO, Dec 18 (Reuters) - North Korea fired …", "SEOUL/TOKYO", "Dec 18", "North"},
		{"Seoul, Oct 26 (IANS) South Korea's president met …", "Seoul", "Oct 26", "South"},
		{"Beijing CNN — Chinese leader Xi Jinping hosted …", "Beijing", "", "Chinese"},
		{"Beijing, China | China on Tuesday confirmed …", "Beijing", "", "China"},
		{"Lisbon: The Portuguese government said …", "Lisbon", "", "The"},
		{"Nairobi, March 4: Kenya and Uganda agreed …", "Nairobi", "March 4", "Kenya"},
		{"Quito (AFP) - Ecuador said …", "Quito", "", "Ecuador"},
		{"PORTO ALEGRE, Brazil, Nov 16 (Reuters) - Brazil's …", "PORTO ALEGRE", "Nov 16", "Brazil's"},
		{"RIGA (Reuters/dpa - 2nd March, 2024) Latvia's …", "RIGA", "2nd March, 2024", "Latvia's"},
		{"Quito, Ecuador (CNN)“We will not negotiate,” the minister said.", "Quito", "", "“We"},
		{"ANKARA", "ANKARA", "", ""},
		{"Quito", "Quito", "", ""},
		{"ISLAMABAD • Pakistan and China agreed …", "ISLAMABAD", "", "Pakistan"},
		{"Lisbon, LUSA – Portugal's president …", "Lisbon", "", "Portugal's"},
		{"BAKU, Azerbaijan, Nov. 25 / Trend: Azerbaijan and …", "BAKU", "Nov. 25", "Azerbaijan"},
		{"Nairobi, April 9 Kenya on Friday signed …", "Nairobi", "April 9", "Kenya"},
		{"BRUSSELS Oct 4 The EU adopted …", "BRUSSELS", "Oct 4", "The"},
		{"WASHINGTON, Nov 8 ― The United States …", "WASHINGTON", "Nov 8", "The"},
		{"(Reuters) - Kenya said …", "", "", "Kenya"},
		// Not datelines.
		{"U.S. President Joe Biden met …", "", "", ""},
		{"NATO allies agreed on Tuesday …", "", "", ""},
		{"North Korea fired a missile on Monday.", "", "", ""},
		{"Israel, Hamas agree to Gaza ceasefire", "", "", ""},
		{"Springfield: a town in decline", "", "", ""},
		{"TURKISH MINISTER, US ENVOY HOLD MEETING", "", "", ""},
	} {
		dl, ok := x.wire.parseDateline(tc.line, known)
		switch {
		case tc.city == "" && tc.date == "" && tc.body == "" && ok:
			t.Errorf("%q: dateline %+v, want none", tc.line, dl)
		case tc.city == "" && tc.date == "" && tc.body == "":
		case !ok:
			t.Errorf("%q: no dateline, want %q", tc.line, tc.city)
		case dl.city != tc.city || dl.date != tc.date || !strings.HasPrefix(tc.line[dl.end:], tc.body):
			t.Errorf("%q: city %q date %q body %q, want %q %q %q", tc.line, dl.city, dl.date, tc.line[dl.end:], tc.city, tc.date, tc.body)
		}
	}
}

// TestLineKinds: what a line of a news page is, by its own words.
func TestLineKinds(t *testing.T) {
	x := extractor(t)
	for _, tc := range []struct {
		line string
		kind lineKind
	}{
		{"By Jane Doe and Omar Haddad", lineByline},
		{"By Tuesday, the troops had left.", lineBody},
		{"Updated 14:32 GMT, May 16, 2024", lineByline},
		{"Published: 12 March 2024 09:15", lineByline},
		{"12/06/2024 10:25 AM", lineByline},
		{"August 6, 2022", lineByline},
		{"Photo: The two ministers shake hands in Lisbon.", lineCaption},
		{"The two ministers shake hands in Lisbon on May 3, 2024. REUTERS/Ana Silva", lineCaption},
		{"The president speaks in Quito. (AP Photo/Luis Vega)", lineCaption},
		{"Delegates arrive for the talks. [Photo/Xinhua]", lineCaption},
		{"A soldier stands guard in this undated photo released by the army.", lineCaption},
		{"The president speaks in Quito. (Photo by Luis Vega/AFP)", lineCaption},
		{"Ministers meet in Riyadh. Omar Saleh/SPA", lineCaption},
		{"The envoys after the talks. — AFP", lineCaption},
		{"Related: Kenya, Uganda sign border accord", lineLink},
		{"READ MORE:", lineLink},
		{"Read more", lineLink},
		{"Reporting by Ana Silva; Editing by Tom Lee", lineCredit},
		{"(Reporting by Ana Silva in Lisbon)", lineCredit},
		{"Additional reporting by Omar Haddad in Cairo", lineCredit},
		{"--IANS", lineCredit},
		{"– KUNA", lineCredit},
		{"Xinhua", lineCredit},
		{"ab/cd (AFP, Reuters)", lineCredit},
		{"Source: Ministry of Foreign Affairs", lineCredit},
		{"Copyright 2024 The Daily Bugle. All rights reserved.", lineCredit},
		{"Jane Doe in Nairobi contributed to this report.", lineCredit},
		{"(Visited 41 times, 1 visits today)", lineCredit},
		{"KENYA-NAIROBI-UGANDA-PRESIDENT-TALKS (CN)", lineCredit},
		{"Follow-up talks are planned for June, the ministry said.", lineBody},
		{"Latest talks ended without a deal, officials said.", lineBody},
		{"Kenya's president said on Tuesday the deal was signed.", lineBody},
	} {
		if got, _ := x.wire.lineKindOf(tc.line); got != tc.kind {
			t.Errorf("%q: kind %d, want %d", tc.line, got, tc.kind)
		}
	}
}

// TestWireStructure: only the story's own lines add actors and
// statements; the dateline's country is where the reporter is.
func TestWireStructure(t *testing.T) {
	doc := extract(t, strings.Join([]string{
		"Kenya and Uganda sign border accord",
		"By Jane Doe",
		"Updated 14:32 GMT, May 16, 2024",
		"NAIROBI, Kenya (Reuters) - Kenya and Uganda signed a border accord on Thursday, Kenya's foreign ministry said.",
		"Photo: Delegates in Nairobi. (Reuters/Tom Okello)",
		"Kenyan diplomat Amina Odhiambo greets the Ugandan team in Nairobi, May 16, 2024. REUTERS/Lena Holm",
		"“This accord ends a long dispute,” President William Ruto said.",
		"Related: Ethiopia and Eritrea restore ties",
		"Read more:",
		"Sudan says talks with Chad will resume",
		"Somalia, Djibouti trade accusations",
		"Reporting by Jane Doe; Editing by Omar Haddad",
	}, "\n"))
	got := map[string]bool{}
	for _, e := range doc.Entities {
		got[e.ID] = true
	}
	for _, id := range []string{"country:KEN", "country:UGA", "person:william-ruto", "person:amina-odhiambo"} {
		if !got[id] {
			t.Errorf("missing %s", id)
		}
	}
	for _, id := range []string{"country:ETH", "country:ERI", "country:SDN", "country:TCD", "country:SOM", "country:DJI",
		"person:jane-doe", "person:tom-okello", "person:omar-haddad", "person:lena-holm", "org:reuters"} {
		if got[id] {
			t.Errorf("%s comes from a byline, caption, link or credit", id)
		}
	}
	if doc.Article.Dateline != "NAIROBI" || doc.Article.Title != "Kenya and Uganda sign border accord" {
		t.Errorf("dateline %q, title %q", doc.Article.Dateline, doc.Article.Title)
	}
	if len(doc.Statements) == 0 || doc.Statements[len(doc.Statements)-1].Speaker != "person:william-ruto" {
		t.Errorf("statements = %+v", doc.Statements)
	}
}

// FuzzDateline: any line either has no dateline or one whose body starts
// inside the line, on a character boundary.
func FuzzDateline(f *testing.F) {
	for _, s := range []string{"LISBON, May 3. /TASS/. Text", "Sept 10 (Reuters) - Oil", "Beijing CNN — Xi",
		"Quito, Ecuador (CNN)“We", "ANKARA", "RIGA (Reuters/dpa - 2nd March, 2024) L", "((((", "A, B, C: d"} {
		f.Add(s)
	}
	x := extractor(f)
	f.Fuzz(func(t *testing.T, line string) {
		dl, ok := x.wire.parseDateline(line, func(string) bool { return true })
		if !ok {
			return
		}
		if dl.end < 0 || dl.end > len(line) || !utf8.ValidString(line[dl.end:]) && utf8.ValidString(line) {
			t.Fatalf("%q: body starts at %d", line, dl.end)
		}
		x.wire.lineKindOf(line)
	})
}

// TestGluedSentences: a full stop glued to the next sentence still ends it
// (WIRE-TEXT-2): the name after it is a person and speaks.
func TestGluedSentences(t *testing.T) {
	doc := extract(t, "The two ministers signed the accord on Friday.Foreign Minister Elif Sahin said: “It will enter into force in May.”")
	if entityNamed(doc, "Elif Sahin") == nil {
		t.Fatalf("no Elif Sahin in %v", names(doc))
	}
	if len(doc.Statements) == 0 || doc.Statements[len(doc.Statements)-1].Speaker != "person:elif-sahin" {
		t.Errorf("statements = %+v", doc.Statements)
	}
}

// TestSentenceTokens: a line that is whole sentences takes their tokens,
// and they are the tokens tokenizing the line gives:
// sentence ends, initials, possessives and glued or cut sentences alike.
func TestSentenceTokens(t *testing.T) {
	x := extractor(t)
	texts := []string{
		"Putin met Kim. The U.S. said so.\nThe leaders' talks ended. Kim's train left.  Next\n\nNo punctuation here",
		"The talks ended.Kim left. “We agreed,” he said. (Reuters) -- D.C. and N. Korea's envoy; the players'\n'Tis over.",
		strings.Repeat("word ", 700) + "end.\n" + strings.Repeat("x", 3100) + " tail.",
	}
	sample, err := os.ReadFile(samplePath)
	if err != nil {
		t.Fatal(err)
	}
	texts = append(texts, string(sample))
	whole := 0
	for _, text := range texts {
		d := newDoc(x, text, Meta{})
		d.run()
		for p := range d.paraStarts {
			line := d.paraText(p)
			start, end := trimSpan(d.text, d.paraStarts[p], d.paraStarts[p]+len(line))
			got, ok := d.sentenceTokens(start, end)
			if !ok {
				continue
			}
			whole++
			want := tokenize(d.text, start, end)
			if len(got) != len(want) {
				t.Fatalf("%q: %d tokens, want %d", d.text[start:end], len(got), len(want))
			}
			for i := range want {
				if got[i] != want[i] {
					t.Errorf("%q: token %d is %+v, want %+v", d.text[start:end], i, got[i], want[i])
				}
			}
		}
	}
	if whole < 10 {
		t.Errorf("only %d lines took their sentences' tokens", whole)
	}
}

// TestContainsLower: containsLower answers as strings.ToLower then
// strings.Contains do.
func TestContainsLower(t *testing.T) {
	for _, s := range []string{"PHOTO: Reuters", "A Photograph", "“In this file photo”", "PİCTURE", "İmage", "imag", "PhOtO\xff", "phot\u00f6", "ṗhoto", "IMAGE—AFP", "Kim's photo \u212a", "\u212aIMAGE", ""} {
		for _, w := range []string{"photo", "picture", "image"} {
			if got, want := containsLower(s, w), strings.Contains(strings.ToLower(s), w); got != want {
				t.Errorf("containsLower(%q, %q) = %v, want %v", s, w, got, want)
			}
		}
	}
}
