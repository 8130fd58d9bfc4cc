"""REST API (payload 1.0) events, written from AWS's documented proxy integration format
(`tests/support/rest_events.py`)."""

from __future__ import annotations

import pytest
from rest_events import EventFactory, make_event


@pytest.fixture
def rest_event() -> EventFactory:
    return make_event
