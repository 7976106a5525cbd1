package graph

import (
	"encoding/base64"
	"strconv"
	"strings"

	"github.com/geokg/geokg/model"
)

// Relay cursor connections. A cursor is the item's position in the list,
// opaque to clients: positions are stable while the graph does not change,
// and simple to resume from with any filter and order.

const cursorPrefix = "geokg:"

func cursor(position int) string {
	return base64.RawURLEncoding.EncodeToString([]byte(cursorPrefix + strconv.Itoa(position)))
}

// maxPosition bounds the position a cursor may hold: no list is that
// long, and a forged cursor must not overflow the page's offset.
const maxPosition = 1 << 30

func decodeCursor(c string) (int, error) {
	raw, err := base64.RawURLEncoding.DecodeString(c)
	if err == nil {
		if s, ok := strings.CutPrefix(string(raw), cursorPrefix); ok {
			if n, err := strconv.Atoi(s); err == nil && n >= 0 && n < maxPosition {
				return n, nil
			}
		}
	}
	return 0, model.Errorf(model.EINVALID, "after: %s is not a cursor of this API (use a page's endCursor)", quote(c))
}

// pageInfo is a page's PageInfo, nil when the query does not select it
// (l).
func pageInfo(w model.Window, n int, more bool, l listed) *PageInfo {
	if !l.info {
		return nil
	}
	pi := &PageInfo{HasPreviousPage: w.Offset > 0, HasNextPage: more}
	if n > 0 {
		start, end := cursor(w.Offset), cursor(w.Offset+n-1)
		pi.StartCursor, pi.EndCursor = &start, &end
	}
	return pi
}

// edges pairs the items of a page with their cursors; none when the query
// does not select them (l).
func edges[T, E any](items []T, w model.Window, l listed, edge func(cursor string, node T) E) []E {
	if !l.edges {
		return nil
	}
	out := make([]E, len(items))
	for i, it := range items {
		out[i] = edge(cursor(w.Offset+i), it)
	}
	return out
}

func eventConnection(p model.Page[*model.StoredEvent], w model.Window, l listed) *EventConnection {
	return &EventConnection{
		Edges:    edges(p.Items, w, l, func(c string, n *model.StoredEvent) *EventEdge { return &EventEdge{Cursor: c, Node: n} }),
		Nodes:    p.Items,
		PageInfo: pageInfo(w, len(p.Items), p.More, l), TotalCount: p.Total,
	}
}

func statementConnection(p model.Page[*model.Statement], w model.Window, l listed) *StatementConnection {
	return &StatementConnection{
		Edges:    edges(p.Items, w, l, func(c string, n *model.Statement) *StatementEdge { return &StatementEdge{Cursor: c, Node: n} }),
		Nodes:    p.Items,
		PageInfo: pageInfo(w, len(p.Items), p.More, l), TotalCount: p.Total,
	}
}

func entityConnection(p model.Page[*model.StoredEntity], w model.Window, l listed) *EntityConnection {
	nodes := make([]Entity, len(p.Items))
	for i, e := range p.Items {
		nodes[i] = wrap(e)
	}
	return &EntityConnection{
		Edges:    edges(nodes, w, l, func(c string, n Entity) *EntityEdge { return &EntityEdge{Cursor: c, Node: n} }),
		Nodes:    nodes,
		PageInfo: pageInfo(w, len(nodes), p.More, l), TotalCount: p.Total,
	}
}

func articleConnection(p model.Page[*model.StoredArticle], w model.Window, l listed) *ArticleConnection {
	return &ArticleConnection{
		Edges:    edges(p.Items, w, l, func(c string, n *model.StoredArticle) *ArticleEdge { return &ArticleEdge{Cursor: c, Node: n} }),
		Nodes:    p.Items,
		PageInfo: pageInfo(w, len(p.Items), p.More, l), TotalCount: p.Total,
	}
}
