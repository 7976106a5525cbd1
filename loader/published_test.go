package loader

import (
	"testing"
	"time"
	"unicode/utf8"
)

func TestPublishedDate(t *testing.T) {
	for _, tc := range []struct {
		name, text, url string
		want, from      string
	}{
		{"wire dateline with year", "Headline here\nMOSCOW, September 11, 2023 – Kim arrived.", "", "2023-09-11", FromText},
		{"agency dateline takes the URL's year", "SEOUL, Sept 10 (Reuters) - North Korea fired a missile.", "https://example.com/world/2023/story", "2023-09-10", FromText},
		{"mixed-case agency dateline and a number-only date line", "China sanctions firms\n\n12/06/2024 10:25 AM\n\nTaipei, Dec. 6 (CNA) China on Thursday imposed sanctions.", "", "2024-12-06", FromText},
		{"number-only date read day first when the dateline says so", "Title\n06/12/2024\nTaipei, Dec. 6 (CNA) China imposed sanctions.", "", "2024-12-06", FromText},
		{"number-only date alone is ambiguous", "Title\n06/12/2024\nChina imposed sanctions on Thursday on several firms over arms sales to Taiwan, the ministry said in a statement.", "", "", ""},
		{"number-only date whose order is clear", "Title\n25/12/2024\nText.", "", "2024-12-25", FromText},
		{"byline date line", "Israel, Hamas agree to ceasefire\n\nBy Noa Levinson\n15 January 2025, 10:58 pm\n\nIsrael and Hamas agreed.", "", "2025-01-15", FromText},
		{"Published label wins over Updated", "Title\nUpdated: Sept. 12, 2023\nPublished: Sept. 11, 2023\nBody.", "", "2023-09-11", FromText},
		{"Updated alone", "Title\nLast updated on 12 March 2024\nBody.", "", "2024-03-12", FromText},
		{"Posted with ISO timestamp", "Posted 2022-10-18T09:12:00Z\nKYIV, Ukraine (AP) — Drones hit Kyiv.", "", "2022-10-18", FromText},
		{"ISO date line", "2024-05-16\nXi met Putin.", "", "2024-05-16", FromText},
		{"a date in the body is an event's", "Leaders meet\nThe summit will take place on September 11, 2023, in Vladivostok, officials said in a statement released in the capital on Monday.", "", "", ""},
		{"URL date", "No date here.", "https://www.reuters.com/world/asia/2023/09/11/kim-putin/", "2023-09-11", FromURL},
		{"URL compact date", "No date here.", "https://news.example.org/20230911/kim-putin.html", "2023-09-11", FromURL},
		{"URL hyphen date", "No date here.", "https://example.org/news/2024-02-23-sanctions", "2024-02-23", FromURL},
		{"text before URL", "Published: 1 March 2024\nBody.", "https://example.org/2024/02/29/x", "2024-03-01", FromText},
		{"impossible date is no date", "Title\nPublished: February 30, 2024\nBody.", "", "", ""},
		{"yearless dateline without a year anywhere", "SEOUL, March 3 (Reuters) - A missile.", "", "", ""},
		{"HTML meta tag", `<html><head><meta property="article:published_time" content="2023-09-11T08:00:00Z"></head><body><p>Kim met Putin.</p><p>More.</p></body></html>`, "", "2023-09-11", FromText},
		{"HTML JSON-LD", `<html><script type="application/ld+json">{"datePublished": "2024-04-25T10:00:00+00:00"}</script><body><p>Aid.</p></body></html>`, "", "2024-04-25", FromText},
		{"HTML reduced to text", `<html><body><h1>Title</h1><p>Published: 2 May 2024</p><p>Body text.</p></body></html>`, "", "2024-05-02", FromText},
		{"nothing", "Plain text without any date at all.", "not a url", "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, from := publishedDate(tc.text, tc.url)
			if got != tc.want || from != tc.from {
				t.Errorf("publishedDate = %q from %q, want %q from %q", got, from, tc.want, tc.from)
			}
		})
	}
}

func TestWithPublishedKeepsMetadata(t *testing.T) {
	m, from := Meta{Published: "2020-01-02", URL: "https://x.org/2023/09/11/a"}.WithPublished([]byte("Published: 1 March 2024\n"))
	if m.Published != "2020-01-02" || from != FromMeta {
		t.Errorf("got %q from %q, want the metadata's date", m.Published, from)
	}
	m, from = Meta{}.WithPublished([]byte("MOSCOW, September 11, 2023 – Kim arrived."))
	if m.Published != "2023-09-11" || from != FromText {
		t.Errorf("got %q from %q", m.Published, from)
	}
}

// FuzzPublishedDate: any text and URL give a valid date or none, and the
// extractor accepts what is found.
func FuzzPublishedDate(f *testing.F) {
	f.Add("SEOUL, Sept 10 (Reuters) - North Korea fired.", "https://x.org/2023/09/11/")
	f.Add("Title\n12/06/2024 10:25 AM\nTaipei, Dec. 6 (CNA) China", "")
	f.Add("<meta property=\"article:published_time\" content=\"2023-09-11T08:00:00Z\"><p>a</p><p>b</p>", "")
	f.Add("Published: 31 April 2024\n", "/20230231/")
	f.Fuzz(func(t *testing.T, text, url string) {
		got, from := publishedDate(text, url)
		if (got == "") != (from == "") {
			t.Fatalf("date %q from %q", got, from)
		}
		if got == "" {
			return
		}
		if _, err := time.Parse("2006-01-02", got); err != nil || !validDate(got) {
			t.Fatalf("invalid date %q: %v", got, err)
		}
		if !utf8.ValidString(got) {
			t.Fatal("not UTF-8")
		}
	})
}
