package loader

import (
	"testing"

	"github.com/geokg/geokg/model"
)

// TestRecallB21 pins the constructions of issue 7's recall round on
// ruptures, aid, sanctions, tests and signings (session 21, helper
// recallb; docs/constructions.md, the rows named in each id), read from
// real reporting. Every text is written for this test; published Thursday
// 2024-05-16.
func TestRecallB21(t *testing.T) {
	other := func(a, b string) want {
		return want{typ: model.OtherEvent, status: model.Occurred, participants: []string{a, b}}
	}
	aid := func(from, to string) want {
		return want{typ: model.Aid, status: model.Planned, from: from, to: to}
	}
	for _, tc := range []eventCase{
		// Envoys of several states, listed after the envoy word: one act each.
		{"EV-RUPT-16 expelled the ambassadors of two states", "Chile expelled the ambassadors of Peru and Bolivia on Monday.",
			[]want{other("country:CHL", "country:PER"), other("country:CHL", "country:BOL")}, nil, map[model.EventType]int{model.OtherEvent: 2}},
		{"EV-RUPT-16 gave the ambassadors of two states hours to leave", "Quito has given the ambassadors of Peru and Bolivia 72 hours to leave Ecuador.",
			[]want{other("country:ECU", "country:PER"), other("country:ECU", "country:BOL")}, nil, map[model.EventType]int{model.OtherEvent: 2}},
		{"EV-RUPT-16 recalled its ambassadors to three states", "Peru recalled its ambassadors to Chile, Bolivia and Ecuador on Monday.",
			[]want{other("country:PER", "country:CHL"), other("country:PER", "country:BOL"), other("country:PER", "country:ECU")}, nil, map[model.EventType]int{model.OtherEvent: 3}},
		{"EV-RUPT-16 a state after the list's end is no side", "Chile recalled its ambassador to Peru and Bolivia's president protested.",
			[]want{other("country:CHL", "country:PER")}, nil, map[model.EventType]int{model.OtherEvent: 1}},
		{"EV-RUPT-16 a new subject after and is no side", "Chile recalled its ambassador to Peru and Bolivia protested.",
			[]want{other("country:CHL", "country:PER")}, nil, map[model.EventType]int{model.OtherEvent: 1}},
		// A recall in the passive is the envoy's own state's act.
		{"EV-RUPT-17 envoys to two states called back", "Syrian ambassadors to Kuwait and Qatar have also been called back.",
			[]want{other("country:SYR", "country:KWT"), other("country:SYR", "country:QAT")}, nil, map[model.EventType]int{model.OtherEvent: 2}},
		{"EV-RUPT-17 a state called back its envoy", "Syria called back its ambassador to Kuwait on Monday.",
			[]want{other("country:SYR", "country:KWT")}, nil, map[model.EventType]int{model.OtherEvent: 1}},
		{"EV-RUPT-17 an envoy expelled in the passive is still the host's act", "Peru's ambassador to Bolivia was expelled on Monday.",
			[]want{other("country:BOL", "country:PER")}, nil, map[model.EventType]int{model.OtherEvent: 1}},
		{"EV-RUPT-17 called back to a podium is no recall", "The minister was called back to the podium in Peru.",
			nil, []model.EventType{model.OtherEvent}, nil},
		// The chargé d'affaires is an envoy.
		{"EV-RUPT-18 expelled a charge d'affaires", "Libya decided on Monday to expel Syria's chargé d'affaires.",
			[]want{other("country:LBY", "country:SYR")}, nil, map[model.EventType]int{model.OtherEvent: 1}},
		{"EV-RUPT-18 a charge dropped is no act", "A court in Peru dropped the charge against Bolivia's former minister.",
			nil, []model.EventType{model.OtherEvent}, nil},
		// Money committed or promised is a pledge.
		{"EV-AID-5 committed money for a state", "Kuwait committed $250 million for Yemen on Monday.",
			[]want{aid("country:KWT", "country:YEM")}, nil, map[model.EventType]int{model.Aid: 1}},
		{"EV-AID-5 promised money to a state", "Britain has promised $264 million to Sudan.",
			[]want{aid("country:GBR", "country:SDN")}, nil, map[model.EventType]int{model.Aid: 1}},
		{"EV-AID-5 committed to peace is no gift", "Kuwait is committed to peace in Yemen, its foreign minister said.",
			nil, []model.EventType{model.Aid, model.ArmsTransfer}, nil},
		{"EV-AID-5 promised to support is no gift", "France promised to support Ukraine at the talks.",
			nil, []model.EventType{model.Aid, model.ArmsTransfer}, nil},
		// A pledge list with its verb said once.
		{"EV-AID-6 a pledge list with the verb said once", "Britain pledged $264 million for Yemen, Norway $75 million and Japan $24 million on Tuesday.",
			[]want{aid("country:GBR", "country:YEM"), aid("country:NOR", "country:YEM"), aid("country:JPN", "country:YEM")}, nil, map[model.EventType]int{model.Aid: 3}},
		{"EV-AID-6 the recipient the article established", "Kuwait pledged $250 million for Yemen. Britain promised $264 million, and Japan $24 million.",
			[]want{aid("country:KWT", "country:YEM"), aid("country:GBR", "country:YEM"), aid("country:JPN", "country:YEM")}, nil, map[model.EventType]int{model.Aid: 3}},
		{"EV-AID-6 a state without an amount gives nothing", "Britain pledged $100 million for Syria, and Norway, which hosted the talks, praised the pledge.",
			[]want{aid("country:GBR", "country:SYR")}, nil, map[model.EventType]int{model.Aid: 1}},
		// A test-verb fires a test whatever it fires.
		{"EV-TEST-6 test-fired what it claimed to be a guided weapon", "North Korea fired a ballistic missile on Monday. It came after the North test-fired what it claimed to be a tactical guided weapon on April 16.",
			[]want{{typ: model.MissileTest, status: model.Occurred, participants: []string{"country:PRK"}}}, nil, map[model.EventType]int{model.MissileTest: 2}},
		{"EV-TEST-6 flight-tested a new weapon", "Pakistan flight-tested what it described as a new guided weapon on Monday.",
			[]want{{typ: model.MissileTest, status: model.Occurred, participants: []string{"country:PAK"}}}, nil, nil},
		{"EV-TEST-6 fired a guided weapon is no test", "Iran fired a new guided weapon at the border on Monday.",
			nil, []model.EventType{model.MissileTest}, nil},
		// Weapons as a joint project's aim: the signing is an agreement.
		{"EV-ARMS-22 an agreement to jointly develop a tank", "Poland signed an agreement with South Korea on Monday to jointly develop a new tank.",
			[]want{{typ: model.Agreement, status: model.Occurred, participants: []string{"country:POL", "country:KOR"}}}, []model.EventType{model.ArmsTransfer}, nil},
		{"EV-ARMS-22 a letter of intent signed between three states to develop a missile system", "Another memorandum was signed between Turkey, France and Italy to develop an anti-ballistic missile system.",
			[]want{{typ: model.Agreement, status: model.Occurred, participants: []string{"country:TUR", "country:FRA", "country:ITA"}}}, []model.EventType{model.ArmsTransfer}, nil},
		{"EV-ARMS-22 a contract to buy tanks is still the transfer", "Poland signed a contract with South Korea to buy 180 K2 tanks.",
			[]want{{typ: model.ArmsTransfer, status: model.Planned, from: "country:KOR", to: "country:POL"}}, []model.EventType{model.Agreement}, nil},
		// An earlier purchase of another number, in a past year.
		{"EV-ARMS-23 a purchase in a past year beside the new contract", "Egypt signed a deal to buy 30 Rafale jets from France. It follows Egypt's purchase in 2015 of 24 Rafales.",
			[]want{{typ: model.ArmsTransfer, status: model.Planned, from: "country:FRA", to: "country:EGY"}, {typ: model.ArmsTransfer, status: model.Occurred, from: "country:FRA", to: "country:EGY"}}, nil, map[model.EventType]int{model.ArmsTransfer: 2}},
		{"EV-ARMS-23 the same number again is the same contract", "Egypt signed a deal to buy 30 Rafale jets from France. Egypt said the 30 Rafales would be paid for by 2030.",
			[]want{{typ: model.ArmsTransfer, from: "country:FRA", to: "country:EGY"}}, nil, map[model.EventType]int{model.ArmsTransfer: 1}},
		// A hard-wrapped line goes on.
		{"WIRE-TEXT-2 a hard-wrapped contract", "Israel has signed a contract\nto buy 14 additional F-35 fighter jets from the United States\nfor about $3 billion, the ministry said.",
			[]want{{typ: model.ArmsTransfer, status: model.Planned, from: "country:USA", to: "country:ISR"}}, nil, map[model.EventType]int{model.ArmsTransfer: 1}},
		{"WIRE-TEXT-2 a headline line is no wrap", "Israel signs F-35 deal\nIsrael has signed a contract to buy 14 F-35 jets from the United States.",
			[]want{{typ: model.ArmsTransfer, from: "country:USA", to: "country:ISR"}}, nil, map[model.EventType]int{model.ArmsTransfer: 1}},
		// Hit with sanctions: the subject is the target.
		{"EV-SANC-6 hit with new sanctions after a sanction told", "The European Union imposed sanctions on Iran on Monday. Belarus was also hit with new sanctions.",
			[]want{{typ: model.Sanction, participants: []string{"org:european-union", "country:IRN"}}, {typ: model.Sanction, participants: []string{"org:european-union", "country:BLR"}}}, nil, map[model.EventType]int{model.Sanction: 2}},
		{"EV-SANC-6 hit with sanctions by a bloc", "Belarus was hit with sanctions by the European Union on Monday.",
			[]want{{typ: model.Sanction, status: model.Occurred, participants: []string{"org:european-union", "country:BLR"}}}, nil, map[model.EventType]int{model.Sanction: 1}},
		{"EV-SANC-6 firms hit with the new sanctions retell them", "The United States imposed sanctions on four Iranian companies on Thursday. Safiran Airport Services and Paravar Pars Company were all hit with the new sanctions.",
			[]want{{typ: model.Sanction, participants: []string{"country:USA", "country:IRN"}}}, nil, map[model.EventType]int{model.Sanction: 1}},
		{"EV-SANC-6 hit with sanctions and no imposer told is none", "Belarus was hit with sanctions.",
			nil, []model.EventType{model.Sanction}, nil},
		// A source's aside inside a relative clause.
		{"EV-ARMS-24 firms that it says supplied drones", "Washington sanctioned two Chinese firms that it says supplied drones to Russia.",
			[]want{{typ: model.ArmsTransfer, from: "country:CHN", to: "country:RUS"}}, nil, map[model.EventType]int{model.ArmsTransfer: 1}},
		{"EV-ARMS-24 the source is no supplier", "The U.S. Treasury Department says that it is levying sanctions against four Iranian companies that it says were involved in sending drones to Russia.",
			[]want{{typ: model.ArmsTransfer, from: "country:IRN", to: "country:RUS"}}, nil, map[model.EventType]int{model.ArmsTransfer: 1}},
		{"EV-ARMS-24 a state that says it supplied is still the supplier", "Germany said that it supplied tanks to Ukraine in March.",
			[]want{{typ: model.ArmsTransfer, from: "country:DEU", to: "country:UKR"}}, nil, map[model.EventType]int{model.ArmsTransfer: 1}},
		// A system's name written with a hyphen.
		{"EV-ARMS-25 a contract for K-9 howitzers by their hyphenated name", "South Korea and India have close defence ties. South Korean firm Samsung-Techwin signed a contract for the sale of 100 modified K-9 Vajras to India in May 2017.",
			[]want{{typ: model.ArmsTransfer, status: model.Planned, from: "country:KOR", to: "country:IND"}}, []model.EventType{model.Agreement}, map[model.EventType]int{model.ArmsTransfer: 1}},
		{"EV-ARMS-25 police dog units are no transfer", "Police in India deployed K-9 units at the airport on Monday.",
			nil, []model.EventType{model.ArmsTransfer}, nil},
		// A state named as the venue after "meeting in" is no subject.
		{"EV-SANC-7 ministers meeting in a state are not that state", "The ministers meeting in Luxembourg approved a six-month extension of the sanctions on Russia.",
			nil, []model.EventType{model.Sanction}, nil},
		{"EV-SANC-7 a summit in a state is no imposer", "A summit in Belgium on Monday imposed sanctions on Russia.",
			nil, []model.EventType{model.Sanction}, nil},
		{"EV-SANC-7 a state that imposes is still the imposer", "Luxembourg imposed sanctions on Russia on Monday.",
			[]want{{typ: model.Sanction, participants: []string{"country:LUX", "country:RUS"}}}, nil, map[model.EventType]int{model.Sanction: 1}},
		// "agreed that": the parties are the subjects alone.
		{"EV-SANC-8 a bloc agreed that sanctions would stay", "EU leaders agreed in March that economic sanctions on Russia would stay.",
			nil, []model.EventType{model.Agreement}, nil},
		{"EV-SANC-8 two states agreed that prisoners would be exchanged", "Russia and Ukraine agreed on Friday that prisoners would be exchanged.",
			[]want{{typ: model.Agreement, participants: []string{"country:RUS", "country:UKR"}}}, nil, map[model.EventType]int{model.Agreement: 1}},
		{"EV-SANC-8 a state agreed with another that", "Russia agreed with Ukraine that prisoners would be exchanged.",
			[]want{{typ: model.Agreement, participants: []string{"country:RUS", "country:UKR"}}}, nil, map[model.EventType]int{model.Agreement: 1}},
		// "to expel X and to cut relations": the second infinitive shares the subject.
		{"EV-RUPT-19 a decision to expel and to cut relations", "Peru announced its decision to expel Chile's ambassador and to cut relations with the Chilean government.",
			[]want{other("country:PER", "country:CHL")}, nil, map[model.EventType]int{model.OtherEvent: 2}},
		{"EV-RUPT-19 a conjoined infinitive after a wish keeps its status", "Peru expelled Chile's ambassador on Monday. Bolivia said it wanted to help and to cut ties with Chile.",
			[]want{other("country:PER", "country:CHL"), {typ: model.OtherEvent, status: model.Speculative, participants: []string{"country:BOL", "country:CHL"}}}, nil, map[model.EventType]int{model.OtherEvent: 2}},
		// One month read two ways in one sentence.
		{"EV-ARMS-26 signed a deal to purchase jets in a month", "India signed a deal to purchase 26 Rafale fighter jets from France in April.",
			[]want{{typ: model.ArmsTransfer, status: model.Planned, from: "country:FRA", to: "country:IND"}}, nil, map[model.EventType]int{model.ArmsTransfer: 1}},
		{"EV-ARMS-26 a month in two sentences is two dates", "India met Pakistan in April 2019. India will meet Pakistan in April.",
			[]want{{typ: model.Meeting, status: model.Occurred, participants: []string{"country:IND", "country:PAK"}}, {typ: model.Meeting, status: model.Planned, participants: []string{"country:IND", "country:PAK"}}}, nil, map[model.EventType]int{model.Meeting: 2}},
		// Pledges whose recipient a giverless pledge names; US$ names no state.
		{"EV-AID-7 the recipient of donors' pledges", "Donors pledged $20 billion for Afghanistan on Thursday. The US said it will give US$10.2 billion, Britain US$1.2 billion and Japan US$550 million.",
			[]want{aid("country:USA", "country:AFG"), aid("country:GBR", "country:AFG"), aid("country:JPN", "country:AFG")}, nil, map[model.EventType]int{model.Aid: 3}},
		{"EV-AID-7 a Title Case headline states its pledge", "Donors Pledge US$20 Billion for Afghanistan\n\nThe US said it will give US$10.2 billion, Britain US$1.2 billion.",
			[]want{aid("country:USA", "country:AFG"), aid("country:GBR", "country:AFG")}, nil, map[model.EventType]int{model.Aid: 2}},
		{"EV-AID-7 a currency prefix is no state", "Japan pledged US$550 million for Afghanistan.",
			[]want{aid("country:JPN", "country:AFG")}, nil, map[model.EventType]int{model.Aid: 1}},
		{"EV-AID-7 two recipients of giverless pledges imply none", "Donors pledged $20 billion for Afghanistan and $5 billion for Pakistan. Britain said it will give $1.2 billion.",
			nil, nil, map[model.EventType]int{model.Aid: 0}},
		// Title Case headlines.
		{"EV-RUPT-20 a Title Case headline states its act", "Russia Expels Dutch Ambassador Over Spying\n\nOfficials said the move was expected.",
			[]want{other("country:RUS", "country:NLD")}, nil, map[model.EventType]int{model.OtherEvent: 1}},
		{"EV-RUPT-20 a capitalized conjunction ends the headline's clause", "Russia Suspends Treaty Participation As Biden Rallies Allies In Warsaw\n\nRussia said on Tuesday that it had suspended its participation in the treaty with the United States.",
			nil, nil, map[model.EventType]int{model.OtherEvent: 1}},
		{"EV-RUPT-20 a capitalized word in a sentence is still a name", "He spoke at the Centre for Strategic Dialogue in Paris on Monday.",
			nil, []model.EventType{model.Meeting}, nil},
		// Envoys in the plural, a capital before the envoy word, "its decision to".
		{"EV-RUPT-21 a decision by a state to expel a capital's envoys", "Russia expelled Dutch diplomats. The ministry called a decision by the Netherlands to expel Moscow envoys groundless.",
			[]want{other("country:RUS", "country:NLD"), other("country:NLD", "country:RUS")}, nil, map[model.EventType]int{model.OtherEvent: 2}},
		{"EV-RUPT-21 its decision to kick out envoys", "Moscow gave Belgian diplomats two weeks to leave. Belgium was criticised for its decision to kick out 21 Russian envoys last month.",
			[]want{other("country:RUS", "country:BEL"), other("country:BEL", "country:RUS")}, nil, map[model.EventType]int{model.OtherEvent: 2}},
		{"EV-RUPT-21 expelled envoys of a demonym", "Libya expelled Russian envoys on Monday.",
			[]want{other("country:LBY", "country:RUS")}, nil, map[model.EventType]int{model.OtherEvent: 1}},
		{"EV-RUPT-21 its decision to hold talks is no expulsion", "Belgium defended its decision to hold talks with Russia.",
			nil, []model.EventType{model.OtherEvent}, nil},
		{"EV-AID-6 a bank in the list gives", "Donors pledged $20 billion for Afghanistan. The US said it will give US$10.2 billion, Japan US$550 million and the World Bank US$1.1 billion.",
			[]want{aid("country:USA", "country:AFG"), aid("country:JPN", "country:AFG"), {typ: model.Aid, to: "country:AFG", participants: []string{"org:world-bank", "country:AFG"}}}, nil, map[model.EventType]int{model.Aid: 3}},
		{"EV-AID-6 a body that reports pledges gives nothing", "Kuwait pledged $250 million for Yemen. The UN said 40 pledges totaling $2.6 billion were received.",
			[]want{aid("country:KWT", "country:YEM")}, nil, map[model.EventType]int{model.Aid: 1}},
		{"EV-AID-6 an agency of a state in the list gives for it", "Kuwait pledged $250 million for Yemen. Britain promised $264 million, and the U.S. Agency for International Development (USAID) $24 million.",
			[]want{aid("country:KWT", "country:YEM"), aid("country:GBR", "country:YEM"), aid("country:USA", "country:YEM")}, nil, map[model.EventType]int{model.Aid: 3}},
		// Named systems of two makers received together.
		{"EV-ARMS-27 systems of two makers are two transfers", "The United States and South Korea are allies. India took delivery of ten K9 howitzers and two M777 howitzers on Friday.",
			[]want{{typ: model.ArmsTransfer, status: model.Occurred, from: "country:KOR", to: "country:IND"}, {typ: model.ArmsTransfer, status: model.Occurred, from: "country:USA", to: "country:IND"}}, nil, map[model.EventType]int{model.ArmsTransfer: 2}},
		{"EV-ARMS-27 a maker's state the article does not name gives nothing", "India took delivery of ten K9 howitzers and two M777 howitzers from South Korea on Friday.",
			[]want{{typ: model.ArmsTransfer, from: "country:KOR", to: "country:IND"}}, nil, map[model.EventType]int{model.ArmsTransfer: 1}},
		{"EV-ARMS-27 systems of one maker are one transfer", "Poland took delivery of K2 tanks and K9 howitzers from South Korea on Friday.",
			[]want{{typ: model.ArmsTransfer, from: "country:KOR", to: "country:POL"}}, nil, map[model.EventType]int{model.ArmsTransfer: 1}},
	} {
		t.Run(tc.id, func(t *testing.T) { checkEvents(t, extract(t, tc.text), tc.want, tc.not, tc.count) })
	}
}
