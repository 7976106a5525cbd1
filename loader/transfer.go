package loader

import (
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/geokg/geokg/model"
)

// Transfers: something changes hands between states. The trigger says who
// gives ("supply", "send": the subject gives; "buy", "receive": the subject
// takes); the items decide the kind (kind_armstransfer.go, kind_aid.go).
// The words read here are lexicon/transfer.txt.

// transferWords are the word classes of lexicon/transfer.txt.
type transferWords struct {
	// TakeVerbs govern a noun whose subject receives ("took delivery of");
	// ReceiveVerbs also buy ("signed a contract for", "placed an order").
	TakeVerbs, ReceiveVerbs wordSet
	Goal, Source            wordSet // "to Russia", "from North Korea"
	Made                    wordSet // "Iranian-made"
	Arrival                 wordSet // "arrived in Poland", "landed at": the recipient follows
	MoreVerbs               wordSet // "more of the missiles would follow"
	Messages                wordSet // "sending a message": words, not goods
	// Beneficiaries are people helped, who stand for the state they live
	// Among: "aid for flood victims in Pakistan".
	Beneficiaries, Among wordSet
	// Sailing families are sent under their own crews: "sent warships to
	// Venezuela" is a deployment, not a transfer (trigger sense "deploys").
	Sailing wordSet
}

var xfer transferWords

// Senses of transfer triggers (lexicon/triggers.tsv).
const (
	senseGive    = "give"     // the subject gives
	senseTrade   = "trade"    // only weapons make it an event: selling oil is commerce
	senseArm     = "arm"      // the verb carries its item: "arming the RSF"
	senseAssist  = "assist"   // "assist Y in …": only with aid named
	senseAidOnly = "aid-only" // "allowed aid into Gaza", never weapons
	sensePlan    = "plan"     // a contract, order, pledge or offer: planned until delivered
	senseArrive  = "arrive"   // the items are the subject and arrive: "the first batch of tanks arrived in Poland"
	senseMore    = "more"     // "more of the missiles would follow": more of a transfer told before
	senseDeploys = "deploys"  // "sent warships to": sailing items are deployed, not given
)

// transferArgs is the reading of a transfer clause, shared by the kinds
// that items decide between.
type transferArgs struct {
	arms                bool // an arms transfer, else aid
	items, families     []string
	supplier, recipient *entity
	participants        []*entity // when only the parties are named ("denied the arms dealings")
	quantity, value     string
	systems             []string // named weapon systems among the items ("Leopard tanks")
	makers              []string // the maker (ISO3) of each of systems
}

// transferOf reads the clause's transfer once; nil when it states none.
func (d *doc) transferOf(c *clause) *transferArgs {
	if !c.transferOK {
		c.transfer, c.transferOK = d.readTransfer(c), true
	}
	return c.transfer
}

// fill copies the reading into an event.
func (t *transferArgs) fill(ev *event) {
	ev.items, ev.families = t.items, t.families
	ev.supplier, ev.recipient = t.supplier, t.recipient
	ev.participants = t.participants
	if ev.participants == nil {
		ev.participants = uniqueEntities([]*entity{t.supplier, t.recipient})
	}
	ev.quantity, ev.value, ev.systems = t.quantity, t.value, t.systems
}

// readTransfer reads an arms transfer or aid: items decide which; the verb
// decides who gives. "X supplied Y with drones", "X sent drones to Y",
// "Y received munitions from X", "X's deliveries of shells to Y".
func (d *doc) readTransfer(c *clause) *transferArgs {
	toks, k, tr := c.toks, c.k, c.tr
	if tr.has(senseArrive) || tr.has(senseMore) {
		if c.noun || k > 0 && gram.Determiners[toks[k-1].norm] {
			return nil
		}
		if tr.has(senseMore) {
			return d.readMore(c)
		}
		return d.readArrival(c)
	}
	give := tr.has(senseGive)
	if give && d.sendsWords(c) {
		return nil
	}
	if d.sanctionReason(c) {
		return nil
	}
	// "the purchase of S-400s" is a noun; "of arming the RSF" is not.
	noun := tr.noun || k > 0 && gram.Determiners[toks[k-1].norm]
	from, to := c.start, c.end
	if noun {
		from = max(c.start, k-6) // "weapons deliveries", "an arms package for"
		to = c.phraseEnd(k)      // "a package of military aid for Israel, whose … fighters"
	} else {
		from = k + 1
	}
	// "The first batch of K2 tanks has been handed over to the Polish
	// army": a passive giving verb's subject is what is given.
	passive := !noun && pastTense(toks[k].norm) && (isPassive(toks, k) || gram.Agent[c.norm(k+1)])
	if passive {
		from = c.start
	}
	items := d.items(c, from, min(to, k+24))
	if tr.has(senseAssist) && !d.itemsIn(c, k+1, min(c.end, k+16), itemAid) {
		return nil
	}
	if tr.has(senseArm) {
		items = append(items, itemInfo{class: itemArms, name: "weapons", family: familyGeneral})
	}
	if tr.has(senseDeploys) {
		items = slices.DeleteFunc(items, func(it itemInfo) bool { return xfer.Sailing[it.family] })
	}
	if len(items) == 0 && give && d.value(c, k, c.end) != "" {
		items = append(items, itemInfo{class: itemAid, name: "money", family: familyGeneral}) // "pledged $315m for Sudan"
	}
	if len(items) == 0 {
		return nil
	}
	t := &transferArgs{}
	for _, it := range items {
		t.arms = t.arms || it.class == itemArms
	}
	if tr.has(senseTrade) && !t.arms {
		return nil // selling oil is trade, not aid
	}
	if give && !noun && !tr.has(senseTrade) && d.value(c, k+1, min(c.end, k+4)) != "" {
		// Money given ("pledging 600 million yen for coastal radars") is
		// aid, whatever it buys; money paid for weapons is a sale.
		t.arms = false
	}
	d.fillItems(t, items)
	var giver, taker *entity
	buying := !give // "contract", "order", "buy": the subject buys
	switch {
	case noun:
		if v := d.governingVerb(c, k); v >= 0 && (xfer.TakeVerbs[toks[v].norm] || !give && xfer.ReceiveVerbs[toks[v].norm]) {
			// "Poland took delivery of K2 tanks", "signed a contract for Abrams tanks"
			taker, buying = d.subject(c, v), true
			if m := d.madeBy(c, from, min(c.end, k+8)); m != nil && m != taker {
				giver = m
			}
			break
		}
		if give {
			giver = d.possessor(c, k)
		} else {
			taker = d.possessor(c, k) // "its purchase of Israeli drones"
		}
		if giver == nil {
			giver = d.madeBy(c, from, k)
		}
	case passive:
		// "South Korean K2 tanks … handed over", "K2 tanks bought by
		// Poland": the maker's adjective in the subject gives; "by X"
		// after a giving verb gives too, after a taking verb takes.
		giver = d.madeBy(c, c.start, k)
		if !give && gram.Agent[c.norm(k+1)] {
			taker = d.actorRightAfter(c, k+2)
		}
	case give:
		giver = d.subject(c, k)
	default:
		taker = d.subject(c, k)
	}
	// "supply Russia with munitions", "provide North Korea with food":
	// the first object of a giving verb is the recipient.
	if give && !noun && !passive {
		taker = d.actorRightAfter(c, k+1)
		if taker != nil && d.madeBy(c, k+1, min(c.end, k+4)) == taker {
			taker = nil // "send German-made tanks": the maker, not the recipient
		}
	}
	// Prepositions after the trigger name the other side: within the
	// noun's phrase ("the arms sale and Lai's transit, and X, spokesperson
	// for …" stops at the comma), not after "according".
	pe := c.end
	if noun {
		pe = c.phraseEnd(k)
	}
	for j := k + 1; j < pe; j++ {
		if gram.Attribution.at(toks, j-1) > 0 {
			continue
		}
		if toks[j].norm == "," && j > k+1 {
			if _, verb := d.attributionAfter(c.si, j); verb != "" {
				break // "…, the agency reported from Moscow": the reporter's place, no side
			}
		}
		switch n := toks[j].norm; {
		case xfer.Goal[n]:
			if taker == nil && (give || noun) {
				taker = d.actorRightAfter(c, j+1)
				if taker == nil {
					taker = d.beneficiaryState(c, j+1, pe)
				}
			}
		case xfer.Source[n]:
			// "sell arms from North Korea to Russia": an explicit origin
			// beats a guessed subject.
			if passive && !give && gram.Agent[n] {
				continue // "bought by Poland": the buyer
			}
			if a := d.actorRightAfter(c, j+1); a != nil && (giver == nil || !gram.Agent[n] && give && !noun) {
				giver = a
			}
		}
	}
	if giver == nil {
		giver = d.madeBy(c, k+1, c.end)
	}
	if giver == nil && (buying || noun || passive) && taker != nil {
		// A buyer of Abrams tanks with no seller named buys from the United
		// States; "deliveries of the S-400 to India" come from Russia.
		for _, it := range items {
			if m := d.countryByISO(it.maker); m != nil && m != taker {
				giver = m
				break
			}
		}
	}
	if noun && giver == nil && taker != nil {
		// "X … announced $11.5 million in humanitarian aid for Y"; but "Kang,
		// whom the bloc accuses of overseeing the supply of drones to Y":
		// the accused gives, not the accuser.
		s := d.accused(c, k)
		if s == nil {
			s = d.lightVerbSubject(c, k)
		}
		if s == nil {
			s = d.subject(c, k)
		}
		if s != nil && s == taker {
			// "Beijing accounted for 77% of Pakistan's arms imports": the
			// nearest name is the noun's possessor; the subject before it gives.
			for j := k - 1; j > c.start && j >= k-6; j-- {
				if m := d.mentionAt(c.si, j); m != nil {
					if d.stateOf(m.ent) == taker {
						s = d.stateOf(d.subject(c, m.ti))
					}
					break
				}
			}
		}
		if s != nil && s != taker {
			giver = s
		}
	}
	if noun && taker == nil && giver != nil && d.onlySourceNamed(c, k, pe) {
		// "Mali's junta announced the delivery of two helicopters from
		// Russia": goods coming from a state named, going nowhere named
		// ("let aid from Egypt into the territory"), are the announcer's.
		if s := d.stateOf(d.lightVerbSubject(c, k)); s != nil && s != giver && s.typ == model.Country {
			taker = s
		}
	}
	// "Embraer signed a contract with Hungary's defence ministry": a maker
	// that signs sells; the party it signs with buys.
	var maker *entity
	if buying && giver == nil && taker != nil && taker.typ == model.Organization && taker.kind == orgCompany {
		for j := k + 1; j < c.end && j < k+6; j++ {
			if gram.Comitative[toks[j].norm] {
				if buyer := d.actorRightAfter(c, j+1); buyer != nil && buyer != taker {
					maker, giver, taker = taker, taker, buyer
				}
				break
			}
		}
	}
	giver, taker = d.sideState(giver, c), d.sideState(taker, c)
	if giver != nil && giver.typ == model.Person || taker != nil && taker.typ == model.Person {
		return nil // a person of no known country gives or takes for no state
	}
	if giver == nil && taker == nil && noun {
		// "Pyongyang and Moscow have both denied the arms dealings": the
		// parties are named, the direction is not.
		if v := d.governingVerb(c, k); v >= 0 {
			if ps := d.subjects(c, v); len(ps) >= 2 {
				for _, p := range ps {
					t.participants = append(t.participants, d.stateOf(p))
				}
				t.participants = uniqueEntities(t.participants)
				if len(t.participants) >= 2 {
					return t
				}
				return nil
			}
		}
	}
	if giver == nil && taker == nil || giver == taker {
		return nil
	}
	t.supplier, t.recipient = giver, taker
	if maker != nil {
		t.participants = []*entity{giver, taker, maker} // the maker is an extra participant
	}
	t.quantity = d.quantity(c, from, min(to, k+16))
	t.value = d.value(c, c.start, c.end)
	return t
}

// onlySourceNamed: a source preposition ("from Russia") and no goal
// ("to", "into") follows the noun at k within its phrase.
func (d *doc) onlySourceNamed(c *clause, k, end int) bool {
	from := false
	for j := k + 1; j < end; j++ {
		if xfer.Goal[c.toks[j].norm] {
			return false
		}
		from = from || xfer.Source[c.toks[j].norm] && !gram.Agent[c.toks[j].norm]
	}
	return from
}

// beneficiaryState reads "$5 million for flood victims in Pakistan", "aid
// to help displaced families in Gaza": when no actor follows the goal
// preposition, people helped (lexicon/transfer.txt [beneficiaries]) among
// a state named right after them stand for that state. The phrase ends at
// a comma.
func (d *doc) beneficiaryState(c *clause, i, end int) *entity {
	toks := c.toks
	for j := i; j+2 < end && j < i+6; j++ {
		if !toks[j].word {
			return nil
		}
		if xfer.Beneficiaries[toks[j].norm] && xfer.Among[toks[j+1].norm] {
			if a := d.stateOf(d.actorRightAfter(c, j+2)); a != nil && a.typ == model.Country {
				return a
			}
			return nil
		}
	}
	return nil
}

// sendsWords: "sending a message to Islamabad and Beijing", "sent a
// strong signal": a giving verb whose object is words, not goods.
func (d *doc) sendsWords(c *clause) bool {
	for j := c.k + 1; j < c.end && j <= c.k+3; j++ {
		if xfer.Messages[c.toks[j].norm] {
			return true
		}
		if !gram.Determiners[c.toks[j].norm] && !gram.Articles[c.toks[j].norm] && j > c.k+1 {
			return false
		}
	}
	return false
}

// sanctionReason: "blacklisted five entities for supplying drones to
// Russia": a transfer given as a sanction's reason is the targets' act,
// not the sanctioning subject's; the clause names no giver of its own.
func (d *doc) sanctionReason(c *clause) bool {
	sk, _ := kinds[model.Sanction].(*sanctionKind)
	if sk == nil || c.noun || c.k == 0 || !sk.Reason[c.toks[c.k-1].norm] {
		return false
	}
	for j := c.k - 2; j >= c.start; j-- {
		if tr, ok := triggers[c.toks[j].norm]; ok && tr.kinds[0].base().typ == model.Sanction {
			return true
		}
	}
	return false
}

// readArrival reads "the first batch of K2 tanks arrived in Poland", "a
// shipment of Iranian drones reached Russia": the items are the subject;
// the recipient is where they arrive, the supplier who made them or where
// they come from ("from Denmark").
func (d *doc) readArrival(c *clause) *transferArgs {
	toks, k := c.toks, c.k
	items := d.items(c, c.start, k)
	if len(items) == 0 {
		return nil
	}
	t := &transferArgs{}
	for _, it := range items {
		t.arms = t.arms || it.class == itemArms
	}
	d.fillItems(t, items)
	var giver, taker *entity
	contract := false
	for j := k + 1; j < c.end && j < k+16; j++ {
		n := toks[j].norm
		if tr, ok := triggers[n]; ok && tr.noun && tr.has(sensePlan) {
			contract = true // "under a contract Denmark signed with Switzerland's Mowag"
		}
		switch {
		case contract && gram.Comitative[n]:
			if a := d.actorRightAfter(c, j+1); a != nil && giver == nil {
				giver = a
			}
		case j >= k+12:
		case xfer.Source[n]:
			if a := d.actorRightAfter(c, j+1); a != nil && giver == nil {
				giver = a
			}
		case taker == nil && (j == k+1 || xfer.Arrival[n]):
			at := j // "reached Russia"
			if xfer.Arrival[n] {
				at = j + 1 // "arrived in Poland"
			}
			if m := d.mentionAt(c.si, at); m != nil && (m.ent.typ == model.Country || m.ent.typ == model.Place) {
				taker = m.ent
			}
		}
	}
	if giver == nil {
		giver = d.madeBy(c, c.start, k)
	}
	if giver == nil && taker != nil {
		for _, it := range items {
			if m := d.countryByISO(it.maker); m != nil && m != d.sideState(taker, c) {
				giver = m
				break
			}
		}
	}
	giver, taker = d.sideState(giver, c), d.sideState(taker, c)
	if taker == nil || giver == taker || giver != nil && giver.typ == model.Person {
		return nil
	}
	t.supplier, t.recipient = giver, taker
	t.quantity = d.quantity(c, c.start, k)
	return t
}

// readMore reads "more of the missiles would follow", "more Leopard tanks
// will arrive": more of the transfer of those items told before, to the
// same recipient from the same supplier.
func (d *doc) readMore(c *clause) *transferArgs {
	toks, k := c.toks, c.k
	j := k + 1
	for j < c.end && (gram.Genitive[toks[j].norm] || gram.Articles[toks[j].norm]) {
		j++
	}
	var items []itemInfo
	for e := j + 1; e <= min(c.end, j+4); e++ {
		if it := d.items(c, j, e); len(it) > 0 {
			items = it
		}
		if e < c.end && xfer.MoreVerbs[toks[e].norm] && len(items) > 0 {
			return d.moreOf(items)
		}
	}
	return nil
}

// moreOf returns a transfer with the sides of the article's last transfer
// of the same kind of items.
func (d *doc) moreOf(items []itemInfo) *transferArgs {
	t := &transferArgs{}
	for _, it := range items {
		t.arms = t.arms || it.class == itemArms
	}
	d.fillItems(t, items)
	for i := len(d.events) - 1; i >= 0; i-- {
		e := d.events[i]
		if !kinds[e.typ].base().directed || e.supplier == nil || e.recipient == nil || e.status == model.Denied ||
			(e.typ == model.ArmsTransfer) != t.arms || !sameFamily(e.families, t.families) {
			continue
		}
		t.supplier, t.recipient, t.systems = e.supplier, e.recipient, e.systems
		return t
	}
	return nil
}

// fillItems records the items' names, families and named systems.
func (d *doc) fillItems(t *transferArgs, items []itemInfo) {
	for _, it := range items {
		if it.class == itemArms || !t.arms {
			t.items = append(t.items, it.name)
		}
		if it.class == itemArms && !slices.Contains(t.families, it.family) {
			t.families = append(t.families, it.family)
		}
		if it.class == itemArms && it.maker != "" && !slices.Contains(t.systems, it.name) {
			t.systems = append(t.systems, it.name)
			t.makers = append(t.makers, it.maker)
		}
	}
}

// sideState is the state a side of a transfer stands for; a capital
// stands for its country though the text names the country nowhere else
// ("delivered two batteries to Ankara").
func (d *doc) sideState(e *entity, c *clause) *entity {
	s := d.stateOf(e)
	if s == nil && e != nil && e.typ == model.Place {
		s = d.capitalOf(e, c, c.start-1)
	}
	return s
}

// sameSide: two mentions' sides of a transfer agree where both name one;
// a state's armed forces stand for the state ("K2 tanks handed over to
// the Polish Army" is the delivery to Poland told before).
func sameSide(a, b *entity) bool {
	return compatible(a, b) || forcesOf(a, b) || forcesOf(b, a)
}

// forcesOf: f is an armed body of the state s.
func forcesOf(f, s *entity) bool {
	return f != nil && s != nil && f.typ == model.Organization && gram.ArmedBodies[f.kind] && s.typ == model.Country && f.country == s.iso3
}

// orgCompany is the organization kind of makers (gazetteer, orgwords.txt).
const orgCompany = "company"

// Item classes and the family that joins any (lexicon/items.txt).
const (
	itemArms      = "arms"
	itemAid       = "aid"
	familyGeneral = "general"
)

// madeBy finds "Iranian-made drones", "North Korean shells": a country
// adjective right before an item names its supplier.
func (d *doc) madeBy(c *clause, i, j int) *entity {
	toks := c.toks
	for k := i; k < j && k < len(toks); k++ {
		m := d.mentionAt(c.si, k)
		if m == nil || m.ent.typ != model.Country || m.how != byDemonym {
			continue
		}
		next := m.tj
		if next+1 < len(toks) && toks[next].norm == "-" && xfer.Made[toks[next+1].norm] {
			return m.ent
		}
		if it := d.items(c, next, min(j, next+3)); len(it) > 0 && d.firstItemAt(c, next) {
			return m.ent
		}
	}
	return nil
}

// firstItemAt reports an item phrase starting at token k.
func (d *doc) firstItemAt(c *clause, k int) bool {
	var buf [64]byte
	key, words := buf[:0], 0 // the words so far, joined by spaces
	for e := k; e < len(c.toks) && words < d.x.lx.itemMax; e++ {
		if c.toks[e].norm == "-" {
			continue
		}
		if !c.toks[e].word {
			return false
		}
		key, words = appendWord(key, c.toks[e].norm), words+1
		if _, ok := d.x.lx.items[string(key)]; ok {
			return true
		}
		if !d.x.lx.itemPrefixes[string(key)] {
			return false // no item begins with these words
		}
	}
	return false
}

var (
	quantityRE = regexp.MustCompile(`(?i)\b(\d[\d,.]*(?:\s*(?:million|billion|thousand|hundred|mln|bln)\b)?|hundreds|thousands|millions|dozens|several|significant quantities|large quantities|huge quantities|a large number|a number)\b`)
	valueRE    = regexp.MustCompile(`(?i)(?:US)?\$\s?\d[\d,.]*(?:\s*(?:million|billion|trillion|bn|m))?|\b\d[\d,.]*[\s-]*(?:million|billion|trillion)[\s-]+(?:dollars?|euros?|pounds?|yuan|rubles?|roubles?|yen|won)\b|[€£]\s?\d[\d,.]*(?:\s*(?:million|billion))?`)
)

// amount reads a money value ("$315m", "US$1.2 billion", "600 million
// yen") as a number, 0 when it cannot; the currency is not compared.
func amount(v string) float64 {
	m := amountRE.FindStringSubmatch(v)
	if m == nil {
		return 0
	}
	n, err := strconv.ParseFloat(strings.ReplaceAll(m[1], ",", ""), 64)
	if err != nil {
		return 0
	}
	switch strings.ToLower(m[2]) {
	case "thousand":
		n *= 1e3
	case "m", "million":
		n *= 1e6
	case "bn", "billion":
		n *= 1e9
	case "trillion":
		n *= 1e12
	}
	return n
}

var amountRE = regexp.MustCompile(`(?i)(\d[\d,]*(?:\.\d+)?)\s*-?\s*(thousand|million|billion|trillion|bn|m\b)?`)

// sameAmount: two mentions of money given are one gift unless both state
// an amount and the amounts differ ("a $1 billion package" and "$61
// billion for Ukraine" are two).
func sameAmount(a, b string) bool {
	x, y := amount(a), amount(b)
	return x == 0 || y == 0 || math.Abs(x-y) <= 0.02*max(x, y)
}

// sameSystems: transfers that both name weapon systems are two transfers
// when they name none in common ("Leopard tanks"; "Marder vehicles").
func sameSystems(a, b []string) bool {
	if len(a) == 0 || len(b) == 0 {
		return true
	}
	for _, s := range a {
		if slices.Contains(b, s) {
			return true
		}
	}
	return false
}

// quantity returns a stated quantity among tokens [i, j).
func (d *doc) quantity(c *clause, i, j int) string {
	toks := c.toks
	if i >= j || i >= len(toks) {
		return ""
	}
	base := toks[i].start
	s := d.text[base:toks[min(j, len(toks))-1].end]
	for _, loc := range quantityRE.FindAllStringIndex(s, -1) {
		if valueRE.MatchString(s[max(0, loc[0]-1):loc[1]]) {
			return ""
		}
		if d.notQuantity(c, i, j, base+loc[0], s[loc[0]:loc[1]]) {
			continue
		}
		return s[loc[0]:loc[1]]
	}
	return ""
}

// notQuantity: a number that names a model ("Leopard 2", "F-16") or a
// year ("by 2028", "in 2023") counts nothing.
func (d *doc) notQuantity(c *clause, i, j, at int, q string) bool {
	if isYear(q) {
		return true
	}
	for k := i; k < j && k < len(c.toks); k++ {
		if c.toks[k].start != at {
			continue
		}
		if k == 0 {
			return false
		}
		prev := c.toks[k-1]
		return prev.norm == "-" && !prev.space && prev.end == at || // "F-16", "S-400"
			k > i && prev.word && prev.cap && d.mentionAt(c.si, k-1) == nil // "Leopard 2"; not "sent Ukraine 14 tanks"
	}
	return false
}

// value returns a stated money value among tokens [i, j).
func (d *doc) value(c *clause, i, j int) string {
	if i >= j {
		return ""
	}
	s := d.text[c.toks[i].start:c.toks[j-1].end]
	if !strings.ContainsAny(s, "$€£") && !strings.Contains(s, "illion") {
		return "" // the regular expression is slow on long clauses without money
	}
	return valueRE.FindString(s)
}

// items returns the transferred things named in tokens [i, j), longest
// phrases first. A weapon word before "technology" names technology.
func (d *doc) items(c *clause, i, j int) []itemInfo {
	toks := c.toks
	var out []itemInfo
	for k := i; k < j && k < len(toks); k++ {
		if !toks[k].word || k > 0 && (gram.ItPronouns[toks[k-1].norm] || gram.GroupPronouns[toks[k-1].norm]) {
			continue // "claims it arms the RSF": a verb, not an item
		}
		best, n := itemInfo{}, 0
		var buf [64]byte
		key, words := buf[:0], 0 // the words so far, joined by spaces
		for e := k; e < j && e < len(toks) && words < d.x.lx.itemMax; e++ {
			if toks[e].norm == "-" {
				continue
			}
			if !toks[e].word && !(e > k && isNumberToken(toks[e])) {
				break // "S-400", "F-16" go on with a number
			}
			key, words = appendWord(key, toks[e].norm), words+1
			if it, ok := d.x.lx.items[string(key)]; ok {
				best, n = it, e-k+1
			}
			if !d.x.lx.itemPrefixes[string(key)] {
				break // no longer item begins with these words
			}
		}
		if n == 0 || measureOfEvent(toks, k+n) {
			continue
		}
		if best.class == itemArms && k+n < len(toks) {
			if next, ok := d.x.lx.items[toks[k+n].norm]; ok && next.name == itemTechnology {
				best, n = next, n+1
			}
		}
		if !slices.ContainsFunc(out, func(o itemInfo) bool { return o.name == best.name }) {
			out = append(out, best)
		}
		k += n - 1
	}
	return out
}

// itemTechnology: "missile technology" is technology, not missiles.
const itemTechnology = "technology"

// itemsIn reports items of the given class among tokens [i, j).
func (d *doc) itemsIn(c *clause, i, j int, class string) bool {
	for _, it := range d.items(c, i, j) {
		if it.class == class {
			return true
		}
	}
	return false
}

// inItem: the trigger word is part of an item's name ("food supplies",
// "weapons supplies"), not a verb.
func (d *doc) inItem(si, k int) bool {
	toks := d.sents[si].tokens
	if k == 0 {
		return false
	}
	_, ok := d.x.lx.items[toks[k-1].norm+" "+toks[k].norm]
	return ok
}

// measureOfEvent: the item word at the end of a phrase counts an event,
// not a thing ("three rounds of talks", "a round of indirect
// negotiations"): "of" at k, then a trigger noun of a kind that is no
// transfer within three words.
func measureOfEvent(toks []token, k int) bool {
	if k >= len(toks) || !gram.Genitive[toks[k].norm] {
		return false
	}
	for j := k + 1; j < len(toks) && j <= k+3; j++ {
		if tr, ok := triggers[toks[j].norm]; ok {
			return !isTransfer(tr)
		}
		if !toks[j].word {
			return false
		}
	}
	return false
}

// dropSelfTransfers drops the transfers whose giver is their own receiver
// (a pronoun or description resolved to the one state on both sides, as
// in "… a critic of Syrian President Assad …, but has always denied arming
// them" read as Syria arming Syria): no transfer is named (EV-NOT-9).
func dropSelfTransfers(es []*event) []*event {
	return slices.DeleteFunc(es, func(e *event) bool { return e.supplier != nil && e.supplier == e.recipient })
}
