package loader

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/geokg/geokg/model"
)

// extract runs the extractor on a short text published on 2024-05-16 (a Thursday).
func extract(t *testing.T, text string) *model.Document {
	t.Helper()
	doc, err := extractor(t).Extract([]byte(text), Meta{Published: "2024-05-16"})
	if err != nil {
		t.Fatal(err)
	}
	checkSpans(t, doc)
	return doc
}

func entityNamed(doc *model.Document, name string) *model.Entity {
	for i, e := range doc.Entities {
		if e.Name == name || slices.Contains(e.Aliases, name) {
			return &doc.Entities[i]
		}
	}
	return nil
}

// TestQuotes: quotations and their speakers, attributed in the ways news writes them.
func TestQuotes(t *testing.T) {
	for _, tc := range []struct {
		name, text, quote, speaker string
	}{
		{"after", "Rebekah Koffler, an analyst, spoke. “Two of our top adversaries are joining forces,” Koffler said.",
			"Two of our top adversaries are joining forces,", "person:rebekah-koffler"},
		{"inverted", `"We will not back down from this challenge," said Antony Blinken, the U.S. secretary of state.`,
			"We will not back down from this challenge,", "person:antony-blinken"},
		{"before with colon", `John Kirby, the NSC spokesman, told reporters: "Arms negotiations are actively advancing."`,
			"Arms negotiations are actively advancing.", "person:john-kirby"},
		{"pronoun", "Foreign Minister Penny Wong met her Chinese counterpart. “We have to manage our differences wisely,” she said.",
			"We have to manage our differences wisely,", "person:penny-wong"},
		{"organization", `The Russian Foreign Ministry rejected the report. "These claims are absolutely groundless," the ministry said in a statement.`,
			"These claims are absolutely groundless,", "org:ministry-of-foreign-affairs-of-russia"},
		{"metonym", `"There are no plans for such a visit right now," the Kremlin said.`,
			"There are no plans for such a visit right now,", "country:RUS"},
		{"continued in next sentence", "“The talks were frank,” Kirby said. “They will continue next week in Geneva.”",
			"They will continue next week in Geneva.", "person:john-kirby"},
		{"continued in next paragraph", "Mark Rutte, the NATO secretary general, said: “Allies must spend more on defense.\n“Our security depends on it today and tomorrow.”",
			"Our security depends on it today and tomorrow.", "person:mark-rutte"},
		{"news agency before the quote", "The Korean Central News Agency reported on Monday that “Kim Jong Un will be visiting Russia soon.”",
			"Kim Jong Un will be visiting Russia soon.", "org:korean-central-news-agency"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := extract(t, tc.text)
			for _, s := range doc.Statements {
				if s.Direct && s.Text == tc.quote {
					if s.Speaker != tc.speaker {
						t.Errorf("speaker = %s, want %s", s.Speaker, tc.speaker)
					}
					return
				}
			}
			t.Errorf("no quotation %q in %+v", tc.quote, doc.Statements)
		})
	}
}

// TestPeople: names, roles and coreference.
func TestPeople(t *testing.T) {
	doc := extract(t, strings.Join([]string{
		"Russian President Vladimir Putin met North Korean leader Kim Jong-un in Vladivostok.",
		"Rebekah Koffler, a former senior official at the Defense Intelligence Agency, said the meeting mattered.",
		"Koffler added that Putin wanted shells. Kim's train left Pyongyang on Sunday.",
		"Park Ji-hoon, a research fellow in Seoul, said it was a windfall. Park said more would follow.",
		"Michael Jordan was not involved.",
	}, "\n"))
	for _, tc := range []struct {
		name, id, role, country string
		alias                   string
	}{
		{"Vladimir Putin", "person:vladimir-putin", "President of Russia", "RUS", ""},
		{"Kim Jong Un", "person:kim-jong-un", "leader of North Korea", "PRK", "Kim"},
		{"Rebekah Koffler", "person:rebekah-koffler", "former senior official at the Defense Intelligence Agency", "USA", "Koffler"},
		{"Park Ji-hoon", "person:park-ji-hoon", "research fellow in Seoul", "", "Park"},
	} {
		e := entityNamed(doc, tc.name)
		if e == nil {
			t.Errorf("no person %s among %v", tc.name, names(doc))
			continue
		}
		if e.ID != tc.id || string(e.Role) != tc.role || e.Country != tc.country || tc.alias != "" && !slices.Contains(e.Aliases, tc.alias) {
			t.Errorf("%s = %s role %q country %q aliases %v", tc.name, e.ID, e.Role, e.Country, e.Aliases)
		}
	}
	people := 0
	for _, e := range doc.Entities {
		if e.Type == model.Person {
			people++
		}
	}
	if people != 5 { // Putin, Kim, Koffler, Park, Michael Jordan: one entity each
		t.Errorf("%d people, want 5: %v", people, names(doc))
	}
	if e := entityNamed(doc, "Jordan"); e != nil && e.Type == model.Country {
		t.Error("Michael Jordan made Jordan a country")
	}
}

func names(doc *model.Document) []string {
	var out []string
	for _, e := range doc.Entities {
		out = append(out, string(e.Type)+":"+e.Name)
	}
	return out
}

// TestCountries: names, short forms, demonyms and metonyms link to ISO codes;
// a capital used as a location is a place.
// TestNoEvent: words that look like events but are not.
func TestNoEvent(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		typ        model.EventType
	}{
		{"a sanctions waiver lifts sanctions", "The Biden administration signed a sanctions waiver for Iran earlier this month.", model.Sanction},
		{"dialogue as a means", "Turkey said it remained ready to address the issue with the United States through dialogue.", model.Meeting},
		{"flying back home", "Putin held talks with Modi before flying back to Moscow.", model.Visit},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, ev := range extract(t, tc.text).Events {
				if ev.Type == tc.typ {
					t.Errorf("unexpected %s event %+v", ev.Type, ev)
				}
			}
		})
	}
}

func TestCountries(t *testing.T) {
	doc := extract(t, "The Kremlin said Russian troops had left. N. Korea and the DPRK are one. "+
		"U.S. officials flew to Pyongyang. Washington warned Beijing. Türkiye and the UAE abstained.")
	want := []string{"RUS", "PRK", "USA", "CHN", "TUR", "ARE"}
	var got []string
	for _, e := range doc.Entities {
		if e.Type == model.Country {
			got = append(got, e.ISO3)
		}
	}
	slices.Sort(want)
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("countries = %v, want %v", got, want)
	}
	if p := entityNamed(doc, "Pyongyang"); p == nil || p.Type != model.Place || p.Country != "PRK" {
		t.Errorf("Pyongyang = %+v, want a place in PRK", p)
	}
}

// TestEvents: event types, parties, direction and epistemic status.
func TestEvents(t *testing.T) {
	for _, tc := range []struct {
		name, text         string
		typ                model.EventType
		status             model.Status
		supplier, receiver string
		participants       []string
	}{
		{"planned meeting", "North Korean leader Kim Jong Un is set to meet Russian President Vladimir Putin next week.",
			model.Meeting, model.Planned, "", "", []string{"person:kim-jong-un", "person:vladimir-putin"}},
		{"meeting that occurred", "Chinese President Xi Jinping met U.S. President Joe Biden in Woodside on Wednesday.",
			model.Meeting, model.Occurred, "", "", []string{"person:xi-jinping", "person:joe-biden"}},
		{"speculative aid", "Analysts said Russia could provide North Korea with food supplies.",
			model.Aid, model.Speculative, "country:RUS", "country:PRK", nil},
		{"transfer received from", "Russia has received thousands of artillery shells from North Korea, officials said.",
			model.ArmsTransfer, "", "country:PRK", "country:RUS", nil},
		{"reported transfer", "Iran has reportedly supplied Russia with Shahed drones.",
			model.ArmsTransfer, model.Reported, "country:IRN", "country:RUS", nil},
		{"visit", "Antony Blinken visited Beijing on Friday for talks.",
			model.Visit, model.Occurred, "", "", []string{"person:antony-blinken", "country:CHN"}},
		{"missile test", "North Korea fired a ballistic missile into the sea on Monday, Japan's defense ministry said.",
			model.MissileTest, "", "", "", []string{"country:PRK"}},
		{"sanction", "The European Union imposed sanctions on Iran over the drone deliveries.",
			model.Sanction, model.Occurred, "", "", []string{"org:european-union", "country:IRN"}},
		{"agreement", "Japan and the Philippines signed a defense pact on Monday.",
			model.Agreement, model.Occurred, "", "", []string{"country:JPN", "country:PHL"}},
		{"delivery of a named system comes from its maker", "Russia’s arms agency said deliveries of the S-400 air defence system to India had begun.",
			model.ArmsTransfer, "", "country:RUS", "country:IND", nil},
		{"the two sides after a visit", "Russian President Vladimir Putin flew into New Delhi on Monday, and the two sides signed a raft of agreements.",
			model.Agreement, model.Occurred, "", "", []string{"country:IND", "country:RUS"}},
		{"expelling by gerund", "Latvia responded by expelling all Belarusian diplomats.",
			model.OtherEvent, model.Occurred, "", "", []string{"country:LVA", "country:BLR"}},
		{"a delegation told to leave", "Minsk recalled its envoy, and invited the head of the EU delegation, Dirk Schuebel, to leave the country.",
			model.OtherEvent, "", "", "", []string{"country:BLR", "org:european-union"}},
		{"coordinated sanctions", "The United States, Britain and Canada announced coordinated sanctions against Belarusian officials.",
			model.Sanction, model.Occurred, "", "", []string{"country:USA", "country:GBR", "country:CAN", "country:BLR"}},
		{"blacklisting people", "EU foreign ministers blacklisted 78 individuals, including Belarusian Defence Minister Viktor Khrenin.",
			model.Sanction, model.Occurred, "", "", []string{"org:european-union", "country:BLR"}},
		{"a ban on a foreign state's airlines", "The EU banned Belarusian airlines from its airspace on June 4.",
			model.Sanction, model.Occurred, "", "", []string{"org:european-union", "country:BLR"}},
		{"a conjoined verb shares its subject", "Chinese Foreign Minister Wang Yi held talks with Foreign Minister Chung Eui-yong and later paid a courtesy call on President Moon Jae-in.",
			model.Meeting, model.Occurred, "", "", []string{"person:wang-yi", "person:moon-jae-in"}},
		{"a prisoner exchange has sides", "Five US citizens held in Iran landed in Doha, completing a prisoner exchange mediated by Qatar.",
			model.OtherEvent, model.Occurred, "", "", []string{"country:USA", "country:IRN", "country:QAT"}},
		{"the two leaders named together", "Turkish President Recep Tayyip Erdogan met Russian President Vladimir Putin in Sochi on Friday. Iranian President Ebrahim Raisi was not there. The two leaders last met on July 19 in Tehran.",
			model.Meeting, model.Occurred, "", "", []string{"person:recep-tayyip-erdogan", "person:vladimir-putin"}},
		{"the possessed group is the target", "The United States has designated Yemen's Houthi rebels as a Specially Designated Global Terrorist entity.",
			model.Sanction, model.Occurred, "", "", []string{"country:USA", "org:houthis"}},
		{"a deal scrapped in a relative clause", "The plan replaces a contract with France's Naval Group for submarines, which Canberra scrapped in 2021.",
			model.OtherEvent, model.Occurred, "", "", []string{"country:AUS", "country:FRA"}},
		{"Delhi expels a state's body", "Delhi suspended a treaty and expelled Pakistani military advisers from its high commission.",
			model.OtherEvent, model.Occurred, "", "", []string{"country:IND", "country:PAK"}},
		{"aid named by an item, across a bracketed aside", "British Prime Minister Rishi Sunak, during a visit to Poland, announced an additional 500 million pounds ($620 million) in military aid for Ukraine.",
			model.Aid, "", "country:GBR", "country:UKR", nil},
		{"money pledged is aid", "Japan picked the Philippines as the first recipient of its program, pledging 600 million yen ($3.7 million) for coastal radar systems for the Philippine navy.",
			model.Aid, model.Planned, "country:JPN", "country:PHL", nil}, // a pledge is planned (docs/constructions.md EV-AID-1)
		{"destinations described as allies", "President Lai Ching-te wrapped up a week-long trip to Taiwan's Pacific allies the Marshall Islands, Tuvalu and Palau.",
			model.Visit, model.Occurred, "", "", []string{"person:lai-ching-te", "country:MHL"}},
		{"a journey's origin is no destination", "Biden had planned to travel on from Israel to Amman to meet King Abdullah.",
			model.Visit, "", "", "", []string{"person:joe-biden", "country:JOR"}},
		{"the traveller is the clause's subject", "Ties with the UAE grew: Foreign Minister Yair Lapid inaugurated Israel's embassy in Abu Dhabi during a visit in June.",
			model.Visit, model.Occurred, "", "", []string{"person:yair-lapid", "country:ARE"}},
		{"a visit by a delegation to the host", "Niger revoked its agreement with Washington days after a visit by a US delegation led by Molly Phee.",
			model.Visit, model.Occurred, "", "", []string{"person:molly-phee", "country:NER"}},
		{"the delegation travels on", "The White House sent a delegation led by Kurt Campbell to Honiara. The delegation will also travel to Fiji.",
			model.Visit, model.Planned, "", "", []string{"person:kurt-campbell", "country:FJI"}},
		{"shaking hands", "Secretary of Defense Lloyd Austin shakes hands with Defense Minister Rustem Umerov of Ukraine on Tuesday at the Pentagon.",
			model.Meeting, model.Occurred, "", "", []string{"person:lloyd-austin", "person:rustem-umerov"}},
		{"a dialogue held", "Japan's and India's ministers held the first “2+2” dialogue between the two countries.",
			model.Meeting, model.Occurred, "", "", []string{"country:JPN", "country:IND"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			// Some event of the type must have all the wanted parts.
			doc := extract(t, tc.text)
			var seen []string
			for _, ev := range doc.Events {
				if ev.Type != tc.typ {
					continue
				}
				ok := !(tc.status != "" && ev.Status != tc.status || ev.Supplier != tc.supplier || ev.Recipient != tc.receiver)
				for _, p := range tc.participants {
					ok = ok && slices.Contains(ev.Participants, p)
				}
				if ok {
					return
				}
				seen = append(seen, fmt.Sprintf("%s %v %s→%s %s", ev.Type, ev.Participants, ev.Supplier, ev.Recipient, ev.Status))
			}
			t.Errorf("no %s event with status %q, %q→%q, participants %v; got %v", tc.typ, tc.status, tc.supplier, tc.receiver, tc.participants, seen)
		})
	}
}

// TestDenial: a denial is its own event, points at the claim and keeps it.
func TestDenial(t *testing.T) {
	doc := extract(t, "Ukraine says Iran has supplied Russia with Shahed drones. Tehran has denied supplying the drones.")
	var claim, denial *model.Event
	for i, ev := range doc.Events {
		if ev.Type == model.ArmsTransfer && ev.Status == model.Denied {
			denial = &doc.Events[i]
		} else if ev.Type == model.ArmsTransfer {
			claim = &doc.Events[i]
		}
	}
	if claim == nil || denial == nil {
		t.Fatalf("want a claim and its denial, got %+v", doc.Events)
	}
	if denial.Denies != claim.ID || denial.Supplier != "country:IRN" || denial.Recipient != "country:RUS" ||
		!slices.Contains(denial.AssertedBy, "country:IRN") {
		t.Errorf("denial = %+v, claim %s", denial, claim.ID)
	}
}

// TestDates: relative dates resolve against the published date.
func TestDates(t *testing.T) {
	doc := extract(t, "Xi Jinping met Vladimir Putin on Monday. Putin will visit Pyongyang on Friday.")
	for _, ev := range doc.Events {
		switch {
		case ev.Type == model.Meeting && ev.Date != "2024-05-13":
			t.Errorf("meeting on Monday before Thursday 2024-05-16: %s", ev.Date)
		case ev.Type == model.Visit && ev.Date != "2024-05-17":
			t.Errorf("visit next Friday: %s", ev.Date)
		}
	}
}

// TestDateExpressions: the date of a phrase, published on Thursday 2024-05-16.
func TestDateExpressions(t *testing.T) {
	x := extractor(t)
	for _, tc := range []struct {
		phrase string
		future bool
		want   string
	}{
		{"on Monday", false, "2024-05-13"},
		{"on Thursday", false, "2024-05-16"},
		{"on Friday", true, "2024-05-17"},
		{"last Friday", false, "2024-05-10"},
		{"yesterday", false, "2024-05-15"},
		{"on Sept. 13", false, "2023-09-13"}, // a past September, written in May
		{"on Sept. 13", true, "2024-09-13"},  // the coming one
		{"on 13 September 2023", false, "2023-09-13"},
		{"from March 3 to 5", false, "2024-03-03"}, // DT-2: a range's first day
		{"on 11-12 February", false, "2024-02-11"},
		{"in March", false, "2024-03"},
		{"last week", false, "2024-05"},
		{"next month", true, "2024-06"},
		{"in the coming months", true, ""},
		{"may", false, ""}, // the modal verb, not the month
	} {
		text := "They met " + tc.phrase + "."
		d := newDoc(x, text, Meta{Published: "2024-05-16"})
		d.sents = splitSentences(text)
		d.sents[0].tokens = tokenize(text, 0, len(text))
		if got := d.dateNear(0, 0, len(d.sents[0].tokens), tc.future); got != tc.want {
			t.Errorf("%q: %q, want %q", tc.phrase, got, tc.want)
		}
	}
}
