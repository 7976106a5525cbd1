// Package gen generates test corpora of geopolitical news: articles built
// from the gazetteer's countries and leaders and from sentence templates
// (templates.tsv, lists.tsv), deterministic from a seed. No outlet's text is
// used, so corpora of any size can be made, shared and loaded to test scale
// and the merging of one event told by several outlets.
//
// A corpus is a sequence of stories: a real-world event (a meeting, a visit,
// an arms transfer, an agreement, aid, sanctions, a missile test) between
// countries and their leaders on a date. Each story is told by one to four
// outlets, on different days (before the event as a plan, on the day, or
// after), with different statuses (an arms transfer may be reported by one
// outlet, alleged by a third country in another and denied in a third), in
// the outlet's style: headline, byline, date line, dateline, quotes and
// background sentences about other events. Some articles carry their
// published date in the metadata, others only in the text or the URL, a few
// nowhere, as in real corpora.
package gen

import (
	"bufio"
	_ "embed"
	"fmt"
	"hash/fnv"
	"iter"
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/geokg/geokg/corpus"
	"github.com/geokg/geokg/loader/gazetteer"
)

// Article is one generated article: its JSON Lines record and, for tests,
// the story it tells.
type Article struct {
	corpus.Record
	Story  string `json:"story"`  // "s000042": the articles of one story report one event
	Kind   string `json:"kind"`   // meeting, visit, arms, agreement, aid, sanctions, missile
	Status string `json:"status"` // as this article tells it: occurred, planned, alleged, denied
	Date   string `json:"date"`   // the day the event happened or is planned
}

// Config says what to generate.
type Config struct {
	Seed int64
	N    int // articles
}

// Kinds are the story kinds, in the order of their weights.
var Kinds = []string{"meeting", "visit", "arms", "agreement", "aid", "sanctions", "missile"}

var kindWeights = []int{30, 15, 15, 12, 10, 10, 8}

// chunk stories are generated and their articles shuffled together, so that
// the outlets' reports of a story are interleaved with other stories, as in
// a real feed. Chunks do not depend on N: a corpus of n articles is the
// first n of any larger one with the same seed.
const chunk = 16

// first and last bound the stories' dates.
var (
	first = time.Date(2022, 1, 3, 0, 0, 0, 0, time.UTC)
	last  = time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC)
)

// Generate yields cfg.N articles.
func Generate(cfg Config) (iter.Seq[Article], error) {
	w, err := newWorld()
	if err != nil {
		return nil, err
	}
	return func(yield func(Article) bool) {
		r := rand.New(rand.NewPCG(uint64(cfg.Seed), 0x9e3779b97f4a7c15))
		seen := map[uint64]bool{}
		n, story := 0, 0
		for n < cfg.N {
			var batch []Article
			for range chunk {
				story++
				batch = append(batch, w.story(r, story)...)
			}
			r.Shuffle(len(batch), func(i, j int) { batch[i], batch[j] = batch[j], batch[i] })
			for _, a := range batch {
				// Two tellings can come out word for word the same; a
				// corpus has no duplicates, so the later one gets a line.
				for h := hash(a.Text); seen[h]; h = hash(a.Text) {
					a.Text += "\n" + w.background(r, time.Time{}) + "\n"
				}
				seen[hash(a.Text)] = true
				if n == cfg.N || !yield(a) {
					return
				}
				n++
			}
		}
	}, nil
}

func hash(s string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(s))
	return h.Sum64()
}

// person is a leader who can act in a story.
type person struct {
	name, short, title, his string
	country                 *country
}

type country struct {
	iso3, name, adj, capital string
	the                      string // the name in running text: "the United States"
	leaders, spokespeople    []*person
	cities                   []string
}

type template struct{ part, status, text string }

// world is what stories are made of.
type world struct {
	countries []*country // those with a leader
	others    []*country // every other state, for arms recipients, sanctions targets and third parties
	templates map[string][]template
	lists     map[string][]string
}

//go:embed templates.tsv
var templatesTSV string

//go:embed lists.tsv
var listsTSV string

// headRE reads a head of state or government from a role.
var headRE = regexp.MustCompile(`^(President|Prime Minister|Chancellor|King|Emir|Sultan|Supreme Leader|Crown Prince)\b[^;]* of `)

// familyFirst lists countries whose leaders' family names come first in English.
var familyFirst = []string{"CHN", "PRK", "KOR", "TWN", "VNM"}

func newWorld() (*world, error) {
	g, err := gazetteer.Default()
	if err != nil {
		return nil, err
	}
	w := &world{templates: map[string][]template{}, lists: map[string][]string{}}
	byISO := map[string]*country{}
	for _, c := range g.Countries {
		if c.UN == "observer" {
			continue
		}
		adj := c.Name
		if slices.Contains(c.Demonyms, "U.S.") {
			adj = "U.S." // as news write it
		} else if len(c.Demonyms) > 0 {
			adj = c.Demonyms[0]
		}
		capital, _, _ := strings.Cut(c.Capital, ",")
		byISO[c.ISO3] = &country{iso3: c.ISO3, name: c.Name, adj: adj, capital: capital, the: withThe(c.Name)}
	}
	for _, p := range g.People {
		c := byISO[p.Country]
		role, _, _ := strings.Cut(p.Role, ";")
		if c == nil || strings.HasPrefix(role, "former") || strings.Contains(role, "(") {
			continue
		}
		his := "his"
		if p.Gender == "f" {
			his = "her"
		}
		parts := strings.Fields(p.Name)
		short := parts[len(parts)-1]
		if slices.Contains(familyFirst, c.iso3) {
			short = parts[0]
		}
		switch {
		case headRE.MatchString(role):
			title := headRE.FindStringSubmatch(role)[1]
			c.leaders = append(c.leaders, &person{name: p.Name, short: short, title: c.adj + " " + title, his: his, country: c})
		case strings.Contains(strings.ToLower(role), "spokes") && strings.HasPrefix(role, c.adj+" "):
			c.spokespeople = append(c.spokespeople, &person{name: p.Name, short: short, title: role, his: his, country: c})
		}
	}
	for _, p := range g.Places {
		if c := byISO[p.Country]; c != nil && p.Kind == "city" && p.Name != c.capital {
			c.cities = append(c.cities, p.Name)
		}
	}
	for _, c := range g.Countries {
		if cc := byISO[c.ISO3]; cc != nil {
			if len(cc.leaders) > 0 {
				w.countries = append(w.countries, cc)
			} else {
				w.others = append(w.others, cc)
			}
		}
	}
	if len(w.countries) < 4 {
		return nil, fmt.Errorf("gen: the gazetteer has leaders of only %d countries", len(w.countries))
	}
	if err := w.read(); err != nil {
		return nil, err
	}
	return w, nil
}

// read parses templates.tsv and lists.tsv.
func (w *world) read() error {
	each := func(name, data string, cols int, f func([]string)) error {
		sc := bufio.NewScanner(strings.NewReader(data))
		for n := 1; sc.Scan(); n++ {
			line := sc.Text()
			if line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			fields := strings.Split(line, "\t")
			if len(fields) != cols {
				return fmt.Errorf("gen: %s:%d: %d fields, want %d", name, n, len(fields), cols)
			}
			f(fields)
		}
		return nil
	}
	if err := each("templates.tsv", templatesTSV, 3, func(f []string) {
		w.templates[f[0]] = append(w.templates[f[0]], template{f[0], f[1], f[2]})
	}); err != nil {
		return err
	}
	return each("lists.tsv", listsTSV, 2, func(f []string) { w.lists[f[0]] = append(w.lists[f[0]], f[1]) })
}

// pick chooses one element.
func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

// template chooses a template of a part that fits a status: one written
// for it, else one for every status.
func (w *world) template(r *rand.Rand, part, status string) string {
	var fit, any []string
	for _, t := range w.templates[part] {
		switch t.status {
		case status:
			fit = append(fit, t.text)
		case "*":
			any = append(any, t.text)
		}
	}
	if len(fit) == 0 {
		fit = any
	}
	if len(fit) == 0 {
		return ""
	}
	return pick(r, fit)
}

// cast is who and what one story is about.
type cast struct {
	a, b    *person
	x, y, z *country
	city    string
	date    time.Time
	vars    map[string]string // the story's lists: item, pact, topic, ...
}

func (w *world) cast(r *rand.Rand) *cast {
	x := pick(r, w.countries)
	y := pick(r, w.countries)
	for y == x {
		y = pick(r, w.countries)
	}
	z := pick(r, append(w.countries, w.others...))
	for z == x || z == y {
		z = pick(r, w.countries)
	}
	c := &cast{a: pick(r, x.leaders), b: pick(r, y.leaders), x: x, y: y, z: z,
		date: first.AddDate(0, 0, r.IntN(int(last.Sub(first).Hours()/24)+1)), vars: map[string]string{}}
	c.city = pick(r, []string{x.capital, y.capital, y.capital})
	if len(y.cities) > 0 && r.IntN(4) == 0 {
		c.city = pick(r, y.cities)
	}
	for _, l := range []string{"item", "pact", "topic", "missile", "quote"} {
		c.vars[l] = pick(r, w.lists[l])
	}
	c.vars["n"] = fmt.Sprint(2 + r.IntN(60))
	c.vars["money"] = fmt.Sprintf("$%d million", 10*(1+r.IntN(90)))
	return c
}

// outlet is a news organization's house style.
type outlet struct {
	name, host string
	// agency is the name in the dateline's brackets; "" for none.
	agency string
	// dateline: "wire" (CITY, Sept 11 (Reuters) -), "wire-year" (CITY,
	// Sept. 11, 2023 (AFP) -), "city" (CITY (AP) —), "mixed" (Taipei, Sept.
	// 11 (CNA)), "dash" (CITY -- ), "" (none).
	dateline string
	// dateLine is the line under the headline: "published" (Published: 11
	// September 2023), "long" (September 11, 2023), "byline-date" (11
	// September 2023, 10:58 pm), "numeric" (09/11/2023 10:25 AM), "" (none).
	dateLine string
	// urlDate: the URL carries the date ("ymd" /2023/09/11/, "compact"
	// /20230911/), or not ("").
	urlDate string
	byline  bool
}

// outlets are house styles of the kind wire services, state agencies and
// papers use; the names are for the source field only.
var outlets = []outlet{
	{name: "Reuters", host: "www.reuters.com", agency: "Reuters", dateline: "wire", urlDate: "ymd", byline: true},
	{name: "Associated Press", host: "apnews.com", agency: "AP", dateline: "city", dateLine: "long", byline: true},
	{name: "AFP", host: "www.afp.com", agency: "AFP", dateline: "wire-year"},
	{name: "Yonhap News Agency", host: "en.yna.co.kr", agency: "Yonhap", dateline: "wire", dateLine: "numeric", urlDate: "compact"},
	{name: "Xinhua", host: "english.news.cn", agency: "Xinhua", dateline: "wire", urlDate: "compact"},
	{name: "Kyodo News", host: "english.kyodonews.net", agency: "Kyodo", dateline: "wire-year"},
	{name: "Focus Taiwan", host: "focustaiwan.tw", agency: "CNA", dateline: "mixed", dateLine: "numeric"},
	{name: "Al Jazeera", host: "www.aljazeera.com", dateline: "", dateLine: "published", urlDate: "ymd"},
	{name: "BBC News", host: "www.bbc.com", dateline: "", dateLine: ""},
	{name: "The Times of Israel", host: "www.timesofisrael.com", dateLine: "byline-date", byline: true},
	{name: "Nikkei Asia", host: "asia.nikkei.com", dateline: "dash", byline: true},
	{name: "Kyiv Independent", host: "kyivindependent.com", dateLine: "published", byline: true},
	{name: "The Diplomat", host: "thediplomat.com", urlDate: "ymd", byline: true},
	{name: "South China Morning Post", host: "www.scmp.com", dateline: "dash", urlDate: "ymd"},
}

var weekdayNames = []string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}

// when tells a date as an article published on pub would.
func when(date, pub time.Time) string {
	d := int(date.Sub(pub).Hours() / 24)
	if d >= -6 && d <= 6 {
		return "on " + weekdayNames[date.Weekday()]
	}
	return "on " + date.Format("January 2")
}

// story makes the articles that tell story number id.
func (w *world) story(r *rand.Rand, id int) []Article {
	kind := Kinds[weighted(r, kindWeights)]
	c := w.cast(r)
	tellings := 1 + weighted(r, []int{40, 25, 20, 15})
	var out []Article
	used := map[int]bool{}
	for range tellings {
		oi := r.IntN(len(outlets))
		for used[oi] {
			oi = r.IntN(len(outlets))
		}
		used[oi] = true
		o := outlets[oi]
		offset := pick(r, []int{0, 0, 1, 1, 2, 3})
		status := "occurred"
		switch kind {
		case "meeting", "visit", "agreement", "aid", "sanctions":
			if r.IntN(3) == 0 {
				offset = -1 - r.IntN(5)
				status = "planned"
			}
		case "arms":
			status = pick(r, []string{"occurred", "occurred", "alleged", "denied"})
		}
		pub := c.date.AddDate(0, 0, offset)
		text := w.article(r, o, kind, status, c, pub)
		a := Article{Record: corpus.Record{Text: text, Source: o.name}, Story: fmt.Sprintf("s%06d", id),
			Kind: kind, Status: status, Date: c.date.Format("2006-01-02")}
		slug := slugify(firstLine(text))
		switch o.urlDate {
		case "ymd":
			a.URL = fmt.Sprintf("https://%s/world/%s/%s/", o.host, pub.Format("2006/01/02"), slug)
		case "compact":
			a.URL = fmt.Sprintf("https://%s/%s/%s.html", o.host, pub.Format("20060102"), slug)
		default:
			a.URL = fmt.Sprintf("https://%s/news/%s-%d", o.host, slug, 1000000+r.IntN(9000000))
		}
		// Metadata as corpora have it: usually a date, sometimes not.
		if r.IntN(10) < 6 {
			a.Published = pub.Format("2006-01-02")
		}
		if r.IntN(10) == 0 {
			a.URL = ""
		}
		if r.IntN(10) < 3 {
			a.Title = firstLine(text)
		}
		out = append(out, a)
	}
	return out
}

// article writes one article.
func (w *world) article(r *rand.Rand, o outlet, kind, status string, c *cast, pub time.Time) string {
	fill := func(t string) string { return w.fill(r, t, c, pub) }
	var b strings.Builder
	b.WriteString(fill(w.template(r, "headline-"+kind, status)) + "\n\n")
	header := b.Len()
	if o.byline {
		fmt.Fprintf(&b, "By %s\n", pick(r, w.lists["reporter"]))
	}
	switch o.dateLine {
	case "published":
		fmt.Fprintf(&b, "Published: %s\n", pub.Format("2 January 2006"))
	case "long":
		fmt.Fprintf(&b, "%s\n", pub.Format("January 2, 2006"))
	case "byline-date":
		fmt.Fprintf(&b, "%s, %d:%02d pm\n", pub.Format("2 January 2006"), 1+r.IntN(11), r.IntN(60))
	case "numeric":
		fmt.Fprintf(&b, "%s %d:%02d AM\n", pub.Format("01/02/2006"), 1+r.IntN(11), r.IntN(60))
	}
	if b.Len() > header {
		b.WriteString("\n")
	}
	city := c.city
	if kind != "meeting" && kind != "visit" && kind != "agreement" {
		city = pick(r, []string{c.x.capital, c.y.capital})
	}
	mon := map[time.Month]string{time.January: "Jan.", time.February: "Feb.", time.August: "Aug.", time.September: "Sept.",
		time.October: "Oct.", time.November: "Nov.", time.December: "Dec."}[pub.Month()]
	if mon == "" {
		mon = pub.Format("January") // March to July are not abbreviated
	}
	switch o.dateline {
	case "wire":
		fmt.Fprintf(&b, "%s, %s %d (%s) - ", strings.ToUpper(city), mon, pub.Day(), o.agency)
	case "wire-year":
		fmt.Fprintf(&b, "%s, %s %d, %d (%s) - ", strings.ToUpper(city), pub.Format("January"), pub.Day(), pub.Year(), o.agency)
	case "city":
		fmt.Fprintf(&b, "%s (%s) — ", strings.ToUpper(city), o.agency)
	case "mixed":
		fmt.Fprintf(&b, "%s, %s %d (%s) ", city, mon, pub.Day(), o.agency)
	case "dash":
		fmt.Fprintf(&b, "%s -- ", strings.ToUpper(city))
	}
	b.WriteString(fill(w.template(r, "lead-"+kind, status)) + "\n\n")
	b.WriteString(fill(w.template(r, "detail-"+kind, status)) + "\n\n")
	b.WriteString(fill(w.template(r, "quote", "*")) + "\n\n")
	if kind == "arms" && status == "alleged" {
		// The accused answer: a denial inside the same article.
		fmt.Fprintf(&b, "%s denied the accusation.\n\n", c.x.name)
	}
	for range 1 + r.IntN(2) {
		b.WriteString(w.background(r, pub) + "\n\n")
	}
	return strings.TrimSpace(b.String()) + "\n"
}

// background is a sentence about another, earlier event.
func (w *world) background(r *rand.Rand, pub time.Time) string {
	return w.fill(r, w.template(r, "background", "*"), w.cast(r), pub)
}

var placeholderRE = regexp.MustCompile(`\{([a-z]+)(?:\.([a-z]+))?\}`)

// fill replaces a template's placeholders; the first mention of a person
// gets the full title, later ones the surname.
func (w *world) fill(r *rand.Rand, t string, c *cast, pub time.Time) string {
	s := placeholderRE.ReplaceAllStringFunc(t, func(m string) string {
		sm := placeholderRE.FindStringSubmatch(m)
		name, field := sm[1], sm[2]
		switch name {
		case "a", "b":
			p := c.a
			if name == "b" {
				p = c.b
			}
			switch field {
			case "name":
				return p.name
			case "short":
				return p.short
			case "his":
				return p.his
			}
			return p.title + " " + p.name
		case "x", "y", "z":
			k := map[string]*country{"x": c.x, "y": c.y, "z": c.z}[name]
			switch field {
			case "adj":
				return k.adj
			case "cap":
				return k.capital
			}
			return k.the
		case "city":
			return c.city
		case "when":
			return when(c.date, pub)
		case "spox":
			if len(c.x.spokespeople) > 0 {
				p := pick(r, c.x.spokespeople)
				return p.title + " " + p.name
			}
			return "a spokesperson for " + c.x.name + "'s foreign ministry"
		}
		if v, ok := c.vars[name]; ok {
			return v
		}
		return m
	})
	// "the United States" opens a sentence as "The United States"; its
	// possessive is "the United States'".
	s = strings.ReplaceAll(s, "s's ", "s' ")
	if strings.HasPrefix(s, "the ") {
		s = "The " + s[4:]
	}
	return s
}

// theRE matches country names that take "the" in running text.
var theRE = regexp.MustCompile(`^(United|Czech|Dominican|Central African|Democratic|Marshall|Solomon|Gambia|Bahamas|Comoros|Maldives|Seychelles|Netherlands|Philippines)\b|Republic|Islands|Emirates`)

func withThe(name string) string {
	if theRE.MatchString(name) && !strings.HasPrefix(name, "Republic") {
		return "the " + name
	}
	return name
}

// weighted picks an index with the given weights.
func weighted(r *rand.Rand, weights []int) int {
	total := 0
	for _, x := range weights {
		total += x
	}
	n := r.IntN(total)
	for i, x := range weights {
		if n < x {
			return i
		}
		n -= x
	}
	return len(weights) - 1
}

func capitalize(s string) string {
	if strings.HasPrefix(s, "the ") {
		return "The " + s[4:]
	}
	return s
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

var nonSlug = regexp.MustCompile(`[^a-z0-9]+`)

func slugify(s string) string {
	s = strings.Trim(nonSlug.ReplaceAllString(strings.ToLower(s), "-"), "-")
	if len(s) > 60 {
		s = strings.TrimRight(s[:60], "-")
	}
	return s
}
