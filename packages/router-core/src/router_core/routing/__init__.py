"""Route rules, the compiled route table and matching."""

from router_core.routing.rules import CONVERTERS, Converter, Rule, parse_rule
from router_core.routing.table import RouteTable

__all__ = ["CONVERTERS", "Converter", "RouteTable", "Rule", "parse_rule"]
