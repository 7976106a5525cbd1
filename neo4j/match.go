package neo4j

import (
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strings"
	"time"

	"github.com/geokg/geokg/model"
)

// Matching: each event of a document is one article's report of an event;
// a report joins the stored event that another article reports when the
// two agree on what happened, and starts a new event otherwise. The rule
// (docs/graph-model.md, "One event across articles"):
//
//   - the same type;
//   - compatible dates: the report's anchor is within ±matchDays days of
//     one of the event's reports' and of the event's own (its date, else
//     the anchor of the report that created it), or a day inside a month.
//     A report's anchor is the event's date as the article states it, else
//     the day the article was published; a report with neither is never
//     merged. Comparing with the event's own date too keeps a string of
//     meetings on consecutive days from chaining into one event;
//   - the same principal actors: the sides (the countries that take part,
//     directly or through their people, organizations and places; an
//     entity with no country is its own side) overlap in at least two, or
//     in all of the smaller side set; suppliers and recipients do not
//     contradict; and when both reports name people, they share one.
//
// Candidates are found through match keys, "type|side|anchor" nodes under
// a uniqueness constraint, each linked to the reports that carry it: a
// report probes the keys of every day in its window, so finding its
// candidates is a handful of index seeks whatever the size of the graph.

// matchDays is how far apart two reports' days may be and still be the
// same event.
const matchDays = 3

// report is one article's account of one event, as SaveDocuments writes it.
type report struct {
	id        string // "report:" + hash of article and extraction id
	xid       string // the extraction's event id
	article   string
	event     string // the event it reports, once matched
	typ       model.EventType
	anchor    string // YYYY-MM-DD or YYYY-MM, "" when neither the event nor the article is dated
	sides     []string
	persons   []string
	supplier  string // sides of the supplier and the recipient
	recipient string
	denies    *report // a denial in the same article: the claim it denies
	ev        *model.Event
}

// candidate is a stored report that a match key found, with the anchor of
// its event.
type candidate struct {
	report, event       string
	anchor              string
	sides, persons      []string
	supplier, recipient string
}

func (r *report) candidate(anchor string) candidate {
	return candidate{report: r.id, event: r.event, anchor: anchor, sides: r.sides, persons: r.persons,
		supplier: r.supplier, recipient: r.recipient}
}

// newReports makes the reports of a document's events, claims before the
// denials that point at them.
func newReports(doc *model.Document) []*report {
	ents := make(map[string]*model.Entity, len(doc.Entities))
	for i := range doc.Entities {
		ents[doc.Entities[i].ID] = &doc.Entities[i]
	}
	side := func(id string) string {
		e := ents[id]
		switch {
		case id == "" || e == nil:
			return id
		case e.Type == model.Country || e.Country == "":
			return id
		default:
			return "country:" + e.Country
		}
	}
	byXID := map[string]*report{}
	var claims, denials []*report
	for i := range doc.Events {
		ev := &doc.Events[i]
		if byXID[ev.ID] != nil {
			continue // the same event twice: the extractor's ids are its identity
		}
		r := &report{id: "report:" + hashOf(doc.Article.ID, ev.ID), xid: ev.ID, article: doc.Article.ID, typ: ev.Type,
			supplier: side(ev.Supplier), recipient: side(ev.Recipient), ev: ev}
		r.anchor = anchorOf(string(ev.Date), string(doc.Article.Published))
		for _, id := range append(append([]string{}, ev.Participants...), ev.Supplier, ev.Recipient) {
			if id == "" {
				continue
			}
			if s := side(id); !slices.Contains(r.sides, s) {
				r.sides = append(r.sides, s)
			}
			if e := ents[id]; e != nil && e.Type == model.Person && !slices.Contains(r.persons, id) {
				r.persons = append(r.persons, id)
			}
		}
		slices.Sort(r.sides)
		slices.Sort(r.persons)
		byXID[ev.ID] = r
		if ev.Denies != "" {
			denials = append(denials, r)
		} else {
			claims = append(claims, r)
		}
	}
	for _, r := range denials {
		if c := byXID[r.ev.Denies]; c != nil && c != r {
			r.denies = c
		}
	}
	return append(claims, denials...)
}

// anchorOf is the day or month a report is placed on: the event's own date
// if it has one, else the article's publication day.
func anchorOf(date, published string) string {
	for _, d := range []string{date, published} {
		if _, err := time.Parse("2006-01-02", d); err == nil {
			return d
		}
		if _, err := time.Parse("2006-01", d); err == nil {
			return d
		}
	}
	return ""
}

func matchKey(typ model.EventType, side, anchor string) string {
	return string(typ) + "|" + side + "|" + anchor
}

// keys are the match keys a report is stored under: one per side.
func (r *report) keys() []string {
	if r.anchor == "" {
		return []string{}
	}
	out := make([]string, 0, len(r.sides))
	for _, s := range r.sides {
		out = append(out, matchKey(r.typ, s, r.anchor))
	}
	return out
}

// probes are the keys under which a compatible report would be stored: a
// day looks at the days within matchDays and at its month; a month looks
// at itself and at each of its days. The relation is symmetric, so the
// order in which articles are loaded does not decide whether two reports
// match.
func (r *report) probes() []string {
	var anchors []string
	if d, err := time.Parse("2006-01-02", r.anchor); err == nil {
		for i := -matchDays; i <= matchDays; i++ {
			anchors = append(anchors, d.AddDate(0, 0, i).Format("2006-01-02"))
		}
		anchors = append(anchors, d.Format("2006-01"))
	} else if m, err := time.Parse("2006-01", r.anchor); err == nil {
		anchors = append(anchors, r.anchor)
		for d := m; d.Month() == m.Month(); d = d.AddDate(0, 0, 1) {
			anchors = append(anchors, d.Format("2006-01-02"))
		}
	}
	var out []string
	for _, s := range r.sides {
		for _, a := range anchors {
			out = append(out, matchKey(r.typ, s, a))
		}
	}
	return out
}

// compatible tells whether a report and a stored one can be the same
// event (the type and the report's date are settled by the key that found
// it) and how well they agree: the number of shared sides and people.
func compatible(r *report, c candidate) (int, bool) {
	if !closeDates(r.anchor, c.anchor) {
		return 0, false
	}
	if r.supplier != "" && c.supplier != "" && r.supplier != c.supplier ||
		r.recipient != "" && c.recipient != "" && r.recipient != c.recipient {
		return 0, false
	}
	n := overlap(r.sides, c.sides)
	if n == 0 || n < min(2, len(r.sides), len(c.sides)) {
		return 0, false
	}
	p := overlap(r.persons, c.persons)
	if len(r.persons) > 0 && len(c.persons) > 0 && p == 0 {
		return 0, false
	}
	return n + p, true
}

// closeDates tells whether two anchors are within matchDays days, or a
// day is in a month, or two months are the same.
func closeDates(a, b string) bool {
	da, errA := time.Parse("2006-01-02", a)
	db, errB := time.Parse("2006-01-02", b)
	switch {
	case errA == nil && errB == nil:
		d := da.Sub(db).Hours() / 24
		return d >= -matchDays && d <= matchDays
	case errA == nil:
		return a[:7] == b
	case errB == nil:
		return b[:7] == a
	default:
		return a != "" && a == b
	}
}

func overlap(a, b []string) int {
	n := 0
	for _, x := range a {
		if slices.Contains(b, x) {
			n++
		}
	}
	return n
}

// matcher assigns reports to events, in order: a report joins the best
// compatible candidate (most shared sides and people, then the smallest
// event id) among the stored reports its keys find and the reports
// matched before it in the same batch.
type matcher struct {
	stored  map[string][]candidate // by match key, from the graph
	batch   map[string][]candidate // by match key, matched in this batch
	anchors map[string]string      // event anchors, by event id
	taken   map[string]bool        // event ids in use
	fresh   []*report              // reports that started a new event
}

func (m *matcher) assign(r *report) {
	switch {
	case r.denies != nil:
		// The loader says which claim a denial denies: the same event.
		r.event = r.denies.event
	default:
		best, bestScore := "", 0
		for _, k := range r.probes() {
			for _, c := range slices.Concat(m.stored[k], m.batch[k]) {
				score, ok := compatible(r, c)
				if ok && (score > bestScore || score == bestScore && c.event < best) {
					best, bestScore = c.event, score
				}
			}
		}
		r.event = best
	}
	if r.event == "" {
		// A new event keeps the extraction's id unless another event has it.
		r.event = r.xid
		if m.taken[r.event] {
			r.event = "event:" + hashOf(r.xid, r.article)
		}
		m.taken[r.event] = true
		m.anchors[r.event] = r.anchor
		m.fresh = append(m.fresh, r)
	}
	for _, k := range r.keys() {
		m.batch[k] = append(m.batch[k], r.candidate(m.anchors[r.event]))
	}
}

// hashOf is 16 hex digits of the SHA-256 of the parts.
func hashOf(parts ...string) string {
	h := sha256.Sum256([]byte(strings.Join(parts, "\x00")))
	return hex.EncodeToString(h[:8])
}
