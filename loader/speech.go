package loader

import (
	"sort"
	"strings"
)

// verbSay is the verb a quotation gets when the text names none
// ("according to X", "in his words"); wordThat opens reported speech.
const (
	verbSay  = "say"
	wordThat = "that"
)

// findReportedSpeech finds reported speech: "Koffler argued that the
// cooperation could be mutually beneficial", "She highlighted Russia's
// expertise …", and "North Korea is supplying arms, Kirby said."
func (d *doc) findReportedSpeech() {
	for si := range d.sents {
		if !d.reports(d.sents[si].start) {
			continue
		}
		toks := d.sents[si].tokens
		for j := 1; j < len(toks); j++ {
			t := toks[j]
			sv, ok := d.x.lx.speech[t.norm]
			if !ok || t.cap || d.inQuote(t.start) || d.passive(toks, j) {
				continue
			}
			speaker := d.speakerBefore(si, j, 0)
			if speaker == nil {
				continue
			}
			// What follows the verb, after filler words, or after "that"
			// ("signalled ahead of the sessions that …").
			k := j + 1
			for t := j + 1; t < len(toks) && t <= j+7; t++ {
				if toks[t].norm == wordThat {
					k = t
					break
				}
				if !toks[t].word {
					break
				}
			}
			if _, event := triggers[t.norm]; event && (k >= len(toks) || toks[k].norm != wordThat) {
				continue // "Paris recalled its envoy": an act, not speech, unless "that" follows
			}
			for k < len(toks) && ((toks[k].norm == "," || attrib.Filler[toks[k].norm]) || d.mentionAt(si, k) != nil && k == j+1 && t.norm == "told") {
				if m := d.mentionAt(si, k); m != nil {
					k = m.tj
					continue
				}
				k++
			}
			end := len(toks)
			for end > k && (toks[end-1].norm == "." || toks[end-1].norm == `"`) {
				end--
			}
			if end-k < 3 || d.quoteIn(toks[k].start, toks[end-1].end) && strings.ContainsAny(d.shortQuoteMarks(toks[k].start, toks[end-1].end), "“”«»\"") {
				continue
			}
			if m := d.mentionAt(si, k); m != nil && m.tj >= end {
				continue // "…, reports Agence France Presse": the speaker, not what was said
			}
			s, e := toks[k].start, toks[end-1].end
			d.stmts = append(d.stmts, &stmt{speaker: speaker, text: d.text[s:e], start: s, end: e,
				verb: sv.lemma, sent: si})
			break // one reported statement a sentence
		}
		d.trailingAttribution(si)
	}
}

// trailingAttribution reads speech attributed at the end of a sentence:
// "North Korea has shipped … to Russia, South Korea's spy agency said
// Wednesday, adding …" and "…, said Kirby." The clause before the comma is
// what the speaker said.
func (d *doc) trailingAttribution(si int) {
	toks := d.sents[si].tokens
	for c := 3; c < len(toks)-1; c++ {
		if toks[c].norm != "," {
			continue
		}
		speaker, verb := d.attributionAfter(si, c)
		if speaker == nil {
			continue
		}
		s := toks[0].start
		if s < d.bodyStart && d.bodyStart < toks[c].start {
			s = d.bodyStart
		}
		e := toks[c-1].end
		if len(strings.Fields(d.text[s:e])) < 4 || strings.ContainsAny(d.shortQuoteMarks(s, e), "“”«»\"") || d.inQuote(s) {
			return
		}
		d.stmts = append(d.stmts, &stmt{speaker: speaker, text: d.text[s:e], start: s, end: e, verb: verb, sent: si})
		return
	}
}

// attributionAfter reads the speaker and verb of an attribution that
// closes sentence si after the comma at token c (", said Kirby", ", the
// agency said", ", the agency reported from Moscow"), or nil.
func (d *doc) attributionAfter(si, c int) (*entity, string) {
	toks := d.sents[si].tokens
	for j := c + 1; j < len(toks) && j <= c+12; j++ {
		sv, ok := d.x.lx.speech[toks[j].norm]
		// "…, the spy agency was quoted (by lawmakers) as saying (by
		// lawmakers)": the passive quotes the subject (QT-AGENCY-1).
		quoted := toks[j-1].norm == "as"
		if !ok || toks[j].cap || d.passive(toks, j) && !quoted || j > c+8 && !quoted {
			continue
		}
		if after := len(toks) - j; after > 8 || j+1 < len(toks) && toks[j+1].norm == wordThat {
			return nil, "" // "…, Peskov announced that …" opens speech; it does not close it
		}
		if j == c+1 {
			return d.speakerAfterVerb(si, j+1), sv.lemma
		}
		return d.speakerBefore(si, j, c+1), sv.lemma
	}
	return nil, ""
}

// inQuote reports whether byte pos lies inside a quotation.
func (d *doc) inQuote(pos int) bool {
	// Quotes are in text order and do not overlap.
	i := sort.Search(len(d.quotes), func(i int) bool { return d.quotes[i].open > pos })
	return i > 0 && pos <= d.quotes[i-1].end
}

// quoteIn reports a quotation mark between bytes s and e.
func (d *doc) quoteIn(s, e int) bool {
	return strings.ContainsAny(d.text[s:e], "“”«»\"")
}

// passive: "as announced by", "the reported trip", "was confirmed".
func (d *doc) passive(toks []token, j int) bool {
	return j+1 < len(toks) && toks[j+1].norm == "by" || attrib.Auxiliary[toks[j-1].norm]
}
