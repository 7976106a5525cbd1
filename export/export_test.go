package export_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/geokg/geokg/export"
	"github.com/geokg/geokg/graph/graphtest"
	"github.com/geokg/geokg/loader"
	"github.com/geokg/geokg/model"
	"github.com/geokg/geokg/neo4j"
	"github.com/geokg/geokg/neo4j/neo4jtest"
)

// These tests export from the real Neo4j loaded with the sample and the
// test articles. Other packages share the database, so they assert what
// holds of those articles and of the export's own consistency, never
// global totals. clients/python/tests/test_exports.py reads the GraphML
// back with networkx.

func setup(t testing.TB) (*neo4j.Store, graphtest.Loaded) {
	t.Helper()
	store := neo4jtest.Open(t)
	return store, graphtest.Load(t, store, "../testdata")
}

func run(t *testing.T, store export.Store, req export.Request) []byte {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	x, err := export.Prepare(ctx, store, req)
	if err != nil {
		t.Fatalf("prepare %+v: %v", req, err)
	}
	var buf bytes.Buffer
	if err := x.Write(ctx, &buf); err != nil {
		t.Fatalf("write %+v: %v", req, err)
	}
	return buf.Bytes()
}

// graphML is what the tests read of a GraphML file.
type graphML struct {
	Keys []struct {
		ID   string `xml:"id,attr"`
		For  string `xml:"for,attr"`
		Name string `xml:"attr.name,attr"`
		Type string `xml:"attr.type,attr"`
	} `xml:"key"`
	Graph struct {
		EdgeDefault string `xml:"edgedefault,attr"`
		Nodes       []struct {
			ID   string  `xml:"id,attr"`
			Data []datum `xml:"data"`
		} `xml:"node"`
		Edges []struct {
			ID     string  `xml:"id,attr"`
			Source string  `xml:"source,attr"`
			Target string  `xml:"target,attr"`
			Data   []datum `xml:"data"`
		} `xml:"edge"`
	} `xml:"graph"`
}

type datum struct {
	Key   string `xml:"key,attr"`
	Value string `xml:",chardata"`
}

func attrs(ds []datum) map[string]string {
	out := map[string]string{}
	for _, d := range ds {
		out[d.Key[2:]] = d.Value
	}
	return out
}

// checkGraphML parses a GraphML export and checks that it is well formed:
// every datum has a declared key of its kind and parses as its type, node
// ids are unique and every edge joins two nodes of the file.
func checkGraphML(t *testing.T, raw []byte) graphML {
	t.Helper()
	var g graphML
	if err := xml.Unmarshal(raw, &g); err != nil {
		t.Fatalf("GraphML does not parse: %v", err)
	}
	if g.Graph.EdgeDefault != "directed" {
		t.Errorf("edgedefault = %q", g.Graph.EdgeDefault)
	}
	types := map[string]string{}
	for _, k := range g.Keys {
		if !strings.HasPrefix(k.ID, k.For[:1]+"_") {
			t.Errorf("key %s is for %s", k.ID, k.For)
		}
		types[k.ID] = k.Type
	}
	check := func(what string, ds []datum) {
		for _, d := range ds {
			typ, ok := types[d.Key]
			switch {
			case !ok:
				t.Errorf("%s: undeclared key %s", what, d.Key)
			case typ == "int":
				if _, err := strconv.Atoi(d.Value); err != nil {
					t.Errorf("%s: %s = %q is not an int", what, d.Key, d.Value)
				}
			case typ == "boolean":
				if d.Value != "true" && d.Value != "false" {
					t.Errorf("%s: %s = %q is not a boolean", what, d.Key, d.Value)
				}
			}
		}
	}
	nodes := map[string]bool{}
	for _, n := range g.Graph.Nodes {
		if nodes[n.ID] {
			t.Errorf("node %s twice", n.ID)
		}
		nodes[n.ID] = true
		check(n.ID, n.Data)
		if a := attrs(n.Data); a["kind"] == "" || a["label"] == "" {
			t.Errorf("node %s has no kind or label: %v", n.ID, a)
		}
	}
	edges := map[string]bool{}
	for _, e := range g.Graph.Edges {
		if !nodes[e.Source] || !nodes[e.Target] {
			t.Errorf("edge %s joins a node that is not in the file", e.ID)
		}
		if edges[e.ID] {
			t.Errorf("edge id %s twice", e.ID)
		}
		edges[e.ID] = true
		check(e.ID, e.Data)
	}
	return g
}

func TestGraphML(t *testing.T) {
	store, loaded := setup(t)

	t.Run("the whole graph", func(t *testing.T) {
		g := checkGraphML(t, run(t, store, export.Request{Format: export.GraphML, PageSize: 50}))
		byID := map[string]map[string]string{}
		for _, n := range g.Graph.Nodes {
			byID[n.ID] = attrs(n.Data)
		}
		kim := byID["person:kim-jong-un"]
		if kim["kind"] != "PERSON" || kim["name"] != "Kim Jong Un" || kim["country"] != "PRK" {
			t.Errorf("Kim Jong Un exported as %v", kim)
		}
		if a := byID[loaded.Articles[graphtest.Sample]]; a["kind"] != "ARTICLE" || a["published"] != "2023-09-11" || a["text"] != "" {
			t.Errorf("sample article exported as %v (graph formats leave the text out)", a)
		}
		// The sample's report of the planned meeting of Kim and Putin, with
		// its evidence, in the sample article and of an event with both.
		found := false
		for _, e := range g.Graph.Edges {
			r := byID[e.Source]
			if attrs(e.Data)["label"] == "IN" && e.Target == loaded.Articles[graphtest.Sample] && r["kind"] == "REPORT" &&
				r["type"] == "MEETING" && r["status"] == "PLANNED" &&
				strings.Contains(r["sentences"], "Kim Jong Un is set to meet with Russian President Vladimir Putin") &&
				strings.Contains(r["participants"], "person:kim-jong-un") && strings.Contains(r["participants"], "person:vladimir-putin") {
				found = true
			}
		}
		if !found {
			t.Error("no report of the planned Kim–Putin meeting in the sample article")
		}
	})

	t.Run("a neighborhood equals the API's", func(t *testing.T) {
		ctx := context.Background()
		sub, err := store.Neighborhood(ctx, model.NeighborhoodQuery{ID: "person:kim-jong-un", Depth: 2, Limit: 200,
			Labels: []string{"Person", "Country", "Organization", "Place", "Event", "Statement"}})
		if err != nil {
			t.Fatal(err)
		}
		g := checkGraphML(t, run(t, store, export.Request{Format: export.GraphML, Entity: "kim jong-un", Depth: 2, PageSize: 7}))
		var want, got []string
		for _, n := range sub.Nodes {
			want = append(want, n.ID)
		}
		for _, n := range g.Graph.Nodes {
			got = append(got, n.ID)
		}
		if !slices.Equal(got, want) {
			t.Errorf("nodes: got %d, the API's neighborhood has %d\n got %v\nwant %v", len(got), len(want), got, want)
		}
		// Every relationship type and pair of the API's edges is exported.
		pairs := map[string]bool{}
		for _, e := range g.Graph.Edges {
			pairs[e.Source+"|"+attrs(e.Data)["label"]+"|"+e.Target] = true
		}
		for _, e := range sub.Edges {
			if !pairs[e.From+"|"+e.Type+"|"+e.To] {
				t.Errorf("edge %s %s %s of the neighborhood is not exported", e.From, e.Type, e.To)
			}
		}
	})
}

// TestStoredPropertiesAreExported reads every node and relationship the
// way exports do and fails on a stored property that the attribute table
// neither exports nor drops on purpose: a new property must be a choice.
func TestStoredPropertiesAreExported(t *testing.T) {
	store, _ := setup(t)
	ctx := context.Background()
	for _, l := range model.ExportLabels {
		after := ""
		for {
			nodes, err := store.ExportNodes(ctx, model.ExportPage{Label: l, After: after, Limit: 200})
			if err != nil {
				t.Fatal(err)
			}
			for _, n := range nodes {
				for k := range n.Props {
					if !export.Known(n.Kind, k) {
						t.Errorf("%s (%s) has property %q that exports neither write nor drop: add it to export/schema.go", n.ID, n.Kind, k)
					}
				}
			}
			if len(nodes) < 200 {
				break
			}
			after = nodes[len(nodes)-1].ID
		}
		after = ""
		for {
			edges, last, err := store.ExportEdges(ctx, model.ExportPage{Label: l, After: after, Limit: 200})
			if err != nil {
				t.Fatal(err)
			}
			if last == "" {
				break
			}
			for _, e := range edges {
				for k := range e.Props {
					if !export.Known("", k) {
						t.Errorf("%s %s %s has property %q that exports do not write: add it to export/schema.go", e.From, e.Type, e.To, k)
					}
				}
			}
			after = last
		}
	}
}

func TestCSV(t *testing.T) {
	store, _ := setup(t)
	req := export.Request{Format: export.CSV, Table: export.Nodes, Entity: "Kim Jong Un", Depth: 2}
	nodes, err := csv.NewReader(bytes.NewReader(run(t, store, req))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	req.Table = export.Edges
	edges, err := csv.NewReader(bytes.NewReader(run(t, store, req))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	// Gephi's Data Laboratory reads these columns by name.
	if h := nodes[0]; h[0] != "Id" || h[1] != "Label" || h[2] != "kind" {
		t.Errorf("node header %v", h)
	}
	if h := edges[0]; h[0] != "Source" || h[1] != "Target" || h[2] != "Type" || h[3] != "Label" {
		t.Errorf("edge header %v", h)
	}
	ids := map[string]bool{}
	for _, r := range nodes[1:] {
		ids[r[0]] = true
	}
	if !ids["person:kim-jong-un"] || !ids["person:vladimir-putin"] {
		t.Errorf("Kim Jong Un and Vladimir Putin should be two hops apart: %d nodes", len(ids))
	}
	for _, r := range edges[1:] {
		if !ids[r[0]] || !ids[r[1]] || r[2] != "Directed" {
			t.Errorf("edge row %v leaves the node table", r[:4])
		}
	}
}

// TestJSONL exports the documents of the sample article and compares
// them with what the extractor makes of it: the graph gives back the
// extraction it stored.
func TestJSONL(t *testing.T) {
	store, loaded := setup(t)
	raw, err := os.ReadFile("../testdata/" + graphtest.Sample)
	if err != nil {
		t.Fatal(err)
	}
	x, err := loader.Default()
	if err != nil {
		t.Fatal(err)
	}
	want, err := x.Extract(raw, loader.Meta{Published: "2023-09-11", File: graphtest.Sample})
	if err != nil {
		t.Fatal(err)
	}
	var got *struct {
		model.Document
		Text string
	}
	sc := bufio.NewScanner(bytes.NewReader(run(t, store, export.Request{Format: export.JSONL})))
	sc.Buffer(nil, 4<<20)
	n := 0
	for sc.Scan() {
		n++
		var line struct {
			model.Document
			Text string
		}
		if err := json.Unmarshal(sc.Bytes(), &line); err != nil {
			t.Fatalf("line %d: %v", n, err)
		}
		if line.Article.ID == loaded.Articles[graphtest.Sample] {
			got = &line
		}
	}
	if got == nil {
		t.Fatalf("the sample article is not among %d documents", n)
	}
	if got.Text != string(raw) || got.Article.Published != "2023-09-11" || got.Article.Extractor != want.Article.Extractor {
		t.Errorf("article: %+v (text %d bytes)", got.Article, len(got.Text))
	}
	ids := func(xs []string) []string { slices.Sort(xs); return xs }
	var wantE, gotE []string
	for _, e := range want.Entities {
		wantE = append(wantE, e.ID+" "+e.Name+" "+strconv.Itoa(len(e.Mentions)))
	}
	for _, e := range got.Entities {
		gotE = append(gotE, e.ID+" "+e.Name+" "+strconv.Itoa(len(e.Mentions)))
	}
	if !slices.Equal(ids(gotE), ids(wantE)) {
		t.Errorf("entities:\n got %v\nwant %v", gotE, wantE)
	}
	// An event is the article's report, under the graph's event id (which
	// is the extraction's unless the report joined an event another
	// article created): compare what the article says, not ids.
	event := func(e model.Event) string {
		spans := map[[2]int]bool{}
		for _, sp := range e.Evidence {
			spans[[2]int{sp.Start, sp.End}] = true
		}
		return string(e.Type) + " " + string(e.Status) + " " + strings.Join(ids(slices.Clone(e.Participants)), ",") +
			" " + strings.Join(ids(slices.Clone(e.AssertedBy)), ",") + " " + strconv.Itoa(len(spans))
	}
	var wantV, gotV []string
	for _, e := range want.Events {
		wantV = append(wantV, event(e))
	}
	for _, e := range got.Events {
		gotV = append(gotV, event(e))
	}
	if !slices.Equal(ids(gotV), ids(wantV)) {
		t.Errorf("events:\n got %v\nwant %v", gotV, wantV)
	}
	var wantS, gotS []string
	for _, s := range want.Statements {
		wantS = append(wantS, s.ID+" "+s.Speaker+" "+s.Text+" "+strconv.Itoa(s.Evidence.Start))
	}
	for _, s := range got.Statements {
		gotS = append(gotS, s.ID+" "+s.Speaker+" "+s.Text+" "+strconv.Itoa(s.Evidence.Start))
	}
	if !slices.Equal(gotS, wantS) {
		t.Errorf("statements (in order):\n got %v\nwant %v", gotS, wantS)
	}
}

func TestPrepareErrors(t *testing.T) {
	store, _ := setup(t)
	for _, tc := range []struct {
		name string
		req  export.Request
		code string
	}{
		{"unknown format", export.Request{Format: "gexf"}, model.EINVALID},
		{"csv without a table", export.Request{Format: "csv"}, model.EINVALID},
		{"a table for graphml", export.Request{Format: "graphml", Table: "nodes"}, model.EINVALID},
		{"depth without an entity", export.Request{Depth: 2}, model.EINVALID},
		{"depth over the API's bound", export.Request{Entity: "Kim Jong Un", Depth: model.MaxNeighborhoodDepth + 1}, model.EINVALID},
		{"limit over the API's bound", export.Request{Entity: "Kim Jong Un", Limit: model.MaxNeighborhoodNodes + 1}, model.EINVALID},
		{"unknown kind", export.Request{Entity: "Kim Jong Un", Types: []string{"UNICORN"}}, model.EINVALID},
		{"unknown entity", export.Request{Entity: "Nobody Atall"}, model.ENOTFOUND},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := export.Prepare(context.Background(), store, tc.req)
			if got := model.ErrorCode(err); got != tc.code {
				t.Errorf("code %q (%v), want %s", got, err, tc.code)
			}
		})
	}
}

func TestHandler(t *testing.T) {
	store, _ := setup(t)
	srv := httptest.NewServer(export.Handler(store, 10*time.Second, nil))
	defer srv.Close()
	get := func(query string) (*http.Response, []byte) {
		t.Helper()
		resp, err := http.Get(srv.URL + "/export?" + query)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, err := io.ReadAll(resp.Body)
		if err != nil {
			t.Fatal(err)
		}
		return resp, body
	}

	resp, body := get("format=graphml&entity=Kim+Jong+Un&depth=1&types=PERSON,COUNTRY,EVENT")
	if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "application/graphml+xml") ||
		!strings.Contains(resp.Header.Get("Content-Disposition"), `filename="geokg-person-kim-jong-un-1.graphml"`) {
		t.Fatalf("%d %v", resp.StatusCode, resp.Header)
	}
	g := checkGraphML(t, body)
	for _, n := range g.Graph.Nodes {
		if k := attrs(n.Data)["kind"]; k != "PERSON" && k != "COUNTRY" && k != "EVENT" {
			t.Errorf("types=PERSON,COUNTRY,EVENT exported a %s", k)
		}
	}

	resp, body = get("format=jsonl&entity=Rebekah+Koffler")
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "application/jsonl; charset=utf-8" || bytes.Count(body, []byte("\n")) != 1 {
		t.Errorf("jsonl of Koffler's articles: %d %s, %d lines", resp.StatusCode, resp.Header.Get("Content-Type"), bytes.Count(body, []byte("\n")))
	}

	for _, tc := range []struct {
		query  string
		status int
		code   string
	}{
		{"format=pdf", 400, model.EINVALID},
		{"format=csv", 400, model.EINVALID},
		{"entity=Kim+Jong+Un&depth=9", 400, model.EINVALID},
		{"entity=Kim+Jong+Un&depth=two", 400, model.EINVALID},
		{"entity=Nobody+Atall", 404, model.ENOTFOUND},
		{"formt=csv", 400, model.EINVALID},
	} {
		resp, body := get(tc.query)
		var e struct {
			Errors []struct {
				Message    string
				Extensions struct{ Code string }
			}
		}
		if err := json.Unmarshal(body, &e); err != nil || resp.StatusCode != tc.status || len(e.Errors) != 1 || e.Errors[0].Extensions.Code != tc.code {
			t.Errorf("%s: %d %s, want %d with code %s", tc.query, resp.StatusCode, body, tc.status, tc.code)
		}
	}
}
