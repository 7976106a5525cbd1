"""What the tests share: the live server's URL and optional libraries.

Without pandas or networkx the tests that need them skip, except when
GEOKG_REQUIRE_EXTRAS=1 (CI's notebook step, which installs them): there a
missing library fails instead of skipping."""

import importlib
import os
import unittest

URL = os.environ.get("GEOKG_URL")
live = unittest.skipUnless(URL, "GEOKG_URL is not set")


def needs(*modules):
    missing = []
    for m in modules:
        try:
            importlib.import_module(m)
        except ImportError:
            missing.append(m)
    if not missing:
        return lambda f: f
    if os.environ.get("GEOKG_REQUIRE_EXTRAS") == "1":
        raise ImportError(f"GEOKG_REQUIRE_EXTRAS=1 but {missing} cannot be imported")
    return unittest.skip(f"{', '.join(missing)} not installed")
