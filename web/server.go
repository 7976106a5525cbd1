package web

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"sync/atomic"
	"time"
)

// Limits of the HTTP server. Every phase of a connection has a deadline,
// so a client that sends slowly, or reads slowly, or keeps an idle
// connection, cannot hold a connection for long.
type Limits struct {
	// ReadHeader bounds reading a request's headers, Read the whole
	// request with its body, Write the time from the end of the headers to
	// the end of the answer, Idle how long a kept-alive connection waits
	// for its next request.
	ReadHeader, Read, Write, Idle time.Duration
	// MaxHeaderBytes bounds a request's headers.
	MaxHeaderBytes int
	// Drain is how long shutdown waits for requests in flight.
	Drain time.Duration
}

// DefaultLimits suit an API whose requests take at most ~10 s.
var DefaultLimits = Limits{
	ReadHeader: 5 * time.Second, Read: 15 * time.Second, Write: 30 * time.Second, Idle: 60 * time.Second,
	MaxHeaderBytes: 64 << 10, Drain: 20 * time.Second,
}

// Server is an HTTP server that drains on shutdown.
type Server struct {
	srv      *http.Server
	limits   Limits
	log      *slog.Logger
	draining atomic.Bool
}

// NewServer makes a server of h with the given limits.
func NewServer(h http.Handler, l Limits, log *slog.Logger) *Server {
	return &Server{limits: l, log: log, srv: &http.Server{
		Handler:           h,
		ReadHeaderTimeout: l.ReadHeader,
		ReadTimeout:       l.Read,
		WriteTimeout:      l.Write,
		IdleTimeout:       l.Idle,
		MaxHeaderBytes:    l.MaxHeaderBytes,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}}
}

// Draining tells whether shutdown has begun.
func (s *Server) Draining() bool { return s.draining.Load() }

// Serve serves on ln until ctx ends, then stops accepting connections and
// waits up to Limits.Drain for the requests in flight. It returns nil
// after a clean drain and an error if requests were cut off.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	errc := make(chan error, 1)
	go func() { errc <- s.srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	s.draining.Store(true)
	start := time.Now()
	s.log.Info("shutting down: draining requests in flight", "drain", s.limits.Drain.String())
	drain, cancel := context.WithTimeout(context.WithoutCancel(ctx), s.limits.Drain)
	defer cancel()
	err := s.srv.Shutdown(drain)
	if errors.Is(err, context.DeadlineExceeded) {
		_ = s.srv.Close()
		return fmt.Errorf("requests still in flight after the drain time of %s were cut off", s.limits.Drain)
	}
	if err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	s.log.Info("drained", "took", time.Since(start).Round(time.Millisecond).String())
	return nil
}

// Healthz answers 200 while the process serves: it says nothing about the
// database, so that an orchestrator does not restart a server whose
// database is down (a restart would not bring the database back).
func Healthz() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		fmt.Fprintln(w, "ok")
	})
}

// Readyz answers 200 when the server can answer queries and 503 with the
// reason when it cannot: while ready() reports a reason (the database is
// down), and while the server drains.
func Readyz(s *Server, ready func() (reason string)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		reason := ready()
		if s != nil && s.Draining() {
			reason = "shutting down"
		}
		if reason != "" {
			w.WriteHeader(http.StatusServiceUnavailable)
			fmt.Fprintln(w, "not ready:", reason)
			return
		}
		fmt.Fprintln(w, "ready")
	})
}
