"""The client against a live server (GEOKG_URL) loaded with the sample and
the test articles: python_test.go at the repository root starts one."""

import unittest

import geokg

from .support import URL, live, needs

PAGE = """query($filter: EventFilter, $first: Int, $after: String) {
  events(filter: $filter, first: $first, after: $after) {
    pageInfo { hasNextPage endCursor }
    nodes { id type status participants { name } }
  }
}"""


@live
class Live(unittest.TestCase):
    def setUp(self):
        self.g = geokg.Client(URL, token="")

    def test_query(self):
        data = self.g.query("query($n: String!) { entity(name: $n) { id name } }", n="kim jong-un")
        self.assertEqual(data["entity"], {"id": "person:kim-jong-un", "name": "Kim Jong Un"})

    def test_paginate_to_the_end(self):
        f = {"participant": "Kim Jong Un"}
        total = self.g.query("query($f: EventFilter) { events(filter: $f) { totalCount } }", f=f)["events"]["totalCount"]
        rows = self.g.records(PAGE, filter=f, page_size=2)
        self.assertGreater(total, 2)
        self.assertEqual(len(rows), total)
        self.assertEqual(len({r["id"] for r in rows}), total)
        self.assertTrue(all("Kim Jong Un" in r["participants.name"] for r in rows))

    def test_errors_carry_the_servers_code(self):
        for query, code, status in [
            ("{ events(first: 101) { totalCount } }", "INVALID", 200),
            ('{ relations(a: "Nobody Atall", b: "Putin") { events { id } } }', "NOT_FOUND", 200),
            ("{ nosuchfield }", "GRAPHQL_VALIDATION_FAILED", 400),
        ]:
            with self.subTest(code=code), self.assertRaises(geokg.GraphQLError) as ctx:
                self.g.query(query)
            self.assertEqual((ctx.exception.code, ctx.exception.status), (code, status))
        with self.assertRaises(geokg.GraphQLError) as ctx:
            self.g.ingest("text")
        self.assertEqual(ctx.exception.code, "UNAUTHORIZED")

    def test_partial_data(self):
        with self.assertRaises(geokg.GraphQLError) as ctx:
            self.g.query('{ kim: entity(name: "Kim Jong Un") { name } bad: entity(name: " ") { name } }')
        self.assertEqual(ctx.exception.code, "INVALID")
        self.assertEqual(ctx.exception.data, {"kim": {"name": "Kim Jong Un"}, "bad": None})

    @needs("pandas")
    def test_tables(self):
        ev = self.g.events(filter={"participant": "Kim Jong Un"})
        self.assertIn("participants.name", ev.columns)
        self.assertTrue(ev["participants.name"].map(lambda names: "Kim Jong Un" in names).all())
        st = self.g.statements(filter={"speaker": "Koffler", "direct": True})
        self.assertEqual(set(st["speaker.name"]), {"Rebekah Koffler"})
        for _, s in st.iterrows():  # the span is the quote, inside its sentence
            self.assertIn(s["evidence.text"], s["evidence.sentence"])
            self.assertEqual(s["evidence.end"] - s["evidence.start"], len(s["evidence.text"]))
        ents = self.g.entities(filter={"types": ["COUNTRY"]})
        self.assertIn("PRK", set(ents["iso3"]))
        m = self.g.country_matrix()
        self.assertGreater(m.loc["PRK", "RUS"], 0)
        self.assertEqual(m.loc["PRK", "RUS"], m.loc["RUS", "PRK"])
        exploded = self.g.frame(PAGE.replace("participants { name }", "participants { name } evidence { sentence }"),
                                explode="evidence", filter={"participant": "Kim Jong Un"})
        self.assertTrue(exploded["evidence.sentence"].map(lambda s: isinstance(s, str)).all())

    @needs("networkx")
    def test_neighborhood(self):
        import networkx

        g = self.g.neighborhood("Kim Jong Un", depth=2, types=["PERSON", "COUNTRY", "EVENT"])
        self.assertEqual(g.nodes["person:kim-jong-un"]["depth"], 0)
        self.assertIn("person:vladimir-putin", g)
        path = networkx.shortest_path(g.to_undirected(), "person:kim-jong-un", "person:vladimir-putin")
        self.assertEqual(len(path), 3)  # Kim – their meeting – Putin
        self.assertEqual(g.nodes[path[1]]["kind"], "EVENT")


if __name__ == "__main__":
    unittest.main()
