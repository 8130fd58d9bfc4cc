"""router-local: developer tools for router apps, never deployed.

The `router` command serves an app on a local HTTP server that emulates its source
(`router serve app:app`), calls it once with an event file (`router invoke`), and prints
realistic events (`router event rest GET /todos`). `make_server` gives tests the same server.
"""

from __future__ import annotations

from router_local.server import LocalApp, make_server
from router_local.targets import Target, TargetError, load_target

__version__ = "0.1.0"

__all__ = ["LocalApp", "Target", "TargetError", "__version__", "load_target", "make_server"]
