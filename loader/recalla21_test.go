package loader

import (
	"testing"

	"github.com/geokg/geokg/model"
)

// TestRecalla21 pins the constructions of session 21's recall round on
// meetings and visits (docs/constructions.md, the rows named in each id),
// read from real reporting of audiences, courtesy calls and receptions.
// Every text is written for this test; published Thursday 2024-05-16.
func TestRecalla21(t *testing.T) {
	for _, tc := range []eventCase{
		// Credentials: one meeting with each envoy, beside the envoy's state.
		{"EV-HOST-11 received the credentials of envoys named after their states", "Zambian President Hakainde Hichilema on Tuesday received the credentials of the new ambassadors of Peru, Carla Mendoza, and Norway, Erik Haugland.",
			[]want{{typ: model.Meeting, status: model.Occurred, participants: []string{"person:hakainde-hichilema", "person:carla-mendoza", "country:PER"}},
				{typ: model.Meeting, status: model.Occurred, participants: []string{"person:hakainde-hichilema", "person:erik-haugland", "country:NOR"}}}, nil, map[model.EventType]int{model.Meeting: 2}},
		{"EV-HOST-11 accredited the ambassadors of three states", "Zambian President Hakainde Hichilema accredited the ambassadors of Peru, Norway and Ghana on Tuesday.",
			[]want{{typ: model.Meeting, participants: []string{"person:hakainde-hichilema", "country:PER"}},
				{typ: model.Meeting, participants: []string{"person:hakainde-hichilema", "country:NOR"}},
				{typ: model.Meeting, participants: []string{"person:hakainde-hichilema", "country:GHA"}}}, nil, map[model.EventType]int{model.Meeting: 3}},
		{"EV-HOST-11 envoys presented their credentials to a president", "Carla Mendoza, Ambassador of Peru, and the envoys of Norway and Ghana presented their credentials to Zambian President Hakainde Hichilema on Tuesday.",
			[]want{{typ: model.Meeting, participants: []string{"person:hakainde-hichilema", "person:carla-mendoza", "country:PER"}},
				{typ: model.Meeting, participants: []string{"person:hakainde-hichilema", "country:NOR"}},
				{typ: model.Meeting, participants: []string{"person:hakainde-hichilema", "country:GHA"}}}, nil, map[model.EventType]int{model.Meeting: 3}},
		{"EV-HOST-11 a plan presented to a minister is no meeting", "Zambian Foreign Minister Mulambo Haimbe presented a plan to Kenyan President William Ruto.",
			nil, []model.EventType{model.Meeting}, nil},
		{"EV-HOST-11 credentials of no one named are no meeting", "Zambian President Hakainde Hichilema received the credentials of several new ambassadors on Tuesday.",
			nil, []model.EventType{model.Meeting}, nil},
		// Abbreviated titles before a name told in full before.
		{"EV-HOST-12 a courtesy call by a prime minister named by PM", "Prime Minister Sher Bahadur Deuba arrived in New Delhi on Sunday. Earlier in the day, PM Deuba paid a courtesy call on Indian President Ram Nath Kovind.",
			[]want{{typ: model.Meeting, status: model.Occurred, participants: []string{"person:sher-bahadur-deuba", "person:ram-nath-kovind"}}}, nil, map[model.EventType]int{model.Meeting: 1}},
		{"EV-HOST-12 a foreign minister named by FM", "Foreign Minister Hina Rabbani Khar arrived in Tehran on Monday. On Tuesday, FM Khar held talks with Iranian President Ebrahim Raisi.",
			[]want{{typ: model.Meeting, participants: []string{"person:hina-rabbani-khar", "person:ebrahim-raisi"}}}, nil, nil},
		{"EV-HOST-12 a time of day is no title", "Indian President Ram Nath Kovind will speak at 5 pm Friday in New Delhi.",
			nil, []model.EventType{model.Meeting}, nil},
		// "his Chinese counterpart" with no name after it: the person of that state named.
		{"EV-MULTI-15 talks with a counterpart named before", "Brazilian Foreign Minister Mauro Vieira and Egyptian Foreign Minister Sameh Shoukry arrived in Geneva on Monday. Vieira spoke before the talks with his Egyptian counterpart.",
			[]want{{typ: model.Meeting, participants: []string{"person:mauro-vieira", "person:sameh-shoukry"}}}, nil, map[model.EventType]int{model.Meeting: 1}},
		{"EV-MULTI-15 a counterpart named in the next sentence", "Brazilian Foreign Minister Mauro Vieira held a meeting with his Egyptian counterpart in Geneva. Vieira's meeting with Egyptian Foreign Minister Sameh Shoukry took place on Monday.",
			[]want{{typ: model.Meeting, participants: []string{"person:mauro-vieira", "person:sameh-shoukry"}}}, nil, map[model.EventType]int{model.Meeting: 1}},
		{"EV-MULTI-15 a counterpart of no one named is the state", "Brazilian Foreign Minister Mauro Vieira met his Egyptian counterpart in Geneva on Monday.",
			[]want{{typ: model.Meeting, participants: []string{"person:mauro-vieira", "country:EGY"}}}, nil, map[model.EventType]int{model.Meeting: 1}},
		// "called on" a person: a visit in person; "called on X to act" urges.
		{"EV-HOST-13 called on a governor-general", "Indian Prime Minister Narendra Modi called on Sir Bob Dadae, Governor-General of Papua New Guinea, on Monday.",
			[]want{{typ: model.Meeting, status: model.Occurred, participants: []string{"person:narendra-modi", "person:bob-dadae"}}}, nil, map[model.EventType]int{model.Meeting: 1}},
		{"EV-HOST-13 called on a leader to act is no meeting", "Indian Prime Minister Narendra Modi called on Russian President Vladimir Putin to end the war.",
			nil, []model.EventType{model.Meeting}, nil},
		{"EV-HOST-13 called on a state is no meeting", "Indian Prime Minister Narendra Modi called on Russia to withdraw its troops.",
			nil, []model.EventType{model.Meeting}, nil},
		// Hosts in real copy: "greeted", a guest titled by a country's name, a passive after "and".
		{"EV-HOST-14 received a guest titled by a country's name", "Indian Prime Minister Narendra Modi received US Secretary of State Antony Blinken in New Delhi.",
			[]want{{typ: model.Meeting, participants: []string{"person:narendra-modi", "person:antony-blinken"}}}, nil, map[model.EventType]int{model.Meeting: 1}},
		{"EV-HOST-14 landed and was greeted by a host", "Chinese President Hu Jintao arrived in the United States on Tuesday. Hu landed at the air base and was greeted by Vice President Joe Biden.",
			[]want{{typ: model.Meeting, participants: []string{"person:hu-jintao", "person:joe-biden"}}}, nil, map[model.EventType]int{model.Meeting: 1}},
		{"EV-HOST-14 welcomed a state's decision is no meeting", "Indian Prime Minister Narendra Modi welcomed Qatar's decision on the talks.",
			nil, []model.EventType{model.Meeting}, nil},
		{"EV-HOST-14 received a state's foreign minister", "Indian Prime Minister Narendra Modi received Oman's foreign minister in New Delhi.",
			[]want{{typ: model.Meeting, participants: []string{"person:narendra-modi", "country:OMN"}}}, nil, map[model.EventType]int{model.Meeting: 1}},
		{"EV-HOST-14 a speech applauded by a leader is no meeting", "Chinese President Hu Jintao gave a speech in Washington and was applauded by Vice President Joe Biden.",
			nil, []model.EventType{model.Meeting}, nil},
		// "A and B discussed X", "exchanged views with": the subjects and "with" Y met; X is a topic.
		{"EV-MULTI-16 two ministers discussed cooperation", "Brazilian Foreign Minister Mauro Vieira and Egyptian Foreign Minister Sameh Shoukry discussed cooperation between their ministries on Sunday.",
			[]want{{typ: model.Meeting, status: model.Occurred, participants: []string{"person:mauro-vieira", "person:sameh-shoukry"}}}, nil, map[model.EventType]int{model.Meeting: 1}},
		{"EV-MULTI-16 exchanged views with a counterpart", "Brazilian Foreign Minister Mauro Vieira exchanged views with Egyptian Foreign Minister Sameh Shoukry on regional issues.",
			[]want{{typ: model.Meeting, participants: []string{"person:mauro-vieira", "person:sameh-shoukry"}}}, nil, map[model.EventType]int{model.Meeting: 1}},
		{"EV-MULTI-16 the states discussed are topics", "Following the talks, the two delegations discussed Syria as well as Ukraine.",
			nil, []model.EventType{model.Meeting}, nil},
		{"EV-MULTI-16 the two leaders discussed after a call is no meeting", "Brazilian President Lula spoke with Egyptian President Abdel Fattah al-Sisi by phone on Monday. The two leaders discussed Gaza and trade.",
			nil, []model.EventType{model.Meeting}, nil},
		{"EV-MULTI-16 discussed in a call is no meeting", "Brazilian Foreign Minister Mauro Vieira discussed Gaza with Egyptian Foreign Minister Sameh Shoukry in a call on Sunday.",
			nil, []model.EventType{model.Meeting}, nil},
		// A country's name before a visit noun is its destination.
		{"EV-NOM-9 on a three-day country visit", "Kenyan President William Ruto arrived here on Sunday on a three-day Ghana visit.",
			[]want{{typ: model.Visit, status: model.Occurred, participants: []string{"person:william-ruto", "country:GHA"}}}, nil, map[model.EventType]int{model.Visit: 1}},
		{"EV-NOM-9 a visit of a delegation named after it is left alone", "Kenyan President William Ruto praised the Ghana visit of the Nigerian delegation.",
			nil, []model.EventType{model.Visit}, nil},
		{"EV-NOM-9 a leader's own country before the noun is no trip abroad", "Kenyan President William Ruto spoke on Sunday on a two-day Kenya visit by investors.",
			nil, []model.EventType{model.Visit}, nil},
		// A pronoun guest of a passive hosting verb.
		{"EV-HOST-15 he will be received by a host", "Kenyan President William Ruto arrived in Accra on Sunday. Later, he will be received by Ghanaian President John Mahama.",
			[]want{{typ: model.Meeting, status: model.Planned, participants: []string{"person:william-ruto", "person:john-mahama"}}}, nil, map[model.EventType]int{model.Meeting: 1}},
		{"EV-HOST-15 welcomed by crowds is no meeting", "Kenyan President William Ruto arrived in Accra on Sunday. He was welcomed by cheering crowds.",
			nil, []model.EventType{model.Meeting}, nil},
		// Official copy capitalizes a visit's style and noun.
		{"EV-NOM-10 on a State Visit to a country", "Ghanaian President John Mahama met Kenyan President William Ruto in Nairobi. The Ghanaian President is currently on a State Visit to Kenya.",
			[]want{{typ: model.Visit, status: model.Occurred, participants: []string{"person:john-mahama", "country:KEN"}}}, nil, map[model.EventType]int{model.Visit: 1}},
		{"EV-NOM-10 a capitalized visit in a programme's name is no visit", "Ghanaian President John Mahama praised the Official Visit Programme of Kenya.",
			nil, []model.EventType{model.Visit}, nil},
		// "the visiting minister X": the article does not make "visiting" a noun.
		{"EV-HOST-16 received the visiting minister", "Malaysian Prime Minister Anwar Ibrahim received the visiting Turkish Foreign Minister Hakan Fidan.",
			[]want{{typ: model.Meeting, participants: []string{"person:anwar-ibrahim", "person:hakan-fidan"}}, {typ: model.Visit, participants: []string{"person:hakan-fidan", "country:MYS"}}}, nil, map[model.EventType]int{model.Meeting: 1, model.Visit: 1}},
		{"EV-HOST-16 the visiting hours are no visit", "Malaysian Prime Minister Anwar Ibrahim praised the visiting hours of the palace.",
			nil, []model.EventType{model.Visit}, nil},
		// "his meeting with Y last November": the possessive's person met Y then.
		{"EV-NOM-11 recalled his dated meeting with a leader", "Ghanaian President John Mahama held talks on Monday with Kenyan President William Ruto. Mahama recalled his meeting with Ruto last November in Nairobi.",
			[]want{{typ: model.Meeting, participants: []string{"person:john-mahama", "person:william-ruto"}}, {typ: model.Meeting, participants: []string{"person:john-mahama", "person:william-ruto"}}}, nil, map[model.EventType]int{model.Meeting: 2}},
		{"EV-NOM-11 his undated talks retell the meeting told", "Ghanaian President John Mahama held talks on Monday with Kenyan President William Ruto. Mahama described his talks with Ruto as useful.",
			[]want{{typ: model.Meeting, participants: []string{"person:john-mahama", "person:william-ruto"}}}, nil, map[model.EventType]int{model.Meeting: 1}},
	} {
		t.Run(tc.id, func(t *testing.T) { checkEvents(t, extract(t, tc.text), tc.want, tc.not, tc.count) })
	}
}
