package loader

import (
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Where an article's published date came from.
const (
	FromMeta = "metadata"
	FromText = "text"
	FromURL  = "url"
)

// WithPublished returns meta with its published date filled in when it has
// none: from the top of the text (HTML publication tags, "Published:" and
// "Updated" lines, a date line under the headline, the dateline), else from
// the URL's path (/2023/09/11/). It also says where the date came from:
// FromMeta, FromText, FromURL, or "" when nothing gives one. Relative dates
// in the text ("on Monday") are resolved against this date, so a corpus
// without metadata still gets dated events.
func (m Meta) WithPublished(raw []byte) (Meta, string) {
	if m.Published != "" {
		return m, FromMeta
	}
	date, from := publishedDate(string(raw), m.URL)
	m.Published = date
	return m, from
}

// headerBytes bounds where publication dates are looked for: they stand
// above or in the first paragraph, and a date further down is an event's.
const headerBytes = 1500

var (
	// HTML publication metadata: <meta property="article:published_time"
	// content="2023-09-11T08:00:00Z">, JSON-LD "datePublished", <time
	// datetime=...> and the like.
	htmlPublishedRE = regexp.MustCompile(`(?i)(?:article:published_time|datePublished|date_published|publish[-_]?date|pubdate|dc\.date|<time)["']?[^>]{0,80}?(?:content|datetime)?\s*[=:]\s*["']?(\d{4}-\d{2}-\d{2})`)
	// "Published: 11 September 2023", "Posted on Sept. 11, 2023", "Updated 2023-09-12".
	labelRE = regexp.MustCompile(`(?i)^(?:first\s+)?(published|posted|last\s+updated|updated|date)\b(?:\s+on)?\s*[:|\-–—]?\s*`)
	isoRE   = regexp.MustCompile(`\b((?:19|20)\d{2}-\d{2}-\d{2})(?:[^0-9]|$)`) // 2023-09-11, 2023-09-11T08:00Z
	// "12/06/2024", "06.12.2024": day and month order is read when one
	// number exceeds 12, else the date is ambiguous (see below).
	numericRE = regexp.MustCompile(`\b(\d{1,2})[/.](\d{1,2})[/.]((?:19|20)\d{2})\b`)
	// "September 11, 2023", "Sept. 11", "11 September 2023", "22nd December, 2022".
	monthDateRE = regexp.MustCompile(`(?i)\b(?:(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+((?:19|20)\d{2})\b)?|(\d{1,2})(?:st|nd|rd|th)?\s+(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?,?\s+((?:19|20)\d{2})\b)`)
	// A wire dateline in any case: "Taipei, Dec. 6 (CNA)", "Sept 10 (Reuters) -".
	agencyDateRE = regexp.MustCompile(`(?i)\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(\d{1,2})(?:,?\s+((?:19|20)\d{2}))?\s*\([^)\n]{1,40}\)`)
	// URL paths: /2023/09/11/, /2023-09-11/, /20230911/; /2023/09/ gives a year.
	urlDateRE = regexp.MustCompile(`/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:[/_.-]|$)|/((?:19|20)\d{2})(\d{2})(\d{2})(?:[/_.-]|$)`)
	urlYearRE = regexp.MustCompile(`/((?:19|20)\d{2})/(?:\d{1,2}/)?`)
)

// publishedDate finds the publication date of a text and URL; see
// Meta.WithPublished.
func publishedDate(raw, url string) (string, string) {
	head := raw
	if len(head) > 4*headerBytes {
		head = head[:4*headerBytes]
	}
	if looksLikeHTML(head) {
		if m := htmlPublishedRE.FindStringSubmatch(raw[:min(len(raw), 64<<10)]); m != nil {
			if t, ok := ymd(m[1]); ok {
				return t, FromText
			}
		}
		head = htmlToText(raw[:min(len(raw), 64<<10)])
	}
	if len(head) > headerBytes {
		head = head[:headerBytes]
	}
	h := readDates(head)
	if h.full != "" {
		return h.full, FromText
	}
	year, urlDate := urlDates(url)
	if h.month != 0 {
		// A dateline gives the month and day; the year comes from a
		// number-only date line, else the URL.
		switch {
		case h.year != 0:
			year = h.year
		case urlDate != "":
			year, _ = strconv.Atoi(urlDate[:4])
		}
		if year != 0 {
			if t, ok := mkdate(year, time.Month(h.month), h.day); ok {
				return t, FromText
			}
		}
	}
	if urlDate != "" {
		return urlDate, FromURL
	}
	return "", ""
}

// header is what the top of an article says about its date.
type header struct {
	full       string   // the publication date, when the header gives a complete one
	month, day int      // a date without its year (a wire dateline)
	year       int      // a year from an ambiguous number-only date
	ambiguous  [][3]int // number-only dates whose day/month order is unknown: a, b, year
	labelled   string   // date of a "Published" line
	updated    string   // date of an "Updated" line
	other      []string // dates on date lines and datelines, in text order
}

// readDates reads the dates at the top of a text: labelled lines first
// ("Published" before "Updated"), then a date line under the headline, then
// the dateline; a dateline without its year leaves month and day.
func readDates(head string) header {
	var h header
	lines := strings.Split(head, "\n")
	n := 0
	for _, line := range lines {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if n++; n > 12 {
			break
		}
		body := false // a line of the article's body: only its opening counts
		if len(line) > 200 {
			body = true
			line = line[:200]
		}
		if m := labelRE.FindStringSubmatchIndex(line); m != nil && !body {
			if d, ok := lineDate(line[m[1]:]); ok {
				if label := strings.ToLower(line[m[2]:m[3]]); strings.Contains(label, "updated") {
					h.updated = first(h.updated, d)
				} else {
					h.labelled = first(h.labelled, d)
				}
				continue
			}
		}
		if m := agencyDateRE.FindStringSubmatch(line); m != nil && (body || strings.Index(line, m[0]) < 60) {
			mon := time.Month(dateWords.Months[normWord(m[1])])
			day, _ := strconv.Atoi(m[2])
			if m[3] != "" {
				y, _ := strconv.Atoi(m[3])
				if d, ok := mkdate(y, mon, day); ok {
					h.other = append(h.other, d)
				}
			} else if h.month == 0 {
				h.month, h.day = int(mon), day
			}
		} else if dl, ok := datelineOf(line); ok {
			// "MOSCOW, September 11, 2023 –", "SEOUL, Sept 10 (Reuters) -".
			if d, ok := lineDate(line[:dl.end]); ok {
				h.other = append(h.other, d)
			} else if md := monthDateRE.FindStringSubmatch(line[:dl.end]); md != nil && md[1] != "" && h.month == 0 {
				h.month = dateWords.Months[normWord(md[1])]
				h.day, _ = strconv.Atoi(md[2])
			}
		} else if !body && len(line) <= 100 {
			if d, ok := lineDate(line); ok {
				h.other = append(h.other, d)
			} else if m := numericRE.FindStringSubmatch(line); m != nil {
				a, _ := strconv.Atoi(m[1])
				b, _ := strconv.Atoi(m[2])
				y, _ := strconv.Atoi(m[3])
				h.ambiguous = append(h.ambiguous, [3]int{a, b, y})
			}
		}
		if body {
			break // the first paragraph has begun: what follows is news, not metadata
		}
	}
	// A number-only date is read month/day or day/month as the dateline
	// agrees; without a dateline it gives only its year.
	for _, a := range h.ambiguous {
		if h.month == a[0] && h.day == a[1] || h.month == a[1] && h.day == a[0] {
			if d, ok := mkdate(a[2], time.Month(h.month), h.day); ok {
				h.other = append(h.other, d)
			}
		} else if h.year == 0 {
			h.year = a[2]
		}
	}
	h.full = h.labelled
	if h.full == "" && len(h.other) > 0 {
		h.full = h.other[0]
	}
	if h.full == "" {
		h.full = h.updated
	}
	return h
}

// lineDate finds a complete date in a short piece of text: ISO, a month
// name with day and year, or a number-only date whose order is clear.
// publishedWire is the wire lexicon that published dates read datelines
// with: the extractor's parser, loaded once for this pure function.
var publishedWire = sync.OnceValues(loadWire)

// datelineOf reads the dateline that may open line, as the extractor does;
// a city alone is not one here (no gazetteer to know it by).
func datelineOf(line string) (datelineMatch, bool) {
	w, err := publishedWire()
	if err != nil {
		return datelineMatch{}, false
	}
	return w.parseDateline(line, func(string) bool { return false })
}

func lineDate(s string) (string, bool) {
	if m := isoRE.FindStringSubmatch(s); m != nil {
		return ymd(m[1])
	}
	for _, m := range monthDateRE.FindAllStringSubmatch(s, -1) {
		var mon, day, year string
		if m[1] != "" {
			mon, day, year = m[1], m[2], m[3]
		} else {
			mon, day, year = m[5], m[4], m[6]
		}
		if year == "" {
			continue
		}
		y, _ := strconv.Atoi(year)
		d, _ := strconv.Atoi(day)
		if t, ok := mkdate(y, time.Month(dateWords.Months[normWord(mon)]), d); ok {
			return t, true
		}
	}
	if m := numericRE.FindStringSubmatch(s); m != nil {
		a, _ := strconv.Atoi(m[1])
		b, _ := strconv.Atoi(m[2])
		y, _ := strconv.Atoi(m[3])
		switch {
		case a > 12 && b <= 12:
			return mkdate(y, time.Month(b), a)
		case b > 12 && a <= 12:
			return mkdate(y, time.Month(a), b)
		}
	}
	return "", false
}

// urlDates reads a URL's path: its full date, else its year.
func urlDates(u string) (year int, date string) {
	if u == "" {
		return 0, ""
	}
	if i := strings.Index(u, "://"); i >= 0 {
		u = u[i+3:]
	}
	if i := strings.IndexAny(u, "?#"); i >= 0 {
		u = u[:i]
	}
	if i := strings.IndexByte(u, '/'); i >= 0 {
		u = u[i:]
	} else {
		return 0, ""
	}
	if m := urlDateRE.FindStringSubmatch(u); m != nil {
		ys, ms, ds := m[1], m[2], m[3]
		if ys == "" {
			ys, ms, ds = m[4], m[5], m[6]
		}
		y, _ := strconv.Atoi(ys)
		mo, _ := strconv.Atoi(ms)
		d, _ := strconv.Atoi(ds)
		if t, ok := mkdate(y, time.Month(mo), d); ok {
			return y, t
		}
	}
	if m := urlYearRE.FindStringSubmatch(u); m != nil {
		year, _ = strconv.Atoi(m[1])
	}
	return year, ""
}

// ymd checks "2023-09-11".
func ymd(s string) (string, bool) {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return "", false
	}
	return t.Format("2006-01-02"), true
}

// mkdate builds a date, refusing days a month does not have.
func mkdate(y int, m time.Month, d int) (string, bool) {
	if y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31 {
		return "", false
	}
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return "", false
	}
	return t.Format("2006-01-02"), true
}

func first(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
