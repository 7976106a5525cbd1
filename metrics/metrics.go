// Package metrics holds geokg's Prometheus metrics: HTTP requests by
// GraphQL operation, Neo4j transactions, the database's health, and the
// loader's counters. One Metrics is made in main and handed to whatever
// counts; /metrics serves it in the Prometheus text format.
package metrics

import (
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Metrics are the counters and histograms of one process.
type Metrics struct {
	reg *prometheus.Registry

	requests     *prometheus.CounterVec
	latency      *prometheus.HistogramVec
	inFlight     prometheus.Gauge
	rejected     *prometheus.CounterVec
	queries      *prometheus.HistogramVec
	neo4jUp      prometheus.Gauge
	articles     *prometheus.CounterVec
	loadDuration prometheus.Histogram

	// Operation names are chosen by clients: only the first maxOperations
	// get series of their own, so that no client can make the metrics grow
	// without bound.
	mu         sync.Mutex
	operations map[string]bool
}

const maxOperations = 200

// Request latencies from 1 ms to ~16 s.
var buckets = prometheus.ExponentialBuckets(0.001, 2, 15)

// New makes the metrics, registered with their own registry (with the Go
// runtime's and the process's collectors).
func New() *Metrics {
	m := &Metrics{
		reg: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "geokg_http_requests_total",
			Help: "HTTP requests answered, by GraphQL operation name (\"-\" when none, or not GraphQL) and status code.",
		}, []string{"operation", "status"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "geokg_http_request_duration_seconds",
			Help:    "Time to answer an HTTP request, by GraphQL operation name.",
			Buckets: buckets,
		}, []string{"operation"}),
		inFlight: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "geokg_http_requests_in_flight",
			Help: "HTTP requests being answered.",
		}),
		rejected: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "geokg_http_rejected_total",
			Help: "Requests refused before they ran, by reason (rate_limited, too_large, timeout, ...).",
		}, []string{"reason"}),
		queries: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "geokg_neo4j_transaction_duration_seconds",
			Help:    "Time of Neo4j transactions, by access mode (read, write) and outcome (ok or an error code).",
			Buckets: buckets,
		}, []string{"mode", "outcome"}),
		neo4jUp: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "geokg_neo4j_up",
			Help: "1 while the graph database answers, 0 while it is known to be down.",
		}),
		articles: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "geokg_articles_loaded_total",
			Help: "Articles the loader handled, by outcome (loaded, unchanged, failed) and by how they came (load, ingest).",
		}, []string{"via", "outcome"}),
		loadDuration: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name:    "geokg_article_load_duration_seconds",
			Help:    "Time to extract and store one article.",
			Buckets: buckets,
		}),
	}
	m.operations = map[string]bool{}
	m.neo4jUp.Set(1)
	m.reg.MustRegister(m.requests, m.latency, m.inFlight, m.rejected, m.queries, m.neo4jUp, m.articles, m.loadDuration,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// Handler serves the metrics in the Prometheus text format.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{Registry: m.reg})
}

// Request counts an answered HTTP request.
func (m *Metrics) Request(operation string, status int, took time.Duration) {
	if operation == "" {
		operation = "-"
	}
	m.mu.Lock()
	if !m.operations[operation] {
		if len(m.operations) < maxOperations {
			m.operations[operation] = true
		} else {
			operation = "other"
		}
	}
	m.mu.Unlock()
	m.requests.WithLabelValues(operation, strconv.Itoa(status)).Inc()
	m.latency.WithLabelValues(operation).Observe(took.Seconds())
}

// InFlight adds delta to the requests being answered.
func (m *Metrics) InFlight(delta int) { m.inFlight.Add(float64(delta)) }

// Rejected counts a request refused before it ran.
func (m *Metrics) Rejected(reason string) { m.rejected.WithLabelValues(reason).Inc() }

// Transaction records a Neo4j transaction; code is "" when it succeeded.
func (m *Metrics) Transaction(mode string, took time.Duration, code string) {
	if code == "" {
		code = "ok"
	}
	m.queries.WithLabelValues(mode, code).Observe(took.Seconds())
}

// Neo4jUp records whether the database answers.
func (m *Metrics) Neo4jUp(up bool) {
	if up {
		m.neo4jUp.Set(1)
	} else {
		m.neo4jUp.Set(0)
	}
}

// Article outcomes and the ways articles come in.
const (
	Loaded    = "loaded"
	Unchanged = "unchanged"
	Failed    = "failed"

	ViaLoad   = "load"   // geokg load, serve --load
	ViaIngest = "ingest" // the ingestArticle mutation
)

// Article counts an article the loader handled and how long it took.
func (m *Metrics) Article(via, outcome string, took time.Duration) {
	m.articles.WithLabelValues(via, outcome).Inc()
	m.loadDuration.Observe(took.Seconds())
}
