package neo4j_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/geokg/geokg/model"
	"github.com/geokg/geokg/neo4j"
)

// world is a fictional world of countries and their leaders for tests and
// benchmarks. Every id carries the world's tag, so that a test's data
// never meets another test's (or the articles other packages load) and
// can be wiped.
type world struct {
	tag string
}

// country is the id of the world's i-th country; its ISO code is made up.
func (w world) country(i int) string { return fmt.Sprintf("country:%s-c%d", w.tag, i) }
func (w world) iso(i int) string     { return fmt.Sprintf("%s-c%d", w.tag, i) }

// leader is the id of the leader of the world's i-th country.
func (w world) leader(i int) string { return fmt.Sprintf("person:%s-leader-%d", w.tag, i) }

// entities lists the entities that ids name: countries and leaders, each
// mentioned once.
func (w world) entities(ids []string) []model.Entity {
	var out []model.Entity
	seen := map[string]bool{}
	for _, id := range ids {
		if id == "" || seen[id] {
			continue
		}
		seen[id] = true
		var i int
		if _, err := fmt.Sscanf(id[len(id)-digits(id):], "%d", &i); err != nil {
			panic(id)
		}
		mention := []model.Span{{Start: 0, End: 4, Text: "Name"}}
		if id == w.country(i) {
			out = append(out, model.Entity{ID: id, Type: model.Country, Name: "Country " + w.iso(i), ISO3: w.iso(i),
				Aliases: []string{}, Mentions: mention})
		} else {
			out = append(out, model.Entity{ID: id, Type: model.Person, Name: "Leader " + w.iso(i), Country: w.iso(i),
				Leader: true, Role: model.Text("President of " + w.iso(i)), Aliases: []string{}, Mentions: mention,
				RoleEvidence: &model.Span{Start: 0, End: 4, Text: "Name", Sentence: "Name."}})
		}
	}
	return out
}

func digits(s string) int {
	n := 0
	for n < len(s) && s[len(s)-1-n] >= '0' && s[len(s)-1-n] <= '9' {
		n++
	}
	return n
}

// meeting is a meeting of the leaders of countries a and b, with the
// countries beside them as the loader lists them.
func (w world) meeting(id string, a, b int, date model.Text, status model.Status) model.Event {
	return model.Event{ID: w.eventID(id), Type: model.Meeting, Status: status, Date: date,
		Participants: []string{w.leader(a), w.leader(b), w.country(a), w.country(b)},
		Evidence:     []model.Span{{Start: 0, End: 10, Text: "Leader met", Sentence: "Leader met leader."}}}
}

// transfer is an arms transfer from country a to country b.
func (w world) transfer(id string, a, b int, date model.Text, status model.Status, assertedBy ...int) model.Event {
	ev := model.Event{ID: w.eventID(id), Type: model.ArmsTransfer, Status: status, Date: date,
		Participants: []string{w.country(a), w.country(b)}, Supplier: w.country(a), Recipient: w.country(b),
		Items:    []string{"drones"},
		Evidence: []model.Span{{Start: 0, End: 10, Text: "sent drone", Sentence: "It sent drones."}}}
	for _, c := range assertedBy {
		ev.AssertedBy = append(ev.AssertedBy, w.country(c))
	}
	return ev
}

func (w world) eventID(id string) string   { return "event:" + w.tag + "-" + id }
func (w world) articleID(id string) string { return "article:" + w.tag + "-" + id }

// article is a document reporting events, with the entities they name.
func (w world) article(id string, source, published model.Text, events ...model.Event) *model.Document {
	var ids []string
	for _, ev := range events {
		ids = append(ids, ev.Participants...)
		ids = append(ids, ev.Supplier, ev.Recipient)
		ids = append(ids, ev.AssertedBy...)
	}
	return &model.Document{
		Article: model.Article{ID: w.articleID(id), Title: model.Text("Article " + id), Source: source, Published: published,
			Extractor: "test-1", Text: "Leader met leader. It sent drones."},
		Entities: w.entities(ids), Events: events, Statements: []model.Statement{},
	}
}

// wipe deletes a world's data from the test database.
func (w world) wipe(tb testing.TB, s *neo4j.Store) {
	tb.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	for _, q := range []string{
		// Links between entities first, through their index: a busy
		// country holds one per article, too many to detach at once.
		`MATCH ()-[l:COUNTRY]->() WHERE l.article STARTS WITH 'article:' + $tag
		 CALL (l) { DELETE l } IN TRANSACTIONS OF 5000 ROWS`,
		`MATCH ()-[l:LEADER_OF]->() WHERE l.article STARTS WITH 'article:' + $tag
		 CALL (l) { DELETE l } IN TRANSACTIONS OF 5000 ROWS`,
		`MATCH ()-[l:MEMBER_OF]->() WHERE l.article STARTS WITH 'article:' + $tag
		 CALL (l) { DELETE l } IN TRANSACTIONS OF 5000 ROWS`,
		`MATCH (a:Article) WHERE a.id STARTS WITH 'article:' + $tag
		 CALL (a) { OPTIONAL MATCH (a)<-[:IN]-(x) DETACH DELETE x, a } IN TRANSACTIONS OF 200 ROWS`,
		`MATCH (e:Event) WHERE e.id STARTS WITH 'event:' + $tag
		 CALL (e) { DETACH DELETE e } IN TRANSACTIONS OF 1000 ROWS`,
		`MATCH (k:MatchKey) WHERE k.key CONTAINS ':' + $tag
		 CALL (k) { DETACH DELETE k } IN TRANSACTIONS OF 1000 ROWS`,
		`MATCH (n:Entity) WHERE n.id CONTAINS ':' + $tag
		 CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 100 ROWS`,
	} {
		if _, err := s.CypherForTest(ctx, q, map[string]any{"tag": w.tag}); err != nil {
			tb.Fatalf("wipe %s: %v", w.tag, err)
		}
	}
}

// corpus makes n synthetic articles (numbered from) of a world with nc
// countries, as a corpus load would bring them: each reports a meeting of
// two countries' leaders and sometimes an arms transfer between them,
// quotes one of them and names a few more people of those countries. News
// flows at perDay articles a day from start: article i is about a day
// near i/perDay, so stories recur across outlets and days, a larger
// corpus covers a longer time as real ones do, and the busiest countries
// and people are dense nodes. It is deterministic from seed.
func (w world) corpus(seed uint64, from, n, nc int, start time.Time, perDay int) []*model.Document {
	sources := []model.Text{"wire.example", "daily.example", "state.example", "regional.example", "weekly.example"}
	statuses := []model.Status{model.Occurred, model.Occurred, model.Occurred, model.Planned, model.Reported, model.Alleged, model.Denied}
	out := make([]*model.Document, 0, n)
	for i := from; i < from+n; i++ {
		// One generator per article: article i is the same whatever batch it is made in.
		rng := rand.New(rand.NewPCG(seed, uint64(i)))
		// Countries are drawn with a skew: low numbers come up far more often.
		pick := func() int { return int(float64(nc) * rng.Float64() * rng.Float64()) }
		a, b := pick(), pick()
		for b == a {
			b = pick()
		}
		day := start.AddDate(0, 0, i/perDay+rng.IntN(5)-2)
		published := model.Text(day.AddDate(0, 0, rng.IntN(2)).Format("2006-01-02"))
		date := model.Text(day.Format("2006-01-02"))
		if rng.IntN(3) == 0 {
			date = "" // undated: placed on the publication day
		}
		id := fmt.Sprintf("a%d", i)
		events := []model.Event{w.meeting(id+"-m", a, b, date, statuses[rng.IntN(len(statuses))])}
		if rng.IntN(3) == 0 {
			events = append(events, w.transfer(id+"-t", b, a, date, model.Alleged, pick()))
		}
		doc := w.article(id, sources[rng.IntN(len(sources))], published, events...)
		doc.Article.Text = fmt.Sprintf("Article %d. Leader met leader. It sent drones.", i)
		// Officials of both countries, each with their country link.
		for k := 0; k < 4+rng.IntN(4); k++ {
			c := []int{a, b}[k%2]
			pid := fmt.Sprintf("person:%s-official-%d-%d", w.tag, c, rng.IntN(20))
			if doc.Entity(pid) != nil {
				continue
			}
			doc.Entities = append(doc.Entities, model.Entity{ID: pid, Type: model.Person, Name: "Official " + pid,
				Country: w.iso(c), Role: model.Text("Minister of " + w.iso(c)), Aliases: []string{},
				Mentions:     []model.Span{{Start: 0, End: 4, Text: "Name"}, {Start: 10, End: 14, Text: "Name"}},
				RoleEvidence: &model.Span{Start: 0, End: 4, Text: "Name", Sentence: "Name."}})
		}
		for k := 0; k < 1+rng.IntN(3); k++ {
			sp := doc.Entities[rng.IntN(len(doc.Entities))].ID
			doc.Statements = append(doc.Statements, model.Statement{ID: fmt.Sprintf("statement:%s-%d-%d", w.tag, i, k),
				Speaker: sp, Text: "we met", Direct: k%2 == 0, About: []string{w.country(a), w.country(b)},
				Evidence: model.Span{Start: 10 * k, End: 10*k + 6, Text: "we met", Sentence: "“We met,” he said."}})
		}
		out = append(out, doc)
	}
	return out
}

// eventOf returns the one event an article reports.
func eventOf(t *testing.T, s *neo4j.Store, article string) *model.StoredEvent {
	t.Helper()
	evs := eventsOf(t, s, article)
	if len(evs) != 1 {
		t.Fatalf("%s reports %d events, want 1", article, len(evs))
	}
	return evs[0]
}

func eventsOf(t *testing.T, s *neo4j.Store, article string) []*model.StoredEvent {
	t.Helper()
	got, err := s.LinkedEvents(context.Background(), model.LinkArticleEvents, []string{article}, model.Everything)
	if err != nil {
		t.Fatal(err)
	}
	evs := got[article]
	slices.SortFunc(evs, func(a, b *model.StoredEvent) int { return compareStr(a.ID, b.ID) })
	return evs
}

func compareStr(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func mustDay(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}
