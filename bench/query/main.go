// Command query is the query benchmark behind scripts/bench-query: it
// loads a graph (the test articles, or a generated corpus), checks that
// geokg, hand-written Cypher and @neo4j/graphql give the same answers to
// three questions, and measures them side by side in one run, interleaved
// over rounds, with medians and ratios.
//
//	query load -testdata DIR | -generate N    wipe the database and load
//	query run  -geokg URL -peer URL -name NAME  check, then measure warm
//	query cold -geokg URL -peer URL -name NAME  each question's first request, plans cleared
//	query coldreport FILE...                    medians of several cold rounds
//
// It talks to Neo4j at NEO4J_URI. It imports the Neo4j driver itself:
// the floor it measures is Cypher through the driver, with nothing of
// geokg in between.
package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"net/http"
	"os"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/geokg/geokg/neo4j"
	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: query load|run|cold [flags]")
		os.Exit(2)
	}
	ctx := context.Background()
	var err error
	switch os.Args[1] {
	case "load":
		err = load(ctx, os.Args[2:])
	case "run", "cold":
		err = measure(ctx, os.Args[1], os.Args[2:])
	case "coldreport":
		err = coldReport(os.Args[2:])
	default:
		err = fmt.Errorf("unknown command %q", os.Args[1])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "query:", err)
		os.Exit(1)
	}
}

func uri() string {
	if u := os.Getenv("NEO4J_URI"); u != "" {
		return u
	}
	return "bolt://127.0.0.1:7687"
}

func load(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("load", flag.ExitOnError)
	testdata := fs.String("testdata", "", "load every article of the testdata `dir`ectory's sets")
	n := fs.Int("generate", 0, "load `n` generated articles")
	_ = fs.Parse(args)
	store, err := neo4j.Open(ctx, neo4j.Config{URI: uri()})
	if err != nil {
		return err
	}
	defer store.Close(ctx)
	d, err := driver.NewDriverWithContext(uri(), driver.NoAuth())
	if err != nil {
		return err
	}
	defer d.Close(ctx)
	// The benchmark's own database: everything in it goes.
	// CALL … IN TRANSACTIONS runs only in an auto-commit transaction
	// (session.Run), not in ExecuteQuery's managed one.
	if err := wipe(ctx, d); err != nil {
		return fmt.Errorf("wipe: %w", err)
	}
	start := time.Now()
	var articles int
	switch {
	case *testdata != "":
		articles, err = loadTestdata(ctx, store, *testdata)
	case *n > 0:
		articles, err = loadGenerated(ctx, store, *n)
	default:
		return errors.New("load: -testdata or -generate")
	}
	if err != nil {
		return err
	}
	res, err := driver.ExecuteQuery(ctx, d, `CALL () { MATCH (n) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS rels }
RETURN nodes, rels`, nil, driver.EagerResultTransformer)
	if err != nil {
		return err
	}
	nodes, _ := res.Records[0].Values[0].(int64)
	rels, _ := res.Records[0].Values[1].(int64)
	fmt.Printf("loaded %d articles in %s: %d nodes, %d relationships\n", articles, time.Since(start).Round(time.Second), nodes, rels)
	return nil
}

// wipe deletes every node of the benchmark's database, in batches.
func wipe(ctx context.Context, d driver.DriverWithContext) error {
	sess := d.NewSession(ctx, driver.SessionConfig{})
	defer sess.Close(ctx)
	res, err := sess.Run(ctx, `MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS`, nil)
	if err != nil {
		return err
	}
	_, err = res.Consume(ctx)
	return err
}

// cell is one measurement: a system, a question and a concurrency.
type cell struct {
	system string
	q, c   int
}

// sample is one cell's latency, throughput and, for a system with a pid,
// its server's CPU time per request in ms.
type sample struct {
	p50, p99, rps, cpu float64
	n                  int // requests
}

func measure(ctx context.Context, mode string, args []string) error {
	fs := flag.NewFlagSet(mode, flag.ExitOnError)
	geokgURL := fs.String("geokg", "", "geokg's /graphql `url`")
	peerURL := fs.String("peer", "", "@neo4j/graphql's `url`")
	baseURL := fs.String("base", "", "optionally, another geokg's `url` (an earlier build) measured alongside")
	geokgPID := fs.Int("geokg-pid", 0, "geokg's `pid`, to measure its CPU time per request")
	basePID := fs.Int("base-pid", 0, "the -base geokg's `pid`")
	name := fs.String("name", "Vladimir Putin", "the `entity` of Q1 and Q3")
	rounds := fs.Int("rounds", 5, "interleaved `rounds`")
	dur := fs.Duration("duration", 2*time.Second, "how long each cell runs in a round")
	conc := fs.String("concurrency", "1,8", "client `counts`")
	_ = fs.Parse(args)

	d, err := driver.NewDriverWithContext(uri(), driver.NoAuth())
	if err != nil {
		return err
	}
	defer d.Close(ctx)
	// The peer takes the entity by id (its best lookup: the id constraint).
	res, err := driver.ExecuteQuery(ctx, d, `MATCH (:Name {key: toLower($name)})-[:NAMES]->(n:Entity)
RETURN n.id ORDER BY COUNT { (n)-[:MENTIONED_IN]->() } DESC, n.id LIMIT 1`, map[string]any{"name": *name}, driver.EagerResultTransformer)
	if err != nil || len(res.Records) == 0 {
		return fmt.Errorf("no entity named %q: %v", *name, err)
	}
	id, _ := res.Records[0].Values[0].(string)
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 64}}
	systems := []system{geokgSystem(client, *geokgURL, *name), cypherSystem(d, *name), peerSystem(client, *peerURL, *name, id)}
	systems[0].pid = *geokgPID
	if *baseURL != "" && mode != "cold" {
		base := geokgSystem(client, *baseURL, *name)
		base.name, base.pid = baseName, *basePID
		systems = append(systems, base)
	}

	if mode == "cold" {
		return cold(ctx, d, systems)
	}
	if err := check(ctx, systems); err != nil {
		return err
	}
	var cs []int
	for _, s := range strings.Split(*conc, ",") {
		c, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || c < 1 {
			return fmt.Errorf("bad concurrency %q", s)
		}
		cs = append(cs, c)
	}
	// Warm every plan, pool and cache before measuring.
	for range 20 {
		for _, s := range systems {
			for q := range 3 {
				if _, err := s.ask[q].fetch(ctx); err != nil {
					return err
				}
			}
		}
	}
	samples := map[cell][]sample{}
	for r := range *rounds {
		for q := range 3 {
			for _, c := range cs {
				// Rotate the order of the systems from round to round.
				for i := range systems {
					s := systems[(i+r)%len(systems)]
					cpu := procCPU(s.pid)
					got, err := run(ctx, s.ask[q].fetch, c, *dur)
					if err != nil {
						return fmt.Errorf("%s Q%d: %w", s.name, q+1, err)
					}
					if s.pid != 0 && got.n > 0 {
						got.cpu = float64((procCPU(s.pid) - cpu).Microseconds()) / 1000 / float64(got.n)
					}
					k := cell{s.name, q, c}
					samples[k] = append(samples[k], got)
				}
			}
		}
		fmt.Fprintf(os.Stderr, "round %d of %d done\n", r+1, *rounds)
	}
	report(systems, cs, samples, *rounds, *dur)
	return nil
}

// check asks each question of each system and fails unless the answers agree.
func check(ctx context.Context, systems []system) error {
	for q := range 3 {
		var first string
		for i, s := range systems {
			got, err := s.ask[q].answer(ctx)
			if err != nil {
				return fmt.Errorf("%s Q%d: %w", s.name, q+1, err)
			}
			if got == "null" || len(got) < 40 {
				return fmt.Errorf("%s Q%d: an empty answer (%s): the question needs data", s.name, q+1, got)
			}
			if i == 0 {
				first = got
				continue
			}
			if got != first {
				return fmt.Errorf("Q%d: %s and %s answer differently:\n%s\n%s", q+1, systems[0].name, s.name, first, got)
			}
		}
		fmt.Fprintf(os.Stderr, "Q%d: the three answers agree (%d bytes normalized)\n", q+1, len(first))
	}
	return nil
}

// run asks with c clients for d and returns the median and 99th
// percentile latency in ms and the requests per second.
func run(ctx context.Context, ask func(context.Context) (any, error), c int, d time.Duration) (sample, error) {
	var (
		mu    sync.Mutex
		lats  []time.Duration
		first error
		wg    sync.WaitGroup
	)
	stop := time.Now().Add(d)
	start := time.Now()
	for range c {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var mine []time.Duration
			for time.Now().Before(stop) {
				t := time.Now()
				if _, err := ask(ctx); err != nil {
					mu.Lock()
					first = cmpErr(first, err)
					mu.Unlock()
					return
				}
				mine = append(mine, time.Since(t))
			}
			mu.Lock()
			lats = append(lats, mine...)
			mu.Unlock()
		}()
	}
	wg.Wait()
	if first != nil {
		return sample{}, first
	}
	elapsed := time.Since(start)
	slices.Sort(lats)
	pct := func(p float64) float64 {
		if len(lats) == 0 {
			return 0
		}
		return float64(lats[min(len(lats)-1, int(p*float64(len(lats))))].Microseconds()) / 1000
	}
	return sample{p50: pct(0.5), p99: pct(0.99), rps: float64(len(lats)) / elapsed.Seconds(), n: len(lats)}, nil
}

// procCPU is the CPU time (user and system) that process pid has used, from
// /proc/PID/stat in clock ticks of 10 ms; 0 for no pid or no such process.
func procCPU(pid int) time.Duration {
	if pid == 0 {
		return 0
	}
	raw, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0
	}
	// The fields after the command name, which is in parentheses: utime
	// and stime are the 14th and 15th of the whole line.
	f := strings.Fields(string(raw[bytes.LastIndexByte(raw, ')')+1:]))
	if len(f) < 13 {
		return 0
	}
	utime, _ := strconv.ParseInt(f[11], 10, 64)
	stime, _ := strconv.ParseInt(f[12], 10, 64)
	return time.Duration(utime+stime) * 10 * time.Millisecond
}

func cmpErr(a, b error) error {
	if a != nil {
		return a
	}
	return b
}

func median(xs []float64) float64 {
	s := slices.Clone(xs)
	sort.Float64s(s)
	if len(s) == 0 {
		return 0
	}
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// baseName is the system that -base names: an earlier build of geokg.
const baseName = "geokg (base)"

var questions = [3]string{
	"Q1 entity → events (participants, evidence), statements",
	"Q2 events by type and status, first 20, participants",
	"Q3 neighborhood, depth 2",
}

// report prints the medians over rounds as a Markdown table, and the ratios.
func report(systems []system, cs []int, samples map[cell][]sample, rounds int, dur time.Duration) {
	fmt.Printf("| question | clients | system | p50 ms | p99 ms | requests/s |\n|---|---|---|---|---|---|\n")
	med := func(k cell, f func(sample) float64) float64 {
		var xs []float64
		for _, s := range samples[k] {
			xs = append(xs, f(s))
		}
		return median(xs)
	}
	p50 := func(s sample) float64 { return s.p50 }
	p99 := func(s sample) float64 { return s.p99 }
	rps := func(s sample) float64 { return s.rps }
	for q := range 3 {
		for _, c := range cs {
			for _, s := range systems {
				k := cell{s.name, q, c}
				fmt.Printf("| %s | %d | %s | %.2f | %.2f | %.0f |\n", questions[q][:2], c, s.name, med(k, p50), med(k, p99), med(k, rps))
			}
		}
	}
	fmt.Printf("\n| question | clients | geokg p50 ÷ Cypher p50 (target ≤ 1.5) | geokg req/s ÷ @neo4j/graphql req/s (target > 1) |\n|---|---|---|---|\n")
	for q := range 3 {
		for _, c := range cs {
			g, h, p := cell{"geokg", q, c}, cell{"Cypher by hand", q, c}, cell{"@neo4j/graphql", q, c}
			fmt.Printf("| %s | %d | %.2f | %.2f |\n", questions[q][:2], c, med(g, p50)/med(h, p50), med(g, rps)/med(p, rps))
		}
	}
	if _, ok := samples[cell{baseName, 0, cs[0]}]; ok {
		fmt.Printf("\nThe same ratios for %s, measured in the same rounds:\n\n| question | clients | p50 ÷ Cypher p50 | req/s ÷ @neo4j/graphql req/s |\n|---|---|---|---|\n", baseName)
		for q := range 3 {
			for _, c := range cs {
				g, h, p := cell{baseName, q, c}, cell{"Cypher by hand", q, c}, cell{"@neo4j/graphql", q, c}
				fmt.Printf("| %s | %d | %.2f | %.2f |\n", questions[q][:2], c, med(g, p50)/med(h, p50), med(g, rps)/med(p, rps))
			}
		}
	}
	cpu := func(s sample) float64 { return s.cpu }
	if _, ok := samples[cell{baseName, 0, cs[0]}]; ok && med(cell{"geokg", 0, cs[0]}, cpu) > 0 && med(cell{baseName, 0, cs[0]}, cpu) > 0 {
		fmt.Printf("\nCPU time of the geokg server process per request (user + system, /proc), ms:\n\n| question | clients | geokg | %s | geokg ÷ %s |\n|---|---|---|---|---|\n", baseName, baseName)
		for q := range 3 {
			for _, c := range cs {
				g, b := med(cell{"geokg", q, c}, cpu), med(cell{baseName, q, c}, cpu)
				fmt.Printf("| %s | %d | %.2f | %.2f | %.2f |\n", questions[q][:2], c, g, b, g/b)
			}
		}
	}
	fmt.Printf("\n%s. Medians over %d interleaved rounds of %s per cell.\n", strings.Join(questions[:], "; "), rounds, dur)
	fmt.Printf("\nLike with like: each question is one statement in one read transaction on both geokg's and the hand-written side " +
		"(the driver's ExecuteQuery: BEGIN, RUN and PULL sent together, then COMMIT, two round trips to Neo4j), " +
		"and geokg's statements do about the work of the hand-written ones (profiled on the test articles: db hits 1.22x, 1.01x and 1.02x theirs for Q1, Q2, Q3). " +
		"geokg's answer also crosses HTTP and GraphQL (parse from its cache, validation, limits, marshalling); " +
		"the hand-written side decodes the driver's records and stops there.\n")
}

// cold asks each question once of each system, clearing Neo4j's plan and
// query caches before each, on servers started just before (the script
// restarts them for every cold round), and prints one line per question
// and system: Q, system, ms.
func cold(ctx context.Context, d driver.DriverWithContext, systems []system) error {
	for q := range 3 {
		for _, s := range systems {
			if _, err := driver.ExecuteQuery(ctx, d, "CALL db.clearQueryCaches()", nil, driver.EagerResultTransformer); err != nil {
				return err
			}
			t := time.Now()
			if _, err := s.ask[q].fetch(ctx); err != nil {
				return fmt.Errorf("%s Q%d: %w", s.name, q+1, err)
			}
			fmt.Printf("%d\t%s\t%.1f\n", q, s.name, float64(time.Since(t).Microseconds())/1000)
		}
	}
	return nil
}

// coldReport reads the lines of several cold rounds and prints their
// medians as a Markdown table.
func coldReport(args []string) error {
	ms := map[string][]float64{}
	var order []string
	rounds := 0
	for _, f := range args {
		raw, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		rounds++
		for _, line := range strings.Split(strings.TrimSpace(string(raw)), "\n") {
			parts := strings.Split(line, "\t")
			if len(parts) != 3 {
				continue
			}
			v, _ := strconv.ParseFloat(parts[2], 64)
			k := parts[0] + "\t" + parts[1]
			if _, ok := ms[k]; !ok {
				order = append(order, k)
			}
			ms[k] = append(ms[k], v)
		}
	}
	sys := []string{"geokg", "Cypher by hand", "@neo4j/graphql"}
	fmt.Printf("| question, first request | %s |\n|---|---|---|---|\n", strings.Join(sys, " ms | ")+" ms")
	for q := range 3 {
		row := []string{questions[q][:2]}
		for _, s := range sys {
			row = append(row, fmt.Sprintf("%.0f", median(ms[strconv.Itoa(q)+"\t"+s])))
		}
		fmt.Printf("| %s |\n", strings.Join(row, " | "))
	}
	fmt.Printf("\nMedians over %d cold rounds: servers started afresh, Neo4j's query caches cleared before each request.\n", rounds)
	return nil
}

func names(systems []system) []string {
	var out []string
	for _, s := range systems {
		out = append(out, s.name)
	}
	return out
}
