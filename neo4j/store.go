// Package neo4j stores geokg's graph in Neo4j. It is the only package that
// imports the Neo4j driver: the loader writes through it and the GraphQL API
// reads through it, both via the interfaces of package model.
//
// Every method runs in one managed transaction (ExecuteRead/ExecuteWrite),
// so the driver retries transient failures and routes reads to replicas on
// neo4j:// cluster URIs; transaction functions are idempotent because they
// may run more than once, and never let a Result escape.
package neo4j

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/geokg/geokg/model"
	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Config says where the database is and how the store uses it.
type Config struct {
	URI      string // bolt://127.0.0.1:7687, neo4j://host:7687 (routing), neo4j+s://… (Aura)
	User     string // empty for a server with authentication off
	Password string
	Database string // "neo4j" when empty
	// MaxInFlight bounds the transactions run at once (DefaultMaxInFlight
	// when 0): more would only queue inside Neo4j, and a bound here lets a
	// request that waits too long give up with TIMEOUT.
	MaxInFlight int
	// ProbeEvery is how often the store checks that the database answers
	// (DefaultProbeEvery when 0); see Health.
	ProbeEvery time.Duration
	// Observe, when set, is told how long each transaction took, its mode
	// (read or write) and its error (metrics).
	Observe func(mode string, took time.Duration, err error)
	// OnHealth, when set, is told each change of Health (logs, metrics).
	OnHealth func(Health)
}

// Defaults of Config.
const (
	DefaultMaxInFlight = 32
	DefaultProbeEvery  = 500 * time.Millisecond
)

// Store is a model.Store backed by Neo4j.
type Store struct {
	driver  driver.DriverWithContext
	db      string
	cfg     Config
	queries atomic.Int64
	txs     atomic.Int64
	writes  sync.Mutex // SaveDocuments calls run one at a time (match.go)
	// profile, set only by tests, runs every statement under PROFILE and
	// hands over its plan (TestWritesUseIndexes).
	profile func(cypher string, plan driver.ProfiledPlan)
	slots   chan struct{}  // one per transaction in flight
	running sync.WaitGroup // transactions' goroutines, some maybe given up (execute)
	health  *health
	// What the probe needs to know of the transactions (answering): when
	// one last ended well, how many run, and since when some have run
	// (Unix nanoseconds).
	lastOK, inFlight, busySince atomic.Int64
	stop                        context.CancelFunc // stops the probe
	probing                     sync.WaitGroup
}

var _ model.Store = (*Store)(nil)

// Open connects to Neo4j, checks that it answers and creates the schema
// (constraints and indexes) if it is missing. It starts a probe that keeps
// Health current until Close.
func Open(ctx context.Context, cfg Config) (*Store, error) {
	auth := driver.NoAuth()
	if cfg.User != "" || cfg.Password != "" {
		auth = driver.BasicAuth(cfg.User, cfg.Password, "")
	}
	d, err := driver.NewDriverWithContext(cfg.URI, auth)
	if err != nil {
		return nil, model.Errorf(model.EINVALID, "neo4j uri %q: %v", cfg.URI, err)
	}
	cfg.MaxInFlight = cmp.Or(cfg.MaxInFlight, DefaultMaxInFlight)
	cfg.ProbeEvery = cmp.Or(cfg.ProbeEvery, DefaultProbeEvery)
	s := &Store{driver: d, db: cmp.Or(cfg.Database, "neo4j"), cfg: cfg,
		slots: make(chan struct{}, cfg.MaxInFlight), health: newHealth(cfg.OnHealth)}
	if err := d.VerifyConnectivity(ctx); err != nil {
		_ = d.Close(ctx)
		return nil, fmt.Errorf("connect to %s: %w", cfg.URI, translate(ctx, err))
	}
	if err := s.ensureSchema(ctx); err != nil {
		_ = d.Close(ctx)
		return nil, err
	}
	probeCtx, stop := context.WithCancel(context.WithoutCancel(ctx))
	s.stop = stop
	s.probing.Add(1)
	go s.watch(probeCtx)
	return s, nil
}

// Close stops the probe and releases the driver's connections, once the
// transactions given up at their deadline have ended too (Neo4j ends them
// at that deadline) or ctx ends.
func (s *Store) Close(ctx context.Context) error {
	if s.stop != nil {
		s.stop()
		s.probing.Wait()
	}
	ended := make(chan struct{})
	go func() {
		s.running.Wait()
		close(ended)
	}()
	select {
	case <-ended:
	case <-ctx.Done():
	}
	return s.driver.Close(ctx)
}

// Ping checks that the database answers a query.
func (s *Store) Ping(ctx context.Context) error {
	_, err := read(ctx, s, func(tx driver.ManagedTransaction) (struct{}, error) {
		_, err := s.run(ctx, tx, "RETURN 1", nil)
		return struct{}{}, err
	})
	return err
}

// Size counts the graph's nodes and relationships (from Neo4j's count
// store: cheap at any size).
func (s *Store) Size(ctx context.Context) (nodes, relationships int64, err error) {
	_, err = read(ctx, s, func(tx driver.ManagedTransaction) (struct{}, error) {
		recs, err := s.run(ctx, tx, "MATCH (n) RETURN count(n)", nil)
		if err != nil {
			return struct{}{}, err
		}
		nodes, _ = recs[0].Values[0].(int64)
		if recs, err = s.run(ctx, tx, "MATCH ()-[r]->() RETURN count(r)", nil); err != nil {
			return struct{}{}, err
		}
		relationships, _ = recs[0].Values[0].(int64)
		return struct{}{}, nil
	})
	return nodes, relationships, err
}

// Queries counts the Cypher statements this store has run; tests use it to
// prove that nested GraphQL fields are batched.
func (s *Store) Queries() int64 { return s.queries.Load() }

// Transactions counts the transactions this store has run (a retried one
// once); tests use it to prove that a request reads in one.
func (s *Store) Transactions() int64 { return s.txs.Load() }

// run executes one statement in tx and collects its records, so that no
// Result outlives the transaction function.
func (s *Store) run(ctx context.Context, tx driver.ManagedTransaction, cypher string, params map[string]any) ([]*driver.Record, error) {
	s.queries.Add(1)

	if s.profile != nil {
		recs, _, err := s.runProfiled(ctx, tx, cypher, params)
		return recs, err
	}
	ctx = withoutDeadline(ctx) // execute watches the deadline
	res, err := tx.Run(ctx, cypher, params)
	if err != nil {
		return nil, err
	}
	return res.Collect(ctx)
}

// runCount executes one write statement in tx and returns its counters.
func (s *Store) runCount(ctx context.Context, tx driver.ManagedTransaction, cypher string, params map[string]any) (nodes, rels int, err error) {
	s.queries.Add(1)
	if s.profile != nil {
		_, sum, err := s.runProfiled(ctx, tx, cypher, params)
		if err != nil {
			return 0, 0, err
		}
		c := sum.Counters()
		return c.NodesCreated(), c.RelationshipsCreated(), nil
	}
	ctx = withoutDeadline(ctx) // execute watches the deadline
	res, err := tx.Run(ctx, cypher, params)
	if err != nil {
		return 0, 0, err
	}
	sum, err := res.Consume(ctx)
	if err != nil {
		return 0, 0, err
	}
	c := sum.Counters()
	return c.NodesCreated(), c.RelationshipsCreated(), nil
}

func read[T any](ctx context.Context, s *Store, work func(driver.ManagedTransaction) (T, error)) (T, error) {
	return execute(ctx, s, driver.AccessModeRead, managed(s, driver.AccessModeRead, work))
}

func write[T any](ctx context.Context, s *Store, work func(driver.ManagedTransaction) (T, error)) (T, error) {
	return execute(ctx, s, driver.AccessModeWrite, managed(s, driver.AccessModeWrite, work))
}

// managed runs work in a managed transaction of a session of its own.
func managed[T any](s *Store, mode driver.AccessMode, work func(driver.ManagedTransaction) (T, error)) func(context.Context, []func(*driver.TransactionConfig)) (T, error) {
	return func(ctx context.Context, opts []func(*driver.TransactionConfig)) (T, error) {
		sess := s.driver.NewSession(ctx, driver.SessionConfig{DatabaseName: s.db, AccessMode: mode})
		defer sess.Close(ctx)
		if mode == driver.AccessModeRead {
			return driver.ExecuteRead(ctx, sess, work, opts...)
		}
		return driver.ExecuteWrite(ctx, sess, work, opts...)
	}
}

// execute runs do, one managed transaction of the driver (managed, or
// query in read.go), given its options. While the database is known
// to be down it answers UNAVAILABLE at once instead of retrying until the
// deadline; a transaction in flight when it goes down is given up.
//
// The driver never sees the request's deadline (withoutDeadline): given
// one, it writes every Bolt message in a goroutine of its own (its
// internal/racing; its reads it races anyway, against the receive timeout
// that Neo4j hints, and those races end with the request too). Instead the
// transaction runs in one goroutine, and the caller waits for it, the
// deadline or the loss of the database, whichever comes first. The
// transaction carries the time left as its timeout, so Neo4j ends one given
// up at its deadline (TestDeadlineHit); its goroutine then ends and gives
// back its slot. The driver still sees the request end: its next read or
// write, and its retries, stop.
func execute[T any](ctx context.Context, s *Store, mode driver.AccessMode, do func(context.Context, []func(*driver.TransactionConfig)) (T, error)) (v T, err error) {
	if h := s.health.get(); !h.Up {
		return v, unavailable(h)
	}
	lost := s.health.lost()
	select {
	case s.slots <- struct{}{}:
	case <-ctx.Done():
		return v, s.translate(ctx, ctx.Err())
	case <-lost:
		return v, errDown
	}
	s.txs.Add(1)
	var opts []func(*driver.TransactionConfig)
	// A request's deadline also bounds the transaction on the server, so a
	// query the client gave up on stops using the database.
	if dl, ok := ctx.Deadline(); ok {
		if left := time.Until(dl); left > 0 {
			opts = append(opts, driver.WithTxTimeout(left))
		}
	}
	type result struct {
		v        T
		err      error
		panicked any
	}
	done := make(chan result, 1)
	start := time.Now()
	if s.inFlight.Add(1) == 1 {
		s.busySince.Store(start.UnixNano())
	}
	s.running.Add(1)
	go func() {
		defer s.running.Done()
		defer func() { <-s.slots }()
		defer s.inFlight.Add(-1)
		var r result
		defer func() {
			// A panic in work is the caller's, as if work had run there.
			r.panicked = recover()
			done <- r
		}()
		r.v, r.err = do(withoutDeadline(ctx), opts)
		if r.err == nil {
			s.lastOK.Store(time.Now().UnixNano())
		}
	}()
	select {
	case r := <-done:
		if r.panicked != nil {
			panic(r.panicked)
		}
		v, err = r.v, r.err
	case <-ctx.Done():
		err = ctx.Err()
	case <-lost:
		err = errDown
	}
	err = s.translate(ctx, err)
	if s.cfg.Observe != nil {
		s.cfg.Observe(modeName(mode), time.Since(start), err)
	}
	return v, err
}

// noDeadline is a context that ends as its parent does but has no
// deadline, so that the driver does not race each read against it
// (execute).
type noDeadline struct{ context.Context }

func (noDeadline) Deadline() (time.Time, bool) { return time.Time{}, false }

func withoutDeadline(ctx context.Context) context.Context {
	if _, ok := ctx.Deadline(); !ok {
		return ctx
	}
	return noDeadline{ctx}
}

func modeName(m driver.AccessMode) string {
	if m == driver.AccessModeWrite {
		return "write"
	}
	return "read"
}

// translate gives driver errors that users can act on a model error code,
// and tells the health state about connection failures.
func (s *Store) translate(ctx context.Context, err error) error {
	err = translate(ctx, err)
	if model.ErrorCode(err) == model.EUNAVAILABLE && !errors.Is(err, errDown) {
		s.health.down(err.Error())
	}
	return err
}

// translate maps an error of the driver to one of the application. The
// request's own context decides first: the driver reports a deadline hit
// while reading from Neo4j as a ConnectivityError that does not unwrap to
// context.DeadlineExceeded, so the error alone would say UNAVAILABLE.
func translate(ctx context.Context, err error) error {
	var (
		ne    *driver.Neo4jError
		limit *driver.TransactionExecutionLimit
	)
	switch {
	case err == nil:
		return nil
	case errors.Is(context.Cause(ctx), errDown):
		return fmt.Errorf("%w (%v)", errDown, err)
	case ctx.Err() != nil:
		return fmt.Errorf("%w (%v)", ctx.Err(), err)
	case errors.Is(err, context.DeadlineExceeded), errors.Is(err, context.Canceled):
		return err
	case errors.As(err, &ne) && strings.Contains(ne.Code, "TransactionTimedOut"):
		return fmt.Errorf("%w (%v)", context.DeadlineExceeded, err)
	case driver.IsConnectivityError(err):
		return fmt.Errorf("%w (%v)", model.Errorf(model.EUNAVAILABLE, "the graph database is unavailable"), err)
	case errors.As(err, &limit) && len(limit.Errors) > 0:
		// Retries ran out: what the last attempt met decides.
		return fmt.Errorf("%w (%v)", translate(ctx, limit.Errors[len(limit.Errors)-1]), limit.Cause)
	default:
		return err
	}
}
