"""The HTTP side: GraphQL queries, pages of connections, exports, errors."""

import json
import os
import re
import urllib.error
import urllib.parse
import urllib.request

from . import frames, graphs, queries


class GeokgError(Exception):
    """Any failure talking to geokg. `code` is the server's extensions.code
    when it gave one (INVALID, NOT_FOUND, UNAUTHORIZED, TIMEOUT,
    UNAVAILABLE, INTERNAL, GRAPHQL_VALIDATION_FAILED, …); `status` the HTTP
    status."""

    def __init__(self, message, code=None, status=None):
        super().__init__(message)
        self.code = code
        self.status = status


class GraphQLError(GeokgError):
    """The server answered with errors. `errors` holds them all, `code` the
    first one's extensions.code, `codes` every code, and `data` whatever
    part of the answer the server could still give (GraphQL's partial
    results: the fields that did not fail)."""

    def __init__(self, errors, status=None, data=None):
        self.errors = errors
        self.data = data
        self.codes = [(e.get("extensions") or {}).get("code") for e in errors]
        super().__init__(
            "; ".join(f"{e.get('message')} ({c})" for e, c in zip(errors, self.codes)),
            code=self.codes[0] if self.codes else None, status=status)


class TransportError(GeokgError, ConnectionError):
    """The server could not be reached, or answered with something that is
    not a GraphQL response."""


def _read_json(resp):
    raw = resp.read()
    try:
        return json.loads(raw)
    except ValueError:
        return None


def _smaller_page(page_size, message):
    """A page size the server's complexity limit accepts, from its message
    ("operation has complexity 14601, which exceeds the limit of 10000")."""
    m = re.search(r"complexity (\d+).*limit of (\d+)", message)
    if m and int(m.group(1)) > 0:
        return max(1, min(page_size - 1, page_size * int(m.group(2)) // int(m.group(1))))
    return max(1, page_size // 2)


class Client:
    """A client of one geokg server.

    url is the GraphQL endpoint (default $GEOKG_URL, else
    http://127.0.0.1:8080/graphql); token the bearer token for ingestArticle
    (default $GEOKG_TOKEN)."""

    def __init__(self, url=None, token=None, timeout=60):
        self.url = url or os.environ.get("GEOKG_URL") or "http://127.0.0.1:8080/graphql"
        self.token = token if token is not None else os.environ.get("GEOKG_TOKEN")
        self.timeout = timeout

    def __repr__(self):
        return f"geokg.Client({self.url!r})"

    # --- GraphQL -----------------------------------------------------------

    def query(self, query, variables=None, **kwargs):
        """Runs a query and returns its data (a dict).

        Variables come as a dict, as keyword arguments, or both. An answer
        with errors raises GraphQLError, which keeps the partial data."""
        variables = {**(variables or {}), **kwargs}
        body = json.dumps({"query": query, "variables": variables}).encode()
        headers = {"Content-Type": "application/json", "Accept": "application/graphql-response+json, application/json"}
        if self.token:
            headers["Authorization"] = "Bearer " + self.token
        req = urllib.request.Request(self.url, data=body, headers=headers, method="POST")
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as resp:
                status, payload = resp.status, _read_json(resp)
        except urllib.error.HTTPError as e:  # 4xx/5xx: a refused query still has a GraphQL body
            status, payload = e.code, _read_json(e)
        except (urllib.error.URLError, OSError) as e:
            raise TransportError(f"cannot reach {self.url}: {getattr(e, 'reason', e)}") from e
        if not isinstance(payload, dict):
            raise TransportError(f"{self.url} answered HTTP {status} without a GraphQL response", status=status)
        if payload.get("errors"):
            raise GraphQLError(payload["errors"], status, payload.get("data"))
        return payload.get("data")

    def paginate(self, query, field=None, page_size=100, variables=None, **kwargs):
        """Yields every node of a connection, following pageInfo.endCursor
        to the last page.

        The query takes $first and $after and selects `pageInfo {
        hasNextPage endCursor }` with `nodes` (or `edges { node }`); field is
        the connection's path in the data ("events", or "entity.x" for a
        nested one), needed only when the data has more than one field."""
        variables = {**(variables or {}), **kwargs}
        after = None
        while True:
            try:
                data = self.query(query, {**variables, "first": page_size, "after": after})
            except GraphQLError as e:
                # A page of a deeply nested query can cost more than the
                # server allows: ask for smaller pages.
                if e.code != "COMPLEXITY_LIMIT_EXCEEDED" or page_size == 1:
                    raise
                page_size = _smaller_page(page_size, str(e))
                continue
            conn = frames.at(data, field)
            if not isinstance(conn, dict) or "pageInfo" not in conn:
                raise ValueError(f"{field or 'the answer'} is not a connection with pageInfo")
            yield from frames.nodes_of(conn)
            info = conn["pageInfo"]
            if not info.get("hasNextPage"):
                return
            after = info["endCursor"]

    def records(self, query, field=None, explode=None, page_size=100, variables=None, **kwargs):
        """The rows of a query's list as flat dicts (see frames.flatten for
        the rule). A query that declares $after is paged to the end; any
        other is run once and `field` names its list."""
        variables = {**(variables or {}), **kwargs}
        if re.search(r"\$after\b", query):
            items = list(self.paginate(query, field, page_size, variables))
        else:
            items = frames.at(self.query(query, variables), field)
            if isinstance(items, dict) and ("nodes" in items or "edges" in items):
                items = frames.nodes_of(items)
            elif isinstance(items, dict):
                items = [items]
        return frames.records(items or [], explode=explode)

    def frame(self, query, field=None, explode=None, page_size=100, variables=None, **kwargs):
        """A query's list as a pandas DataFrame: one row per item, one column
        per leaf field, named by its dotted path (`speaker.name`,
        `evidence.article.title`). Lists of objects become list-valued
        columns (`participants.name` = ["Kim Jong Un", "Vladimir Putin"])
        unless explode names one of them: then each item is a row."""
        return frames.to_frame(self.records(query, field, explode, page_size, variables, **kwargs))

    # --- Ready-made tables ---------------------------------------------------

    def entities(self, filter=None, order_by=None):
        """Every entity that matches filter (an EntityFilter dict), as a DataFrame."""
        return self.frame(queries.ENTITIES, filter=filter, orderBy=order_by)

    def events(self, filter=None, order_by=None):
        """Every event that matches filter (an EventFilter dict), as a DataFrame."""
        return self.frame(queries.EVENTS, filter=filter, orderBy=order_by)

    def statements(self, filter=None, order_by=None):
        """Every statement that matches filter, with its evidence (sentence,
        span, article), as a DataFrame."""
        return self.frame(queries.STATEMENTS, filter=filter, orderBy=order_by)

    def country_matrix(self, filter=None, symmetric=True):
        """The country-to-country matrix of events as a square DataFrame
        indexed by ISO3 codes: cell [a][b] counts the events that involve
        both (symmetric), or with symmetric=False only transfers and aid
        from a to b in [a][b] and shared events in the upper triangle."""
        rows = self.query(queries.COUNTRY_RELATIONS, filter=filter)["countryRelations"]
        return frames.matrix(rows, symmetric)

    # --- Graphs --------------------------------------------------------------

    def subgraph(self, entity, depth=1, types=None, limit=200):
        """The GraphQL neighborhood {nodes, edges, truncated} of an entity."""
        return self.query(queries.NEIGHBORHOOD, id=entity, depth=depth, types=types, limit=limit)["neighborhood"]

    def neighborhood(self, entity, depth=1, types=None, limit=200):
        """The neighborhood of an entity (a name, alias, ISO code or id) as a
        networkx.MultiDiGraph: nodes carry kind, label and depth, edges their
        type (also their key); graph["truncated"] says whether `limit` cut it."""
        sub = self.subgraph(entity, depth, types, limit)
        g = graphs.to_networkx(sub)
        g.graph.update(center=entity, depth=depth, truncated=sub["truncated"])
        return g

    # --- Exports -------------------------------------------------------------

    def export_url(self, format="graphml", entity=None, depth=None, types=None, limit=None, table=None):
        """The URL of GET /export for these arguments."""
        params = {"format": format, "table": table, "entity": entity, "depth": depth, "limit": limit,
                  "types": ",".join(types) if types else None}
        base = re.sub(r"/graphql/?$", "", self.url)
        return base + "/export?" + urllib.parse.urlencode({k: v for k, v in params.items() if v is not None})

    def export(self, path=None, format="graphml", entity=None, depth=None, types=None, limit=None, table=None):
        """Downloads an export: the whole graph, or the neighborhood of
        entity. Writes it to path and returns path, or returns the bytes when
        path is None. Errors raise GraphQLError with the server's code."""
        url = self.export_url(format, entity, depth, types, limit, table)
        try:
            resp = urllib.request.urlopen(url, timeout=self.timeout)
        except urllib.error.HTTPError as e:
            payload = _read_json(e)
            if isinstance(payload, dict) and payload.get("errors"):
                raise GraphQLError(payload["errors"], e.code) from None
            raise TransportError(f"{url} answered HTTP {e.code}", status=e.code) from None
        except (urllib.error.URLError, OSError) as e:
            raise TransportError(f"cannot reach {url}: {getattr(e, 'reason', e)}") from e
        with resp:
            if path is None:
                return resp.read()
            with open(path, "wb") as f:
                while chunk := resp.read(1 << 16):
                    f.write(chunk)
        return path

    def graphml(self, entity=None, depth=None, types=None, limit=None):
        """An export read back by networkx.read_graphml: a MultiDiGraph whose
        node and edge attributes are typed (ints, booleans, strings)."""
        import io

        import networkx

        return networkx.read_graphml(io.BytesIO(self.export(None, "graphml", entity, depth, types, limit)))

    # --- Writing -------------------------------------------------------------

    def ingest(self, text, title=None, url=None, published=None, source=None):
        """Extracts and stores an article (needs the server's token)."""
        return self.query(queries.INGEST, text=text, title=title, url=url, published=published,
                          source=source)["ingestArticle"]
