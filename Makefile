# geokg: the two commands that set everything up on a fresh machine.
#   make run    build geokg, start a local Neo4j (unless NEO4J_URI is set),
#               load the sample article and serve the GraphQL API
#   make test   the whole test suite against a real Neo4j, as CI runs it

.PHONY: run test build generate bench neo4j-start neo4j-stop score docs

run:
	scripts/run

test:
	scripts/test

build:
	go build -o bin/geokg .

generate:
	go generate ./...

bench:
	scripts/bench

score:
	scripts/score-articles --verbose

# Regenerate docs/examples/*.json and docs/api.md's examples from the live
# answers (a fresh Neo4j of their own); review the diff before committing.
docs:
	scripts/docs update

neo4j-start:
	scripts/neo4j start

neo4j-stop:
	scripts/neo4j stop
