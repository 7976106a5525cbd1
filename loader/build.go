package loader

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/geokg/geokg/model"
)

// document turns the working state into the extraction document: stable
// ids, code point spans, and only entities that something refers to or
// that the text names.
func (d *doc) document() *model.Document {
	out := &model.Document{
		Article: model.Article{
			ID: articleID(d.text), Title: model.Text(d.title), Published: model.Text(d.publishedString()),
			Dateline: model.Text(d.dateline), URL: model.Text(d.meta.URL), Source: model.Text(d.meta.Source),
			File: d.meta.File, Extractor: model.Text(Version), Text: d.text,
		},
		// Sized once for what the working state holds.
		Events:     make([]model.Event, 0, len(d.events)),
		Statements: make([]model.Statement, 0, len(d.stmts)),
	}
	if out.Article.Source == "" {
		out.Article.Source = model.Text(sourceOf(d.meta.URL))
	}
	ids := make(map[*entity]string, len(d.ents))
	for _, e := range d.ents {
		if len(e.mentions) == 0 {
			continue
		}
		ids[e] = entityID(e)
	}
	out.Entities = make([]model.Entity, 0, len(ids))
	for _, e := range d.ents {
		id, ok := ids[e]
		if !ok {
			continue
		}
		me := model.Entity{ID: id, Type: e.typ, Name: e.name, Aliases: e.aliases, ISO3: e.iso3, Country: e.country,
			Role: model.Text(e.role), Leader: e.leader, Kind: model.Text(e.kind), Wikidata: model.Text(e.wikidata)}
		if me.Aliases == nil {
			me.Aliases = []string{}
		}
		if e.affil != nil {
			me.Affil = ids[e.affil]
		}
		if e.roleSpan != [2]int{} {
			sp := d.span(e.roleSpan[0], e.roleSpan[1], true)
			me.RoleEvidence = &sp
		}
		ms := append([]*mention(nil), e.mentions...)
		sort.Slice(ms, func(a, b int) bool { return ms[a].start < ms[b].start })
		me.Mentions = make([]model.Span, 0, len(ms))
		for _, m := range ms {
			me.Mentions = append(me.Mentions, d.span(m.start, m.end, false))
		}
		out.Entities = append(out.Entities, me)
	}
	for _, s := range d.stmts {
		id, ok := ids[s.speaker]
		if !ok {
			continue
		}
		st := model.Statement{ID: statementID(out.Article.ID, s.start), Speaker: id, Text: s.text, Direct: s.direct,
			Verb: model.Text(s.verb), About: d.about(s, ids), Evidence: d.span(s.start, s.end, true)}
		out.Statements = append(out.Statements, st)
	}
	evIDs := make(map[*event]string, len(d.events))
	for _, ev := range d.events {
		me := d.modelEvent(ev, ids, out.Article.ID)
		evIDs[ev] = me.ID
		out.Events = append(out.Events, me)
	}
	for i, ev := range d.events {
		if ev.denies != nil {
			out.Events[i].Denies = evIDs[ev.denies]
		}
	}
	return out
}

// span makes a provenance span of bytes [start, end), in code points.
func (d *doc) span(start, end int, withSentence bool) model.Span {
	sp := model.Span{Start: d.off.rune(start), End: d.off.rune(end), Text: d.text[start:end]}
	if withSentence {
		first, last := d.sentenceOf(start), d.sentenceOf(max(start, end-1))
		if first < len(d.sents) {
			sp.Sentence = model.Text(d.text[d.sents[first].start:d.sents[min(last, len(d.sents)-1)].end])
		}
	}
	return sp
}

// about lists the entities a statement mentions, in order, without its speaker.
func (d *doc) about(s *stmt, ids map[*entity]string) []string {
	out := []string{}
	seen := map[string]bool{ids[s.speaker]: true}
	for si := d.sentenceOf(s.start); si < len(d.sents) && d.sents[si].start < s.end; si++ {
		for _, m := range d.ments[si] {
			id := ids[m.ent]
			if m.start >= s.start && m.end <= s.end && id != "" && !seen[id] {
				seen[id] = true
				out = append(out, id)
			}
		}
	}
	return out
}

func (d *doc) publishedString() string {
	if d.published.IsZero() {
		return ""
	}
	return d.published.Format("2006-01-02")
}

// entityID is stable across articles: the ISO code of a country, else the
// type and a slug of the canonical name.
func entityID(e *entity) string {
	switch e.typ {
	case model.Country:
		return "country:" + e.iso3
	case model.Person:
		return "person:" + slug(e.name)
	case model.Organization:
		return "org:" + slug(e.name)
	default:
		return "place:" + slug(e.name)
	}
}

// slug writes a name as lower-case ASCII words joined by hyphens.
func slug(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range name {
		r = unicode.ToLower(fold(r))
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		case r == '\'' || r == '’' || r == '.':
		default:
			dash = true
		}
	}
	return b.String()
}

func statementID(article string, start int) string {
	return "statement:" + hashOf(article, start)
}

func hashOf(parts ...any) string {
	var buf [256]byte // the parts, each followed by '|': one hash, no allocation
	b := buf[:0]
	for _, p := range parts {
		var s string
		switch p := p.(type) {
		case string:
			s = p
		case int:
			s = strconv.Itoa(p)
		default:
			s = fmt.Sprint(p)
		}
		b = append(b, strings.TrimSpace(strings.ReplaceAll(s, "|", "/"))...)
		b = append(b, '|')
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:8])
}

// coder is implemented by kinds whose CAMEO code depends on the event (a
// planned meeting is an intent to meet); the others have kindBase.cameo.
type coder interface{ code(ev *event) string }

// stager is implemented by kinds that record how far an event got.
type stager interface {
	stage(ev *event, evidence string) string
}

func (d *doc) modelEvent(ev *event, ids map[*entity]string, article string) model.Event {
	ref := func(e *entity) string {
		if e == nil {
			return ""
		}
		return ids[e]
	}
	refs := func(es []*entity) []string {
		out := []string{}
		for _, e := range es {
			if id := ref(e); id != "" && !slices.Contains(out, id) {
				out = append(out, id)
			}
		}
		return out
	}
	k := kinds[ev.typ]
	parties := append(append([]*entity{}, ev.participants...), ev.supplier, ev.recipient)
	if !k.base().personal {
		// An official or a state body acts for a country: list the country
		// beside them, so the event is found from either ("Japan and South
		// Korea agreed", "talks with South Korea's procurement agency").
		for _, p := range ev.participants {
			if s := d.stateOf(p); s != p && s != nil && (p.leader || p.typ == model.Organization && s.typ == model.Country) {
				parties = append(parties, s)
			}
		}
	}
	me := model.Event{
		Type: ev.typ, Participants: refs(parties),
		Supplier: ref(ev.supplier), Recipient: ref(ev.recipient), Items: ev.items, Place: ref(ev.place),
		Date: model.Text(ev.date), Status: ev.status, AssertedBy: refs(ev.assertedBy),
		Quantity: model.Text(ev.quantity), Value: model.Text(ev.value), Cameo: model.Text(k.base().cameo),
	}
	if me.Items == nil {
		me.Items = []string{}
	}
	if c, ok := k.(coder); ok {
		me.Cameo = model.Text(c.code(ev))
	}
	for _, s := range ev.claimedIn {
		me.ClaimedIn = append(me.ClaimedIn, statementID(article, s.start))
	}
	var all strings.Builder
	for _, sp := range ev.evidence {
		me.Evidence = append(me.Evidence, d.span(sp[0], sp[1], true))
		all.WriteString(d.text[sp[0]:sp[1]])
	}
	if st, ok := k.(stager); ok {
		me.Stage = model.Text(st.stage(ev, all.String()))
	}
	sorted := append([]string(nil), me.Participants...)
	sort.Strings(sorted)
	me.ID = "event:" + hashOf(me.Type, strings.Join(sorted, ","), me.Supplier, me.Recipient, me.Status, me.Date)
	return me
}
