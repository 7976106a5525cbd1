package neo4j_test

import (
	"context"
	"testing"
	"time"

	"github.com/geokg/geokg/model"
	"github.com/geokg/geokg/neo4j"
	"github.com/geokg/geokg/neo4j/neo4jtest"
)

// testDoc is a small document with one of everything.
func testDoc(version model.Text) *model.Document {
	return &model.Document{
		Article: model.Article{ID: "article:test-store-0001", Title: "Test", Published: "2024-05-16",
			Text: "Putin met Xi in Beijing. “We are friends,” Xi said.", Extractor: version},
		Entities: []model.Entity{
			{ID: "person:test-putin", Type: model.Person, Name: "Test Putin", Aliases: []string{"TPutin"}, Country: "TST",
				Leader: true, Mentions: []model.Span{{Start: 0, End: 5, Text: "Putin"}}},
			{ID: "person:test-xi", Type: model.Person, Name: "Test Xi", Aliases: []string{"TXi"},
				Mentions: []model.Span{{Start: 10, End: 12, Text: "Xi"}}},
			{ID: "place:test-beijing", Type: model.Place, Name: "Test Beijing", Country: "TST",
				Mentions: []model.Span{{Start: 16, End: 23, Text: "Beijing"}}},
		},
		Events: []model.Event{{ID: "event:test-meeting", Type: model.Meeting, Status: model.Occurred, Date: "2024-05",
			Participants: []string{"person:test-putin", "person:test-xi"}, Place: "place:test-beijing",
			Evidence: []model.Span{{Start: 0, End: 23, Text: "Putin met Xi in Beijing", Sentence: "Putin met Xi in Beijing."}}}},
		Statements: []model.Statement{{ID: "statement:test-1", Speaker: "person:test-xi", Text: "We are friends", Direct: true,
			About: []string{"person:test-putin"}, Evidence: model.Span{Start: 26, End: 40, Text: "We are friends"}}},
	}
}

func TestSaveDocument(t *testing.T) {
	s := neo4jtest.Open(t)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()

	first, err := s.SaveDocument(ctx, testDoc("v1"))
	if err != nil {
		t.Fatal(err)
	}
	again, err := s.SaveDocument(ctx, testDoc("v1"))
	if err != nil {
		t.Fatal(err)
	}
	if !again.Unchanged || again.NodesCreated != 0 || again.RelationshipsCreated != 0 {
		t.Errorf("saving the same document twice: %+v, want unchanged", again)
	}
	// New rules replace the article's contribution: nothing piles up.
	if _, err := s.SaveDocument(ctx, testDoc("v2")); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveDocument(ctx, testDoc("v3")); err != nil {
		t.Fatal(err)
	}
	evs, err := s.LinkedEvents(ctx, model.LinkEvents, []string{"person:test-putin"}, model.Everything)
	if err != nil {
		t.Fatal(err)
	}
	if got := evs["person:test-putin"]; len(got) != 1 || len(got[0].Evidence) != 1 || got[0].Place != "place:test-beijing" ||
		got[0].Evidence[0].Article != "article:test-store-0001" {
		t.Errorf("events of Putin after re-extraction = %+v, want the one meeting with one evidence span", got)
	}
	t.Logf("first save created %d nodes, %d relationships", first.NodesCreated, first.RelationshipsCreated)

	for _, tc := range []struct{ name, want string }{
		{"Test Putin", "person:test-putin"},
		{"tputin", "person:test-putin"}, // alias, any case
		{"  TEST XI ", "person:test-xi"},
	} {
		e, err := s.FindEntity(ctx, tc.name)
		if err != nil || e.ID != tc.want {
			t.Errorf("FindEntity(%q) = %v, %v; want %s", tc.name, e, err, tc.want)
		}
	}
	if _, err := s.FindEntity(ctx, "nobody at all"); model.ErrorCode(err) != model.ENOTFOUND {
		t.Errorf("FindEntity(unknown) err = %v, want NOT_FOUND", err)
	}

	ents, err := s.EntitiesByID(ctx, []string{"person:test-putin", "country:TST", "missing"}, model.Everything)
	if err != nil {
		t.Fatal(err)
	}
	if p := ents["person:test-putin"]; p == nil || !p.Leader || p.Country != "TST" {
		t.Errorf("Putin = %+v, want a leader of TST", p)
	}
	if c := ents["country:TST"]; c == nil || c.Name != "TST" {
		t.Errorf("stub country = %+v, want one named by its code", c)
	}
	st, err := s.LinkedStatements(ctx, model.LinkSaid, []string{"person:test-xi"}, model.Everything)
	if err != nil {
		t.Fatal(err)
	}
	if got := st["person:test-xi"]; len(got) != 1 || got[0].Text != "We are friends" || got[0].About[0] != "person:test-putin" {
		t.Errorf("statements of Xi = %+v", got)
	}
}

// TestUnavailable: a database that does not answer is an UNAVAILABLE error.
func TestUnavailable(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_, err := neo4j.Open(ctx, neo4j.Config{URI: "bolt://127.0.0.1:1"})
	if model.ErrorCode(err) != model.EUNAVAILABLE {
		t.Errorf("err = %v, want UNAVAILABLE", err)
	}
}
