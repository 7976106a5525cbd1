package loader

import (
	"slices"
	"strings"

	"github.com/geokg/geokg/model"
)

// Aid: money, food, technology or other assistance (CAMEO 070 provide
// aid; humanitarian aid 073). "Japan pledged $3.7 million for coastal
// radars", "Russia could provide North Korea with food". The shared
// reading is transfer.go; items without weapons make it this kind.
type aidKind struct {
	kindBase
	// NameJoiners may stand inside a giver's name in a pledge list ("the
	// U.S. Agency for International Development $24 million").
	NameJoiners wordSet
	// Humanitarian are the item names (lexicon/items.txt) of humanitarian aid.
	Humanitarian wordSet
}

func init() {
	registerKind(&aidKind{kindBase: kindBase{typ: model.Aid, cameo: "070", deniable: true, directed: true, agreedIsDone: true, contracts: true}})
}

func (k *aidKind) read(d *doc, c *clause, ev *event) bool {
	t := d.transferOf(c)
	if t == nil || t.arms {
		return false
	}
	t.fill(ev)
	if ev.supplier != nil {
		k.gapped(d, c, ev)
	}
	return true
}

// gapped reads a pledge list whose verb is said once: "Britain pledged
// $264 million, Norway $75 million, and USAID $24 million": each giver
// named after a comma or "and" with an amount right after it (perhaps
// after a parenthesis: "USAID (the agency) $24 million") gives its own
// gift, to the same recipient.
func (k *aidKind) gapped(d *doc, c *clause, ev *event) {
	toks := c.toks
	for j := c.k + 1; j+1 < c.end; j++ {
		if n := toks[j].norm; n != "," && !gram.Coordinators[n] {
			continue
		}
		x := j + 1
		for x < c.end && (gram.Coordinators[toks[x].norm] || gram.Articles[toks[x].norm]) {
			x++
		}
		m := d.mentionAt(c.si, x)
		if m == nil {
			continue
		}
		giver := d.sideState(d.actor(c.si, m), c)
		y := m.tj
		// "the U.S. Agency for International Development $24 million": an
		// agency of the state named, unknown to the gazetteer, and "(USAID)".
		for y < c.end && y < m.tj+8 && (toks[y].word && (toks[y].cap || k.NameJoiners[toks[y].norm]) || toks[y].norm == "(") {
			if toks[y].norm == "(" {
				for y < c.end && toks[y].norm != ")" {
					y++
				}
			}
			if y < c.end && (toks[y].norm == "$" || strings.HasPrefix(d.text[toks[y].start:], d.value(c, y, min(c.end, y+4))) && d.value(c, y, min(c.end, y+4)) != "") {
				break
			}
			y++
		}
		if giver == nil || giver == ev.supplier || giver == ev.recipient || giver.typ == model.Person || y >= c.end {
			continue
		}
		v := d.value(c, y, min(c.end, y+4))
		at := strings.Index(d.text[toks[y].start:], v)
		if v == "" || at < 0 || toks[y].start+at > toks[y].end+1 {
			continue // "and Japan, which pledged …": a clause of its own; "Norway USD 75 million" is a gift
		}
		ev.also = append(ev.also, &event{typ: ev.typ, act: ev.act, supplier: giver, recipient: ev.recipient, listed: true,
			participants: uniqueEntities([]*entity{giver, ev.recipient}), items: ev.items, families: ev.families, value: v})
		j = y
	}
}

// same: gifts of different amounts are two gifts ("a $1 billion
// package", "$61 billion for Ukraine"); a mention without an amount ("the
// package") is either.
func (k *aidKind) same(d *doc, a, b *event) bool {
	return sameDirection(a, b) && sameAmount(a.value, b.value)
}

func (k *aidKind) code(ev *event) string {
	if slices.ContainsFunc(ev.items, func(s string) bool { return k.Humanitarian[s] }) {
		return "073"
	}
	return k.cameo
}
