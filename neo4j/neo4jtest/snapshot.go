package neo4jtest

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"
)

// Snapshot describes the whole graph at uri as sorted lines, one per node
// and per relationship, so that two graphs can be compared line by line:
// nodes by their labels and properties, relationships by their type,
// properties and end nodes (named by label and id). Properties holding a
// time of day (firstSeen, ingestedAt: when a write happened) are left out;
// everything else, dates included, is kept.
func Snapshot(ctx context.Context, uri string) ([]string, error) {
	var out []string
	err := withSession(ctx, uri, func(s driver.SessionWithContext) error {
		res, err := s.Run(ctx, `MATCH (n) RETURN labels(n) AS labels, properties(n) AS props`, nil)
		if err != nil {
			return err
		}
		for res.Next(ctx) {
			r := res.Record()
			out = append(out, "node "+labelsOf(r.Values[0])+" "+canonical(r.Values[1]))
		}
		if err := res.Err(); err != nil {
			return err
		}
		res, err = s.Run(ctx, `MATCH (a)-[r]->(b)
RETURN labels(a), a.id, type(r), properties(r), labels(b), b.id`, nil)
		if err != nil {
			return err
		}
		for res.Next(ctx) {
			v := res.Record().Values
			out = append(out, fmt.Sprintf("rel (%s %v)-[%s %s]->(%s %v)",
				labelsOf(v[0]), v[1], v[2], canonical(v[3]), labelsOf(v[4]), v[5]))
		}
		return res.Err()
	})
	slices.Sort(out)
	return out, err
}

// Wipe deletes every node and relationship at uri, keeping the schema.
// Only for a database a test started for itself (never a user's).
func Wipe(ctx context.Context, uri string) error {
	return withSession(ctx, uri, func(s driver.SessionWithContext) error {
		res, err := s.Run(ctx, `MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS`, nil)
		if err != nil {
			return err
		}
		_, err = res.Consume(ctx)
		return err
	})
}

func withSession(ctx context.Context, uri string, f func(driver.SessionWithContext) error) error {
	d, err := driver.NewDriverWithContext(uri, driver.NoAuth())
	if err != nil {
		return err
	}
	defer d.Close(ctx)
	s := d.NewSession(ctx, driver.SessionConfig{})
	defer s.Close(ctx)
	return f(s)
}

func labelsOf(v any) string {
	var ls []string
	for _, l := range v.([]any) {
		ls = append(ls, l.(string))
	}
	slices.Sort(ls)
	return strings.Join(ls, ":")
}

// canonical writes properties as JSON with sorted keys, without times.
func canonical(v any) string {
	props, _ := v.(map[string]any)
	clean := map[string]any{}
	for k, x := range props {
		if x, ok := plain(x); ok {
			clean[k] = x
		}
	}
	b, _ := json.Marshal(clean)
	return string(b)
}

func plain(v any) (any, bool) {
	switch x := v.(type) {
	case time.Time, dbtype.LocalDateTime, dbtype.Time, dbtype.LocalTime:
		return nil, false
	case dbtype.Date:
		return x.Time().Format("2006-01-02"), true
	case []any:
		out := make([]any, 0, len(x))
		for _, e := range x {
			if e, ok := plain(e); ok {
				out = append(out, e)
			}
		}
		return out, true
	}
	return v, true
}
