"""Tests of geokg.py: offline on canned answers, and against a live server when
GEOKG_URL is set (graph/python_test.go runs them against the real API)."""

import os
import unittest

import geokg

SUBGRAPH = {
    "truncated": False,
    "nodes": [
        {"id": "person:kim-jong-un", "kind": "PERSON", "label": "Kim Jong Un", "depth": 0},
        {"id": "country:PRK", "kind": "COUNTRY", "label": "North Korea", "depth": 1},
    ],
    "edges": [{"id": "person:kim-jong-un|COUNTRY|country:PRK", "from": "person:kim-jong-un", "to": "country:PRK", "type": "COUNTRY"}],
}


class Offline(unittest.TestCase):
    def test_records(self):
        conn = {"edges": [{"cursor": "c", "node": {
            "id": "event:1", "type": "MEETING", "supplier": None,
            "participants": [{"name": "Kim Jong Un"}, {"name": "Vladimir Putin"}],
            "evidence": [{"text": "met"}], "place": {"name": "Vladivostok", "country": {"iso3": "RUS"}}}}]}
        self.assertEqual(geokg.connection_to_records(conn), [{
            "id": "event:1", "type": "MEETING", "supplier": None,
            "participants": ["Kim Jong Un", "Vladimir Putin"], "evidence": [{"text": "met"}],
            "place.name": "Vladivostok", "place.country.iso3": "RUS"}])
        self.assertEqual(geokg.connection_to_records({"nodes": [{"id": "x"}]}), [{"id": "x"}])

    def test_edgelist(self):
        nodes, edges = geokg.neighborhood_to_edgelist(SUBGRAPH)
        self.assertEqual(nodes[1], ("country:PRK", {"kind": "COUNTRY", "label": "North Korea", "depth": 1}))
        self.assertEqual(edges, [("person:kim-jong-un", "country:PRK", {"id": "person:kim-jong-un|COUNTRY|country:PRK", "type": "COUNTRY"})])

    def test_networkx(self):
        try:
            import networkx  # noqa: F401
        except ImportError:
            self.skipTest("networkx is not installed")
        g = geokg.neighborhood_to_networkx(SUBGRAPH)
        self.assertEqual(g.nodes["country:PRK"]["label"], "North Korea")
        self.assertTrue(g.has_edge("person:kim-jong-un", "country:PRK", key="COUNTRY"))

    def test_error(self):
        e = geokg.GraphQLError([{"message": "first must be between 1 and 100", "extensions": {"code": "INVALID"}}], 200)
        self.assertEqual(e.code, "INVALID")
        self.assertIn("first must be between 1 and 100 (INVALID)", str(e))


@unittest.skipUnless(os.environ.get("GEOKG_URL"), "GEOKG_URL is not set")
class Live(unittest.TestCase):
    def setUp(self):
        self.g = geokg.Client(os.environ["GEOKG_URL"], token="")

    def test_query(self):
        data = self.g.query('query($n: String!) { entity(name: $n) { id name } }', n="kim jong-un")
        self.assertEqual(data["entity"]["id"], "person:kim-jong-un")

    def test_paginate(self):
        rows = geokg.connection_to_records(self.g.paginate(geokg.EVENTS, "events", page_size=2, filter={"participant": "Kim Jong Un"}))
        total = self.g.query('{ events(filter: {participant: "Kim Jong Un"}) { totalCount } }')["events"]["totalCount"]
        self.assertEqual(len(rows), total)
        self.assertEqual(len({r["id"] for r in rows}), total)
        self.assertTrue(all("Kim Jong Un" in r["participants"] for r in rows))

    def test_neighborhood(self):
        sub = self.g.query(geokg.NEIGHBORHOOD, id="Kim Jong Un", depth=1)["neighborhood"]
        nodes, edges = geokg.neighborhood_to_edgelist(sub)
        ids = {n for n, _ in nodes}
        self.assertIn("country:PRK", ids)
        self.assertTrue(all(src in ids and dst in ids for src, dst, _ in edges))

    def test_errors(self):
        with self.assertRaises(geokg.GraphQLError) as ctx:
            self.g.query("{ events(first: 101) { totalCount } }")
        self.assertEqual(ctx.exception.code, "INVALID")
        with self.assertRaises(geokg.GraphQLError) as ctx:
            self.g.query("{ nosuchfield }")
        self.assertEqual((ctx.exception.code, ctx.exception.status), ("GRAPHQL_VALIDATION_FAILED", 400))
        with self.assertRaises(geokg.GraphQLError) as ctx:
            self.g.ingest("text")
        self.assertEqual(ctx.exception.code, "UNAUTHORIZED")


if __name__ == "__main__":
    unittest.main()
