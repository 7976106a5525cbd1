# geokg: the two commands that set everything up on a fresh machine.
#   make run    build geokg, start a local Neo4j (unless NEO4J_URI is set),
#               load the sample article and serve the GraphQL API
#   make test   the whole test suite against a real Neo4j, as CI runs it

.PHONY: run test build generate bench neo4j-start neo4j-stop score docs ui ui-check screenshot

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

# The explorer at / (docs/explorer.md): web/src built into web/dist, which
# is committed and embedded, so `go build` needs no npm.
ui:
	scripts/ui build

# Fails unless web/dist is what web/src and the lockfile build (CI runs it).
ui-check:
	scripts/ui check

# The browser test, writing docs/explorer.png for the README.
screenshot:
	scripts/chromium >/dev/null
	GEOKG_UPDATE_DOCS=1 go test -tags browser -count=1 -run '^TestExplorer$$' .
