package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"
)

// configTable is the README's table of settings, made from the settings
// that geokg serve declares.
func configTable() string {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	s := newSettings(fs)
	serveSettings(s)
	var b strings.Builder
	b.WriteString("| flag | environment | default | what |\n|---|---|---|---|\n")
	for _, r := range s.rows {
		flagName := ""
		if r.Flag != "" {
			flagName = "`--" + r.Flag + "`"
		}
		def := r.Default
		if def != "" {
			def = "`" + def + "`"
		}
		help := strings.ReplaceAll(r.Help, "`", "")
		help = strings.ReplaceAll(help, "|", "\\|")
		fmt.Fprintf(&b, "| %s | `%s` | %s | %s |\n", flagName, r.Env, def, help)
	}
	return b.String()
}

// TestConfigTable: the README lists every setting of geokg serve, as
// --help does (go test -run TestConfigTable -v prints the table).
func TestConfigTable(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	table := configTable()
	if !strings.Contains(string(readme), table) {
		t.Errorf("README.md's configuration table is not the settings of geokg serve; put this one in:\n%s", table)
	}
	// And --help lists them all.
	var help strings.Builder
	fs := newFlags("serve", "serve", &help)
	s := newSettings(fs)
	serveSettings(s)
	fs.Usage()
	s.printEnv(&help)
	for _, r := range s.rows {
		if !strings.Contains(help.String(), r.Env) || r.Flag != "" && !strings.Contains(help.String(), "-"+r.Flag) {
			t.Errorf("--help does not list %s / --%s", r.Env, r.Flag)
		}
	}
}
