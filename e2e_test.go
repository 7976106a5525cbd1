package main

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/graph/graphtest"
	"github.com/geokg/geokg/neo4j/neo4jtest"
)

// TestEndToEnd loads the sample article and the test articles into the
// real Neo4j, serves the API over HTTP and asks what a researcher would:
// Kim Jong Un's meeting with Vladimir Putin and its evidence, Rebekah
// Koffler's statements, and what John Kirby alleges. graph/*_test.go
// covers the rest of the API.
func TestEndToEnd(t *testing.T) {
	store := neo4jtest.Open(t)
	graphtest.Load(t, store, "testdata")
	srv := httptest.NewServer(graph.NewHandler(store, graph.Options{}))
	defer srv.Close()

	var kim struct {
		Entity struct {
			Name   string
			Events []struct {
				Type         string
				Status       string
				Participants []struct{ Name string }
				Reports      []struct {
					Status   string
					Evidence []struct{ Sentence string }
				}
			}
		}
	}
	query(t, srv.URL, `{ entity(name: "Kim Jong Un") { name events { type status participants { name } reports { status evidence { sentence } } } } }`, &kim)
	if kim.Entity.Name != "Kim Jong Un" {
		t.Fatalf("entity name = %q, want Kim Jong Un", kim.Entity.Name)
	}
	// The sample announces the meeting (planned); other test articles tell
	// the summit that followed, so the event may carry several reports,
	// each with its own status: the sample's must be there, planned.
	found := false
	for _, ev := range kim.Entity.Events {
		if ev.Type != "MEETING" || !slices.ContainsFunc(ev.Participants, func(p struct{ Name string }) bool { return p.Name == "Vladimir Putin" }) {
			continue
		}
		for _, r := range ev.Reports {
			if r.Status == "PLANNED" && len(r.Evidence) > 0 &&
				strings.Contains(r.Evidence[0].Sentence, "Kim Jong Un is set to meet with Russian President Vladimir Putin") {
				found = true
			}
		}
	}
	if !found {
		t.Errorf("no planned report of a meeting of Kim Jong Un with Vladimir Putin and its evidence sentence in %+v", kim.Entity.Events)
	}

	var koffler struct {
		Entity struct {
			Name       string
			Statements []struct {
				Text    string
				Direct  bool
				Speaker struct{ Name string }
			}
		}
	}
	query(t, srv.URL, `{ entity(name: "koffler") { name ... on Person { statements { text direct speaker { name } } } } }`, &koffler)
	direct := 0
	for _, s := range koffler.Entity.Statements {
		if s.Speaker.Name != "Rebekah Koffler" {
			t.Errorf("statement %q has speaker %q", s.Text, s.Speaker.Name)
		}
		if s.Direct {
			direct++
		}
	}
	if direct != 3 {
		t.Errorf("Koffler has %d quotes, want 3: %+v", direct, koffler.Entity.Statements)
	}

	var kirby struct {
		Entity struct {
			Asserted []struct {
				Type, Status        string
				Supplier, Recipient struct{ Name string }
			}
		}
	}
	query(t, srv.URL, `{ entity(name: "John Kirby") { asserted { type status supplier { name } recipient { name } } } }`, &kirby)
	alleged := false
	for _, ev := range kirby.Entity.Asserted {
		alleged = alleged || ev.Type == "ARMS_TRANSFER" && ev.Status == "ALLEGED" &&
			ev.Supplier.Name == "North Korea" && ev.Recipient.Name == "Russia"
	}
	if !alleged {
		t.Errorf("Kirby does not allege the arms transfer from North Korea to Russia: %+v", kirby.Entity.Asserted)
	}
}

// query posts a GraphQL query and decodes its data into out; errors fail the test.
func query(t *testing.T, url, q string, out any) {
	t.Helper()
	body, _ := json.Marshal(map[string]string{"query": q})
	resp, err := http.Post(url, "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var r struct {
		Data   json.RawMessage
		Errors []map[string]any
	}
	if err := json.NewDecoder(resp.Body).Decode(&r); err != nil {
		t.Fatal(err)
	}
	if len(r.Errors) > 0 {
		t.Fatalf("query %s: errors %v", q, r.Errors)
	}
	if err := json.Unmarshal(r.Data, out); err != nil {
		t.Fatal(err)
	}
}

func TestMain(m *testing.M) {
	code := m.Run()
	stopFreshNeo4j() // load_test.go's own Neo4j
	os.Exit(code)
}
