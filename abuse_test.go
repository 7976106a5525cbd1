package main

import (
	"context"
	"encoding/base64"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

// abuse is one bad input and the answer it must get.
type abuse struct {
	name   string
	req    func(base string) *http.Request
	status int
	code   string // extensions.code of the first error; "" for none
	// ok, when set, also checks the answer.
	ok func(reply) string
}

// postRaw posts body as is, with a content type (none when empty).
func postRaw(body, contentType, accept string) func(string) *http.Request {
	return func(base string) *http.Request {
		req, _ := http.NewRequest(http.MethodPost, base+"/graphql", strings.NewReader(body))
		if contentType != "" {
			req.Header.Set("Content-Type", contentType)
		}
		if accept != "" {
			req.Header.Set("Accept", accept)
		}
		return req
	}
}

// gqlReq posts a GraphQL query (with its variables) as JSON.
func gqlReq(q string, vars map[string]any, accept string) func(string) *http.Request {
	return postRaw(gql(q, vars), "application/json", accept)
}

// nested is a query that nests fields n levels deep.
func nested(n int) string {
	var b strings.Builder
	b.WriteString(`{ entity(name: "Kim Jong Un") { `)
	for range n - 2 {
		b.WriteString(`events { participants { `)
	}
	b.WriteString(`name`)
	for range n - 2 {
		b.WriteString(` } }`)
	}
	b.WriteString(` } }`)
	return b.String()
}

// aliases is a query of n aliases of entity(name:).
func aliases(n int) string {
	var b strings.Builder
	b.WriteString("{")
	for i := range n {
		fmt.Fprintf(&b, ` a%d: entity(name: "Kim Jong Un") { id }`, i)
	}
	b.WriteString(" }")
	return b.String()
}

// cursorAt forges a cursor of this API at a position.
func cursorAt(pos string) string {
	return base64.RawURLEncoding.EncodeToString([]byte("geokg:" + pos))
}

// Strings that would do harm if any layer interpreted them: Cypher,
// Lucene, JSON, regular expressions, control characters, huge input.
var injections = []string{
	`' OR 1=1 //`,
	`"}) MATCH (n) DETACH DELETE n //`,
	"Kim`) DETACH DELETE n //",
	`$query`,
	`*:*`,
	`name:(Kim OR Putin)~2^10`,
	`"unclosed`,
	`\`,
	`.*`,
	"\x00\x01\x1b[31m",
	"person:kim-jong-un\nMATCH (n) DELETE n",
	`{"$gt": ""}`,
	strings.Repeat("A", 2000),
}

// variable declares the variable a field template uses.
func variable(field string) string {
	if strings.Contains(field, "$id") {
		return `query($id: ID!)`
	}
	return `query($s: String!)`
}

// TestAbuse sends what an attacker or a broken client would and checks
// each answer's status and code, that no answer echoes the request, that
// the server keeps serving, and that nothing changed the graph.
func TestAbuse(t *testing.T) {
	srv, store := testServer(t)
	ctx := context.Background()
	nodesBefore, relsBefore, err := store.Size(ctx)
	if err != nil {
		t.Fatal(err)
	}
	const gr, js = "application/graphql-response+json", "application/json"
	big := strings.Repeat("x", 10<<20)
	small := func(max int) func(reply) string {
		return func(r reply) string {
			if r.Size > max {
				return fmt.Sprintf("answer of %d bytes: the request is echoed", r.Size)
			}
			return ""
		}
	}
	noData := func(r reply) string {
		if r.HasData {
			return "a request error has a data entry"
		}
		return ""
	}
	cases := []abuse{
		// Not GraphQL over HTTP.
		{"malformed JSON", postRaw(`{"query": "{ __typename }"`, "application/json", ""), 400, "INVALID", small(500)},
		{"2 MB of malformed JSON", postRaw(`{"query": "`+strings.Repeat("y", 2<<20), "application/json", ""), 400, "INVALID", small(500)},
		{"not an object", postRaw(`"{ __typename }"`, "application/json", ""), 400, "INVALID", small(500)},
		{"a batch", postRaw(`[{"query": "{ __typename }"}, {"query": "{ __typename }"}]`, "application/json", ""), 400, "INVALID", small(500)},
		{"a batch of 2 MB", postRaw(`[`+strings.Repeat(`{"query": "{ __typename }"},`, 70000)+`{}]`, "application/json", ""), 400, "INVALID", small(500)},
		{"query not a string", postRaw(`{"query": 42}`, "application/json", ""), 400, "INVALID", nil},
		{"variables not an object", postRaw(`{"query": "query Q($i: Int) { __typename }", "variables": [7]}`, "application/json", ""), 400, "INVALID", nil},
		{"no query", postRaw(`{"qeury": "{ __typename }"}`, "application/json", ""), 400, "INVALID", nil},
		{"variables nested 20,000 deep", postRaw(`{"query": "{ __typename }", "variables": {"v": `+strings.Repeat("[", 20000)+strings.Repeat("]", 20000)+`}}`, "application/json", ""), 400, "INVALID", small(500)},
		{"10 MB body", postRaw(`{"query": "`+big+`"}`, "application/json", ""), 413, "REQUEST_TOO_LARGE", small(500)},
		{"10 MB body without Content-Length", func(base string) *http.Request {
			req := postRaw(`{"query": "`+big+`"}`, "application/json", "")(base)
			req.ContentLength = -1 // chunked
			return req
		}, 413, "REQUEST_TOO_LARGE", small(500)},
		{"no Content-Type", postRaw(`{"query": "{ __typename }"}`, "", ""), 415, "UNSUPPORTED_MEDIA_TYPE", nil},
		{"text/plain", postRaw(`{"query": "{ __typename }"}`, "text/plain", ""), 415, "UNSUPPORTED_MEDIA_TYPE", nil},
		{"Accept: text/html", postRaw(`{"query": "{ __typename }"}`, "application/json", "text/html"), 406, "NOT_ACCEPTABLE", nil},
		{"PUT", func(base string) *http.Request {
			req, _ := http.NewRequest(http.MethodPut, base+"/graphql", strings.NewReader(`{"query": "{ __typename }"}`))
			req.Header.Set("Content-Type", "application/json")
			return req
		}, 405, "METHOD_NOT_ALLOWED", nil},
		{"a mutation over GET", func(base string) *http.Request {
			req, _ := http.NewRequest(http.MethodGet, base+"/graphql?"+url.Values{"query": {`mutation { ingestArticle(text: "x") { unchanged } }`}}.Encode(), nil)
			return req
		}, 405, "METHOD_NOT_ALLOWED", nil},
		{"100 KB of headers", func(base string) *http.Request {
			req := gqlReq(`{ __typename }`, nil, "")(base)
			req.Header.Set("X-Junk", strings.Repeat("j", 100<<10))
			return req
		}, 431, "", nil},

		// Not valid GraphQL: 400 under application/graphql-response+json, 200 under application/json.
		{"syntax error", gqlReq(`{ events(`, nil, gr), 400, "GRAPHQL_PARSE_FAILED", noData},
		{"syntax error, application/json", gqlReq(`{ events(`, nil, js), 200, "GRAPHQL_PARSE_FAILED", noData},
		{"unknown field", gqlReq(`{ nosuchfield }`, nil, gr), 400, "GRAPHQL_VALIDATION_FAILED", noData},
		{"unknown field, application/json", gqlReq(`{ nosuchfield }`, nil, js), 200, "GRAPHQL_VALIDATION_FAILED", noData},
		{"unknown field of 100 KB", gqlReq(`{ `+strings.Repeat("f", 100<<10)+` }`, nil, gr), 400, "GRAPHQL_VALIDATION_FAILED", small(1000)},
		{"unknown operation name", postRaw(`{"query": "query A { __typename }", "operationName": "`+strings.Repeat("B", 5000)+`"}`, "application/json", gr), 400, "GRAPHQL_VALIDATION_FAILED", small(1000)},
		{"variable of the wrong type", gqlReq(`query($n: Int!) { events(first: $n) { totalCount } }`, map[string]any{"n": "many"}, gr), 400, "GRAPHQL_VALIDATION_FAILED", noData},
		{"variable of the wrong type, application/json", gqlReq(`query($n: Int!) { events(first: $n) { totalCount } }`, map[string]any{"n": "many"}, js), 200, "GRAPHQL_VALIDATION_FAILED", noData},
		{"4,000 unknown fields", gqlReq(`{ `+strings.Repeat("nope ", 4000)+`}`, nil, gr), 400, "FIELD_LIMIT_EXCEEDED", small(1000)},
		{"400 unknown fields", gqlReq(`{ `+strings.Repeat("nope ", 400)+`}`, nil, gr), 400, "GRAPHQL_VALIDATION_FAILED", small(5000)},

		// Limits.
		{"huge first", gqlReq(`{ events(first: 1000000) { totalCount } }`, nil, gr), 400, "COMPLEXITY_LIMIT_EXCEEDED", nil},
		{"first just over the page size", gqlReq(`{ events(first: 101) { totalCount } }`, nil, gr), 200, "INVALID", nil},
		{"negative first", gqlReq(`{ events(first: -1) { totalCount } }`, nil, gr), 200, "INVALID", nil},
		{"50-level nesting", gqlReq(nested(50), nil, gr), 400, "DEPTH_LIMIT_EXCEEDED", nil},
		{"5,000 aliases", gqlReq(aliases(5000), nil, gr), 400, "GRAPHQL_PARSE_FAILED", nil},
		{"200 aliases", gqlReq(aliases(200), nil, gr), 400, "COMPLEXITY_LIMIT_EXCEEDED", nil},
		{"2,000 copies of one field", gqlReq(`{ `+strings.Repeat(`__typename `, 2000)+`}`, nil, gr), 400, "FIELD_LIMIT_EXCEEDED", nil},
		{"2,000 fields in fragments", gqlReq(`{ ...A } fragment A on Query { `+strings.Repeat(`a: __typename `, 1000)+`} fragment B on Query { `+strings.Repeat(`__typename `, 1000)+`}`, nil, gr), 400, "FIELD_LIMIT_EXCEEDED", nil},
		{"100 aliases: within the limit", gqlReq(aliases(90), nil, gr), 200, "", nil},

		// Search and cursors.
		{"a search word of 1,001 characters", gqlReq(`query($q: String!) { search(query: $q) { totalCount } }`, map[string]any{"q": strings.Repeat("k", 1001)}, gr), 200, "INVALID", small(1000)},
		{"a search of 341 words", gqlReq(`query($q: String!) { search(query: $q) { totalCount } }`, map[string]any{"q": strings.Repeat("kim ", 341)}, gr), 200, "INVALID", nil},
		{"a forged cursor with a huge offset", gqlReq(`query($c: String) { events(after: $c) { totalCount } }`, map[string]any{"c": cursorAt("9223372036854775807")}, gr), 200, "INVALID", nil},
		{"a forged cursor beyond the int range", gqlReq(`query($c: String) { events(after: $c) { totalCount } }`, map[string]any{"c": cursorAt("99999999999999999999999")}, gr), 200, "INVALID", nil},
		{"a forged negative cursor", gqlReq(`query($c: String) { events(after: $c) { totalCount } }`, map[string]any{"c": cursorAt("-5")}, gr), 200, "INVALID", nil},
		{"a cursor past the end", gqlReq(`query($c: String) { events(after: $c) { totalCount nodes { id } } }`, map[string]any{"c": cursorAt("999999")}, gr), 200, "", nil},
		{"a cursor of 100 KB", gqlReq(`query($c: String) { events(after: $c) { totalCount } }`, map[string]any{"c": strings.Repeat("Z", 100<<10)}, gr), 200, "INVALID", small(1000)},

		// Ids.
		{"a forged id of a known kind", gqlReq(`{ node(id: "person:' OR 1=1 //") { id } }`, nil, gr), 200, "", nil},
		{"not an id", gqlReq(`{ node(id: "kim") { id } }`, nil, gr), 200, "INVALID", nil},
		{"nodes with one bad id keeps the others", gqlReq(`{ nodes(ids: ["person:kim-jong-un", "bogus", "event:none"]) { id } }`, nil, gr), 200, "INVALID",
			func(r reply) string {
				if !strings.Contains(string(r.Body.Data), `"nodes":[{"id":"person:kim-jong-un"},null,null]`) {
					return "data " + string(r.Body.Data)
				}
				if p := r.Body.Errors[0].Path; len(p) != 2 || p[1] != 1.0 {
					return fmt.Sprintf("error path %v, want [nodes 1]", p)
				}
				return ""
			}},
		{"a failing field keeps its siblings", gqlReq(`{ a: entity(name: "Kim Jong Un") { id } b: timeline(entity: "nobody at all") { date } }`, nil, gr), 200, "NOT_FOUND",
			func(r reply) string {
				if !strings.Contains(string(r.Body.Data), `"a":{"id":"person:kim-jong-un"}`) || !strings.Contains(string(r.Body.Data), `"b":null`) {
					return "data " + string(r.Body.Data)
				}
				return ""
			}},
	}
	// Every string argument, with every injection.
	fields := []string{
		`entity(name: $s) { id }`,
		`search(query: $s) { totalCount }`,
		`relations(a: $s, b: "Kim Jong Un") { events { id } }`,
		`paths(from: "Kim Jong Un", to: $s) { length }`,
		`neighborhood(id: $s) { truncated }`,
		`timeline(entity: $s) { date }`,
		`timeline(entity: "Kim Jong Un", from: $s) { date }`,
		`node(id: $id) { id }`,
		`nodes(ids: [$id, "person:kim-jong-un"]) { id }`,
		`events(filter: {participant: $s}) { totalCount }`,
		`events(filter: {article: $id}) { totalCount }`,
		`events(filter: {date: {from: $s}}) { totalCount }`,
		`statements(filter: {text: $s}) { totalCount }`,
		`entities(filter: {name: $s}) { totalCount }`,
		`articles(filter: {source: $s}) { totalCount }`,
		`countryRelations(filter: {country: $s}) { count }`,
	}
	for _, f := range fields {
		for i, s := range injections {
			cases = append(cases, abuse{
				name: fmt.Sprintf("injection %d in %s", i, strings.Fields(f)[0]),
				req:  gqlReq(variable(f)+` { `+f+` }`, map[string]any{"s": s, "id": s}, gr),
				// NOT_FOUND or INVALID in errors, or an answer: never INTERNAL, never 5xx.
				status: 200,
				code:   "*",
				ok: func(r reply) string {
					if c := r.code(); c != "" && c != "NOT_FOUND" && c != "INVALID" {
						return "code " + c
					}
					return small(2000)(r)
				},
			})
		}
	}

	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := do(t, tc.req(srv.URL))
			if r.Status != tc.status || (tc.code != "*" && r.code() != tc.code) {
				msg := ""
				if len(r.Body.Errors) > 0 {
					msg = r.Body.Errors[0].Message
				}
				t.Errorf("status %d, code %q (%.200s); want %d, %q", r.Status, r.code(), msg, tc.status, tc.code)
			}
			if tc.ok != nil {
				if problem := tc.ok(r); problem != "" {
					t.Error(problem)
				}
			}
			for _, e := range r.Body.Errors {
				if e.Code() == "INTERNAL" {
					t.Errorf("INTERNAL: %s", e.Message)
				}
				if len(e.Message) > 400 {
					t.Errorf("an error message of %d bytes", len(e.Message))
				}
			}
		})
	}
	t.Logf("%d bad inputs tried", len(cases))

	// Still serving, and nothing changed.
	if r := post(t, srv.URL, gql(`{ entity(name: "Kim Jong Un") { id } }`, nil), ""); r.Status != 200 || r.code() != "" {
		t.Errorf("after the abuse: %d %+v", r.Status, r.Body.Errors)
	}
	time.Sleep(100 * time.Millisecond)
	nodes, rels, err := store.Size(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if nodes != nodesBefore || rels != relsBefore {
		t.Errorf("the graph changed: %d nodes and %d relationships, before %d and %d", nodes, rels, nodesBefore, relsBefore)
	}
}
