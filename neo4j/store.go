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
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/geokg/geokg/model"
	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Config says where the database is.
type Config struct {
	URI      string // bolt://127.0.0.1:7687 or neo4j://host:7687
	User     string // empty for a server with authentication off
	Password string
	Database string // "neo4j" when empty
}

// Store is a model.Store backed by Neo4j.
type Store struct {
	driver  driver.DriverWithContext
	db      string
	queries atomic.Int64
	txs     atomic.Int64
	writes  sync.Mutex // SaveDocuments calls run one at a time (match.go)
	// profile, set only by tests, runs every statement under PROFILE and
	// hands over its plan (TestWritesUseIndexes).
	profile func(cypher string, plan driver.ProfiledPlan)
}

var _ model.Store = (*Store)(nil)

// Open connects to Neo4j, checks that it answers and creates the schema
// (constraints and indexes) if it is missing.
func Open(ctx context.Context, cfg Config) (*Store, error) {
	auth := driver.NoAuth()
	if cfg.User != "" || cfg.Password != "" {
		auth = driver.BasicAuth(cfg.User, cfg.Password, "")
	}
	d, err := driver.NewDriverWithContext(cfg.URI, auth)
	if err != nil {
		return nil, model.Errorf(model.EINVALID, "neo4j uri %q: %v", cfg.URI, err)
	}
	s := &Store{driver: d, db: cfg.Database}
	if s.db == "" {
		s.db = "neo4j"
	}
	if err := d.VerifyConnectivity(ctx); err != nil {
		_ = d.Close(ctx)
		return nil, fmt.Errorf("connect to %s: %w", cfg.URI, translate(err))
	}
	if err := s.ensureSchema(ctx); err != nil {
		_ = d.Close(ctx)
		return nil, err
	}
	return s, nil
}

// Close releases the driver's connections.
func (s *Store) Close(ctx context.Context) error { return s.driver.Close(ctx) }

// Ping checks that the database answers a query.
func (s *Store) Ping(ctx context.Context) error {
	_, err := read(ctx, s, func(tx driver.ManagedTransaction) (struct{}, error) {
		_, err := s.run(ctx, tx, "RETURN 1", nil)
		return struct{}{}, err
	})
	return err
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
	return execute(ctx, s, driver.AccessModeRead, work)
}

func write[T any](ctx context.Context, s *Store, work func(driver.ManagedTransaction) (T, error)) (T, error) {
	return execute(ctx, s, driver.AccessModeWrite, work)
}

func execute[T any](ctx context.Context, s *Store, mode driver.AccessMode, work func(driver.ManagedTransaction) (T, error)) (T, error) {
	s.txs.Add(1)
	sess := s.driver.NewSession(ctx, driver.SessionConfig{DatabaseName: s.db, AccessMode: mode})
	defer sess.Close(ctx)
	var opts []func(*driver.TransactionConfig)
	// A request's deadline also bounds the transaction on the server, so a
	// query the client gave up on stops using the database.
	if dl, ok := ctx.Deadline(); ok {
		if left := time.Until(dl); left > 0 {
			opts = append(opts, driver.WithTxTimeout(left))
		}
	}
	var (
		v   T
		err error
	)
	if mode == driver.AccessModeRead {
		v, err = driver.ExecuteRead(ctx, sess, work, opts...)
	} else {
		v, err = driver.ExecuteWrite(ctx, sess, work, opts...)
	}
	return v, translate(err)
}

// translate gives driver errors that users can act on a model error code.
func translate(err error) error {
	var ne *driver.Neo4jError
	switch {
	case err == nil:
		return nil
	case errors.Is(err, context.DeadlineExceeded), errors.Is(err, context.Canceled):
		return err
	case driver.IsConnectivityError(err):
		return fmt.Errorf("%w (%v)", model.Errorf(model.EUNAVAILABLE, "the graph database is unavailable"), err)
	case errors.As(err, &ne) && ne.Code == "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration":
		return fmt.Errorf("%w (%v)", context.DeadlineExceeded, err)
	default:
		return err
	}
}
