package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/geokg/geokg/neo4j/neo4jtest"
)

// geokgBinary builds geokg once per test run.
func geokgBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "geokg")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// process is a geokg serve process.
type process struct {
	cmd    *exec.Cmd
	url    string
	stderr *syncBuffer
}

func startProcess(t *testing.T, bin string, args ...string) *process {
	t.Helper()
	cfg := neo4jtest.Require(t)
	p := &process{stderr: &syncBuffer{}}
	p.cmd = exec.Command(bin, append([]string{"serve", "--addr", "127.0.0.1:0"}, args...)...)
	p.cmd.Env = append(os.Environ(), "NEO4J_URI="+cfg.URI, "NEO4J_USER="+cfg.User, "NEO4J_PASSWORD="+cfg.Password,
		"NEO4J_DATABASE="+cfg.Database, "GEOKG_LOG_FORMAT=json")
	p.cmd.Stderr = p.stderr
	stdout, err := p.cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = p.cmd.Process.Kill(); _ = p.cmd.Wait() })
	lines := bufio.NewScanner(stdout)
	for lines.Scan() {
		if _, rest, ok := strings.Cut(lines.Text(), "serving GraphQL at "); ok {
			p.url, _, _ = strings.Cut(rest, "/graphql")
			break
		}
	}
	go func() { _, _ = io.Copy(io.Discard, stdout) }()
	if p.url == "" {
		t.Fatalf("geokg serve did not start:\n%s", p.stderr)
	}
	return p
}

// exit waits for the process and returns its exit code.
func (p *process) exit(t *testing.T, within time.Duration) int {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- p.cmd.Wait() }()
	select {
	case <-done:
		return p.cmd.ProcessState.ExitCode()
	case <-time.After(within):
		t.Fatalf("geokg did not exit within %s:\n%s", within, p.stderr)
		return -1
	}
}

// halfSent opens a POST whose body is sent in part: the request stays in
// flight until finish sends the rest and reads the answer.
func halfSent(t *testing.T, url string) (finish func() (status int, body string)) {
	t.Helper()
	conn, err := net.Dial("tcp", strings.TrimPrefix(url, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	body := `{"query": "{ events(first: 1) { totalCount } }"}`
	fmt.Fprintf(conn, "POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s", len(body), body[:10])
	return func() (int, string) {
		defer conn.Close()
		if _, err := io.WriteString(conn, body[10:]); err != nil {
			return 0, err.Error()
		}
		_ = conn.SetReadDeadline(time.Now().Add(30 * time.Second))
		resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
		if err != nil {
			return 0, err.Error()
		}
		defer resp.Body.Close()
		var b bytes.Buffer
		_, _ = b.ReadFrom(resp.Body)
		return resp.StatusCode, b.String()
	}
}

// TestSIGTERM sends SIGTERM to a geokg serve process with a request in
// flight: the request is answered, new connections are refused, and the
// process exits 0 after the drain. With a drain time shorter than the
// request, it exits 1 and says so.
func TestSIGTERM(t *testing.T) {
	neo4jtest.Open(t) // the database must be there
	bin := geokgBinary(t)

	t.Run("clean drain", func(t *testing.T) {
		p := startProcess(t, bin, "--drain", "20s")
		finish := halfSent(t, p.url)
		time.Sleep(300 * time.Millisecond)
		if err := p.cmd.Process.Signal(syscall.SIGTERM); err != nil {
			t.Fatal(err)
		}
		time.Sleep(500 * time.Millisecond)
		if _, err := http.Get(p.url + "/healthz"); err == nil {
			t.Errorf("a new connection was accepted while draining")
		}
		status, body := finish()
		if status != 200 || !strings.Contains(body, `"totalCount"`) {
			t.Errorf("the request in flight got %d %s", status, body)
		}
		if code := p.exit(t, 30*time.Second); code != 0 {
			t.Errorf("exit code %d after a clean drain:\n%s", code, p.stderr)
		}
		if !strings.Contains(p.stderr.String(), `"msg":"drained"`) {
			t.Errorf("the log does not say it drained:\n%s", p.stderr)
		}
	})

	t.Run("drain time runs out", func(t *testing.T) {
		p := startProcess(t, bin, "--drain", "300ms")
		finish := halfSent(t, p.url)
		time.Sleep(300 * time.Millisecond)
		if err := p.cmd.Process.Signal(syscall.SIGTERM); err != nil {
			t.Fatal(err)
		}
		if code := p.exit(t, 30*time.Second); code != 1 {
			t.Errorf("exit code %d when requests were cut off, want 1:\n%s", code, p.stderr)
		}
		if !strings.Contains(p.stderr.String(), "cut off") {
			t.Errorf("the log does not say requests were cut off:\n%s", p.stderr)
		}
		finish()
	})
}
