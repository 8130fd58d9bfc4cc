"""`python -m router_local` runs the `router` command."""

from __future__ import annotations

import sys

from router_local.cli import main

sys.exit(main())
