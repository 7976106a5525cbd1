// Package loader turns news articles into graph documents: it reads text,
// recognizes people, countries, organizations and places, attributes quotes
// and reported speech, finds events with their epistemic status, and keeps
// the provenance of each (the exact span and sentence). It knows text, not
// HTTP or Cypher; storing goes through model.Writer.
//
// The extraction is rule-based: gazetteers (package gazetteer) decide
// countries and well-known people, lexicons (lexicon/*.txt) hold titles,
// speech verbs and transferred items, and the rules below are general
// English news constructions, never tied to one article.
package loader

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"log/slog"
	"runtime/debug"
	"sync"

	"github.com/geokg/geokg/loader/gazetteer"
	"github.com/geokg/geokg/model"
)

// rulesVersion names the rules in code; bump it when they change. The
// extractor's full version adds a hash of the data the rules read, so an
// edited gazetteer or lexicon changes it too.
const rulesVersion = "rules-10"

// Version names the extraction rules and data; storing an article again
// under a new version replaces what the old version extracted from it.
var Version = func() string {
	h := sha256.New()
	for _, fsys := range []fs.FS{lexiconFS, gazetteer.Data} {
		_ = fs.WalkDir(fsys, ".", func(path string, e fs.DirEntry, err error) error {
			if err == nil && !e.IsDir() {
				b, _ := fs.ReadFile(fsys, path)
				h.Write([]byte(path))
				h.Write(b)
			}
			return nil
		})
	}
	return rulesVersion + "+" + hex.EncodeToString(h.Sum(nil)[:4])
}()

// Meta is what is known about an article besides its text.
type Meta struct {
	Title     string
	URL       string
	Published string // YYYY-MM-DD; when empty, the dateline's date is used
	Source    string // outlet; derived from URL when empty
	File      string
}

// Extractor extracts documents from article text. It is safe for
// concurrent use; build it once (it parses the gazetteer).
type Extractor struct {
	gaz *gazetteer.Gazetteer
	ix  *index
	lx  *lexicon
	// wire holds the cues of wire structure (lexicon/wire.txt).
	wire *wireLexicon
	desc *descLexicon // descriptions standing for states (lexicon/descriptions.txt)
	// variants maps spellings of a given name to one ("Mohamed" → "muhammad").
	variants map[string]string
}

// NewExtractor loads the embedded gazetteer and lexicons.
func NewExtractor() (*Extractor, error) {
	g, err := gazetteer.Default()
	if err != nil {
		return nil, fmt.Errorf("load gazetteer: %w", err)
	}
	lx, err := loadLexicon()
	if err != nil {
		return nil, fmt.Errorf("load lexicon: %w", err)
	}
	wire, err := loadWire()
	if err != nil {
		return nil, fmt.Errorf("load lexicon: %w", err)
	}
	if err := loadRuleWords(); err != nil {
		return nil, fmt.Errorf("load lexicon: %w", err)
	}
	lx.findSpeakerHeads()
	desc, err := loadDescriptions()
	if err != nil {
		return nil, fmt.Errorf("load lexicon: %w", err)
	}
	variants, err := readVariants("namevariants.txt")
	if err != nil {
		return nil, fmt.Errorf("load lexicon: %w", err)
	}
	return &Extractor{gaz: g, ix: newIndex(g), lx: lx, wire: wire, desc: desc, variants: variants}, nil
}

var (
	defaultOnce sync.Once
	defaultX    *Extractor
	defaultErr  error
)

// Default returns a shared Extractor.
func Default() (*Extractor, error) {
	defaultOnce.Do(func() { defaultX, defaultErr = NewExtractor() })
	return defaultX, defaultErr
}

// Extract turns one article into a document. Bad input (empty, binary,
// not UTF-8, too large) gets an error with code model.EINVALID.
func (x *Extractor) Extract(raw []byte, meta Meta) (doc *model.Document, err error) {
	// A bug in a rule must fail one article, not the process that loads
	// many; the fuzz target treats this error as a failure.
	defer func() {
		if r := recover(); r != nil {
			slog.Error("extractor panic", "panic", r, "stack", string(debug.Stack()))
			doc, err = nil, fmt.Errorf("extract: %w: %v", model.Errorf(model.EINTERNAL, "the extractor failed on this article"), r)
		}
	}()
	text, err := prepare(raw)
	if err != nil {
		return nil, err
	}
	if meta.Published != "" && !validDate(meta.Published) {
		return nil, model.Errorf(model.EINVALID, "published date %q is not YYYY-MM-DD", meta.Published)
	}
	d := newDoc(x, text, meta)
	d.run()
	return d.document(), nil
}

// articleID is stable for a text: the same article loaded twice is one node.
func articleID(text string) string {
	sum := sha256.Sum256([]byte(text))
	return "article:" + hex.EncodeToString(sum[:8])
}
