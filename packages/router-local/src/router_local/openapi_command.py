"""`router openapi MODULE:ATTR`: print the app's OpenAPI document, without deploying it."""

from __future__ import annotations

import argparse
import sys

from router_local.targets import TargetError, import_attribute

_HELP = "the resolver, e.g. app:app (module app.py, attribute app)"


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "openapi",
        help="print the OpenAPI document of a resolver",
        description="Import MODULE:ATTR (a resolver) and print its OpenAPI 3.1 document as "
        "JSON, with the settings of its configure_openapi(...). Needs router-openapi.",
    )
    parser.add_argument("target", metavar="MODULE:ATTR", help=_HELP)
    parser.add_argument("--title", help="the document's title (default: the app's)")
    parser.add_argument("--version", dest="api_version", help="the API's version")
    parser.add_argument(
        "--output", "-o", metavar="FILE", help="write to FILE instead of standard output"
    )
    parser.add_argument(
        "--app-dir",
        default=".",
        metavar="DIR",
        help="folder put first on sys.path to import MODULE (default: the current folder)",
    )


def run(args: argparse.Namespace) -> int:
    from router_core.exceptions import MissingExtraError
    from router_core.resolver import BaseResolver

    _, app = import_attribute(args.target, args.app_dir)
    if not isinstance(app, BaseResolver):
        raise TargetError(f"{args.target} is a {type(app).__name__}, not a resolver")
    settings = {}
    if args.title:
        settings["title"] = args.title
    if args.api_version:
        settings["version"] = args.api_version
    try:
        document = app.get_openapi_json_schema(**settings)
    except MissingExtraError as error:
        raise TargetError(str(error)) from None
    if args.output:
        with open(args.output, "w", encoding="utf-8") as file:
            file.write(document + "\n")
    else:
        sys.stdout.write(document + "\n")
    return 0
