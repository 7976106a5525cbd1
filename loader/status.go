package loader

import (
	"slices"
	"sort"
	"strings"

	"github.com/geokg/geokg/model"
)

// statusWords are the cues of epistemic status, from lexicon/status.txt.
type statusWords struct {
	Negators, PlainNegators     wordSet // "refused to meet"; "has not supplied"
	NotOnly                     wordSet // "will not only visit Togo but also Benin": no negation
	Hedges, Alleging, Reported  wordSet // speculative, alleged, reported
	Deliberate                  wordSet // "is considering supplying": speculative, or an outsider's claim of intent (ST-SPEC-5)
	Planned, Conditional, SetTo wordSet // "will", "would" in reported speech, "is set to"
	Destined                    wordSet // "is to visit", "was to meet": an arrangement (ST-PLAN-8)
	Invite                      wordSet // "invited Kim to visit": planned
	Presupposing                wordSet // "expected to continue": under way, not planned
	BeforeOnly                  wordSet // cues that count only before the trigger ("planned")
	Announce                    wordSet // speech lemmas by which a state states its own act
	AnnouncedBy                 wordSet // "as announced by X"
	DenyingWords, ClaimNouns    wordSet // "called the claims unfounded"
	FactDeniers                 wordSet // "China denied the visit": a happening named again (ST-DEN-2)
	OpenTo, Agree               wordSet // "open to dialogue"; "agreed to withdraw"
	DecisionNouns               wordSet // "a decree to sign a treaty": planned (ST-PLAN-16)
	ConfirmWords                wordSet // "neither confirm nor deny": no denial (ST-DEN-4)
	NoCommentLinks              wordSet // the "nor" / "or" between (ST-DEN-4)
	AheadOf                     wordSet // "ahead of Ruto's visit": planned (ST-PLAN-17)
	HopeNouns                   wordSet // "hopes for a trade deal", "calls for talks": no event (EV-NOT-6)
	CalledOff, Commit           wordSet // "cancelled his trip"; "signed a contract for"
	Prospective                 wordSet // "negotiations on an agreement": still to come
	Background                  wordSet // "after Shoigu visited Pyongyang": told as known fact
	Unnamed                     wordSet // "officials said", "according to sources": no named source
	VagueFuture                 wordSet // "expected to visit eventually": speculative beside a plan word
	HedgeAdjectives             wordSet // "a possible sale": speculative
	Desire                      wordSet // "has pressed to buy the F-35": a wish, speculative
	Offer                       wordSet // "offered to host talks", "threatened to impose sanctions": conditional, speculative
	Happen                      wordSet // "said talks would be held": the predicate that plans its subject
	Again                       wordSet // "will meet again": a further meeting, not the one told
	StateMedia                  wordSet // "KCNA said": a state's own outlet speaks for it
	PresentBe                   wordSet // "is travelling to Israel on Friday": a progressive that may announce
	Ahead                       wordSet // "next week", "later this month": a time still to come
	Purpose                     wordSet // "travels to Lomé next week for talks": the talks are the journey's purpose
	EnRoute                     wordSet // "is on his way to Accra for talks": a journey under way, its purpose ahead
	RelativeAdverbs             wordSet // ", where he will meet": the relative clause's cues are its own
	StoryDays, StorySpans       wordSet // "the next day", "the next month": a time told from the story's day, no plan
	PlanNouns, PlanNegators     wordSet // "no plans for X to meet Y", "has no intention of meeting": a denied plan
	RuleOut                     wordSet // "ruled out a visit": a denied plan
	NegatedFuture, FutureFiller wordSet // "will not travel", "won't attend talks": a denied plan; what may stand between it and the trigger
	Decide, NotTo               wordSet // "decided not to travel": a denied plan
	Permission                  wordSet // "allowed for sanctions to be adjusted": a possibility
	Evidence, EvidenceLinks     wordSet // "we have information that talks are advancing": an intelligence claim, reported
	Belief                      wordSet // "is believed to have shipped", "is said to have met": unnamed belief, reported
	Intelligence                wordSet // words naming a spy service ("Central Intelligence Agency", "South Korea's spy agency")
	Requests                    wordSet // "urges Iran to hold talks": a headline's infinitive another verb governs (ST-PLAN-9)
	Simultaneous, PastTimes     wordSet // "When X meets Y on Thursday, he is expected to sign": a fronted adverbial takes its main clause's plan (ST-PLAN-10)
	CauseAfterDue               wordSet // "recalled its envoy due to concerns": "due to" as "because of", no plan (ST-PLAN-11)
	LegNouns                    wordSet // "the Manila stop follows a visit": a negator that is a journey's leg as a noun (ST-NEG-1)
	StateOutlets                wordSet // "state broadcaster PTV reported", "Iranian state television said": a state's own outlet by description (ST-REP-2)
	CompletedNouns              wordSet // "announced the delivery of": a transfer noun of goods handed over, which an announcement reports as done (EV-ARMS-3)
	Habitual                    wordSet // "would often meet": a past habit, not a plan carried on (ST-PLAN-12)
}

// Ranks of statuses when several mentions of one event disagree: what the
// article states as fact beats a plan, a plan beats a named party's claim,
// which beats an anonymous report, which beats a hedge.
var statusRank = map[model.Status]int{model.Occurred: 5, model.Planned: 4, model.Alleged: 3, model.Reported: 2, model.Speculative: 1}

// setStatus decides the epistemic status of a trigger from the words of
// its clause and from who says it:
//   - a deny verb governing it ("Tehran denied supplying drones") → denied;
//   - a hedge ("could", "may", "potentially") → speculative;
//   - "allegedly" → alleged; "reportedly", "according to" → reported;
//   - "will", "is set to", "plans to" → planned;
//   - inside a quote or reported speech of someone → alleged by them;
//   - otherwise → occurred.
func (d *doc) setStatus(ev *event, c *clause) {
	toks, k := c.toks, c.k
	var status model.Status
	var asserters []*entity
	speaker, st := d.claimant(toks[k].start)
	if speaker == nil {
		speaker = d.tailSource(c.si)
	}
	window := func(set wordSet) bool { return d.cueWindow(c, set) }
	plan := func() bool { return d.planCue(c, st) }
	denier := d.denier(c.si, k)
	kb := kinds[ev.typ].base()
	// "US officials said Beijing is considering supplying lethal aid": an
	// outsider's word on a party's intent is a claim about the party, not a
	// possibility the party weighs aloud (ST-SPEC-5).
	deliberate := window(cue.Deliberate)
	claimedIntent := deliberate && d.claimedIntent(ev, c, speaker)
	switch {
	case denier != nil:
		status, asserters = model.Denied, []*entity{denier}
	case d.falseClaim(c):
		// "the false report that the DPRK has supplied munitions", the
		// ministry said: its speaker denies the claim it names (ST-DEN-3).
		status = model.Denied
		if speaker != nil {
			asserters = []*entity{speaker}
		}
	case d.negatedPlan(c) >= 0:
		// "there are no plans for Putin to meet Zelensky", "ruled out
		// talks": the party's word that it will not happen (ST-NEG-2).
		status = model.Denied
		if speaker != nil {
			asserters = []*entity{speaker}
		} else if s := d.subject(c, d.negatedPlan(c)); s != nil {
			asserters = []*entity{s}
		}
	case !claimedIntent && (deliberate || window(cue.Hedges)) || d.hedgedNoun(c) || d.notRuledOut(c) || d.wished(c) || cue.Desire[toks[k].norm] || d.permitted(c) || window(cue.VagueFuture) && (window(cue.Planned) || window(cue.Conditional)):
		// "could visit", "talks on a possible sale", "expected to visit
		// Pyongyang eventually", "is seeking jets" (the trigger is itself a
		// wish): a possibility, not a plan.
		status = model.Speculative
	case window(cue.Alleging):
		status = model.Alleged
	case claimedIntent && !(window(cue.Reported) || d.hearsay(ev, c, speaker)):
		// A named outsider's word that a state weighs arming another
		// ("Blinken said China is considering providing lethal support"):
		// an accusation the state may deny.
		status = model.Alleged
	case (window(cue.Reported) || d.evidenceClaim(c) || d.believed(c)) && !d.ownOutlet(ev, speaker) && !d.partyAccording(ev, c) && !d.stateOutlet(ev, c):
		status = model.Reported
	case d.background(c):
		// "shortly after Shoigu visited Pyongyang, the agency said": the
		// writer tells it as known fact, whoever says the main clause.
		status = model.Occurred
	case d.hearsay(ev, c, speaker):
		// Media, unnamed officials, or "according to" someone outside the
		// event: reported.
		status = model.Reported
	case plan():
		// "would" plans only in reported speech ("said it would send");
		// in a quotation it is as often a conditional.
		status = model.Planned
	case d.calledOff(c) || kb.directed && d.committed(c, kb.contracts) || d.agreedTo(c) || d.decidedTo(ev, c) || d.aheadOf(c):
		// A plan later called off is still the plan ("cancelled his trip to
		// Lomé"); a contract, order or pledge is planned until delivered;
		// what parties agreed to do is still to come ("agreed to hold talks",
		// ST-PLAN-5).
		status = model.Planned
	case speaker != nil && (st != nil && cue.Announce[st.verb] && d.ownAct(ev, speaker) || d.isParty(ev, speaker)):
		// A party describing its own act ("Britain and Canada announced
		// sanctions", "Umerov said Kyiv had received the jets") states a
		// fact, not a claim about others.
		status = model.Occurred
	case speaker != nil && kb.directed:
		// A named outsider saying that one state supplies another ("Kyiv
		// said Belarus had supplied fuel") makes a claim the supplier may
		// deny.
		status = model.Alleged
	default:
		// An official telling what happened ("the two leaders met on
		// Monday, the ministry said") states a fact.
		status = model.Occurred
		// A noun with nothing around it ("Kim's visit", "the meeting")
		// names the event without stating that it happened.
		ev.weak = (c.tr.noun || k > 0 && (gram.Determiners[toks[k-1].norm] || toks[k-1].norm == "'s"))
		// …unless a verb states it: "held talks", "paid a visit".
		if v := d.governingVerb(c, k); ev.weak && v >= 0 && gram.PastLightVerbs[toks[v].norm] || ev.weak && d.statedAfter(c) {
			ev.weak = false
		}
	}
	if status != model.Denied {
		// "Western governments accuse Iran of shipping missiles, a charge
		// Tehran denies": the denier asserts nothing the clause claims.
		if speaker != nil && !(st != nil && d.denyVerb(st.verb)) {
			asserters = []*entity{speaker}
			if st != nil {
				ev.claimedIn = []*stmt{st}
			}
		} else if src := d.accordingTo(c.si, false, k); src != nil {
			asserters = []*entity{src}
		}
	}
	ev.status, ev.assertedBy = status, asserters
	ev.again = ev.prospective() && d.again(c)
	ev.spied = status == model.Reported && (speaker != nil && speaker.typ == model.Organization && intelligenceBody(speaker) || d.spySays(c))
}

// hedgedApposition: a hedge at j opens a short noun phrase set off by a
// comma ("the visit, likely his last as president, ended …", "will meet
// Museveni, likely the last such talks before the vote"): it hedges the
// description, not the event (ST-SPEC-1). It returns the phrase's closing
// comma or end, or -1.
func hedgedApposition(toks []token, j, end int) int {
	if j < 1 || j+1 >= end || toks[j-1].norm != "," || !cue.Hedges[toks[j].norm] || !gram.Determiners[toks[j+1].norm] {
		return -1
	}
	for e := j + 2; e <= j+8; e++ {
		if e >= end || toks[e].norm == "," || toks[e].norm == "." {
			return e // closed by a comma or by the clause's end
		}
		if !toks[e].word {
			return -1
		}
	}
	return -1
}

// causalDue: "due" at j opens "due to" as "because of" ("recalled its
// envoy due to its disapproval of …", "postponed due to security
// concerns"): a noun phrase follows, no infinitive, so it plans nothing
// (ST-PLAN-11). "is due to arrive" still plans.
func causalDue(toks []token, j int) bool {
	if toks[j].norm != "due" || j+2 >= len(toks) || !gram.Infinitive[toks[j+1].norm] {
		return false
	}
	n := toks[j+2]
	return gram.Determiners[n.norm] || n.cap || isNumberToken(n) || cue.CauseAfterDue[n.norm]
}

// notRuledOut: the trigger is what no one excludes, so only possible: "a
// meeting between the two leaders is not ruled out", "cannot be ruled
// out", "has not ruled out talks with" (ST-SPEC-6): speculative.
func (d *doc) notRuledOut(c *clause) bool {
	toks, k := c.toks, c.k
	for j := max(c.start, k-6); j < k; j++ {
		if r := cue.RuleOut.at(toks, j); r > 0 && j+r <= k && k-(j+r) <= 3 && (j > 0 && cue.PlanNegators[toks[j-1].norm] || j > 1 && cue.PlanNegators[toks[j-2].norm]) {
			return true
		}
	}
	if !c.noun {
		return false
	}
	return d.ruledOutAfter(c) == 2
}

// ruledOutAfter reads a noun trigger's own predicate for "ruled out": 1
// when it is ruled out ("a visit was ruled out": denied), 2 when it is not
// ("is not ruled out", "cannot be ruled out": possible), 0 when none.
func (d *doc) ruledOutAfter(c *clause) int {
	toks, k := c.toks, c.k
	for j := k + 1; j < c.end && j <= k+10; j++ {
		n := toks[j].norm
		if n == "," || n == ";" || gram.RelativeOpeners[n] || triggers[n] != nil {
			return 0
		}
		if cue.RuleOut.at(toks, j) == 0 {
			continue
		}
		for i := j - 1; i > k && i >= j-3; i-- {
			if cue.PlanNegators[toks[i].norm] {
				return 2
			}
		}
		return 1
	}
	return 0
}

// claimedIntent: who tells of a party's deliberation stands outside it:
// media or unnamed officials ("the Post reported that China is weighing
// sending shells"), or a named outsider on a transfer between others
// ("US officials said Beijing is considering supplying arms to Russia").
// The party's own word ("Japan is considering supplying radars, Tokyo
// said") or no one's leaves a possibility (ST-SPEC-5).
func (d *doc) claimedIntent(ev *event, c *clause, speaker *entity) bool {
	if speaker != nil && d.isParty(ev, speaker) {
		return false // "India is considering buying S-400s, Indian officials said"
	}
	if d.hearsay(ev, c, speaker) || d.cueWindow(c, cue.Reported) && !d.partyAccording(ev, c) {
		return !d.ownOutlet(ev, speaker)
	}
	return speaker != nil && kinds[ev.typ].base().directed && !d.isParty(ev, speaker)
}

// cueWindow: a word of set stands in the trigger's clause, up to twelve
// words before it or ten after it, as a cue of the trigger's own (not of a
// relative clause, a presupposed continuation, the month May, or a time
// told from the story's day).
func (d *doc) cueWindow(c *clause, set wordSet) bool {
	toks, k := c.toks, c.k
	for j := max(c.start, k-12); j < k; j++ {
		if set[toks[j].norm] && !d.presupposes(c.si, j) && !relativeApart(toks, j, k) && !monthNotModal(toks, j) && !storyTime(toks, j) && !causalDue(toks, j) {
			return true
		}
	}
	// "discussions may continue", "talks are expected next week"
	limit := min(c.end, k+10)
	for j := k + 1; j < limit; j++ {
		if gram.RelativeOpeners[toks[j].norm] {
			break // "a deal that could reshape the region": the hedge is the relative clause's
		}
		if e := hedgedApposition(toks, j, c.end); e > j {
			// "the visit, likely his last as president, will begin": the
			// hedge is the description's; the window reads past it.
			limit, j = min(c.end, limit+e-j), e
			continue
		}
		if !c.noun && gram.Infinitive[toks[j].norm] && j+1 < c.end && (gram.LightVerbs[toks[j+1].norm] || triggers[toks[j+1].norm] != nil) {
			break // "agreed on Monday to hold talks next month": the time is the talks', the agreement was made (ST-PLAN-5)
		}
		if d.conjoinedAhead(c, j) {
			break // "arrived in Lomé on Monday and will meet Faure": the plan is the second verb's (ST-PLAN-8)
		}
		if d.reducedAhead(c, j) {
			break // "cancels visit to Germany, likely to meet Lavrov": the hedge is the second predicate's (ST-SPEC-7)
		}
		if cue.RelativeAdverbs[toks[j].norm] && toks[j-1].norm == "," {
			break // "departed for Ghana on Tuesday, where he will meet Mahama" (ST-PLAN-8)
		}
		if set[toks[j].norm] && !d.presupposes(c.si, j) && (!cue.BeforeOnly[toks[j].norm] || set[toks[j-1].norm]) && !monthNotModal(toks, j) && !storyTime(toks, j) && !causalDue(toks, j) {
			return true
		}
	}
	return false
}

// conjoinedAhead: toks[j] is "and" opening a second predicate of the
// same subject ("and will meet", "and he is expected to", "and later
// plans to") after a trigger told in the past ("arrived in Lomé on Monday",
// "held talks on Monday"): the cues after it are the second verb's, and
// the past act stays a fact (ST-PLAN-8).
func (d *doc) conjoinedAhead(c *clause, j int) bool {
	toks := c.toks
	if !gram.Coordinators[toks[j].norm] || j+1 >= c.end {
		return false
	}
	n := j + 1
	if (gram.PersonPronouns[toks[n].norm] || gram.ItPronouns[toks[n].norm]) && n+1 < c.end {
		n++ // "and he will meet"
	}
	w := toks[n].norm
	return (gram.ConjoinedAdverbs[w] || cue.Planned[w] || cue.Hedges[w]) && d.pastAct(c)
}

// planCue: the trigger is told as still to come ("will", "is set to",
// "said it would send", "is travelling on Friday"); st is the statement
// that holds it, if any ("would" plans only in reported speech).
func (d *doc) planCue(c *clause, st *stmt) bool {
	k := c.k
	// "is expected in Lomé on Friday": the trigger is itself the plan word.
	return d.cueWindow(c, cue.Planned) || cue.Planned[c.toks[k].norm] || st != nil && !st.direct && d.cueWindow(c, cue.Conditional) ||
		st == nil && d.saidWould(c) || d.setTo(c) || d.destined(c) || d.prospective(c) || d.invitedTo(c) >= 0 || d.progressiveAhead(c) || d.purposeAhead(c) ||
		d.headlineFuture(c) || d.frontedPlan(c, st) || st == nil && d.narratedWould(c) || d.coordinatedPlan(c) || d.destinedObject(c) || d.commaInfinitive(c, c.k)
}

// narratedWould: "would" before the trigger carries on a plan told in the
// sentence before ("Ruto will travel to Japan on Monday, his office said.
// He would meet Ishiba in Tokyo."): reported speech continued without its
// speech verb, planned. A habitual or past "would" ("would often meet",
// "in 2019 he would meet", "would later become") tells the past, and a
// sentence with its own speech verb is saidWould's.
func (d *doc) narratedWould(c *clause) bool {
	toks, v := c.toks, c.k
	if c.noun {
		if v = d.governingVerb(c, c.k); v < 0 {
			return false
		}
	}
	would := -1
	for j := v - 1; j >= c.start && j >= v-3; j-- {
		if cue.Conditional[toks[j].norm] {
			would = j
			break
		}
		if !toks[j].word || !cue.Habitual[toks[j].norm] && !gram.ConjoinedAdverbs[toks[j].norm] {
			return false
		}
	}
	if would < 0 || c.si == 0 {
		return false
	}
	for _, t := range toks {
		if d.speechVerb(t.norm) || cue.Habitual[t.norm] || cue.PastTimes[t.norm] || isNumberToken(t) && len(t.norm) == 4 || t.norm == `"` {
			return false
		}
	}
	return d.planWords(c.si - 1)
}

// planWords: sentence si tells a plan: a plan word ("will", "is expected
// to", "plans") or "would" after a speech verb.
func (d *doc) planWords(si int) bool {
	toks := d.sents[si].tokens
	said := false
	for j, t := range toks {
		if d.speechVerb(t.norm) {
			said = true
		}
		if cue.Planned[t.norm] && !cue.BeforeOnly[t.norm] && !causalDue(toks, j) && !storyTime(toks, j) && !monthNotModal(toks, j) || said && cue.Conditional[t.norm] {
			return true
		}
	}
	return false
}

// headlineFuture: a headline's infinitive after its bare subject is what
// is still to come, the "is" dropped as headlines drop it ("Ramaphosa to
// visit Ivory Coast", "Ghana, Togo to hold talks", "Saudi prince goes to
// meet Trump"): planned (ST-PLAN-9). When anything before the "to" may
// govern the infinitive (a trigger, a speech verb, a wish, an offer, a
// request: "urges Iran to hold talks", "vows to impose sanctions"), that
// decides instead.
func (d *doc) headlineFuture(c *clause) bool {
	v := c.k
	if c.noun {
		if v = d.governingVerb(c, c.k); v < 0 {
			return false // "Visit to Japan to boost ties"
		}
	}
	if v <= c.start || c.toks[v-1].norm != "to" || d.lineKindAt(d.sents[c.si].start) != lineHeadline {
		return false
	}
	return !slices.ContainsFunc(c.toks[c.start:v-1], func(t token) bool {
		n := t.norm
		return triggers[n] != nil || d.speechVerb(n) || cue.Requests[n] || cue.Desire[n] || cue.Offer[n] || cue.Agree[n] ||
			cue.Decide[n] || cue.Invite[n] || cue.Negators[n] || cue.Deliberate[n] || cue.CalledOff[n] || cue.Commit[n]
	})
}

// frontedPlan: a trigger in a fronted adverbial of time shared with the
// main clause ("When Ramaphosa meets Ouattara on Thursday, he is expected
// to sign …", "in his talks with Trump, the prince, who is also defence
// minister, was expected to discuss …") happens when the main clause's act
// does, so a plan at the main clause's head is its plan too (ST-PLAN-10).
// The opener ([simultaneous]) starts the clause or follows "that" or a
// speech verb; "after", "since" tell an earlier event and are no openers,
// nor is an adverbial told in the past ("met", "last week").
func (d *doc) frontedPlan(c *clause, st *stmt) bool {
	toks, k := c.toks, c.k
	if !c.noun && pastTense(toks[k].norm) {
		return false
	}
	open := -1
	for j := k - 1; j >= c.start && j >= k-10; j-- {
		if n := toks[j].norm; n == "," || n == ";" {
			return false
		}
		if cue.Simultaneous[toks[j].norm] && (j == c.start || toks[j-1].norm == wordThat || d.speechVerb(toks[j-1].norm)) {
			open = j
			break
		}
	}
	if open < 0 {
		return false
	}
	comma := -1
	for j := k + 1; j < c.end && j <= k+14; j++ {
		if n := toks[j].norm; n == "," {
			comma = j
			break
		} else if cue.PastTimes[n] || pastTense(n) || gram.RelativeOpeners[n] {
			return false // "during his visit last week, …", "when he met …"
		}
	}
	if comma < 0 {
		return false
	}
	// The main clause's head: its subject, perhaps with a relative set off
	// by commas ("the prince, who is also defence minister, will …").
	for j, words := comma+1, 0; j < c.end && words < 8; j++ {
		n := toks[j].norm
		if n == "," && j+1 < c.end && gram.RelativePronouns[toks[j+1].norm] {
			for j++; j < c.end && toks[j].norm != ","; j++ {
			}
			continue
		}
		if cue.Planned[n] || cue.Destined.at(toks, j) > 0 || cue.SetTo.at(toks, j) > 0 || st != nil && !st.direct && cue.Conditional[n] {
			return true
		}
		if !toks[j].word || triggers[n] != nil || d.speechVerb(n) {
			return false
		}
		words++
	}
	return false
}

// planAhead: a plan that sources report, a hedge or a denial still looks
// ahead for its date: "is expected to arrive on Friday, according to
// sources", "will likely hold talks in early June", "will not travel on
// Friday" (ST-PLAN-6). Asked only of a dated mention that is not planned.
func (d *doc) planAhead(c *clause) bool {
	_, st := d.claimant(c.toks[c.k].start)
	return d.planCue(c, st) && !d.pastAct(c)
}

// negatedPlan returns the plan word or rule-out verb that a negation
// turns against the trigger, or -1: "there are no plans for Putin to meet
// Zelensky", "no decision to hold talks", "has no intention of meeting",
// "does not plan to visit" (a negator, then a plan word whose complement
// holds the trigger a few words on), "ruled out a visit", "ruled out
// meeting" (ST-NEG-2). A negation right before the trigger ("no meeting
// was planned") is no event (ST-NEG-1), and "has not ruled out talks"
// denies nothing.
func (d *doc) negatedPlan(c *clause) int {
	toks, k := c.toks, c.k
	if c.noun && d.ruledOutAfter(c) == 1 {
		return c.k // "a visit to Kyiv was ruled out" (ST-NEG-2)
	}
	if c.noun {
		// "Pompeo's visit to Seoul will not take place": the noun's own
		// predicate is a negated future of happening (ST-NEG-3).
		for j := k + 1; j < c.end && j <= k+10; j++ {
			if n := toks[j].norm; n == "," || n == ";" || gram.RelativeOpeners[n] {
				break
			}
			if r := negatedFuture(toks, j, c.end); r > 0 && cue.Happen.at(toks, j+r) > 0 {
				return j
			}
		}
	}
	for j := c.k - 1; j >= c.start && j >= k-8; j-- {
		n := toks[j].norm
		if n == "," || n == ";" || n == `"` && !scareQuote(toks, j) {
			return -1
		}
		// "will not hold talks", "won't be able to attend the summit"; not
		// "will not stop Ghana from visiting" (ST-NEG-3)
		if r := negatedFuture(toks, j, k); r > 0 && k-(j+r) <= 5 && onlyFillers(toks[j+r:k]) {
			return j
		}
		if r := cue.RuleOut.at(toks, j); r > 0 && j+r <= k && k-(j+r) <= 3 {
			if j > 0 && cue.PlanNegators[toks[j-1].norm] || j > 1 && cue.PlanNegators[toks[j-2].norm] {
				return -1 // "has not ruled out talks"
			}
			return j
		}
		// "his decision not to attend talks", "decided not to travel to" (ST-NEG-3)
		if cue.PlanNouns[n] || cue.Decide[n] {
			if r := notTo(toks, j+1, k); r > 0 && k-(j+1+r) <= 3 && onlyFillers(toks[j+1+r:k]) {
				return j
			}
		}
		if cue.PlanNouns[n] && j < k-1 && !slices.ContainsFunc(toks[j+1:k], func(t token) bool {
			// "no decision has been made on whether to sell": undecided, not denied
			return cue.Hedges[t.norm] || gram.PassiveAuxiliaries[t.norm]
		}) {
			for i := j - 1; i >= c.start && i >= j-3; i-- {
				if cue.PlanNegators[toks[i].norm] {
					return j
				}
				if !toks[i].word {
					break
				}
			}
		}
	}
	return -1
}

// negatedFuture returns the length of a negated future auxiliary at token
// j that ends before k ("will not", "won't", "is not going to"), or 0.
func negatedFuture(toks []token, j, k int) int {
	if !negatorNear(toks, j, k) {
		return 0 // the cheap test first: every phrase holds a negator
	}
	if r := cue.NegatedFuture.at(toks, j); j+r <= k {
		return r
	}
	return 0
}

// notTo returns the length of "not to" at token j, ending before k, or 0.
func notTo(toks []token, j, k int) int {
	if !negatorNear(toks, j, k) {
		return 0
	}
	if r := cue.NotTo.at(toks, j); j+r <= k {
		return r
	}
	return 0
}

// onlyFillers: what stands between a negated plan and its trigger is a
// filler, a light verb or a determiner ("be able to attend the").
func onlyFillers(toks []token) bool {
	return !slices.ContainsFunc(toks, func(t token) bool {
		return !cue.FutureFiller[t.norm] && !gram.LightVerbs[t.norm] && !gram.Determiners[t.norm]
	})
}

// notOnly: the negator before the trigger opens "not only … but also",
// which negates nothing ("will not only visit Togo but also Benin").
func (d *doc) notOnly(si, k int) bool {
	toks := d.sents[si].tokens
	for j := k - 1; j >= 0 && j >= k-4; j-- {
		if cue.NotOnly.at(toks, j) > 0 {
			return true
		}
	}
	return false
}

// negatorNear: a negator at token j or one of the two after it, before k.
func negatorNear(toks []token, j, k int) bool {
	for i := j; i < k && i <= j+2; i++ {
		if cue.Negators[toks[i].norm] {
			return true
		}
	}
	return false
}

// permitted: the trigger is what a rule or body permits, not what anyone
// does: "the resolutions allowed for sanctions to be adjusted", "the deal
// would allow Turkey to buy F-16s" (ST-SPEC-3): a possibility.
func (d *doc) permitted(c *clause) bool {
	for j := max(c.start, c.k-8); j < c.k; j++ {
		if n := cue.Permission.at(c.toks, j); n > 0 && j+n <= c.k {
			return !slices.ContainsFunc(c.toks[j+n:c.k], func(t token) bool { return t.norm == "," || t.norm == ";" })
		}
	}
	return false
}

// evidenceClaim: the trigger is what intelligence or information is said
// to show: "we have new information that arms negotiations are
// advancing", "US intelligence suggests Russia is buying drones", "an
// assessment that Iran supplied missiles" (ST-REP-3): a report, not a
// fact the speaker witnessed.
func (d *doc) evidenceClaim(c *clause) bool {
	toks := c.toks
	for j := c.k - 1; j >= 1 && j >= c.k-16; j-- {
		if !cue.EvidenceLinks[toks[j].norm] {
			continue
		}
		for i := j - 1; i >= 0 && i >= j-10; i-- {
			if cue.Evidence[toks[i].norm] {
				return true
			}
			if toks[i].norm == ";" || cue.EvidenceLinks[toks[i].norm] && toks[i].norm != wordThat {
				break
			}
		}
	}
	// "…, satellite imagery shows": the evidence closes the sentence.
	for j := c.k + 1; j+2 < len(toks); j++ {
		if toks[j].norm != "," {
			continue
		}
		for i := j + 1; i < len(toks)-1 && i <= j+4; i++ {
			if cue.Evidence[toks[i].norm] && cue.EvidenceLinks[toks[i+1].norm] && toks[i+1].norm != wordThat {
				return true
			}
			if !toks[i].word {
				break
			}
		}
	}
	return false
}

// believed: the trigger is what unnamed others believe, say or suspect,
// told in the passive before it: "North Korea is believed to have shipped
// shells", "Putin is said to have met Kim", "Iran is suspected of
// supplying drones" (ST-REP-5): a report, not a fact. A passive auxiliary
// opens it, and only a few words of the trigger's own verb phrase
// ("to have", "to be") stand between it and the trigger.
func (d *doc) believed(c *clause) bool {
	for j := max(c.start+1, c.k-6); j < c.k; j++ {
		if !gram.PassiveAuxiliaries[c.toks[j-1].norm] {
			continue
		}
		if n := cue.Belief.at(c.toks, j); n > 0 && j+n <= c.k {
			return !slices.ContainsFunc(c.toks[j+n:c.k], func(t token) bool { return !t.word })
		}
	}
	return false
}

// background: the trigger is told in a temporal clause as known fact:
// "after Shoigu visited Pyongyang", "since Pelosi's visit to Taiwan",
// "during a rare trip to Russia". Only a past verb or a noun: "before Xi
// visits Paris" is still to come.
func (d *doc) background(c *clause) bool {
	if !c.noun && !pastTense(c.toks[c.k].norm) {
		return false
	}
	for j := c.k - 1; j >= c.start && j >= c.k-12; j-- {
		n := c.toks[j].norm
		if cue.Background[n] {
			// "talks are expected to continue during Kim's trip": the
			// temporal clause takes its main clause's plan or hedge.
			for i := j - 1; i >= c.start && i >= j-12; i-- {
				m := c.toks[i].norm
				if m == "," || m == ";" {
					break // "…, diplomats said, after the bloc sanctioned …": another clause's
				}
				if cue.Planned[m] || cue.Hedges[m] || cue.Conditional[m] {
					return false
				}
			}
			return true
		}
		if n == "," || n == ";" || n == `"` || cue.Planned[n] || d.speechVerb(n) {
			return false
		}
		if j < c.k-1 && triggers[n] != nil {
			return false // "after talks on a visit": the clause is the first trigger's
		}
	}
	return false
}

// speechVerb: a word of lexicon/speech.txt.
func (d *doc) speechVerb(w string) bool {
	_, ok := d.x.lx.speech[w]
	return ok
}

// hearsay: the sentence attributes the trigger to media or unnamed
// sources ("officials said", "according to people familiar with the
// talks", "the newspaper reported"), or "according to" someone who takes
// no part in the event. "According to Pashinyan's office" about
// Pashinyan's meeting is the party's own account.
func (d *doc) hearsay(ev *event, c *clause, speaker *entity) bool {
	if speaker != nil && speaker.typ == model.Organization && speaker.kind == orgNews {
		// A state's own outlet telling its state's act ("KCNA said Kim
		// will visit Russia") gives the party's account.
		return !d.ownOutlet(ev, speaker) && !d.stateOutlet(ev, c)
	}
	if !kinds[ev.typ].base().announced && (speaker != nil && speaker.typ == model.Organization && intelligenceBody(speaker) && !d.isParty(ev, speaker) || d.spySays(c)) {
		// "the NIS said", "…: NIS", "Ukrainian intelligence says": what a
		// spy service says others did in secret is its report (ST-REP-3); a
		// summit or visit it mentions was public.
		return true
	}
	src := d.accordingTo(c.si, true, c.k)
	if src != nil && (d.isParty(ev, src) || d.ownOutlet(ev, src)) {
		return false // "according to officials at [a party's agency]": the party's own account
	}
	return d.unnamedSource(c) || d.tailUnnamed(c.si) || src != nil
}

// partyAccording: "according to" names a party to the event or its state
// ("according to Iran's foreign ministry, Iran delivered drones", "held
// talks, according to the Kremlin"), or the party's state outlet ("test-fired
// a missile, according to KCNA"): the party's own account, not a report
// (ST-SELF-1, ST-REP-2).
func (d *doc) partyAccording(ev *event, c *clause) bool {
	src := d.accordingTo(c.si, true, c.k)
	return src != nil && (d.isParty(ev, src) || d.ownOutlet(ev, src))
}

// ownOutlet: the speaker is the state outlet of a party ("KCNA reported
// that Kim will visit Russia"): the party's own account, not media hearsay.
func (d *doc) ownOutlet(ev *event, speaker *entity) bool {
	if speaker == nil || speaker.typ != model.Organization || speaker.kind != orgNews {
		return false
	}
	state := d.countryByISO(speaker.country)
	return state != nil && d.isParty(ev, state) && stateMedia(speaker)
}

// stateOutlet: the sentence's source is a state outlet by description,
// whatever its name ("…, state broadcaster PTV reported", "according to
// the official news agency", "Iranian state television said"): the
// party's own account, not media hearsay, unless a demonym or name before
// it gives a state that takes no part in the event ("Russian state media
// said Ukraine …") (ST-REP-2).
func (d *doc) stateOutlet(ev *event, c *clause) bool {
	toks := c.toks
	for j := range toks {
		n := cue.StateOutlets.at(toks, j)
		if n == 0 {
			continue
		}
		if !d.sourceFrame(toks, j, j+n) {
			continue
		}
		for i := j - 1; i >= 0 && i >= j-2; i-- {
			if m := d.mentionAt(c.si, i); m != nil {
				return d.isParty(ev, m.ent)
			}
			if toks[i].norm != "'s" && !gram.Determiners[toks[i].norm] {
				break
			}
		}
		return true
	}
	return false
}

// sourceFrame: the words at [j, e) name a source: a speech verb follows
// within a few words (a name may stand between: "state broadcaster PTV
// reported"), or "according to", "citing", "by" stands before them.
func (d *doc) sourceFrame(toks []token, j, e int) bool {
	for v := e; v < len(toks) && v <= e+3; v++ {
		if d.speechVerb(toks[v].norm) {
			return true
		}
		if !toks[v].word {
			break
		}
	}
	return attributedTo(toks, j) || j > 0 && (toks[j-1].norm == "citing" || toks[j-1].norm == "by") ||
		j > 1 && gram.Determiners[toks[j-1].norm] && (toks[j-2].norm == "citing" || toks[j-2].norm == "by")
}

// stateMedia: the outlet is one its state owns and runs (status.txt),
// by its name or an alias.
func stateMedia(e *entity) bool {
	// Names are single-spaced, so normalizing the whole name is
	// normalizing it word by word (normEntry) without splitting it.
	if cue.StateMedia[normWord(e.name)] {
		return true
	}
	for _, a := range e.aliases {
		if cue.StateMedia[normWord(a)] {
			return true
		}
	}
	return false
}

// intelligenceBody: the organization is a spy service, by a word of its
// name or an alias ("Central Intelligence Agency", "NIS" alias "South
// Korean spy agency").
func intelligenceBody(e *entity) bool {
	if spyName(e.name) {
		return true
	}
	return slices.ContainsFunc(e.aliases, spyName)
}

// spyName: a word of the name is an [intelligence] word. ASCII words are
// lowered in a stack buffer (no allocation: merges ask it often); others
// go through normWord.
func spyName(name string) bool {
	for w := range strings.FieldsSeq(name) {
		var buf [24]byte
		if len(w) <= len(buf) && asciiLetters(w) {
			for i := 0; i < len(w); i++ {
				buf[i] = w[i] | 0x20
			}
			if cue.Intelligence[string(buf[:len(w)])] {
				return true
			}
			continue
		}
		if cue.Intelligence[normWord(w)] {
			return true
		}
	}
	return false
}

// asciiLetters: w is made of ASCII letters only.
func asciiLetters(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i] | 0x20; c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

// spySays: a spy service named by a word speaks in the sentence
// ("Ukrainian intelligence says", "British military intelligence said").
func (d *doc) spySays(c *clause) bool {
	for j, t := range c.toks {
		if cue.Intelligence[t.norm] {
			for v := j + 1; v < len(c.toks) && v <= j+2; v++ {
				if d.speechVerb(c.toks[v].norm) {
					return true
				}
			}
		}
	}
	return false
}

// tailStart returns where the source closing sentence si after a colon
// begins ("N. Korea fires missile: Seoul", "Kim to visit Russia: KCNA",
// "… since August: NIS", "…: sources"), or -1: headlines name who says
// them that way (ST-REP-4). The tail is at most five words and holds no
// verb that would make it a clause of its own.
func (d *doc) tailStart(si int) int {
	toks := d.sents[si].tokens
	n := len(toks)
	for n > 0 && (toks[n-1].norm == "." || toks[n-1].norm == ")") {
		n--
	}
	for j := n - 1; j >= 1 && j >= n-6; j-- {
		t := toks[j]
		if t.norm == ":" {
			if j+1 < n {
				return j + 1
			}
			return -1
		}
		if !t.word && t.norm != "'s" && t.norm != "-" || d.speechVerb(t.norm) {
			return -1
		}
	}
	return -1
}

// tailSource: the entity named as the source after a closing colon.
func (d *doc) tailSource(si int) *entity {
	j := d.tailStart(si)
	if j < 0 {
		return nil
	}
	toks := d.sents[si].tokens
	for ; j < len(toks); j++ {
		if m := d.mentionAt(si, j); m != nil {
			return m.ent
		}
	}
	return nil
}

// tailUnnamed: the closing source names no one ("…: sources", "…: US
// officials", "…: report").
func (d *doc) tailUnnamed(si int) bool {
	j := d.tailStart(si)
	if j < 0 {
		return false
	}
	toks := d.sents[si].tokens
	for ; j < len(toks); j++ {
		if cue.Unnamed.at(toks, j) > 0 || cue.Reported[toks[j].norm] || cue.ClaimNouns[toks[j].norm] {
			return true
		}
	}
	return false
}

// orgNews is the organization kind of outlets (gazetteer and orgwords.txt).
const orgNews = "news"

// unnamedSource: unnamed sources say what the clause states: "officials
// said" (or "told") before it opening reported speech, or closing the
// sentence after it; "according to sources", "citing diplomats". Officials
// who meet ("officials met") are parties, not sources: only a speech verb
// makes them a source.
func (d *doc) unnamedSource(c *clause) bool {
	toks := c.toks
	for j := range toks {
		n := cue.Unnamed.at(toks, j)
		if n == 0 || cue.StateOutlets.at(toks, j) > 0 {
			continue // "the official news agency said": a state outlet (stateOutlet)
		}
		if j > 0 && toks[j-1].norm == "citing" || attributedTo(toks, j) {
			return true
		}
		for v := j + n; v < len(toks) && v <= j+n+3; v++ {
			if d.speechVerb(toks[v].norm) {
				// Before the trigger it opens reported speech; after it,
				// it closes the sentence (", officials said Tuesday.").
				return v < c.k || len(toks)-v <= 8
			}
			if !toks[v].word {
				break
			}
		}
	}
	return false
}

// attributedTo: "according to" stands right before toks[j] or before up to
// two words qualifying it ("according to diplomats", "according to US
// officials", "according to senior Western diplomats").
func attributedTo(toks []token, j int) bool {
	for a := j - 2; a >= 0 && a >= j-4; a-- {
		if n := gram.Attribution.at(toks, a); n > 0 && a+n <= j {
			return true
		}
		if !toks[a+1].word {
			return false
		}
	}
	return false
}

// saidWould: "would" before the trigger in reported speech whose speaker
// is not one the article names ("the president said he would ask Congress
// for aid", "it said negotiations would be led by"); a quote mark between
// the speech verb and the trigger makes it a quotation, where "would" is
// as often a conditional.
func (d *doc) saidWould(c *clause) bool {
	if c.noun && d.wouldHappen(c) {
		return d.saidBefore(c)
	}
	would := false
	for j := c.k - 1; j >= 0 && j >= c.k-15; j-- {
		n := c.toks[j].norm
		switch {
		case n == `"` && !scareQuote(c.toks, j): // "an “unprecedented” package" is no quotation
			return false
		case cue.Conditional[n]:
			would = true
		case would && d.speechVerb(n):
			return true
		}
	}
	return false
}

// wouldHappen: "would" follows the noun trigger as its predicate and
// makes it happen ("negotiations would be led by", "the talks would take
// place"); "the sanctions would hurt" tells an effect, not a plan.
func (d *doc) wouldHappen(c *clause) bool {
	for j := c.k + 1; j < c.end && j <= c.k+4; j++ {
		if cue.Conditional[c.toks[j].norm] {
			return cue.Happen.at(c.toks, j+1) > 0
		}
		if !c.toks[j].word && c.toks[j].norm != "-" {
			return false
		}
	}
	return false
}

// saidBefore: a speech verb before the trigger opens the reported speech
// that holds it, with no quotation mark between them.
func (d *doc) saidBefore(c *clause) bool {
	for j := c.k - 1; j >= 0 && j >= c.k-15; j-- {
		n := c.toks[j].norm
		if n == `"` && !scareQuote(c.toks, j) {
			return false
		}
		if d.speechVerb(n) {
			return true
		}
	}
	return false
}

// hedgedNoun: a hedging adjective stands before the noun trigger in its
// phrase ("talks on a possible sale", "potential sanctions"), or is its
// predicate ("a visit by Putin is possible"). A sale that
// is approved or signed is committed, whatever its adjective ("approved
// the possible sale of F-16 parts", an arms agency's formula).
func (d *doc) hedgedNoun(c *clause) bool {
	if !c.noun {
		return false
	}
	for j := c.k - 1; j >= c.start && j >= c.k-3; j-- {
		if cue.HedgeAdjectives[c.toks[j].norm] {
			for i := j - 1; i >= c.start && i >= j-3; i-- {
				if cue.Commit[c.toks[i].norm] {
					return false
				}
			}
			return true
		}
		if !c.toks[j].word && c.toks[j].norm != "-" {
			break
		}
	}
	// "a visit by Putin to Pyongyang is possible", "a deal remains possible"
	for j := c.k + 1; j+1 < c.end && j <= c.k+8; j++ {
		n := c.toks[j].norm
		if n == "," || gram.RelativeOpeners[n] {
			break
		}
		if (gram.PassiveAuxiliaries[n] || cue.Presupposing[n]) && cue.HedgeAdjectives[c.toks[j+1].norm] {
			return true
		}
	}
	return false
}

// storyTime: the word at j ("next") opens a time counted from the story's
// own day, which a past narrative uses as often as a plan: "the next
// morning, Macron visited Berlin" (ST-PLAN-4).
func storyTime(toks []token, j int) bool {
	if j+1 >= len(toks) {
		return false
	}
	unit := toks[j+1].norm
	return cue.StoryDays[unit] || cue.StorySpans[unit] && j > 0 && toks[j-1].norm == "the"
}

// progressiveAhead: a present progressive with a time still to come
// ("Biden is travelling to Israel on Friday", "the ministers are meeting
// next week") announces the event; without one ("is visiting Israel") it
// is under way.
//
// A present simple ("Mahama travels to Togo later this month", "meets Faure
// on May 28", a headline's tense) announces too, but only with a date that
// is itself after publication or a time word pointing ahead: in a headline
// or caption a bare weekday ("fires missile on Thursday") is as often the
// day just past; in the body, with a purpose, it is the next such day
// ("Faye arrives in Lomé on Friday for talks", ST-PLAN-3).
func (d *doc) progressiveAhead(c *clause) bool {
	k := c.k
	if c.noun || k < 1 {
		return false
	}
	w := c.toks[k].norm
	progressive := strings.HasSuffix(w, "ing") && cue.PresentBe[c.toks[k-1].norm]
	simple := strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !pastTense(w)
	if !progressive && !simple {
		return false
	}
	// In the body a present simple with a day and a purpose is a schedule
	// ("Faye arrives in Lomé on Friday for talks"); headlines and captions
	// tell the day just past in it ("Kim inspects missile launch on
	// Thursday", "Austin shakes hands with Umerov on Tuesday").
	end := min(c.phraseEnd(k), k+12)
	body := simple && d.lineKindAt(d.sents[c.si].start) == lineBody && purposeAfter(c.toks, k+1, min(c.end, k+16))
	date := d.dateNear(c.si, k+1, end, progressive || body)
	if date == "" || d.published.IsZero() {
		return false
	}
	pub := d.published.Format("2006-01-02")
	return date > pub[:min(len(date), len(pub))] || len(date) < len(pub) && date == pub[:len(date)] && d.dateAhead(c, k)
}

// purposeAfter: a purpose follows in toks[j:e]: "for" before a noun
// trigger ("for talks with Faure", "for a state visit") or "to" before a
// trigger or its light verb ("to meet Faure", "to hold talks").
func purposeAfter(toks []token, j, e int) bool {
	for i := j; i+1 < e; i++ {
		switch n := toks[i].norm; {
		case cue.Purpose[n]:
			for m := i + 1; m < e && m <= i+4; m++ {
				if tr := triggers[toks[m].norm]; tr != nil && !tr.verbOnly {
					return true
				}
			}
		case gram.Infinitive[n]:
			if m := toks[i+1].norm; triggers[m] != nil || gram.LightVerbs[m] {
				return true
			}
		}
	}
	return false
}

// purposeAhead: a noun trigger is the purpose of a journey that a present
// tense announces: "Mahama travels to Lomé later this month for talks with
// Faure" (the talks are as far ahead as the trip; ST-PLAN-3). The journey
// is a visit's verb before "for" in the same phrase, or a journey under
// way ("is on his way to Accra for talks", "are heading to Doha for
// talks": the talks are still ahead; ST-PLAN-8).
func (d *doc) purposeAhead(c *clause) bool {
	k := c.k
	if !c.noun || k < 2 || !cue.Purpose[c.toks[k-1].norm] {
		return false
	}
	for j := k - 2; j >= c.start && j >= k-14; j-- {
		n := c.toks[j].norm
		if n == "," || n == ";" {
			return false
		}
		if j > c.start && cue.PresentBe[c.toks[j-1].norm] && cue.EnRoute.at(c.toks, j) > 0 {
			return true // "is on his way to Accra for talks with Mahama": the journey is under way, the talks ahead
		}
		if tr := triggers[n]; tr != nil && !tr.noun && slices.ContainsFunc(tr.kinds, func(kd kind) bool { return kd.base().typ == model.Visit }) {
			if enRouteCovers(c, j) {
				continue // "way" of "is on his way to": read on to its "is" (EV-HOST-1 makes it a trigger too)
			}
			journey := *c
			journey.k, journey.noun = j, false
			return d.progressiveAhead(&journey)
		}
	}
	return false
}

// enRouteCovers: toks[j] lies inside a journey-under-way phrase ("on his
// way to", "en route to") that starts up to three words before it.
func enRouteCovers(c *clause, j int) bool {
	for i := max(c.start, j-3); i < j; i++ {
		if i+cue.EnRoute.at(c.toks, i) > j {
			return true
		}
	}
	return false
}

// stopAhead: a further stop of a tour told as a fact lies in a relative
// clause that plans it: "arrived in Lomé on Wednesday, the first leg of a
// tour that will also take him to Benin and Nigeria" (ST-PLAN-7). The stop
// is the last participant of the extra visit; its mention comes after the
// trigger, and a relative opener, then a plan word, stand between.
func (d *doc) stopAhead(c *clause, more *event) bool {
	if len(more.participants) < 2 {
		return false
	}
	stop := more.participants[len(more.participants)-1]
	rel := -1
	for j := c.k + 1; j < len(c.toks); j++ {
		if m := d.mentionAt(c.si, j); m != nil {
			if d.stateOf(m.ent) == stop {
				return false
			}
			j = m.tj - 1
			continue
		}
		switch n := c.toks[j].norm; {
		case gram.RelativeOpeners[n]:
			rel = j
		case rel >= 0 && (cue.Planned[n] || cue.Conditional[n]):
			// the plan word of the relative clause: find the stop after it
			for i := j + 1; i < len(c.toks); i++ {
				if m := d.mentionAt(c.si, i); m != nil {
					if d.stateOf(m.ent) == stop {
						return true
					}
					i = m.tj - 1
				}
			}
			return false
		}
	}
	return false
}

// dateAhead: a time word after the trigger points ahead ("next week",
// "later this month").
func (d *doc) dateAhead(c *clause, k int) bool {
	for j := k + 1; j < c.end && j <= k+12; j++ {
		if cue.Ahead[c.toks[j].norm] {
			return true
		}
	}
	return false
}

// wished: the trigger is the infinitive of a wish ("has pressed the
// administration for years to buy the F-35", "hopes to visit"), an offer or
// a threat ("offered to host talks", "threatened to impose sanctions";
// ST-SPEC-4): a possibility, not a plan or an act.
func (d *doc) wished(c *clause) bool {
	inf := c.k - 1 // "hopes to visit"
	if c.noun {
		// "threatened to impose sanctions", "offered to host talks": the
		// noun's verb is the infinitive.
		for inf = c.k - 1; inf > c.start && inf >= c.k-4 && !gram.Infinitive[c.toks[inf].norm]; inf-- {
			if !c.toks[inf].word {
				return false
			}
		}
	}
	if inf < c.start+1 || !gram.Infinitive[c.toks[inf].norm] {
		return false
	}
	for j := inf - 1; j >= c.start && j >= inf-7; j-- {
		if cue.Desire[c.toks[j].norm] || cue.Offer[c.toks[j].norm] {
			return true
		}
		if !c.toks[j].word {
			return false
		}
	}
	return false
}

// again: a plan told with "again", "another", "follow-on", "a new round"
// around its trigger is a further meeting or visit, not the one already
// told ("they met on Monday and will meet again in Paris").
func (d *doc) again(c *clause) bool {
	for j := max(c.start, c.k-4); j < min(c.end, c.k+4); j++ {
		if j != c.k && cue.Again.at(c.toks, j) > 0 {
			return true
		}
	}
	return false
}

// invitedTo returns the invite word whose infinitive the trigger is
// ("invited Kim to visit Moscow", "an invitation to visit China"), or -1:
// what someone is invited to do is planned, not done (EV-HOST-2).
func (d *doc) invitedTo(c *clause) int {
	if c.noun || c.k < 2 || !gram.Infinitive[c.toks[c.k-1].norm] {
		return -1
	}
	for j := c.k - 2; j >= c.start && j >= c.k-12; j-- {
		if cue.Invite[c.toks[j].norm] {
			return j
		}
		if !c.toks[j].word && c.toks[j].norm != "." {
			return -1 // "invited Kim, who wants to visit": another clause
		}
	}
	return -1
}

// statedAfter: the noun trigger's own verb, after its phrase, says the
// event happened: "deliveries of the S-400 to India had begun in
// November", "the talks took place in Doha" (not "talks that began").
func (d *doc) statedAfter(c *clause) bool {
	for j := c.k + 1; j < c.end && j < c.k+14; j++ {
		n := c.toks[j].norm
		if n == "," || gram.RelativeOpeners[n] || triggers[n] != nil {
			return false
		}
		if gram.PastPredicates[n] {
			return true
		}
	}
	return false
}

// destined: "be" and the infinitive stand right before a verb trigger or
// the light verb that governs a noun trigger: "Putin is to visit Turkey",
// "Mahama was to meet Faure on Friday" (a plan told from the past, kept
// as the plan whatever became of it), "the two were to hold talks"
// (ST-PLAN-8).
func (d *doc) destined(c *clause) bool {
	v := c.k
	if c.noun {
		if v = d.governingVerb(c, c.k); v < 0 {
			return false
		}
	}
	return v >= 2 && cue.Destined.at(c.toks, v-2) == 2
}

// setTo: "is set to meet" plans; "the agenda set by Biden" does not.
func (d *doc) setTo(c *clause) bool {
	for j := max(c.start, c.k-4); j < min(c.end, c.k+14); j++ {
		if j > c.k && gram.RelativeOpeners[c.toks[j].norm] {
			break
		}
		if j > c.k && c.toks[j].norm == "," && gram.Comitative[c.norm(j+1)] {
			break // "agreed to expand trade, with Turkey set to pay in rubles": the with-clause's plan
		}
		if j > c.k && d.conjoinedAhead(c, j) {
			break // "visited Togo on Monday and is set to travel to Benin"
		}
		if j > c.k && d.reducedAhead(c, j) {
			break // "arrived in Accra on Monday, set to meet Mahama" (ST-SPEC-7)
		}
		if j > c.k && cue.RelativeAdverbs[c.toks[j].norm] && c.toks[j-1].norm == "," {
			break // "arrived in Accra, where a deal is set to be signed"
		}
		if j != c.k && cue.SetTo.at(c.toks, j) > 0 {
			return true // "is set to meet"; "a summit … is set for next month"
		}
	}
	return false
}

// cancelledOn: a plan called off keeps no date that lies before the
// story's day: a past day beside "cancelled" is the day it was called off
// ("called off his visit to Togo on Tuesday"), not the day of the plan
// (ST-PLAN-2). A day still ahead is the plan's ("postponed the summit due
// on Friday" told on Wednesday).
func (d *doc) cancelledOn(c *clause, date string) bool {
	return d.past(date) && d.calledOff(c)
}

// calledOff: the trigger is the object of a verb that calls it off
// ("cancelled his trip", "postponed the summit", "called off talks"), or
// the subject of that verb in the passive ("Blinken's trip to Beijing was
// postponed", "the summit has been called off").
func (d *doc) calledOff(c *clause) bool {
	if c.noun {
		for j := c.k + 1; j < c.end && j <= c.k+10; j++ {
			n := c.toks[j].norm
			if n == "," || gram.RelativeOpeners[n] || triggers[n] != nil && !cue.CalledOff[n] {
				break
			}
			if gram.PassiveAuxiliaries[n] && cue.CalledOff.at(c.toks, j+1) > 0 {
				return true
			}
		}
	}
	for j := c.k - 1; j >= c.start && j >= c.k-5; j-- {
		if n := cue.CalledOff.at(c.toks, j); n > 0 && j+n <= c.k {
			return true
		}
		if !c.toks[j].word && c.toks[j].norm != "'s" && c.toks[j].norm != "-" {
			return false
		}
	}
	return false
}

// committed: a transfer stated by its pledge or offer, or as what is
// agreed to ("a deal to buy", "agreed to provide"); with contracts, also by
// the contract, order or approval that governs it ("signed a contract
// for", "approved the sale of"): not yet delivered.
func (d *doc) committed(c *clause, contracts bool) bool {
	if c.tr.has(sensePlan) && (contracts || !c.tr.noun) || c.k > 0 && gram.Infinitive[c.toks[c.k-1].norm] {
		return true
	}
	for j := c.k - 1; contracts && j >= c.start && j >= c.k-8; j-- {
		if w := c.toks[j].norm; cue.Commit[w] {
			if sv, says := d.x.lx.speech[w]; says && cue.Announce[sv.lemma] && cue.CompletedNouns[c.toks[c.k].norm] {
				continue // "the junta announced the delivery of helicopters": done, not promised
			}
			return true
		}
		if c.toks[j].norm == "," || c.toks[j].norm == ";" {
			break
		}
	}
	return false
}

// isParty: the speaker, or the state they speak for, takes part.
func (d *doc) isParty(ev *event, speaker *entity) bool {
	state := d.stateOf(speaker)
	for _, p := range append([]*entity{ev.supplier, ev.recipient}, ev.participants...) {
		// An official acts for their state: "according to the White House"
		// about Biden's meeting is the party's own account.
		if p != nil && (p == speaker || p == state || d.stateOf(p) == state && (p.typ == model.Country || p.typ == model.Person && p.role != "")) {
			return true
		}
	}
	return false
}

// prospective: the trigger is what is still to be negotiated, begun or
// signed ("agreed to begin negotiations on an agreement", "talks on a
// treaty", "to sign a pact").
func (d *doc) prospective(c *clause) bool {
	for j := max(c.start, c.k-8); j < c.k; j++ {
		if n := cue.Prospective.at(c.toks, j); n > 0 && j+n <= c.k {
			return true
		}
	}
	return false
}

// presupposes: "expected to continue" does not plan an event, it says the
// event is under way.
func (d *doc) presupposes(si, j int) bool {
	toks := d.sents[si].tokens
	for n := j + 1; n < len(toks) && n <= j+3; n++ {
		if cue.Presupposing[toks[n].norm] {
			return true
		}
	}
	return false
}

// doers is implemented by kinds whose first participant is not the one
// who does the event (a sanction's imposers are all but its target).
type doers interface{ doers(ev *event) []*entity }

// ownAct: the speaker (or their state) does the event rather than receives it.
func (d *doc) ownAct(ev *event, speaker *entity) bool {
	state := d.stateOf(speaker)
	if ev.supplier != nil {
		return ev.supplier == state || ev.supplier == speaker
	}
	by := ev.participants[:min(1, len(ev.participants))]
	if k, ok := kinds[ev.typ].(doers); ok {
		by = k.doers(ev)
	}
	return containsEntity(by, state) || containsEntity(by, speaker)
}

// claimant returns who says the words at byte pos: the speaker of the
// quotation or reported speech that holds it.
func (d *doc) claimant(pos int) (*entity, *stmt) {
	// Statements are sorted by start (findStatements) and rarely nest, so
	// the ones that can hold pos are the last few starting before it.
	i := sort.Search(len(d.stmts), func(i int) bool { return d.stmts[i].start > pos })
	for j := i - 1; j >= 0 && j >= i-4; j-- {
		if s := d.stmts[j]; pos < s.end && s.speaker != nil {
			return s.speaker, s
		}
	}
	return nil, nil
}

// accordingTo returns the source of "according to X" in sentence si, or
// also of "as announced by X" unless onlyReports. An attribution inside a
// relative clause that does not hold the trigger at k (k < 0: any) is that
// clause's ("Pakistan, which according to Sipri buys most of its arms
// from China, received …").
func (d *doc) accordingTo(si int, onlyReports bool, k int) *entity {
	s := d.sentence(si)
	for j := 0; j+2 < len(s.toks); j++ {
		n := gram.Attribution.at(s.toks, j)
		if n == 0 && !onlyReports && cue.AnnouncedBy.at(s.toks, j) == 2 {
			n = 2
		}
		if n > 0 && (k < 0 || !relativeApart(s.toks, j, k)) {
			if os := d.objects(s, j+n); len(os) > 0 {
				return os[0]
			}
		}
	}
	return nil
}

// relativeApart: token j lies in a relative clause set off by commas
// (", which … ,") that does not hold token k.
func relativeApart(toks []token, j, k int) bool {
	open, bare := -1, false
	for i := j - 1; i >= 1; i-- {
		if toks[i].norm == "," || toks[i].norm == ";" {
			break
		}
		if gram.RelativePronouns[toks[i].norm] || gram.RelativeOpeners[toks[i].norm] {
			open, bare = i, toks[i-1].norm != ","
			break
		}
	}
	if open < 0 {
		return false
	}
	if bare {
		// "In a move that may anger Beijing, Biden met …": a relative
		// without a comma before it is apart only when a comma closes it
		// before k ("said that talks may resume" holds what follows).
		for i := j + 1; i < k; i++ {
			if toks[i].norm == "," {
				return true
			}
		}
		return false
	}
	end := len(toks)
	for i := j + 1; i < len(toks); i++ {
		if toks[i].norm == "," {
			end = i
			break
		}
	}
	return k < open || k >= end
}

// denier returns who denies the trigger at k: the subject of a deny verb
// before it in the sentence ("Iran has denied supplying", "the Kremlin
// rejected reports that …").
func (d *doc) denier(si, k int) *entity {
	toks := d.sents[si].tokens
	for j := k - 1; j >= 0 && j >= k-14; j-- {
		if d.denyVerb(toks[j].norm) && !noComment(toks, j) {
			if sp := d.speakerBefore(si, j, 0); sp != nil {
				return sp
			}
			return d.subject(d.sentence(si), j)
		}
		if toks[j].norm == ";" || toks[j].norm == `"` {
			break
		}
	}
	return nil
}

// denyVerb: a speech verb of the deny kind (lexicon/speech.txt).
func (d *doc) denyVerb(w string) bool {
	sv, ok := d.x.lx.speech[w]
	return ok && sv.kind == speechDeny
}

// addEvent adds an event, or merges it into the one it mentions again:
// same type and the same parties (one side may be unknown in a mention).
// A denial never merges with the claim it denies.
func (d *doc) addEvent(ev *event) {
	if ev.open {
		d.oneSided = append(d.oneSided, ev)
		return
	}
	for _, have := range d.events {
		if !d.sameEvent(have, ev) {
			continue
		}
		if !d.further(have, ev) {
			d.headlineYields(have, ev)
			have.merge(ev)
			return
		}
		if len(ev.participants) < 2 && kinds[ev.typ].base().announced {
			// "Trump, who landed a few hours later", after "he expected
			// to visit Pyongyang eventually": a fact naming one party
			// cannot be that possibility, and names no event of its own.
			// (One launcher is a whole missile test.)
			return
		}
	}
	// A transfer whose giver or receiver is unknown adds only to an event
	// already known, unless it is denied (the denial names the claim); so
	// does a meeting or agreement with one party ("the agreement"). The
	// transfer may still find its other side in the article (impliedSides).
	kb := kinds[ev.typ].base()
	if ev.status != model.Denied && kb.directed && !ev.nominal && !ev.strangers && (ev.supplier == nil) != (ev.recipient == nil) {
		d.oneSided = append(d.oneSided, ev)
		return
	}
	if ev.status != model.Denied && (kb.directed && (ev.supplier == nil || ev.recipient == nil) || len(ev.participants) < kb.alone) {
		return
	}
	d.events = append(d.events, ev)
}

// headlineYields: a headline states in brief what the body tells, in
// the headline's own tense: "Iran sends drones to Russia" over "Iran has
// sent drones to Russia, Ukraine said" (ST-MERGE-2), "Ramaphosa to visit
// Ivory Coast" over "Ramaphosa arrived in Abidjan on Thursday", "Kim visits
// Russia" over "Kim will visit Russia next week". A headline with no source
// of its own takes the status of the body's first mention that states
// something (not a bare noun) (ST-PLAN-9).
func (d *doc) headlineYields(have, ev *event) {
	switch {
	case d.briefOf(have, ev) && d.onlyHeadline(have) && !ev.weak:
		have.status, have.assertedBy, have.claimedIn, have.weak = ev.status, nil, nil, false
	case d.briefOf(ev, have) && d.onlyHeadline(ev) && !have.weak:
		ev.status, ev.assertedBy, ev.claimedIn, ev.weak = have.status, nil, nil, false
	}
}

// briefOf: one mention is only in the headline, with no source of its
// own, and the other is in the body: the headline is the body's brief.
func (d *doc) briefOf(a, b *event) bool {
	head := func(e *event) bool { return d.onlyHeadline(e) && len(e.assertedBy) == 0 && e.status != model.Denied }
	return head(a) && !d.onlyHeadline(b) || head(b) && !d.onlyHeadline(a)
}

// onlyHeadline: every mention of the event so far is in the headline or a
// dek.
func (d *doc) onlyHeadline(e *event) bool {
	return d.lineKindAt(d.sents[e.lastSent].start) == lineHeadline
}

// impliedTarget gives a sanction that names only its imposer ("Washington
// tightened sanctions in 2019") the target of the article's other
// sanctions, when they all have one.
func (d *doc) impliedTarget(ev *event) {
	var target *entity
	for _, have := range d.events {
		if have.typ != ev.typ || have.status == model.Denied {
			continue
		}
		t := d.stateOf(have.participants[len(have.participants)-1])
		if target != nil && t != target {
			return
		}
		target = t
	}
	if target == nil || target == ev.participants[0] || target.typ != model.Country {
		return
	}
	ev.participants, ev.open = append(ev.participants, target), false
	d.addEvent(ev)
}

// impliedSides gives a transfer verb that names only one side, a state,
// and no other state in its clause, the other side
// the article has established: when every transfer the article states
// with that side unknown here goes to one and the same recipient (or comes
// from one supplier), "Berlin said it would deliver 40 Marder vehicles"
// in an article about arms for Ukraine goes to Ukraine. An article whose
// transfers go to several recipients implies none.
func (d *doc) impliedSides() {
	pending := d.oneSided
	d.oneSided = nil
	for _, ev := range pending {
		if ev.open {
			d.impliedTarget(ev)
			continue
		}
		var other *entity
		unique := true
		for _, have := range d.events {
			if !kinds[have.typ].base().directed || have.status == model.Denied || have.supplier == nil || have.recipient == nil {
				continue
			}
			side := have.recipient
			if ev.recipient != nil {
				side = have.supplier
			}
			if other != nil && side != other {
				unique = false
			}
			other = side
		}
		if ev.recipient == nil {
			// "Donors pledge $20 billion for Afghanistan": gifts by givers
			// the article does not name establish the recipient too (EV-AID-7).
			for _, have := range pending {
				if have.supplier != nil || have.recipient == nil || have.status == model.Denied || !kinds[have.typ].base().directed {
					continue
				}
				if other != nil && have.recipient != other {
					unique = false
				}
				other = have.recipient
			}
		}
		known := ev.supplier
		if known == nil {
			known = ev.recipient
		}
		donor := known.typ == model.Organization && ev.listed && ev.recipient == nil
		if other == nil || !unique || other == known || known.typ != model.Country && !donor {
			continue // (a bank or agency may give aid: "the World Bank US$1.1 billion", EV-AID-7)
		}
		if ev.supplier == nil {
			ev.supplier = other
		} else {
			ev.recipient = other
		}
		ev.participants = uniqueEntities(append(ev.participants, other))
		d.addEvent(ev)
	}
	d.oneSided = nil
}

func (d *doc) sameEvent(a, b *event) bool {
	if a.typ != b.typ || (a.status == model.Denied) != (b.status == model.Denied) {
		return false
	}
	k := kinds[a.typ]
	// What the article states happened and what it says may or will happen
	// are two happenings ("Moscow delivered helicopters"; "Russia could
	// supply aircraft"). A bare noun ("Kim's visit") states nothing.
	// (Meetings and visits are announced before they happen and told
	// after: there the plan and the fact are one event.)
	if (a.factual() && b.prospective() || b.factual() && a.prospective()) && !k.base().announced && !d.briefOf(a, b) {
		return false
	}
	if d.olderFact(a, b) || d.olderFact(b, a) {
		return false // "Xi last visited Seoul in July 2014" is not the trip now reported (ST-MERGE-6)
	}
	// "met in October 2019" and "met on Wednesday" are two meetings; but
	// one sentence's month read as this year's by one verb and as next
	// year's by another ("signed a deal to purchase jets in April") is
	// one date (EV-ARMS-26).
	if a.date != "" && b.date != "" && !strings.HasPrefix(a.date, b.date) && !strings.HasPrefix(b.date, a.date) && !oneMonthTwoYears(a, b) || !sameYear(a, b) && !oneMonthTwoYears(a, b) {
		return false
	}
	return k.same(d, a, b)
}

// oneMonthTwoYears: two mentions in the same sentence whose month-only
// dates differ only in the year ("2024-04", "2025-04"): one month read
// two ways.
func oneMonthTwoYears(a, b *event) bool {
	return a.lastSent == b.firstSent && len(a.date) == 7 && len(b.date) == 7 && a.date[4:] == b.date[4:] && a.date != b.date
}

// further: of two mentions of the same kind and parties, one is a plan or
// possibility that is another happening than the other's stated fact. A
// plan and a fact of one meeting or visit are one event, and the fact
// absorbs the plan ("the visit, announced last week, took place"), unless
// the plan is dated after the fact's month ("talks held; a summit set for
// next year"), told as a further one ("will meet again", "follow-on
// negotiations"), or only possible ("could visit", "expected to visit
// Pyongyang eventually") (ST-MERGE-1).
//
// A bare noun or participle dated before publication states a fact too:
// "the missile, first tested in January 2017" is not "Pakistan could carry
// out further tests" (ST-MERGE-3).
func (d *doc) further(a, b *event) bool {
	stated := func(e *event) bool { return (!e.weak || d.past(e.date)) && !e.prospective() }
	next := func(e *event) bool { return e.prospective() && (d.future(e.date) || e.again) }
	fact := func(e *event) bool { return e.status == model.Occurred && stated(e) }
	return stated(a) && next(b) || stated(b) && next(a) ||
		fact(a) && b.status == model.Speculative || fact(b) && a.status == model.Speculative
}

// sameParties: the parties of one mention are among the other's, leaders
// standing for their countries ("Israel and Hamas agreed" and "Netanyahu's
// government and Hamas agreed" can be one agreement).
func (d *doc) sameParties(a, b *event) bool {
	ea, eb := d.withStates(a.participants), d.withStates(b.participants)
	return subset(a.participants, eb) || subset(b.participants, ea) ||
		sameCountries(a.participants, b.participants)
}

// sameDirection: a transfer's sides agree where both mentions name them.
func sameDirection(a, b *event) bool {
	return sameSide(a.supplier, b.supplier) && sameSide(a.recipient, b.recipient)
}

func persons(es []*entity) []*entity {
	var out []*entity
	for _, e := range es {
		if e.typ == model.Person {
			out = append(out, e)
		}
	}
	return out
}

// factual: stated by a verb as having happened.
func (e *event) factual() bool { return e.status == model.Occurred && !e.weak }

// prospective: planned or possible.
func (e *event) prospective() bool { return e.status == model.Planned || e.status == model.Speculative }

// sameFamily: transfers of drones and of missiles are two transfers;
// "weapons" joins either.
func sameFamily(a, b []string) bool {
	if len(a) == 0 || len(b) == 0 || slices.Contains(a, familyGeneral) || slices.Contains(b, familyGeneral) {
		return true
	}
	for _, f := range a {
		if slices.Contains(b, f) {
			return true
		}
	}
	return false
}

// compatible: the same entity, or one side not named.
func compatible(a, b *entity) bool { return a == nil || b == nil || a == b }

// withStates adds the countries of the leaders among es.
func (d *doc) withStates(es []*entity) []*entity {
	out := append([]*entity(nil), es...)
	for _, e := range es {
		if e.typ == model.Person && e.leader {
			if c := d.countryByISO(e.country); c != nil {
				out = append(out, c)
			}
		}
	}
	return out
}

// sameCountries: the two sets of parties stand for the same countries
// ("Russia and North Korea" held talks; "Putin and Kim" met).
func sameCountries(a, b []*entity) bool {
	set := func(es []*entity) []string {
		var out []string
		for _, e := range es {
			c := e.iso3
			if e.typ == model.Person && e.leader {
				c = e.country
			}
			if c == "" {
				return nil
			}
			if !slices.Contains(out, c) {
				out = append(out, c)
			}
		}
		sort.Strings(out)
		return out
	}
	sa, sb := set(a), set(b)
	return len(sa) >= 2 && slices.Equal(sa, sb)
}

// merge folds a new mention of the same event into e.
// spyReport: the event is reported by a spy service ("…: NIS", "the NIS
// said", "Ugandan intelligence says").
func (e *event) spyReport() bool {
	return e.status == model.Reported && (e.spied || slices.ContainsFunc(e.assertedBy, intelligenceBody))
}

func (e *event) merge(o *event) {
	e.participants = uniqueEntities(append(e.participants, o.participants...))
	if e.supplier == nil {
		e.supplier = o.supplier
	}
	if e.recipient == nil {
		e.recipient = o.recipient
	}
	for _, it := range o.items {
		if !slices.Contains(e.items, it) {
			e.items = append(e.items, it)
		}
	}
	for _, f := range o.families {
		if !slices.Contains(e.families, f) {
			e.families = append(e.families, f)
		}
	}
	for _, f := range o.systems {
		if !slices.Contains(e.systems, f) {
			e.systems = append(e.systems, f)
		}
	}
	if e.place == nil {
		e.place = o.place
	}
	if e.quantity == "" {
		e.quantity = o.quantity
	}
	if e.year == "" {
		e.year = o.year
	}
	if e.value == "" {
		e.value = o.value
	}
	e.lastSent = max(e.lastSent, o.lastSent)
	e.firstSent = min(e.firstSent, o.firstSent)
	if !o.weak && e.weak && o.status == e.status {
		e.weak = false
	}
	for _, sp := range o.evidence {
		if len(e.evidence) < maxEvidence && !slices.Contains(e.evidence, sp) {
			e.evidence = append(e.evidence, sp) // two triggers of one clause ("signed a pact") give one span
		}
	}
	if o.date != "" && (e.date == "" || statusRank[o.status] > statusRank[e.status]) {
		e.date = o.date
	}
	// The strongest claim sets the status; its asserters are the event's. A
	// bare noun's "occurred" yields to any status a verb gave.
	switch {
	case e.weak && !o.weak && o.status != model.Occurred:
		e.status, e.assertedBy, e.claimedIn, e.weak = o.status, o.assertedBy, o.claimedIn, false
	case o.weak && !e.weak && e.status != model.Occurred:
	case o.status == model.Alleged && e.spyReport():
		// A spy service's assessment and a government's accusation of
		// one transfer: the assessment, evidence a named service stands
		// behind, is the event's status (ST-REP-3).
	case e.status == model.Alleged && o.spyReport():
		e.status, e.assertedBy, e.claimedIn, e.spied = o.status, o.assertedBy, o.claimedIn, true
	case statusRank[o.status] > statusRank[e.status]:
		e.status, e.assertedBy, e.claimedIn = o.status, o.assertedBy, o.claimedIn
	case o.status == e.status:
		e.assertedBy = uniqueEntities(append(e.assertedBy, o.assertedBy...))
		for _, s := range o.claimedIn {
			if !slices.Contains(e.claimedIn, s) {
				e.claimedIn = append(e.claimedIn, s)
			}
		}
	}
}

// maxEvidence bounds the evidence spans kept for one event of one
// article; real articles mention an event a handful of times.
const maxEvidence = 32

// linkDenials points each denial at the claim it denies; a transfer denial
// whose other side is unknown, or a denial with fewer parties than its kind
// needs, that denies nothing told is dropped.
func (d *doc) linkDenials() {
	defer func() {
		keep := d.events[:0]
		for _, ev := range d.events {
			if ev.status == model.Denied && ev.denies == nil && kinds[ev.typ].base().directed &&
				(ev.supplier == nil || ev.recipient == nil) {
				continue
			}
			if ev.status == model.Denied && ev.denies == nil && len(ev.participants) < kinds[ev.typ].base().alone {
				continue // "there was no decision to hold talks" with no talks told: no parties, no event
			}
			keep = append(keep, ev)
		}
		d.events = keep
	}()
	for _, den := range d.events {
		if den.status != model.Denied {
			continue
		}
		for _, ev := range d.events {
			if ev != den && ev.status != model.Denied && ev.typ == den.typ && compatible(ev.supplier, den.supplier) &&
				compatible(ev.recipient, den.recipient) && (den.supplier != nil || den.recipient != nil || subset(den.participants, ev.participants) || subset(ev.participants, den.participants)) {
				den.denies = ev
				// What the denial leaves unsaid is what the claim says.
				if den.supplier == nil && den.recipient == nil && len(den.participants) >= 2 {
					den.supplier, den.recipient = ev.supplier, ev.recipient
				}
				if den.supplier == nil && den.recipient != nil {
					den.supplier = ev.supplier
				}
				if den.recipient == nil && den.supplier != nil {
					den.recipient = ev.recipient
				}
				den.participants = uniqueEntities(append(den.participants, ev.participants...))
				break
			}
		}
	}
}

// future reports whether a date ("2024", "2024-05", "2024-05-16") lies
// after the month of publication, at its own precision.
// past: the date lies before the article's publication.
func (d *doc) past(date string) bool {
	if date == "" || d.published.IsZero() {
		return false
	}
	pub := d.published.Format("2006-01-02")
	return date < pub[:min(len(date), len(pub))]
}

func (d *doc) future(date string) bool {
	if date == "" || d.published.IsZero() {
		return false
	}
	pub := d.published.Format("2006-01-02")
	return date > pub[:min(len(date), len(pub))]
}

// denialOfClaim reads a denial that names no event but the claim: "Beijing
// has rejected the accusations", "a claim he rejected". It denies the
// latest alleged or reported event of the last few sentences that the
// denier takes part in.
func (d *doc) denialOfClaim(si int) {
	toks := d.sents[si].tokens
	for j, t := range toks {
		if !d.denyVerb(t.norm) && !cue.DenyingWords[t.norm] || noComment(toks, j) {
			continue
		}
		near, rel := false, -1
		for k := max(0, j-3); k < min(len(toks), j+4); k++ {
			near = near || cue.ClaimNouns[toks[k].norm]
		}
		for k := max(1, j-4); k < j; k++ {
			if gram.RelativePronouns[toks[k].norm] && toks[k-1].norm == "," {
				rel = k // "…, which both countries deny": the relative stands for the claim before it
			}
		}
		named := d.deniedNoun(toks, j) // "China denied the visit", "denied that such a meeting took place"
		if !near && rel < 0 && named == nil {
			continue
		}
		v := j
		if cue.DenyingWords[t.norm] && !strings.HasSuffix(t.norm, "ing") {
			// "called the claims unfounded": the caller denies
			for v = j - 1; v > 0; v-- {
				if _, ok := d.x.lx.speech[toks[v].norm]; ok {
					break
				}
			}
		}
		floor := 0
		if rel >= 0 {
			floor = rel + 1
		}
		denier := d.stateOf(d.speakerBefore(si, v, floor))
		if denier == nil && rel < 0 {
			return
		}
		for i := len(d.events) - 1; i >= 0; i-- {
			claim := d.events[i]
			if claim.status != model.Alleged && claim.status != model.Reported && claim.status != model.Speculative || !kinds[claim.typ].base().deniable {
				continue
			}
			if !near && rel < 0 && !slices.ContainsFunc(named.kinds, func(kd kind) bool { return kd.base().typ == claim.typ }) {
				continue // "denied the visit" denies a visit, not the meeting told last
			}
			if rel >= 0 {
				// The relative's claim is told in this sentence, before it;
				// "which both countries deny": its parties deny it.
				if !claim.toldIn(si, toks[rel].start) || denier != nil && !d.isParty(claim, denier) {
					continue
				}
			} else if !d.isParty(claim, denier) || claim.lastSent < si-3 || claim.firstSent > si+3 {
				// A party denies, also by its state when an official of it
				// is the party ("Netanyahu met bin Salman … Israel denied
				// the report").
				continue
			}
			for _, have := range d.events {
				if have.status == model.Denied && have.typ == claim.typ && sameDirection(have, claim) &&
					(have.denies == claim || have.denies == nil) {
					return // already denied
				}
			}
			den := &event{typ: claim.typ, participants: claim.participants, supplier: claim.supplier,
				recipient: claim.recipient, items: claim.items, families: claim.families, status: model.Denied,
				assertedBy: deniers(denier, claim), denies: claim, firstSent: si, lastSent: si,
				evidence: [][2]int{{toks[0].start, toks[len(toks)-1].end}}}
			d.addEvent(den)
			return
		}
		return
	}
}

// deniedNoun: a fact-denying verb at j whose object, a few words on,
// names an event again after an anaphoric word ("China denied the visit",
// "denied that such a meeting took place", "denies any such talks"): the
// trigger of that noun, or nil (ST-DEN-2).
func (d *doc) deniedNoun(toks []token, j int) *trigger {
	if !cue.FactDeniers[toks[j].norm] {
		return nil
	}
	for k := j + 2; k < len(toks) && k <= j+5; k++ {
		if !toks[k-1].word {
			return nil
		}
		if tr := triggers[toks[k].norm]; tr != nil && (gram.Anaphoric[toks[k-1].norm] || gram.Anaphoric[toks[k-2].norm] && gram.Determiners[toks[k-1].norm]) {
			return tr
		}
	}
	return nil
}

// deniers: who asserts a denial; with no denier named ("which both
// countries deny"), the claim's parties.
func deniers(denier *entity, claim *event) []*entity {
	if denier != nil {
		return []*entity{denier}
	}
	return slices.Clone(claim.participants)
}

// toldIn: the event has evidence in sentence si before offset off.
func (e *event) toldIn(si, off int) bool {
	if e.firstSent > si || e.lastSent < si {
		return false
	}
	for _, sp := range e.evidence {
		if sp[0] < off {
			return true
		}
	}
	return false
}
