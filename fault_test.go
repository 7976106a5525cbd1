package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/geokg/geokg/neo4j"
	"github.com/geokg/geokg/neo4j/neo4jtest"
)

// faultNeo4j is a Neo4j of the test's own, which it stops and starts:
// its own port (GEOKG_FAULT_NEO4J_PORT, or a free one) and its own state
// and data directory (.neo4j/fault-PORT), deleted afterwards.
type faultNeo4j struct {
	t   *testing.T
	env []string
	uri string
}

func newFaultNeo4j(t *testing.T) *faultNeo4j {
	t.Helper()
	port := os.Getenv("GEOKG_FAULT_NEO4J_PORT")
	if port == "" {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		port = strconv.Itoa(ln.Addr().(*net.TCPAddr).Port)
		ln.Close()
	}
	root, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	state := filepath.Join(root, ".neo4j", "fault-"+port)
	f := &faultNeo4j{t: t, env: append(os.Environ(),
		"NEO4J_PORT="+port, "NEO4J_STATE_DIR="+state, "NEO4J_DATA_DIR="+filepath.Join(state, "data"),
		"NEO4J_HEAP=512m", "NEO4J_PAGECACHE=64m")}
	if err := f.script("start"); err != nil {
		neo4jtest.Missing(t, "cannot start a Neo4j of the test's own: %v", err)
	}
	t.Cleanup(func() {
		_ = f.script("stop")
		_ = os.RemoveAll(state)
	})
	return f
}

func (f *faultNeo4j) script(cmd string) error {
	c := exec.Command("scripts/neo4j", cmd)
	c.Env = f.env
	out, err := c.Output()
	if err != nil {
		var stderr string
		if ee, ok := err.(*exec.ExitError); ok {
			stderr = string(ee.Stderr)
		}
		return fmt.Errorf("scripts/neo4j %s: %v\n%s", cmd, err, stderr)
	}
	if cmd == "start" {
		f.uri = strings.TrimSpace(string(out))
	}
	return nil
}

func (f *faultNeo4j) start() {
	f.t.Helper()
	if err := f.script("start"); err != nil {
		f.t.Fatal(err)
	}
}

func (f *faultNeo4j) stop() {
	f.t.Helper()
	if err := f.script("stop"); err != nil {
		f.t.Fatal(err)
	}
}

// get fetches a plain endpoint (/readyz, /healthz, /metrics).
func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// TestNeo4jStops stops the server's Neo4j while it serves: queries get
// UNAVAILABLE at once, /readyz says 503 and why, /healthz stays 200, and
// when Neo4j is back the server serves again without a restart.
func TestNeo4jStops(t *testing.T) {
	db := newFaultNeo4j(t)
	// A generous timeout: a fresh Neo4j on a busy machine answers its
	// first queries slowly.
	srv := startServer(t, neo4j.Config{URI: db.uri}, "--timeout", "60s", "--write-timeout", "90s",
		"--load", "--published", "2023-09-11", "testdata/kim-putin-2023-09-11.txt")
	const kim = `{ entity(name: "Kim Jong Un") { id events { type } } }`
	if r := post(t, srv.URL, gql(kim, nil), ""); r.Status != 200 || r.code() != "" || !strings.Contains(string(r.Body.Data), "person:kim-jong-un") {
		t.Fatalf("before the stop: %d %+v %s", r.Status, r.Body.Errors, r.Body.Data)
	}

	db.stop()
	stopped := time.Now()
	first := post(t, srv.URL, gql(kim, nil), "")
	firstTook := time.Since(stopped)
	if first.code() != "UNAVAILABLE" || first.Status != 200 {
		t.Errorf("first query after the stop: %d %+v", first.Status, first.Body.Errors)
	}
	if firstTook > 5*time.Second {
		t.Errorf("the first query after the stop took %s", firstTook)
	}
	var slowest time.Duration
	for range 10 {
		start := time.Now()
		r := post(t, srv.URL, gql(kim, nil), "")
		slowest = max(slowest, time.Since(start))
		if r.code() != "UNAVAILABLE" {
			t.Errorf("while down: %d %+v", r.Status, r.Body.Errors)
		}
	}
	if slowest > time.Second {
		t.Errorf("UNAVAILABLE took up to %s while the database was known to be down", slowest)
	}
	if code, body := get(t, srv.URL+"/readyz"); code != 503 || !strings.Contains(body, "down") {
		t.Errorf("/readyz while down: %d %q", code, body)
	} else {
		t.Logf("/readyz while down: %d %s", code, strings.TrimSpace(body))
	}
	if code, _ := get(t, srv.URL+"/healthz"); code != 200 {
		t.Errorf("/healthz while down: %d", code)
	}
	if _, body := get(t, srv.URL+"/metrics"); !strings.Contains(body, "geokg_neo4j_up 0") {
		t.Errorf("/metrics does not say the database is down")
	}

	db.start()
	// Recovery is counted from when Neo4j answers again: a Neo4j that has
	// just started on a busy machine takes seconds for its first answer.
	answers := time.Now()
	for {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		s, err := neo4j.Open(ctx, neo4j.Config{URI: db.uri})
		if err == nil {
			err = s.Ping(ctx)
			s.Close(ctx)
		}
		cancel()
		if err == nil {
			break
		}
		if time.Since(answers) > time.Minute {
			t.Fatalf("the restarted Neo4j does not answer: %v", err)
		}
	}
	neo4jBack := time.Since(answers)
	ready := time.Now()
	for {
		if code, _ := get(t, srv.URL+"/readyz"); code == 200 {
			break
		}
		if time.Since(ready) > 30*time.Second {
			logs := srv.logs.String()
			t.Fatalf("not ready 30 s after Neo4j was back; the server's log ends:\n%s", logs[max(0, len(logs)-3000):])
		}
		time.Sleep(20 * time.Millisecond)
	}
	recovered := time.Since(ready)
	// The data is still there (a restarted Neo4j's first queries are slow).
	r := post(t, srv.URL, gql(kim, nil), "")
	if r.code() != "" || !strings.Contains(string(r.Body.Data), "person:kim-jong-un") {
		t.Errorf("after recovery: %d %+v %s", r.Status, r.Body.Errors, r.Body.Data)
	}
	t.Logf("first answer after the stop: UNAVAILABLE in %s; then at most %s; Neo4j answered %s after its start; the server was ready %s after that",
		firstTook.Round(10*time.Microsecond), slowest.Round(10*time.Microsecond), neo4jBack.Round(time.Millisecond), recovered.Round(time.Millisecond))
	if recovered > 3*time.Second {
		t.Errorf("recovery took %s", recovered)
	}
	if !strings.Contains(srv.logs.String(), "the graph database is down") || !strings.Contains(srv.logs.String(), "answers again") {
		t.Errorf("the log does not tell the outage: %s", srv.logs)
	}
}

// TestDeadlineHit makes Neo4j slower than the request timeout (through a
// proxy that holds its answers for 8 s): the answer is TIMEOUT, in about the
// timeout, and the database is not taken for down.
func TestDeadlineHit(t *testing.T) {
	cfg := neo4jtest.Require(t)
	addr, ok := strings.CutPrefix(cfg.URI, "bolt://")
	if !ok {
		t.Skipf("needs a bolt:// test URI, not %s", cfg.URI)
	}
	p := neo4jtest.NewProxy(t, addr)
	cfg.URI = "bolt://" + p.Addr()
	srv := startServer(t, cfg, "--timeout", "3s")
	const q = `{ events(first: 5) { totalCount } }`
	// Warm up: the first queries of a server may take long on a busy machine.
	for start := time.Now(); ; {
		r := post(t, srv.URL, gql(q, nil), "")
		if r.code() == "" {
			break
		}
		if time.Since(start) > time.Minute {
			t.Fatalf("before the delay: %+v", r.Body.Errors)
		}
	}
	p.Delay(8 * time.Second)
	start := time.Now()
	r := post(t, srv.URL, gql(q, nil), "application/json")
	took := time.Since(start)
	if r.code() != "TIMEOUT" || r.Status != 200 {
		t.Errorf("a slow database: %d %+v, want TIMEOUT", r.Status, r.Body.Errors)
	}
	if took > 6*time.Second {
		t.Errorf("a deadline of 3s answered after %s: it waited for the database", took)
	}
	if code, body := get(t, srv.URL+"/readyz"); code != 200 {
		t.Errorf("a deadline marked the database down: %d %s", code, body)
	}
	p.Delay(0)
	t.Logf("TIMEOUT after %s", took.Round(time.Millisecond))
}
