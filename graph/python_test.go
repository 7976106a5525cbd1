package graph_test

import (
	"os"
	"os/exec"
	"testing"

	"github.com/geokg/geokg/graph"
)

// TestPythonClient runs the notebook client's tests (clients/python)
// against the real API. They need only the standard library; without
// python3 the test is skipped.
func TestPythonClient(t *testing.T) {
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("no python3")
	}
	url, _ := serve(t, graph.Options{})
	cmd := exec.Command(py, "-m", "unittest", "-v", "test_geokg")
	cmd.Dir = "../clients/python"
	cmd.Env = append(os.Environ(), "GEOKG_URL="+url, "GEOKG_TOKEN=", "PYTHONDONTWRITEBYTECODE=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("python client tests failed: %v\n%s", err, out)
	}
	t.Logf("%s", out)
}
