package web

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// TestBundleMatchesSources checks, without npm, that dist/ was built from
// the sources as they are: build.mjs records a hash of its inputs in
// dist/SOURCES, computed the same way as here. A change to web/src,
// package.json or the lockfile without `make ui` fails here.
func TestBundleMatchesSources(t *testing.T) {
	files := []string{"build.mjs", "package.json", "package-lock.json", "tsconfig.json"}
	err := filepath.WalkDir("src", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			files = append(files, filepath.ToSlash(p))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(files)
	h := sha256.New()
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(data)
		fmt.Fprintf(h, "%s\n%s\n", f, hex.EncodeToString(sum[:]))
	}
	want := "sha256 " + hex.EncodeToString(h.Sum(nil)) + "\n"
	got, err := fs.ReadFile(dist, "dist/SOURCES")
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != want {
		t.Errorf("web/dist was not built from these sources (dist/SOURCES = %q, sources hash to %q): run `make ui` and commit web/dist", got, want)
	}
}

func get(t *testing.T, h http.Handler, path string, header ...string) *http.Response {
	t.Helper()
	req := httptest.NewRequest("GET", path, nil)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Result()
}

func TestHandler(t *testing.T) {
	h := Explorer()
	res := get(t, h, "/")
	body, _ := io.ReadAll(res.Body)
	if res.StatusCode != 200 || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/html") {
		t.Fatalf("GET / = %d %s", res.StatusCode, res.Header.Get("Content-Type"))
	}
	if csp := res.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") || !strings.Contains(csp, "connect-src 'self'") {
		t.Errorf("CSP = %q", csp)
	}
	// The page names only its own files: no CDN, no other host.
	if bytes.Contains(body, []byte("http://")) || bytes.Contains(body, []byte("https://")) || bytes.Contains(body, []byte("//cdn")) {
		t.Errorf("index.html refers to another host:\n%s", body)
	}
	refs := regexp.MustCompile(`(?:src|href)="(assets/[^"]+)"`).FindAllStringSubmatch(string(body), -1)
	if len(refs) < 2 {
		t.Fatalf("index.html links %d assets, want its script and stylesheet:\n%s", len(refs), body)
	}
	for _, m := range refs {
		res := get(t, h, "/"+m[1])
		if res.StatusCode != 200 {
			t.Errorf("GET /%s = %d", m[1], res.StatusCode)
			continue
		}
		ct := res.Header.Get("Content-Type")
		if (strings.HasSuffix(m[1], ".js") && !strings.Contains(ct, "javascript")) || (strings.HasSuffix(m[1], ".css") && !strings.HasPrefix(ct, "text/css")) {
			t.Errorf("GET /%s: Content-Type %q", m[1], ct)
		}
		if !strings.Contains(res.Header.Get("Cache-Control"), "immutable") {
			t.Errorf("GET /%s: Cache-Control %q", m[1], res.Header.Get("Cache-Control"))
		}
	}

	// gzip when asked, the same bytes once unpacked; a matching ETag is 304.
	js := "/" + refs[len(refs)-1][1]
	plain, _ := io.ReadAll(get(t, h, js).Body)
	zres := get(t, h, js, "Accept-Encoding", "gzip, br")
	if zres.Header.Get("Content-Encoding") != "gzip" {
		t.Fatalf("GET %s with Accept-Encoding gzip: Content-Encoding %q", js, zres.Header.Get("Content-Encoding"))
	}
	zr, err := gzip.NewReader(zres.Body)
	if err != nil {
		t.Fatal(err)
	}
	unpacked, _ := io.ReadAll(zr)
	if !bytes.Equal(unpacked, plain) {
		t.Errorf("gzip body of %s unpacks to %d bytes, want %d", js, len(unpacked), len(plain))
	}
	if res := get(t, h, js, "If-None-Match", get(t, h, js).Header.Get("ETag")); res.StatusCode != http.StatusNotModified {
		t.Errorf("conditional GET %s = %d, want 304", js, res.StatusCode)
	}

	for _, p := range []string{"/index.html", "/assets/", "/assets/nope.js", "/assets/../web.go", "/SOURCES", "/dist/index.html"} {
		if res := get(t, h, p); res.StatusCode != http.StatusNotFound {
			t.Errorf("GET %s = %d, want 404", p, res.StatusCode)
		}
	}
}

func TestAcceptsGzip(t *testing.T) {
	for _, c := range []struct {
		header string
		want   bool
	}{
		{"", false},
		{"gzip", true},
		{"deflate, gzip;q=1.0, *;q=0.5", true},
		{"br", false},
		{"gzip;q=0", false},
		{"gzip; q=0", false},
	} {
		req := httptest.NewRequest("GET", "/", nil)
		req.Header.Set("Accept-Encoding", c.header)
		if got := acceptsGzip(req); got != c.want {
			t.Errorf("acceptsGzip(%q) = %v, want %v", c.header, got, c.want)
		}
	}
}
