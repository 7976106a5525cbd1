package main

import (
	"bytes"
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"sort"
	"strings"

	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// The three ways of asking each question: geokg's /graphql, the same
// question written by hand in Cypher through the Go driver (the floor),
// and @neo4j/graphql 7 served by Node (bench/neo4j-graphql). Each answer
// is normalized (order, enum spelling, evidence as a set) so that the
// three can be compared.

var (
	//go:embed q1.cypher
	q1Cypher string
	//go:embed q2.cypher
	q2Cypher string
	//go:embed q3.cypher
	q3Cypher string
)

// Q2's filter, in each system's spelling.
var (
	q2Types    = []string{"Meeting", "Visit", "Agreement"}
	q2Statuses = []string{"occurred", "planned"}
)

const q3Limit = 200

const (
	q1GeoKG = `query($name: String!) { entity(name: $name) { id name
  events { id type status date participants { id name } evidence { text sentence start end article { id title } } }
  statements { id text } } }`
	q1Peer = `query($id: ID!) { people(where: {id: {eq: $id}}) { id name
  events { id type status date participants { id name } reports { starts ends texts sentences article { id title } } }
  statements { id text } } }`
	q2GeoKG = `{ events(filter: {types: [MEETING, VISIT, AGREEMENT], statuses: [OCCURRED, PLANNED]},
  orderBy: {by: DATE, direction: ASC}, first: 20) { nodes { id type status date participants { id name } } } }`
	q2Peer = `{ events(where: {type: {in: ["Meeting", "Visit", "Agreement"]}, status: {in: ["occurred", "planned"]}},
  sort: [{dateStart: ASC}, {id: ASC}], limit: 20) { id type status date participants { id name } } }`
	q3GeoKG = `query($name: String!) { neighborhood(id: $name, depth: 2, limit: 200) {
  nodes { id kind label depth } edges { from to type } truncated } }`
	q3Peer = `query($name: String!) { neighborhood(name: $name, limit: 200) {
  nodes { id kind label depth } edges { from to type } truncated } }`
)

// asker asks one question once and returns its normalized answer. The
// timed part is fetch: the request and the whole response (HTTP bodies
// are read, not decoded: decoding is the client's business, and the same
// for both GraphQL servers); the check normalizes afterwards.
type asker struct {
	fetch func(ctx context.Context) (any, error)
	norm  func(any) string
}

func (a asker) answer(ctx context.Context) (string, error) {
	v, err := a.fetch(ctx)
	if err != nil {
		return "", err
	}
	return a.norm(v), nil
}

// system is one way of asking the three questions.
type system struct {
	name string
	ask  [3]asker
	// pid is the server's process, when it runs on this machine: its CPU
	// time per request is measured (procCPU).
	pid int
}

// graphQL posts a query to a GraphQL endpoint and returns the response
// body, failing on a GraphQL error.
func graphQL(client *http.Client, url, query string, vars map[string]any) func(ctx context.Context) (any, error) {
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	return func(ctx context.Context) (any, error) {
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
		if err != nil {
			return nil, err
		}
		req.Header.Set("Content-Type", "application/json")
		resp, err := client.Do(req)
		if err != nil {
			return nil, err
		}
		defer resp.Body.Close()
		raw, err := io.ReadAll(resp.Body)
		if err != nil {
			return nil, err
		}
		// Errors come first in both servers' answers; a data-less answer is short.
		if bytes.Contains(raw[:min(len(raw), 200)], []byte(`"errors"`)) {
			_, err := data(raw)
			return nil, fmt.Errorf("%s: %v", url, err)
		}
		return raw, nil
	}
}

// data decodes a GraphQL response body.
func data(raw any) (map[string]any, error) {
	b, _ := raw.([]byte)
	var out struct {
		Data   map[string]any
		Errors []struct{ Message string }
	}
	if err := json.Unmarshal(b, &out); err != nil {
		return nil, fmt.Errorf("%v: %.200s", err, b)
	}
	if len(out.Errors) > 0 {
		return nil, fmt.Errorf("%s", out.Errors[0].Message)
	}
	return out.Data, nil
}

// field is a top-level field of a response body.
func field(raw any, name string) any {
	d, _ := data(raw)
	return d[name]
}

func geokgSystem(client *http.Client, url, name string) system {
	return system{name: "geokg", ask: [3]asker{
		{graphQL(client, url, q1GeoKG, map[string]any{"name": name}), func(v any) string {
			e, _ := field(v, "entity").(map[string]any)
			return normQ1(e, "evidence")
		}},
		{graphQL(client, url, q2GeoKG, nil), func(v any) string {
			c, _ := field(v, "events").(map[string]any)
			return normQ2(list(c["nodes"]))
		}},
		{graphQL(client, url, q3GeoKG, map[string]any{"name": name}), func(v any) string {
			g, _ := field(v, "neighborhood").(map[string]any)
			return normQ3(g)
		}},
	}}
}

func peerSystem(client *http.Client, url, name, id string) system {
	return system{name: "@neo4j/graphql", ask: [3]asker{
		{graphQL(client, url, q1Peer, map[string]any{"id": id}), func(v any) string {
			var e map[string]any
			if l := list(field(v, "people")); len(l) > 0 {
				e, _ = l[0].(map[string]any)
			}
			return normQ1(e, "reports")
		}},
		{graphQL(client, url, q2Peer, nil), func(v any) string { return normQ2(list(field(v, "events"))) }},
		{graphQL(client, url, q3Peer, map[string]any{"name": name}), func(v any) string {
			g, _ := field(v, "neighborhood").(map[string]any)
			return normQ3(g)
		}},
	}}
}

// cypherSystem asks through the driver, one read transaction per question.
func cypherSystem(d driver.DriverWithContext, name string) system {
	run := func(cypher string, params map[string]any) func(ctx context.Context) (any, error) {
		return func(ctx context.Context) (any, error) {
			res, err := driver.ExecuteQuery(ctx, d, cypher, params, driver.EagerResultTransformer,
				driver.ExecuteQueryWithReadersRouting())
			if err != nil {
				return nil, err
			}
			out := make([]any, len(res.Records))
			for i, r := range res.Records {
				out[i] = plain(r.Values[0])
			}
			return out, nil
		}
	}
	first := func(v any) map[string]any {
		var m map[string]any
		if l := list(v); len(l) > 0 {
			m, _ = l[0].(map[string]any)
		}
		return m
	}
	return system{name: "Cypher by hand", ask: [3]asker{
		{run(q1Cypher, map[string]any{"name": name}), func(v any) string { return normQ1(first(v), "evidence") }},
		{run(q2Cypher, map[string]any{"types": q2Types, "statuses": q2Statuses}), func(v any) string { return normQ2(list(v)) }},
		{run(q3Cypher, map[string]any{"name": name, "limit": int64(q3Limit)}), func(v any) string { return normQ3(first(v)) }},
	}}
}

// plain turns driver values into JSON-like values (numbers as float64, as
// encoding/json decodes them).
func plain(v any) any {
	switch x := v.(type) {
	case int64:
		return float64(x)
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = plain(e)
		}
		return out
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = plain(e)
		}
		return out
	default:
		return v
	}
}

func list(v any) []any {
	l, _ := v.([]any)
	return l
}

func str(m map[string]any, k string) string {
	s, _ := m[k].(string)
	return s
}

// word spells a vocabulary value one way: ARMS_TRANSFER, ArmsTransfer → armstransfer.
func word(s string) string { return strings.ToLower(strings.ReplaceAll(s, "_", "")) }

// canon is the JSON of v with every list sorted by its elements' JSON.
func canon(v any) string {
	var sortAll func(v any) any
	sortAll = func(v any) any {
		switch x := v.(type) {
		case []any:
			keys := make([]string, len(x))
			out := make([]any, len(x))
			for i, e := range x {
				out[i] = sortAll(e)
				b, _ := json.Marshal(out[i])
				keys[i] = string(b)
			}
			sort.Sort(byKey{keys, out})
			return out
		case map[string]any:
			out := make(map[string]any, len(x))
			for k, e := range x {
				out[k] = sortAll(e)
			}
			return out
		}
		return v
	}
	b, _ := json.Marshal(sortAll(v))
	return string(b)
}

type byKey struct {
	keys []string
	vals []any
}

func (b byKey) Len() int           { return len(b.keys) }
func (b byKey) Less(i, j int) bool { return b.keys[i] < b.keys[j] }
func (b byKey) Swap(i, j int) {
	b.keys[i], b.keys[j] = b.keys[j], b.keys[i]
	b.vals[i], b.vals[j] = b.vals[j], b.vals[i]
}

func idName(v any) []any {
	out := []any{}
	for _, x := range list(v) {
		m, _ := x.(map[string]any)
		out = append(out, map[string]any{"id": str(m, "id"), "name": str(m, "name")})
	}
	return out
}

// normQ1 normalizes an entity with its events and statements; evidence is
// either geokg's spans (key "evidence") or the peer's reports (key
// "reports", spans as parallel lists), compared as a set.
func normQ1(e map[string]any, evidenceKey string) string {
	if e == nil {
		return "null"
	}
	var events []any
	for _, x := range list(e["events"]) {
		ev, _ := x.(map[string]any)
		spans := map[string]any{}
		add := func(text, sentence string, start, end any, art map[string]any) {
			sp := map[string]any{"text": text, "sentence": sentence, "start": start, "end": end,
				"article": map[string]any{"id": str(art, "id"), "title": str(art, "title")}}
			spans[canon(sp)] = sp
		}
		if evidenceKey == "evidence" {
			for _, y := range list(ev["evidence"]) {
				sp, _ := y.(map[string]any)
				art, _ := sp["article"].(map[string]any)
				add(str(sp, "text"), str(sp, "sentence"), sp["start"], sp["end"], art)
			}
		} else {
			for _, y := range list(ev["reports"]) {
				r, _ := y.(map[string]any)
				var art map[string]any
				if a := list(r["article"]); len(a) > 0 {
					art, _ = a[0].(map[string]any)
				}
				starts, ends, texts, sentences := list(r["starts"]), list(r["ends"]), list(r["texts"]), list(r["sentences"])
				for i := range starts {
					s, _ := sentences[i].(string)
					t, _ := texts[i].(string)
					add(t, s, starts[i], ends[i], art)
				}
			}
		}
		var evidence []any
		for _, sp := range spans {
			evidence = append(evidence, sp)
		}
		events = append(events, map[string]any{"id": str(ev, "id"), "type": word(str(ev, "type")), "status": word(str(ev, "status")),
			"date": str(ev, "date"), "participants": idName(ev["participants"]), "evidence": evidence})
	}
	var statements []any
	for _, x := range list(e["statements"]) {
		s, _ := x.(map[string]any)
		statements = append(statements, map[string]any{"id": str(s, "id"), "text": str(s, "text")})
	}
	return canon(map[string]any{"id": str(e, "id"), "name": str(e, "name"), "events": events, "statements": statements})
}

// normQ2 normalizes a page of events with their participants.
func normQ2(events []any) string {
	var out []any
	for _, x := range events {
		ev, _ := x.(map[string]any)
		out = append(out, map[string]any{"id": str(ev, "id"), "type": word(str(ev, "type")), "status": word(str(ev, "status")),
			"date": str(ev, "date"), "participants": idName(ev["participants"])})
	}
	return canon(out)
}

// normQ3 normalizes a subgraph.
func normQ3(g map[string]any) string {
	if g == nil {
		return "null"
	}
	var nodes, edges []any
	for _, x := range list(g["nodes"]) {
		n, _ := x.(map[string]any)
		nodes = append(nodes, map[string]any{"id": str(n, "id"), "kind": word(str(n, "kind")), "label": str(n, "label"), "depth": n["depth"]})
	}
	for _, x := range list(g["edges"]) {
		e, _ := x.(map[string]any)
		edges = append(edges, map[string]any{"from": str(e, "from"), "type": str(e, "type"), "to": str(e, "to")})
	}
	return canon(map[string]any{"nodes": nodes, "edges": edges, "truncated": g["truncated"]})
}
