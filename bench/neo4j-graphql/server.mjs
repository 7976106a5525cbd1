// The peer of geokg's query benchmark: @neo4j/graphql 7 over the same
// Neo4j, served by Node's http module. Parsed and validated documents are
// cached per query text, as production GraphQL servers do, so that only
// execution is measured. NEO4J_URI says where Neo4j is, PORT where to
// listen.
import http from "node:http";
import { readFileSync } from "node:fs";
import neo4j from "neo4j-driver";
import { Neo4jGraphQL } from "@neo4j/graphql";
import { parse, validate, execute } from "graphql";

const here = (f) => new URL(f, import.meta.url);
// Q3 is the hand-written neighborhood (a @cypher query), the same file the
// Go benchmark sends through the driver.
const neighborhood = readFileSync(here("../query/q3.cypher"), "utf8").replace(/^\/\/.*\n/gm, "");
const typeDefs = readFileSync(here("./typeDefs.graphql"), "utf8").replace(
  '"NEIGHBORHOOD"',
  JSON.stringify(neighborhood),
);

const driver = neo4j.driver(process.env.NEO4J_URI ?? "bolt://127.0.0.1:7687");
const schema = await new Neo4jGraphQL({ typeDefs, driver }).getSchema();
const documents = new Map();

function document(query) {
  let d = documents.get(query);
  if (!d) {
    const doc = parse(query);
    const errors = validate(schema, doc);
    d = errors.length ? { errors } : { doc };
    documents.set(query, d);
  }
  return d;
}

const server = http.createServer((req, res) => {
  let body = "";
  req.on("data", (chunk) => (body += chunk));
  req.on("end", async () => {
    let result;
    try {
      const { query, variables } = JSON.parse(body);
      const d = document(query);
      result = d.errors
        ? { errors: d.errors }
        : await execute({ schema, document: d.doc, variableValues: variables, contextValue: {} });
    } catch (e) {
      result = { errors: [{ message: String(e) }] };
    }
    res.writeHead(200, { "Content-Type": "application/json" });
    res.end(JSON.stringify(result));
  });
});
server.keepAliveTimeout = 60000;
server.listen(Number(process.env.PORT ?? 8131), "127.0.0.1", () => {
  console.error(`@neo4j/graphql on http://127.0.0.1:${server.address().port}/graphql`);
});
