package loader

import (
	"slices"
	"testing"

	"github.com/geokg/geokg/model"
)

// TestStatusConstructions7 pins the status decisions of issue 7's seventh
// round (docs/constructions.md, the row named first in each id): plans a
// future negation turns down, contracted negations, what parties agreed to
// do, and talks that are a journey's purpose. Every text is written for
// this test; published Thursday 2024-05-16.
func TestStatusConstructions7(t *testing.T) {
	for _, tc := range []struct {
		id, text string
		want     []want
		by       string // who asserts the first wanted event, if given
		date     string // the first wanted event's date, if given
		not      []model.EventType
		count    map[model.EventType]int
	}{
		// A future negated is the party's word that it will not happen (ST-NEG-3).
		{id: "ST-NEG-3 will not travel, the spokesman said",
			text: "Russian President Vladimir Putin will not travel to South Africa, Peskov said on Friday.",
			want: []want{{typ: model.Visit, status: model.Denied, participants: []string{"person:vladimir-putin", "country:ZAF"}}},
			by:   "person:dmitry-peskov", count: map[model.EventType]int{model.Visit: 1}},
		{id: "ST-NEG-3 said he would not travel",
			text: "The Kremlin said Russian President Vladimir Putin would not travel to South Africa for the summit.",
			want: []want{{typ: model.Visit, status: model.Denied, participants: []string{"person:vladimir-putin", "country:ZAF"}}},
			by:   "country:RUS"},
		{id: "ST-NEG-3 won't attend talks",
			text: "Ghanaian President John Mahama won't attend talks with Togolese President Faure Gnassingbe in Lome.",
			want: []want{{typ: model.Meeting, status: model.Denied, participants: []string{"person:john-mahama", "person:faure-gnassingbe"}}}},
		{id: "ST-NEG-3 would not be able to attend talks",
			text: "Russian President Vladimir Putin would not be able to attend talks with Chinese President Xi Jinping, the Kremlin said.",
			want: []want{{typ: model.Meeting, status: model.Denied, participants: []string{"person:vladimir-putin", "person:xi-jinping"}}},
			by:   "country:RUS"},
		{id: "ST-NEG-3 will not deliver, its chancellor said",
			text: "Germany won't send Taurus missiles to Ukraine, Chancellor Olaf Scholz said.",
			want: []want{{typ: model.ArmsTransfer, status: model.Denied, from: "country:DEU", to: "country:UKR"}},
			by:   "person:olaf-scholz"},
		{id: "ST-NEG-1 not only is no negation",
			text: "Ghanaian President John Mahama will not only visit Togo but also Benin next week.",
			want: []want{{typ: model.Visit, status: model.Planned, participants: []string{"person:john-mahama", "country:TGO"}}}},
		{id: "ST-NEG-3 decided not to travel",
			text: "Russian President Vladimir Putin decided not to travel to South Africa, the Kremlin said.",
			want: []want{{typ: model.Visit, status: model.Denied, participants: []string{"person:vladimir-putin", "country:ZAF"}}},
			by:   "country:RUS", count: map[model.EventType]int{model.Visit: 1}},
		{id: "ST-NEG-3 the Kremlin after the destination is no stop of the trip",
			text:  "Russian President Vladimir Putin will travel to South Africa, Kremlin spokesman Dmitry Peskov said on Friday.",
			want:  []want{{typ: model.Visit, status: model.Planned, participants: []string{"person:vladimir-putin", "country:ZAF"}}},
			count: map[model.EventType]int{model.Visit: 1}},
		{id: "ST-NEG-3 a visit that will not take place",
			text: "Pompeo's visit to North Korea will not take place, the State Department said.",
			want: []want{{typ: model.Visit, status: model.Denied, participants: []string{"person:mike-pompeo", "country:PRK"}}}},
		{id: "ST-PLAN-2 a trip put on hold stays the plan",
			text: "Secretary of State Mike Pompeo's trip to North Korea has been put on hold.",
			want: []want{{typ: model.Visit, status: model.Planned, participants: []string{"person:mike-pompeo", "country:PRK"}}}},
		// A contraction negates as its two words do (ST-NEG-1).
		{id: "ST-NEG-1 a contracted negation in the past is no event",
			text: "Togolese President Faure Gnassingbe didn't meet Ghanaian President John Mahama in Accra.",
			not:  []model.EventType{model.Meeting}},
		{id: "ST-NEG-1 won't visit is no visit made",
			text:  "Ghanaian President John Mahama won't visit Togo this week.",
			want:  []want{{typ: model.Visit, status: model.Denied, participants: []string{"person:john-mahama", "country:TGO"}}},
			count: map[model.EventType]int{model.Visit: 1}},
		{id: "ST-NEG-2 doesn't plan to visit",
			text: "Ghanaian President John Mahama doesn't plan to visit Togo.",
			want: []want{{typ: model.Visit, status: model.Denied, participants: []string{"person:john-mahama", "country:TGO"}}}},
		// A visit is deniable like the other kinds (ST-DEN-1).
		{id: "ST-DEN-1 a party's plain negation of a visit",
			text: "Russian President Vladimir Putin has not visited Ukraine since 2013, the Kremlin said.",
			want: []want{{typ: model.Visit, status: model.Denied, participants: []string{"person:vladimir-putin", "country:UKR"}}},
			by:   "country:RUS"},
		{id: "ST-DEN-1 a state denies the report of its minister's visit",
			text: "Russian media reported that Chinese Defence Minister Dong Jun visited North Korea last week. China denied the report.",
			want: []want{{typ: model.Visit, status: model.Reported, participants: []string{"person:dong-jun", "country:PRK"}},
				{typ: model.Visit, status: model.Denied, participants: []string{"person:dong-jun", "country:PRK"}}},
			count: map[model.EventType]int{model.Visit: 2}},
		// What parties agreed to do is ahead; the agreement was made (ST-PLAN-5).
		{id: "ST-PLAN-5 agreed on a day to hold talks next month",
			text: "Ghana and Togo agreed on Monday to hold talks next month.",
			want: []want{{typ: model.Agreement, status: model.Occurred, participants: []string{"country:GHA", "country:TGO"}}}},
		// The purpose of a journey told ahead is as far ahead (ST-PLAN-3).
		{id: "ST-PLAN-3 talks that are the purpose of a trip ahead",
			text: "Ghanaian President John Mahama travels to Togo later this month for talks with Togolese President Faure Gnassingbe.",
			want: []want{{typ: model.Visit, status: model.Planned, participants: []string{"person:john-mahama", "country:TGO"}},
				{typ: model.Meeting, status: model.Planned, participants: []string{"person:faure-gnassingbe"}}},
			not: nil},
		{id: "ST-PLAN-3 talks that were the purpose of a trip made",
			text: "Ghanaian President John Mahama arrived in Lome for talks with Togolese President Faure Gnassingbe.",
			want: []want{{typ: model.Meeting, status: model.Occurred, participants: []string{"person:john-mahama", "person:faure-gnassingbe"}}}},
		// What unnamed others believe, say or suspect is reported (ST-REP-5).
		{id: "ST-REP-5 is believed to have shipped",
			text: "North Korea is believed to have shipped artillery shells to Russia.",
			want: []want{{typ: model.ArmsTransfer, status: model.Reported, from: "country:PRK", to: "country:RUS"}}},
		{id: "ST-REP-5 is said to have met",
			text: "Russian President Vladimir Putin is said to have met Kim Jong Un in Vladivostok.",
			want: []want{{typ: model.Meeting, status: model.Reported, participants: []string{"person:vladimir-putin", "person:kim-jong-un"}}}},
		{id: "ST-REP-5 is suspected of supplying",
			text: "Iran is suspected of supplying drones to Russia.",
			want: []want{{typ: model.ArmsTransfer, status: model.Reported, from: "country:IRN", to: "country:RUS"}}},
		{id: "ST-REP-5 said in the active stays the speaker's",
			text: "Iran said it had supplied drones to Russia before the war.",
			want: []want{{typ: model.ArmsTransfer, status: model.Occurred, from: "country:IRN", to: "country:RUS"}}},
		// Evidence that closes the sentence (ST-REP-3).
		{id: "ST-REP-3 satellite imagery shows, after the content",
			text: "North Korea has shipped artillery shells to Russia, satellite imagery shows.",
			want: []want{{typ: model.ArmsTransfer, status: model.Reported, from: "country:PRK", to: "country:RUS"}}},
		// A closing passive quotation names its subject as the speaker (QT-AGENCY-1).
		{id: "QT-AGENCY-1 the spy agency was quoted as saying by lawmakers",
			text: "North Korea has sent weapons to Russia since August, South Korea's spy agency was quoted as saying by lawmakers.",
			want: []want{{typ: model.ArmsTransfer, status: model.Reported, from: "country:PRK", to: "country:RUS"}},
			by:   "org:south-korean-spy-agency"},
		{id: "QT-AGENCY-1 the spy agency was quoted by lawmakers as saying",
			text: "North Korea has sent weapons to Russia since August, South Korea's spy agency was quoted by lawmakers as saying.",
			want: []want{{typ: model.ArmsTransfer, status: model.Reported, from: "country:PRK", to: "country:RUS"}}},
		// The plan word as the predicate, and a plan's date ahead whatever
		// its source (ST-PLAN-6).
		{id: "ST-PLAN-6 is expected in a capital on a weekday",
			text: "Togolese Foreign Minister Robert Dussey is expected in Accra on Friday.",
			want: []want{{typ: model.Visit, status: model.Planned, participants: []string{"person:robert-dussey", "country:GHA"}}},
			date: "2024-05-17"},
		{id: "ST-PLAN-6 is due in a capital",
			text: "Togolese Foreign Minister Robert Dussey is due in Accra next week for talks.",
			want: []want{{typ: model.Visit, status: model.Planned, participants: []string{"person:robert-dussey", "country:GHA"}}}},
		{id: "ST-PLAN-6 expected in with no place is no visit",
			text: "Sanctions on Togo are expected in the coming weeks.",
			not:  []model.EventType{model.Visit}},
		{id: "ST-PLAN-6 a plan that sources report keeps its date ahead",
			text: "Togolese Foreign Minister Robert Dussey is expected to arrive in Accra on Friday, according to informed sources.",
			want: []want{{typ: model.Visit, status: model.Reported, participants: []string{"person:robert-dussey", "country:GHA"}}},
			date: "2024-05-17"},
		{id: "ST-PLAN-6 a hedged plan keeps its month ahead",
			text: "Ghana and Togo will likely hold talks in early June, a senior official said.",
			want: []want{{typ: model.Meeting, status: model.Speculative, participants: []string{"country:GHA", "country:TGO"}}},
			date: "2024-06"},
		{id: "ST-PLAN-6 a denied plan keeps its day ahead",
			text: "Russian President Vladimir Putin will not travel to South Africa on Friday, Peskov said.",
			want: []want{{typ: model.Visit, status: model.Denied, participants: []string{"person:vladimir-putin", "country:ZAF"}}},
			date: "2024-05-17"},
		// A past-dated participle or noun is a fact, not a further
		// possibility's first mention (ST-MERGE-3).
		{id: "ST-MERGE-3 a test first made in a past month and further tests that could come",
			text: "North Korea launched a Hwasong-18 missile on Monday. The missile, first tested in April 2023, uses solid fuel. North Korea could carry out further missile tests in the coming months, analysts said.",
			want: []want{{typ: model.MissileTest, status: model.Occurred, participants: []string{"country:PRK"}},
				{typ: model.MissileTest, status: model.Speculative, participants: []string{"country:PRK"}}},
			count: map[model.EventType]int{model.MissileTest: 3}},
		{id: "ST-MERGE-3 a visit named by a bare noun still joins its plan",
			text:  "Ghanaian President John Mahama will visit Togo on May 20. Mahama's visit to Togo is his first as president.",
			want:  []want{{typ: model.Visit, status: model.Planned, participants: []string{"person:john-mahama", "country:TGO"}}},
			count: map[model.EventType]int{model.Visit: 1}},
		// A tour's stops in a relative clause that plans them (ST-PLAN-7).
		{id: "ST-PLAN-7 the first leg of a tour that will take him on",
			text: "Ghanaian President John Mahama arrived in Lome on Wednesday, the first leg of a tour that will also take him to Benin and Nigeria.",
			want: []want{{typ: model.Visit, status: model.Occurred, participants: []string{"person:john-mahama", "country:TGO"}},
				{typ: model.Visit, status: model.Planned, participants: []string{"person:john-mahama", "country:BEN"}},
				{typ: model.Visit, status: model.Planned, participants: []string{"person:john-mahama", "country:NGA"}}}},
		{id: "ST-PLAN-7 a tour that took him on happened",
			text: "Ghanaian President John Mahama arrived in Lome on Wednesday, the first leg of a tour that also took him to Benin and Nigeria.",
			want: []want{{typ: model.Visit, status: model.Occurred, participants: []string{"person:john-mahama", "country:BEN"}},
				{typ: model.Visit, status: model.Occurred, participants: []string{"person:john-mahama", "country:NGA"}}}},
	} {
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
		})
	}
}
