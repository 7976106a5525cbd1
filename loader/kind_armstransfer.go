package loader

import (
	"slices"
	"strconv"
	"strings"

	"github.com/geokg/geokg/model"
)

// ArmsTransfer: weapons, munitions or military components change hands
// (CAMEO 072 provide military aid; sales are read the same way). "Iran
// supplied Russia with drones", "deliveries of the S-400 to India", "Poland
// signed a contract for 250 Abrams tanks" (from their maker's country).
// The shared reading is transfer.go; items of class arms make it this kind.
type armsTransferKind struct {
	kindBase
	// The words of the evidence that tell how far it got: Delivered
	// ("shipped", "received"), Agreed ("deal", "contract"), Negotiated.
	Delivered, Agreed, Negotiated wordSet
}

func init() {
	registerKind(&armsTransferKind{kindBase: kindBase{typ: model.ArmsTransfer, cameo: "072", deniable: true, directed: true, contracts: true, agreedIsDone: true}})
}

func (k *armsTransferKind) read(d *doc, c *clause, ev *event) bool {
	t := d.transferOf(c)
	if t == nil || !t.arms || c.tr.has(senseAidOnly) {
		return false // "allowed up to 20 trucks of aid into Gaza", not weapons
	}
	t.fill(ev)
	k.otherMakers(d, t, ev)
	return true
}

// otherMakers reads "the Indian Army took delivery of ten K9 howitzers,
// along with two M777 howitzers": named systems of two makers received
// together are two transfers, one from each maker's state (when the
// article names it); each keeps its own systems (EV-ARMS-27).
func (k *armsTransferKind) otherMakers(d *doc, t *transferArgs, ev *event) {
	if ev.supplier == nil || ev.recipient == nil || ev.supplier.typ != model.Country || !slices.Contains(t.makers, ev.supplier.iso3) {
		return
	}
	var own []string
	others := map[string][]string{}
	var order []string
	for i, sys := range t.systems {
		if t.makers[i] == ev.supplier.iso3 {
			own = append(own, sys)
			continue
		}
		if _, seen := others[t.makers[i]]; !seen {
			order = append(order, t.makers[i])
		}
		others[t.makers[i]] = append(others[t.makers[i]], sys)
	}
	for _, iso := range order {
		s := d.countryByISO(iso)
		if s == nil || s == ev.recipient {
			continue
		}
		ev.also = append(ev.also, &event{typ: ev.typ, supplier: s, recipient: ev.recipient, participants: []*entity{s, ev.recipient},
			items: others[iso], families: ev.families, systems: others[iso], quantity: ""})
		ev.systems = own
	}
}

// same: transfers of drones and of missiles are two transfers, and so
// are transfers of different named systems (Leopard tanks; Marder
// vehicles).
func (k *armsTransferKind) same(d *doc, a, b *event) bool {
	return sameDirection(a, b) && sameFamily(a.families, b.families) && sameSystems(a.systems, b.systems) && !d.earlierPurchase(a, b)
}

// earlierPurchase: of two mentions of the same system between the same
// states, one dated in a year before publication and the other not, with
// different numbers stated, are two purchases: "signed a contract to buy
// 14 additional F-35s … follows Israel's purchase in 2010 of 19 F-35s".
func (d *doc) earlierPurchase(a, b *event) bool {
	if d.published.IsZero() || a.quantity == "" || b.quantity == "" || a.quantity == b.quantity {
		return false
	}
	past := func(e *event) bool {
		y := e.year
		if y == "" && len(e.date) >= 4 {
			y = e.date[:4]
		}
		return y != "" && y < strconv.Itoa(d.published.Year())
	}
	return past(a) != past(b)
}

// stage names how far the transfer got, from its status and the words of
// its evidence (stems, so "delivered" and "deliveries" agree).
func (k *armsTransferKind) stage(ev *event, evidence string) string {
	has := func(stems wordSet) bool {
		for s := range stems {
			if strings.Contains(evidence, s) {
				return true
			}
		}
		return false
	}
	evidence = strings.ToLower(evidence)
	switch {
	case ev.status == model.Speculative:
		return model.StageProposed
	case has(k.Delivered):
		return model.StageDelivered
	case has(k.Agreed):
		return model.StageAgreed
	case has(k.Negotiated):
		return model.StageNegotiated
	default:
		return model.StageProposed
	}
}
