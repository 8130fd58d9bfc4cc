"""Route rules, the compiled route table and matching."""

from router_core.routing.match import Match
from router_core.routing.rules import CONVERTERS, Converter, Rule, normalize_path, parse_rule
from router_core.routing.table import RouteTable

__all__ = ["CONVERTERS", "Converter", "Match", "RouteTable", "Rule", "normalize_path", "parse_rule"]
