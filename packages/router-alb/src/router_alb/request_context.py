"""The request context of an ALB event, with Powertools' attribute name.

`current_event.request_context` is an `ALBEventRequestContext`: a view over the event's
`requestContext` dict (still indexable like it), loaded on first access.
"""

from __future__ import annotations

from router_core.request_context import DictView


class ALBEventRequestContext(DictView):
    """`requestContext` of an ALB event: `{"elb": {"targetGroupArn": ...}}`."""

    __slots__ = ()

    @property
    def elb_target_group_arn(self) -> str:
        """The ARN of the target group that invoked the function (`""` when absent)."""
        return DictView(self._data.get("elb"))._text("targetGroupArn")
