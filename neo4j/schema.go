package neo4j

import (
	"context"
	"fmt"
	"strings"

	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// schema creates constraints and indexes; IF NOT EXISTS makes it safe to run
// at every start. The graph model is documented in docs/graph-model.md.
var schema = []string{
	"CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE",
	"CREATE CONSTRAINT event_id IF NOT EXISTS FOR (n:Event) REQUIRE n.id IS UNIQUE",
	"CREATE CONSTRAINT statement_id IF NOT EXISTS FOR (n:Statement) REQUIRE n.id IS UNIQUE",
	"CREATE CONSTRAINT article_id IF NOT EXISTS FOR (n:Article) REQUIRE n.id IS UNIQUE",
	"CREATE CONSTRAINT report_id IF NOT EXISTS FOR (n:Report) REQUIRE n.id IS UNIQUE",
	"CREATE CONSTRAINT match_key IF NOT EXISTS FOR (n:MatchKey) REQUIRE n.key IS UNIQUE",
	// Entity names: one Name node per lower-cased name or alias, so that a
	// name argument is a seek, not a scan of every entity's names.
	"CREATE CONSTRAINT name_key IF NOT EXISTS FOR (n:Name) REQUIRE n.key IS UNIQUE",
	// Entity links carry the article that states them: re-extracting an
	// article finds its links through these, not by scanning all links.
	"CREATE INDEX country_article IF NOT EXISTS FOR ()-[l:COUNTRY]-() ON (l.article)",
	"CREATE INDEX leader_of_article IF NOT EXISTS FOR ()-[l:LEADER_OF]-() ON (l.article)",
	"CREATE INDEX member_of_article IF NOT EXISTS FOR ()-[l:MEMBER_OF]-() ON (l.article)",
	"CREATE INDEX country_iso3 IF NOT EXISTS FOR (n:Country) ON (n.iso3)",
	"CREATE INDEX event_type IF NOT EXISTS FOR (n:Event) ON (n.type)",
	"CREATE INDEX event_date IF NOT EXISTS FOR (n:Event) ON (n.dateStart)",
	"CREATE INDEX event_status IF NOT EXISTS FOR (n:Event) ON (n.status)",
	"CREATE INDEX article_published IF NOT EXISTS FOR (n:Article) ON (n.published)",
	"CREATE FULLTEXT INDEX search IF NOT EXISTS FOR (n:Entity|Statement) ON EACH [n.name, n.aliasText, n.text]",
}

func (s *Store) ensureSchema(ctx context.Context) error {
	// Only what is missing is created: on an existing database, opening
	// costs one read. SHOW INDEXES lists the constraints too: each
	// uniqueness constraint is backed by an index of its own name. One
	// statement, not two: on a fresh server each costs a plan on a cold JVM.
	have, err := read(ctx, s, func(tx driver.ManagedTransaction) (map[string]bool, error) {
		recs, err := s.run(ctx, tx, "SHOW INDEXES YIELD name", nil)
		if err != nil {
			return nil, err
		}
		have := map[string]bool{}
		for _, r := range recs {
			name, _ := r.Values[0].(string)
			have[name] = true
		}
		return have, nil
	})
	if err != nil {
		return fmt.Errorf("read schema: %w", err)
	}
	var missing []string
	for _, stmt := range schema {
		if !have[schemaName(stmt)] {
			missing = append(missing, stmt)
		}
	}
	if len(missing) == 0 {
		return nil
	}
	// One transaction for all that is missing: a fresh database pays one
	// commit, not one per item.
	_, err = write(ctx, s, func(tx driver.ManagedTransaction) (struct{}, error) {
		for _, stmt := range missing {
			if _, err := s.run(ctx, tx, stmt, nil); err != nil {
				return struct{}{}, fmt.Errorf("%s: %w", stmt, err)
			}
		}
		return struct{}{}, nil
	})
	if err != nil {
		return fmt.Errorf("create schema: %w", err)
	}
	// New indexes fill asynchronously; wait, so that a search right after
	// start sees what is stored and the first writes are planned with
	// every index online (a plan made while an index populates would scan).
	_, err = write(ctx, s, func(tx driver.ManagedTransaction) (struct{}, error) {
		_, err := s.run(ctx, tx, "CALL db.awaitIndexes(60)", nil)
		return struct{}{}, err
	})
	if err != nil {
		return fmt.Errorf("await indexes: %w", err)
	}
	// A graph stored before names were indexed (it has the entity
	// constraint but not the Name one) gets its Name nodes once. A fresh
	// database has no entities: planning this statement on a cold JVM
	// would cost seconds for nothing.
	if have["entity_id"] && !have["name_key"] {
		_, err = write(ctx, s, func(tx driver.ManagedTransaction) (struct{}, error) {
			_, _, err := s.runCount(ctx, tx, cypherNameBackfill, nil)
			return struct{}{}, err
		})
		if err != nil {
			return fmt.Errorf("index entity names: %w", err)
		}
	}
	return nil
}

// schemaName is the name a schema statement gives its constraint or index
// ("CREATE CONSTRAINT entity_id IF NOT EXISTS …" → entity_id).
func schemaName(stmt string) string {
	f := strings.Fields(stmt)
	for i := 1; i < len(f); i++ {
		if f[i-1] == "CONSTRAINT" || f[i-1] == "INDEX" {
			return f[i]
		}
	}
	return ""
}

// cypherNameBackfill gives entities stored without Name nodes theirs.
// Once every entity has them it reads each entity's degree only.
var cypherNameBackfill = `
MATCH (n:Entity) WHERE n.names IS NOT NULL AND NOT EXISTS { (n)<-[:NAMES]-(:Name) }
` + nameIndex("n", "n.names")
