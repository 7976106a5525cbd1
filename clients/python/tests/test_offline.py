"""The client against canned answers: flattening, paging and errors over
real HTTP from a stub server."""

import json
import threading
import unittest
from http.server import BaseHTTPRequestHandler, HTTPServer

import geokg
from geokg import frames

from .support import needs


class Flatten(unittest.TestCase):
    EVENT = {
        "id": "event:1", "type": "MEETING", "supplier": None, "items": ["shells"],
        "participants": [{"name": "Kim Jong Un", "country": {"iso3": "PRK"}}, {"name": "Vladimir Putin", "country": None}],
        "evidence": [{"sentence": "They met.", "article": {"title": "A"}}, {"sentence": "Again.", "article": {"title": "B"}}],
        "place": {"name": "Vladivostok", "country": {"iso3": "RUS"}},
    }

    def test_rule(self):
        self.assertEqual(frames.flatten(self.EVENT), {
            "id": "event:1", "type": "MEETING", "supplier": None, "items": ["shells"],
            "participants.name": ["Kim Jong Un", "Vladimir Putin"],
            "participants.country.iso3": ["PRK", None],
            "evidence.sentence": ["They met.", "Again."], "evidence.article.title": ["A", "B"],
            "place.name": "Vladivostok", "place.country.iso3": "RUS"})

    def test_null_objects_and_empty_lists_give_way(self):
        rows = frames.records([
            {"id": 1, "supplier": {"name": "North Korea"}, "participants": [{"name": "a"}]},
            {"id": 2, "supplier": None, "participants": []},
        ])
        self.assertEqual(rows[1], {"id": 2, "supplier.name": None, "participants.name": []})
        self.assertEqual(frames.columns(rows), ["id", "supplier.name", "participants.name"])

    def test_explode(self):
        rows = frames.records([self.EVENT, {**self.EVENT, "id": "event:2", "evidence": []}], explode="evidence")
        self.assertEqual([(r["id"], r["evidence.sentence"], r["evidence.article.title"]) for r in rows],
                         [("event:1", "They met.", "A"), ("event:1", "Again.", "B"), ("event:2", None, None)])

    def test_at(self):
        self.assertEqual(frames.at({"events": [1]}), [1])
        self.assertEqual(frames.at({"entity": {"events": [2]}}, "entity.events"), [2])
        with self.assertRaises(ValueError):
            frames.at({"a": 1, "b": 2})

    @needs("pandas")
    def test_matrix(self):
        m = frames.matrix([
            {"from": {"iso3": "PRK"}, "to": {"iso3": "RUS"}, "directed": False, "count": 3},
            {"from": {"iso3": "PRK"}, "to": {"iso3": "RUS"}, "directed": True, "count": 2},
        ])
        self.assertEqual((m.loc["PRK", "RUS"], m.loc["RUS", "PRK"], m.loc["PRK", "PRK"]), (5, 5, 0))


class Stub(BaseHTTPRequestHandler):
    """Answers events pages of 2 out of 5 items, and errors on request."""

    def do_POST(self):
        req = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        q, v = req["query"], req["variables"]
        if "boom" in q:
            status, body = 200, {"errors": [{"message": "no entity is named \"X\"", "path": ["b"],
                                             "extensions": {"code": "NOT_FOUND"}}], "data": {"a": {"id": "1"}, "b": None}}
        elif "invalid" in q:
            status, body = 400, {"errors": [{"message": "Cannot query field", "extensions": {"code": "GRAPHQL_VALIDATION_FAILED"}}]}
        elif "html" in q:
            self.send_response(502)
            self.end_headers()
            self.wfile.write(b"<html>bad gateway</html>")
            return
        else:
            start = int(v.get("after") or -1) + 1
            items = list(range(5))[start:start + v["first"]]
            body = {"data": {"events": {"pageInfo": {"hasNextPage": start + len(items) < 5, "endCursor": str(start + len(items) - 1)},
                                        "nodes": [{"id": f"event:{i}", "participants": [{"name": "p"}]} for i in items]}}}
            status = 200
        raw = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(raw)))
        self.end_headers()
        self.wfile.write(raw)

    def log_message(self, *args):
        pass


class OverHTTP(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = HTTPServer(("127.0.0.1", 0), Stub)
        threading.Thread(target=cls.server.serve_forever, daemon=True).start()
        cls.g = geokg.Client(f"http://127.0.0.1:{cls.server.server_port}/graphql", token="")

    @classmethod
    def tearDownClass(cls):
        cls.server.shutdown()
        cls.server.server_close()

    def test_paginate_follows_every_page(self):
        q = "query($first: Int, $after: String) { events(first: $first, after: $after) { pageInfo { hasNextPage endCursor } nodes { id } } }"
        self.assertEqual([n["id"] for n in self.g.paginate(q, page_size=2)], [f"event:{i}" for i in range(5)])
        rows = self.g.records(q, page_size=2)
        self.assertEqual(len(rows), 5)
        self.assertEqual(rows[0], {"id": "event:0", "participants.name": ["p"]})

    def test_partial_data_is_kept(self):
        with self.assertRaises(geokg.GraphQLError) as ctx:
            self.g.query("{ boom }")
        e = ctx.exception
        self.assertEqual((e.code, e.codes, e.status), ("NOT_FOUND", ["NOT_FOUND"], 200))
        self.assertEqual(e.data, {"a": {"id": "1"}, "b": None})

    def test_refused_query(self):
        with self.assertRaises(geokg.GraphQLError) as ctx:
            self.g.query("{ invalid }")
        self.assertEqual((ctx.exception.code, ctx.exception.status), ("GRAPHQL_VALIDATION_FAILED", 400))

    def test_not_graphql(self):
        with self.assertRaises(geokg.TransportError) as ctx:
            self.g.query("{ html }")
        self.assertEqual(ctx.exception.status, 502)

    def test_unreachable(self):
        with self.assertRaises(geokg.TransportError):
            geokg.Client("http://127.0.0.1:9/graphql", timeout=2).query("{ x }")

    def test_export_url(self):
        self.assertEqual(self.g.export_url("csv", entity="Kim Jong Un", depth=2, types=["PERSON", "EVENT"], table="nodes"),
                         f"http://127.0.0.1:{self.server.server_port}/export?format=csv&table=nodes&entity=Kim+Jong+Un&depth=2&types=PERSON%2CEVENT")


if __name__ == "__main__":
    unittest.main()
