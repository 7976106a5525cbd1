"""Exports read back by the tools they are for: networkx reads the GraphML
with typed attributes, pandas the CSV tables, json the JSON Lines."""

import csv
import io
import json
import unittest

import geokg

from .support import URL, live, needs


@live
class Exports(unittest.TestCase):
    def setUp(self):
        self.g = geokg.Client(URL, token="")

    @needs("networkx")
    def test_graphml_in_networkx(self):
        import networkx

        G = self.g.graphml()  # the whole graph
        self.assertIsInstance(G, networkx.MultiDiGraph)
        kim = G.nodes["person:kim-jong-un"]
        self.assertEqual((kim["kind"], kim["name"], kim["country"]), ("PERSON", "Kim Jong Un", "PRK"))
        # Typed attributes: ints and booleans, not strings.
        links = [d for _, _, d in G.edges(data=True) if d["label"] == "COUNTRY" and "start" in d]
        self.assertTrue(links and all(isinstance(d["start"], int) and d["end"] > d["start"] for d in links))
        mentions = [d for _, _, d in G.edges(data=True) if d["label"] == "MENTIONED_IN"]
        self.assertTrue(mentions and all(isinstance(d["count"], int) for d in mentions))
        quotes = [d for _, d in G.nodes(data=True) if d["kind"] == "STATEMENT"]
        self.assertTrue(quotes and all(isinstance(d["direct"], bool) for d in quotes))
        # The same nodes as GraphQL counts them.
        total = self.g.query("{ articles { totalCount } }")["articles"]["totalCount"]
        self.assertEqual(sum(1 for _, d in G.nodes(data=True) if d["kind"] == "ARTICLE"), total)
        # Kim meets Putin: Kim ← event → Putin.
        meetings = [e for e in G.predecessors("person:kim-jong-un")
                    if G.nodes[e]["kind"] == "EVENT" and G.nodes[e]["type"] == "MEETING"
                    and G.has_edge(e, "person:vladimir-putin")]
        self.assertTrue(meetings)

    @needs("networkx")
    def test_neighborhood_graphml_matches_graphql(self):
        sub = self.g.subgraph("Kim Jong Un", depth=2)
        G = self.g.graphml(entity="Kim Jong Un", depth=2)
        self.assertEqual(set(G.nodes), {n["id"] for n in sub["nodes"]})
        typed = {(u, d["label"], v) for u, v, d in G.edges(data=True)}
        self.assertTrue({(e["from"], e["type"], e["to"]) for e in sub["edges"]} <= typed)

    def test_csv_tables(self):
        nodes = list(csv.DictReader(io.StringIO(self.g.export(format="csv", table="nodes", entity="Kim Jong Un").decode())))
        edges = list(csv.DictReader(io.StringIO(self.g.export(format="csv", table="edges", entity="Kim Jong Un").decode())))
        ids = {n["Id"] for n in nodes}
        self.assertIn("country:PRK", ids)
        self.assertTrue(all(e["Source"] in ids and e["Target"] in ids and e["Type"] == "Directed" for e in edges))

    def test_jsonl_documents(self):
        lines = self.g.export(format="jsonl").decode().splitlines()
        docs = [json.loads(line) for line in lines]
        total = self.g.query("{ articles { totalCount } }")["articles"]["totalCount"]
        self.assertEqual(len(docs), total)
        # Every span indexes the text, in code points (in the articles loaded
        # from files: tests of the store also write hand-made fixtures).
        for d in (d for d in docs if d["article"].get("file")):
            for s in d["statements"]:
                ev = s["evidence"]
                self.assertEqual(d["text"][ev["start"]:ev["end"]], ev["text"])

    def test_export_errors(self):
        for kwargs, code, status in [({"format": "pdf"}, "INVALID", 400),
                                     ({"entity": "Nobody Atall"}, "NOT_FOUND", 404),
                                     ({"entity": "Kim Jong Un", "depth": 4}, "INVALID", 400)]:
            with self.subTest(**kwargs), self.assertRaises(geokg.GraphQLError) as ctx:
                self.g.export(**kwargs)
            self.assertEqual((ctx.exception.code, ctx.exception.status), (code, status))


if __name__ == "__main__":
    unittest.main()
