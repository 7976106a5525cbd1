"""Neighborhoods as graphs: edge lists for any library, networkx graphs."""


def to_edgelist(subgraph):
    """(nodes, edges) of a neighborhood: nodes as (id, attributes), edges as
    (from, to, attributes), the shapes networkx and igraph take."""
    nodes = [(n["id"], {k: v for k, v in n.items() if k != "id"}) for n in subgraph["nodes"]]
    edges = [(e["from"], e["to"], {k: v for k, v in e.items() if k not in ("from", "to")}) for e in subgraph["edges"]]
    return nodes, edges


def to_networkx(subgraph):
    """A neighborhood as a networkx.MultiDiGraph. Edges keep their stored
    direction (an event points to its participants) and are keyed by type;
    use .to_undirected() for paths that ignore direction."""
    import networkx  # only here: the rest of the client needs the standard library only

    g = networkx.MultiDiGraph()
    nodes, edges = to_edgelist(subgraph)
    g.add_nodes_from(nodes)
    for src, dst, attrs in edges:
        g.add_edge(src, dst, key=attrs.get("type"), **attrs)
    return g
