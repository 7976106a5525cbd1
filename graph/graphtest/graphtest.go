// Package graphtest serves the GraphQL API over the real Neo4j for tests:
// it loads the sample article and the test articles and posts queries over
// HTTP. Loading is idempotent, so every package that needs the articles
// loads them the same way, with the same metadata.
package graphtest

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/loader"
	"github.com/geokg/geokg/neo4j"
)

// Sample is the sample article, relative to testdata/.
const Sample = "kim-putin-2023-09-11.txt"

// Token is the bearer token of test servers.
const Token = "test-token"

// sources gives each test article its outlet, so that articles from
// different outlets count as different sources.
var sources = map[string]string{
	"china-sanctions-taiwan-arms": "focustaiwan.tw", "iran-drones-kyiv": "apnews.com",
	"israel-hamas-ceasefire": "timesofisrael.com", "japan-philippines-raa": "asia.nikkei.com",
	"niger-us-withdrawal": "bbc.com", "nk-icbm-launch": "reuters.com", "nk-shells-russia-nis": "yna.co.kr",
	"sudan-aid-uae-rsf": "aljazeera.com", "us-atacms-ukraine-aid": "kyivindependent.com",
	"us-eu-sanctions-russia": "afp.com", "xi-biden-woodside": "reuters.com", "xi-putin-beijing": "cnn.com",
}

// Loaded is what Load stored.
type Loaded struct {
	Loader *loader.Loader
	// Articles maps file names (kim-putin-2023-09-11.txt) to article ids.
	Articles map[string]string
}

// Load loads the sample article (published 2023-09-11) and every
// testdata/articles/*.txt (published on the date in its name) into store.
// testdata is the path of the testdata directory.
func Load(tb testing.TB, store *neo4j.Store, testdata string) Loaded {
	tb.Helper()
	x, err := loader.Default()
	if err != nil {
		tb.Fatal(err)
	}
	out := Loaded{Loader: &loader.Loader{X: x, Store: store}, Articles: map[string]string{}}
	// Generous: a cold first load on a busy shared machine takes minutes.
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	res, err := out.Loader.LoadFile(ctx, filepath.Join(testdata, Sample), loader.Meta{Published: "2023-09-11"})
	if err != nil {
		tb.Fatal(err)
	}
	out.Articles[Sample] = res.ArticleID
	files, err := filepath.Glob(filepath.Join(testdata, "articles", "*.txt"))
	if err != nil || len(files) == 0 {
		tb.Fatalf("no test articles in %s: %v", testdata, err)
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		// name-YYYY-MM-DD.txt
		stem, date := name[:len(name)-len("-2006-01-02")], name[len(name)-len("2006-01-02"):]
		res, err := out.Loader.LoadFile(ctx, f, loader.Meta{Published: date, Source: sources[stem]})
		if err != nil {
			tb.Fatal(err)
		}
		out.Articles[filepath.Base(f)] = res.ArticleID
	}
	return out
}

// Server serves the API over store with the given options; the ingester
// and token default to l and Token.
func Server(tb testing.TB, store *neo4j.Store, l *loader.Loader, opt graph.Options) *httptest.Server {
	tb.Helper()
	if opt.Ingester == nil && l != nil {
		opt.Ingester = l
	}
	if opt.Token == "" {
		opt.Token = Token
	}
	if opt.Timeout == 0 {
		// Neo4j plans each new shape of query once; a nested query's plan
		// can take seconds while other builds and tests load the machine.
		opt.Timeout = time.Minute
	}
	srv := httptest.NewServer(graph.NewHandler(store, opt))
	tb.Cleanup(srv.Close)
	return srv
}

// Response is a GraphQL response and its HTTP status and content type.
type Response struct {
	Status      int
	ContentType string
	Data        json.RawMessage
	Errors      []Error
}

// Error is a GraphQL error.
type Error struct {
	Message    string
	Path       []any
	Extensions map[string]any
}

// Code is the error's extensions.code.
func (e Error) Code() string {
	c, _ := e.Extensions["code"].(string)
	return c
}

// Request is a GraphQL request.
type Request struct {
	Query      string         `json:"query,omitempty"`
	Variables  map[string]any `json:"variables,omitempty"`
	Extensions map[string]any `json:"extensions,omitempty"`
	Header     http.Header    `json:"-"`
}

// Post posts a request and decodes the response.
func Post(tb testing.TB, url string, req Request) Response {
	tb.Helper()
	body, err := json.Marshal(req)
	if err != nil {
		tb.Fatal(err)
	}
	hr, err := http.NewRequest(http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		tb.Fatal(err)
	}
	hr.Header.Set("Content-Type", "application/json")
	for k, v := range req.Header {
		hr.Header[k] = v
	}
	return Do(tb, hr)
}

// Do sends an HTTP request and decodes the GraphQL response.
func Do(tb testing.TB, hr *http.Request) Response {
	tb.Helper()
	resp, err := http.DefaultClient.Do(hr)
	if err != nil {
		tb.Fatal(err)
	}
	defer resp.Body.Close()
	r := Response{Status: resp.StatusCode, ContentType: resp.Header.Get("Content-Type")}
	if err := json.NewDecoder(resp.Body).Decode(&r); err != nil {
		tb.Fatalf("decode response (status %d): %v", resp.StatusCode, err)
	}
	return r
}

// Query posts query with variables and decodes its data into out; any
// error fails the test.
func Query(tb testing.TB, url, query string, vars map[string]any, out any) {
	tb.Helper()
	r := Post(tb, url, Request{Query: query, Variables: vars})
	if len(r.Errors) > 0 {
		tb.Fatalf("query %s: errors %+v", query, r.Errors)
	}
	if err := json.Unmarshal(r.Data, out); err != nil {
		tb.Fatalf("decode data %s: %v", r.Data, err)
	}
}

// Decode decodes a response's data into out; any error fails the test.
func Decode(tb testing.TB, r Response, out any) {
	tb.Helper()
	if len(r.Errors) > 0 {
		tb.Fatalf("errors %+v", r.Errors)
	}
	if err := json.Unmarshal(r.Data, out); err != nil {
		tb.Fatalf("decode data %s: %v", r.Data, err)
	}
}
