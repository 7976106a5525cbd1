package web_test

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/geokg/geokg/metrics"
	"github.com/geokg/geokg/web"
)

// TestCORS: off by default; an allowed origin gets its preflight answered
// and its answers readable; another origin is refused.
func TestCORS(t *testing.T) {
	ok := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusOK) })
	for _, tc := range []struct {
		name        string
		origins     []string
		method      string
		origin      string
		preflight   bool
		status      int
		allowOrigin string
	}{
		{"off: simple request", nil, "POST", "https://dash.example.org", false, 200, ""},
		{"off: preflight refused", nil, "OPTIONS", "https://dash.example.org", true, 403, ""},
		{"allowed: preflight", []string{"https://dash.example.org"}, "OPTIONS", "https://dash.example.org", true, 204, "https://dash.example.org"},
		{"allowed: request", []string{"https://dash.example.org"}, "POST", "https://dash.example.org", false, 200, "https://dash.example.org"},
		{"other origin: preflight", []string{"https://dash.example.org"}, "OPTIONS", "https://evil.example", true, 403, ""},
		{"other origin: request runs, unreadable", []string{"https://dash.example.org"}, "POST", "https://evil.example", false, 200, ""},
		{"any origin", []string{"*"}, "OPTIONS", "https://any.example", true, 204, "https://any.example"},
		{"plain OPTIONS", nil, "OPTIONS", "", false, 204, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req := httptest.NewRequest(tc.method, "/graphql", nil)
			if tc.origin != "" {
				req.Header.Set("Origin", tc.origin)
			}
			if tc.preflight {
				req.Header.Set("Access-Control-Request-Method", "POST")
				req.Header.Set("Access-Control-Request-Headers", "content-type, authorization")
			}
			rec := httptest.NewRecorder()
			web.CORS(tc.origins, ok).ServeHTTP(rec, req)
			if rec.Code != tc.status || rec.Header().Get("Access-Control-Allow-Origin") != tc.allowOrigin {
				t.Errorf("status %d, Allow-Origin %q; want %d, %q", rec.Code, rec.Header().Get("Access-Control-Allow-Origin"), tc.status, tc.allowOrigin)
			}
			if tc.status == 204 && tc.preflight {
				h := rec.Header()
				if !strings.Contains(h.Get("Access-Control-Allow-Methods"), "POST") ||
					!strings.Contains(h.Get("Access-Control-Allow-Headers"), "Authorization") || h.Get("Access-Control-Max-Age") == "" {
					t.Errorf("preflight headers %v", h)
				}
			}
			if tc.status == 403 && !strings.Contains(rec.Body.String(), `"code":"FORBIDDEN"`) {
				t.Errorf("refusal without a code: %s", rec.Body)
			}
		})
	}
}

// TestLimitClients: a client over its limit gets 429 with Retry-After
// while other clients are served.
func TestLimitClients(t *testing.T) {
	release := make(chan struct{})
	var started sync.WaitGroup
	slow := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("wait") != "" {
			started.Done()
			<-release
		}
	})
	h := web.Observe(slog.New(slog.DiscardHandler), metrics.New(), func(r *http.Request) string { return r.Header.Get("X-Client") },
		web.LimitClients(2, nil, slow))
	do := func(client, query string) int {
		req := httptest.NewRequest("POST", "/graphql"+query, nil)
		req.Header.Set("X-Client", client)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code == 429 && (rec.Header().Get("Retry-After") == "" || !strings.Contains(rec.Body.String(), "RATE_LIMITED")) {
			t.Errorf("429 without Retry-After or code: %v %s", rec.Header(), rec.Body)
		}
		return rec.Code
	}
	started.Add(2)
	var done sync.WaitGroup
	for range 2 {
		done.Add(1)
		go func() { defer done.Done(); do("a", "?wait=1") }()
	}
	started.Wait()
	if got := do("a", ""); got != 429 {
		t.Errorf("third request of client a: %d, want 429", got)
	}
	if got := do("b", ""); got != 200 {
		t.Errorf("client b: %d, want 200", got)
	}
	close(release)
	done.Wait()
	if got := do("a", ""); got != 200 {
		t.Errorf("client a after its requests ended: %d, want 200", got)
	}
}

// TestAccessLog: one line per request with its id, operation, status and
// duration, and never the headers (tokens) or the body (variables).
func TestAccessLog(t *testing.T) {
	var buf bytes.Buffer
	log := slog.New(web.LogHandler(slog.NewJSONHandler(&buf, nil)))
	h := web.Observe(log, metrics.New(), web.ClientKey(false), http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		web.SetOperation(r.Context(), "KimEvents")
		log.InfoContext(r.Context(), "inside")
		w.WriteHeader(http.StatusTeapot)
	}))
	req := httptest.NewRequest("POST", "/graphql", strings.NewReader(`{"variables":{"secret":"s3cr3t-var"}}`))
	req.Header.Set("Authorization", "Bearer s3cr3t-token")
	req.Header.Set("X-Request-Id", "given-id-1")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Header().Get("X-Request-Id") != "given-id-1" {
		t.Errorf("X-Request-Id %q", rec.Header().Get("X-Request-Id"))
	}
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	if len(lines) != 2 {
		t.Fatalf("log lines:\n%s", buf.String())
	}
	var inside, access map[string]any
	_ = json.Unmarshal([]byte(lines[0]), &inside)
	_ = json.Unmarshal([]byte(lines[1]), &access)
	if inside["request_id"] != "given-id-1" {
		t.Errorf("a handler's line lacks the request id: %s", lines[0])
	}
	for k, want := range map[string]any{"msg": "request", "request_id": "given-id-1", "operation": "KimEvents", "status": 418.0, "method": "POST", "path": "/graphql"} {
		if access[k] != want {
			t.Errorf("access log %s = %v, want %v", k, access[k], want)
		}
	}
	if _, ok := access["duration_ms"]; !ok {
		t.Errorf("no duration: %s", lines[1])
	}
	if strings.Contains(buf.String(), "s3cr3t") {
		t.Errorf("the log holds a secret: %s", buf.String())
	}

	// A request id that is not a short token is replaced.
	req = httptest.NewRequest("GET", "/", nil)
	req.Header.Set("X-Request-Id", strings.Repeat("x", 100)+"\n")
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if id := rec.Header().Get("X-Request-Id"); len(id) != 16 {
		t.Errorf("generated id %q", id)
	}
}

// TestServerLimits: a client that sends less body than it announced is
// cut off after the read timeout, and shutdown drains a request in flight
// and returns nil.
func TestServerLimits(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	l := web.DefaultLimits
	l.Read, l.Drain = 300*time.Millisecond, 5*time.Second
	inHandler := make(chan struct{}, 1)
	srv := web.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/slow" {
			inHandler <- struct{}{}
			time.Sleep(500 * time.Millisecond)
		}
		_, _ = w.Write([]byte("done"))
	}), l, slog.New(slog.DiscardHandler))
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ctx, ln) }()

	c, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	_, _ = c.Write([]byte("POST /x HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\nonly a little"))
	_ = c.SetReadDeadline(time.Now().Add(10 * time.Second))
	_, _ = c.Read(make([]byte, 1024)) // returns when the server closes the connection
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("a slow body held the connection for %s", took)
	}
	c.Close()

	got := make(chan string, 1)
	go func() {
		resp, err := http.Get("http://" + ln.Addr().String() + "/slow")
		if err != nil {
			got <- err.Error()
			return
		}
		defer resp.Body.Close()
		var b bytes.Buffer
		_, _ = b.ReadFrom(resp.Body)
		got <- b.String()
	}()
	<-inHandler
	cancel()
	if body := <-got; body != "done" {
		t.Errorf("the request in flight got %q", body)
	}
	if err := <-served; err != nil {
		t.Errorf("Serve after a clean drain: %v", err)
	}
}

// TestReadyz: 503 with the reason while not ready.
func TestReadyz(t *testing.T) {
	reason := "the graph database is down"
	h := web.Readyz(nil, func() string { return reason })
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/readyz", nil))
	if rec.Code != 503 || !strings.Contains(rec.Body.String(), reason) {
		t.Errorf("down: %d %q", rec.Code, rec.Body)
	}
	reason = ""
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/readyz", nil))
	if rec.Code != 200 {
		t.Errorf("up: %d %q", rec.Code, rec.Body)
	}
}
