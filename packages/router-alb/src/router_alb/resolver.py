"""`ALBResolver`: routes Application Load Balancer (Lambda target) events."""

from __future__ import annotations

from router_alb.codec import ALBCodec
from router_alb.event import ALBEvent
from router_core.resolver import BaseResolver

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from router_core.testing import TestClient

_MULTI_VALUE = ALBCodec(multi_value=True)


class ALBResolver(BaseResolver[ALBEvent]):
    """Routes ALB events, answering in the mode the request came in (single or multi-value).

    >>> app = ALBResolver()
    >>> @app.get("/todos/<todo_id>")
    ... def get_todo(todo_id: str) -> dict: ...
    >>> def lambda_handler(event, context):
    ...     return app.resolve(event, context)
    """

    event_class = ALBEvent
    codec = ALBCodec()

    def __init__(self, *args: Any, decode_query_parameters: bool | None = None, **kwargs: Any):
        """Takes the resolver's options, and Powertools' `decode_query_parameters`: query
        strings are decoded unless it is explicitly False (Powertools' default is not to
        decode; here decoding is the default, see the migration notes)."""
        super().__init__(*args, **kwargs)
        if decode_query_parameters is False:
            self._event_options["decode_query_parameters"] = False

    def test_client(self, multi_value: bool = False) -> TestClient:
        """A client sending single-value events, or multi-value ones with `multi_value=True`
        (a target group with `lambda.multi_value_headers.enabled`).
        """
        from router_core.testing import TestClient

        return TestClient(self, codec=_MULTI_VALUE if multi_value else None)
