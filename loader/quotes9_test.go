package loader

import "testing"

// TestQuoteConstructions9 pins the quotation constructions of issue 7's
// ninth quotes round (docs/constructions.md), each in an example of our own.
func TestQuoteConstructions9(t *testing.T) {
	for _, tc := range []struct{ id, text, speech, speaker string }{
		{"QT-MARKS-6 guillemets",
			"«Our two countries will sign a new accord today,» said Foreign Minister Dana Orlova.",
			"Our two countries will sign", "person:dana-orlova"},
		{"QT-MARKS-6 guillemets before the attribution",
			"Foreign Minister Dana Orlova said: «We will open a consulate in Almaty next year.»",
			"We will open a consulate", "person:dana-orlova"},
		{"QT-MARKS-7 an opening mark used to close",
			"“We are receiving the second batch of aircraft,“ said army chief of staff General Amadou Sissoko.",
			"We are receiving the second batch", "person:amadou-sissoko"},
		{"QT-ATTR-6 a pronoun outside a quotation skips the names inside it",
			"“The most important event this year is President William Ruto's visit in May,” Prime Minister Viktor Halas said.\nHe said the two teams should make the visit “a real success for both sides.”",
			"a real success for both sides", "person:viktor-halas"},
		{"QT-SPEAKER-6 an apposition that lost its closing comma",
			"Following the meeting, Amina Yusuf, spokesperson of the Kenyan foreign ministry tweeted, “The minister met his Ugandan counterpart today.”",
			"The minister met his Ugandan counterpart", "person:amina-yusuf"},
	} {
		t.Run(tc.id, func(t *testing.T) {
			checkSpeaker(t, extract(t, tc.text), tc.speech, tc.speaker)
		})
	}
}
