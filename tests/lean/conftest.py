"""The lean-install tests check what is installed: they run only in nox's `lean` session,
which installs router-core and router-rest alone, never in a plain `pytest` of a full
environment."""

from __future__ import annotations

import os

collect_ignore_glob = [] if os.environ.get("ROUTER_LEAN_SESSION") == "1" else ["test_*.py"]
