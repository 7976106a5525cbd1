package loader

// clause is the stretch of a sentence that states one event: tokens
// [start, end) of sentence si, around the trigger at token k. The kinds
// read an event's arguments from it.
type clause struct {
	si, k      int
	start, end int
	toks       []token // the sentence's tokens
	tr         *trigger
	noun       bool // the trigger reads as a noun here ("a visit", "talks")
	transfer   *transferArgs
	transferOK bool // transfer holds the reading (perhaps nil: no transfer)
}

// clauseAt returns the clause around token k of sentence si: from the
// last clause break before it to the next one after it.
func (d *doc) clauseAt(si, k int) *clause {
	toks := d.sents[si].tokens
	cs := k
	for cs > 0 {
		n := toks[cs-1].norm
		if n == ")" {
			if open := matchParen(toks, cs-1, -1); open >= 0 {
				cs = open // a short aside: "500 million pounds ($620 million) in aid"
				continue
			}
		}
		if n == `"` && d.embeddedQuote(si, cs-1, k) {
			cs-- // decree to sign "a … partnership agreement": the verb outside governs (ST-PLAN-15)
			continue
		}
		if n == ";" || n == `"` && !scareQuote(toks, cs-1) || n == ":" || n == "--" || n == "(" || n == ")" {
			break
		}
		cs--
	}
	for cs < k && toks[cs].start < d.bodyStart && d.bodyStart <= toks[k].start {
		cs++ // the dateline ("WARSAW, Dec 6 (Reuters) -") is no part of a clause
	}
	ce := k + 1
	for ce < len(toks) {
		n := toks[ce].norm
		if n == "(" {
			if cl := matchParen(toks, ce, 1); cl >= 0 {
				ce = cl + 1
				continue
			}
		}
		if n == `"` && d.embeddedClose(si, ce, k) {
			ce++ // "… agreement at the highest level” with Egypt" (ST-PLAN-15)
			continue
		}
		if n == ";" || n == `"` && !scareQuote(toks, ce) || n == ":" || n == "--" || n == "(" || n == ")" || n == "." && ce == len(toks)-1 {
			break
		}
		if gram.ClauseBreaks[n] && ce > k+1 { // "…, which", "while"
			break
		}
		if gram.HeadlineBreaks[n] && ce > k+1 && toks[ce].cap && d.titleCaseHeadline(si) {
			break // "Putin Suspends New START Participation As Biden Rallies Allies In Warsaw"
		}
		ce++
	}
	// A relative clause set off by commas (", which according to Sipri buys
	// most of its arms abroad, received …") ends at its closing comma: what
	// follows is the main clause's.
	if r := relativeOpen(toks, cs, k); r >= 0 {
		for j := k + 1; j < ce; j++ {
			if toks[j].norm == "," && !(j+1 < ce && (gram.Coordinators[toks[j+1].norm] || toks[j+1].cap)) {
				ce = j
				break
			}
		}
	}
	for ce > cs+1 && (toks[ce-1].norm == "," || toks[ce-1].norm == ".") {
		ce--
	}
	return &clause{si: si, k: k, start: cs, end: ce, toks: toks}
}

// relativeOpen returns the relative pronoun after a comma that opens the
// clause holding token k (", which …", ", who …"), with no comma between
// them, or -1.
func relativeOpen(toks []token, cs, k int) int {
	for j := k - 1; j > cs && j > 0; j-- {
		switch {
		case toks[j].norm == ",":
			return -1
		case gram.RelativePronouns[toks[j].norm] && toks[j-1].norm == ",":
			return j
		}
	}
	return -1
}

// sentence returns the whole sentence si as a clause, for reading
// arguments outside an event's clause.
func (d *doc) sentence(si int) *clause {
	toks := d.sents[si].tokens
	return &clause{si: si, end: len(toks), toks: toks}
}

// norm is the normalized word at token j, or "" outside the sentence.
func (c *clause) norm(j int) string {
	if j < 0 || j >= len(c.toks) {
		return ""
	}
	return c.toks[j].norm
}

// phraseEnd returns where the phrase of token k ends: at the next comma,
// or at the clause end.
func (c *clause) phraseEnd(k int) int {
	for j := k + 1; j < c.end; j++ {
		if c.toks[j].norm == "," {
			return j
		}
	}
	return c.end
}

// matchParen returns the bracket that closes (dir 1) or opens (dir -1)
// the one at j within a few tokens, or -1: a short aside in brackets.
func matchParen(toks []token, j, dir int) int {
	want := ")"
	if dir < 0 {
		want = "("
	}
	for i := j + dir; i >= 0 && i < len(toks) && i != j+10*dir; i += dir {
		switch toks[i].norm {
		case want:
			return i
		case "(", ")", ";", `"`:
			return -1
		}
	}
	return -1
}

// scareQuote reports whether the quotation mark at j is one of a pair
// around a few words inside a clause ("held the first “2+2” dialogue"),
// which do not end the clause as a quotation does.
func scareQuote(toks []token, j int) bool {
	inner := func(t token) bool { return t.word || isNumberToken(t) || t.norm == "+" || t.norm == "-" }
	for _, dir := range []int{-1, 1} {
		for i := j + dir; i >= 0 && i < len(toks) && i != j+5*dir; i += dir {
			if toks[i].norm == `"` {
				a, b := min(i, j), max(i, j)
				return b > a+1 && a > 0 && toks[a-1].word && b+1 < len(toks) && toks[b+1].word
			}
			if !inner(toks[i]) {
				break
			}
		}
	}
	return false
}
