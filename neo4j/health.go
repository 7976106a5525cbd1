package neo4j

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/geokg/geokg/model"
	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Health is what the store knows about the database: whether it answers,
// since when, and why not.
type Health struct {
	Up     bool
	Since  time.Time
	Reason string // why the database is down; empty while it is up
}

// Health returns the database's current health.
func (s *Store) Health() Health { return s.health.get() }

// errDown cancels the transactions in flight when the database goes down.
var errDown = model.Errorf(model.EUNAVAILABLE, "the graph database is unavailable")

// unavailable is the error of a request refused while the database is down.
func unavailable(h Health) error {
	return fmt.Errorf("%w (down since %s: %s)", errDown, h.Since.Format(time.RFC3339), h.Reason)
}

// health is the store's view of the database. Failed connections and the
// probe mark it down; only the probe marks it up again, so that requests
// are refused at once while it is down and served again as soon as it is
// back, without a restart.
type health struct {
	mu       sync.Mutex
	state    Health
	lostCh   chan struct{} // closed when the database goes down
	onChange func(Health)
}

func newHealth(onChange func(Health)) *health {
	return &health{state: Health{Up: true, Since: time.Now()}, lostCh: make(chan struct{}), onChange: onChange}
}

func (h *health) get() Health {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.state
}

// lost returns a channel that is closed when the database goes down.
func (h *health) lost() <-chan struct{} {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.lostCh
}

func (h *health) down(reason string) {
	h.set(Health{Up: false, Since: time.Now(), Reason: reason})
}

func (h *health) up() { h.set(Health{Up: true, Since: time.Now()}) }

func (h *health) set(next Health) {
	h.mu.Lock()
	if h.state.Up == next.Up {
		h.mu.Unlock()
		return
	}
	h.state = next
	if next.Up {
		h.lostCh = make(chan struct{})
	} else {
		close(h.lostCh)
	}
	h.mu.Unlock()
	if h.onChange != nil {
		h.onChange(next)
	}
}

// Probe timeouts: a probe that takes longer than probeTimeout failed; a
// database that failed timeoutsToTrip probes in a row by timing out is
// down (one slow answer under load is not an outage, a refused
// connection is). While it is down a probe waits longer
// (probeTimeoutDown): a Neo4j that has just started answers its first
// queries slowly, and a slow answer already says it is back.
const (
	probeTimeout     = 2 * time.Second
	probeTimeoutDown = 10 * time.Second
	timeoutsToTrip   = 3
)

// watch probes the database every cfg.ProbeEvery until ctx ends.
func (s *Store) watch(ctx context.Context) {
	defer s.probing.Done()
	tick := time.NewTicker(s.cfg.ProbeEvery)
	defer tick.Stop()
	timeouts := 0
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
		wait := probeTimeout
		if !s.health.get().Up {
			wait = probeTimeoutDown
		} else if s.answering() {
			timeouts = 0
			continue
		}
		err := s.probe(ctx, wait)
		switch {
		case ctx.Err() != nil:
			return
		case err == nil:
			timeouts = 0
			s.health.up()
		case errors.Is(err, context.DeadlineExceeded):
			if timeouts++; timeouts >= timeoutsToTrip {
				s.health.down(fmt.Sprintf("%d probes in a row took longer than %s", timeouts, wait))
			}
		default:
			timeouts = 0
			s.health.down(err.Error())
		}
	}
}

// answering tells whether the store's own transactions already show that
// the database answers, so that a probe would add nothing: one ended well
// within the probe interval, or the one running began less than
// probeTimeoutDown ago (a fresh Neo4j plans its first statements for
// seconds). A load then runs no probe at all: on a fresh server the
// probe's first RETURN 1 costs a plan, and JIT work, beside the load's
// first plans.
func (s *Store) answering() bool {
	now := time.Now().UnixNano()
	if now-s.lastOK.Load() < int64(s.cfg.ProbeEvery) {
		return true
	}
	return s.inFlight.Load() > 0 && now-s.busySince.Load() < int64(probeTimeoutDown)
}

// probe asks the database for RETURN 1 in an auto-commit transaction: a
// probe must see a failure at once, not after the retries of a managed
// transaction. It bypasses the bound on transactions in flight, so that
// a busy store still learns whether its database answers.
func (s *Store) probe(ctx context.Context, wait time.Duration) error {
	ctx, cancel := context.WithTimeout(ctx, wait)
	defer cancel()
	sess := s.driver.NewSession(ctx, driver.SessionConfig{DatabaseName: s.db, AccessMode: driver.AccessModeRead})
	defer sess.Close(ctx)
	res, err := sess.Run(ctx, "RETURN 1", nil)
	if err == nil {
		_, err = res.Consume(ctx)
	}
	if err != nil && ctx.Err() != nil {
		return fmt.Errorf("%w (%v)", context.DeadlineExceeded, err)
	}
	return err
}
