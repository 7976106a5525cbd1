package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/geokg/geokg/corpus/gen"
)

const generateSynopsis = `generate [flags]

Writes a test corpus as JSON Lines that 'geokg load' reads: realistic
articles made from the gazetteer and sentence templates (package
corpus/gen), deterministic from the seed; the same event is told by
several outlets on different days with different statuses. Each line is
{"text", "title", "url", "source", "published", "story", "kind", "status",
"date"}; load ignores the last four, which say what the article tells.`

func runGenerate(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("generate", generateSynopsis, stderr)
	seed := fs.Int64("seed", 1, "random seed: the same seed gives the same corpus")
	n := fs.Int("n", 1000, "number of articles; a corpus is the first n articles of any larger one with its seed")
	out := fs.String("out", "-", "output `file`; - for standard output")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 || *n < 0 {
		fs.Usage()
		return errUsage
	}
	articles, err := gen.Generate(gen.Config{Seed: *seed, N: *n})
	if err != nil {
		return err
	}
	w := stdout
	var f *os.File
	if *out != "-" {
		if f, err = os.Create(*out); err != nil {
			return fmt.Errorf("generate: %w", err)
		}
		defer f.Close()
		w = f
	}
	bw := bufio.NewWriterSize(w, 1<<20)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	for a := range articles {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := enc.Encode(a); err != nil {
			return fmt.Errorf("generate: %w", err)
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("generate: %w", err)
	}
	if f != nil {
		if err := f.Close(); err != nil {
			return fmt.Errorf("generate: %w", err)
		}
	}
	return nil
}
