package graph_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/graph/graphtest"
	"github.com/geokg/geokg/neo4j/neo4jtest"
)

// These tests drive the real HTTP endpoint against the real Neo4j, loaded
// with the sample article and the test articles, and assert what a
// researcher would ask. They assert what is true of the articles they
// load, never global totals: other packages share the database.

// serve loads the articles and serves the API.
func serve(t *testing.T, opt graph.Options) (url string, loaded graphtest.Loaded) {
	t.Helper()
	store := neo4jtest.Open(t)
	loaded = graphtest.Load(t, store, "../testdata")
	return graphtest.Server(t, store, loaded.Loader, opt).URL + "/graphql", loaded
}

type named struct {
	ID   string
	Name string
}

func names(ns []named) []string {
	out := make([]string, len(ns))
	for i, n := range ns {
		out[i] = n.Name
	}
	return out
}

type evidence struct {
	Text     string
	Sentence *string
	Start    int
	End      int
	Article  struct{ ID, Title, Published string }
}

// TestResearchQuestions asks the questions the issue names and checks the
// answers against the sample article.
func TestResearchQuestions(t *testing.T) {
	url, loaded := serve(t, graph.Options{})
	sample := loaded.Articles[graphtest.Sample]

	t.Run("Kim Jong Un and Vladimir Putin share a planned meeting", func(t *testing.T) {
		var got struct {
			Relations struct {
				A, B   named
				Events []struct {
					Type, Status string
					Participants []named
					AssertedBy   []named
					Evidence     []evidence
					Reports      []struct {
						Status  string
						Article struct{ ID string }
					}
				}
			}
		}
		graphtest.Query(t, url, `{ relations(a: "Kim Jong Un", b: "putin") { a { id name } b { id name }
			events { type status participants { name } assertedBy { name } reports { status article { id } }
			  evidence { text sentence start end article { id title published } } } } }`, nil, &got)
		rel := got.Relations
		if rel.A.ID != "person:kim-jong-un" || rel.B.ID != "person:vladimir-putin" {
			t.Fatalf("relations resolved a=%v b=%v", rel.A, rel.B)
		}
		found := false
		// The sample announces the meeting; another test article tells the
		// summit that followed: one event, whose report from the sample is
		// planned, whatever the event's own status.
		for _, ev := range rel.Events {
			if ev.Type != "MEETING" || !slices.ContainsFunc(ev.Reports, func(r struct {
				Status  string
				Article struct{ ID string }
			}) bool {
				return r.Status == "PLANNED" && r.Article.ID == sample
			}) {
				continue
			}
			for _, sp := range ev.Evidence {
				if sp.Article.ID == sample && sp.Article.Published == "2023-09-11" && sp.Sentence != nil &&
					strings.Contains(*sp.Sentence, "Kim Jong Un is set to meet with Russian President Vladimir Putin") &&
					sp.End > sp.Start && strings.Contains(*sp.Sentence, sp.Text) {
					found = true
				}
			}
		}
		if !found {
			t.Errorf("no meeting with a planned report and evidence from the sample article in %+v", rel.Events)
		}
	})

	t.Run("the arms transfer from North Korea to Russia is alleged by John Kirby", func(t *testing.T) {
		var got struct {
			Events struct {
				TotalCount int
				Nodes      []struct {
					Type, Status        string
					Supplier, Recipient named
					Items               []string
					AssertedBy          []named
					ClaimedIn           []struct {
						Speaker named
						Text    string
					}
					Evidence []evidence
				}
			}
		}
		graphtest.Query(t, url, `query($article: ID) { events(filter: {types: [ARMS_TRANSFER], statuses: [ALLEGED],
			  supplier: "North Korea", recipient: "RUS", asserter: "Kirby", article: $article}) {
			totalCount nodes { type status supplier { name } recipient { name } items assertedBy { name }
			  claimedIn { speaker { name } text } evidence { sentence article { id } } } } }`,
			map[string]any{"article": sample}, &got)
		if got.Events.TotalCount != 1 || len(got.Events.Nodes) != 1 {
			t.Fatalf("want one alleged arms transfer from North Korea to Russia asserted by Kirby, got %+v", got.Events)
		}
		ev := got.Events.Nodes[0]
		if ev.Supplier.Name != "North Korea" || ev.Recipient.Name != "Russia" || !slices.Contains(names(ev.AssertedBy), "John Kirby") {
			t.Errorf("arms transfer = %+v", ev)
		}
		byKirby := slices.ContainsFunc(ev.ClaimedIn, func(s struct {
			Speaker named
			Text    string
		}) bool {
			return s.Speaker.Name == "John Kirby" && strings.Contains(s.Text, "munitions from the DPRK")
		})
		fromSample := slices.ContainsFunc(ev.Evidence, func(e evidence) bool { return e.Article.ID == sample })
		if !byKirby || !fromSample {
			t.Errorf("the claim lacks Kirby's statement or evidence from the sample: %+v", ev)
		}
	})

	t.Run("Koffler's quotes are hers", func(t *testing.T) {
		var got struct {
			Statements struct {
				TotalCount int
				Nodes      []struct {
					Text     string
					Direct   bool
					Speaker  named
					Evidence evidence
				}
			}
		}
		graphtest.Query(t, url, `query($article: ID) { statements(filter: {speaker: "koffler", direct: true, article: $article}) {
			totalCount nodes { text direct speaker { name } evidence { text sentence article { id } } } } }`,
			map[string]any{"article": sample}, &got)
		if got.Statements.TotalCount != 3 {
			t.Errorf("Koffler has %d quotes in the sample, want 3: %+v", got.Statements.TotalCount, got.Statements.Nodes)
		}
		for _, s := range got.Statements.Nodes {
			if s.Speaker.Name != "Rebekah Koffler" || !s.Direct || s.Evidence.Sentence == nil || !strings.Contains(*s.Evidence.Sentence, s.Evidence.Text) {
				t.Errorf("statement %+v is not a quote of Koffler's with its sentence", s)
			}
		}
	})

	t.Run("a path leads from John Kirby to Kim Jong Un, with evidence at every hop", func(t *testing.T) {
		var got struct {
			Paths []struct {
				Length int
				Nodes  []struct{ ID string }
				Hops   []struct {
					Type     string
					From, To struct{ ID string }
					Evidence []evidence
				}
			}
		}
		graphtest.Query(t, url, `{ paths(from: "John Kirby", to: "Kim Jong Un", maxHops: 4) { length nodes { id }
			hops { type from { id } to { id } evidence { text article { id } } } } }`, nil, &got)
		if len(got.Paths) == 0 {
			t.Fatal("no path from Kirby to Kim")
		}
		p := got.Paths[0] // the best supported first
		if p.Nodes[0].ID != "person:john-kirby" || p.Nodes[len(p.Nodes)-1].ID != "person:kim-jong-un" ||
			p.Length != len(p.Hops) || len(p.Nodes) != p.Length+1 || p.Length > 3 {
			t.Fatalf("path = %+v", p)
		}
		for i, h := range p.Hops {
			// A hop joins consecutive nodes, in either stored direction.
			a, b := p.Nodes[i].ID, p.Nodes[i+1].ID
			if !(h.From.ID == a && h.To.ID == b || h.From.ID == b && h.To.ID == a) {
				t.Errorf("hop %d %s→%s does not join %s and %s", i, h.From.ID, h.To.ID, a, b)
			}
			if len(h.Evidence) == 0 || h.Evidence[0].Text == "" {
				t.Errorf("hop %d (%s) has no evidence", i, h.Type)
			}
		}
	})

	t.Run("entities are found by any name, case-insensitively", func(t *testing.T) {
		for _, tc := range []struct{ name, want string }{
			{"Kim Jong Un", "person:kim-jong-un"},
			{"kim jong-un", "person:kim-jong-un"},
			{"DPRK", "country:PRK"},
			{"prk", "country:PRK"},
			{"Kremlin", "country:RUS"},
			{"country:USA", "country:USA"},
			{"  TASS ", "org:tass"},
		} {
			var got struct{ Entity *named }
			graphtest.Query(t, url, `query($n: String!) { entity(name: $n) { id name } }`, map[string]any{"n": tc.name}, &got)
			if got.Entity == nil || got.Entity.ID != tc.want {
				t.Errorf("entity(%q) = %+v, want %s", tc.name, got.Entity, tc.want)
			}
		}
		var none struct{ Entity *named }
		graphtest.Query(t, url, `{ entity(name: "no such entity anywhere") { id } }`, nil, &none)
		if none.Entity != nil {
			t.Errorf("entity(unknown) = %+v, want null", none.Entity)
		}
	})

	t.Run("search ranks names and statement text", func(t *testing.T) {
		var got struct {
			Who  searchResult
			What searchResult
		}
		graphtest.Query(t, url, `{
			who: search(query: "kirb") { totalCount edges { score node { __typename id ... on Entity { name } } } }
			what: search(query: "arms negotiations actively advancing", types: [STATEMENT], first: 3) {
			  totalCount edges { score node { __typename id ... on Statement { text speaker { name } } } } } }`, nil, &got)
		if len(got.Who.Edges) == 0 || got.Who.Edges[0].Node.ID != "person:john-kirby" {
			t.Errorf("search kirb: %+v, want John Kirby first", got.Who)
		}
		if len(got.What.Edges) == 0 || got.What.Edges[0].Node.Speaker.Name != "John Kirby" ||
			!strings.Contains(got.What.Edges[0].Node.Text, "arms negotiations between Russia and the DPRK are actively advancing") {
			t.Errorf("search statements: %+v, want Kirby's quote first", got.What)
		}
		for _, e := range got.What.Edges {
			if e.Node.Typename != "Statement" {
				t.Errorf("types: [STATEMENT] returned a %s", e.Node.Typename)
			}
		}
		for i := 1; i < len(got.What.Edges); i++ {
			if got.What.Edges[i].Score > got.What.Edges[i-1].Score {
				t.Errorf("search results are not ranked: %+v", got.What.Edges)
			}
		}
	})

	t.Run("every relationship is navigable both ways", func(t *testing.T) {
		var got struct {
			Kim struct {
				Country  named
				LeaderOf named
				Events   []struct {
					ID, Type, Status string
					Participants     []named
				}
				StatementsAbout []struct{ Speaker named }
			}
			Prk struct {
				Leaders []named
				People  []named
			}
			Kirby struct {
				Organization named
				Asserted     []struct {
					Type       string
					AssertedBy []named
				}
				Statements []struct {
					Speaker named
					Claims  []struct{ Type string }
				}
			}
			Article struct {
				Title      string
				Text       string
				Entities   []named
				Events     []struct{ Type, Status string }
				Statements []struct{ Speaker named }
			}
		}
		graphtest.Query(t, url, `query($sample: ID!) {
			kim: entity(name: "Kim Jong Un") { ... on Person { country { name } leaderOf { name }
			  events { id type status participants { name } } statementsAbout { speaker { name } } } }
			prk: entity(name: "North Korea") { ... on Country { leaders { name } people { name } } }
			kirby: entity(name: "John Kirby") { ... on Person { organization { name }
			  asserted { type assertedBy { name } } statements { speaker { name } claims { type } } } }
			article: node(id: $sample) { ... on Article { title text entities { name } events { type status } statements { speaker { name } } } } }`,
			map[string]any{"sample": sample}, &got)
		if got.Kim.Country.Name != "North Korea" || got.Kim.LeaderOf.Name != "North Korea" {
			t.Errorf("Kim's country = %v, leads %v", got.Kim.Country, got.Kim.LeaderOf)
		}
		if !slices.Contains(names(got.Prk.Leaders), "Kim Jong Un") || !slices.Contains(names(got.Prk.People), "Kim Jong Un") {
			t.Errorf("North Korea's leaders %v and people %v lack Kim", got.Prk.Leaders, got.Prk.People)
		}
		meeting := false
		for _, ev := range got.Kim.Events {
			if ev.Type == "MEETING" && slices.Contains(names(ev.Participants), "Kim Jong Un") {
				meeting = true
			}
		}
		if !meeting {
			t.Errorf("Kim's events %+v lack the meeting he takes part in", got.Kim.Events)
		}
		speakers := map[string]bool{}
		for _, s := range got.Kim.StatementsAbout {
			speakers[s.Speaker.Name] = true
		}
		if !speakers["Rebekah Koffler"] {
			t.Errorf("statements about Kim lack Koffler's: %v", speakers)
		}
		if got.Kirby.Organization.Name != "National Security Council" {
			t.Errorf("Kirby's organization = %v", got.Kirby.Organization)
		}
		asserts := false
		for _, ev := range got.Kirby.Asserted {
			if ev.Type == "ARMS_TRANSFER" && slices.Contains(names(ev.AssertedBy), "John Kirby") {
				asserts = true
			}
		}
		if !asserts {
			t.Errorf("Kirby's asserted events %+v lack the arms transfer", got.Kirby.Asserted)
		}
		claims := false
		for _, s := range got.Kirby.Statements {
			if s.Speaker.Name != "John Kirby" {
				t.Errorf("Kirby's statement has speaker %v", s.Speaker)
			}
			claims = claims || len(s.Claims) > 0
		}
		if !claims {
			t.Error("none of Kirby's statements claims an event")
		}
		a := got.Article
		if !strings.HasPrefix(a.Text, "MOSCOW, September 11, 2023") || !slices.Contains(names(a.Entities), "Kim Jong Un") ||
			len(a.Events) == 0 || len(a.Statements) == 0 {
			t.Errorf("sample article: %d chars, entities %v, %d events, %d statements", len(a.Text), names(a.Entities), len(a.Events), len(a.Statements))
		}
	})

	t.Run("evidence spans index the article text", func(t *testing.T) {
		var got struct {
			Node struct {
				Text   string
				Events []struct{ Evidence []evidence }
			}
		}
		graphtest.Query(t, url, `query($id: ID!) { node(id: $id) { ... on Article { text events { evidence { text start end article { id } } } } } }`,
			map[string]any{"id": sample}, &got)
		text := []rune(got.Node.Text)
		n := 0
		for _, ev := range got.Node.Events {
			for _, sp := range ev.Evidence {
				if sp.Article.ID != sample {
					continue
				}
				n++
				if sp.End > len(text) || string(text[sp.Start:sp.End]) != sp.Text {
					t.Errorf("span [%d,%d) is not %q", sp.Start, sp.End, sp.Text)
				}
			}
		}
		if n == 0 {
			t.Error("no evidence spans in the sample article")
		}
	})

	t.Run("neighborhood is a flat graph around a node", func(t *testing.T) {
		var got struct {
			Neighborhood struct {
				Truncated bool
				Nodes     []struct {
					ID, Kind, Label string
					Depth           int
					Node            struct{ ID string }
				}
				Edges []struct{ ID, From, To, Type string }
			}
		}
		graphtest.Query(t, url, `{ neighborhood(id: "Kim Jong Un", depth: 2, types: [PERSON, COUNTRY, EVENT]) {
			truncated nodes { id kind label depth node { id } } edges { id from to type } } }`, nil, &got)
		nb := got.Neighborhood
		ids := map[string]string{}
		for _, n := range nb.Nodes {
			ids[n.ID] = n.Kind
			if n.Node.ID != n.ID || n.Label == "" || n.Depth > 2 || !slices.Contains([]string{"PERSON", "COUNTRY", "EVENT"}, n.Kind) {
				t.Errorf("node %+v", n)
			}
		}
		if len(nb.Nodes) == 0 || nb.Nodes[0].ID != "person:kim-jong-un" || nb.Nodes[0].Depth != 0 {
			t.Fatalf("the center is not first: %+v", nb.Nodes)
		}
		for _, want := range []string{"country:PRK", "person:vladimir-putin", "country:RUS"} {
			if ids[want] == "" {
				t.Errorf("neighborhood lacks %s", want)
			}
		}
		for _, e := range nb.Edges {
			if ids[e.From] == "" || ids[e.To] == "" || e.ID != e.From+"|"+e.Type+"|"+e.To {
				t.Errorf("edge %+v leaves the node set", e)
			}
		}
		var small struct {
			Neighborhood struct {
				Truncated bool
				Nodes     []struct{ ID string }
			}
		}
		graphtest.Query(t, url, `{ neighborhood(id: "country:RUS", depth: 2, limit: 5) { truncated nodes { id } } }`, nil, &small)
		if !small.Neighborhood.Truncated || len(small.Neighborhood.Nodes) != 5 {
			t.Errorf("limit 5: %d nodes, truncated %v", len(small.Neighborhood.Nodes), small.Neighborhood.Truncated)
		}
	})

	t.Run("timeline is in date order", func(t *testing.T) {
		var got struct {
			Timeline []struct {
				Date, Basis string
				Event       *struct{ Type, Status string }
				Statement   *struct{ Text string }
			}
		}
		graphtest.Query(t, url, `{ timeline(entity: "Kim Jong Un", from: "2023-09-01", to: "2023-12-31") {
			date basis event { type status } statement { text } } }`, nil, &got)
		planned := false
		for i, e := range got.Timeline {
			if i > 0 && e.Date < got.Timeline[i-1].Date {
				t.Errorf("entry %d (%s) is before entry %d (%s)", i, e.Date, i-1, got.Timeline[i-1].Date)
			}
			if e.Date < "2023-09-01" || e.Date > "2023-12-31" || (e.Event == nil) == (e.Statement == nil) {
				t.Errorf("entry %+v", e)
			}
			// The sample article's planned meeting is undated; another test
			// article dates the summit (2023-09-13): one event, dated by it
			// (and occurred, as that article tells it).
			if e.Event != nil && e.Event.Type == "MEETING" && e.Date == "2023-09-13" && e.Basis == "EVENT_DATE" {
				planned = true
			}
		}
		if !planned {
			t.Errorf("timeline %+v lacks the meeting, dated by the article that reports the summit", got.Timeline)
		}
	})

	t.Run("dashboard aggregates count the sample article", func(t *testing.T) {
		var got struct {
			EventCounts struct {
				Total  int
				ByType []struct {
					Type  string
					Count int
				}
				ByStatus []struct {
					Status string
					Count  int
				}
			}
			Events           struct{ TotalCount int }
			CountryRelations []struct {
				From, To named
				Directed bool
				Count    int
				ByType   []struct {
					Type  string
					Count int
				}
			}
		}
		graphtest.Query(t, url, `query($a: ID) {
			eventCounts(filter: {article: $a}) { total byType { type count } byStatus { status count } }
			events(filter: {article: $a}) { totalCount }
			countryRelations(filter: {article: $a}) { from { id name } to { id name } directed count byType { type count } } }`,
			map[string]any{"a": sample}, &got)
		sum := func(counts []struct {
			Type  string
			Count int
		}) int {
			n := 0
			for _, c := range counts {
				n += c.Count
			}
			return n
		}
		if got.EventCounts.Total != got.Events.TotalCount || sum(got.EventCounts.ByType) != got.EventCounts.Total {
			t.Errorf("eventCounts %+v disagree with %d events", got.EventCounts, got.Events.TotalCount)
		}
		transfer := false
		for _, r := range got.CountryRelations {
			if r.Directed && r.From.ID == "country:PRK" && r.To.ID == "country:RUS" {
				for _, bt := range r.ByType {
					transfer = transfer || bt.Type == "ARMS_TRANSFER"
				}
			}
		}
		if !transfer {
			t.Errorf("countryRelations %+v lack North Korea → Russia arms transfers", got.CountryRelations)
		}
	})

	t.Run("pages follow each other", func(t *testing.T) {
		page := func(after *string) (ids []string, info struct {
			HasNextPage, HasPreviousPage bool
			EndCursor                    *string
		}, total int) {
			var got struct {
				Events struct {
					TotalCount int
					PageInfo   struct {
						HasNextPage, HasPreviousPage bool
						EndCursor                    *string
					}
					Edges []struct {
						Cursor string
						Node   struct{ ID string }
					}
				}
			}
			graphtest.Query(t, url, `query($a: ID, $after: String) { events(filter: {article: $a}, first: 2, after: $after) {
				totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor node { id } } } }`,
				map[string]any{"a": sample, "after": after}, &got)
			for _, e := range got.Events.Edges {
				ids = append(ids, e.Node.ID)
			}
			return ids, got.Events.PageInfo, got.Events.TotalCount
		}
		var all []string
		var after *string
		for i := 0; ; i++ {
			ids, info, total := page(after)
			if info.HasPreviousPage != (i > 0) || len(ids) > 2 {
				t.Fatalf("page %d: %v %+v", i, ids, info)
			}
			all = append(all, ids...)
			if !info.HasNextPage {
				if len(all) != total {
					t.Errorf("pages hold %d events, totalCount is %d", len(all), total)
				}
				break
			}
			after = info.EndCursor
		}
		seen := map[string]bool{}
		for _, id := range all {
			if seen[id] {
				t.Errorf("%s is on two pages", id)
			}
			seen[id] = true
		}
		// A page that selects only its nodes (no count, no hasNextPage,
		// which read more) holds the same first nodes.
		var nodes struct {
			Events struct{ Nodes []struct{ ID string } }
		}
		graphtest.Query(t, url, `query($a: ID) { events(filter: {article: $a}, first: 2) { nodes { id } } }`,
			map[string]any{"a": sample}, &nodes)
		var ids []string
		for _, n := range nodes.Events.Nodes {
			ids = append(ids, n.ID)
		}
		if want := all[:min(2, len(all))]; !slices.Equal(ids, want) {
			t.Errorf("nodes only: %v, want %v", ids, want)
		}
	})
}

type searchResult struct {
	TotalCount int
	Edges      []struct {
		Score float64
		Node  struct {
			Typename string `json:"__typename"`
			ID       string
			Name     string
			Text     string
			Speaker  named
		}
	}
}
