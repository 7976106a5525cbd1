package export

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"

	"github.com/geokg/geokg/model"
)

// GraphML: every attribute is declared as a typed <key> first (GraphML
// wants keys before the graph), then the nodes, then the relationships as
// directed edges. Key ids are n_NAME and e_NAME, so a node's `label` and an
// edge's `label` are different keys with the same attr.name.

const graphmlHead = `<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
`

func (x *Export) writeGraphML(ctx context.Context, out io.Writer) error {
	w := bufio.NewWriter(out)
	w.WriteString(graphmlHead)
	for _, a := range nodeAttrs {
		fmt.Fprintf(w, "  <key id=\"n_%s\" for=\"node\" attr.name=\"%s\" attr.type=\"%s\"/>\n", a.Name, a.Name, a.Type)
	}
	for _, a := range edgeAttrs {
		fmt.Fprintf(w, "  <key id=\"e_%s\" for=\"edge\" attr.name=\"%s\" attr.type=\"%s\"/>\n", a.Name, a.Name, a.Type)
	}
	w.WriteString("  <graph id=\"geokg\" edgedefault=\"directed\">\n")
	// Edges are written only between written nodes: a load that runs
	// during the export may add a node after its page was read.
	written := map[string]bool{}
	err := x.nodes(ctx, func(page []model.ExportNode) error {
		for _, n := range page {
			written[n.ID] = true
			element(w, "node", [][2]string{{"id", n.ID}}, "n_", nodeAttrs, nodeValues(n))
		}
		return w.Flush()
	})
	if err != nil {
		return err
	}
	err = x.edges(ctx, func(page []model.ExportEdge) error {
		prev, n := "", 0
		for _, e := range page {
			if !written[e.From] || !written[e.To] {
				continue
			}
			// Parallel relationships (evidence spans of one event in one
			// article, links stated by several articles) get #2, #3, …
			id := e.From + "|" + e.Type + "|" + e.To
			if id == prev {
				n++
			} else {
				prev, n = id, 1
			}
			if n > 1 {
				id += fmt.Sprintf("#%d", n)
			}
			element(w, "edge", [][2]string{{"id", id}, {"source", e.From}, {"target", e.To}}, "e_", edgeAttrs, edgeValues(e))
		}
		return w.Flush()
	})
	if err != nil {
		return err
	}
	w.WriteString("  </graph>\n</graphml>\n")
	return w.Flush()
}

// element writes a node or edge with its XML attributes and a <data> for
// every attribute it has, in the table's order.
func element(w *bufio.Writer, tag string, xmlAttrs [][2]string, keyPrefix string, attrs []attr, vals map[string]string) {
	w.WriteString("    <" + tag)
	for _, a := range xmlAttrs {
		w.WriteString(" " + a[0] + "=\"")
		escape(w, a[1])
		w.WriteString("\"")
	}
	w.WriteString(">")
	for _, a := range attrs {
		if v, ok := vals[a.Name]; ok {
			data(w, keyPrefix+a.Name, v)
		}
	}
	w.WriteString("</" + tag + ">\n")
}

func data(w *bufio.Writer, key, v string) {
	w.WriteString("<data key=\"")
	w.WriteString(key)
	w.WriteString("\">")
	escape(w, v)
	w.WriteString("</data>")
}

// escape writes s as XML character data; characters XML cannot hold
// become U+FFFD.
func escape(w *bufio.Writer, s string) {
	_ = xml.EscapeText(w, []byte(s))
}

// CSV: the tables Gephi's Data Laboratory imports as they are (Id and
// Label; Source, Target, Type=Directed and Label), with every attribute
// as a column; an absent property is an empty cell.

func (x *Export) writeNodesCSV(ctx context.Context, out io.Writer) error {
	w := csv.NewWriter(out)
	head := []string{"Id", "Label", "kind"} // nodeAttrs[:2] are kind and label
	for _, a := range nodeAttrs[2:] {
		head = append(head, a.Name)
	}
	if err := w.Write(head); err != nil {
		return err
	}
	return x.nodes(ctx, func(page []model.ExportNode) error {
		for _, n := range page {
			vals := nodeValues(n)
			row := []string{n.ID, vals["label"], vals["kind"]}
			for _, a := range nodeAttrs[2:] {
				row = append(row, vals[a.Name])
			}
			if err := w.Write(row); err != nil {
				return err
			}
		}
		w.Flush()
		return w.Error()
	})
}

func (x *Export) writeEdgesCSV(ctx context.Context, out io.Writer) error {
	w := csv.NewWriter(out)
	head := []string{"Source", "Target", "Type", "Label"}
	for _, a := range edgeAttrs[1:] {
		head = append(head, a.Name)
	}
	if err := w.Write(head); err != nil {
		return err
	}
	err := x.edges(ctx, func(page []model.ExportEdge) error {
		for _, e := range page {
			vals := edgeValues(e)
			row := []string{e.From, e.To, "Directed", e.Type}
			for _, a := range edgeAttrs[1:] {
				row = append(row, vals[a.Name])
			}
			if err := w.Write(row); err != nil {
				return err
			}
		}
		w.Flush()
		return w.Error()
	})
	if err != nil {
		return err
	}
	w.Flush()
	return w.Error()
}

// JSON Lines: one extraction document per line, in the shape `geokg
// extract` prints (and ../shared/eval/score.py reads), with the article's
// text beside it.

type documentLine struct {
	*model.Document
	Text string `json:"text"`
}

func (x *Export) writeJSONL(ctx context.Context, out io.Writer) error {
	w := bufio.NewWriter(out)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return x.documents(ctx, func(page []*model.Document) error {
		for _, d := range page {
			if err := enc.Encode(documentLine{Document: d, Text: d.Article.Text}); err != nil {
				return err
			}
		}
		return w.Flush()
	})
}
