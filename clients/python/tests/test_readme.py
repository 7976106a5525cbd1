"""Every ```python block of this client's README.md, and of the repository's,
runs, in order, against the live server."""

import os
import pathlib
import re
import tempfile
import unittest

from .support import URL, live, needs

HERE = pathlib.Path(__file__).resolve().parent.parent
README = HERE / "README.md"
PROJECT_README = HERE.parent.parent / "README.md"


@live
class Readme(unittest.TestCase):
    @needs("pandas", "networkx")
    def test_project_readme(self):
        blocks = re.findall(r"```python\n(.*?)```", PROJECT_README.read_text(), re.S)
        self.assertGreaterEqual(len(blocks), 1)
        namespace = {}
        for i, block in enumerate(blocks):
            with self.subTest(block=i):
                exec(compile(block.replace('"http://127.0.0.1:8080/graphql"', repr(URL)), f"README.md block {i}", "exec"), namespace)

    @needs("pandas", "networkx")
    def test_blocks_run(self):
        blocks = re.findall(r"```python\n(.*?)```", README.read_text(), re.S)
        self.assertGreaterEqual(len(blocks), 2)
        namespace = {}
        cwd = os.getcwd()
        with tempfile.TemporaryDirectory() as tmp:
            os.chdir(tmp)  # the examples write files
            try:
                for i, block in enumerate(blocks):
                    code = block.replace('"http://127.0.0.1:8080/graphql"', repr(URL))
                    with self.subTest(block=i):
                        exec(compile(code, f"README.md block {i}", "exec"), namespace)
            finally:
                os.chdir(cwd)
        self.assertGreater(len(namespace["events"]), 0)
        self.assertGreater(len(namespace["quotes"]), 0)
        self.assertIn("person:vladimir-putin", namespace["G"])


if __name__ == "__main__":
    unittest.main()
