package neo4j_test

import (
	"strings"
	"testing"

	"github.com/geokg/geokg/model"
	"github.com/geokg/geokg/neo4j"
)

// TestWritesUseIndexes profiles every statement of SaveDocuments (a first
// load, a denial, a re-extraction, a metadata update) and fails on any
// operator that scans: all nodes, a label, a relationship type or a whole
// index. Every lookup must be a seek, so that an article's cost does not
// grow with the graph.
func TestWritesUseIndexes(t *testing.T) {
	s, w, ctx := openWorld(t, "tprofile")
	docs := w.corpus(1, 0, 40, 8, mustDay("2024-05-01"), 10)
	save(t, ctx, s, docs[:20]...) // something to match against

	statements := map[string]bool{}
	s.SetProfile(func(cypher string, ops []neo4j.Operator) {
		statements[cypher] = true
		hits := int64(0)
		for _, op := range ops {
			hits += op.DBHits
		}
		t.Logf("%6d db hits: %s", hits, strings.Fields(cypher)[0]+" "+strings.Join(strings.Fields(cypher)[1:4], " "))
		for _, op := range ops {
			if strings.Contains(op.Name, "Scan") {
				t.Errorf("%s (%s) in\n%s", op.Name, op.Details, cypher)
			}
		}
	})
	save(t, ctx, s, docs[20:]...)
	claim := w.transfer("p1", 1, 2, "2024-05-03", model.Alleged, 3)
	denial := w.transfer("p2", 1, 2, "2024-05-03", model.Denied, 1)
	denial.Denies = claim.ID
	save(t, ctx, s, w.article("p", "x", "2024-05-04", claim, denial))
	re := *docs[0]
	re.Article.Extractor = "test-2"
	meta := *docs[1]
	meta.Article.Title = "Another title"
	save(t, ctx, s, &re, &meta)
	s.SetProfile(nil)
	if len(statements) < 7 {
		t.Errorf("profiled %d statements; want every kind of write", len(statements))
	}
}

// TestReadsUseIndexes profiles the reads a request starts from: a name
// argument, an entity with what its nested fields go on to, a
// neighborhood by name. Each finds its start through an index (the Name
// node of a lower-cased name or alias, the id constraint, the ISO code)
// and expands from there, so it costs the same however many entities the
// graph holds.
func TestReadsUseIndexes(t *testing.T) {
	s, w, ctx := openWorld(t, "tprofread")
	save(t, ctx, s, w.corpus(2, 0, 20, 6, mustDay("2024-05-01"), 10)...)
	leader := "Leader " + w.iso(1)
	sel := model.Selection{Parts: model.Everything, Follow: []model.Follow{
		{Link: model.LinkEvents, Then: []model.Follow{{Link: model.LinkParticipants}, {Link: model.LinkArticles}}},
		{Link: model.LinkSaid, Then: []model.Follow{{Link: model.LinkAboutEntities}}}}}
	profiled := 0
	s.SetProfile(func(cypher string, ops []neo4j.Operator) {
		profiled++
		for _, op := range ops {
			if strings.Contains(op.Name, "Scan") {
				t.Errorf("%s (%s) in\n%s", op.Name, op.Details, cypher)
			}
		}
	})
	defer s.SetProfile(nil)
	for _, ref := range []string{leader, strings.ToUpper(leader), w.leader(1), w.country(2)} {
		e, _, err := s.Entity(ctx, ref, sel)
		if err != nil || e == nil {
			t.Fatalf("Entity(%q) = %v, %v", ref, e, err)
		}
	}
	if _, err := s.Neighborhood(ctx, model.NeighborhoodQuery{ID: leader, Depth: 2, Limit: 50,
		Labels: []string{"Person", "Country", "Event"}}); err != nil {
		t.Fatal(err)
	}
	if profiled != 5 {
		t.Errorf("profiled %d statements, want 5: one per read", profiled)
	}
}
