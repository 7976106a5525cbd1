package neo4j_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/geokg/geokg/model"
	"github.com/geokg/geokg/neo4j"
	"github.com/geokg/geokg/neo4j/neo4jtest"
)

// openWorld opens the test store with a fresh fictional world.
func openWorld(t *testing.T, tag string) (*neo4j.Store, world, context.Context) {
	t.Helper()
	s := neo4jtest.Open(t)
	w := world{tag: tag}
	w.wipe(t, s)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	t.Cleanup(cancel)
	return s, w, ctx
}

func save(t *testing.T, ctx context.Context, s *neo4j.Store, docs ...*model.Document) []model.SaveResult {
	t.Helper()
	res, err := s.SaveDocuments(ctx, docs)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// TestOneEventManyOutlets: the same meeting told by three outlets, one of
// them without a date, is one event with three reports, three articles
// and three sources, whether the articles come one by one or in a batch.
func TestOneEventManyOutlets(t *testing.T) {
	for _, batched := range []bool{false, true} {
		name := map[bool]string{false: "one by one", true: "one batch"}[batched]
		t.Run(name, func(t *testing.T) {
			s, w, ctx := openWorld(t, map[bool]string{false: "tmerge1", true: "tmerge2"}[batched])
			docs := []*model.Document{
				w.article("a", "wire.example", "2024-05-14", w.meeting("a1", 1, 2, "2024-05-13", model.Occurred)),
				w.article("b", "daily.example", "2024-05-15", w.meeting("b1", 2, 1, "2024-05-13", model.Occurred)),
				w.article("c", "state.example", "2024-05-14", w.meeting("c1", 1, 2, "", model.Reported)),
			}
			if batched {
				save(t, ctx, s, docs...)
			} else {
				for _, d := range docs {
					save(t, ctx, s, d)
				}
			}
			ev := eventOf(t, s, w.articleID("a"))
			for _, a := range []string{"b", "c"} {
				if other := eventOf(t, s, w.articleID(a)); other.ID != ev.ID {
					t.Errorf("article %s reports %s, article a %s: want one event", a, other.ID, ev.ID)
				}
			}
			if ev.ID != w.eventID("a1") || len(ev.Reports) != 3 || ev.ArticleCount != 3 || ev.SourceCount != 3 ||
				ev.Status != model.Occurred || ev.Date != "2024-05-13" || len(ev.Participants) != 4 || len(ev.Evidence) != 3 {
				t.Errorf("event = %+v, want %s: 3 reports, articles and sources, occurred on 2024-05-13, 4 participants", ev, w.eventID("a1"))
			}
			statuses := map[string]model.Status{}
			for _, r := range ev.Reports {
				statuses[r.Article] = r.Status
			}
			checkStatus(t, ev)
			if statuses[w.articleID("c")] != model.Reported || statuses[w.articleID("a")] != model.Occurred {
				t.Errorf("report statuses %v: each report keeps its own", statuses)
			}
			// Saving them again changes nothing.
			for _, r := range save(t, ctx, s, docs...) {
				if !r.Unchanged {
					t.Errorf("second save %+v, want unchanged", r)
				}
			}
		})
	}
}

// TestDenialIsAReport: an allegation in one article and its denial in
// another are one event whose status is the allegation's; the denial stays
// a report with its own asserter. An article that states a claim and its
// denial gives the event two reports, the denial pointing at the claim.
func TestDenialIsAReport(t *testing.T) {
	s, w, ctx := openWorld(t, "tdenial")
	claim := w.transfer("a1", 1, 2, "2024-03-10", model.Alleged, 3)
	denial := w.transfer("b1", 1, 2, "", model.Denied, 1)
	save(t, ctx, s, w.article("a", "wire.example", "2024-03-11", claim))
	save(t, ctx, s, w.article("b", "state.example", "2024-03-12", denial))

	ev := eventOf(t, s, w.articleID("a"))
	if got := eventOf(t, s, w.articleID("b")); got.ID != ev.ID {
		t.Fatalf("the denial is event %s, the claim %s: want one event", got.ID, ev.ID)
	}
	if ev.Status != model.Alleged || len(ev.Reports) != 2 || !slices.Equal(ev.AssertedBy, []string{w.country(1), w.country(3)}) {
		t.Errorf("event %+v: want alleged, two reports, asserted by countries 1 and 3", ev)
	}
	for _, r := range ev.Reports {
		want := map[string]struct {
			status model.Status
			by     string
		}{w.articleID("a"): {model.Alleged, w.country(3)}, w.articleID("b"): {model.Denied, w.country(1)}}[r.Article]
		if r.Status != want.status || !slices.Equal(r.AssertedBy, []string{want.by}) {
			t.Errorf("report %+v: want %s by %s", r, want.status, want.by)
		}
	}

	checkStatus(t, ev)

	// Claim and denial in one article: the loader links them.
	claimC := w.transfer("c1", 4, 5, "2024-03-10", model.Reported, 6)
	denialC := w.transfer("c2", 4, 5, "2024-03-10", model.Denied, 4)
	denialC.Denies = claimC.ID
	save(t, ctx, s, w.article("c", "wire.example", "2024-03-11", claimC, denialC))
	ev = eventOf(t, s, w.articleID("c"))
	if len(ev.Reports) != 2 || ev.Status != model.Reported || ev.ArticleCount != 1 {
		t.Fatalf("event %+v: want reported, two reports from one article", ev)
	}
	var claimID, deniesID string
	for _, r := range ev.Reports {
		if r.Status == model.Denied {
			deniesID = r.Denies
		} else {
			claimID = r.ID
		}
	}
	if deniesID == "" || deniesID != claimID {
		t.Errorf("the denial denies %q, want the claim's report %q", deniesID, claimID)
	}

	// Only denials: the event is denied.
	save(t, ctx, s, w.article("d", "wire.example", "2024-03-11", w.transfer("d1", 7, 8, "2024-03-10", model.Denied, 7)))
	if ev := eventOf(t, s, w.articleID("d")); ev.Status != model.Denied {
		t.Errorf("an event only denied has status %s, want denied", ev.Status)
	}
}

// TestDateWindow: reports two days apart are one event, ten days apart two;
// a month holds its days; an undated report counts from its article's
// publication day; an article with no date at all is never merged.
func TestDateWindow(t *testing.T) {
	s, w, ctx := openWorld(t, "tdates")
	for _, tc := range []struct {
		name      string
		first     *model.Document
		second    *model.Document
		wantMerge bool
	}{
		{"two days apart",
			w.article("a1", "x", "2024-05-13", w.meeting("a1", 1, 2, "2024-05-13", model.Occurred)),
			w.article("a2", "y", "2024-05-15", w.meeting("a2", 1, 2, "2024-05-15", model.Occurred)), true},
		{"ten days apart",
			w.article("b1", "x", "2024-05-13", w.meeting("b1", 3, 4, "2024-05-13", model.Occurred)),
			w.article("b2", "y", "2024-05-23", w.meeting("b2", 3, 4, "2024-05-23", model.Occurred)), false},
		{"undated, published the next day",
			w.article("c1", "x", "2024-05-13", w.meeting("c1", 5, 6, "2024-05-12", model.Occurred)),
			w.article("c2", "y", "2024-05-13", w.meeting("c2", 5, 6, "", model.Occurred)), true},
		{"undated first, dated second",
			w.article("d1", "x", "2024-05-13", w.meeting("d1", 7, 8, "", model.Planned)),
			w.article("d2", "y", "2024-05-16", w.meeting("d2", 7, 8, "2024-05-15", model.Occurred)), true},
		{"a day in a month",
			w.article("e1", "x", "2024-05-30", w.meeting("e1", 9, 10, "2024-05", model.Planned)),
			w.article("e2", "y", "2024-05-30", w.meeting("e2", 9, 10, "2024-05-28", model.Occurred)), true},
		{"a day outside the month",
			w.article("f1", "x", "2024-05-30", w.meeting("f1", 11, 12, "2024-05", model.Planned)),
			w.article("f2", "y", "2024-06-02", w.meeting("f2", 11, 12, "2024-06-01", model.Occurred)), false},
		{"no date and no publication date",
			w.article("g1", "x", "", w.meeting("g1", 13, 14, "", model.Occurred)),
			w.article("g2", "y", "", w.meeting("g2", 13, 14, "", model.Occurred)), false},
		{"other leaders of the same countries",
			w.article("h1", "x", "2024-05-13", w.meeting("h1", 15, 16, "2024-05-13", model.Occurred)),
			func() *model.Document {
				d := w.article("h2", "y", "2024-05-13", w.meeting("h2", 15, 16, "2024-05-13", model.Occurred))
				// The foreign ministers, not the leaders: persons differ.
				d.Events[0].Participants = []string{w.country(15), w.country(16), "person:tdates-minister-15"}
				d.Entities = append(d.Entities, model.Entity{ID: "person:tdates-minister-15", Type: model.Person,
					Name: "Minister", Country: w.iso(15), Aliases: []string{}, Mentions: []model.Span{{Start: 0, End: 4, Text: "Name"}}})
				return d
			}(), false},
		{"the countries only",
			w.article("i1", "x", "2024-05-13", w.meeting("i1", 17, 18, "2024-05-13", model.Occurred)),
			func() *model.Document {
				d := w.article("i2", "y", "2024-05-13", w.meeting("i2", 17, 18, "2024-05-13", model.Occurred))
				d.Events[0].Participants = []string{w.country(17), w.country(18)}
				d.Entities = w.entities(d.Events[0].Participants)
				return d
			}(), true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			save(t, ctx, s, tc.first)
			save(t, ctx, s, tc.second)
			a, b := eventOf(t, s, tc.first.Article.ID), eventOf(t, s, tc.second.Article.ID)
			if (a.ID == b.ID) != tc.wantMerge {
				t.Errorf("events %s and %s; want merged: %v", a.ID, b.ID, tc.wantMerge)
			}
		})
	}
}

// TestReextraction: new rules replace an article's reports; an event left
// with no report goes, with its match keys.
func TestReextraction(t *testing.T) {
	s, w, ctx := openWorld(t, "treextract")
	a := w.article("a", "x", "2024-05-13", w.meeting("a1", 1, 2, "2024-05-13", model.Occurred))
	b := w.article("b", "y", "2024-05-14", w.meeting("b1", 1, 2, "2024-05-13", model.Occurred))
	save(t, ctx, s, a, b)
	ev := eventOf(t, s, a.Article.ID)

	// a, by new rules, calls it planned and reports a second meeting.
	a2 := w.article("a", "x", "2024-05-13", w.meeting("a1", 1, 2, "2024-05-13", model.Planned),
		w.meeting("a2", 3, 4, "2024-05-13", model.Occurred))
	a2.Article.Extractor = "test-2"
	if r := save(t, ctx, s, a2)[0]; r.Unchanged || r.Updated {
		t.Fatalf("re-extraction: %+v", r)
	}
	got := eventsOf(t, s, a.Article.ID)
	if len(got) != 2 || got[0].ID != ev.ID || len(got[0].Reports) != 2 || got[0].Status != model.Occurred {
		t.Fatalf("after re-extraction a reports %+v; want the same meeting with two reports, and a new one", got)
	}
	for _, r := range got[0].Reports {
		if r.Article == a.Article.ID && r.Status != model.Planned {
			t.Errorf("a's report is %s, want planned", r.Status)
		}
	}
	second := got[1].ID

	// a's new rules find nothing, then b's: the events go.
	a3 := w.article("a", "x", "2024-05-13")
	a3.Article.Extractor = "test-3"
	b3 := w.article("b", "y", "2024-05-14")
	b3.Article.Extractor = "test-3"
	save(t, ctx, s, a3)
	if evs, _ := s.EventsByID(ctx, []string{ev.ID, second}, model.Everything); evs[second] != nil || evs[ev.ID] == nil || len(evs[ev.ID].Reports) != 1 {
		t.Errorf("after a reports nothing: %v; want the meeting with b's report only", evs)
	}
	save(t, ctx, s, b3)
	if evs, _ := s.EventsByID(ctx, []string{ev.ID}, model.Everything); len(evs) != 0 {
		t.Errorf("an event no article reports is still stored: %v", evs)
	}
	keys, err := s.CypherForTest(ctx, `MATCH (k:MatchKey) WHERE k.key CONTAINS $tag RETURN k.key AS key`, map[string]any{"tag": w.tag})
	if err != nil || len(keys) != 0 {
		t.Errorf("match keys left: %v, %v", keys, err)
	}
}

// TestMetadataReload: changed metadata on an unchanged text updates the
// article; a new publication date rewrites the extraction.
func TestMetadataReload(t *testing.T) {
	s, w, ctx := openWorld(t, "tmeta")
	doc := w.article("a", "x.example", "2024-05-13", w.meeting("a1", 1, 2, "", model.Occurred))
	save(t, ctx, s, doc)

	re := *doc
	re.Article.Title, re.Article.Source, re.Article.URL = "New title", "y.example", "https://y.example/a"
	if r := save(t, ctx, s, &re)[0]; !r.Updated || r.Unchanged {
		t.Errorf("new title and source: %+v, want updated", r)
	}
	arts, err := s.ArticlesByID(ctx, []string{doc.Article.ID}, model.Parts{})
	if a := arts[doc.Article.ID]; err != nil || a == nil || a.Title != "New title" || a.Source != "y.example" || a.URL != "https://y.example/a" {
		t.Errorf("article after reload = %+v, %v", a, err)
	}
	if ev := eventOf(t, s, doc.Article.ID); ev.SourceCount != 1 || len(ev.Reports) != 1 {
		t.Errorf("event after a metadata update: %+v", ev)
	}
	if r := save(t, ctx, s, &re)[0]; !r.Unchanged || r.Updated {
		t.Errorf("the same again: %+v, want unchanged", r)
	}

	re.Article.Published = "2024-06-01"
	if r := save(t, ctx, s, &re)[0]; r.Unchanged || r.Updated || r.NodesCreated == 0 {
		t.Errorf("new published date: %+v, want the extraction rewritten", r)
	}
	arts, _ = s.ArticlesByID(ctx, []string{doc.Article.ID}, model.Parts{})
	if a := arts[doc.Article.ID]; a.Published != "2024-06-01" {
		t.Errorf("published = %s", a.Published)
	}
}

// checkStatus: the status the graph stores is model.StatusOf its reports'.
func checkStatus(t *testing.T, ev *model.StoredEvent) {
	t.Helper()
	var sts []model.Status
	for _, r := range ev.Reports {
		sts = append(sts, r.Status)
	}
	if want := model.StatusOf(sts); ev.Status != want {
		t.Errorf("event %s has status %s, its reports %v give %s", ev.ID, ev.Status, sts, want)
	}
}

// TestNoChaining: meetings of the same leaders every other day are not
// one long event: a report must be close to the event's own date too.
func TestNoChaining(t *testing.T) {
	s, w, ctx := openWorld(t, "tchain")
	var events []string
	for i, day := range []model.Text{"2024-05-01", "2024-05-03", "2024-05-05", "2024-05-07", "2024-05-09"} {
		id := string(rune('a' + i))
		save(t, ctx, s, w.article(id, "x", day, w.meeting(id, 1, 2, day, model.Occurred)))
		events = append(events, eventOf(t, s, w.articleID(id)).ID)
	}
	// 1 and 3 are one meeting; 5 is too far from its date (the 1st), and so on.
	if events[0] != events[1] || events[1] == events[2] || events[2] != events[3] || events[3] == events[4] {
		t.Errorf("events by day: %v; want the 1st and 3rd, the 5th and 7th, the 9th", events)
	}
}

// TestUpgrade: a graph written before events had reports is written again
// when its articles are loaded again, and its report-less events go.
func TestUpgrade(t *testing.T) {
	s, w, ctx := openWorld(t, "tupgrade")
	doc := w.article("a", "x", "2024-05-13", w.meeting("a1", 1, 2, "2024-05-13", model.Occurred))
	save(t, ctx, s, doc)
	// What the previous model left: an article with no model version and
	// events linked to it by EVIDENCE only.
	if _, err := s.CypherForTest(ctx, `
		MATCH (a:Article {id: $id}) REMOVE a.graphModel
		WITH a MATCH (a)<-[:IN]-(r:Report) DETACH DELETE r
		WITH DISTINCT a CREATE (:Event {id: $old, type: 'Meeting', status: 'occurred'})-[:EVIDENCE {start: 0, end: 4}]->(a)`,
		map[string]any{"id": doc.Article.ID, "old": w.eventID("old")}); err != nil {
		t.Fatal(err)
	}
	if r := save(t, ctx, s, doc)[0]; r.Unchanged || r.Updated {
		t.Fatalf("reloading an article of the previous model: %+v, want it written again", r)
	}
	ev := eventOf(t, s, doc.Article.ID)
	if len(ev.Reports) != 1 {
		t.Errorf("event %+v, want one report", ev)
	}
	if evs, _ := s.EventsByID(ctx, []string{w.eventID("old")}, model.Everything); len(evs) != 0 {
		t.Errorf("the previous model's event is still there: %v", evs)
	}
}
