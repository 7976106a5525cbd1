package loader

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
)

func validDate(s string) bool {
	_, err := time.Parse("2006-01-02", s)
	return err == nil
}

// datesWords are the words of dates, from lexicon/dates.txt.
type datesWords struct {
	Months, Weekdays   map[string]int // "sept" = 9; "monday" = 1 (Go's time.Weekday)
	DayOffsets         map[string]int // "yesterday" = -1
	SpanDays           map[string]int // "week" = 7: "last week" is the month of the day a week back
	SpanMonths         map[string]int // "month" = 1: "last month" is the calendar month before
	TimeAbbreviations  wordSet        // "a.m.": its period ends no sentence before "Tuesday"
	DayParts           wordSet        // "this morning" is the day of publication
	DayFirst           wordSet        // top-level domains of outlets that write 4/5 for 4 May
	MonthFirst         wordSet        // … and of those that write it for April 5
	Year               wordSet
	Past, Coming, This wordSet // "last week", "next month", "this year"
	Since              wordSet // "since Sept. 18": not the event's date
	ModalMonths        wordSet // "may": a month only after "in" or "since"
	MonthOpeners       wordSet // "in May"
	ClauseOpeners      wordSet // words that open a clause with its date ("On Monday, …")
	YearOpeners        wordSet // "in 2019": a year-only date (yearOf)
	YearParts          wordSet // "in early 2019", "in mid-2021"
}

var (
	monthDayRE = regexp.MustCompile(`^([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?$`)
	dayMonthRE = regexp.MustCompile(`^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\.?,?\s+(\d{4})$`)
)

// parseMonthDay reads "September 11, 2023", "Sept. 11" or "Nov 16"; a date
// without a year takes the year of anchor (or year 1 when anchor is zero).
func parseMonthDay(s string, anchor time.Time) (time.Time, bool) {
	m := monthDayRE.FindStringSubmatch(strings.TrimSpace(s))
	if dm := dayMonthRE.FindStringSubmatch(strings.TrimSpace(s)); dm != nil {
		m = []string{dm[0], dm[2], dm[1], dm[3]} // "22nd December, 2022"
	}
	if m == nil {
		return time.Time{}, false
	}
	mon, ok := dateWords.Months[normWord(m[1])]
	day, _ := strconv.Atoi(m[2])
	if !ok || day < 1 || day > 31 {
		return time.Time{}, false
	}
	year := anchor.Year()
	if m[3] != "" {
		year, _ = strconv.Atoi(m[3])
	}
	return time.Date(year, time.Month(mon), day, 0, 0, 0, 0, time.UTC), true
}

// dateNear resolves the date expression of a clause, tokens [i, j) of
// sentence si, against the published date: explicit dates ("September 13",
// "13 September 2023", "in March"), weekdays ("on Monday", "Sunday night":
// the last such day on or before publication, or the next one for a
// planned event), "yesterday", "today", "tomorrow", "last month",
// "next month". It returns "" when the text gives no date.
func (d *doc) dateNear(si, i, j int, future bool) string {
	toks := d.sents[si].tokens
	i, j = max(i, 0), min(j, len(toks))
	for k := i; k < j; k++ {
		t := toks[k]
		if !t.word && !isNumberToken(t) {
			continue
		}
		if k > 0 && dateWords.Since[toks[k-1].norm] || k > 1 && dateWords.Since[toks[k-2].norm] {
			continue // "the first launch since Sept. 18" is not on Sept. 18
		}
		if !t.word {
			if date := d.numericDate(toks, k, future); date != "" {
				return date
			}
			continue
		}
		if mon, ok := dateWords.Months[t.norm]; ok && t.cap {
			if date := d.monthDate(toks, k, time.Month(mon), future); date != "" {
				return date
			}
		}
		if _, ok := dateWords.Weekdays[t.norm]; ok && t.cap && k+2 < j && toks[k+1].norm == "(" {
			// "on Friday (Oct 4)": the date in brackets names the day.
			if mon, ok := dateWords.Months[toks[k+2].norm]; ok && toks[k+2].cap {
				if date := d.monthDate(toks, k+2, time.Month(mon), future); date != "" {
					return date
				}
			}
		}
		if wd, ok := dateWords.Weekdays[t.norm]; ok && t.cap && !d.published.IsZero() {
			if k > 0 && (dateWords.Past[toks[k-1].norm] || dateWords.Coming[toks[k-1].norm]) {
				future = dateWords.Coming[toks[k-1].norm]
			}
			return weekdayDate(d.published, time.Weekday(wd), future).Format("2006-01-02")
		}
		if d.published.IsZero() {
			continue
		}
		if off, ok := dateWords.DayOffsets[t.norm]; ok {
			return d.published.AddDate(0, 0, off).Format("2006-01-02")
		}
		if k == 0 {
			continue
		}
		before := toks[k-1].norm
		if dateWords.DayParts[t.norm] && dateWords.This[before] {
			return d.published.Format("2006-01-02")
		}
		if days, ok := dateWords.SpanDays[t.norm]; ok {
			// "last week" is not a day: it resolves to its month, the
			// finest unit the date format has for a span.
			switch {
			case dateWords.Past[before]:
				return d.published.AddDate(0, 0, -days).Format("2006-01")
			case dateWords.Coming[before]:
				return d.published.AddDate(0, 0, days).Format("2006-01")
			case dateWords.This[before]:
				return d.published.Format("2006-01")
			}
		}
		if months, ok := dateWords.SpanMonths[t.norm]; ok {
			// Calendar months: "last month" written on March 2 is February,
			// not the month of the day 30 days back.
			first := time.Date(d.published.Year(), d.published.Month(), 1, 0, 0, 0, 0, time.UTC)
			switch {
			case dateWords.Past[before]:
				return first.AddDate(0, -months, 0).Format("2006-01")
			case dateWords.Coming[before]:
				return first.AddDate(0, months, 0).Format("2006-01")
			case dateWords.This[before]:
				return first.Format("2006-01")
			}
		}
		if dateWords.Year[t.norm] {
			switch {
			case dateWords.Past[before]:
				return d.published.AddDate(-1, 0, 0).Format("2006")
			case dateWords.Coming[before]:
				return d.published.AddDate(1, 0, 0).Format("2006")
			case dateWords.This[before]:
				return d.published.Format("2006")
			}
		}
	}
	return ""
}

// dateOutsidePhrase finds the date of the trigger at token k of sentence
// si that its own phrase does not give: an adverb right before it ("the
// crown prince today received", "Kim on Monday met"), or the date that
// closes a photo caption ("… meets Macron at the Elysee, Nov. 28, 2024.").
func (d *doc) dateOutsidePhrase(si, k int, future bool) string {
	toks := d.sents[si].tokens
	j := k
	for j > 0 && k-j < 6 && adverbOfTime(toks[j-1]) {
		j--
	}
	if j < k {
		if date := d.dateNear(si, j, k, future); date != "" {
			return date
		}
	}
	if d.lineKindAt(d.sents[si].start) == lineCaption {
		// A caption ends with the day its photo was taken.
		end := len(toks)
		for end > k+1 && !toks[end-1].word && !isNumberToken(toks[end-1]) {
			end--
		}
		for j := end - 1; j > k && j >= end-7; j-- {
			if toks[j].norm == "," && toks[j-1].word && !isNumberToken(toks[j-1]) {
				return d.dateNear(si, j+1, end, future)
			}
		}
	}
	return ""
}

// numericDate reads a date written in numbers at token k: "on 4/5",
// "14-11-2021", "03/08/2022". Day and month are told apart when one of
// them is above 12, else by the outlet's country (its web domain, see
// dayFirst); an order that is not known gives no date.
func (d *doc) numericDate(toks []token, k int, future bool) string {
	var parts []int
	j := k
	for ; j < len(toks) && len(parts) < 3; j += 2 {
		n, err := strconv.Atoi(toks[j].norm)
		if !isNumberToken(toks[j]) || err != nil {
			return ""
		}
		parts = append(parts, n)
		if j+2 >= len(toks) || toks[j+1].space || toks[j+2].space || toks[j+1].norm != "/" && toks[j+1].norm != "-" || !isNumberToken(toks[j+2]) {
			j += 2
			break
		}
	}
	year := 0
	switch {
	case len(parts) == 3 && parts[2] >= 1900 && parts[2] <= 2100:
		year = parts[2] // "14-11-2021"
	case len(parts) == 2 && k > 0 && toks[k-1].norm == "on" && (j-1 >= len(toks) || !monthOrDay(toks[j-1].norm)):
		// "on 4/5", but not the range of "on 11-12 February"
	default:
		return ""
	}
	day, mon := parts[0], parts[1]
	switch first := d.dayFirst(); {
	case day > 12 && mon <= 12: // "14-11-2021"
	case mon > 12 && day <= 12:
		day, mon = mon, day // "11/14/2021"
	case first == 0:
		return "" // "4/5" from an outlet of unknown habit
	case first < 0:
		day, mon = mon, day
	}
	if year == 0 {
		if d.published.IsZero() {
			return ""
		}
		year = d.published.Year()
		if !future && time.Month(mon) > d.published.Month() {
			year--
		}
	}
	t := time.Date(year, time.Month(mon), day, 0, 0, 0, 0, time.UTC)
	if mon < 1 || mon > 12 || day < 1 || t.Day() != day {
		return ""
	}
	return t.Format("2006-01-02")
}

// dayFirst tells how the article's outlet writes numeric dates: 1 day
// first, -1 month first, 0 not known (no outlet, or a generic domain).
func (d *doc) dayFirst() int {
	source := d.meta.Source
	if source == "" {
		source = sourceOf(d.meta.URL)
	}
	tld := source[strings.LastIndexByte(source, '.')+1:]
	switch {
	case source == "":
		return 0
	case dateWords.DayFirst[tld]:
		return 1
	case dateWords.MonthFirst[tld]:
		return -1
	}
	return 0
}

// adverbOfTime: a token of a date adverb that may stand before a verb
// ("today", "this morning", "on Friday (Oct 4)").
func adverbOfTime(t token) bool {
	if isNumberToken(t) || t.norm == "(" || t.norm == ")" || t.norm == "on" {
		return true
	}
	_, offset := dateWords.DayOffsets[t.norm]
	return offset || dateWords.DayParts[t.norm] || dateWords.This[t.norm] || t.cap && monthOrDay(t.norm)
}

// monthDate reads a date around the month name at token k: "September 13",
// "13 September 2023", "September 2023", "in September".
func (d *doc) monthDate(toks []token, k int, mon time.Month, future bool) string {
	day, year := 0, 0
	num := func(x int) int {
		if x < 0 || x >= len(toks) || !isNumberToken(toks[x]) {
			return 0
		}
		n, err := strconv.Atoi(strings.TrimRightFunc(toks[x].text, unicode.IsLetter)) // "13th"
		if err != nil {
			return 0
		}
		return n
	}
	next := k + 1
	if next < len(toks) && toks[next].norm == "." {
		next++
	}
	if next < len(toks) {
		// "Mar 9,2022": a lost space after the comma.
		if ds, y, ok := strings.Cut(toks[next].text, ","); ok && len(y) == 4 {
			day, _ = strconv.Atoi(ds)
			year, _ = strconv.Atoi(y)
			day = min(max(day, 0), 32)
		}
	}
	switch n := num(next); {
	case day > 0:
	case n >= 1 && n <= 31:
		day = n
		after := next + 1
		if after < len(toks) && toks[after].norm == "," {
			after++
		}
		if y := num(after); y >= 1900 && y <= 2100 {
			year = y
		}
	case n >= 1900 && n <= 2100:
		year = n
	}
	if day == 0 {
		if n := num(k - 1); n >= 1 && n <= 31 {
			day = n
			if first := num(k - 3); k >= 3 && toks[k-2].norm == "-" && first >= 1 && first < n {
				day = first // "11-12 February": a range starts on its first day
			}
			after := k + 1
			if after < len(toks) && toks[after].norm == "," {
				after++ // "03rd June, 2020"
			}
			if y := num(after); y >= 1900 && y <= 2100 {
				year = y
			}
		}
	}
	if year == 0 {
		if d.published.IsZero() {
			return ""
		}
		// A month without a year is the last such month before publication
		// ("they met in November", written in April), or the next one for a
		// planned event.
		year = d.published.Year()
		if !future && mon > d.published.Month() {
			year--
		} else if future && mon < d.published.Month() {
			year++
		}
	}
	if day == 0 {
		// "in May" alone: only with a year or a known publication year,
		// and not "May" the modal verb (it is capitalized only mid-sentence
		// as a month).
		if dateWords.ModalMonths[toks[k].norm] && (k == 0 || !dateWords.MonthOpeners[toks[k-1].norm] && !dateWords.Since[toks[k-1].norm]) {
			return ""
		}
		return time.Date(year, mon, 1, 0, 0, 0, 0, time.UTC).Format("2006-01")
	}
	t := time.Date(year, mon, day, 0, 0, 0, 0, time.UTC)
	if t.Month() != mon {
		return "" // February 30
	}
	return t.Format("2006-01-02")
}

// monthNotModal: "May" at token j is the month, not the hedge: capitalized
// after a word ("flew to Nairobi on May 3"), after a hyphen ("in mid-May",
// "early-May talks") or before a day number.
func monthNotModal(toks []token, j int) bool {
	t := toks[j]
	if !dateWords.ModalMonths[t.norm] || !t.cap {
		return false
	}
	return j > 0 && (toks[j-1].word || toks[j-1].norm == "-" && j > 1 && toks[j-2].word) ||
		j+1 < len(toks) && toks[j+1].norm != "" && toks[j+1].norm[0] >= '0' && toks[j+1].norm[0] <= '9'
}

// weekdayDate returns the weekday wd nearest to anchor: on or before it for
// past events, on or after it for planned ones.
func weekdayDate(anchor time.Time, wd time.Weekday, future bool) time.Time {
	diff := int(anchor.Weekday() - wd)
	if future {
		return anchor.AddDate(0, 0, (int(wd-anchor.Weekday())+7)%7)
	}
	return anchor.AddDate(0, 0, -((diff + 7) % 7))
}

// yearOf reads a year-only date of the clause's trigger ("tightened
// sanctions in 2019", "In 2021, the EU …"): too coarse for the event's
// date, it still keeps mentions of different years apart (sameYear).
func (d *doc) yearOf(c *clause) string {
	toks := c.toks
	in := func(j int) string {
		for i := j - 1; i >= c.start && i >= j-3; i-- {
			n := toks[i].norm
			if dateWords.Since[n] {
				return "" // "the first since 2017"
			}
			if dateWords.YearOpeners[n] {
				return toks[j].text
			}
			if !dateWords.YearParts[n] {
				return ""
			}
		}
		return ""
	}
	year := func(j int) bool { return !toks[j].word && isNumberToken(toks[j]) && isYear(toks[j].text) }
	for j := c.k + 1; j < c.datePhraseEnd(); j++ {
		if year(j) {
			return in(j)
		}
	}
	if dateWords.ClauseOpeners[toks[c.start].norm] {
		for j := c.start + 1; j < min(c.start+4, c.k); j++ {
			if year(j) {
				return in(j)
			}
		}
	}
	return ""
}

// sameYear: a mention dated only by its year ("in 2019") and one of
// another year are two events.
// isYear: s is a year of modern reporting written in four digits (1900–2099).
func isYear(s string) bool {
	n, err := strconv.Atoi(s)
	return err == nil && len(s) == 4 && n >= 1900 && n < 2100
}

func sameYear(a, b *event) bool {
	ya, yb := a.year, b.year
	if ya == "" && len(a.date) >= 4 {
		ya = a.date[:4]
	}
	if yb == "" && len(b.date) >= 4 {
		yb = b.date[:4]
	}
	return ya == "" || yb == "" || ya == yb
}
