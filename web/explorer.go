// The explorer, the page at / of `geokg serve`: a graph
// view and a GraphQL editor over /graphql. The page is built from web/src
// by `make ui` (npm and esbuild, pinned by web/package-lock.json) into
// web/dist, which is committed and embedded here, so `go build` needs no
// npm and the page needs no internet: nothing is fetched from elsewhere.

package web

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"
	"sync"
	"time"
)

//go:embed dist
var dist embed.FS

// CSP is the page's Content-Security-Policy: scripts, styles, fonts and
// requests only from this server. Styles may be inline because GraphiQL's
// components add <style> elements at run time; scripts may not.
const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
	"img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; " +
	"base-uri 'self'; form-action 'self'; frame-ancestors 'self'"

// Handler serves the page at / and its files at /assets/; every other
// path is not found. Mount it for both (see cmd_serve.go). Asset names
// carry a content hash, so browsers may cache them for good; the page
// itself is revalidated by its ETag.
func Explorer() http.Handler { return handler }

var handler = &server{files: map[string]*file{}}

type server struct {
	mu    sync.Mutex
	files map[string]*file
}

// file is an embedded file with its ETag and, made on first request, its
// gzip form.
type file struct {
	name string
	data []byte
	etag string
	once sync.Once
	gz   []byte
}

func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	var name string
	switch p := r.URL.Path; {
	case p == "/":
		name = "index.html"
	case strings.HasPrefix(p, "/assets/") && !strings.Contains(p[len("/assets/"):], "/"):
		name = p[1:]
	default:
		http.NotFound(w, r)
		return
	}
	f, err := s.open(name)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	h := w.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	if name == "index.html" {
		h.Set("Content-Security-Policy", CSP)
		h.Set("Cache-Control", "no-cache")
		h.Set("Referrer-Policy", "strict-origin-when-cross-origin")
	} else {
		h.Set("Cache-Control", "public, max-age=31536000, immutable")
	}
	ctype := mime.TypeByExtension(path.Ext(name))
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	h.Set("Content-Type", ctype)
	body, etag := f.data, f.etag
	if compressible(name) {
		h.Add("Vary", "Accept-Encoding")
		if acceptsGzip(r) {
			body, etag = f.gzipped(), f.etag[:len(f.etag)-1]+`-gz"`
			h.Set("Content-Encoding", "gzip")
		}
	}
	h.Set("ETag", etag)
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(body))
}

func (s *server) open(name string) (*file, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if f, ok := s.files[name]; ok {
		return f, nil
	}
	data, err := fs.ReadFile(dist, "dist/"+name)
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(data)
	f := &file{name: name, data: data, etag: `"` + hex.EncodeToString(sum[:8]) + `"`}
	s.files[name] = f
	return f, nil
}

// gzipped compresses the file once, on its first request, so start-up
// stays fast and only what browsers ask for is compressed.
func (f *file) gzipped() []byte {
	f.once.Do(func() {
		var b bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
		_, _ = zw.Write(f.data) // writes to a bytes.Buffer do not fail
		_ = zw.Close()
		f.gz = b.Bytes()
	})
	return f.gz
}

func compressible(name string) bool {
	switch path.Ext(name) {
	case ".html", ".js", ".css", ".txt", ".svg", ".json":
		return true
	}
	return false
}

func acceptsGzip(r *http.Request) bool {
	for _, part := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		enc, q, _ := strings.Cut(strings.TrimSpace(part), ";")
		if strings.TrimSpace(enc) == "gzip" && strings.ReplaceAll(q, " ", "") != "q=0" {
			return true
		}
	}
	return false
}
