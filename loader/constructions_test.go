package loader

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/geokg/geokg/model"
)

// want is one event a construction must give: its type, status (or any
// when empty), supplier → recipient for transfers, and participants that
// must be among the event's (ids).
type want struct {
	typ          model.EventType
	status       model.Status
	from, to     string
	participants []string
}

// TestConstructions pins the event and status constructions of real
// reporting (docs/constructions.md), each with a sentence written for this
// test. Texts are published on Thursday 2024-05-16.
func TestConstructions(t *testing.T) {
	for _, tc := range []struct {
		id, text string
		want     []want
		not      []model.EventType // types that must not be extracted
	}{
		// Events stated as nouns.
		{"EV-NOM-1 visit as a possessive noun phrase", "The accord was signed during Chilean President Gabriel Boric's two-day visit to Vietnam.",
			[]want{{typ: model.Visit, status: model.Occurred, participants: []string{"person:gabriel-boric", "country:VNM"}}}, nil},
		{"EV-NOM-1 a visit in a capital named before it", "Xi Jinping signed ten accords in Hanoi on Tuesday during his first visit in six years.",
			[]want{{typ: model.Visit, status: model.Occurred, participants: []string{"person:xi-jinping", "country:VNM"}}}, nil},
		{"EV-NOM-1 a visit to the country named before it", "Lula and Lourenco signed a broad trade pact and several smaller accords in Luanda on Monday, at the end of Lula's first visit to the country since 2003.",
			[]want{{typ: model.Visit, status: model.Occurred, participants: []string{"person:luiz-inacio-lula-da-silva", "country:AGO"}}}, nil},
		{"EV-NOM-2 the signing of the agreement between A and B", "The signing of the fisheries agreement between Senegal and Mauritania took place in Dakar on Monday.",
			[]want{{typ: model.Agreement, participants: []string{"country:SEN", "country:MRT"}}}, nil},
		{"EV-NOM-2 under the deal", "Peru and Chile signed a water-sharing agreement on Friday. Under the deal, Peru will release more water from its dams.",
			[]want{{typ: model.Agreement, status: model.Occurred, participants: []string{"country:PER", "country:CHL"}}}, nil},
		{"EV-NOM-2 the deal was signed by A and B", "The fisheries deal was signed on Friday in Dakar by Senegal and Mauritania.",
			[]want{{typ: model.Agreement, status: model.Occurred, participants: []string{"country:SEN", "country:MRT"}}}, nil},
		{"EV-NOM-3 a visit by a demonym and title", "It was the first visit to Mongolia by a Japanese defence minister since 2011.",
			[]want{{typ: model.Visit, participants: []string{"country:JPN", "country:MNG"}}}, nil},
		{"EV-NOM-4 an expulsion as a noun", "In response to Lithuania's expulsion of a Belarusian diplomat, Minsk ordered a Lithuanian envoy to leave.",
			[]want{{typ: model.OtherEvent, participants: []string{"country:LTU", "country:BLR"}}}, nil},
		{"EV-NOM-6 talks between A and B", "Talks between Ghana and Togo on the border dispute resumed in Lome on Monday.",
			[]want{{typ: model.Meeting, participants: []string{"country:GHA", "country:TGO"}}}, nil},
		{"EV-NOM-7 a summit of A, B and C", "A summit of Brazil, Argentina and Paraguay on river trade is set for next month.",
			[]want{{typ: model.Meeting, status: model.Planned, participants: []string{"country:BRA", "country:ARG", "country:PRY"}}}, nil},
		{"EV-NOM-6 the last talks were held in a city", "The last talks between Armenia and Azerbaijan were held in Almaty in May.",
			[]want{{typ: model.Meeting, status: model.Occurred, participants: []string{"country:ARM", "country:AZE"}}}, nil},
		{"EV-NOM-6 a possessive meeting with a date", "Lula's meeting with Xi Jinping in Beijing on April 14 produced 15 agreements.",
			[]want{{typ: model.Meeting, status: model.Occurred, participants: []string{"person:luiz-inacio-lula-da-silva", "person:xi-jinping"}}}, nil},
		{"EV-NOM-2 the agreement signed in a month", "Chile and Peru renewed the fisheries agreement signed in March 2019.",
			[]want{{typ: model.Agreement, status: model.Occurred, participants: []string{"country:CHL", "country:PER"}}}, nil},
		{"EV-NOM-5 a delivery as a noun", "The delivery of six Caesar howitzers from France to Armenia was completed on Monday.",
			[]want{{typ: model.ArmsTransfer, status: model.Occurred, from: "country:FRA", to: "country:ARM"}}, nil},
		// Hosting, receiving and travel.
		{"EV-HOST-1 arrived in a capital for talks", "Ghanaian President John Mahama arrived in Seoul on Sunday for a four-day state visit.",
			[]want{{typ: model.Visit, status: model.Occurred, participants: []string{"person:john-mahama", "country:KOR"}}}, nil},
		{"EV-HOST-1 left for", "Foreign Minister Ahmed Attaf left for Tunis on Tuesday.",
			[]want{{typ: model.Visit, participants: []string{"person:ahmed-attaf", "country:TUN"}}}, nil},
		{"EV-HOST-1 travel after an apposition", "Ana Duarte, Portugal's foreign minister, flew to Luanda on Wednesday and met President Joao Lourenco.",
			[]want{{typ: model.Visit, status: model.Occurred, participants: []string{"person:ana-duarte", "country:AGO"}}}, nil},
		{"EV-HOST-1 who travelled, after an apposition", "The talks were arranged by Pedro Alves, a senior adviser to Lula, who traveled to Nairobi on May 3.",
			[]want{{typ: model.Visit, status: model.Occurred, participants: []string{"person:pedro-alves", "country:KEN"}}}, nil},
		{"EV-HOST-1 a second leg after and will", "Blinken will fly to Tokyo on Sunday to brief Prime Minister Fumio Kishida and will travel on to Beijing on Tuesday.",
			[]want{{typ: model.Visit, status: model.Planned, participants: []string{"person:antony-blinken", "country:JPN"}},
				{typ: model.Visit, status: model.Planned, participants: []string{"person:antony-blinken", "country:CHN"}}}, nil},
		{"EV-HOST-1 two travellers come to a capital", "Presidents Bola Tinubu and John Mahama will come to Paris next month to sign the accord.",
			[]want{{typ: model.Visit, status: model.Planned, participants: []string{"person:bola-tinubu", "country:FRA"}},
				{typ: model.Visit, status: model.Planned, participants: []string{"person:john-mahama", "country:FRA"}}}, nil},
		{"EV-HOST-1 came to an end is no visit", "The talks came to an end in March.", nil, []model.EventType{model.Visit}},
		{"EV-HOST-3 received a visiting minister", "Prime Minister Anwar Ibrahim received visiting Turkish Foreign Minister Hakan Fidan in Putrajaya.",
			[]want{{typ: model.Meeting, participants: []string{"person:anwar-ibrahim", "person:hakan-fidan"}},
				{typ: model.Visit, participants: []string{"person:hakan-fidan", "country:MYS"}}}, nil},
		{"EV-HOST-4 received a delegation led by", "President Ilham Aliyev received a delegation led by Serbian Foreign Minister Marko Djuric.",
			[]want{{typ: model.Meeting, status: model.Occurred, participants: []string{"person:ilham-aliyev", "person:marko-djuric"}}}, []model.EventType{model.Visit}},
		{"EV-HOST-5 welcomed B to a capital", "Sheikh Mohamed bin Zayed welcomed Indonesian President Prabowo Subianto to Abu Dhabi on Wednesday.",
			[]want{{typ: model.Meeting, participants: []string{"person:mohamed-bin-zayed", "person:prabowo-subianto"}},
				{typ: model.Visit, participants: []string{"person:prabowo-subianto", "country:ARE"}}}, nil},
		{"EV-HOST-6 hosted B for a state visit", "Chinese President Xi Jinping hosted Brazilian President Luiz Inacio Lula da Silva for a state visit.",
			[]want{{typ: model.Meeting, participants: []string{"person:xi-jinping", "person:luiz-inacio-lula-da-silva"}},
				{typ: model.Visit, participants: []string{"person:luiz-inacio-lula-da-silva", "country:CHN"}}}, nil},
		{"EV-HOST-8 a banquet in honour of a guest", "Emperor Naruhito hosted a state banquet in honour of Kenyan President William Ruto.",
			[]want{{typ: model.Meeting, participants: []string{"person:naruhito", "person:william-ruto"}}}, nil},
		{"EV-HOST-2 an invitation formula", "At the invitation of Foreign Minister Wang Yi, Ghanaian Foreign Minister Samuel Ablakwa will pay an official visit to China from June 3 to 5.",
			[]want{{typ: model.Visit, status: model.Planned, participants: []string{"person:samuel-ablakwa", "country:CHN"}}}, nil},
		// Several parties, third countries, mediators.
		{"EV-MULTI-1 a multi-stop trip", "Lula will travel to Angola, then Nigeria and Ghana.",
			[]want{{typ: model.Visit, status: model.Planned, participants: []string{"country:AGO"}},
				{typ: model.Visit, status: model.Planned, participants: []string{"country:NGA"}},
				{typ: model.Visit, status: model.Planned, participants: []string{"country:GHA"}}}, nil},
		{"EV-MULTI-2 on the sidelines of a summit", "On the sidelines of the BRICS summit in Kazan, Narendra Modi met Xi Jinping.",
			[]want{{typ: model.Meeting, status: model.Occurred, participants: []string{"person:narendra-modi", "person:xi-jinping"}}}, nil},
		{"EV-MULTI-3 talks mediated by a third country", "Envoys of Iran and Egypt held talks in Baghdad on Sunday mediated by Iraq.",
			[]want{{typ: model.Meeting, participants: []string{"country:IRN", "country:EGY", "country:IRQ"}}}, nil},
		{"EV-MULTI-3 a deal brokered by a third country", "Armenia and Azerbaijan signed a peace agreement brokered by the United States.",
			[]want{{typ: model.Agreement, participants: []string{"country:ARM", "country:AZE", "country:USA"}}}, nil},
		{"EV-MULTI-4 separate talks with several counterparts", "Foreign Minister Penny Wong held separate talks with her counterparts from Poland, Kenya and Chile.",
			[]want{{typ: model.Meeting, participants: []string{"person:penny-wong", "country:POL"}},
				{typ: model.Meeting, participants: []string{"person:penny-wong", "country:KEN"}},
				{typ: model.Meeting, participants: []string{"person:penny-wong", "country:CHL"}}}, nil},
		{"EV-MULTI-5 the ministers of A and B held talks", "The defence ministers of Japan and the Philippines held talks in Manila on Tuesday.",
			[]want{{typ: model.Meeting, participants: []string{"country:JPN", "country:PHL"}}}, nil},
		{"EV-MULTI-7 a summit attended by a list", "The extraordinary summit in Abuja was attended by John Mahama of Ghana, Bola Tinubu of Nigeria and Julius Maada Bio of Sierra Leone.",
			[]want{{typ: model.Meeting, participants: []string{"person:john-mahama", "person:bola-tinubu", "person:julius-maada-bio"}}}, nil},
		{"EV-MULTI-9 a signing witnessed by a third party", "Chad and Sudan signed the border accord in Doha, witnessed by Qatar.",
			[]want{{typ: model.Agreement, participants: []string{"country:TCD", "country:SDN", "country:QAT"}}}, nil},
		{"EV-MULTI-10 reciprocal expulsions", "Moldova and Russia expelled each other's military attaches this week.",
			[]want{{typ: model.OtherEvent, participants: []string{"country:MDA", "country:RUS"}},
				{typ: model.OtherEvent, participants: []string{"country:RUS", "country:MDA"}}}, nil},
		{"EV-HOST-9 welcomed the leaders of A and B", "Kenyan President William Ruto welcomed the leaders of Uganda and Tanzania to Nairobi on Friday.",
			[]want{{typ: model.Meeting, status: model.Occurred, participants: []string{"person:william-ruto", "country:UGA", "country:TZA"}},
				{typ: model.Visit, participants: []string{"country:UGA", "country:KEN"}},
				{typ: model.Visit, participants: []string{"country:TZA", "country:KEN"}}}, nil},
		{"EV-HOST-4 received two guests", "President Ilham Aliyev received Serbian Foreign Minister Marko Djuric and Hungarian Foreign Minister Peter Szijjarto in Baku.",
			[]want{{typ: model.Meeting, participants: []string{"person:ilham-aliyev", "person:marko-djuric", "person:peter-szijjarto"}}}, nil},
		{"EV-MULTI-7 a bloc's summit chaired by a host, attended by a list", "Nigerian President Bola Tinubu chaired the summit of ECOWAS in Abuja on Sunday, attended by the presidents of Ghana, Senegal and Liberia.",
			[]want{{typ: model.Meeting, status: model.Occurred, participants: []string{"person:bola-tinubu", "country:GHA", "country:SEN", "country:LBR"}}}, nil},
		{"EV-MULTI-7 a summit attended by leaders", "Narendra Modi attended the summit of the Shanghai Cooperation Organisation in Astana with Xi Jinping and Vladimir Putin.",
			[]want{{typ: model.Meeting, participants: []string{"person:narendra-modi", "person:xi-jinping", "person:vladimir-putin"}}}, nil},
		{"a body's own session is no meeting", "Iran held a meeting of its Supreme National Security Council on Monday.", nil, []model.EventType{model.Meeting}},
		// Orders, purchases, deliveries.
		{"EV-ARMS-1 a contract to buy from a maker's country", "Romania signed a contract on Tuesday to buy 12 F-16 fighter jets from Norway.",
			[]want{{typ: model.ArmsTransfer, status: model.Planned, from: "country:NOR", to: "country:ROU"}}, nil},
		{"EV-ARMS-1 ordered from", "Morocco has ordered 13 drones from Turkey.",
			[]want{{typ: model.ArmsTransfer, status: model.Planned, from: "country:TUR", to: "country:MAR"}}, nil},
		{"EV-ARMS-2 the sale of a made system to B", "Egypt and France signed a deal for the sale of 30 more Rafale jets to Cairo.",
			[]want{{typ: model.ArmsTransfer, status: model.Planned, from: "country:FRA", to: "country:EGY"}}, nil},
		{"EV-ARMS-7 a delivery", "Turkey delivered the first two drones to Niger on Saturday.",
			[]want{{typ: model.ArmsTransfer, status: model.Occurred, from: "country:TUR", to: "country:NER"}}, nil},
		{"EV-ARMS-8 a supplier named by a made-in adjective", "Morocco ordered 13 Chinese-made drones last year.",
			[]want{{typ: model.ArmsTransfer, status: model.Planned, from: "country:CHN", to: "country:MAR"}}, nil},
		{"EV-ARMS-9 a suspended purchase stays the plan", "Colombia suspended its purchase of Israeli drones in March.",
			[]want{{typ: model.ArmsTransfer, status: model.Planned, from: "country:ISR", to: "country:COL"}}, []model.EventType{model.OtherEvent}},
		{"EV-ARMS-10 an approved sale", "Washington approved the sale of 40 F-16 jets to Turkey, the Pentagon said.",
			[]want{{typ: model.ArmsTransfer, status: model.Planned, from: "country:USA", to: "country:TUR"}}, nil},
		{"EV-ARMS-11 a maker signing with the buyer's ministry", "Brazil's Embraer signed a contract with Hungary's defence ministry for two C-390 military transport aircraft.",
			[]want{{typ: model.ArmsTransfer, status: model.Planned, from: "country:BRA", to: "country:HUN", participants: []string{"org:embraer"}}}, nil},
		{"EV-ARMS-7 a capital as the side of a delivery", "Moscow delivered two S-400 batteries to Ankara in July.",
			[]want{{typ: model.ArmsTransfer, status: model.Occurred, from: "country:RUS", to: "country:TUR"}}, nil},
		{"EV-ARMS-5 a pledge of a state's own equipment", "Denmark pledged 19 of its own F-16 jets to Ukraine on Sunday.",
			[]want{{typ: model.ArmsTransfer, status: model.Planned, from: "country:DNK", to: "country:UKR"}}, nil},
		{"EV-ARMS-4 talks over a weapons system", "Turkey held talks with Russia over a second batch of S-400 systems.",
			[]want{{typ: model.ArmsNegotiation, participants: []string{"country:TUR", "country:RUS"}}}, []model.EventType{model.Meeting}},
		{"EV-ARMS-4 in talks to buy", "Poland is in talks with Washington to buy 500 HIMARS rocket launchers.",
			[]want{{typ: model.ArmsNegotiation, participants: []string{"country:POL", "country:USA"}}}, nil},
		{"EV-ARMS-4 talks that produced an order are talks", "The two presidents held talks in Beijing that also produced an order for Airbus jets.",
			nil, []model.EventType{model.ArmsNegotiation}},
		// Ruptures and reversals.
		{"EV-RUPT-1 an envoy given hours to leave", "Niger gave the Ivorian ambassador 72 hours to leave the country.",
			[]want{{typ: model.OtherEvent, participants: []string{"country:NER", "country:CIV"}}}, nil},
		{"EV-RUPT-2 a coup", "Army officers in Guinea-Bissau seized power on Wednesday.",
			[]want{{typ: model.OtherEvent, status: model.Occurred, participants: []string{"country:GNB"}}}, nil},
		{"EV-RUPT-3 ties broken off", "Nicaragua broke off diplomatic relations with the Netherlands on Friday.",
			[]want{{typ: model.OtherEvent, status: model.Occurred, participants: []string{"country:NIC", "country:NLD"}}}, nil},
		{"EV-RUPT-4 an ambassador recalled", "Chile recalled its ambassador to Israel for consultations on Tuesday.",
			[]want{{typ: model.OtherEvent, participants: []string{"country:CHL", "country:ISR"}}}, nil},
		{"EV-RUPT-5 a plan called off stays the plan", "Ghanaian President John Mahama cancelled his trip to Togo.",
			[]want{{typ: model.Visit, status: model.Planned, participants: []string{"person:john-mahama", "country:TGO"}}}, []model.EventType{model.OtherEvent}},
		{"EV-RUPT-8 ties downgraded", "Ecuador downgraded its relations with Mexico to the level of charge d'affaires.",
			[]want{{typ: model.OtherEvent, participants: []string{"country:ECU", "country:MEX"}}}, nil},
		{"EV-RUPT-7 an ambassador summoned", "Tokyo summoned China's ambassador on Friday over the drone flights.",
			[]want{{typ: model.OtherEvent, participants: []string{"country:JPN", "country:CHN"}}}, nil},
		{"EV-RUPT-6 embassies reopened", "Saudi Arabia reopened its embassy in Damascus on Tuesday, ending its rift with Syria.",
			[]want{{typ: model.OtherEvent, status: model.Occurred, participants: []string{"country:SAU", "country:SYR"}}}, nil},
		{"EV-RUPT-6 an agreement to reopen embassies is the agreement", "Iran and Saudi Arabia agreed on Friday to restore diplomatic relations and reopen embassies, in a deal brokered by China.",
			[]want{{typ: model.Agreement, participants: []string{"country:IRN", "country:SAU", "country:CHN"}}}, []model.EventType{model.OtherEvent}},
		{"EV-RUPT-8 airspace closed", "Pakistan closed its airspace to Indian airlines on Thursday.",
			[]want{{typ: model.OtherEvent, participants: []string{"country:PAK", "country:IND"}}}, nil},
		{"EV-RUPT-8 trade suspended is a sanction", "China suspended imports of Japanese seafood on Monday.",
			[]want{{typ: model.Sanction, participants: []string{"country:CHN", "country:JPN"}}}, nil},
		{"EV-RUPT-8 trade halted is a sanction", "Qatar halted all trade with the UAE.",
			[]want{{typ: model.Sanction, participants: []string{"country:QAT", "country:ARE"}}}, nil},
		{"EV-MULTI-8 several states cutting ties in one sentence", "Saudi Arabia, Bahrain and Egypt cut diplomatic ties with Qatar on Monday.",
			[]want{{typ: model.OtherEvent, participants: []string{"country:SAU", "country:QAT"}},
				{typ: model.OtherEvent, participants: []string{"country:BHR", "country:QAT"}},
				{typ: model.OtherEvent, participants: []string{"country:EGY", "country:QAT"}}}, nil},
		{"EV-MULTI-8 followed suit", "Burkina Faso expelled the French ambassador on Monday. Mali and Niger followed suit.",
			[]want{{typ: model.OtherEvent, participants: []string{"country:BFA", "country:FRA"}},
				{typ: model.OtherEvent, participants: []string{"country:MLI", "country:FRA"}},
				{typ: model.OtherEvent, participants: []string{"country:NER", "country:FRA"}}}, nil},
		{"EV-MULTI-8 also recalled its envoy", "Bahrain recalled its ambassador from Lebanon on Friday. The UAE also recalled its envoy.",
			[]want{{typ: model.OtherEvent, participants: []string{"country:BHR", "country:LBN"}},
				{typ: model.OtherEvent, participants: []string{"country:ARE", "country:LBN"}}}, nil},
		// Events inside quotations and reported speech.
		{"EV-QUOTE-1 an event inside a quotation", `"We have severed relations with Israel," Bolivian Foreign Minister Celinda Sosa said.`,
			[]want{{typ: model.OtherEvent, status: model.Occurred, participants: []string{"country:BOL", "country:ISR"}}}, nil},
		{"EV-QUOTE-2 a recipient reporting its own receipt", "Defence Minister Rustem Umerov said Ukraine had received the first Mirage jets from France.",
			[]want{{typ: model.ArmsTransfer, status: model.Occurred, from: "country:FRA", to: "country:UKR"}}, nil},
		// Tests, sanctions, aid, and what is not an event.
		{"EV-NOT-2 phone talks are no meeting", "Saudi Crown Prince Mohammed bin Salman held phone talks with Ukrainian President Volodymyr Zelensky.",
			nil, []model.EventType{model.Meeting}},
		{"EV-AID-1 a pledge is planned", "Qatar pledged $50 million in humanitarian aid to Sudan on Sunday.",
			[]want{{typ: model.Aid, status: model.Planned, from: "country:QAT", to: "country:SDN"}}, nil},
		// Status.
		{"ST-SELF-1 a party stating its own act", "Ghana's foreign ministry said it had recalled its ambassador from Burkina Faso.",
			[]want{{typ: model.OtherEvent, status: model.Occurred, participants: []string{"country:GHA", "country:BFA"}}}, nil},
		{"ST-ALL-1 a claim about another state stays alleged", "Ukraine said Belarus had supplied fuel to Russian units.",
			[]want{{typ: model.Aid, status: model.Alleged, from: "country:BLR", to: "country:RUS"}}, nil},
		{"ST-PLAN-1 expected to travel", "Narendra Modi is expected to travel to Brazil next week.",
			[]want{{typ: model.Visit, status: model.Planned, participants: []string{"person:narendra-modi", "country:BRA"}}}, nil},
		{"ST-NEG-1 a meeting not held", "The two presidents did not hold a bilateral meeting in Lima.", nil, []model.EventType{model.Meeting}},
		{"EV-TEST-1 carried out a missile test", "Iran carried out a missile test over the Gulf of Oman on Monday, state television said.",
			[]want{{typ: model.MissileTest, status: model.Occurred, participants: []string{"country:IRN"}}}, nil},
		{"EV-TEST-3 could carry out further missile tests", "Analysts said Iran could carry out further missile tests in the coming months.",
			[]want{{typ: model.MissileTest, status: model.Speculative, participants: []string{"country:IRN"}}}, nil},
		{"EV-SANC-1 targets named by the body they supply", "Canada on Tuesday sanctioned 30 more firms, including suppliers of drone parts to the Iranian army.",
			[]want{{typ: model.Sanction, status: model.Occurred, participants: []string{"country:CAN", "country:IRN"}}}, nil},
		{"ST-ALL-1 the accused as the antecedent of whom", "Ottawa sanctioned Iranian Defence Minister Aziz Nasirzadeh, whom Canada accuses of supplying drones to Russia.",
			[]want{{typ: model.Sanction, status: model.Occurred, participants: []string{"country:CAN", "person:aziz-nasirzadeh"}},
				{typ: model.ArmsTransfer, status: model.Alleged, from: "country:IRN", to: "country:RUS"}}, nil},
		{"EV-RUPT-9 recognition switched from one capital to another", "Nauru switched diplomatic recognition from Taipei to Beijing in January.",
			[]want{{typ: model.OtherEvent, status: model.Occurred, participants: []string{"country:NRU", "country:TWN", "country:CHN"}}}, nil},
		{"ST-ALL-1 the accused oversees a supply named as a noun", "Brussels listed Iranian Defence Minister Aziz Nasirzadeh, whom the bloc accuses of overseeing the supply of drones to Russia.",
			[]want{{typ: model.ArmsTransfer, status: model.Alleged, from: "country:IRN", to: "country:RUS"}}, nil},
		{"ST-DEN-1 a denial in a relative clause after the claim", "Ukraine has accused Belarus of supplying fuel to Russian units, which both countries deny.",
			[]want{{typ: model.Aid, status: model.Alleged, from: "country:BLR", to: "country:RUS"},
				{typ: model.Aid, status: model.Denied, from: "country:BLR", to: "country:RUS"}}, nil},
		{"ST-SPEC-1 May the month is no hedge", "Foreign Minister Ahmed Attaf traveled to Tunis on May 3 for talks.",
			[]want{{typ: model.Visit, status: model.Occurred, participants: []string{"person:ahmed-attaf", "country:TUN"}}}, nil},
		{"ST-SPEC-1 possibility", "Washington might approve the sale of F-16 jets to Turkey, a broadcaster reported.",
			[]want{{typ: model.ArmsTransfer, status: model.Speculative, from: "country:USA", to: "country:TUR"}}, nil},
		{"ST-PLAN-2 a trip called off stays the plan", "Ghanaian President John Mahama cancelled his trip to Togo, which would have been his first visit to Togo as president.",
			[]want{{typ: model.Visit, status: model.Planned, participants: []string{"country:TGO"}}}, nil},
		{"ST-HEDGE-1 an apparent coup is a coup", "Soldiers in Gabon took over state television in what appeared to be a coup on Wednesday.",
			[]want{{typ: model.OtherEvent, status: model.Occurred, participants: []string{"country:GAB"}}}, nil},
		{"ST-REP-1 a newspaper citing officials", "Jordan has bought 12 Black Hawk helicopters from the United States, the newspaper Al Ghad reported, citing officials.",
			[]want{{typ: model.ArmsTransfer, status: model.Reported, from: "country:USA", to: "country:JOR"}}, nil},
		{"ST-REP-2 unnamed officials closing the sentence", "Kenyan and Somali negotiators met in Nairobi on Sunday, officials said.",
			[]want{{typ: model.Meeting, status: model.Reported, participants: []string{"country:KEN", "country:SOM"}}}, nil},
		{"ST-REP-3 unnamed officials opening reported speech", "Western officials told the newspaper that Belarus had held talks with Iran on trade.",
			[]want{{typ: model.Meeting, status: model.Reported, participants: []string{"country:BLR", "country:IRN"}}}, nil},
		{"ST-REP-4 according to a party is its own account", "Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed in Addis Ababa on Monday, according to Ruto's office.",
			[]want{{typ: model.Meeting, status: model.Occurred, participants: []string{"person:william-ruto"}}}, nil},
		{"ST-REP-5 an attribution inside a relative clause is that clause's", "Egypt, which according to a Swedish institute buys most of its weapons abroad, received its first Rafale jets from France in July 2015.",
			[]want{{typ: model.ArmsTransfer, status: model.Occurred, from: "country:FRA", to: "country:EGY"}}, nil},
		{"ST-BG-1 a temporal clause tells a known fact", "Ties have warmed since Indonesian President Prabowo Subianto visited Beijing in November, Chinese officials said.",
			[]want{{typ: model.Visit, status: model.Occurred, participants: []string{"person:prabowo-subianto", "country:CHN"}}}, nil},
		{"ST-OFF-1 an outsider telling what happened", "Kenya and Uganda signed a border accord on Monday, the chairperson of the African Union said.",
			[]want{{typ: model.Agreement, status: model.Occurred, participants: []string{"country:KEN", "country:UGA"}}}, nil},
		{"relative clause: its hedge is not the event's", "Iran and Saudi Arabia signed an agreement that could reshape the region.",
			[]want{{typ: model.Agreement, status: model.Occurred, participants: []string{"country:IRN", "country:SAU"}}}, nil},
	} {
		t.Run(tc.id, func(t *testing.T) {
			doc := extract(t, tc.text)
			var got []string
			for _, ev := range doc.Events {
				got = append(got, fmt.Sprintf("%s %v %s→%s %s", ev.Type, ev.Participants, ev.Supplier, ev.Recipient, ev.Status))
				if slices.Contains(tc.not, ev.Type) {
					t.Errorf("unexpected %s event", ev.Type)
				}
			}
			for _, w := range tc.want {
				if !slices.ContainsFunc(doc.Events, w.matches) {
					t.Errorf("no %s %s %s→%s with %v; got %s", w.status, w.typ, w.from, w.to, w.participants, strings.Join(got, "; "))
				}
			}
		})
	}
}

func (w want) matches(ev model.Event) bool {
	if ev.Type != w.typ || w.status != "" && ev.Status != w.status || w.from != "" && ev.Supplier != w.from || w.to != "" && ev.Recipient != w.to {
		return false
	}
	for _, p := range w.participants {
		if !slices.Contains(ev.Participants, p) {
			return false
		}
	}
	return true
}
