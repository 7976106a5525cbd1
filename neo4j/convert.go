package neo4j

import (
	"cmp"
	"slices"

	"github.com/geokg/geokg/model"
)

// The read queries return map projections; these functions turn them into
// model values without letting driver types leave the package.

func str(m map[string]any, k string) string {
	s, _ := m[k].(string)
	return s
}

// text reads an optional string property: missing is "".
func text(m map[string]any, k string) model.Text { return model.Text(str(m, k)) }

func strs(m map[string]any, k string) []string {
	l, _ := m[k].([]any)
	out := make([]string, 0, len(l))
	for _, v := range l {
		if s, ok := v.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

func num(m map[string]any, k string) int {
	n, _ := m[k].(int64)
	return int(n)
}

func toEntity(v any) *model.StoredEntity {
	m, _ := v.(map[string]any)
	leader, _ := m["leader"].(bool)
	return &model.StoredEntity{
		Entity: model.Entity{
			ID: str(m, "id"), Type: model.EntityType(str(m, "type")), Name: str(m, "name"), Aliases: strs(m, "aliases"),
			ISO3: str(m, "iso3"), Country: str(m, "country"), Role: text(m, "role"), Leader: leader,
			Affil: str(m, "affiliation"), Kind: text(m, "kind"), Wikidata: text(m, "wikidata"),
		},
		Roles: strs(m, "roles"), FirstSeen: text(m, "firstSeen"),
		EventCount: num(m, "eventCount"), StatementCount: num(m, "statementCount"),
		ArticleCount: num(m, "articleCount"), SourceCount: num(m, "sourceCount"),
	}
}

func toSpan(v any) model.Span {
	m, _ := v.(map[string]any)
	return model.Span{Start: num(m, "start"), End: num(m, "end"), Text: str(m, "text"),
		Sentence: text(m, "sentence"), Article: str(m, "article")}
}

func toSpans(v any) []model.Span {
	l, _ := v.([]any)
	out := make([]model.Span, 0, len(l))
	for _, sp := range l {
		out = append(out, toSpan(sp))
	}
	return out
}

func toEvent(v any) *model.StoredEvent {
	m, _ := v.(map[string]any)
	reports := toReports(m["reports"], str(m, "id"))
	ev := reports
	if spans, ok := m["spans"]; ok {
		ev = toReports(spans, "")
	}
	return &model.StoredEvent{
		Event: model.Event{
			ID: str(m, "id"), Type: model.EventType(str(m, "type")), Status: model.Status(str(m, "status")), Date: text(m, "date"),
			Cameo: text(m, "cameo"), Items: strs(m, "items"), Stage: text(m, "stage"),
			Quantity: text(m, "quantity"), Value: text(m, "value"),
			Participants: strs(m, "participants"), Supplier: str(m, "supplier"), Recipient: str(m, "recipient"),
			Place: str(m, "place"), AssertedBy: strs(m, "assertedBy"), ClaimedIn: strs(m, "claimedIn"),
			Evidence: evidence(ev),
		},
		Reports:   reports,
		FirstSeen: text(m, "firstSeen"), Published: text(m, "published"),
		ArticleCount: num(m, "articleCount"), SourceCount: num(m, "sourceCount"),
	}
}

// evidence is an event's evidence: every report's spans, oldest article
// first (the reports' order), in text order within an article, each once.
func evidence(reports []model.Report) []model.Span {
	n := 0
	for _, r := range reports {
		n += len(r.Evidence)
	}
	out := make([]model.Span, 0, n)
	var spans []model.Span // one article's, sorted apart from its reports
	for i := 0; i < len(reports); {
		// The reports of one article are next to each other.
		spans = spans[:0]
		j := i
		for ; j < len(reports) && reports[j].Article == reports[i].Article; j++ {
			spans = append(spans, reports[j].Evidence...)
		}
		slices.SortStableFunc(spans, func(a, b model.Span) int { return cmp.Or(a.Start-b.Start, a.End-b.End) })
		for k, sp := range spans {
			if k == 0 || sp != spans[k-1] {
				out = append(out, sp)
			}
		}
		i = j
	}
	return out
}

// sortedCopy is ids sorted, in a list of its own (ids stays as the
// projection listed them).
func sortedCopy(ids []string) []string {
	out := slices.Clone(ids)
	slices.Sort(out)
	return out
}

func toReports(v any, event string) []model.Report {
	l, _ := v.([]any)
	out := make([]model.Report, 0, len(l))
	for _, x := range l {
		m, _ := x.(map[string]any)
		out = append(out, model.Report{
			ID: str(m, "id"), Event: event, Article: str(m, "article"), Status: model.Status(str(m, "status")), Date: text(m, "date"),
			AssertedBy: strs(m, "assertedBy"), ClaimedIn: strs(m, "claimedIn"), Denies: str(m, "denies"),
			Evidence: toSpans(m["evidence"]),
		})
	}
	return out
}

func toStatement(v any) *model.Statement {
	m, _ := v.(map[string]any)
	direct, _ := m["direct"].(bool)
	return &model.Statement{
		ID: str(m, "id"), Speaker: str(m, "speaker"), Text: str(m, "text"), Direct: direct,
		Verb: text(m, "verb"), About: strs(m, "about"),
		Evidence: model.Span{Start: num(m, "start"), End: num(m, "end"), Text: str(m, "evidence"),
			Sentence: text(m, "sentence"), Article: str(m, "article")},
	}
}

func toArticle(v any) *model.StoredArticle {
	m, _ := v.(map[string]any)
	return &model.StoredArticle{
		Article: model.Article{
			ID: str(m, "id"), Title: text(m, "title"), URL: text(m, "url"), Source: text(m, "source"),
			Dateline: text(m, "dateline"), File: str(m, "file"), Extractor: text(m, "extractor"),
			Published: text(m, "published"),
		},
		IngestedAt: text(m, "ingestedAt"),
	}
}

// included gathers the nodes that followed links brought along.
type included struct{ model.Included }

func newIncluded() *included {
	return &included{model.Included{
		Entities: map[string]*model.StoredEntity{}, Events: map[string]*model.StoredEvent{},
		Statements: map[string]*model.Statement{}, Articles: map[string]*model.StoredArticle{},
		Links: map[model.Link]map[string][]string{},
	}}
}

// entity, event, statement and article convert a node's projection and
// gather what its followed links (follow) brought along.
func (inc *included) entity(v any, follow []model.Follow) *model.StoredEntity {
	e := toEntity(v)
	inc.follow(v, e.ID, follow)
	return e
}

// event and statement take the lists of ids whose links they followed
// from the nodes brought along (shaped leaves them out of the projection).
func (inc *included) event(v any, follow []model.Follow) *model.StoredEvent {
	e := toEvent(v)
	ids := inc.follow(v, e.ID, follow)
	set := func(l model.Link, list *[]string, one *string) {
		got, ok := followed(follow, ids, l)
		if !ok {
			return
		}
		got = sortedCopy(got)
		if list != nil {
			*list = got
		} else if len(got) > 0 {
			*one = got[0]
		}
	}
	set(model.LinkParticipants, &e.Participants, nil)
	set(model.LinkAssertedBy, &e.AssertedBy, nil)
	set(model.LinkClaimedIn, &e.ClaimedIn, nil)
	set(model.LinkSupplier, nil, &e.Supplier)
	set(model.LinkRecipient, nil, &e.Recipient)
	set(model.LinkPlace, nil, &e.Place)
	return e
}

func (inc *included) statement(v any, follow []model.Follow) *model.Statement {
	s := toStatement(v)
	ids := inc.follow(v, s.ID, follow)
	if got, ok := followed(follow, ids, model.LinkSpeaker); ok && len(got) > 0 {
		s.Speaker = got[0]
	}
	if got, ok := followed(follow, ids, model.LinkAboutEntities); ok {
		s.About = sortedCopy(got)
	}
	if got, ok := followed(follow, ids, model.LinkStatementArticle); ok && len(got) > 0 {
		s.Evidence.Article = got[0]
	}
	return s
}

func (inc *included) article(v any, follow []model.Follow) *model.StoredArticle {
	a := toArticle(v)
	inc.follow(v, a.ID, follow)
	return a
}

// follow reads the followed links of node src from its projection v and
// returns the ids each leads to, in the order of follow (followed).
func (inc *included) follow(v any, src string, follow []model.Follow) [][]string {
	if len(follow) == 0 {
		return nil
	}
	m, _ := v.(map[string]any)
	out := make([][]string, len(follow))
	for i, f := range follow {
		l, _ := m[">"+string(f.Link)].([]any)
		if f.Link == model.LinkReportArticles {
			l = reportArticles(m)
		}
		ids := make([]string, 0, len(l))
		for _, x := range l {
			var id string
			switch to := links[f.Link].to; {
			case len(f.Then) == 0 && inc.seen(to, x, &id):
				// An entity or article met before (a participant of many
				// events, the article of many spans): one projection of
				// it, converted once.
			case to == entityKind:
				n := inc.entity(x, f.Then)
				inc.Entities[n.ID], id = n, n.ID
			case to == eventKind:
				n := inc.event(x, f.Then)
				inc.Events[n.ID], id = n, n.ID
			case to == statementKind:
				n := inc.statement(x, f.Then)
				inc.Statements[n.ID], id = n, n.ID
			case to == articleKind:
				n := inc.article(x, f.Then)
				inc.Articles[n.ID], id = n, n.ID
			}
			ids = append(ids, id)
		}
		if inc.Links[f.Link] == nil {
			inc.Links[f.Link] = map[string][]string{}
		}
		inc.Links[f.Link][src] = ids
		out[i] = ids
	}
	return out
}

// followed is the ids that link l led to, of the ids follow returned for
// the links of follow, and whether l was followed.
func followed(follow []model.Follow, ids [][]string, l model.Link) ([]string, bool) {
	for i, f := range follow {
		if f.Link == l {
			return ids[i], true
		}
	}
	return nil, false
}

// seen tells whether the entity or article projected in v was converted
// already, and sets id to its id. Nodes of one kind have the same
// projection wherever a statement brings them (projection), so the first
// conversion stands for all; events and statements, whose followed links
// differ from place to place, are converted each time.
func (inc *included) seen(k kind, v any, id *string) bool {
	m, _ := v.(map[string]any)
	s := str(m, "id")
	ok := false
	switch k {
	case entityKind:
		_, ok = inc.Entities[s]
	case articleKind:
		_, ok = inc.Articles[s]
	}
	if ok {
		*id = s
	}
	return ok
}

// reportArticles are the articles that came along with an event's reports
// or evidence spans (shaped), each once, oldest first.
func reportArticles(event map[string]any) []any {
	var out []any
	var seen []string // an event is in a few articles
	for _, key := range []string{"reports", "spans"} {
		l, _ := event[key].([]any)
		for _, x := range l {
			r, _ := x.(map[string]any)
			if id := str(r, "article"); r["node"] != nil && !slices.Contains(seen, id) {
				seen = append(seen, id)
				out = append(out, r["node"])
			}
		}
	}
	return out
}

func toHop(v any) model.Hop {
	m, _ := v.(map[string]any)
	return model.Hop{From: str(m, "from"), To: str(m, "to"), Type: str(m, "type"), Evidence: toSpans(m["evidence"])}
}

func toHops(v any) []model.Hop {
	l, _ := v.([]any)
	out := make([]model.Hop, 0, len(l))
	for _, h := range l {
		out = append(out, toHop(h))
	}
	return out
}

func toStrings(v any) []string {
	return strs(map[string]any{"v": v}, "v")
}

// words turns a vocabulary's typed values into the strings Neo4j stores.
func words[T ~string](xs []T) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = string(x)
	}
	return out
}
