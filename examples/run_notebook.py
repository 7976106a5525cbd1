"""Executes a notebook top to bottom and fails on the first cell error.

    python examples/run_notebook.py examples/geokg-tour.ipynb bin/examples/geokg-tour.ipynb

The executed copy (with outputs and figures) goes to the second path; the
notebook in git stays without outputs. Cells run with examples/ as their
working directory, against the server at $GEOKG_URL."""

import os
import sys
import time

import nbclient
import nbformat


def main(src, dst):
    nb = nbformat.read(src, as_version=4)
    start = time.monotonic()
    client = nbclient.NotebookClient(
        nb, timeout=300, kernel_name="python3",
        resources={"metadata": {"path": os.path.dirname(os.path.abspath(src))}})
    try:
        client.execute()
    finally:
        os.makedirs(os.path.dirname(os.path.abspath(dst)), exist_ok=True)
        nbformat.write(nb, dst)
    cells = sum(1 for c in nb.cells if c.cell_type == "code")
    print(f"{src}: {cells} code cells ran in {time.monotonic() - start:.1f}s; executed copy in {dst}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: run_notebook.py NOTEBOOK OUTPUT")
    main(*sys.argv[1:])
