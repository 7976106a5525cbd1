package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/geokg/geokg/neo4j"
	"github.com/geokg/geokg/web"
)

// Configuration: every setting is a flag whose default comes from an
// environment variable, or (secrets, and what all commands share) an
// environment variable alone. settings collects them as they are
// declared, so that --help and the README's table (checked by
// TestConfigTable) list the same rows.

// setting is one row of the configuration table.
type setting struct {
	Flag, Env, Default, Help string
}

// settings declares flags with environment defaults on a flag set.
type settings struct {
	fs   *flag.FlagSet
	rows []setting
	errs []error // environment values that do not parse
	// after, when set, copies the parsed flags into their config.
	after func()
}

func newSettings(fs *flag.FlagSet) *settings { return &settings{fs: fs} }

func (s *settings) add(flagName, envName, def, help string) string {
	s.rows = append(s.rows, setting{flagName, envName, def, help})
	if v := os.Getenv(envName); v != "" {
		return v
	}
	return def
}

func (s *settings) envErr(envName, v string, err error) {
	s.errs = append(s.errs, fmt.Errorf("%s=%q: %v", envName, v, err))
}

func (s *settings) String(flagName, envName, def, help string) *string {
	return s.fs.String(flagName, s.add(flagName, envName, def, help), help+" [$"+envName+"]")
}

func (s *settings) Duration(flagName, envName string, def time.Duration, help string) *time.Duration {
	v := s.add(flagName, envName, def.String(), help)
	d, err := time.ParseDuration(v)
	if err != nil {
		s.envErr(envName, v, err)
		d = def
	}
	return s.fs.Duration(flagName, d, help+" [$"+envName+"]")
}

func (s *settings) Int(flagName, envName string, def int, help string) *int {
	v := s.add(flagName, envName, strconv.Itoa(def), help)
	n, err := strconv.Atoi(v)
	if err != nil {
		s.envErr(envName, v, err)
		n = def
	}
	return s.fs.Int(flagName, n, help+" [$"+envName+"]")
}

func (s *settings) Bool(flagName, envName string, def bool, help string) *bool {
	v := s.add(flagName, envName, strconv.FormatBool(def), help)
	b, err := strconv.ParseBool(v)
	if err != nil {
		s.envErr(envName, v, err)
		b = def
	}
	return s.fs.Bool(flagName, b, help+" [$"+envName+"]")
}

// Env declares a setting that only the environment gives.
func (s *settings) Env(envName, def, help string) string {
	return s.add("", envName, def, help)
}

// err reports environment values that did not parse.
func (s *settings) err() error { return errors.Join(s.errs...) }

// printEnv lists the settings that only the environment gives, for --help.
func (s *settings) printEnv(w io.Writer) {
	fmt.Fprintln(w, "\nEnvironment (no flag):")
	for _, r := range s.rows {
		if r.Flag == "" {
			def := ""
			if r.Default != "" {
				def = " (default " + r.Default + ")"
			}
			fmt.Fprintf(w, "  %-22s %s%s\n", r.Env, r.Help, def)
		}
	}
}

// neo4jSettings declares where Neo4j is: environment only, shared by
// every command that uses the database, and secret in part.
func neo4jSettings(s *settings) neo4j.Config {
	port := s.Env("NEO4J_PORT", "7687", "port of the local Neo4j that scripts/neo4j runs; NEO4J_URI's default uses it")
	uri := s.Env("NEO4J_URI", "",
		"Neo4j address: bolt://host:port (one server), neo4j://host:port (a cluster, with routing), neo4j+s://… (Aura, TLS)")
	s.rows[len(s.rows)-1].Default = "bolt://127.0.0.1:$NEO4J_PORT"
	if uri == "" {
		uri = "bolt://127.0.0.1:" + port
	}
	return neo4j.Config{
		URI:      uri,
		User:     s.Env("NEO4J_USER", "", "Neo4j user; empty for a server with authentication off"),
		Password: s.Env("NEO4J_PASSWORD", "", "Neo4j password"),
		Database: s.Env("NEO4J_DATABASE", "neo4j", "Neo4j database name"),
	}
}

// openNeo4j connects to Neo4j and makes sure of its schema, giving up
// after two minutes (a fresh database builds its indexes first).
func openNeo4j(ctx context.Context, cfg neo4j.Config) (*neo4j.Store, error) {
	ctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	return neo4j.Open(ctx, cfg)
}

// logSettings declares how the logs are written: the environment only, so
// that every command logs alike.
func logSettings(s *settings) (format, level string) {
	format = s.Env("GEOKG_LOG_FORMAT", "auto", "log format: json, text, or auto (JSON unless stderr is a terminal)")
	level = s.Env("GEOKG_LOG_LEVEL", "info", "least severe level logged: debug, info, warn or error")
	return format, level
}

// newLogger writes structured logs to w: JSON when format says so, or
// when it is "auto" and w is not a terminal (a log collector reads it);
// every line logged for a request carries its request id.
func newLogger(w io.Writer, format, level string) (*slog.Logger, error) {
	var lv slog.Level
	if err := lv.UnmarshalText([]byte(level)); err != nil {
		return nil, fmt.Errorf("GEOKG_LOG_LEVEL=%q: %v", level, err)
	}
	opts := &slog.HandlerOptions{Level: lv}
	var h slog.Handler
	switch strings.ToLower(format) {
	case "json":
		h = slog.NewJSONHandler(w, opts)
	case "text":
		h = slog.NewTextHandler(w, opts)
	case "auto", "":
		if isTerminal(w) {
			h = slog.NewTextHandler(w, opts)
		} else {
			h = slog.NewJSONHandler(w, opts)
		}
	default:
		return nil, fmt.Errorf("GEOKG_LOG_FORMAT=%q: want json, text or auto", format)
	}
	return slog.New(web.LogHandler(h)), nil
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
