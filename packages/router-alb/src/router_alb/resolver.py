"""`ALBResolver`: routes Application Load Balancer (Lambda target) events."""

from __future__ import annotations

from router_alb.codec import ALBCodec
from router_alb.event import ALBEvent
from router_core.resolver import BaseResolver

TYPE_CHECKING = False
if TYPE_CHECKING:
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

    def test_client(self, multi_value: bool = False) -> TestClient:
        """A client sending single-value events, or multi-value ones with `multi_value=True`
        (a target group with `lambda.multi_value_headers.enabled`).
        """
        from router_core.testing import TestClient

        return TestClient(self, codec=_MULTI_VALUE if multi_value else None)
