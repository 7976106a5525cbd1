package loader

import (
	"strings"
	"testing"
)

// TestSpeakers: the constructions by which real reporting attributes a
// quotation (docs/constructions.md, "Quotes and speakers"). Each example
// is made up. speaker "" means the quotation has no speaker the article
// names, so no statement.
func TestSpeakers(t *testing.T) {
	for _, tc := range []struct {
		id, text, quote, speaker string
	}{
		{"QT-AGENCY-1 quoted X as saying",
			"The state news agency quoted Deputy Minister Ilse Berg as saying: “The contract is a milestone for our navy.”",
			"The contract is a milestone", "person:ilse-berg"},
		{"QT-AGENCY-1 X was quoted as saying",
			"Chilean President Gabriel Boric met the Spanish delegation. He was quoted by El Mercurio as saying that “the boats will patrol the south.”",
			"the boats will patrol the south", "person:gabriel-boric"},
		{"QT-AGENCY-2 told an agency",
			"“There is no such plan,” Kremlin spokesman Dmitry Peskov told the RIA agency.",
			"There is no such plan", "person:dmitry-peskov"},
		{"QT-ATTR-1 inverted with title",
			"“Our doors remain open to all partners,” said Foreign Minister Vivian Balakrishnan.",
			"Our doors remain open", "person:vivian-balakrishnan"},
		{"QT-ATTR-1 inverted with apposition",
			"“We expect the first markers by June,” said Vincent Waiswa, the ministry's spokesperson.",
			"We expect the first markers", "person:vincent-waiswa"},
		{"QT-ATTR-2 he added after a paragraph break",
			"Marco Rubio praised the talks in Jeddah.\n“They were frank and useful,” he added.",
			"They were frank and useful", "person:marco-rubio"},
		{"QT-ATTR-2 it added after an organisation",
			"The African Union welcomed the border accord on Friday.\n“It sets an example for the whole continent,” it said in a statement.",
			"It sets an example", "org:african-union"},
		{"QT-ATTR-2 the minister added",
			"Kenya's foreign minister Musalia Mudavadi visited Kampala on Friday.\nUgandan President Yoweri Museveni received him.\n“Our trade will double within five years,” the Kenyan minister added.",
			"Our trade will double", "person:musalia-mudavadi"},
		{"QT-SPEAKER-2 inverted description",
			"Kenya's foreign minister Musalia Mudavadi met Ugandan President Yoweri Museveni.\n“It is a good day for the region,” said the Kenyan minister.",
			"It is a good day", "person:musalia-mudavadi"},
		{"QT-ATTR-5 said: and the quotation in the next paragraph",
			"Indonesian President Prabowo Subianto said:\n\n“We will buy what serves our navy best.”",
			"We will buy what serves", "person:prabowo-subianto"},
		{"QT-ATTR-3 a post",
			"“A good day for our farmers,” Peruvian President Dina Boluarte wrote on X.",
			"A good day for our farmers", "person:dina-boluarte"},
		{"QT-ATTR-4 a sentence split by the attribution gives two quotes",
			"“We agreed on the route,” Ronald Lamola said. “The details follow next week.”",
			"The details follow next week", "person:ronald-lamola"},
		{"QT-MARKS-4 a quotation continued into a new paragraph",
			"Foreign Minister Gabriela Moreno spoke in Quito.\n“We will not accept this.\n“The border stays closed,” the minister said.",
			"We will not accept this", "person:gabriela-moreno"},
		{"QT-MARKS-1 brackets inside a quotation",
			"Foreign Minister Penny Wong spoke in Canberra. “We told [the Israelis] the route stays open,” she said.",
			"We told [the Israelis] the route stays open", "person:penny-wong"},
		{"QT-MARKS-2 a partial quotation in reported speech",
			"South African President Cyril Ramaphosa said the deal was “a win for both peoples”.",
			"a win for both peoples", "person:cyril-ramaphosa"},
		{"QT-MARKS-3 a headline quotation takes the speaker of the body's same words",
			"Ministers hail ‘new chapter in our ties’ as border reopens\nKenya's foreign minister Musalia Mudavadi spoke at the border. “This is a new chapter in our ties with Uganda,” Mudavadi said.",
			"new chapter in our ties", "person:musalia-mudavadi"},
		{"QT-SPEAKER-3 a leader's words relayed by an official",
			"Brazilian President Luiz Inacio Lula da Silva was asked about a visit. Lula replied: “Not this year, perhaps the next,” a Brazilian official said.",
			"Not this year, perhaps the next", "person:luiz-inacio-lula-da-silva"},
		{"QT-ORG-1 the ministry said in a statement",
			"“The visit opens a new chapter,” the Zambian foreign ministry said in a statement.",
			"The visit opens a new chapter", "org:zambian-foreign-ministry"},
		{"QT-ORG-1 the statement said",
			"The Ugandan foreign ministry said in a statement that the deal was fair.\n“Uganda will honour every line of this agreement,” the statement said.",
			"Uganda will honour every line", "org:ugandan-foreign-ministry"},
		{"QT-ORG-1 in a statement is no subject",
			"Tehran denied the report. “Iran has sent no weapons to either side,” Iran's foreign ministry said in a statement, calling the claims “baseless and politically motivated.”",
			"baseless and politically motivated", "org:iranian-foreign-ministry"},
		{"QT-ORG-2 spokesperson vs body",
			"“The president will leave on Monday,” presidential spokesperson Ana Reyes said.",
			"The president will leave", "person:ana-reyes"},
		{"QT-SPEAKER-1 unnamed official of a country",
			"“We had to give ground on the islands,” a senior Kenyan official said.",
			"We had to give ground", "country:KEN"},
		{"QT-SPEAKER-1 unnamed official of a body",
			"The Japanese foreign ministry confirmed the trip. “The summit will be short,” a Japanese foreign ministry official told reporters.",
			"The summit will be short", "org:japanese-foreign-ministry"},
		{"QT-SPEAKER-1 someone the article does not name",
			"Vivian Balakrishnan spoke first. “Nobody got everything they wanted,” a Western diplomat said.",
			"Nobody got everything they wanted", ""},
		{"appositive name after a title",
			"The UAE's ambassador to the UN, Mohamed Abushahab, called the claims “a desperate attempt to shift blame.”",
			"a desperate attempt to shift blame", "person:mohamed-abushahab"},
		{"a coordinated verb after a quotation is no attribution",
			"A spokesperson for North Korea's defence ministry said the drills were “openly preparing for war” against the North and warned of a response.",
			"openly preparing for war", "org:north-korean-defence-ministry"},
		{"a new clause after a quotation is no attribution",
			"Hours later, India's foreign ministry said there was “no decision to hold further talks”, and officials in Delhi insisted on it.",
			"no decision to hold further talks", "org:indian-foreign-ministry"},
		{"she after a spokeswoman",
			"Kenyan foreign ministry spokeswoman Jane Wanjiru spoke after the signing.\nMudavadi also met Museveni, the spokeswoman said.\nShe said the islands “will stay under joint management for now.”",
			"will stay under joint management", "person:jane-wanjiru"},
	} {
		t.Run(tc.id, func(t *testing.T) {
			doc := extract(t, tc.text)
			for _, s := range doc.Statements {
				if s.Direct && strings.HasPrefix(s.Text, tc.quote) {
					if s.Speaker != tc.speaker {
						t.Errorf("speaker = %s, want %s", s.Speaker, tc.speaker)
					}
					return
				}
			}
			if tc.speaker != "" {
				t.Errorf("no quotation %q in %+v", tc.quote, doc.Statements)
			}
		})
	}
}

// TestRepeatedQuotes: a quotation the article repeats is one statement
// (QT-REPEAT-1, -3); a short quotation inside a longer one is its own.
func TestRepeatedQuotes(t *testing.T) {
	for _, tc := range []struct {
		id, text, quote string
		n               int
	}{
		{"QT-REPEAT-1 headline and body",
			"Moreno: ‘We will sign in June’\nQUITO (Reuters) - Ecuador expects a trade deal with Peru.\n“We will sign in June,” Foreign Minister Gabriela Moreno said.",
			"We will sign in June", 1},
		{"QT-REPEAT-1 lead and body",
			"Foreign Minister Gabriela Moreno said on Friday that “we will sign the accord in June”.\nShe spoke in Lima. “We will sign the accord in June, and not a day later,” Moreno said.",
			"we will sign the accord", 1},
		{"QT-REPEAT-3 pull quote",
			"Air force chief Rana Sabri spoke at the base.\n“Our skies are safer today”\n“Our skies are safer today,” Sabri said.",
			"Our skies are safer today", 1},
		{"QT-MARKS-5 a transcript's speaker label is no quotation",
			"Mao Ning: China welcomes the visit of the Kenyan president.",
			"China welcomes the visit", 0},
		{"QT-REPEAT-2 an embedded post without quotation marks is no quotation",
			"Talks went well today with my friend. — Jane Doe (@janedoe) May 2, 2024",
			"Talks went well today", 0},
		{"a shorter quotation inside a longer one",
			"Biden says blast was the work of ‘the other team’\nPresident Joe Biden spoke in Tel Aviv. “It appears it was done by the other team,” Biden said.",
			"the other team", 1},
	} {
		t.Run(tc.id, func(t *testing.T) {
			doc := extract(t, tc.text)
			n := 0
			for _, s := range doc.Statements {
				if s.Direct && strings.HasPrefix(strings.ToLower(s.Text), strings.ToLower(tc.quote)) {
					n++
				}
			}
			if n != tc.n {
				t.Errorf("%d statements open with %q, want %d: %+v", n, tc.quote, tc.n, doc.Statements)
			}
		})
	}
}
