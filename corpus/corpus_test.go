package corpus

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/geokg/geokg/loader"
)

// write makes files under dir: name → content.
func write(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// got lists items as "origin text" or "origin ERROR message".
func got(s Source) []string {
	var out []string
	for it := range s.Items() {
		if it.Err != nil {
			out = append(out, it.Origin+" ERROR "+it.Err.Error())
		} else {
			out = append(out, it.Origin+" "+strings.TrimSpace(it.In.Text)+" title="+it.In.Title+" published="+it.In.Published+" file="+it.In.File)
		}
	}
	return out
}

func TestDirectoryTree(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{
		"a.txt":              "A",
		"b.md":               "B",
		"sub/c.html":         "<p>C</p>",
		"sub/deeper/d.jsonl": `{"text":"D1","title":"T1"}` + "\n\n" + `{"text":"D2","published":"2023-09-11T08:00:00Z"}` + "\n",
		"sub/e.pdf":          "skipped: not an article type",
		"README.md":          "skipped: documentation",
		".hidden/f.txt":      "skipped: hidden",
	})
	if err := os.Symlink(filepath.Join(dir, "missing.txt"), filepath.Join(dir, "sub", "broken.txt")); err != nil {
		t.Fatal(err)
	}
	s := Source{Args: []string{dir}}
	items := got(s)
	want := []string{
		filepath.Join(dir, "a.txt") + " A title= published= file=a.txt",
		filepath.Join(dir, "b.md") + " B title= published= file=b.md",
		filepath.Join(dir, "sub/broken.txt") + " ERROR INVALID: cannot read: no such file or directory",
		filepath.Join(dir, "sub/c.html") + " <p>C</p> title= published= file=c.html",
		filepath.Join(dir, "sub/deeper/d.jsonl") + ":1 D1 title=T1 published= file=",
		filepath.Join(dir, "sub/deeper/d.jsonl") + ":3 D2 title= published=2023-09-11 file=",
	}
	if strings.Join(items, "\n") != strings.Join(want, "\n") {
		t.Errorf("items:\n%s\nwant:\n%s", strings.Join(items, "\n"), strings.Join(want, "\n"))
	}
	if n, known := s.Count(); n != len(want) || !known {
		t.Errorf("Count = %d, %v; want %d, true", n, known, len(want))
	}
}

func TestJSONLinesBrokenLines(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "c.jsonl")
	lines := []string{
		`{"text": "good one", "source": "example.org"}`,
		`{"text": "broken`,
		`{"title": "no text"}`,
		`{"text": 42}`,
		"{\"text\": \"latin-1 \xe9\"}",
		`["not", "an", "object"]`,
		`{"text": "two"} {"text": "values"}`,
		`{"text": "bad", "title": }`,
		`{"text": "good two", "published": "2024-01-02", "extra": {"ignored": true}}`,
	}
	if err := os.WriteFile(path, []byte(strings.Join(lines, "\r\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	items := got(Source{Args: []string{path}, Meta: loader.Meta{Source: "flag.example", Published: "2020-01-01"}})
	want := []string{
		path + ":1 good one title= published=2020-01-01 file=",
		path + `:2 ERROR INVALID: broken JSON: the line ends inside a value`,
		path + `:3 ERROR INVALID: no "text"`,
		path + `:4 ERROR INVALID: field "text" is a JSON number, want a string`,
		path + `:5 ERROR INVALID: line is not UTF-8 text`,
		path + `:6 ERROR INVALID: the line is a JSON array, want an object`,
		path + `:7 ERROR INVALID: more than one JSON value on the line`,
		path + `:8 ERROR INVALID: broken JSON at byte 26: invalid character '}' looking for beginning of value`,
		path + ":9 good two title= published=2024-01-02 file=",
	}
	if strings.Join(items, "\n") != strings.Join(want, "\n") {
		t.Errorf("items:\n%s\nwant:\n%s", strings.Join(items, "\n"), strings.Join(want, "\n"))
	}
}

func TestStdin(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		want     []string
	}{
		{"json lines", "\n  {\"text\":\"one\"}\n{\"text\":\"two\"}", []string{"-:1 one title= published= file=", "-:2 two title= published= file="}},
		{"one article", "Putin met Xi in Moscow.\n", []string{"- Putin met Xi in Moscow. title= published= file="}},
		{"empty", "", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			items := got(Source{Args: []string{Stdin}, Stdin: strings.NewReader(tc.in)})
			if strings.Join(items, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("items:\n%s\nwant:\n%s", strings.Join(items, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
	if _, known := (Source{Args: []string{Stdin}}).Count(); known {
		t.Error("standard input counted ahead")
	}
}

func TestMissingPathAndMixedArgs(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{"x.txt": "X", "y.unknown": "Y"})
	items := got(Source{Args: []string{filepath.Join(dir, "nope.txt"), filepath.Join(dir, "y.unknown"), dir}})
	want := []string{
		filepath.Join(dir, "nope.txt") + " ERROR INVALID: cannot read: no such file or directory",
		filepath.Join(dir, "y.unknown") + " Y title= published= file=y.unknown", // named files load whatever their name
		filepath.Join(dir, "x.txt") + " X title= published= file=x.txt",
	}
	if strings.Join(items, "\n") != strings.Join(want, "\n") {
		t.Errorf("items:\n%s\nwant:\n%s", strings.Join(items, "\n"), strings.Join(want, "\n"))
	}
}

func TestLongLine(t *testing.T) {
	path := filepath.Join(t.TempDir(), "long.jsonl")
	long := `{"text":"` + strings.Repeat("a", maxLine) + `"}`
	if err := os.WriteFile(path, []byte(long+"\n"+`{"text":"after"}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	items := got(Source{Args: []string{path}})
	if len(items) != 2 || !strings.Contains(items[0], ":1 ERROR INVALID: line is longer than") || items[1] != path+":2 after title= published= file=" {
		t.Errorf("items = %.200q", items)
	}
}

func FuzzParseRecord(f *testing.F) {
	f.Add([]byte(`{"text":"a","published":"2023-09-11T08:00:00Z"}`))
	f.Add([]byte(`{"text":"a"} x`))
	f.Fuzz(func(t *testing.T, line []byte) {
		rec, err := parseRecord(line)
		if err == nil && strings.TrimSpace(rec.Text) == "" {
			t.Fatal("record without text accepted")
		}
	})
}
