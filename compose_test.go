package main

import (
	"os"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// TestComposeFile checks docker-compose.yml where no compose client is
// installed (as on CI): it parses, runs the official Neo4j 5.26 image with
// a healthcheck, and starts geokg only when Neo4j is healthy, pointed at it.
func TestComposeFile(t *testing.T) {
	raw, err := os.ReadFile("docker-compose.yml")
	if err != nil {
		t.Fatal(err)
	}
	var c struct {
		Services map[string]struct {
			Image       string
			Build       any
			Environment map[string]string
			Healthcheck struct{ Test []string }
			DependsOn   map[string]struct{ Condition string } `yaml:"depends_on"`
			Command     []string
		}
	}
	if err := yaml.Unmarshal(raw, &c); err != nil {
		t.Fatalf("docker-compose.yml: %v", err)
	}
	neo, app := c.Services["neo4j"], c.Services["geokg"]
	if !strings.HasPrefix(neo.Image, "neo4j:5") || len(neo.Healthcheck.Test) == 0 {
		t.Errorf("neo4j service: image %q, healthcheck %v", neo.Image, neo.Healthcheck.Test)
	}
	if app.Build == nil || app.DependsOn["neo4j"].Condition != "service_healthy" {
		t.Errorf("geokg service must build here and wait for a healthy neo4j: %+v", app)
	}
	if app.Environment["NEO4J_URI"] != "bolt://neo4j:7687" || len(app.Command) == 0 || app.Command[0] != "serve" {
		t.Errorf("geokg service: env %v, command %v", app.Environment, app.Command)
	}
	loaded := strings.TrimPrefix(app.Command[len(app.Command)-1], "/data/")
	if _, err := os.Stat("testdata/" + loaded); err != nil {
		t.Errorf("the container loads %s, which the Dockerfile copies from testdata/: %v", loaded, err)
	}
}
