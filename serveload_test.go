package main

import (
	crand "crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"os"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/geokg/geokg/graph/graphtest"
)

// The load test: many clients on loopback, each from its own address
// (127.0.x.y, so that each is a client of its own to the per-client limit),
// mixing the typical queries with authorized ingests of new articles. It
// asserts zero 5xx and zero lost ingests (every acknowledged article is in
// the graph afterwards) and reports latencies. CI runs a short form; make
// bench runs the full one (scripts/bench-serve: 200 clients for 30 s).
//
//	GEOKG_LOAD_CLIENTS   clients (default 30)
//	GEOKG_LOAD_DURATION  how long they send (default 5s)
//	GEOKG_LOAD_REPORT    a file for the report table (markdown)

// loadQueries are the typical queries: the README's and docs/api.md's.
var loadQueries = []struct{ name, query string }{
	{"entity", `{ entity(name: "Kim Jong Un") { name ... on Person { role country { name } } } }`},
	{"entity+events", `{ entity(name: "Kim Jong Un") { name events { type status participants { name } evidence { sentence } } } }`},
	{"events", `{ events(first: 20) { totalCount nodes { type status date participants { name } assertedBy { name } evidence { sentence article { title } } } } }`},
	{"search", `{ search(query: "arms negotiations", first: 10) { totalCount edges { score node { id } } } }`},
	{"relations", `{ relations(a: "Kim Jong Un", b: "Vladimir Putin") { events { type status } statements { text } links { type } } }`},
	{"paths", `{ paths(from: "John Kirby", to: "Kim Jong Un") { length hops { type evidence { text } } } }`},
	{"neighborhood", `{ neighborhood(id: "country:RUS", depth: 2) { nodes { id kind label } edges { from to type } } }`},
	{"timeline", `{ timeline(entity: "Russia") { date event { type } statement { text } } }`},
	{"dashboard", `{ eventCounts { total byType { type count } byStatus { status count } } countryRelations(first: 10) { from { name } to { name } count } }`},
}

// One request in ingestEvery is an ingest.
const ingestEvery = 20

// loadArticle is a new article for an ingest: the same kind of story
// about the same people each time (writes that contend for the same
// nodes), with a reference that makes it a different article.
func loadArticle(run string, client, n int) string {
	leaders := [][2]string{
		{"South Korean President Yoon Suk Yeol", "Japanese Prime Minister Fumio Kishida"},
		{"Russian President Vladimir Putin", "North Korean leader Kim Jong Un"},
		{"Chinese President Xi Jinping", "Russian President Vladimir Putin"},
	}[(client+n)%3]
	return fmt.Sprintf("SEOUL, March 3, 2024 – %s met %s in Seoul on Sunday, the presidential office said. "+
		"“Our cooperation is stronger than ever,” the host said after the talks. (Load test %s, client %d, article %d.)\n",
		leaders[0], leaders[1], run, client, n)
}

type sample struct {
	kind   string
	took   time.Duration
	status int
	code   string // first error code, "" when none
	err    string // a transport error
}

func envParsed[T any](name string, def T, parse func(string) (T, error)) T {
	if v := os.Getenv(name); v != "" {
		if x, err := parse(v); err == nil {
			return x
		}
	}
	return def
}

func TestLoad(t *testing.T) {
	clients := envParsed("GEOKG_LOAD_CLIENTS", 30, strconv.Atoi)
	duration := envParsed("GEOKG_LOAD_DURATION", 5*time.Second, time.ParseDuration)
	srv, _ := testServer(t)
	var b [4]byte
	_, _ = crand.Read(b[:])
	run := hex.EncodeToString(b[:])

	// Warm the query plans, as a server that has been up a while has them.
	for _, q := range loadQueries {
		post(t, srv.URL, gql(q.query, nil), "")
	}

	var (
		mu      sync.Mutex
		samples []sample
		acked   []string // ids of the articles whose ingest was acknowledged
		wg      sync.WaitGroup
	)
	start := time.Now()
	deadline := start.Add(duration)
	for c := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			local := &net.TCPAddr{IP: net.IPv4(127, 0, byte(1+c/250), byte(1+c%250))}
			client := &http.Client{Timeout: time.Minute, Transport: &http.Transport{
				DialContext:     (&net.Dialer{LocalAddr: local}).DialContext,
				MaxIdleConns:    1,
				IdleConnTimeout: time.Minute,
			}}
			defer client.CloseIdleConnections()
			rng := rand.New(rand.NewPCG(uint64(c), 7))
			for n := 0; time.Now().Before(deadline); n++ {
				s, id := loadRequest(client, srv.URL, run, c, n, rng)
				mu.Lock()
				samples = append(samples, s)
				if id != "" {
					acked = append(acked, id)
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)

	// Zero 5xx, no transport errors, no INTERNAL.
	bad := map[string]int{}
	for _, s := range samples {
		switch {
		case s.err != "":
			bad["transport: "+s.err]++
		case s.status >= 500:
			bad[fmt.Sprintf("HTTP %d %s", s.status, s.code)]++
		case s.code == "INTERNAL":
			bad["INTERNAL"]++
		}
	}
	for what, n := range bad {
		t.Errorf("%d× %s", n, what)
	}

	// Zero lost ingests: every acknowledged article is in the graph.
	lost := 0
	for chunk := range slices.Chunk(acked, 100) {
		var got struct{ Nodes []*struct{ ID string } }
		graphtest.Query(t, srv.URL+"/graphql", `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, map[string]any{"ids": chunk}, &got)
		for i, n := range got.Nodes {
			if n == nil || n.ID != chunk[i] {
				lost++
			}
		}
	}
	if lost > 0 {
		t.Errorf("%d of %d acknowledged ingests are not in the graph", lost, len(acked))
	}

	report := loadReport(samples, clients, elapsed, len(acked), lost)
	t.Logf("load: %d clients for %s\n%s", clients, duration, report)
	if f := os.Getenv("GEOKG_LOAD_REPORT"); f != "" {
		if err := os.WriteFile(f, []byte(report), 0o644); err != nil {
			t.Error(err)
		}
	}
}

// loadRequest sends one request of client c: a query, or every
// ingestEvery-th an ingest. It returns the sample and, for an
// acknowledged ingest, the article's id.
func loadRequest(client *http.Client, base, run string, c, n int, rng *rand.Rand) (sample, string) {
	var s sample
	var body string
	// Every fifth client starts with an ingest, so that even a short run
	// has writes that contend for the same nodes; then one in ingestEvery.
	if n == 0 && c%5 == 0 || rng.IntN(ingestEvery) == 0 {
		s.kind = "ingest"
		body = gql(`mutation($text: String!) { ingestArticle(text: $text, published: "2024-03-03", source: "load.test") { unchanged article { id } } }`,
			map[string]any{"text": loadArticle(run, c, n)})
	} else {
		q := loadQueries[rng.IntN(len(loadQueries))]
		s.kind, body = q.name, gql(q.query, nil)
	}
	req, _ := http.NewRequest(http.MethodPost, base+"/graphql", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if n%2 == 0 {
		req.Header.Set("Accept", "application/json") // legacy clients and new ones alike
	}
	if s.kind == "ingest" {
		req.Header.Set("Authorization", "Bearer "+graphtest.Token)
	}
	start := time.Now()
	resp, err := client.Do(req)
	if err != nil {
		s.took, s.err = time.Since(start), err.Error()
		return s, ""
	}
	raw, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	s.took, s.status = time.Since(start), resp.StatusCode
	if err != nil {
		s.err = err.Error()
		return s, ""
	}
	var r struct {
		Data struct {
			IngestArticle *struct{ Article struct{ ID string } }
		}
		Errors []graphtest.Error
	}
	_ = json.Unmarshal(raw, &r)
	if len(r.Errors) > 0 {
		s.code = r.Errors[0].Code()
	}
	if s.kind == "ingest" && s.status == 200 && len(r.Errors) == 0 && r.Data.IngestArticle != nil {
		return s, r.Data.IngestArticle.Article.ID
	}
	return s, ""
}

// loadReport is a markdown table of the run: per kind of request, its
// count, error codes and latency percentiles.
func loadReport(samples []sample, clients int, elapsed time.Duration, acked, lost int) string {
	byKind := map[string][]sample{}
	for _, s := range samples {
		byKind[s.kind] = append(byKind[s.kind], s)
		byKind["all"] = append(byKind["all"], s)
	}
	kinds := make([]string, 0, len(byKind))
	for k := range byKind {
		kinds = append(kinds, k)
	}
	sort.Slice(kinds, func(i, j int) bool {
		if kinds[i] == "all" || kinds[j] == "all" {
			return kinds[j] == "all"
		}
		return kinds[i] < kinds[j]
	})
	var b strings.Builder
	fmt.Fprintf(&b, "%d clients, %s, %d requests (%.0f/s), %d ingests acknowledged, %d lost\n\n",
		clients, elapsed.Round(time.Millisecond), len(samples), float64(len(samples))/elapsed.Seconds(), acked, lost)
	b.WriteString("| requests | count | 5xx | errors (code×n) | p50 | p90 | p99 | max |\n|---|---|---|---|---|---|---|---|\n")
	for _, k := range kinds {
		ss := byKind[k]
		took := make([]time.Duration, len(ss))
		codes := map[string]int{}
		fivexx := 0
		for i, s := range ss {
			took[i] = s.took
			if s.code != "" {
				codes[s.code]++
			}
			if s.err != "" {
				codes["transport"]++
			}
			if s.status >= 500 {
				fivexx++
			}
		}
		slices.Sort(took)
		pct := func(p float64) string {
			return took[min(len(took)-1, int(p*float64(len(took))))].Round(100 * time.Microsecond).String()
		}
		var errs []string
		for c, n := range codes {
			errs = append(errs, fmt.Sprintf("%s×%d", c, n))
		}
		sort.Strings(errs)
		fmt.Fprintf(&b, "| %s | %d | %d | %s | %s | %s | %s | %s |\n", k, len(ss), fivexx, strings.Join(errs, " "),
			pct(0.5), pct(0.9), pct(0.99), took[len(took)-1].Round(100*time.Microsecond))
	}
	return b.String()
}
