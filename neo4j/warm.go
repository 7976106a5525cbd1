package neo4j

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"github.com/geokg/geokg/model"
	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// warmWorkers bounds the statements planned at once: planning is CPU
// work in Neo4j, and more at once than its cores would only queue.
const warmWorkers = 3

// PlanAhead makes the next SaveDocuments call have Neo4j plan the write
// statements of its batch first, several at once, instead of one after
// another as the transaction reaches them. On a fresh Neo4j (a cold JVM)
// a corpus load's first batch spends seconds planning each of them
// (docs/graph-model.md, Loading); once planned, they come from Neo4j's
// plan cache. Only a load of many batches gains: one call spends the same
// planning either way.
func (s *Store) PlanAhead() { s.planAhead.Store(true) }

// warmStatement is a write statement with the parameters a batch gives it.
type warmStatement struct {
	cypher string
	params map[string]any
	clean  bool // runs before the save's first write
}

// warmWrites plans, under EXPLAIN (it plans and caches, and executes
// nothing), the statements a batch of new articles runs. Neo4j keys its
// plan cache on the statement and on each list parameter's element type
// (string or any) and size bucket (0, 1, then up to the next power of
// ten), not on the values, so each list is given as many placeholders of
// the right type as this batch has rows; the sizes that depend on stored
// events (new events, events to refresh) are taken as the number of
// reports. A failure is logged and ignored: the transaction then plans
// what it needs itself.
func (s *Store) warmWrites(ctx context.Context, docs []*model.Document) {
	start := time.Now()
	jobs := make(chan warmStatement)
	var wg sync.WaitGroup
	for range warmWorkers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for st := range jobs {
				if err := s.explain(ctx, st.cypher, st.params, !st.clean); err != nil {
					slog.Debug("plan a write statement ahead", "err", err)
				}
			}
		}()
	}
	for _, st := range warmStatements(docs) {
		jobs <- st
	}
	close(jobs)
	wg.Wait()
	slog.Debug("write statements planned ahead", "took", time.Since(start))
}

// warmStatements are the statements a save of docs as new articles runs,
// with parameters of the types and sizes it gives them.
func warmStatements(docs []*model.Document) []warmStatement {
	var rows rowSet
	var reports, denies int
	probes := map[string]bool{}
	for _, d := range docs {
		rows.add(d)
		for _, r := range newReports(d) {
			reports++
			if r.denies != nil {
				denies++
			}
			for _, k := range r.probes() {
				probes[k] = true
			}
		}
	}
	list := func(n int, row any) []any {
		l := make([]any, n)
		for i := range l {
			l[i] = row
		}
		return l
	}
	m := map[string]any{}
	stmts := []warmStatement{
		// The costliest first, so that the longest plans start at once.
		{cypherEntities, map[string]any{"rows": list(len(rows.entityRows()), m)}, false},
		{cypherRefresh, map[string]any{"ids": list(reports, ""), "statuses": words(model.Statuses)}, false},
		{cypherReports, map[string]any{"rows": list(reports, m)}, false},
		{cypherEntityLinks, map[string]any{"rows": list(len(rows.links), m)}, false},
		{cypherStatements, map[string]any{"rows": list(len(rows.statements), m)}, false},
		{cypherMentions, map[string]any{"rows": list(len(rows.mentions), m)}, false},
		{cypherProbe, map[string]any{"keys": list(len(probes), "")}, false},
		{cypherArticles, map[string]any{"rows": list(len(docs), m)}, true},
		{cypherStored, map[string]any{"ids": list(len(docs), "")}, true},
		{cypherTaken, map[string]any{"ids": list(reports, "")}, false},
		{cypherNewEvents, map[string]any{"rows": list(reports, m)}, false},
		{cypherDenies, map[string]any{"rows": list(denies, m)}, false},
	}
	var out []warmStatement
	for _, st := range stmts {
		if l, ok := st.params["rows"].([]any); ok && len(l) == 0 {
			continue // a save runs no statement for no rows
		}
		out = append(out, st)
	}
	return out
}

// explain runs a statement under EXPLAIN in a transaction of its own
// that it rolls back, outside the store's counters (Queries,
// Transactions), which tests read. Neo4j keys its plan cache also on
// whether the transaction has written yet: when dirty, the statement is
// planned after a write (a node created, then rolled back), as in a save
// every statement after the first write is.
func (s *Store) explain(ctx context.Context, cypher string, params map[string]any, dirty bool) error {
	sess := s.driver.NewSession(ctx, driver.SessionConfig{DatabaseName: s.db, AccessMode: driver.AccessModeWrite})
	defer sess.Close(ctx)
	tx, err := sess.BeginTransaction(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	if dirty {
		res, err := tx.Run(ctx, "CREATE ()", nil)
		if err != nil {
			return err
		}
		if _, err := res.Consume(ctx); err != nil {
			return err
		}
	}
	res, err := tx.Run(ctx, "EXPLAIN "+cypher, params)
	if err != nil {
		return err
	}
	_, err = res.Consume(ctx)
	return err
}
