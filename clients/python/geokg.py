"""A tiny client for the geokg GraphQL API, for notebooks. Standard library only.

    import geokg
    g = geokg.Client("http://127.0.0.1:8080/graphql")
    g.query('query($n: String!) { entity(name: $n) { id name } }', n="Kim Jong Un")

    # Every page of a connection, as flat records for pandas.
    rows = geokg.connection_to_records(g.paginate(geokg.EVENTS, "events", filter={"country": "Russia"}))
    pandas.DataFrame(rows)

    # A neighborhood as a networkx graph (networkx is imported only here).
    G = geokg.neighborhood_to_networkx(g.query(geokg.NEIGHBORHOOD, id="Kim Jong Un", depth=2)["neighborhood"])

Run a query from the shell: GEOKG_URL=http://127.0.0.1:8080/graphql python3 geokg.py '{ eventCounts { total } }'
"""

import json
import os
import sys
import urllib.error
import urllib.request

__all__ = [
    "Client", "GraphQLError", "connection_to_records", "flatten",
    "neighborhood_to_edgelist", "neighborhood_to_networkx", "EVENTS", "NEIGHBORHOOD",
]

# A page of events with what a table usually wants; paginate() fills $first and $after.
EVENTS = """
query($filter: EventFilter, $first: Int, $after: String) {
  events(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes {
      id type status date published articleCount sourceCount
      participants { name }
      supplier { name }
      recipient { name }
      assertedBy { name }
    }
  }
}"""

# A neighborhood with what a graph view needs.
NEIGHBORHOOD = """
query($id: String!, $depth: Int, $types: [NodeKind!], $limit: Int) {
  neighborhood(id: $id, depth: $depth, types: $types, limit: $limit) {
    truncated
    nodes { id kind label depth }
    edges { id from to type }
  }
}"""


class GraphQLError(Exception):
    """The API answered with errors; .errors holds them, .code the first one's extensions.code."""

    def __init__(self, errors, status=None):
        self.errors = errors
        self.status = status
        self.code = (errors[0].get("extensions") or {}).get("code") if errors else None
        super().__init__("; ".join(f"{e.get('message')} ({(e.get('extensions') or {}).get('code')})" for e in errors))


class Client:
    """A GraphQL client: query() posts a query with variables and returns its data."""

    def __init__(self, url=None, token=None, timeout=30):
        self.url = url or os.environ.get("GEOKG_URL", "http://127.0.0.1:8080/graphql")
        self.token = token if token is not None else os.environ.get("GEOKG_TOKEN")
        self.timeout = timeout

    def query(self, query, **variables):
        """Runs query with variables and returns the data; errors raise GraphQLError."""
        body = json.dumps({"query": query, "variables": variables}).encode()
        headers = {"Content-Type": "application/json", "Accept": "application/graphql-response+json"}
        if self.token:
            headers["Authorization"] = "Bearer " + self.token
        req = urllib.request.Request(self.url, data=body, headers=headers, method="POST")
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as resp:
                status, payload = resp.status, json.load(resp)
        except urllib.error.HTTPError as e:  # 4xx with a GraphQL body: a refused query
            status, payload = e.code, json.load(e)
        if payload.get("errors"):
            raise GraphQLError(payload["errors"], status)
        return payload["data"]

    def paginate(self, query, field, page_size=100, **variables):
        """Yields the nodes of every page of the connection `field`.

        The query must take $first and $after and select
        `pageInfo { hasNextPage endCursor }` and `nodes` (or `edges { node }`).
        """
        after = None
        while True:
            conn = self.query(query, first=page_size, after=after, **variables)[field]
            for node in conn.get("nodes") or [e["node"] for e in conn.get("edges", [])]:
                yield node
            if not conn["pageInfo"]["hasNextPage"]:
                return
            after = conn["pageInfo"]["endCursor"]

    def ingest(self, text, **meta):
        """Ingests an article (needs the server's token); meta: title, url, published, source."""
        return self.query(
            """mutation($text: String!, $title: String, $url: String, $published: String, $source: String) {
              ingestArticle(text: $text, title: $title, url: $url, published: $published, source: $source) {
                unchanged nodesCreated relationshipsCreated article { id title }
                events { id type status } statements { id text } } }""",
            text=text, **meta)["ingestArticle"]


def flatten(value, prefix=""):
    """Flattens nested objects into one dict with dotted keys; a list of objects
    with names becomes the list of names, so that a record fits a table row."""
    out = {}
    for key, v in value.items():
        name = prefix + key
        if isinstance(v, dict):
            out.update(flatten(v, name + "."))
        elif isinstance(v, list) and v and all(isinstance(x, dict) and "name" in x for x in v):
            out[name] = [x["name"] for x in v]
        else:
            out[name] = v
    return out


def connection_to_records(connection):
    """Turns a connection ({nodes} or {edges {node}}) or any iterable of nodes into
    flat dicts, ready for pandas.DataFrame(records)."""
    if isinstance(connection, dict):
        nodes = connection.get("nodes") or [e["node"] for e in connection.get("edges", [])]
    else:
        nodes = connection
    return [flatten(n) for n in nodes]


def neighborhood_to_edgelist(subgraph):
    """Returns (nodes, edges) of a neighborhood: nodes as (id, attributes) and
    edges as (from, to, attributes), the shapes networkx and igraph take."""
    nodes = [(n["id"], {k: v for k, v in n.items() if k != "id"}) for n in subgraph["nodes"]]
    edges = [(e["from"], e["to"], {k: v for k, v in e.items() if k not in ("from", "to")}) for e in subgraph["edges"]]
    return nodes, edges


def neighborhood_to_networkx(subgraph):
    """Returns a neighborhood as a networkx.MultiDiGraph (edges keep their stored
    direction; use .to_undirected() for paths that ignore it)."""
    import networkx  # only here: the rest of the client needs the standard library only

    g = networkx.MultiDiGraph()
    nodes, edges = neighborhood_to_edgelist(subgraph)
    g.add_nodes_from(nodes)
    for src, dst, attrs in edges:
        g.add_edge(src, dst, key=attrs.get("type"), **attrs)
    return g


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: GEOKG_URL=http://host/graphql python3 geokg.py QUERY")
    try:
        print(json.dumps(Client().query(sys.argv[1]), indent=2, ensure_ascii=False))
    except GraphQLError as e:
        sys.exit(f"geokg: {e}")
