package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/geokg/geokg/neo4j/neo4jtest"
)

// The load tests run geokg as a user does: main's run function in process,
// or this test binary re-executed as geokg (runMainEnv) where a separate
// process is needed (standard input, kill -9). They load into a Neo4j of
// their own, started on first use with an empty database and wiped before
// each test, because they compare whole graphs and must neither see nor
// leave behind other tests' data.

// runMainEnv makes this test binary act as the geokg command.
const runMainEnv = "GEOKG_TEST_RUN_MAIN"

func init() {
	if os.Getenv(runMainEnv) == "1" {
		main()
		os.Exit(0)
	}
}

var fresh struct {
	once  sync.Once
	uri   string
	env   []string
	err   error
	state string
}

// freshNeo4j returns the address of this test binary's own Neo4j, wiped.
func freshNeo4j(t *testing.T) string {
	t.Helper()
	fresh.once.Do(func() {
		fresh.state, fresh.err = os.MkdirTemp("", "geokg-loadtest-neo4j-")
		if fresh.err != nil {
			return
		}
		var port int
		if port, fresh.err = freePort(); fresh.err != nil {
			return
		}
		fresh.env = append(os.Environ(), "NEO4J_STATE_DIR="+fresh.state, fmt.Sprint("NEO4J_PORT=", port),
			"NEO4J_HEAP="+envOr("GEOKG_TEST_NEO4J_HEAP", "512m"), "NEO4J_PAGECACHE=64m")
		cmd := exec.Command("scripts/neo4j", "start")
		cmd.Env = fresh.env
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			fresh.err = fmt.Errorf("scripts/neo4j start: %v\n%s", err, stderr.String())
			return
		}
		fresh.uri = strings.TrimSpace(string(out))
	})
	if fresh.err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("Neo4j is required under CI=true: %v", fresh.err)
		}
		t.Skipf("cannot start a Neo4j for the load tests: %v", fresh.err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if err := neo4jtest.Wipe(ctx, fresh.uri); err != nil {
		t.Fatalf("wipe the load tests' Neo4j: %v", err)
	}
	return fresh.uri
}

// stopFreshNeo4j stops the load tests' Neo4j, if they started one; TestMain
// calls it.
func stopFreshNeo4j() {
	if fresh.uri == "" {
		return
	}
	cmd := exec.Command("scripts/neo4j", "stop")
	cmd.Env = fresh.env
	_ = cmd.Run()
	_ = os.RemoveAll(fresh.state)
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

func envOr(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}

// load runs 'geokg load args...' in process against uri.
func load(t *testing.T, uri string, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	t.Setenv("NEO4J_URI", uri)
	var out, errb bytes.Buffer
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	err = run(ctx, append([]string{"load", "--progress", "none"}, args...), &out, &errb)
	return out.String(), errb.String(), err
}

// geokg makes a command that runs this test binary as geokg against uri.
func geokg(uri string, args ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), runMainEnv+"=1", "NEO4J_URI="+uri)
	return cmd
}

func snapshot(t *testing.T, uri string) []string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	s, err := neo4jtest.Snapshot(ctx, uri)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// articles lists the stored articles' titles.
func articles(t *testing.T, uri string) []string {
	t.Helper()
	var titles []string
	for _, line := range snapshot(t, uri) {
		if strings.HasPrefix(line, "node Article ") {
			_, rest, _ := strings.Cut(line, `"title":"`)
			title, _, _ := strings.Cut(rest, `"`)
			titles = append(titles, title)
		}
	}
	slices.Sort(titles)
	return titles
}

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestLoadDirectoryOfEveryKind loads a directory tree holding articles of
// every kind and bad items of every kind: the good ones load, each bad one
// is reported with its file (and line), and the exit status says so.
func TestLoadDirectoryOfEveryKind(t *testing.T) {
	uri := freshNeo4j(t)
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"a.txt":             "Putin meets Xi\n\nMOSCOW, May 16, 2024 (Reuters) - Russian President Vladimir Putin met Chinese President Xi Jinping in Moscow on Thursday.\n",
		"notes/b.md":        "Kim visits Russia\n\nNorth Korean leader Kim Jong Un visited Russia on Monday, the Kremlin said.\n",
		"notes/deep/c.html": "<html><body><h1>Japan and Philippines sign pact</h1><p>Japan and the Philippines signed a defense pact on Monday.</p><p>Officials said it would take effect later.</p></body></html>",
		"feeds/d.jsonl": `{"text": "Iran has supplied Russia with drones, Ukraine said.", "title": "Iran drones", "source": "example.org", "published": "2022-10-18"}` + "\n" +
			`{"text": "broken` + "\n" +
			`{"text": "The EU imposed sanctions on Belarus on Friday.", "title": "EU sanctions Belarus", "url": "https://example.org/2021/06/25/eu-belarus"}` + "\n",
		"README.md":      "Documentation, not an article.",
		"bad/empty.txt":  "  \n",
		"bad/latin1.txt": "Caf\xe9 diplomacy: France met Mali.",
	})
	if err := os.Symlink(filepath.Join(dir, "gone.txt"), filepath.Join(dir, "bad", "dangling.txt")); err != nil {
		t.Fatal(err)
	}
	stdout, stderr, err := load(t, uri, dir)
	if err == nil || !strings.Contains(err.Error(), "4 of 9 articles failed") {
		t.Errorf("err = %v, want 4 of 9 articles failed", err)
	}
	for _, want := range []string{
		filepath.Join(dir, "bad/dangling.txt") + ": cannot read",
		filepath.Join(dir, "bad/empty.txt") + ": article is empty",
		filepath.Join(dir, "bad/latin1.txt") + ": article is not UTF-8",
		filepath.Join(dir, "feeds/d.jsonl") + ":2: broken JSON",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if !strings.Contains(stdout, "9 articles in") || !strings.Contains(stdout, "5 loaded, 0 updated, 0 unchanged, 4 failed") ||
		!strings.Contains(stdout, "published date: 1 from metadata, 1 from the text, 1 from the URL, 2 missing") {
		t.Errorf("summary:\n%s", stdout)
	}
	want := []string{"EU sanctions Belarus", "Iran drones", "Japan and Philippines sign pact", "Kim visits Russia", "Putin meets Xi"}
	if got := articles(t, uri); !slices.Equal(got, want) {
		t.Errorf("stored articles %q, want %q", got, want)
	}

	// A second load changes nothing and says so.
	stdout, _, _ = load(t, uri, dir)
	if !strings.Contains(stdout, "0 loaded, 0 updated, 5 unchanged, 4 failed") {
		t.Errorf("reload summary:\n%s", stdout)
	}
}

// TestLoadStdin pipes JSON Lines, and then one plain article, into a geokg
// process.
func TestLoadStdin(t *testing.T) {
	uri := freshNeo4j(t)
	cmd := geokg(uri, "load", "-")
	cmd.Stdin = strings.NewReader(`{"text": "Xi Jinping met Joe Biden in Woodside on Wednesday.", "title": "Xi meets Biden", "published": "2023-11-16"}` + "\n" +
		"not json\n" +
		`{"text": "North Korea fired a ballistic missile on Monday.", "title": "NK missile"}` + "\n")
	out, err := cmd.CombinedOutput()
	if err == nil || !strings.Contains(string(out), "-:2: broken JSON") || !strings.Contains(string(out), "1 of 3 articles failed") {
		t.Errorf("load - = %v:\n%s", err, out)
	}
	cmd = geokg(uri, "load", "--title", "Plain text", "-")
	cmd.Stdin = strings.NewReader("Japan and the Philippines signed a defense pact on Monday.\n")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("load - (plain text) = %v:\n%s", err, out)
	}
	if got, want := articles(t, uri), []string{"NK missile", "Plain text", "Xi meets Biden"}; !slices.Equal(got, want) {
		t.Errorf("stored articles %q, want %q", got, want)
	}
}

// TestLoadReloadChangedMetadata reloads an unchanged text with a new
// title, source and URL, and then with a new published date: the article
// takes the new values (metadata alone is an update; a new date re-extracts,
// since relative dates depend on it).
func TestLoadReloadChangedMetadata(t *testing.T) {
	uri := freshNeo4j(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "a.jsonl")
	text := "Russian President Vladimir Putin met Chinese President Xi Jinping in Moscow on Monday."
	line := func(title, source, url, published string) {
		t.Helper()
		rec := fmt.Sprintf(`{"text": %q, "title": %q, "source": %q, "url": %q, "published": %q}`, text, title, source, url, published)
		if err := os.WriteFile(path, []byte(rec+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	article := func() string {
		t.Helper()
		for _, l := range snapshot(t, uri) {
			if strings.HasPrefix(l, "node Article ") {
				return l
			}
		}
		t.Fatal("no article stored")
		return ""
	}
	for _, step := range []struct {
		title, source, url, published string
		summary                       string
		want                          []string
	}{
		{"Putin meets Xi", "one.example", "https://one.example/a", "2024-05-13", "1 loaded, 0 updated, 0 unchanged",
			[]string{`"title":"Putin meets Xi"`, `"source":"one.example"`, `"published":"2024-05-13"`}},
		{"Putin and Xi hold talks", "two.example", "https://two.example/b", "2024-05-13", "0 loaded, 1 updated, 0 unchanged",
			[]string{`"title":"Putin and Xi hold talks"`, `"source":"two.example"`, `"url":"https://two.example/b"`}},
		{"Putin and Xi hold talks", "two.example", "https://two.example/b", "2024-05-13", "0 loaded, 0 updated, 1 unchanged",
			[]string{`"title":"Putin and Xi hold talks"`}},
		{"Putin and Xi hold talks", "two.example", "https://two.example/b", "2024-05-20", "1 loaded, 0 updated, 0 unchanged",
			[]string{`"published":"2024-05-20"`}},
	} {
		line(step.title, step.source, step.url, step.published)
		out, stderr, err := load(t, uri, path)
		if err != nil {
			t.Fatalf("load: %v\n%s", err, stderr)
		}
		if !strings.Contains(out, step.summary) {
			t.Errorf("after loading %+v, summary:\n%s", step, out)
		}
		a := article()
		for _, w := range step.want {
			if !strings.Contains(a, w) {
				t.Errorf("after loading %+v, the article lacks %s: %.300s", step, w, a)
			}
		}
	}
	// The event moved with the date: one meeting, on the Monday before the new date.
	var meetings []string
	for _, l := range snapshot(t, uri) {
		if strings.HasPrefix(l, "node Event ") && strings.Contains(l, `"type":"Meeting"`) {
			meetings = append(meetings, l)
		}
	}
	if len(meetings) != 1 || !strings.Contains(meetings[0], "2024-05-20") {
		t.Errorf("meetings after the date change: %q", meetings)
	}
}

// TestLoadBatchingDoesNotChangeTheGraph loads one corpus with one worker
// in batches of 7 and with two workers in batches of 100: the graphs are
// the same, so batch boundaries (which a rerun or the batch timer may
// move) and worker counts do not matter.
func TestLoadBatchingDoesNotChangeTheGraph(t *testing.T) {
	uri := freshNeo4j(t)
	path := filepath.Join(t.TempDir(), "corpus.jsonl")
	writeCorpus(t, path, 100)
	var snaps [][]string
	for _, run := range []struct{ workers, batch int }{{1, 7}, {2, 100}} {
		freshNeo4j(t)
		if _, stderr, err := load(t, uri, "-j", fmt.Sprint(run.workers), "--batch", fmt.Sprint(run.batch), path); err != nil {
			t.Fatalf("%v %s", err, stderr)
		}
		snaps = append(snaps, snapshot(t, uri))
	}
	if !slices.Equal(snaps[0], snaps[1]) {
		t.Errorf("the graphs differ (%d and %d lines):\n%s", len(snaps[0]), len(snaps[1]), diff(snaps[0], snaps[1]))
	}
}

// TestLoadKilledAndRerun kills a corpus load with SIGKILL in the middle and
// reruns it: the graph is exactly the graph of a clean load, node for node
// and relationship for relationship, with every property but write times.
func TestLoadKilledAndRerun(t *testing.T) {
	uri := freshNeo4j(t)
	const n, batch, killAfter = 240, 20, 80
	path := filepath.Join(t.TempDir(), "corpus.jsonl")
	writeCorpus(t, path, n)

	if _, stderr, err := load(t, uri, "--batch", fmt.Sprint(batch), path); err != nil {
		t.Fatalf("clean load: %v\n%s", err, stderr)
	}
	clean := snapshot(t, uri)

	freshNeo4j(t) // wipe
	cmd := geokg(uri, "load", "--progress", "none", "--batch", fmt.Sprint(batch), "--stats-every", fmt.Sprint(batch), path)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(stdout)
	done := 0
	for sc.Scan() {
		if _, err := fmt.Sscanf(sc.Text(), "stats\tarticles=%d", &done); err == nil && done >= killAfter {
			break
		}
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Wait()
	if done < killAfter || done >= n {
		t.Fatalf("killed after %d of %d articles; want the middle of the load", done, n)
	}
	partial := snapshot(t, uri)
	if len(partial) >= len(clean) {
		t.Fatalf("the killed load left %d lines, the clean one %d: it was not killed in the middle", len(partial), len(clean))
	}

	out, stderr, err := load(t, uri, "--batch", fmt.Sprint(batch), path)
	if err != nil {
		t.Fatalf("rerun: %v\n%s", err, stderr)
	}
	if !strings.Contains(out, fmt.Sprintf("%d articles in", n)) || strings.Contains(out, " 0 unchanged") {
		t.Errorf("the rerun should skip what the killed load stored:\n%s", out)
	}
	rerun := snapshot(t, uri)
	if !slices.Equal(clean, rerun) {
		t.Errorf("the graph after kill -9 and rerun differs from a clean load's (%d and %d lines):\n%s",
			len(clean), len(rerun), diff(clean, rerun))
	}
}

func writeCorpus(t *testing.T, path string, n int) {
	t.Helper()
	var out, errb bytes.Buffer
	if err := run(context.Background(), []string{"generate", "--seed", "3", "-n", fmt.Sprint(n), "--out", path}, &out, &errb); err != nil {
		t.Fatalf("generate: %v\n%s", err, errb.String())
	}
}

// diff shows the first lines only one of two sorted lists has.
func diff(a, b []string) string {
	var out []string
	for _, x := range a {
		if _, found := slices.BinarySearch(b, x); !found && len(out) < 10 {
			out = append(out, "- "+x)
		}
	}
	for _, x := range b {
		if _, found := slices.BinarySearch(a, x); !found && len(out) < 20 {
			out = append(out, "+ "+x)
		}
	}
	return strings.Join(out, "\n")
}
