package metrics_test

import (
	"fmt"
	"io"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/geokg/geokg/metrics"
)

// TestMetrics: what is counted shows at /metrics, and clients cannot make
// the series of operation names grow without bound.
func TestMetrics(t *testing.T) {
	m := metrics.New()
	for i := range 1000 {
		m.Request(fmt.Sprintf("Op%d", i), 200, time.Millisecond)
	}
	m.Transaction("read", 2*time.Millisecond, "")
	m.Transaction("write", time.Second, "TIMEOUT")
	m.Neo4jUp(false)
	m.Article(metrics.ViaIngest, metrics.Loaded, 30*time.Millisecond)
	m.Rejected("rate_limited")
	rec := httptest.NewRecorder()
	m.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	body, _ := io.ReadAll(rec.Body)
	text := string(body)
	for _, want := range []string{
		`geokg_http_requests_total{operation="Op0",status="200"} 1`,
		`geokg_http_requests_total{operation="other",status="200"} 800`,
		`geokg_neo4j_transaction_duration_seconds_count{mode="write",outcome="TIMEOUT"} 1`,
		`geokg_neo4j_up 0`,
		`geokg_articles_loaded_total{outcome="loaded",via="ingest"} 1`,
		`geokg_http_rejected_total{reason="rate_limited"} 1`,
		`go_goroutines`,
	} {
		if !strings.Contains(text, want) {
			t.Errorf("/metrics lacks %s", want)
		}
	}
}
