package graph_test

import (
	"crypto/sha256"
	"encoding/hex"
	"mime"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/graph/graphtest"
	"github.com/geokg/geokg/neo4j/neo4jtest"
)

// TestErrors: a bad query gets an error with a code, and HTTP 400 when it
// was refused before it ran.
func TestErrors(t *testing.T) {
	u, _ := serve(t, graph.Options{})
	deep := `{ entity(name: "Kim") { events { participants { events { participants { events { participants { events { participants { events { type } } } } } } } } } } }`
	for _, tc := range []struct {
		name, query string
		code        string
		status      int
	}{
		{"page too large", `{ events(first: 101) { totalCount } }`, "INVALID", 200},
		{"page too small", `{ entities(first: 0) { totalCount } }`, "INVALID", 200},
		{"foreign cursor", `{ events(after: "not-a-cursor") { totalCount } }`, "INVALID", 200},
		{"unknown entity", `{ relations(a: "Nobody At All", b: "Kim Jong Un") { events { id } } }`, "NOT_FOUND", 200},
		{"unknown filter entity", `{ events(filter: {participant: "Nobody At All"}) { totalCount } }`, "NOT_FOUND", 200},
		{"same entity twice", `{ paths(from: "Kim Jong Un", to: "person:kim-jong-un") { length } }`, "INVALID", 200},
		{"too many hops", `{ paths(from: "Kim Jong Un", to: "Putin", maxHops: 7) { length } }`, "INVALID", 200},
		{"too deep a neighborhood", `{ neighborhood(id: "Kim Jong Un", depth: 4) { truncated } }`, "INVALID", 200},
		{"not a global id", `{ node(id: "kim") { id } }`, "INVALID", 200},
		{"not a date", `{ events(filter: {date: {from: "2023-13-01"}}) { totalCount } }`, "INVALID", 200},
		{"not an ingest time", `{ events(filter: {ingested: {from: "yesterday"}}) { totalCount } }`, "INVALID", 200},
		{"negative minimum", `{ events(filter: {minSources: -1}) { totalCount } }`, "INVALID", 200},
		{"search for events", `{ search(query: "meeting", types: [EVENT]) { totalCount } }`, "INVALID", 200},
		{"search for nothing", `{ search(query: "  ?! ") { totalCount } }`, "INVALID", 200},
		{"unknown field", `{ nosuchfield }`, "GRAPHQL_VALIDATION_FAILED", 400},
		{"unknown enum value", `{ events(filter: {types: [PICNIC]}) { totalCount } }`, "GRAPHQL_VALIDATION_FAILED", 400},
		{"syntax", `{ events(`, "GRAPHQL_PARSE_FAILED", 400},
		{"too deep", deep, graph.ErrDepthLimit, 400},
		{"too complex", `{ events(first: 100) { nodes { participants { events { participants { events { type } } } } } } }`, graph.ErrComplexityLimit, 400},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := graphtest.Post(t, u, graphtest.Request{Query: tc.query})
			if len(r.Errors) == 0 {
				t.Fatalf("no error; data %s", r.Data)
			}
			if got := r.Errors[0].Code(); got != tc.code || r.Status != tc.status {
				t.Errorf("code %s, status %d (%s); want %s, %d", got, r.Status, r.Errors[0].Message, tc.code, tc.status)
			}
			if mediaType(r.ContentType) != "application/graphql-response+json" {
				t.Errorf("content type %q", r.ContentType)
			}
		})
	}

	t.Run("malformed body", func(t *testing.T) {
		req, _ := http.NewRequest(http.MethodPost, u, strings.NewReader("{bad json"))
		req.Header.Set("Content-Type", "application/json")
		r := graphtest.Do(t, req)
		if r.Status != 400 || len(r.Errors) == 0 || r.Errors[0].Code() != "INVALID" {
			t.Errorf("status %d, errors %+v", r.Status, r.Errors)
		}
	})

	t.Run("limits are options", func(t *testing.T) {
		store := neo4jtest.Open(t)
		strict := graphtest.Server(t, store, nil, graph.Options{MaxDepth: 2, Complexity: 5}).URL + "/graphql"
		for q, code := range map[string]string{
			`{ entity(name: "Kim") { events { type } } }`:                    graph.ErrDepthLimit,
			`{ events(first: 10) { totalCount } }`:                           graph.ErrComplexityLimit,
			`{ __schema { types { fields { type { ofType { name } } } } } }`: "", // introspection is never too deep
		} {
			r := graphtest.Post(t, strict, graphtest.Request{Query: q})
			got := ""
			if len(r.Errors) > 0 {
				got = r.Errors[0].Code()
			}
			if got != code {
				t.Errorf("%s: code %q, want %q", q, got, code)
			}
		}
	})
}

// TestTimeout: the request's deadline reaches Neo4j and comes back as TIMEOUT.
func TestTimeout(t *testing.T) {
	store := neo4jtest.Open(t)
	u := graphtest.Server(t, store, nil, graph.Options{Timeout: time.Nanosecond}).URL + "/graphql"
	r := graphtest.Post(t, u, graphtest.Request{Query: `{ events { totalCount } }`})
	if len(r.Errors) == 0 || r.Errors[0].Code() != "TIMEOUT" {
		t.Errorf("errors %+v, want TIMEOUT", r.Errors)
	}
}

const ingest = `mutation($text: String!) { ingestArticle(text: $text, title: "Yoon meets Kishida", published: "2024-03-03", source: "test.example") {
	unchanged nodesCreated relationshipsCreated article { id title published source }
	entities { id } events { type status participants { id } } statements { speaker { id } text } } }`

const ingestText = "SEOUL, March 3, 2024 – South Korean President Yoon Suk Yeol met Japanese Prime Minister Fumio Kishida " +
	"in Seoul on Sunday, the presidential office said. “Our cooperation with Tokyo is stronger than ever,” Yoon said after the talks.\n"

type ingestResult struct {
	IngestArticle struct {
		Unchanged                          bool
		NodesCreated, RelationshipsCreated int
		Article                            struct{ ID, Title, Published, Source string }
		Entities                           []struct{ ID string }
		Events                             []struct {
			Type, Status string
			Participants []struct{ ID string }
		}
		Statements []struct {
			Speaker struct{ ID string }
			Text    string
		}
	}
}

// TestIngest: ingestArticle needs the bearer token, returns what the
// article added, and adds nothing the second time.
func TestIngest(t *testing.T) {
	u, loaded := serve(t, graph.Options{})
	vars := map[string]any{"text": ingestText}
	bearer := func(v string) http.Header { return http.Header{"Authorization": {v}} }

	store := neo4jtest.Open(t)
	disabled := httptest.NewServer(graph.NewHandler(store, graph.Options{Ingester: loaded.Loader}))
	defer disabled.Close()

	for _, tc := range []struct {
		name, url string
		header    http.Header
		want      string
	}{
		{"no token configured", disabled.URL + "/graphql", bearer("Bearer " + graphtest.Token), "mutations are disabled"},
		{"no header", u, nil, "needs the header Authorization: Bearer"},
		{"other scheme", u, bearer("Basic " + graphtest.Token), "needs the header"},
		{"wrong token", u, bearer("Bearer nope"), "not valid"},
	} {
		t.Run("refused/"+tc.name, func(t *testing.T) {
			r := graphtest.Post(t, tc.url, graphtest.Request{Query: ingest, Variables: vars, Header: tc.header})
			if len(r.Errors) != 1 || r.Errors[0].Code() != "UNAUTHORIZED" || !strings.Contains(r.Errors[0].Message, tc.want) {
				t.Errorf("errors %+v, want UNAUTHORIZED saying %q", r.Errors, tc.want)
			}
		})
	}

	t.Run("bad input", func(t *testing.T) {
		for _, v := range []map[string]any{{"text": "   "}} {
			r := graphtest.Post(t, u, graphtest.Request{Query: ingest, Variables: v, Header: bearer("Bearer " + graphtest.Token)})
			if len(r.Errors) == 0 || r.Errors[0].Code() != "INVALID" {
				t.Errorf("ingest %v: errors %+v, want INVALID", v, r.Errors)
			}
		}
		r := graphtest.Post(t, u, graphtest.Request{Header: bearer("Bearer " + graphtest.Token), Variables: vars,
			Query: `mutation($text: String!) { ingestArticle(text: $text, published: "March 3") { unchanged } }`})
		if len(r.Errors) == 0 || r.Errors[0].Code() != "INVALID" {
			t.Errorf("bad published date: errors %+v, want INVALID", r.Errors)
		}
	})

	t.Run("twice", func(t *testing.T) {
		var first, again ingestResult
		r := graphtest.Post(t, u, graphtest.Request{Query: ingest, Variables: vars, Header: bearer("bearer " + graphtest.Token)})
		graphtest.Decode(t, r, &first)
		r = graphtest.Post(t, u, graphtest.Request{Query: ingest, Variables: vars, Header: bearer("Bearer " + graphtest.Token)})
		graphtest.Decode(t, r, &again)
		a := first.IngestArticle
		// An earlier run may have stored it already; then both are unchanged.
		if !a.Unchanged && (a.NodesCreated == 0 || a.RelationshipsCreated == 0) {
			t.Errorf("first ingest created nothing: %+v", a)
		}
		if a.Article.Title != "Yoon meets Kishida" || a.Article.Published != "2024-03-03" || a.Article.Source != "test.example" ||
			!strings.HasPrefix(a.Article.ID, "article:") {
			t.Errorf("article = %+v", a.Article)
		}
		ids := map[string]bool{}
		for _, e := range a.Entities {
			ids[e.ID] = true
		}
		if !ids["person:yoon-suk-yeol"] || !ids["person:fumio-kishida"] || len(a.Events) == 0 || len(a.Statements) == 0 {
			t.Errorf("ingest returned entities %v, %d events, %d statements", ids, len(a.Events), len(a.Statements))
		}
		b := again.IngestArticle
		if !b.Unchanged || b.NodesCreated != 0 || b.RelationshipsCreated != 0 || b.Article.ID != a.Article.ID {
			t.Errorf("second ingest = %+v, want unchanged, nothing created", b)
		}
	})

	t.Run("not over GET", func(t *testing.T) {
		q := url.Values{"query": {`mutation { ingestArticle(text: "x") { unchanged } }`}}
		req, _ := http.NewRequest(http.MethodGet, u+"?"+q.Encode(), nil)
		req.Header.Set("Authorization", "Bearer "+graphtest.Token)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusMethodNotAllowed || resp.Header.Get("Allow") != "POST" {
			t.Errorf("GET mutation: status %d, Allow %q; want 405, POST", resp.StatusCode, resp.Header.Get("Allow"))
		}
	})
}

// TestTransport: GraphQL over HTTP with GET and POST, both response media
// types, automatic persisted queries and introspection.
func TestTransport(t *testing.T) {
	u, _ := serve(t, graph.Options{})
	const q = `{ entity(name: "Kim Jong Un") { id } }`
	get := func(params url.Values, accept string) graphtest.Response {
		req, _ := http.NewRequest(http.MethodGet, u+"?"+params.Encode(), nil)
		if accept != "" {
			req.Header.Set("Accept", accept)
		}
		return graphtest.Do(t, req)
	}
	for _, tc := range []struct{ accept, want string }{
		{"", "application/graphql-response+json"},
		{"application/graphql-response+json", "application/graphql-response+json"},
		{"application/json", "application/json"},
		{"*/*", "application/json"},
		{"application/json;q=0.9, application/graphql-response+json", "application/graphql-response+json"},
	} {
		r := get(url.Values{"query": {q}}, tc.accept)
		if r.Status != 200 || mediaType(r.ContentType) != tc.want || !strings.Contains(string(r.Data), "person:kim-jong-un") {
			t.Errorf("GET Accept %q: status %d, type %q, data %s", tc.accept, r.Status, r.ContentType, r.Data)
		}
	}

	sum := sha256.Sum256([]byte(q))
	apq := map[string]any{"persistedQuery": map[string]any{"version": 1, "sha256Hash": hex.EncodeToString(sum[:])}}
	ext := `{"persistedQuery":{"version":1,"sha256Hash":"` + hex.EncodeToString(sum[:]) + `"}}`
	// A cold hash is refused; sending the query with it stores it; then the hash alone works, also over GET.
	if r := graphtest.Post(t, u, graphtest.Request{Extensions: apq}); len(r.Errors) == 0 || r.Errors[0].Code() != "PERSISTED_QUERY_NOT_FOUND" {
		// An earlier test run with the same server cannot have stored it: the cache is per server.
		t.Errorf("unknown hash: %+v", r.Errors)
	}
	if r := graphtest.Post(t, u, graphtest.Request{Query: q, Extensions: apq}); len(r.Errors) > 0 {
		t.Errorf("hash with query: %+v", r.Errors)
	}
	if r := get(url.Values{"extensions": {ext}}, ""); len(r.Errors) > 0 || !strings.Contains(string(r.Data), "person:kim-jong-un") {
		t.Errorf("hash alone over GET: %+v %s", r.Errors, r.Data)
	}
}

// TestSchemaDocumented: every type, field, argument and enum value of the
// schema has a description, as introspection shows it.
func TestSchemaDocumented(t *testing.T) {
	u, _ := serve(t, graph.Options{})
	type described struct{ Name, Description string }
	var got struct {
		Schema struct {
			Types []struct {
				Name, Kind, Description string
				Fields                  []struct {
					Name, Description string
					Args              []described
				}
				InputFields []described
				EnumValues  []described
			}
		} `json:"__schema"`
	}
	graphtest.Query(t, u, `{ __schema { types { name kind description
		fields { name description args { name description } } inputFields { name description } enumValues { name description } } } }`, nil, &got)
	builtin := map[string]bool{"String": true, "Int": true, "Float": true, "Boolean": true, "ID": true}
	n := 0
	for _, typ := range got.Schema.Types {
		if strings.HasPrefix(typ.Name, "__") || builtin[typ.Name] {
			continue
		}
		if typ.Description == "" {
			t.Errorf("type %s has no description", typ.Name)
		}
		for _, f := range typ.Fields {
			n++
			if f.Description == "" {
				t.Errorf("%s.%s has no description", typ.Name, f.Name)
			}
			for _, a := range f.Args {
				if a.Description == "" {
					t.Errorf("%s.%s(%s) has no description", typ.Name, f.Name, a.Name)
				}
			}
		}
		for _, f := range append(typ.InputFields, typ.EnumValues...) {
			n++
			if f.Description == "" {
				t.Errorf("%s.%s has no description", typ.Name, f.Name)
			}
		}
	}
	if n < 200 {
		t.Errorf("introspection shows only %d fields", n)
	}
}

// TestBatching counts the Cypher statements and transactions nested
// queries cause: neither grows with the number of parents. A root field
// that reads nodes (events, entities, entity) brings what its nested
// fields go on to along in the same statement, so the whole request is one
// statement in one transaction (two statements with totalCount); other
// nested fields go through per-request dataloaders, one statement per
// level and kind. A long batch wait makes the batches deterministic under
// -race.
func TestBatching(t *testing.T) {
	store := neo4jtest.Open(t)
	loaded := graphtest.Load(t, store, "../testdata")
	u := graphtest.Server(t, store, nil, graph.Options{BatchWait: 20 * time.Millisecond, Complexity: 1 << 20}).URL + "/graphql"
	vars := func(n int) map[string]any {
		return map[string]any{"n": n, "a": loaded.Articles[graphtest.Sample]}
	}
	for _, tc := range []struct {
		name, query string
		statements  int64
		txs         int64
	}{
		{"events with participants, evidence and articles", `query($n: Int!, $a: ID) {
			events(filter: {article: $a}, first: $n) { nodes { type participants { name } assertedBy { name }
			  evidence { sentence article { title } } articles { title } } } }`, 1, 1},
		{"participants' events' participants, and the count", `query($n: Int!, $a: ID) {
			events(filter: {article: $a}, first: $n) { totalCount nodes { participants { name events { participants { name } } } } } }`, 2, 1},
		{"people with events, statements and articles", `query($n: Int!, $a: ID) {
			entities(filter: {types: [PERSON], article: $a}, orderBy: {by: EVENTS, direction: DESC}, first: $n) { nodes { name
			  events { type participants { name } evidence { article { title } } } statements { text } articles { title } } } }`, 1, 1},
		{"an entity's events two levels deep and its statements", `query($n: Int!) {
			entity(name: "Vladimir Putin") { name events { type participants { name ... on Person { country { name } } }
			  reports { status assertedBy { name } } evidence { text article { title } } } statements { text about { name } } }
			timeline(entity: "Russia", first: $n) { date } }`, 3, 3},
		{"search hits through the dataloaders", `query($n: Int!) {
			search(query: "Russia", types: [PERSON, COUNTRY, ORGANIZATION, PLACE], first: $n) {
			  edges { node { ... on Entity { events { type participants { name } } } } } } }`, 4, 4},
	} {
		t.Run(tc.name, func(t *testing.T) {
			type count struct{ statements, txs int64 }
			counts := map[int]count{}
			for _, n := range []int{1, 2, 100} {
				var got struct {
					Events, Entities struct{ Nodes []any }
					Timeline         []any
					Search           struct{ Edges []any }
				}
				q, tx := store.Queries(), store.Transactions()
				graphtest.Query(t, u, tc.query, vars(n), &got)
				counts[n] = count{store.Queries() - q, store.Transactions() - tx}
				if parents := len(got.Events.Nodes) + len(got.Entities.Nodes) + len(got.Timeline) + len(got.Search.Edges); n == 100 && parents < 4 {
					t.Fatalf("only %d parents: the test needs more", parents)
				}
			}
			want := count{tc.statements, tc.txs}
			if counts[1] != want || counts[2] != want || counts[100] != want {
				t.Errorf("Cypher statements and transactions for 1, 2 and all parents: %v, %v, %v; want %v each", counts[1], counts[2], counts[100], want)
			}
		})
	}
}

// mediaType is a Content-Type without its parameters.
func mediaType(ct string) string {
	mt, _, _ := mime.ParseMediaType(ct)
	return mt
}
