package loader

import (
	"testing"

	"github.com/geokg/geokg/model"
)

// TestStatusConstructions pins the status decisions of issue 7's sixth
// round (docs/constructions.md, the row named first in each id): plans a
// negation turns down, what a rule permits, what intelligence is said to
// show, and a headline's source after a colon. Every text is written for
// this test; published Thursday 2024-05-16.
func TestStatusConstructions(t *testing.T) {
	for _, tc := range []eventCase{
		// A negated plan is the party's denial (ST-NEG-2).
		{id: "ST-NEG-2 no plans for one leader to meet another",
			text:  "A Kremlin spokesman said on Monday there were no plans for Russian President Vladimir Putin to meet Ukrainian President Volodymyr Zelensky.",
			want:  []want{{typ: model.Meeting, status: model.Denied, participants: []string{"person:vladimir-putin", "person:volodymyr-zelenskyy"}}},
			count: map[model.EventType]int{model.Meeting: 1}},
		{id: "ST-NEG-2 no intention of holding talks",
			text:  "North Korea said on Tuesday it has no intention of holding talks with the United States.",
			want:  []want{{typ: model.Meeting, status: model.Denied, participants: []string{"country:PRK", "country:USA"}}},
			count: map[model.EventType]int{model.Meeting: 1}},
		{id: "ST-NEG-2 no decision to hold talks",
			text: "India's foreign ministry said there was no decision to hold talks with Pakistan at a neutral site.",
			want: []want{{typ: model.Meeting, status: model.Denied, participants: []string{"country:IND", "country:PAK"}}}},
		{id: "ST-NEG-2 does not plan to visit",
			text: "Ghanaian President John Mahama does not plan to visit Togo this year, his office said.",
			want: []want{{typ: model.Visit, status: model.Denied, participants: []string{"person:john-mahama", "country:TGO"}}}},
		{id: "ST-NEG-2 ruled out talks",
			text: "Pakistan's foreign minister ruled out talks with India during the conference.",
			want: []want{{typ: model.Meeting, status: model.Denied, participants: []string{"country:PAK", "country:IND"}}}},
		{id: "ST-NEG-2 has not ruled out talks denies nothing",
			text: "Pakistan's foreign minister has not ruled out talks with India.",
			not:  []model.EventType{model.Meeting}},
		{id: "ST-NEG-2 a denial naming no parties and no claim is no event",
			text: "There was no decision to hold talks, the ministry said.",
			not:  []model.EventType{model.Meeting}},
		{id: "ST-NEG-1 a meeting not planned is no event",
			text: "No meeting between Putin and Zelensky was planned, Lavrov said.",
			not:  []model.EventType{model.Meeting}},
		{id: "ST-NEG-2 no decision on whether is undecided, not denied",
			text: "There is no decision yet on whether to hold talks between Ghana and Togo.",
			want: []want{{typ: model.Meeting, status: model.Speculative, participants: []string{"country:GHA", "country:TGO"}}}},
		{id: "ST-NEG-2 a plan told plainly stays planned",
			text: "Ghanaian President John Mahama plans to visit Togo next week.",
			want: []want{{typ: model.Visit, status: model.Planned, participants: []string{"person:john-mahama", "country:TGO"}}}},
		// "Next" counted from the story's day plans nothing (ST-PLAN-4).
		{id: "ST-PLAN-4 the next morning in a past narrative",
			text: "French President Emmanuel Macron met German Chancellor Olaf Scholz in Paris on Monday. The next morning, Macron visited Warsaw.",
			want: []want{{typ: model.Visit, status: model.Occurred, participants: []string{"person:emmanuel-macron", "country:POL"}}}},
		{id: "ST-PLAN-4 the next month in a past narrative",
			text: "Ghana and Togo held talks in Accra in March. The next month, Ghana signed a border agreement with Togo.",
			want: []want{{typ: model.Agreement, status: model.Occurred, participants: []string{"country:GHA", "country:TGO"}}}},
		{id: "ST-PLAN-4 next month alone still points ahead",
			text: "Ghanaian President John Mahama visits Togo next month.",
			want: []want{{typ: model.Visit, status: model.Planned, participants: []string{"person:john-mahama", "country:TGO"}}}},
		// What a rule or body permits is only possible (ST-SPEC-3).
		{id: "ST-SPEC-3 allowed for sanctions to be eased",
			text: "A Chinese spokesman said UN Security Council resolutions allowed for sanctions on North Korea to be eased.",
			want: []want{{typ: model.Sanction, status: model.Speculative, participants: []string{"org:united-nations-security-council", "country:PRK"}}}},
		{id: "ST-SPEC-3 a deal that would allow a purchase",
			text: "Officials said the agreement would allow Turkey to buy F-16 fighter jets from the United States.",
			want: []want{{typ: model.ArmsTransfer, status: model.Speculative, from: "country:USA", to: "country:TUR"}}},
		// What intelligence is said to show is reported (ST-REP-3).
		{id: "ST-REP-3 information that talks are advancing",
			text: "\"We have new information that arms negotiations between Russia and North Korea are advancing,\" a White House spokesman said.",
			want: []want{{typ: model.ArmsNegotiation, status: model.Reported, participants: []string{"country:RUS", "country:PRK"}}}},
		{id: "ST-REP-3 a spy agency on a transfer",
			text: "North Korea has shipped artillery shells to Russia since August, the Central Intelligence Agency said on Wednesday.",
			want: []want{{typ: model.ArmsTransfer, status: model.Reported, from: "country:PRK", to: "country:RUS"}}},
		{id: "ST-REP-3 a spy agency on a public summit",
			text: "Kim Jong Un met Vladimir Putin at the Vostochny Cosmodrome on Sept. 13, the Central Intelligence Agency said.",
			want: []want{{typ: model.Meeting, status: model.Occurred, participants: []string{"person:kim-jong-un", "person:vladimir-putin"}}}},
		// A headline's source after a colon (ST-REP-4).
		{id: "ST-REP-4 a spy agency after the colon",
			text: "N. Korea shipped over 1 mln artillery shells to Russia since August: NIS\n\nSEOUL, May 16 (Yonhap) -- Lawmakers met on Thursday.",
			want: []want{{typ: model.ArmsTransfer, status: model.Reported, from: "country:PRK", to: "country:RUS"}}},
		{id: "ST-REP-4 unnamed officials after the colon",
			text: "Russia buying drones from Iran: US officials\n\nWASHINGTON -- Lawmakers met on Thursday.",
			want: []want{{typ: model.ArmsTransfer, status: model.Reported, from: "country:IRN", to: "country:RUS"}}},
		{id: "ST-REP-4 a neighbour's government after the colon",
			text: "N. Korea fires ballistic missile into sea: Seoul\n\nSEOUL -- Lawmakers met on Thursday.",
			want: []want{{typ: model.MissileTest, status: model.Occurred, participants: []string{"country:PRK"}}}},
		// "According to" a party is its own account (ST-SELF-1).
		{id: "ST-SELF-1 according to the party's own ministry",
			text: "According to Iran's foreign ministry, Iran delivered drones to Russia in 2021.",
			want: []want{{typ: model.ArmsTransfer, status: model.Occurred, from: "country:IRN", to: "country:RUS"}}},
		{id: "ST-SELF-1 according to media stays reported",
			text: "Russian President Vladimir Putin and Chinese President Xi Jinping held talks in Beijing on Thursday, according to Japanese media.",
			want: []want{{typ: model.Meeting, status: model.Reported, participants: []string{"person:vladimir-putin", "person:xi-jinping"}}}},
		{id: "ST-REP-2 according to the party's state outlet",
			text: "North Korea test-fired a hypersonic missile on Tuesday, according to KCNA.",
			want: []want{{typ: model.MissileTest, status: model.Occurred, participants: []string{"country:PRK"}}}},
		{id: "ST-REP-3 a country's intelligence says",
			text: "Russia has received hundreds of drones from Iran since August, Ukrainian intelligence says.",
			want: []want{{typ: model.ArmsTransfer, status: model.Reported, from: "country:IRN", to: "country:RUS"}}},
		// An offer or a threat is conditional (ST-SPEC-4).
		{id: "ST-SPEC-4 offered to host talks",
			text: "Qatar offered to host talks between Israel and Hamas.",
			want: []want{{typ: model.Meeting, status: model.Speculative, participants: []string{"country:ISR", "org:hamas"}}}},
		{id: "ST-SPEC-4 threatened to impose sanctions",
			text: "Britain threatened to impose sanctions on Iran.",
			want: []want{{typ: model.Sanction, status: model.Speculative, participants: []string{"country:GBR", "country:IRN"}}}},
		{id: "ST-SPEC-4 imposed sanctions stays a fact",
			text: "Britain imposed sanctions on Iran on Monday.",
			want: []want{{typ: model.Sanction, status: model.Occurred, participants: []string{"country:GBR", "country:IRN"}}}},
		// A trigger that is itself a wish (ST-SPEC-2).
		{id: "ST-SPEC-2 is seeking to buy",
			text:  "Poland is seeking to buy Apache helicopters from the United States.",
			want:  []want{{typ: model.ArmsTransfer, status: model.Speculative, from: "country:USA", to: "country:POL"}},
			count: map[model.EventType]int{model.ArmsTransfer: 1}},
		// A present simple with a time ahead announces (ST-PLAN-3).
		{id: "ST-PLAN-3 a present simple with a date ahead",
			text: "Ghanaian President John Mahama meets Togolese President Faure Gnassingbe on May 28.",
			want: []want{{typ: model.Meeting, status: model.Planned, participants: []string{"person:john-mahama", "person:faure-gnassingbe"}}}},
		{id: "ST-PLAN-3 a present simple with a bare weekday is the day past",
			text: "North Korea fires ballistic missile on Thursday",
			want: []want{{typ: model.MissileTest, status: model.Occurred, participants: []string{"country:PRK"}}}},
		// A party's state denies a report of its official's act (ST-DEN-1).
		{id: "ST-DEN-1 a state denies the report of its leader's meeting",
			text: "Israeli media reported that Israeli Prime Minister Benjamin Netanyahu met Saudi Crown Prince Mohammed bin Salman in Neom. Israel denied the report.",
			want: []want{{typ: model.Meeting, status: model.Reported, participants: []string{"person:benjamin-netanyahu", "person:mohammed-bin-salman"}},
				{typ: model.Meeting, status: model.Denied, participants: []string{"person:benjamin-netanyahu", "person:mohammed-bin-salman"}}},
			count: map[model.EventType]int{model.Meeting: 2}},
		{id: "ST-DEN-1 a state outside the meeting denies nothing",
			text:  "Israeli media reported that Israeli Prime Minister Benjamin Netanyahu met Saudi Crown Prince Mohammed bin Salman in Neom. Egypt denied the report.",
			want:  []want{{typ: model.Meeting, status: model.Reported, participants: []string{"person:benjamin-netanyahu", "person:mohammed-bin-salman"}}},
			count: map[model.EventType]int{model.Meeting: 1}},
		// A headline's fact takes the body's attribution (ST-MERGE-2).
		{id: "ST-MERGE-2 the headline takes the body's allegation",
			text:  "Iran sends drones to Russia\n\nKYIV, May 16 (Reuters) - Iran has sent drones to Russia, Ukraine's foreign ministry said on Thursday.",
			want:  []want{{typ: model.ArmsTransfer, status: model.Alleged, from: "country:IRN", to: "country:RUS"}},
			count: map[model.EventType]int{model.ArmsTransfer: 1}},
		{id: "ST-MERGE-2 a headline over a body that states the fact",
			text: "Iran sends drones to Russia\n\nKYIV, May 16 (Reuters) - Iran sent drones to Russia on Monday.",
			want: []want{{typ: model.ArmsTransfer, status: model.Occurred, from: "country:IRN", to: "country:RUS"}}},
	} {
		t.Run(tc.id, func(t *testing.T) {
			checkEvents(t, extract(t, tc.text), tc.want, tc.not, tc.count)
		})
	}
}

// TestItSaidAfterTheContent: an "it said" that closes a sentence is the
// organization or country that spoke in the sentence before, not the last
// name of what is said (QT-SPEAKER-5); the event then carries that
// speaker's claim.
func TestItSaidAfterTheContent(t *testing.T) {
	for _, tc := range []struct {
		id, text, speech, speaker string
		want                      []want
	}{
		{"QT-SPEAKER-5 it said after a reported transfer", "The White House said Iran had sent drones to Russia. Iran sent more than 400 drones to Russia in August, it said.",
			"more than 400 drones", "country:USA",
			[]want{{typ: model.ArmsTransfer, status: model.Alleged, from: "country:IRN", to: "country:RUS"}}},
		{"QT-SPEAKER-5 it said with no speaker before", "Ghana and Togo signed a trade deal on Monday. Togo will open a consulate in Kumasi, it said.",
			"open a consulate", "country:TGO", nil},
	} {
		t.Run(tc.id, func(t *testing.T) {
			doc := extract(t, tc.text)
			checkEvents(t, doc, tc.want, nil, nil)
			checkSpeaker(t, doc, tc.speech, tc.speaker)
		})
	}
}
