package neo4j

import (
	"testing"
	"time"
)

// TestAnswering: the probe stays quiet while the store's own transactions
// show that the database answers (one ended well within the interval, or
// the one running began less than probeTimeoutDown ago), and probes
// otherwise, so a silent database is still noticed.
func TestAnswering(t *testing.T) {
	now := time.Now()
	cases := []struct {
		name         string
		lastOK, busy time.Duration // ago; 0: never
		inFlight     int64
		want         bool
	}{
		{"idle, never answered", 0, 0, 0, false},
		{"answered just now", 100 * time.Millisecond, 0, 0, true},
		{"answered long ago", 2 * time.Second, 0, 0, false},
		{"a transaction began just now", 0, 100 * time.Millisecond, 1, true},
		{"a transaction runs for long", 0, probeTimeoutDown + time.Second, 1, false},
		{"none runs since long ago", 0, time.Millisecond, 0, false},
	}
	for _, c := range cases {
		s := &Store{cfg: Config{ProbeEvery: time.Second}}
		if c.lastOK > 0 {
			s.lastOK.Store(now.Add(-c.lastOK).UnixNano())
		}
		if c.busy > 0 {
			s.busySince.Store(now.Add(-c.busy).UnixNano())
		}
		s.inFlight.Store(c.inFlight)
		if got := s.answering(); got != c.want {
			t.Errorf("%s: answering %v, want %v", c.name, got, c.want)
		}
	}
}
