"""geokg: a notebook client for the geokg GraphQL API.

    import geokg
    g = geokg.Client("http://127.0.0.1:8080/graphql")   # or $GEOKG_URL
    g.events(filter={"country": "Russia"})              # a DataFrame, every page
    g.statements(filter={"speaker": "Koffler"})         # quotes with their evidence
    g.neighborhood("Kim Jong Un", depth=2)              # a networkx.MultiDiGraph
    g.frame("query($first: Int, $after: String) { ... }")  # any query as a DataFrame

The client needs only the standard library; tables need pandas and graphs
networkx (pip install "geokg[notebook]"). frames.py states how nested
fields become columns.
"""

from .client import Client, GeokgError, GraphQLError, TransportError
from .frames import flatten, records
from .graphs import to_edgelist, to_networkx
from .queries import ENTITIES, EVENTS, NEIGHBORHOOD, STATEMENTS

__version__ = "0.2.0"

__all__ = [
    "Client", "GeokgError", "GraphQLError", "TransportError",
    "flatten", "records", "to_edgelist", "to_networkx",
    "ENTITIES", "EVENTS", "NEIGHBORHOOD", "STATEMENTS",
]
