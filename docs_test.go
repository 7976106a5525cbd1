package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/geokg/geokg/graph/graphtest"
	"github.com/geokg/geokg/model"
	"github.com/geokg/geokg/neo4j/neo4jtest"
	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"
)

var updateDocs = flag.Bool("update", false, "TestDocExamples: rewrite docs/examples/*.json and docs/api.md's examples from the live answers")

// Docs that cannot rot: every example query of docs/api.md is a file in
// docs/examples (NN-name.graphql) with its answer beside it (NN-name.json),
// and api.md's examples are generated from the two. TestDocExamples runs
// each query against main's own serve on a database holding exactly the
// sample article and testdata/articles, and fails when an answer or
// api.md differs from what is committed; `make docs` (scripts/docs update)
// rewrites them (TestDocsAPIGenerated checks api.md against the files
// without a database). It also runs every other example query of README.md
// and docs/*.md (GraphQL blocks and curl examples) and fails on errors and
// on root fields that answer nothing (TestDocQueries checks them against
// the schema without a database).
//
// Answers are deterministic: ids are hashes of content, lists are ordered
// with ties broken by id, ingest times are masked as "(ingest time)" and
// relevance scores rounded to 3 decimals.
//
// Header lines of an example file (before the query, each starting with
// #): the first is the title ("-" continues the previous example with no
// heading of its own), then markdown prose, and the directives
// `trim: N` (api.md shows lists cut to N items), `token: yes` (send the
// bearer token), `show: answer` (api.md shows the answer only) and
// `query: FILE` (send the query of another example again).

const (
	docsExamples = "docs/examples"
	docsAPI      = "docs/api.md"
	beginMarker  = "<!-- Examples: generated from docs/examples by `make docs`; edit those files, not this section. -->"
	endMarker    = "<!-- End of the generated examples. -->"
)

func TestDocExamples(t *testing.T) {
	uri := os.Getenv("GEOKG_DOCS_NEO4J")
	if uri == "" {
		t.Skip("scripts/docs (make docs; scripts/test) runs this test on a Neo4j of its own: GEOKG_DOCS_NEO4J")
	}
	t.Setenv("NEO4J_URI", uri)
	t.Setenv(neo4jtest.EnvURI, uri) // the docs' own database, not the tests'
	t.Setenv("GEOKG_TOKEN", graphtest.Token)
	store := neo4jtest.Open(t)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if p, err := store.Articles(ctx, model.ArticleQuery{Window: model.Window{First: 1, Count: true}}); err != nil || p.Total != 0 {
		t.Fatalf("the docs' answers need an empty database at %s: %v, %d articles", uri, err, p.Total)
	}
	graphtest.Load(t, store, "testdata")
	url := serveForTest(t) + "/graphql"

	examples, err := readExamples(docsExamples)
	if err != nil {
		t.Fatal(err)
	}
	for _, ex := range examples {
		got := ask(t, url, ex)
		path := strings.TrimSuffix(ex.path, ".graphql") + ".json"
		if *updateDocs {
			if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
				t.Fatal(err)
			}
			ex.answer = got
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Errorf("%s: no answer (run make docs): %v", ex.path, err)
			continue
		}
		if got != string(want) {
			t.Errorf("%s: the answer drifted from %s (run make docs and review the diff):\n%s", ex.path, path, diffLines(string(want), got))
		}
		ex.answer = string(want)
	}

	if *updateDocs {
		_, generated := readAPI(t, examples)
		if err := os.WriteFile(docsAPI, []byte(generated), 0o644); err != nil {
			t.Fatal(err)
		}
	}

	// Every other example query of the README and docs/ runs without
	// errors, and each of its root fields answers something: an example
	// that finds nothing shows nothing.
	for path, queries := range docQueries(t) {
		for _, q := range queries {
			resp := graphtest.Post(t, url, graphtest.Request{Query: q})
			if len(resp.Errors) > 0 || resp.Status != http.StatusOK {
				t.Errorf("%s: %d %v\n%s", path, resp.Status, resp.Errors, q)
			} else if empty := emptyFields(resp.Data); len(empty) > 0 {
				t.Errorf("%s: %s answered nothing: %s\n%s", path, strings.Join(empty, ", "), resp.Data, q)
			}
		}
	}
}

// TestDocQueries checks, without a database, that the README's and
// docs/'s example queries outside the generated section are found and are
// valid against schema.graphqls (TestDocExamples runs them).
func TestDocQueries(t *testing.T) {
	src, err := os.ReadFile("schema.graphqls")
	if err != nil {
		t.Fatal(err)
	}
	schema, gerr := gqlparser.LoadSchema(&ast.Source{Name: "schema.graphqls", Input: string(src)})
	if gerr != nil {
		t.Fatal(gerr)
	}
	all := docQueries(t)
	if len(all["README.md"]) < 2 {
		t.Fatalf("README.md: found %d example queries, want its GraphQL block and its curl example", len(all["README.md"]))
	}
	for path, queries := range all {
		for _, q := range queries {
			if _, errs := gqlparser.LoadQuery(schema, q); errs != nil {
				t.Errorf("%s: %v\n%s", path, errs, q)
			}
		}
	}
}

// docQueries returns, per file (README.md and docs/*.md), the example
// queries outside api.md's generated section: each operation of every
// GraphQL block, and the query of every curl example that posts one.
func docQueries(t *testing.T) map[string][]string {
	t.Helper()
	docs, _ := filepath.Glob("docs/*.md")
	out := map[string][]string{}
	for _, path := range append([]string{"README.md"}, docs...) {
		raw, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		text := string(raw)
		if i, j := strings.Index(text, beginMarker), strings.Index(text, endMarker); i >= 0 && j > i {
			text = text[:i] + text[j:]
		}
		for _, block := range graphqlBlocks.FindAllStringSubmatch(text, -1) {
			out[path] = append(out[path], splitOperations(block[1])...)
		}
		for _, post := range curlPosts.FindAllStringSubmatch(text, -1) {
			var body struct{ Query string }
			if err := json.Unmarshal([]byte(post[1]), &body); err != nil || body.Query == "" {
				t.Errorf("%s: a curl example posts no GraphQL query (%v): %s", path, err, post[1])
				continue
			}
			out[path] = append(out[path], body.Query)
		}
	}
	return out
}

// curlPosts finds the JSON body of each curl example that posts to /graphql.
var curlPosts = regexp.MustCompile(`(?s)curl [^\n]*/graphql[^\n]*-d '(\{.*?\})'`)

// emptyFields names the root fields of an answer that hold nothing.
func emptyFields(data json.RawMessage) []string {
	v, err := decodeOrdered(json.NewDecoder(bytes.NewReader(data)))
	root, _ := v.(object)
	if err != nil || len(root) == 0 {
		return []string{"data"}
	}
	var out []string
	for _, f := range root {
		if holdsNothing(f.val) {
			out = append(out, f.key)
		}
	}
	return out
}

// holdsNothing: null, an empty list or string, zero, or only such values.
func holdsNothing(v any) bool {
	switch x := v.(type) {
	case nil:
		return true
	case string:
		return x == ""
	case json.Number:
		f, err := x.Float64()
		return err == nil && f == 0
	case []any:
		for _, e := range x {
			if !holdsNothing(e) {
				return false
			}
		}
		return true
	case object:
		for _, f := range x {
			if !holdsNothing(f.val) {
				return false
			}
		}
		return true
	}
	return false
}

// TestDocsAPIGenerated checks, without a database, that api.md's
// examples are what docs/examples generate: an edit to either alone fails.
func TestDocsAPIGenerated(t *testing.T) {
	examples, err := readExamples(docsExamples)
	if err != nil {
		t.Fatal(err)
	}
	for _, ex := range examples {
		answer, err := os.ReadFile(strings.TrimSuffix(ex.path, ".graphql") + ".json")
		if err != nil {
			t.Fatalf("%s has no answer (run make docs): %v", ex.path, err)
		}
		ex.answer = string(answer)
	}
	if api, generated := readAPI(t, examples); generated != api {
		t.Errorf("%s: its examples differ from docs/examples (run make docs, or edit docs/examples rather than api.md):\n%s",
			docsAPI, diffLines(api, generated))
	}
}

// readAPI returns api.md as it is and as the examples generate it.
func readAPI(t *testing.T, examples []*example) (api, generated string) {
	t.Helper()
	raw, err := os.ReadFile(docsAPI)
	if err != nil {
		t.Fatal(err)
	}
	generated, err = renderAPI(string(raw), examples)
	if err != nil {
		t.Fatal(err)
	}
	return string(raw), generated
}

var graphqlBlocks = regexp.MustCompile("(?s)```graphql\n(.*?)```")

// splitOperations splits a block that holds several operations, each
// after its own # comment line, into the operations.
func splitOperations(block string) []string {
	var ops []string
	var cur strings.Builder
	depth := 0
	for _, line := range strings.Split(block, "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "#") && depth == 0 {
			continue
		}
		cur.WriteString(line + "\n")
		depth += strings.Count(line, "{") - strings.Count(line, "}")
		if depth == 0 && strings.TrimSpace(cur.String()) != "" {
			ops = append(ops, cur.String())
			cur.Reset()
		}
	}
	return ops
}

// example is one docs/examples file.
type example struct {
	path, title, prose, query, answer string
	trim                              int
	token, answerOnly                 bool
}

var directive = regexp.MustCompile(`^(trim|token|show|query): *(.*)$`)

func readExamples(dir string) ([]*example, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*.graphql"))
	if err != nil || len(paths) == 0 {
		return nil, fmt.Errorf("no examples in %s: %v", dir, err)
	}
	var out []*example
	for _, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		ex := &example{path: p}
		lines := strings.Split(strings.TrimRight(string(raw), "\n"), "\n")
		var prose []string
		i := 0
		for ; i < len(lines) && strings.HasPrefix(lines[i], "#"); i++ {
			line := strings.TrimPrefix(strings.TrimPrefix(lines[i], "#"), " ")
			if i == 0 {
				ex.title = line
				continue
			}
			if m := directive.FindStringSubmatch(line); m != nil {
				switch m[1] {
				case "trim":
					if ex.trim, err = strconv.Atoi(m[2]); err != nil {
						return nil, fmt.Errorf("%s: trim: %v", p, err)
					}
				case "token":
					ex.token = m[2] == "yes"
				case "show":
					ex.answerOnly = m[2] == "answer"
				case "query": // the query of another example, sent again
					other, err := os.ReadFile(filepath.Join(dir, m[2]))
					if err != nil {
						return nil, fmt.Errorf("%s: %v", p, err)
					}
					ex.query = queryOf(string(other))
				}
				continue
			}
			prose = append(prose, line)
		}
		ex.prose = strings.TrimSpace(strings.Join(prose, "\n"))
		if q := strings.Join(lines[i:], "\n"); strings.TrimSpace(q) != "" {
			ex.query = q
		}
		if ex.title == "" || strings.TrimSpace(ex.query) == "" {
			return nil, fmt.Errorf("%s: needs a title line and a query", p)
		}
		out = append(out, ex)
	}
	return out, nil
}

// queryOf is the query of an example file: what follows its header.
func queryOf(file string) string {
	lines := strings.Split(strings.TrimRight(file, "\n"), "\n")
	i := 0
	for i < len(lines) && strings.HasPrefix(lines[i], "#") {
		i++
	}
	return strings.Join(lines[i:], "\n")
}

// transient are the codes of answers that say nothing about the API
// (Neo4j was slow or away): such an answer is asked again, and never
// written into the docs.
var transient = regexp.MustCompile(`"code": "(UNAVAILABLE|TIMEOUT|INTERNAL)"`)

// ask posts an example's query and returns the answer as the docs show it.
func ask(t *testing.T, url string, ex *example) string {
	t.Helper()
	for try := 1; ; try++ {
		answer := askOnce(t, url, ex)
		if !transient.MatchString(answer) {
			return answer
		}
		if try == 3 {
			t.Fatalf("%s: the server failed three times:\n%s", ex.path, answer)
		}
		time.Sleep(time.Second)
	}
}

func askOnce(t *testing.T, url string, ex *example) string {
	t.Helper()
	body, _ := json.Marshal(map[string]string{"query": ex.query})
	req, err := http.NewRequest(http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	if ex.token {
		req.Header.Set("Authorization", "Bearer "+graphtest.Token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	v, err := decodeOrdered(json.NewDecoder(bytes.NewReader(raw)))
	if err != nil {
		t.Fatalf("%s: %v: %s", ex.path, err, raw)
	}
	return formatJSON(mask(v)) + "\n"
}

// renderAPI replaces the generated section of api.md with the examples.
func renderAPI(api string, examples []*example) (string, error) {
	i, j := strings.Index(api, beginMarker), strings.Index(api, endMarker)
	if i < 0 || j < i {
		return "", fmt.Errorf("%s has no %q … %q section", docsAPI, beginMarker, endMarker)
	}
	var b strings.Builder
	b.WriteString(beginMarker + "\n")
	n := 0
	for _, ex := range examples {
		var v any
		if ex.answer != "" {
			var err error
			if v, err = decodeOrdered(json.NewDecoder(strings.NewReader(ex.answer))); err != nil {
				return "", fmt.Errorf("%s: %v", ex.path, err)
			}
		}
		b.WriteString("\n")
		if ex.title != "-" {
			n++
			fmt.Fprintf(&b, "### %d. %s\n\n", n, ex.title)
		}
		if ex.prose != "" {
			prose := ex.prose
			if ex.trim > 0 && ex.title != "-" {
				prose = strings.TrimSuffix(prose, ".") + " (trimmed)."
			}
			b.WriteString(prose + "\n\n")
		}
		if !ex.answerOnly {
			b.WriteString("```graphql\n" + strings.TrimSpace(ex.query) + "\n```\n\n")
		}
		b.WriteString("```json\n" + formatJSON(trimLists(v, ex.trim)) + "\n```\n")
	}
	b.WriteString("\n")
	return api[:i] + b.String() + api[j:], nil
}

// Ordered JSON: GraphQL answers keep the order of the query's fields.

type field struct {
	key string
	val any
}

type object []field

func decodeOrdered(dec *json.Decoder) (any, error) {
	dec.UseNumber()
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			obj := object{}
			for dec.More() {
				kt, err := dec.Token()
				if err != nil {
					return nil, err
				}
				k, _ := kt.(string)
				v, err := decodeOrdered(dec)
				if err != nil {
					return nil, err
				}
				obj = append(obj, field{k, v})
			}
			_, err := dec.Token()
			return obj, err
		case '[':
			arr := []any{}
			for dec.More() {
				v, err := decodeOrdered(dec)
				if err != nil {
					return nil, err
				}
				arr = append(arr, v)
			}
			_, err := dec.Token()
			return arr, err
		}
		return nil, errors.New("unexpected delimiter")
	}
	return tok, nil
}

var ingestTime = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}`)

// mask hides what changes from run to run: ingest times, and the noise
// digits of relevance scores.
func mask(v any) any {
	switch x := v.(type) {
	case object:
		out := make(object, len(x))
		for i, f := range x {
			out[i] = field{f.key, mask(f.val)}
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = mask(e)
		}
		return out
	case string:
		if ingestTime.MatchString(x) {
			return "(ingest time)"
		}
	case json.Number:
		if strings.ContainsAny(string(x), ".eE") {
			if f, err := x.Float64(); err == nil {
				return json.Number(strconv.FormatFloat(f, 'f', 3, 64))
			}
		}
	}
	return v
}

// trimLists cuts every list longer than n to its first n items (n > 0).
func trimLists(v any, n int) any {
	switch x := v.(type) {
	case object:
		out := make(object, len(x))
		for i, f := range x {
			out[i] = field{f.key, trimLists(f.val, n)}
		}
		return out
	case []any:
		if n > 0 && len(x) > n {
			x = x[:n]
		}
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = trimLists(e, n)
		}
		return out
	}
	return v
}

// jsonWidth is the widest line formatJSON writes on one line.
const jsonWidth = 100

// formatJSON writes v indented by two spaces per level, with any object
// or list that fits on one line written on one line.
func formatJSON(v any) string { return layoutJSON(v, 0, 0) }

func layoutJSON(v any, level, prefix int) string {
	flat := inline(v)
	if 2*level+prefix+len(flat) <= jsonWidth {
		return flat
	}
	pad := strings.Repeat("  ", level+1)
	var b strings.Builder
	switch x := v.(type) {
	case object:
		b.WriteString("{\n")
		for i, f := range x {
			key := quote(f.key) + ": "
			b.WriteString(pad + key + layoutJSON(f.val, level+1, len(key)))
			if i < len(x)-1 {
				b.WriteString(",")
			}
			b.WriteString("\n")
		}
		b.WriteString(strings.Repeat("  ", level) + "}")
	case []any:
		b.WriteString("[\n")
		for i, e := range x {
			b.WriteString(pad + layoutJSON(e, level+1, 0))
			if i < len(x)-1 {
				b.WriteString(",")
			}
			b.WriteString("\n")
		}
		b.WriteString(strings.Repeat("  ", level) + "]")
	default:
		return flat
	}
	return b.String()
}

func inline(v any) string {
	switch x := v.(type) {
	case object:
		parts := make([]string, len(x))
		for i, f := range x {
			parts[i] = quote(f.key) + ": " + inline(f.val)
		}
		return "{" + strings.Join(parts, ", ") + "}"
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = inline(e)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case string:
		return quote(x)
	case json.Number:
		return string(x)
	case bool:
		return strconv.FormatBool(x)
	case nil:
		return "null"
	}
	return fmt.Sprint(v)
}

func quote(s string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s)
	return strings.TrimSuffix(b.String(), "\n")
}

// diffLines shows the first lines where two texts differ.
func diffLines(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	shown := 0
	for i := 0; i < max(len(w), len(g)) && shown < 12; i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			fmt.Fprintf(&b, "line %d:\n  - %s\n  + %s\n", i+1, wl, gl)
			shown++
		}
	}
	return b.String()
}
