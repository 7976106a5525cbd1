package loader

import (
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/geokg/geokg/model"
)

const samplePath = "../testdata/kim-putin-2023-09-11.txt"

func extractor(tb testing.TB) *Extractor {
	tb.Helper()
	x, err := Default()
	if err != nil {
		tb.Fatal(err)
	}
	return x
}

// TestBadInput: bad input gets a clear error with code INVALID, never a panic.
func TestBadInput(t *testing.T) {
	x := extractor(t)
	for _, tc := range []struct {
		name string
		in   []byte
		want string
	}{
		{"empty", nil, "empty"},
		{"whitespace", []byte(" \n\t \n"), "empty"},
		{"latin-1", []byte("Caf\xe9 in Moscow"), "not UTF-8"},
		{"binary", []byte("PK\x03\x04\x00\x00binary"), "binary"},
		{"too large", []byte(strings.Repeat("a", MaxArticleBytes+1)), "limit"},
		{"html without text", []byte("<html><body><script>x()</script></body></html>"), "empty"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := x.Extract(tc.in, Meta{})
			if model.ErrorCode(err) != model.EINVALID || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want INVALID mentioning %q", err, tc.want)
			}
		})
	}
	if _, err := x.Extract([]byte("Putin met Xi."), Meta{Published: "11/09/2023"}); model.ErrorCode(err) != model.EINVALID {
		t.Errorf("bad published date: err = %v, want INVALID", err)
	}
}

// TestLargeInput: extraction stays linear in the text, also for a text
// without sentence punctuation, and 20 MB is refused with a clear error.
func TestLargeInput(t *testing.T) {
	x := extractor(t)
	sample, err := os.ReadFile(samplePath)
	if err != nil {
		t.Fatal(err)
	}
	for name, text := range map[string]string{
		"many articles' worth": strings.Repeat(string(sample)+"\n", 200),
		"no punctuation":       strings.Repeat("Kim Jong Un met Putin and said Russia could supply munitions to Iran ", 10000),
	} {
		doc, err := x.Extract([]byte(text), Meta{})
		if err != nil || len(doc.Entities) == 0 {
			t.Errorf("%s: err = %v, %d entities", name, err, len(doc.Entities))
		}
	}
	_, err = x.Extract([]byte(strings.Repeat("word ", 4<<20)), Meta{})
	if model.ErrorCode(err) != model.EINVALID {
		t.Errorf("20 MB: err = %v, want INVALID", err)
	}
}

// TestHTML: an HTML page is reduced to its text, and spans point into it.
func TestHTML(t *testing.T) {
	page := `<html><head><title>x</title><style>p{}</style></head><body><article>
<p>MOSCOW (Reuters) - Russian President Vladimir Putin met Chinese President Xi Jinping in Beijing on Thursday.</p>
<p>&ldquo;Our relations are at their best,&rdquo; Putin said.</p></article></body></html>`
	doc, err := extractor(t).Extract([]byte(page), Meta{Published: "2024-05-16"})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(doc.Article.Text, "<p>") {
		t.Errorf("text still has tags: %q", doc.Article.Text)
	}
	checkSpans(t, doc)
	if len(doc.Statements) != 1 || doc.Statements[0].Speaker != "person:vladimir-putin" {
		t.Errorf("statements = %+v, want one by Putin", doc.Statements)
	}
}

// checkSpans asserts that every span points at its own text, in code points.
func checkSpans(t *testing.T, doc *model.Document) {
	t.Helper()
	runes := []rune(doc.Article.Text)
	check := func(sp model.Span) {
		if sp.Start < 0 || sp.End > len(runes) || sp.Start >= sp.End || string(runes[sp.Start:sp.End]) != sp.Text {
			t.Errorf("span [%d,%d) %q does not point at its text", sp.Start, sp.End, sp.Text)
		}
	}
	for _, e := range doc.Entities {
		for _, m := range e.Mentions {
			check(m)
		}
	}
	for _, ev := range doc.Events {
		for _, sp := range ev.Evidence {
			check(sp)
		}
	}
	for _, s := range doc.Statements {
		check(s.Evidence)
	}
}

// FuzzExtract: any input either extracts to a consistent document or is
// refused with INVALID; nothing panics, every span points at its text and
// every reference names an entity of the document.
func FuzzExtract(f *testing.F) {
	sample, err := os.ReadFile(samplePath)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(sample)
	f.Add([]byte("“Unclosed quote, he said.\n\"Straight\" quotes, “nested ‘single’ ones”, said Kim."))
	f.Add([]byte("U.S. President Joe Biden met Xi Jinping.Then he left. Mr. X said: \"Yes.\""))
	f.Add([]byte("SEOUL, March 3 (Reuters) - North Korea fired a ballistic missile on Sunday, the JCS said."))
	f.Add([]byte("<p>Iran denied supplying drones to Russia.</p><p>Kyiv said Iranian-made Shahed drones hit the city.</p>"))
	x := extractor(f)
	f.Fuzz(func(t *testing.T, in []byte) {
		doc, err := x.Extract(in, Meta{Published: "2023-09-11"})
		if err != nil {
			if model.ErrorCode(err) != model.EINVALID {
				t.Fatalf("error without INVALID code: %v", err)
			}
			return
		}
		if !utf8.ValidString(doc.Article.Text) {
			t.Fatal("text is not UTF-8")
		}
		checkSpans(t, doc)
		ids := map[string]bool{}
		for _, e := range doc.Entities {
			ids[e.ID] = true
		}
		for _, ev := range doc.Events {
			for _, id := range append(append([]string{ev.Supplier, ev.Recipient, ev.Place}, ev.Participants...), ev.AssertedBy...) {
				if id != "" && !ids[id] {
					t.Fatalf("event %s refers to missing entity %s", ev.ID, id)
				}
			}
		}
		for _, s := range doc.Statements {
			if !ids[s.Speaker] {
				t.Fatalf("statement %s has missing speaker %s", s.ID, s.Speaker)
			}
		}
	})
}

// BenchmarkExtract measures extraction throughput on the sample article;
// scripts/bench reports articles/s and MB/s per core.
func BenchmarkExtract(b *testing.B) {
	sample, err := os.ReadFile(samplePath)
	if err != nil {
		b.Fatal(err)
	}
	x := extractor(b)
	b.SetBytes(int64(len(sample)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := x.Extract(sample, Meta{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}
