package graph_test

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/graph/graphtest"
	"github.com/geokg/geokg/model"
	"github.com/geokg/geokg/neo4j/neo4jtest"
)

// The filters and orders are checked on three small hand-made articles
// about two fictional countries (QQA, QQB: user-assigned ISO codes), so
// that counts of articles, sources and dates are exactly known:
//
//	meeting  Ann–Bob, occurred, 2024-03 (month)  in articles a, b, c (outlets x, y, x)
//	transfer QQA→QQB, alleged by Bob, 2024-02-15  in article b
//	         and denied by Ann in article b: one event with two reports
//	visit    Ann to QQB, planned, undated         in article c
const (
	qa, qb      = "country:QQA", "country:QQB"
	ann, bob    = "person:test-api-ann", "person:test-api-bob"
	meeting     = "event:test-api-meeting"
	transfer    = "event:test-api-transfer"
	visit       = "event:test-api-visit"
	bobsQuote   = "statement:test-api-bob"
	annsWords   = "statement:test-api-ann"
	articleA    = "article:test-api-a"
	articleB    = "article:test-api-b"
	articleC    = "article:test-api-c"
	testVersion = "test-api-1"
)

func fixtureDocs() []*model.Document {
	span := func(text string) []model.Span {
		return []model.Span{{Start: 0, End: len(text), Text: text, Sentence: model.Text(text + ".")}}
	}
	ents := []model.Entity{
		{ID: qa, Type: model.Country, Name: "Qualandia", ISO3: "QQA", Aliases: []string{"Qualandian"}, Mentions: span("Qualandia")},
		{ID: qb, Type: model.Country, Name: "Quebria", ISO3: "QQB", Aliases: []string{}, Mentions: span("Quebria")},
		{ID: ann, Type: model.Person, Name: "Ann Testa", Country: "QQA", Leader: true, Role: "President of Qualandia", Mentions: span("Ann Testa")},
		{ID: bob, Type: model.Person, Name: "Bob Testo", Country: "QQB", Role: "Minister of Quebria", Mentions: span("Bob Testo")},
	}
	meet := model.Event{ID: meeting, Type: model.Meeting, Status: model.Occurred, Date: "2024-03",
		Participants: []string{ann, bob}, Evidence: span("Ann Testa met Bob Testo")}
	doc := func(id string, source, published model.Text, events []model.Event, statements []model.Statement) *model.Document {
		return &model.Document{
			Article:  model.Article{ID: id, Title: model.Text("Test " + id), Source: source, Published: published, Extractor: testVersion, Text: "Ann Testa met Bob Testo."},
			Entities: ents, Events: events, Statements: statements,
		}
	}
	return []*model.Document{
		doc(articleA, "x.example", "2024-03-01", []model.Event{meet}, []model.Statement{
			{ID: annsWords, Speaker: ann, Text: "relations with Quebria are excellent", Direct: false, About: []string{qb},
				Evidence: model.Span{Start: 0, End: 9, Text: "Ann Testa", Sentence: "Ann Testa said relations with Quebria are excellent."}},
		}),
		doc(articleB, "y.example", "2024-03-20", []model.Event{meet,
			{ID: transfer, Type: model.ArmsTransfer, Status: model.Alleged, Date: "2024-02-15", Participants: []string{qa, qb},
				Supplier: qa, Recipient: qb, Items: []string{"drones"}, AssertedBy: []string{bob}, ClaimedIn: []string{bobsQuote},
				Evidence: span("Qualandia sent drones to Quebria")},
			{ID: "event:test-api-denial", Type: model.ArmsTransfer, Status: model.Denied, Participants: []string{qa, qb}, Supplier: qa, Recipient: qb,
				AssertedBy: []string{ann}, Denies: transfer, Evidence: span("Ann Testa denied it")},
		}, []model.Statement{
			{ID: bobsQuote, Speaker: bob, Text: "Qualandia sent us the Drones of Test", Direct: true, About: []string{qa, ann},
				Evidence: model.Span{Start: 0, End: 9, Text: "Bob Testo", Sentence: "“Qualandia sent us the Drones of Test,” Bob Testo said."}},
		}),
		doc(articleC, "x.example", "2024-04-02", []model.Event{meet,
			{ID: visit, Type: model.Visit, Status: model.Planned, Participants: []string{ann, qb}, Evidence: span("Ann Testa will visit Quebria")},
		}, nil),
	}
}

// TestFilters checks every filter and order of the event, statement and
// entity lists, and the aggregates, on the hand-made articles.
func TestFilters(t *testing.T) {
	store := neo4jtest.Open(t)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	for _, doc := range fixtureDocs() {
		if _, err := store.SaveDocument(ctx, doc); err != nil {
			t.Fatal(err)
		}
	}
	url := graphtest.Server(t, store, nil, graph.Options{}).URL + "/graphql"

	events := func(t *testing.T, filter, order string) []string {
		t.Helper()
		var got struct {
			Events struct {
				TotalCount int
				Nodes      []struct{ ID string }
			}
		}
		// Scoped to the fictional countries: other data shares the database.
		q := `{ events(filter: {country: "QQA", ` + filter + `}` + order + `) { totalCount nodes { id } } }`
		graphtest.Query(t, url, q, nil, &got)
		var ids []string
		for _, n := range got.Events.Nodes {
			ids = append(ids, n.ID)
		}
		if got.Events.TotalCount != len(ids) {
			t.Errorf("%s: totalCount %d for %d events", q, got.Events.TotalCount, len(ids))
		}
		return ids
	}
	for _, tc := range []struct {
		name, filter, order string
		want                []string // in order when order is set
	}{
		{"all", "", "", []string{meeting, transfer, visit}},
		{"type", "types: [VISIT]", "", []string{visit}},
		{"status: the event's, not a denying report's", "statuses: [ALLEGED, DENIED]", "", []string{transfer}},
		{"status denied", "statuses: [DENIED]", "", nil},
		{"participant by name", `participant: "Ann Testa"`, "", []string{meeting, visit}},
		{"supplier and recipient", `supplier: "Qualandia", recipient: "QQB"`, "", []string{transfer}},
		{"asserter", `asserter: "bob testo"`, "", []string{transfer}},
		{"asserter of a denial", `asserter: "Ann Testa"`, "", []string{transfer}},
		{"article", `article: "article:test-api-c"`, "", []string{meeting, visit}},
		{"event date: a month overlaps a day in it", `date: {from: "2024-03-10", to: "2024-03-12"}`, "", []string{meeting}},
		{"event date: before", `date: {to: "2024-02-28"}`, "", []string{transfer}},
		{"published: the first article", `published: {to: "2024-03-05"}`, "", []string{meeting}},
		{"published: the last article", `published: {from: "2024-04-01"}`, "", []string{meeting, visit}},
		{"ingested: since ever", `ingested: {from: "2000-01-01"}`, "", []string{meeting, transfer, visit}},
		{"ingested: before geokg", `ingested: {to: "2000-01-01T00:00:00Z"}`, "", nil},
		{"at least 3 articles", "minArticles: 3", "", []string{meeting}},
		{"at least 2 outlets", "minSources: 2", "", []string{meeting}},
		{"at least 3 outlets", "minSources: 3", "", nil},
		{"newest date first, undated last", "", ", orderBy: {by: DATE}", []string{meeting, transfer, visit}},
		{"oldest date first, undated last", "", ", orderBy: {by: DATE, direction: ASC}", []string{transfer, meeting, visit}},
		{"most articles first", "", ", orderBy: {by: ARTICLES}", []string{meeting, transfer, visit}},
		{"latest published first", "", ", orderBy: {by: PUBLISHED}", []string{visit, transfer, meeting}},
	} {
		t.Run("events/"+tc.name, func(t *testing.T) {
			got := events(t, tc.filter, tc.order)
			if tc.order == "" {
				slices.Sort(got)
				tc.want = slices.Sorted(slices.Values(tc.want))
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}

	for _, tc := range []struct {
		name, filter string
		want         []string
	}{
		{"speaker", `speaker: "Bob Testo"`, []string{bobsQuote}},
		{"about", `about: "person:test-api-ann"`, []string{bobsQuote}},
		{"reported speech", `speaker: "Ann Testa", direct: false`, []string{annsWords}},
		{"direct", `about: "Qualandia", direct: true`, []string{bobsQuote}},
		{"text, case-insensitively", `text: "DRONES of test"`, []string{bobsQuote}},
		{"published", `speaker: "Ann Testa", published: {from: "2024-03-01", to: "2024-03-01"}`, []string{annsWords}},
		{"published, none", `speaker: "Ann Testa", published: {from: "2024-03-02"}`, nil},
	} {
		t.Run("statements/"+tc.name, func(t *testing.T) {
			var got struct {
				Statements struct{ Nodes []struct{ ID string } }
			}
			graphtest.Query(t, url, `{ statements(filter: {`+tc.filter+`}) { nodes { id } } }`, nil, &got)
			var ids []string
			for _, n := range got.Statements.Nodes {
				ids = append(ids, n.ID)
			}
			if !slices.Equal(ids, tc.want) {
				t.Errorf("got %v, want %v", ids, tc.want)
			}
		})
	}

	t.Run("entities/by country, ordered by events", func(t *testing.T) {
		var got struct {
			Entities struct {
				Nodes []struct {
					ID                                                    string
					EventCount, StatementCount, ArticleCount, SourceCount int
				}
			}
		}
		graphtest.Query(t, url, `{ entities(filter: {country: "Quebria", types: [PERSON]}, orderBy: {by: EVENTS, direction: DESC}) {
			nodes { id eventCount statementCount articleCount sourceCount } } }`, nil, &got)
		if n := got.Entities.Nodes; len(n) != 1 || n[0].ID != bob || n[0].EventCount != 1 || n[0].StatementCount != 1 ||
			n[0].ArticleCount != 3 || n[0].SourceCount != 2 {
			t.Errorf("people of Quebria = %+v, want Bob with 1 event, 1 statement, 3 articles, 2 outlets", n)
		}
		var byName struct {
			Entities struct{ Nodes []struct{ ID string } }
		}
		graphtest.Query(t, url, `{ entities(filter: {name: "testa"}) { nodes { id } } }`, nil, &byName)
		if n := byName.Entities.Nodes; len(n) != 1 || n[0].ID != ann {
			t.Errorf("entities named *testa* = %+v", n)
		}
	})

	// Optional strings are model.Text bound straight into the schema: an
	// unknown one is null, never "".
	t.Run("optional text: unknown is null", func(t *testing.T) {
		var got map[string]any
		graphtest.Query(t, url, `{
			visit: node(id: "`+visit+`") { ... on Event { date stage quantity value cameo published reports { date } evidence { sentence } } }
			transfer: node(id: "`+transfer+`") { ... on Event { date stage } }
			bob: node(id: "`+bob+`") { ... on Person { role wikidata } }
			qa: node(id: "`+qa+`") { ... on Country { wikidata } }
			said: node(id: "`+annsWords+`") { ... on Statement { verb } }
			article: node(id: "`+articleC+`") { ... on Article { title url source dateline published extractor } }
			stamps: node(id: "`+visit+`") { ... on Event { firstSeen articles { ingestedAt } } } }`, nil, &got)
		want := map[string]any{
			"visit": map[string]any{"date": nil, "stage": nil, "quantity": nil, "value": nil, "cameo": nil,
				"published": "2024-04-02", "reports": []any{map[string]any{"date": nil}},
				"evidence": []any{map[string]any{"sentence": "Ann Testa will visit Quebria."}}},
			"transfer": map[string]any{"date": "2024-02-15", "stage": nil},
			"bob":      map[string]any{"role": "Minister of Quebria", "wikidata": nil},
			"qa":       map[string]any{"wikidata": nil},
			"said":     map[string]any{"verb": nil},
			"article": map[string]any{"title": "Test " + articleC, "url": nil, "source": "x.example", "dateline": nil,
				"published": "2024-04-02", "extractor": testVersion},
		}
		stamps, _ := got["stamps"].(map[string]any)
		delete(got, "stamps")
		if !reflect.DeepEqual(got, want) {
			t.Errorf("got  %v\nwant %v", got, want)
		}
		if stamps["firstSeen"] == nil || !strings.Contains(fmt.Sprint(stamps["articles"]), "ingestedAt:2") {
			t.Errorf("stored times are missing: %v", stamps)
		}
	})

	t.Run("events/support and denials", func(t *testing.T) {
		var got struct {
			Meeting struct {
				ArticleCount, SourceCount  int
				Date, Published, FirstSeen *string
			}
			Transfer struct {
				Status     string
				AssertedBy []struct{ ID string }
				Reports    []report
				DeniedBy   []report
				Denies     *struct{ ID string }
			}
		}
		graphtest.Query(t, url, `fragment r on Report { id status date assertedBy { id } claimedIn { id } article { id }
			  evidence { text } denies { id status } }
			{
			meeting: node(id: "event:test-api-meeting") { ... on Event { articleCount sourceCount date published firstSeen } }
			transfer: node(id: "event:test-api-transfer") { ... on Event { status assertedBy { id } reports { ...r } deniedBy { ...r } denies { id } } } }`, nil, &got)
		m := got.Meeting
		if m.ArticleCount != 3 || m.SourceCount != 2 || *m.Date != "2024-03" || *m.Published != "2024-03-01" || m.FirstSeen == nil {
			t.Errorf("meeting = %+v", m)
		}
		tr := got.Transfer
		if tr.Status != "ALLEGED" || len(tr.AssertedBy) != 2 || len(tr.Reports) != 2 || len(tr.DeniedBy) != 1 || tr.Denies != nil {
			t.Fatalf("transfer %+v: want alleged, asserted by Ann and Bob, two reports, one denying", tr)
		}
		byStatus := map[string]report{}
		for _, r := range tr.Reports {
			byStatus[r.Status] = r
		}
		claim, den := byStatus["ALLEGED"], byStatus["DENIED"]
		if len(claim.AssertedBy) != 1 || claim.AssertedBy[0].ID != bob || len(claim.ClaimedIn) != 1 || claim.ClaimedIn[0].ID != bobsQuote ||
			claim.Article.ID != articleB || claim.Date == nil || *claim.Date != "2024-02-15" || claim.Denies != nil {
			t.Errorf("the allegation = %+v", claim)
		}
		if len(den.AssertedBy) != 1 || den.AssertedBy[0].ID != ann || den.Denies == nil || den.Denies.ID != claim.ID ||
			len(den.Evidence) != 1 || den.Evidence[0].Text != "Ann Testa denied it" || tr.DeniedBy[0].ID != den.ID {
			t.Errorf("the denial = %+v, want Ann's, denying %s", den, claim.ID)
		}
	})

	t.Run("aggregates", func(t *testing.T) {
		var got struct {
			EventCounts struct {
				Total    int
				ByStatus []struct {
					Status string
					Count  int
				}
				ByTypeAndStatus []struct {
					Type, Status string
					Count        int
				}
				ByMonth []struct {
					Month string
					Count int
				}
			}
			CountryRelations []struct {
				From, To struct{ ID string }
				Directed bool
				Count    int
				ByType   []struct {
					Type  string
					Count int
				}
			}
		}
		graphtest.Query(t, url, `{
			eventCounts(filter: {country: "QQA"}) { total byStatus { status count } byTypeAndStatus { type status count } byMonth { month count } }
			countryRelations(filter: {country: "QQA"}) { from { id } to { id } directed count byType { type count } } }`, nil, &got)
		c := got.EventCounts
		if first := c.ByTypeAndStatus[0]; c.Total != 3 || len(c.ByStatus) != 3 || len(c.ByTypeAndStatus) != 3 ||
			first.Type != "ARMS_TRANSFER" || first.Status != "ALLEGED" || first.Count != 1 {
			t.Errorf("eventCounts = %+v", c)
		}
		if len(c.ByMonth) != 2 || c.ByMonth[0].Month != "2024-02" || c.ByMonth[1].Month != "2024-03" {
			t.Errorf("byMonth = %+v, want 2024-02 and 2024-03", c.ByMonth)
		}
		// The transfer goes from QQA to QQB; the meeting (through Ann's and
		// Bob's countries) and the visit are shared.
		want := map[bool]int{true: 1, false: 2}
		for _, r := range got.CountryRelations {
			if r.From.ID != qa || r.To.ID != qb || r.Count != want[r.Directed] {
				t.Errorf("country relation %+v", r)
			}
			delete(want, r.Directed)
		}
		if len(want) > 0 {
			t.Errorf("missing country relations (directed: %v) in %+v", want, got.CountryRelations)
		}
	})
}

// report is a Report as the tests read it.
type report struct {
	ID, Status string
	Date       *string
	AssertedBy []struct{ ID string }
	ClaimedIn  []struct{ ID string }
	Article    struct{ ID string }
	Evidence   []struct{ Text string }
	Denies     *struct{ ID, Status string }
}
