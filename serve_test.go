package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/geokg/geokg/graph/graphtest"
	"github.com/geokg/geokg/neo4j"
	"github.com/geokg/geokg/neo4j/neo4jtest"
)

// server is a geokg serve started by run, as main starts it, for tests of
// the whole server: middleware, limits, health and shutdown.
type server struct {
	URL  string
	stop context.CancelFunc // a SIGTERM
	done chan error         // what run returned
	logs *syncBuffer        // its stderr: JSON logs
}

// syncBuffer is a bytes.Buffer that the server and the test share.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// useNeo4j points the commands that main's run starts in this test at the
// Neo4j that cfg names (they read NEO4J_* as a user's shell gives them).
func useNeo4j(t testing.TB, cfg neo4j.Config) {
	t.Setenv("NEO4J_URI", cfg.URI)
	t.Setenv("NEO4J_USER", cfg.User)
	t.Setenv("NEO4J_PASSWORD", cfg.Password)
	t.Setenv("NEO4J_DATABASE", cfg.Database)
}

// startServer runs `geokg serve` with args on a free port of loopback,
// against the Neo4j that cfg names, with the test bearer token and JSON
// logs; it stops when the test ends.
func startServer(t testing.TB, cfg neo4j.Config, args ...string) *server {
	t.Helper()
	useNeo4j(t, cfg)
	t.Setenv("GEOKG_TOKEN", graphtest.Token)
	t.Setenv("GEOKG_LOG_FORMAT", "json")
	ctx, cancel := context.WithCancel(context.Background())
	out, stdout := io.Pipe()
	s := &server{stop: cancel, done: make(chan error, 1), logs: &syncBuffer{}}
	go func() {
		err := run(ctx, append([]string{"serve", "--addr", "127.0.0.1:0"}, args...), stdout, s.logs)
		stdout.Close()
		s.done <- err
	}()
	lines := bufio.NewScanner(out)
	for lines.Scan() {
		if _, rest, ok := strings.Cut(lines.Text(), "serving GraphQL at "); ok {
			s.URL, _, _ = strings.Cut(rest, "/graphql")
			break
		}
	}
	go func() { _, _ = io.Copy(io.Discard, out) }()
	if s.URL == "" {
		cancel()
		t.Fatalf("the server did not start: %v\n%s", <-s.done, s.logs)
	}
	t.Cleanup(func() {
		cancel()
		select {
		case <-s.done:
		case <-time.After(30 * time.Second):
			t.Errorf("the server did not stop")
		}
	})
	return s
}

// testServer serves the test database, loaded with the test articles.
func testServer(t *testing.T, args ...string) (*server, *neo4j.Store) {
	t.Helper()
	store := neo4jtest.Open(t)
	graphtest.Load(t, store, "testdata")
	return startServer(t, neo4jtest.Require(t), args...), store
}

// reply is an HTTP answer with its GraphQL body, if it has one.
type reply struct {
	Status int
	Header http.Header
	Size   int
	Body   struct {
		Data   json.RawMessage
		Errors []graphtest.Error
	}
	HasData bool
}

// code is the first error's code, "" without errors.
func (r reply) code() string {
	if len(r.Body.Errors) == 0 {
		return ""
	}
	return r.Body.Errors[0].Code()
}

// do sends a request and reads its answer.
func do(t testing.TB, req *http.Request) reply {
	t.Helper()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", req.Method, req.URL, err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	r := reply{Status: resp.StatusCode, Header: resp.Header, Size: len(raw)}
	_ = json.Unmarshal(raw, &r.Body)
	var fields map[string]json.RawMessage
	_ = json.Unmarshal(raw, &fields)
	_, r.HasData = fields["data"]
	return r
}

// post posts a GraphQL request body with the given Accept header.
func post(t testing.TB, url, body, accept string) reply {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPost, url+"/graphql", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if accept != "" {
		req.Header.Set("Accept", accept)
	}
	return do(t, req)
}

// gql is the JSON body of a GraphQL request.
func gql(query string, vars map[string]any) string {
	b, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	return string(b)
}
