package neo4j

import "testing"

// TestSchemaNames: opening a database creates only the constraints and
// indexes it lacks, found by name, so every schema statement must name
// its item, and no two the same.
func TestSchemaNames(t *testing.T) {
	seen := map[string]bool{}
	for _, stmt := range schema {
		name := schemaName(stmt)
		if name == "" || name == "IF" {
			t.Errorf("no name in %q", stmt)
		}
		if seen[name] {
			t.Errorf("two schema items named %q", name)
		}
		seen[name] = true
	}
	for stmt, want := range map[string]string{
		"CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE": "entity_id",
		"CREATE FULLTEXT INDEX search IF NOT EXISTS FOR (n:Entity) ON EACH [n.name]":      "search",
		"CREATE INDEX event_type IF NOT EXISTS FOR (n:Event) ON (n.type)":                 "event_type",
	} {
		if got := schemaName(stmt); got != want {
			t.Errorf("schemaName(%q) = %q, want %q", stmt, got, want)
		}
	}
}
