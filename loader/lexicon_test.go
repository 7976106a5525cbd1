package loader

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/geokg/geokg/model"
)

// TestEventLexicon pins a sample of the event vocabularies as the data
// files give them, and that every event type has its kind.
func TestEventLexicon(t *testing.T) {
	extractor(t) // loads the lexicon
	for _, typ := range model.EventTypes {
		if _, ok := kinds[typ]; !ok {
			t.Errorf("no kind registered for %s", typ)
		}
	}
	kindsOf := func(w string) string {
		tr, ok := triggers[w]
		if !ok {
			return ""
		}
		var out []string
		for _, k := range tr.kinds {
			out = append(out, string(k.base().typ))
		}
		return strings.Join(out, ",")
	}
	for _, tc := range []struct{ word, kinds string }{
		{"visited", "Visit"}, {"met", "Meeting"}, {"talks", "ArmsNegotiation,Meeting"},
		{"supplied", "ArmsTransfer,Aid"}, {"bought", "ArmsTransfer,Aid"}, {"signing", "Agreement,ArmsTransfer,Aid"},
		{"expelled", "Other"}, {"sanctioned", "Sanction"}, {"launched", "MissileTest"}, {"said", ""},
	} {
		if got := kindsOf(tc.word); got != tc.kinds {
			t.Errorf("trigger %q: kinds %q, want %q", tc.word, got, tc.kinds)
		}
	}
	if tr := triggers["supplied"]; !tr.has(senseGive) || triggers["bought"].has(senseGive) {
		t.Error("supplied should give, bought should not")
	}
	if got := triggers["expulsion"].act(); got != "expel" {
		t.Errorf("act of expulsion = %q", got)
	}
	if tr := triggers["sat"]; !slices.Equal(tr.then, []string{"down", "with"}) {
		t.Errorf("sat needs %v after it", tr.then)
	}
	for _, tc := range []struct {
		name string
		ok   bool
	}{
		{"determiner the", gram.Determiners["the"]},
		{"light verb held", gram.LightVerbs["held"]},
		{"hedge could", cue.Hedges["could"]},
		{"plain negator n't", cue.PlainNegators["n't"]},
		{"planned will", cue.Planned["will"]},
		{"month sept", dateWords.Months["sept"] == 9},
		{"weekday sunday", dateWords.Weekdays["sunday"] == 0 && dateWords.Weekdays["saturday"] == 6},
		{"yesterday", dateWords.DayOffsets["yesterday"] == -1},
		{"goal to", xfer.Goal["to"]},
		{"missile icbm", kinds[model.MissileTest].(*missileTestKind).Missile["icbm"]},
		{"envoy", kinds[model.OtherEvent].(*otherKind).Envoys["ambassador"]},
	} {
		if !tc.ok {
			t.Errorf("lexicon lacks %s", tc.name)
		}
	}
}

// TestParseWords: the word-class format, and its errors.
func TestParseWords(t *testing.T) {
	type words struct {
		LightVerbs wordSet
		Counts     map[string]int
		Names      map[string]string
	}
	var w words
	err := parseWords("x.txt", []byte("# comment\n[light verbs]  # why\nheld, Paid ,\nsat down\n[counts]\ntwo=2\n[names]\nsept.=September\n"), &w)
	if err != nil {
		t.Fatal(err)
	}
	if !w.LightVerbs["held"] || !w.LightVerbs["paid"] || !w.LightVerbs["sat down"] || w.Counts["two"] != 2 || w.Names["sept"] != "September" {
		t.Errorf("parsed %+v", w)
	}
	toks := tokenize("they sat down with", 0, len("they sat down with"))
	if n := w.LightVerbs.at(toks, 1); n != 2 {
		t.Errorf("at: %d tokens, want 2", n)
	}
	if !w.LightVerbs.before(toks, 3) {
		t.Error("before: sat down")
	}
	for _, tc := range []struct{ name, text, want string }{
		{"unknown section", "[light verbs]\nheld\n[counts]\ntwo=2\n[names]\na=b\n[typo]\nx\n", "fills no field"},
		{"missing section", "[light verbs]\nheld\n[counts]\ntwo=2\n", "no section for"},
		{"bad number", "[light verbs]\nheld\n[counts]\ntwo=zwei\n[names]\na=b\n", "zwei"},
		{"value in a set", "[light verbs]\nheld=1\n[counts]\ntwo=2\n[names]\na=b\n", "does not fit"},
		{"entry before a section", "held\n", "before the first section"},
	} {
		var w words
		if err := parseWords("x.txt", []byte(tc.text), &w); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: err = %v, want %q", tc.name, err, tc.want)
		}
	}
}

// TestPhraseScans: the scans that stop as soon as their words begin no
// title or word-class phrase find what reading every word up to the
// longest entry finds, at every token of the sample article.
func TestPhraseScans(t *testing.T) {
	x := extractor(t)
	sample, err := os.ReadFile(samplePath)
	if err != nil {
		t.Fatal(err)
	}
	d := newDoc(x, string(sample)+"\nThe deputy foreign minister and Lt. Gen. Kruse met the Deputy Prime Minister.", Meta{})
	d.run()
	// titleFrom and titleTo read every word from token k on, or back from
	// it, and return how many words the longest title takes.
	titleFrom := func(toks []token, k int) int {
		best := 0
		var words []string
		for j := k; j < len(toks) && toks[j].word && len(words) < x.lx.titleMax; j++ {
			if words = append(words, toks[j].norm); x.lx.titles[strings.Join(words, " ")].words != nil {
				best = len(words)
			}
		}
		return best
	}
	titleTo := func(toks []token, k int) int {
		best := 0
		var words []string
		for j := k; j >= 0 && toks[j].word && len(words) < x.lx.titleMax; j-- {
			if words = append([]string{toks[j].norm}, words...); x.lx.titles[strings.Join(words, " ")].words != nil {
				best = len(words)
			}
		}
		return best
	}
	// atAll reads every word up to maxPhrase.
	atAll := func(set wordSet, toks []token, k int) int {
		best := 0
		for e := k; e < len(toks) && e < k+maxPhrase; e++ {
			var words []string
			for _, t := range toks[k : e+1] {
				words = append(words, t.norm)
			}
			if set[strings.Join(words, " ")] {
				best = e - k + 1
			}
		}
		return best
	}
	titles := 0
	for si, s := range d.sents {
		for k, tok := range s.tokens {
			if !tok.word || k > 0 && !s.tokens[k-1].word || k+1 < len(s.tokens) && !s.tokens[k+1].word {
				continue // words among words: no periods or hyphens to skip
			}
			if got, want := d.titleAt(si, k, len(s.tokens)), titleFrom(s.tokens, k); got != want {
				t.Errorf("titleAt(%q): %d, want %d", tok.text, got, want)
			}
			if got, want := d.titleEndingAt(si, k), titleTo(s.tokens, k); got != want {
				t.Errorf("titleEndingAt(%q): %d, want %d", tok.text, got, want)
			} else if want > 0 {
				titles++
			}
			for _, set := range []wordSet{gram.Attribution, cue.AnnouncedBy, gram.LedBy, cue.Hedges} {
				if got, want := set.at(s.tokens, k), atAll(set, s.tokens, k); got != want {
					t.Errorf("at(%q): %d, want %d", tok.text, got, want)
				}
			}
		}
	}
	if titles < 5 {
		t.Errorf("only %d titles found", titles)
	}
}

// TestLowerCaseStartsNoName: casedRefs takes no name whose first word is
// in lower case, which lets index.match skip such words at once.
func TestLowerCaseStartsNoName(t *testing.T) {
	refs := []ref{{kind: refPerson}, {kind: refCountry}, {kind: refOrg, acronym: true}, {kind: refPlace}}
	for _, text := range []string{"kim Jong Un", "kim Jong un", "united States", "the United Nations", "dPRK", "president Xi Jinping", "al-Shabaab"} {
		toks := tokenize(text, 0, len(text))
		for n := 1; n <= len(toks); n++ {
			if got := casedRefs(refs, toks[:n]); got != nil {
				t.Errorf("%q: casedRefs takes %d names", tokensText(toks[:n]), len(got))
			}
		}
		if end, _ := extractor(t).ix.match(toks, 0); end != 0 {
			t.Errorf("%q: match ends at %d", text, end)
		}
	}
}
