package main

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/geokg/geokg/graph/graphtest"
	"github.com/geokg/geokg/neo4j/neo4jtest"
)

// TestPythonClient serves the API with main's own `serve` on the test
// Neo4j, loaded with the sample and the test articles, and runs the Python
// client's tests against it (clients/python/tests). With the system
// python3 they need only the standard library, and the tests that need
// pandas or networkx skip. scripts/test runs this test again with
// GEOKG_PYTHON set to a virtualenv holding the pinned notebook
// requirements, GEOKG_REQUIRE_EXTRAS=1 (nothing may skip) and
// GEOKG_NOTEBOOK set, which also executes examples/geokg-tour.ipynb: it
// fails on any error in a cell.
func TestPythonClient(t *testing.T) {
	py := os.Getenv("GEOKG_PYTHON")
	if py == "" {
		var err error
		if py, err = exec.LookPath("python3"); err != nil {
			t.Skip("no python3")
		}
	}
	store := neo4jtest.Open(t)
	graphtest.Load(t, store, "testdata")
	useNeo4j(t, neo4jtest.Require(t))
	t.Setenv("GEOKG_TOKEN", "")
	base := serveForTest(t)

	cmd := exec.Command(py, "-m", "unittest", "discover", "-v", "-s", "tests", "-t", ".")
	cmd.Dir = "clients/python"
	cmd.Env = append(os.Environ(), "GEOKG_URL="+base+"/graphql", "PYTHONDONTWRITEBYTECODE=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("python client tests failed: %v\n%s", err, out)
	}
	t.Logf("%s", out)

	if dir := os.Getenv("GEOKG_NOTEBOOK"); dir != "" {
		t.Run("notebook", func(t *testing.T) {
			start := time.Now()
			nb := exec.Command(py, "examples/run_notebook.py", "examples/geokg-tour.ipynb", filepath.Join(dir, "geokg-tour.ipynb"))
			nb.Env = append(os.Environ(), "GEOKG_URL="+base+"/graphql", "PYTHONDONTWRITEBYTECODE=1")
			out, err := nb.CombinedOutput()
			if err != nil {
				t.Fatalf("the notebook failed: %v\n%s", err, out)
			}
			t.Logf("notebook executed in %s: %s", time.Since(start).Round(100*time.Millisecond), out)
		})
	}
}

// serveForTest runs `geokg serve` (main's run) on a free port until the
// test ends, and returns its base URL once it is ready.
func serveForTest(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- run(ctx, []string{"serve", "--addr", addr}, io.Discard, io.Discard) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil && !errors.Is(err, context.Canceled) {
			t.Errorf("serve: %v", err)
		}
	})
	base := "http://" + addr
	deadline := time.Now().Add(30 * time.Second)
	for {
		resp, err := http.Get(base + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return base
			}
		}
		select {
		case err := <-done:
			done <- err // for the cleanup
			t.Fatalf("serve stopped: %v", err)
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("geokg serve at %s not ready after 30s: %v", addr, err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}
