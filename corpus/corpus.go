// Package corpus reads the articles a load is given: article files,
// directories of them (recursively) and JSON Lines files of articles with
// their metadata, from disk or standard input. It only reads; package
// loader extracts and stores.
package corpus

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/geokg/geokg/loader"
	"github.com/geokg/geokg/model"
)

// Record is one line of a JSON Lines corpus: an article and its metadata.
// Only text is required; other fields are ignored.
type Record struct {
	Text      string `json:"text"`
	Title     string `json:"title,omitempty"`
	URL       string `json:"url,omitempty"`
	Source    string `json:"source,omitempty"`
	Published string `json:"published,omitempty"` // YYYY-MM-DD, or an RFC 3339 time whose date is taken
}

// Stdin is the argument that names standard input.
const Stdin = "-"

// articleExts are the files a directory contributes; other files in it are
// skipped (a named file is read whatever its name).
var articleExts = []string{".txt", ".md", ".html", ".htm"}

// notArticles are the stems of the documentation files a corpus directory
// may hold beside its articles (README.md), skipped there.
var notArticles = []string{"readme", "license", "licence", "changelog", "contributing", "notice", "sources"}

// jsonlExts name JSON Lines files.
var jsonlExts = []string{".jsonl", ".ndjson"}

// Source reads the articles named by command-line arguments: files,
// directories and "-" for standard input. Meta gives defaults for what an
// article's own metadata does not say.
type Source struct {
	Args  []string
	Stdin io.Reader
	Meta  loader.Meta
}

// maxLine bounds a JSON Lines record: an article at the loader's limit,
// with room for JSON escapes.
const maxLine = 2*loader.MaxArticleBytes + 64<<10

// Items yields every article in argument order; directories in lexical
// order. An item that cannot be read carries its error, and the rest
// follow.
func (s Source) Items() iter.Seq[loader.Item] {
	return func(yield func(loader.Item) bool) {
		for _, arg := range s.Args {
			if !s.arg(arg, yield) {
				return
			}
		}
	}
}

func (s Source) arg(arg string, yield func(loader.Item) bool) bool {
	if arg == Stdin {
		return s.stdin(yield)
	}
	info, err := os.Stat(arg)
	switch {
	case err != nil:
		return yield(loader.Item{Origin: arg, Err: readErr(err)})
	case info.IsDir():
		for _, f := range walk(arg) {
			if f.err != nil {
				if !yield(loader.Item{Origin: f.path, Err: readErr(f.err)}) {
					return false
				}
				continue
			}
			if !s.file(f.path, filepath.Base(f.path), yield) {
				return false
			}
		}
		return true
	default:
		return s.file(arg, filepath.Base(arg), yield)
	}
}

// file yields a JSON Lines file's records, or one article file.
func (s Source) file(path, name string, yield func(loader.Item) bool) bool {
	f, err := os.Open(path)
	if err != nil {
		return yield(loader.Item{Origin: path, Err: readErr(err)})
	}
	defer f.Close()
	if isJSONL(path) {
		return s.lines(f, path, yield)
	}
	raw, err := io.ReadAll(io.LimitReader(f, loader.MaxArticleBytes+1))
	if err != nil {
		return yield(loader.Item{Origin: path, Err: readErr(err)})
	}
	return yield(s.item(path, Record{Text: string(raw)}, name))
}

// stdin reads JSON Lines, or one article when the input does not start
// with '{'.
func (s Source) stdin(yield func(loader.Item) bool) bool {
	if s.Stdin == nil {
		return true
	}
	r := bufio.NewReaderSize(s.Stdin, 64<<10)
	for {
		b, err := r.Peek(1)
		if err != nil {
			if err == io.EOF {
				return true
			}
			return yield(loader.Item{Origin: Stdin, Err: readErr(err)})
		}
		if b[0] == ' ' || b[0] == '\t' || b[0] == '\n' || b[0] == '\r' {
			_, _ = r.ReadByte()
			continue
		}
		if b[0] == '{' {
			return s.lines(r, Stdin, yield)
		}
		break
	}
	raw, err := io.ReadAll(io.LimitReader(r, loader.MaxArticleBytes+1))
	if err != nil {
		return yield(loader.Item{Origin: Stdin, Err: readErr(err)})
	}
	return yield(s.item(Stdin, Record{Text: string(raw)}, ""))
}

// lines yields the records of a JSON Lines stream; a broken line is an
// item with its error and line number, and the next lines still load.
func (s Source) lines(r io.Reader, name string, yield func(loader.Item) bool) bool {
	br := bufio.NewReaderSize(r, 256<<10)
	for n := 1; ; n++ {
		line, tooLong, err := readLine(br)
		if err != nil && err != io.EOF {
			return yield(loader.Item{Origin: fmt.Sprintf("%s:%d", name, n), Err: readErr(err)})
		}
		origin := fmt.Sprintf("%s:%d", name, n)
		if tooLong {
			if !yield(loader.Item{Origin: origin, Err: model.Errorf(model.EINVALID, "line is longer than %d MB", maxLine>>20)}) {
				return false
			}
		} else if len(bytes.TrimSpace(line)) > 0 {
			rec, perr := parseRecord(line)
			it := loader.Item{Origin: origin, Err: perr}
			if perr == nil {
				it = s.item(origin, rec, "")
			}
			if !yield(it) {
				return false
			}
		}
		if err == io.EOF {
			return true
		}
	}
}

// readLine reads one line without its end; a line over maxLine is skipped
// to its end and reported as too long.
func readLine(r *bufio.Reader) (line []byte, tooLong bool, err error) {
	for {
		chunk, err := r.ReadSlice('\n')
		if !tooLong {
			if len(line)+len(chunk) > maxLine {
				tooLong, line = true, nil
			} else {
				line = append(line, chunk...)
			}
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		return bytes.TrimRight(line, "\r\n"), tooLong, err
	}
}

// parseRecord decodes one JSON Lines record.
func parseRecord(line []byte) (Record, error) {
	// encoding/json would quietly replace bad bytes with U+FFFD.
	if !utf8.Valid(line) {
		return Record{}, model.Errorf(model.EINVALID, "line is not UTF-8 text")
	}
	var rec Record
	dec := json.NewDecoder(bytes.NewReader(line))
	if err := dec.Decode(&rec); err != nil {
		var syn *json.SyntaxError
		var typ *json.UnmarshalTypeError
		switch {
		case errors.As(err, &syn):
			return Record{}, model.Errorf(model.EINVALID, "broken JSON at byte %d: %v", syn.Offset, err)
		case errors.Is(err, io.ErrUnexpectedEOF):
			return Record{}, model.Errorf(model.EINVALID, "broken JSON: the line ends inside a value")
		case errors.As(err, &typ) && typ.Field == "":
			return Record{}, model.Errorf(model.EINVALID, "the line is a JSON %s, want an object", typ.Value)
		case errors.As(err, &typ):
			return Record{}, model.Errorf(model.EINVALID, "field %q is a JSON %s, want a string", typ.Field, typ.Value)
		default:
			return Record{}, model.Errorf(model.EINVALID, "broken JSON: %v", err)
		}
	}
	if dec.More() {
		return Record{}, model.Errorf(model.EINVALID, "more than one JSON value on the line")
	}
	if strings.TrimSpace(rec.Text) == "" {
		return Record{}, model.Errorf(model.EINVALID, `no "text"`)
	}
	// "2023-09-11T08:00:00Z" is dated 2023-09-11, as written.
	if p := rec.Published; len(p) > 10 && p[10] == 'T' {
		if _, err := time.Parse(time.RFC3339, p); err == nil {
			rec.Published = p[:10]
		}
	}
	return rec, nil
}

// item makes a load item of a record; flag metadata fills what the record
// leaves empty.
func (s Source) item(origin string, rec Record, file string) loader.Item {
	or := func(a, b string) string {
		if a != "" {
			return a
		}
		return b
	}
	return loader.Item{Origin: origin, In: model.ArticleInput{
		Text: rec.Text, Title: or(rec.Title, s.Meta.Title), URL: or(rec.URL, s.Meta.URL),
		Source: or(rec.Source, s.Meta.Source), Published: or(rec.Published, s.Meta.Published),
		File: or(file, s.Meta.File),
	}}
}

// Count says how many articles the arguments hold, for progress: files,
// plus a JSON Lines file's non-blank lines. Standard input cannot be
// counted ahead; known is false then.
func (s Source) Count() (n int, known bool) {
	known = true
	for _, arg := range s.Args {
		if arg == Stdin {
			known = false
			continue
		}
		info, err := os.Stat(arg)
		switch {
		case err != nil:
			n++
		case info.IsDir():
			for _, f := range walk(arg) {
				n += countFile(f.path)
			}
		default:
			n += countFile(arg)
		}
	}
	return n, known
}

func countFile(path string) int {
	if !isJSONL(path) {
		return 1
	}
	f, err := os.Open(path)
	if err != nil {
		return 1
	}
	defer f.Close()
	n, blank := 0, true
	buf := make([]byte, 256<<10)
	for {
		k, err := f.Read(buf)
		for _, c := range buf[:k] {
			switch c {
			case '\n':
				if !blank {
					n++
				}
				blank = true
			case ' ', '\t', '\r':
			default:
				blank = false
			}
		}
		if err != nil {
			break
		}
	}
	if !blank {
		n++
	}
	return n
}

type walked struct {
	path string
	err  error
}

// walk lists a directory's article and JSON Lines files, recursively, in
// lexical order, skipping hidden files and directories and documentation
// (README.md).
func walk(root string) []walked {
	var out []walked
	_ = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			out = append(out, walked{path: path, err: err})
			return nil
		}
		if path != root && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() || !d.Type().IsRegular() && d.Type()&fs.ModeSymlink == 0 {
			return nil
		}
		ext := strings.ToLower(filepath.Ext(path))
		stem := strings.ToLower(strings.TrimSuffix(d.Name(), filepath.Ext(path)))
		if slices.Contains(notArticles, stem) {
			return nil
		}
		if slices.Contains(articleExts, ext) || slices.Contains(jsonlExts, ext) {
			out = append(out, walked{path: path})
		}
		return nil
	})
	return out
}

func isJSONL(path string) bool {
	return slices.Contains(jsonlExts, strings.ToLower(filepath.Ext(path)))
}

// readErr describes a file that cannot be read.
func readErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return model.Errorf(model.EINVALID, "cannot read: %v", pe.Err)
	}
	return model.Errorf(model.EINVALID, "cannot read: %v", err)
}
