package loader

import (
	"strings"
	"testing"
)

// TestQuotes21 pins the quotation constructions of issue 7's quotes round
// of session 21 (docs/constructions.md), each in an example of our own.
func TestQuotes21(t *testing.T) {
	for _, tc := range []struct{ id, text, speech, speaker string }{
		{"QT-SPEAKER-8_a_title_written_as_the_role_words_in_another_order",
			"Russian Foreign Minister Sergei Lavrov met his Laotian counterpart on Monday.\n\nThe Laotian minister praised the talks.\n\nThe Russian foreign minister added: “Our two countries will open a new consulate next year.”",
			"Our two countries will open", "person:sergey-lavrov"},
		{"QT-SPEAKER-8_a_lead_describes_the_speaker_before_naming_him",
			"Kenya's foreign minister says the two sides reached “a common understanding on the border” on Monday.\n\nKenyan Foreign Minister Amina Wanjiru said the talks would resume in May.",
			"a common understanding on the border", "person:amina-wanjiru"},
		{"QT-SPEAKER-8_a_minister_is_not_the_prime_minister",
			"Indian Prime Minister Narendra Modi received Foreign Minister Ana Ruiz of Chile. Ruiz thanked Indian Trade Minister Vikram Rao for the visit and spoke of Modi's plans.\n\nThe Indian minister said, “We will double our trade with Chile by the end of the decade.”",
			"We will double our trade", "person:vikram-rao"},
		{"QT-ATTR-8_the_same_pronoun_opening_the_sentence_before_carries_its_referent",
			"Trade Minister Vikram Rao met Foreign Minister Jomo Otieno in Nairobi on Monday.\n\nHe informed his host of the planned visit of Prime Minister Arjun Mehta to Kenya.\n\n“It is a great honour for us to join the celebrations,” he added.",
			"It is a great honour for us", "person:vikram-rao"},
		{"QT-ATTR-8_he_said_after_reported_speech_is_the_reporter's_speaker",
			"Foreign Minister Jomo Otieno briefed reporters on Monday.\n\nAsked about Prime Minister Arjun Mehta's plans for the region over the next ten years, the foreign minister said the two countries have deep ties.\n\n“Many issues remain open between our two countries,” he said.",
			"Many issues remain open", "person:jomo-otieno"},
		{"QT-ATTR-9_a_participle_speaks_for_the_subject_not_the_object",
			"President Ana Ruiz met Prime Minister Jomo Otieno in Santiago on Monday, saying: “We have opened a new chapter in our ties.”",
			"We have opened a new chapter", "person:ana-ruiz"},
		{"QT-ATTR-9_writing_on_a_platform",
			"Parliament Speaker Lena Varga reacted to the threat to expel the envoys, writing in a post on X: “Such threats will not intimidate us.”",
			"Such threats will not intimidate us", "person:lena-varga"},
		{"QT-SPEAKER-9_a_place_after_an_opening_adverbial_is_no_apposition",
			"In remarks to reporters late on Monday in Port Lemoine, Mr Christos Andreou said that “the talks are at a critical point.”",
			"the talks are at a critical point", "person:christos-andreou"},
		{"QT-MARKS-8_straight_single_quotes_as_quotation_marks",
			"Foreign Minister Ana Ruiz met Trade Minister Vikram Rao on Monday.\nRao later told reporters 'the talks were frank and useful' before he left.",
			"the talks were frank and useful", "person:vikram-rao"},
		{"QT-MARKS-8_a_plural_possessive_inside_does_not_close",
			"Foreign Minister Ana Ruiz met Trade Minister Vikram Rao on Monday.\nRuiz called the visit 'a turn in the two countries' ties', she said.",
			"a turn in the two countries' ties", "person:ana-ruiz"},
		{"QT-MARKS-9_two_apostrophes_as_a_double_mark",
			"President Ana Ruiz met the leaders of the region on Sunday.\n\n''I'm looking forward to hearing more about your plans,'' Ruiz told them at a breakfast.",
			"I'm looking forward to hearing more", "person:ana-ruiz"},
		{"QT-ATTR-10_a_plural_noun_spelled_like_a_speech_verb",
			"Foreign Minister Jomo Otieno said that a meeting between Kenya, Gulf states “and other countries” could take place soon.",
			"and other countries", "person:jomo-otieno"},
		{"QT-ATTR-10_a_body_that_states_is_still_a_speaker",
			"The Kremlin met the envoy.\n\nThe Kremlin states: “We will not accept these terms at all.”",
			"We will not accept these terms", "country:RUS"},
		{"QT-ATTR-11_an_attribution_sentence_after_a_quotation_that_ends_its_own",
			"Kenya will summon the envoy.\n\n\"The ministry will give the envoy a chance to explain the remarks.\" Amina Wanjiru, spokesperson of the Kenyan foreign ministry, said in a statement on Sunday.",
			"The ministry will give the envoy", "person:amina-wanjiru"},
		{"QT-ATTR-7_a_quoted_paragraph_after_according_to_a_person",
			"Foreign Minister Jomo Otieno met Trade Minister Lena Varga in Nairobi on Monday.\nThe two also discussed regional trade, according to Varga, on which they agree.\n“We intend to play a positive role in the region.”",
			"We intend to play a positive role", "person:lena-varga"},
		{"QT-AGENCY-4_an_agency_quoted_him_after_the_quotation",
			"Deputy Foreign Minister Viktor Halas spoke on Friday.\n\n\"We discuss consular issues as usual with our partners\", TASS quoted him.",
			"We discuss consular issues as usual", "person:viktor-halas"},
		{"QT-AGENCY-4_an_agency_quoted_a_named_person_after_the_quotation",
			"Talks resumed on Friday.\n\n\"We discuss consular issues as usual with our partners\", the agency quoted Viktor Halas.",
			"We discuss consular issues as usual", "person:viktor-halas"},
		{"QT-SPEAKER-10_the_diplomat_after_a_named_speaker",
			"\"The topic exists and we will keep discussing it\", Deputy Foreign Minister Viktor Halas said.\n\nHe hoped for progress. \"At least partially, in some of its aspects\", the diplomat added.",
			"At least partially, in some of its aspects", "person:viktor-halas"},
		{"QT-MARKS-9_two_closing_single_marks_close_a_double_quotation",
			"Foreign Minister Ana Ruiz met her counterpart on Sunday.\n\n“Both sides pledged to deepen their cooperation in trade,’’ she said.",
			"Both sides pledged to deepen", "person:ana-ruiz"},
		{"QT-ATTR-12_a_quotation_paragraph_before_an_attributed_one",
			"Secretary of State Jomo Otieno arrived in Abuja on Tuesday.\n“Nigeria is essential to that effort and to the region.”\n“We are doing a lot of work together already,” Otieno said.",
			"Nigeria is essential to that effort", "person:jomo-otieno"},
		{"ENT-18_Nana_before_a_name_is_no_woman's_given_name",
			"Nana Kofi Boateng thanked the acting president on Sunday.\n\nHe said that his visit would “renew relations between our two countries”.",
			"renew relations between our two countries", "person:nana-kofi-boateng"},
		{"QT-AGENCY-5_an_outlet_reporting_after_a_named_speaker's_quotation",
			"After her speech, Prime Minister Ana Ruiz while talking to reporters said without naming Peru \"We have to decide the next step together,\" Reuters reported.",
			"We have to decide the next step", "person:ana-ruiz"},
		{"QT-ATTR-13_a_while_clause_between_subject_and_verb",
			"Further, the Chilean foreign minister while speaking on Peru-Bolivia relations said, \"If two countries are fighting we have been asked to mediate.\"",
			"If two countries are fighting", "country:CHL"},
		{"QT-SPEAKER-11_the_body's_spokesperson_named_before",
			"\"I can confirm that the two ministers will meet,\" Foreign Ministry spokesperson Jomo Otieno told the weekly briefing.\n\n\"The existing policy on the border will continue,\" said the ministry spokesperson.",
			"The existing policy on the border", "person:jomo-otieno"},
		{"QT-SPEAKER-11_an_abbreviated_title_is_the_full_title",
			"FM Otieno says talks possible\n\nFM Jomo Otieno spoke on Monday.\n\nThe foreign minister added: “Relations between the two sides play the key role.”",
			"Relations between the two sides", "person:jomo-otieno"},
		{"QT-SPEAKER-11_the_abbreviated_title_as_the_description",
			"Foreign Minister Jomo Otieno spoke on Monday.\nThe FM further said, “If the nations want to achieve something they need to move forward.”",
			"If the nations want to achieve", "person:jomo-otieno"},
		{"QT-ATTR-10_an_adverb_before_the_verb_is_no_determiner",
			"Foreign Minister Ana Ruiz spoke on Monday.\nThe minister further said, “If the nations want to achieve anything they need to go forward.”",
			"If the nations want to achieve", "person:ana-ruiz"},
		{"QT-SPEAKER-3_a_leader's_words_relayed_after_said_that",
			"An official spokesperson said the leaders had written to each other.\nPresident Ana Ruiz said in her letter that “the border will reopen early next month,” the spokesperson said.",
			"the border will reopen early next month", "person:ana-ruiz"},
		{"QT-ATTR-12_an_earlier_quotation_of_the_sentence_takes_the_later_one's_speaker",
			"Foreign Minister Jomo Otieno wrote to his counterpart.\nOtieno too “stressed the need” for an “atmosphere free from the shadow of violence”, the Kenyan government stated.",
			"stressed the need", "org:kenyan-government"},
		{"QT-SPEAKER-11_PM_before_a_name_is_a_title",
			"“For this”, PM Narendra Modi said in his message that “it is important to build an environment of trust,” the spokesperson said.",
			"it is important to build", "person:narendra-modi"},
		{"ENT-16_an_honorific_between_title_and_name_keeps_the_role",
			"Foreign Minister Dr Jomo Otieno told a briefing on Monday that the leaders met.\n\nReplying to a question on trade, the foreign minister said the talks were open.\n\n“We expect a deal on tariffs before the summit,” he said.",
			"We expect a deal on tariffs", "person:jomo-otieno"},
	} {
		t.Run(tc.id, func(t *testing.T) {
			checkSpeaker(t, extract(t, tc.text), tc.speech, tc.speaker)
		})
	}
}

// TestQuoteGuards21: where the constructions of TestQuotes21 must not
// reach.
func TestQuoteGuards21(t *testing.T) {
	for _, tc := range []struct{ id, text, speech, notSpeaker string }{
		// QT-SPEAKER-8: only a description with its country looks ahead.
		{"QT-SPEAKER-8_a_description_without_country_does_not_look_ahead",
			"The foreign minister said the sides reached “a common understanding on the border” on Monday.\n\nKenyan Foreign Minister Amina Wanjiru said the talks would resume in May.",
			"a common understanding on the border", "person:amina-wanjiru"},
		{"QT-SPEAKER-8_the_minister_is_not_a_prime_minister",
			"Indian Prime Minister Arjun Mehta opened the fair on Monday.\n\n“We will double our trade with Chile by the end of the decade,” the minister said.",
			"We will double our trade", "person:arjun-mehta"},
		// QT-ATTR-8: a pronoun of the other sex does not take the speaker before.
		{"QT-ATTR-8_a_pronoun_of_the_other_sex",
			"Foreign Minister Jana Novak said she expected Mr Viktor Halas to sign the accord.\n\n“We are ready to sign it today,” he said.",
			"We are ready to sign it today", "person:jana-novak"},
		// QT-ATTR-11: a sentence that says more than where it was said is no attribution.
		{"QT-ATTR-11_a_sentence_with_its_own_content_after_the_quotation",
			"Talks resumed.\n\n\"We will not go there again.\" Prime Minister Viktor Halas said the talks had failed and the envoy agreed.",
			"We will not go there again", "person:viktor-halas"},
		// QT-SPEAKER-10: "the diplomat" takes up "a diplomat", not the last named speaker.
		{"QT-SPEAKER-10_the_diplomat_after_an_unnamed_diplomat",
			"\"The topic exists and we will keep discussing it\", Deputy Foreign Minister Viktor Halas said.\n\nA Western diplomat disagreed. \"There is no progress at all on this file\", the diplomat added.",
			"There is no progress at all", "person:viktor-halas"},
		// QT-AGENCY-4: a quoting verb with a clause after its object is no attribution of the quotation.
		{"QT-AGENCY-4_quoted_with_more_after_it",
			"Talks resumed on Friday.\n\n\"We discuss consular issues as usual with our partners\", the agency quoted Viktor Halas as telling the board on Monday.",
			"We discuss consular issues as usual", "person:nobody"},
		// QT-ATTR-12: a paragraph with more than the quotation is not carried forward.
		{"QT-ATTR-12_a_paragraph_with_a_sentence_after_its_quotation",
			"Secretary of State Jomo Otieno arrived in Abuja on Tuesday.\n“Nigeria is essential to that effort and to the region.” Lena Varga disagreed with the minister.\n“We are doing a lot of work together already,” Otieno said.",
			"Nigeria is essential to that effort", "person:jomo-otieno"},
		// QT-SPEAKER-11: an unnamed spokesperson ("a ministry spokesperson") is the body's.
		{"QT-SPEAKER-11_an_unnamed_spokesperson_is_the_body",
			"\"I can confirm that the two ministers will meet,\" Foreign Ministry spokesperson Jomo Otieno told the weekly briefing.\n\nA ministry spokesperson later said “the meeting is off for now”.",
			"the meeting is off for now", "person:jomo-otieno"},
		// QT-ATTR-9: a headline's name before a colon still speaks.
		{"QT-ATTR-9_a_headline_name_and_colon_without_verb",
			"Halas: “We will sign the accord in June”\n\nPrime Minister Viktor Halas met President Ana Ruiz on Monday.",
			"We will sign the accord in June", "person:ana-ruiz"},
	} {
		t.Run(tc.id, func(t *testing.T) {
			doc := extract(t, tc.text)
			for _, s := range doc.Statements {
				if strings.Contains(s.Text, tc.speech) && s.Speaker == tc.notSpeaker {
					t.Errorf("statement %q is given to %s", s.Text, tc.notSpeaker)
				}
			}
		})
	}
}

// TestStraightApostrophes21: apostrophes are no quotation marks
// (QT-MARKS-8): inside a word, an elided year, a plural possessive with no
// quotation around it.
func TestStraightApostrophes21(t *testing.T) {
	doc := extract(t, "Foreign Minister Ana Ruiz said she didn't expect the ministers' talks to end before the '90s were over, and Chile's envoy agreed.")
	for _, s := range doc.Statements {
		if s.Direct {
			t.Errorf("direct quote %q from apostrophes", s.Text)
		}
	}
}

// TestPeople21 pins the people constructions of the session-21 quotes
// round: South and Southeast Asian honorifics before a name (ENT-17).
func TestPeople21(t *testing.T) {
	for _, tc := range []struct {
		id, text string
		want     []string // the people found, by name
	}{
		{"ENT-17_an_Indian_honorific_with_a_full_stop_is_no_person",
			"The ministers attended a dinner hosted by President Smt. Anita Rao in New Delhi.",
			[]string{"Anita Rao"}},
		{"ENT-17_Mdm_and_the_family_name_are_the_person_named_in_full",
			"Foreign Minister Lina Hartono met the sultan on Monday. In the press conference, Mdm Hartono said talks went well.",
			[]string{"Lina Hartono"}},
		{"ENT-17_Shri_before_a_name",
			"Shri Anand Verma inaugurated the new consulate in Dubai on Friday.",
			[]string{"Anand Verma"}},
	} {
		t.Run(tc.id, func(t *testing.T) {
			checkPeople(t, extract(t, tc.text), tc.want)
		})
	}
}
