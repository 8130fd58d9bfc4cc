"""The helpers of this folder (porting, loading, events) import by name, as tests/support's."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
