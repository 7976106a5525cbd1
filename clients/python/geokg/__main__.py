"""python -m geokg QUERY: run a query against $GEOKG_URL and print its data."""

import json
import sys

from .client import Client, GeokgError


def main(argv):
    if len(argv) != 1:
        print("usage: GEOKG_URL=http://host:8080/graphql python -m geokg QUERY", file=sys.stderr)
        return 2
    try:
        print(json.dumps(Client().query(argv[0]), indent=2, ensure_ascii=False))
    except GeokgError as e:
        print(f"geokg: {e}", file=sys.stderr)
        return 1
    return 0


sys.exit(main(sys.argv[1:]))
