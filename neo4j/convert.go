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
			ISO3: str(m, "iso3"), Country: str(m, "country"), Role: str(m, "role"), Leader: leader,
			Affil: str(m, "affiliation"), Kind: str(m, "kind"), Wikidata: str(m, "wikidata"),
		},
		Roles: strs(m, "roles"), FirstSeen: str(m, "firstSeen"),
		EventCount: num(m, "eventCount"), StatementCount: num(m, "statementCount"),
		ArticleCount: num(m, "articleCount"), SourceCount: num(m, "sourceCount"),
	}
}

func toSpan(v any) model.Span {
	m, _ := v.(map[string]any)
	return model.Span{Start: num(m, "start"), End: num(m, "end"), Text: str(m, "text"),
		Sentence: str(m, "sentence"), Article: str(m, "article")}
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
	ev := &model.StoredEvent{
		Event: model.Event{
			ID: str(m, "id"), Type: model.EventType(str(m, "type")), Status: model.Status(str(m, "status")), Date: str(m, "date"),
			Cameo: str(m, "cameo"), Items: strs(m, "items"), Stage: str(m, "stage"),
			Quantity: str(m, "quantity"), Value: str(m, "value"),
			Participants: strs(m, "participants"), Supplier: str(m, "supplier"), Recipient: str(m, "recipient"),
			Place: str(m, "place"), AssertedBy: strs(m, "assertedBy"), ClaimedIn: strs(m, "claimedIn"),
		},
		Reports:   toReports(m["reports"], str(m, "id")),
		FirstSeen: str(m, "firstSeen"), Published: str(m, "published"),
		ArticleCount: num(m, "articleCount"), SourceCount: num(m, "sourceCount"),
	}
	ev.Evidence = evidenceOfReports(ev.Reports)
	return ev
}

// evidenceOfReports is an event's evidence: its reports' spans, in the
// reports' order (oldest article first) and text order within an
// article, each span once.
func evidenceOfReports(reports []model.Report) []model.Span {
	out := []model.Span{}
	type key struct {
		article    string
		start, end int
	}
	seen := map[key]bool{}
	for i, r := range reports {
		first := len(out)
		for _, sp := range r.Evidence {
			if k := (key{sp.Article, sp.Start, sp.End}); !seen[k] {
				seen[k] = true
				out = append(out, sp)
			}
		}
		// A claim and its denial in one article: their spans in text order.
		if i > 0 && reports[i-1].Article == r.Article {
			start := first
			for start > 0 && out[start-1].Article == r.Article {
				start--
			}
			slices.SortStableFunc(out[start:], func(a, b model.Span) int { return cmp.Compare(a.Start, b.Start) })
		}
	}
	return out
}

func toReports(v any, event string) []model.Report {
	l, _ := v.([]any)
	out := make([]model.Report, 0, len(l))
	for _, x := range l {
		m, _ := x.(map[string]any)
		out = append(out, model.Report{
			ID: str(m, "id"), Event: event, Article: str(m, "article"), Status: model.Status(str(m, "status")), Date: str(m, "date"),
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
		Verb: str(m, "verb"), About: strs(m, "about"), Evidence: toSpan(m["evidence"]),
	}
}

func toArticle(v any) *model.StoredArticle {
	m, _ := v.(map[string]any)
	return &model.StoredArticle{
		Article: model.Article{
			ID: str(m, "id"), Title: str(m, "title"), URL: str(m, "url"), Source: str(m, "source"),
			Dateline: str(m, "dateline"), File: str(m, "file"), Extractor: str(m, "extractor"),
			Published: str(m, "published"),
		},
		IngestedAt: str(m, "ingestedAt"),
	}
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
