package neo4j_test

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/geokg/geokg/model"
	"github.com/geokg/geokg/neo4j"
	"github.com/geokg/geokg/neo4j/neo4jtest"
	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// TestTranslate: driver errors become the codes users can act on; the
// request's own deadline decides over the driver's error type.
func TestTranslate(t *testing.T) {
	expired, cancel := context.WithDeadline(context.Background(), time.Now().Add(-time.Second))
	defer cancel()
	live := context.Background()
	refused := &driver.ConnectivityError{Inner: errors.New("dial tcp 127.0.0.1:1: connect: connection refused")}
	for _, tc := range []struct {
		name string
		ctx  context.Context
		err  error
		want string
	}{
		{"deadline while reading", expired, &driver.ConnectivityError{Inner: errors.New("read: i/o timeout")}, model.ETIMEOUT},
		{"refused", live, refused, model.EUNAVAILABLE},
		{"retries ran out on a refused connection", live, &driver.TransactionExecutionLimit{Cause: "timeout", Errors: []error{refused}}, model.EUNAVAILABLE},
		{"server-side transaction timeout", live, &driver.Neo4jError{Code: "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration"}, model.ETIMEOUT},
		{"deadline", live, context.DeadlineExceeded, model.ETIMEOUT},
		{"syntax error", live, &driver.Neo4jError{Code: "Neo.ClientError.Statement.SyntaxError"}, model.EINTERNAL},
	} {
		if got := model.ErrorCode(neo4j.Translate(tc.ctx, tc.err)); got != tc.want {
			t.Errorf("%s: %s, want %s", tc.name, got, tc.want)
		}
	}
}

// TestDeadline: a transaction that outlives its deadline is TIMEOUT, never
// UNAVAILABLE, and the database stays healthy.
func TestDeadline(t *testing.T) {
	s := neo4jtest.Open(t)
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	start := time.Now()
	err := neo4j.ReadCypher(ctx, s, "UNWIND range(1, 1000000000) AS x RETURN count(x)")
	if code := model.ErrorCode(err); code != model.ETIMEOUT {
		t.Fatalf("error %v (code %s), want TIMEOUT", err, code)
	}
	took := time.Since(start)
	t.Logf("TIMEOUT after %s", took)
	if took > 5*time.Second {
		t.Errorf("the deadline of 300ms took %s to be noticed", took)
	}
	if h := s.Health(); !h.Up {
		t.Errorf("a deadline marked the database down: %+v", h)
	}
}

// TestHealth: through a proxy that can cut the connection to Neo4j, a
// store answers UNAVAILABLE at once while the database is unreachable,
// says why, and serves again as soon as it is back, without reopening.
func TestHealth(t *testing.T) {
	cfg := neo4jtest.Require(t)
	target := strings.TrimPrefix(cfg.URI, "bolt://")
	if target == cfg.URI {
		t.Skipf("the proxy speaks to bolt:// URIs only, not %s", cfg.URI)
	}
	p := neo4jtest.NewProxy(t, target)
	var mu sync.Mutex
	var changes []neo4j.Health
	cfg.URI = "bolt://" + p.Addr()
	cfg.ProbeEvery = 100 * time.Millisecond
	cfg.OnHealth = func(h neo4j.Health) { mu.Lock(); changes = append(changes, h); mu.Unlock() }
	ctx := context.Background()
	s, err := neo4j.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close(ctx)
	if err := s.Ping(ctx); err != nil {
		t.Fatal(err)
	}

	p.Cut()
	waitFor(t, "the store to notice", func() bool { return !s.Health().Up })
	if h := s.Health(); h.Reason == "" {
		t.Errorf("down without a reason: %+v", h)
	}
	for range 3 {
		start := time.Now()
		err := s.Ping(ctx)
		if code := model.ErrorCode(err); code != model.EUNAVAILABLE {
			t.Errorf("while down: %v (code %s), want UNAVAILABLE", err, code)
		}
		if took := time.Since(start); took > 50*time.Millisecond {
			t.Errorf("UNAVAILABLE took %s; it should be at once", took)
		}
	}

	p.Restore()
	waitFor(t, "the store to recover", func() bool { return s.Health().Up })
	if err := s.Ping(ctx); err != nil {
		t.Errorf("after recovery: %v", err)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(changes) != 2 || changes[0].Up || !changes[1].Up {
		t.Errorf("health changes %+v, want down then up", changes)
	}
}

func waitFor(t *testing.T, what string, ok func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !ok() {
		if time.Now().After(deadline) {
			t.Fatalf("waited 10s for %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestRouting: a neo4j:// URI (a cluster's, with routing) works against
// the local server, which routes to itself: reads, writes and the probe.
func TestRouting(t *testing.T) {
	cfg := neo4jtest.Require(t)
	addr, ok := strings.CutPrefix(cfg.URI, "bolt://")
	if !ok {
		t.Skipf("needs a bolt:// test URI to derive a neo4j:// one, not %s", cfg.URI)
	}
	cfg.URI = "neo4j://" + addr
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	s, err := neo4j.Open(ctx, cfg) // Open writes: it ensures the schema
	if err != nil {
		t.Fatalf("open %s: %v", cfg.URI, err)
	}
	defer s.Close(ctx)
	if err := s.Ping(ctx); err != nil {
		t.Fatalf("read through routing: %v", err)
	}
	doc := testDoc("routing")
	// Apart from TestSaveDocument's: its own article, no events or statements.
	doc.Article.ID, doc.Events, doc.Statements = "article:test-routing-0002", nil, nil
	if _, err := s.SaveDocument(ctx, doc); err != nil {
		t.Fatalf("write through routing: %v", err)
	}
	if n, _, err := s.Size(ctx); err != nil || n == 0 {
		t.Errorf("size through routing: %d, %v", n, err)
	}
	time.Sleep(3 * neo4j.DefaultProbeEvery)
	if h := s.Health(); !h.Up {
		t.Errorf("the probe through routing says down: %+v", h)
	}
}
