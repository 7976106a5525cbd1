package loader

import (
	"slices"

	"github.com/geokg/geokg/model"
)

// Aid: money, food, technology or other assistance (CAMEO 070 provide
// aid; humanitarian aid 073). "Japan pledged $3.7 million for coastal
// radars", "Russia could provide North Korea with food". The shared
// reading is transfer.go; items without weapons make it this kind.
type aidKind struct {
	kindBase
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
	return true
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
