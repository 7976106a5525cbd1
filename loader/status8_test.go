package loader

import (
	"slices"
	"testing"

	"github.com/geokg/geokg/model"
)

// TestStatusConstructions8 pins the status decisions of issue 7's eighth
// round (docs/constructions.md, the row named first in each id): a party's
// deliberation told by others, a past act with a plan conjoined to it, the
// arrangement "is to" / "was to", talks that are the purpose of a journey
// under way, and the date of a plan called off. Every text is written for
// this test; published Thursday 2024-05-16.
func TestStatusConstructions8(t *testing.T) {
	runStatusCases(t, []statusCase{
		// A deliberation told by the party, or by no one, is a possibility (ST-SPEC-5).
		{id: "ST-SPEC-5 a state weighing a sale itself",
			text: "Brazil is considering selling armoured vehicles to Ghana.",
			want: []want{{typ: model.ArmsTransfer, status: model.Speculative, from: "country:BRA", to: "country:GHA"}}},
		{id: "ST-SPEC-5 the party's own officials on its deliberation",
			text: "Kenya is weighing buying drones from Turkey, Kenyan officials said.",
			want: []want{{typ: model.ArmsTransfer, status: model.Speculative, from: "country:TUR", to: "country:KEN"}}},
		{id: "ST-SPEC-5 a sanction weighed by its imposer",
			text: "Canada and Australia are mulling imposing sanctions on Myanmar.",
			want: []want{{typ: model.Sanction, status: model.Speculative, participants: []string{"country:CAN", "country:MMR"}}}},
		// Told by an outsider, it is a claim about the party's intent (ST-SPEC-5).
		{id: "ST-SPEC-5 a named outsider on another state's deliberation",
			text: "French Foreign Minister Jean-Noel Barrot said Iran is considering supplying ballistic missiles to Russia.",
			want: []want{{typ: model.ArmsTransfer, status: model.Alleged, from: "country:IRN", to: "country:RUS"}},
			by:   "person:jean-noel-barrot"},
		{id: "ST-SPEC-5 an outsider's concern in a quotation",
			text: `"We are deeply worried that Iran is weighing sending drones to Sudan," Barrot said.`,
			want: []want{{typ: model.ArmsTransfer, status: model.Alleged, from: "country:IRN", to: "country:SDN"}}},
		{id: "ST-SPEC-5 a newspaper on a state's deliberation",
			text: "The Guardian reported that Iran is contemplating shipping ballistic missiles to Russia.",
			want: []want{{typ: model.ArmsTransfer, status: model.Reported, from: "country:IRN", to: "country:RUS"}}},
		// A past act with a plan conjoined to it stays a fact (ST-PLAN-8).
		{id: "ST-PLAN-8 arrived and will meet",
			text: "Kenyan President William Ruto arrived in Kampala on Monday and will meet Ugandan President Yoweri Museveni on Tuesday.",
			want: []want{{typ: model.Visit, status: model.Occurred, participants: []string{"person:william-ruto", "country:UGA"}},
				{typ: model.Meeting, status: model.Planned, participants: []string{"person:william-ruto", "person:yoweri-museveni"}}},
			date: "2024-05-13"},
		{id: "ST-PLAN-8 visited and is expected to travel on",
			text: "Kenyan President William Ruto visited Uganda on Monday and is expected to travel to Rwanda next week.",
			want: []want{{typ: model.Visit, status: model.Occurred, participants: []string{"person:william-ruto", "country:UGA"}}},
			date: "2024-05-13"},
		{id: "ST-PLAN-8 arrived, and he will meet",
			text: "Indian Foreign Minister S. Jaishankar arrived in Colombo on Tuesday, and he will meet Sri Lankan President Anura Kumara Dissanayake.",
			want: []want{{typ: model.Visit, status: model.Occurred, participants: []string{"person:subrahmanyam-jaishankar", "country:LKA"}}}},
		{id: "ST-PLAN-8 held talks and could sign",
			text: "Kenyan President William Ruto held talks with Ugandan President Yoweri Museveni on Monday and could sign a border pact.",
			want: []want{{typ: model.Meeting, status: model.Occurred, participants: []string{"person:william-ruto", "person:yoweri-museveni"}}}},
		{id: "ST-PLAN-8 departed, where he will meet",
			text: "Kenyan President William Ruto departed for Uganda on Tuesday, where he will meet Ugandan President Yoweri Museveni.",
			want: []want{{typ: model.Visit, status: model.Occurred, participants: []string{"person:william-ruto", "country:UGA"}},
				{typ: model.Meeting, status: model.Planned, participants: []string{"person:william-ruto", "person:yoweri-museveni"}}}},
		{id: "ST-PLAN-8 a plan in both verbs stays planned",
			text: "Kenyan President William Ruto will travel to Uganda and will meet Ugandan President Yoweri Museveni.",
			want: []want{{typ: model.Visit, status: model.Planned, participants: []string{"person:william-ruto", "country:UGA"}},
				{typ: model.Meeting, status: model.Planned, participants: []string{"person:william-ruto", "person:yoweri-museveni"}}}},
		// "be" with the infinitive is an arrangement (ST-PLAN-8).
		{id: "ST-PLAN-8 is to visit",
			text: "Brazilian President Luiz Inacio Lula da Silva is to visit Angola.",
			want: []want{{typ: model.Visit, status: model.Planned, participants: []string{"person:luiz-inacio-lula-da-silva", "country:AGO"}}}},
		{id: "ST-PLAN-8 was to meet",
			text: "Kenyan President William Ruto was to meet Ugandan President Yoweri Museveni in Entebbe.",
			want: []want{{typ: model.Meeting, status: model.Planned, participants: []string{"person:william-ruto", "person:yoweri-museveni"}}}},
		{id: "ST-PLAN-8 were to hold talks",
			text: "Kenyan President William Ruto and Ugandan President Yoweri Museveni were to hold talks in Entebbe.",
			want: []want{{typ: model.Meeting, status: model.Planned, participants: []string{"person:william-ruto", "person:yoweri-museveni"}}}},
		{id: "ST-PLAN-8 is visiting stays under way",
			text: "Brazilian President Luiz Inacio Lula da Silva is visiting Angola.",
			want: []want{{typ: model.Visit, status: model.Occurred, participants: []string{"person:luiz-inacio-lula-da-silva", "country:AGO"}}}},
		// Talks that are the purpose of a journey under way are still ahead (ST-PLAN-8).
		{id: "ST-PLAN-8 on his way to talks",
			text: "Kenyan President William Ruto is on his way to Kampala for talks with Ugandan President Yoweri Museveni.",
			want: []want{{typ: model.Meeting, status: model.Planned, participants: []string{"person:william-ruto", "person:yoweri-museveni"}}}},
		{id: "ST-PLAN-8 heading to talks",
			text: "Kenyan President William Ruto is heading to Kampala for talks with Ugandan President Yoweri Museveni.",
			want: []want{{typ: model.Meeting, status: model.Planned, participants: []string{"person:william-ruto", "person:yoweri-museveni"}}}},
		{id: "ST-PLAN-8 arrived for talks stays a fact",
			text: "Kenyan President William Ruto arrived in Kampala on Tuesday for talks with Ugandan President Yoweri Museveni.",
			want: []want{{typ: model.Meeting, status: model.Occurred, participants: []string{"person:william-ruto", "person:yoweri-museveni"}}}},
		// "According to" unnamed sources closing the sentence covers each of its triggers (ST-REP-1).
		{id: "ST-REP-1 according to diplomats covers both verbs",
			text: "Kenyan President William Ruto will visit India early next month and hold talks with Indian Prime Minister Narendra Modi, according to diplomats.",
			want: []want{{typ: model.Visit, status: model.Reported, participants: []string{"person:william-ruto", "country:IND"}},
				{typ: model.Meeting, status: model.Reported, participants: []string{"person:william-ruto", "person:narendra-modi"}}}},
		{id: "ST-REP-1 according to media reports",
			text: "Kenyan President William Ruto will visit India early next month and sign a trade deal with Indian Prime Minister Narendra Modi, according to media reports.",
			want: []want{{typ: model.Visit, status: model.Reported, participants: []string{"person:william-ruto", "country:IND"}}}},
		// Unnamed officials of a party's own body give the party's account (ST-SELF-1).
		{id: "ST-SELF-1 according to officials at a party's agency",
			text: "Poland and South Korea held talks on a second tank contract, according to officials at South Korea's Defense Acquisition Program Administration.",
			want: []want{{typ: model.Meeting, status: model.Occurred, participants: []string{"country:POL", "country:KOR"}}}},
		{id: "ST-REP-1 according to officials of no one",
			text: "Poland and South Korea held talks on a second tank contract, according to officials.",
			want: []want{{typ: model.Meeting, status: model.Reported, participants: []string{"country:POL", "country:KOR"}}}},
		// A denial that names the happening again by an anaphoric noun (ST-DEN-2).
		{id: "ST-DEN-2 denied that such a meeting took place",
			text: "Le Monde reported on Friday that Iranian envoy Amir Saeid Iravani met Elon Musk in New York. Iran denied that such a meeting took place.",
			want: []want{{typ: model.Meeting, status: model.Denied, participants: []string{"person:amir-saeid-iravani", "person:elon-musk"}},
				{typ: model.Meeting, status: model.Reported, participants: []string{"person:amir-saeid-iravani", "person:elon-musk"}}},
			by: "country:IRN"},
		{id: "ST-DEN-2 denied the visit",
			text: "Russian media reported that Chinese Defence Minister Dong Jun visited North Korea last week. China denied the visit.",
			want: []want{{typ: model.Visit, status: model.Denied, participants: []string{"person:dong-jun", "country:PRK"}}},
			by:   "country:CHN"},
		{id: "ST-DEN-2 rejecting other acts denies nothing",
			text:  "Russian media reported that Chinese Defence Minister Dong Jun visited North Korea last week. China rejected the sanctions.",
			want:  []want{{typ: model.Visit, status: model.Reported, participants: []string{"person:dong-jun", "country:PRK"}}},
			count: map[model.EventType]int{model.Visit: 1}},
		// A spy service's assessment beats a government's accusation of one transfer (ST-MERGE-5).
		{id: "ST-MERGE-5 a spy agency's report, then an accusation",
			text:  "North Korea has shipped artillery shells to Russia, South Korea's spy agency said on Thursday. The White House has accused North Korea of delivering munitions to Russia.",
			want:  []want{{typ: model.ArmsTransfer, status: model.Reported, from: "country:PRK", to: "country:RUS"}},
			count: map[model.EventType]int{model.ArmsTransfer: 1}},
		{id: "ST-MERGE-5 an accusation, then a country's intelligence",
			text:  "Kenya accused Rwanda of arming the M23. Rwanda has supplied drones to the M23, Ugandan intelligence says.",
			want:  []want{{typ: model.ArmsTransfer, status: model.Reported, from: "country:RWA", to: "org:m23"}},
			count: map[model.EventType]int{model.ArmsTransfer: 1}},
		{id: "ST-MERGE-5 unnamed officials do not outweigh the accusation",
			text:  "Kenya accused Rwanda of arming the M23. Rwanda has supplied drones to the M23, Ugandan officials say.",
			want:  []want{{typ: model.ArmsTransfer, status: model.Alleged, from: "country:RWA", to: "org:m23"}},
			count: map[model.EventType]int{model.ArmsTransfer: 1}},
		// A hedge opening an apposition hedges the description, not the event (ST-SPEC-1).
		{id: "ST-SPEC-1 a hedged apposition on a visit made",
			text: "Kenyan President William Ruto's visit to Japan, likely his last as president, ended on Monday.",
			want: []want{{typ: model.Visit, status: model.Occurred, participants: []string{"person:william-ruto", "country:JPN"}}}},
		{id: "ST-SPEC-1 a hedged apposition before the plan's verb",
			text: "Kenyan President William Ruto's visit to Japan, possibly his last as president, will begin on Monday.",
			want: []want{{typ: model.Visit, status: model.Planned, participants: []string{"person:william-ruto", "country:JPN"}}}},
		{id: "ST-SPEC-1 a hedged apposition closing the sentence",
			text: "Kenyan President William Ruto will meet Ugandan President Yoweri Museveni, likely the last such talks before the vote.",
			want: []want{{typ: model.Meeting, status: model.Planned, participants: []string{"person:william-ruto", "person:yoweri-museveni"}}}},
		// A plan called off is not dated by the calling off (ST-PLAN-2).
		{id: "ST-PLAN-2 called off on a past day",
			text:   "Kenyan President William Ruto called off his planned visit to Uganda on Tuesday.",
			want:   []want{{typ: model.Visit, status: model.Planned, participants: []string{"person:william-ruto", "country:UGA"}}},
			noDate: true},
		{id: "ST-PLAN-2 a plan's day ahead is kept",
			text: "Kenyan President William Ruto was due to arrive in Uganda on Friday, but the trip was called off.",
			want: []want{{typ: model.Visit, status: model.Planned, participants: []string{"person:william-ruto", "country:UGA"}}},
			date: "2024-05-17"},
		{id: "ST-PLAN-2 a visit made keeps its day",
			text: "Kenyan President William Ruto visited Uganda on Tuesday.",
			want: []want{{typ: model.Visit, status: model.Occurred, participants: []string{"person:william-ruto", "country:UGA"}}},
			date: "2024-05-14"},
	})
}

// statusCase is one made-up text and the events and status it must give.
type statusCase struct {
	id, text string
	want     []want
	by       string // who asserts the first wanted event, if given
	date     string // the first wanted event's date, if given
	noDate   bool   // the first wanted event has no date
	not      []model.EventType
	count    map[model.EventType]int
}

func runStatusCases(t *testing.T, cases []statusCase) {
	for _, tc := range cases {
		t.Run(tc.id, func(t *testing.T) {
			doc := extract(t, tc.text)
			checkEvents(t, doc, tc.want, tc.not, tc.count)
			if len(tc.want) == 0 {
				return
			}
			i := slices.IndexFunc(doc.Events, tc.want[0].matches)
			if i < 0 {
				return
			}
			if tc.by != "" && !slices.Contains(doc.Events[i].AssertedBy, tc.by) {
				t.Errorf("asserted by %v, want %s", doc.Events[i].AssertedBy, tc.by)
			}
			if tc.date != "" && string(doc.Events[i].Date) != tc.date {
				t.Errorf("date %q, want %q", doc.Events[i].Date, tc.date)
			}
			if tc.noDate && doc.Events[i].Date != "" {
				t.Errorf("date %q, want none", doc.Events[i].Date)
			}
		})
	}
}
