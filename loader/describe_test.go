package loader

import (
	"strings"
	"testing"
)

// TestDescriptions: descriptions standing for states and blocs are
// mentions of the one named last that fits them (docs/constructions.md,
// "Descriptions standing for states and people"). Examples are made up.
func TestDescriptions(t *testing.T) {
	for _, tc := range []struct {
		id, text, description, want string // want "" means no mention
	}{
		{"DESC-1 region", "Chile ordered patrol boats from Spain on Friday; the European country will deliver the first in 2026.",
			"the European country", "country:ESP"},
		{"DESC-1 region skips a country of another region", "Spain sold patrol boats to Chile. The South American country paid in advance.",
			"The South American country", "country:CHL"},
		{"DESC-1 island nation", "Japan and the Philippines signed a defence pact. The island nation will host Japanese troops.",
			"The island nation", "country:PHL"},
		{"DESC-1 Gulf state", "Qatar mediated the talks between Kenya and Somalia. The Gulf state hosted both delegations.",
			"The Gulf state", "country:QAT"},
		{"DESC-1 Asian country is not the Middle East", "Vietnam bought rice from Thailand before Iran's offer. The Asian country paid in dollars.",
			"The Asian country", "country:THA"},
		{"DESC-1 a bare head is left alone", "Kenya signed the accord. The country will hold elections next year.",
			"The country", ""},
		{"DESC-1 a noun compound is no description", "Iran tested a missile. The state media said the launch succeeded.",
			"The state", ""},
		{"DESC-5 junta", "Mali's military rulers met the envoys on Saturday. The junta recalled its ambassador from Algeria on Sunday.",
			"The junta", "country:MLI"},
		{"DESC-7 kingdom", "Antony Blinken flew from Cairo to Saudi Arabia. He arrived in the kingdom on Tuesday.",
			"the kingdom", "country:SAU"},
		{"DESC-7 the Kingdom, capitalised", "Jordan and Egypt held talks. The Kingdom will host the next round.",
			"The Kingdom", "country:JOR"},
		{"DESC-8 bloc", "ECOWAS met in Abuja. The regional bloc imposed sanctions on Niger on Sunday.",
			"The regional bloc", "org:economic-community-of-west-african-states"},
		{"DESC-8 a numbered bloc", "The European Union adopted new sanctions. The 27-nation bloc also froze assets.",
			"The 27-nation bloc", "org:european-union"},
		{"DESC-9 plural demonym", "The Emiratis said they had received the first Rafale jets from France.",
			"The Emiratis", "country:ARE"},
	} {
		t.Run(tc.id, func(t *testing.T) {
			doc := extract(t, tc.text)
			got := ""
			for _, e := range doc.Entities {
				for _, m := range e.Mentions {
					if m.Text == tc.description {
						got = e.ID
					}
				}
			}
			if got != tc.want {
				t.Errorf("%q is a mention of %q, want %q", tc.description, got, tc.want)
			}
		})
	}
}

// TestDescriptionsAsParties: the event and quote stages read a description
// as the state it stands for.
func TestDescriptionsAsParties(t *testing.T) {
	doc := extract(t, strings.Join([]string{
		"Saudi Arabia and Iran agreed to restore ties.",
		"“We will reopen our embassy within two months,” the kingdom said in a statement.",
	}, "\n"))
	if len(doc.Statements) == 0 || doc.Statements[len(doc.Statements)-1].Speaker != "country:SAU" {
		t.Errorf("statements = %+v, want the last by Saudi Arabia", doc.Statements)
	}
}

// TestInstitutionNames: a country's name inside the longer name of an
// institution that is not a body of its state is no mention of the country
// (ENT-1); a body of the state still names it.
func TestInstitutionNames(t *testing.T) {
	for _, tc := range []struct {
		text, country string
		mentioned     bool
	}{
		{"Kenya Broadcasting Corporation quoted the minister.", "country:KEN", false},
		{"The State Bank of Pakistan raised rates.", "country:PAK", false},
		{"The Air China flight was delayed.", "country:CHN", false},
		{"Peru Telecom Holdings reported a loss.", "country:PER", false},
		{"The Ukraine Defense Ministry said the drones were shot down.", "country:UKR", true},
		{"The Government of Japan said it would help.", "country:JPN", true},
		{"U.S. President Joe Biden spoke.", "country:USA", true},
	} {
		doc := extract(t, tc.text)
		got := false
		for _, e := range doc.Entities {
			got = got || e.ID == tc.country
		}
		if got != tc.mentioned {
			t.Errorf("%q: %s mentioned = %v, want %v", tc.text, tc.country, got, tc.mentioned)
		}
	}
}

// TestPersonDescriptions: a definite description of a person named before
// is a mention of that person (DESC-4); a rank makes another office, and a
// title followed by a name describes that name.
func TestPersonDescriptions(t *testing.T) {
	for _, tc := range []struct {
		id, text, description, want string
	}{
		{"title and country", "Kenya's foreign minister Musalia Mudavadi met Ugandan President Yoweri Museveni. The Kenyan minister then flew home.",
			"The Kenyan minister", "person:musalia-mudavadi"},
		{"visiting president", "Brazilian President Luiz Inacio Lula da Silva arrived in Beijing. The visiting president met business leaders.",
			"The visiting president", "person:luiz-inacio-lula-da-silva"},
		{"spokeswoman", "Kenyan foreign ministry spokeswoman Jane Wanjiru spoke. Mudavadi met Museveni, the spokeswoman said.",
			"the spokeswoman", "person:jane-wanjiru"},
		{"a rank is another office", "Prime Minister Anthony Albanese spoke first. The deputy prime minister spoke later.",
			"The deputy prime minister", ""},
		{"a title followed by a name", "Prime Minister Anthony Albanese spoke first. The deputy prime minister, Richard Marles, spoke later.",
			"The deputy prime minister", ""},
	} {
		t.Run(tc.id, func(t *testing.T) {
			doc := extract(t, tc.text)
			got := ""
			for _, e := range doc.Entities {
				for _, m := range e.Mentions {
					if m.Text == tc.description {
						got = e.ID
					}
				}
			}
			if got != tc.want {
				t.Errorf("%q is a mention of %q, want %q", tc.description, got, tc.want)
			}
		})
	}
}
