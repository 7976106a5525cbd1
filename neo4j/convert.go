package neo4j

import (
	"github.com/geokg/geokg/model"
	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// The read queries return map projections; these functions turn them into
// model values without letting driver types leave the package.

func collect[T any](recs []*driver.Record, conv func(any) T) []T {
	out := make([]T, 0, len(recs))
	for _, r := range recs {
		out = append(out, conv(r.Values[0]))
	}
	return out
}

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

func toEntity(v any) *model.Entity {
	m, _ := v.(map[string]any)
	leader, _ := m["leader"].(bool)
	return &model.Entity{
		ID: str(m, "id"), Type: str(m, "type"), Name: str(m, "name"), Aliases: strs(m, "aliases"),
		ISO3: str(m, "iso3"), Country: str(m, "country"), Role: str(m, "role"), Leader: leader,
		Affil: str(m, "affiliation"), Kind: str(m, "kind"), Wikidata: str(m, "wikidata"),
	}
}

func toSpan(v any) model.Span {
	m, _ := v.(map[string]any)
	return model.Span{Start: num(m, "start"), End: num(m, "end"), Text: str(m, "text"),
		Sentence: str(m, "sentence"), Article: str(m, "article")}
}

func toEvent(v any) *model.Event {
	m, _ := v.(map[string]any)
	ev := &model.Event{
		ID: str(m, "id"), Type: str(m, "type"), Status: str(m, "status"), Date: str(m, "date"),
		Cameo: str(m, "cameo"), Items: strs(m, "items"), Stage: str(m, "stage"),
		Quantity: str(m, "quantity"), Value: str(m, "value"),
		Participants: strs(m, "participants"), Supplier: str(m, "supplier"), Recipient: str(m, "recipient"),
		Place: str(m, "place"), AssertedBy: strs(m, "assertedBy"), ClaimedIn: strs(m, "claimedIn"),
		Denies: str(m, "denies"),
	}
	l, _ := m["evidence"].([]any)
	for _, sp := range l {
		ev.Evidence = append(ev.Evidence, toSpan(sp))
	}
	return ev
}

func toStatement(v any) *model.Statement {
	m, _ := v.(map[string]any)
	direct, _ := m["direct"].(bool)
	return &model.Statement{
		ID: str(m, "id"), Speaker: str(m, "speaker"), Text: str(m, "text"), Direct: direct,
		Verb: str(m, "verb"), About: strs(m, "about"), Evidence: toSpan(m["evidence"]),
	}
}

func toArticle(v any) *model.Article {
	m, _ := v.(map[string]any)
	return &model.Article{
		ID: str(m, "id"), Title: str(m, "title"), URL: str(m, "url"), Source: str(m, "source"),
		Dateline: str(m, "dateline"), File: str(m, "file"), Extractor: str(m, "extractor"),
		Published: str(m, "published"),
	}
}
