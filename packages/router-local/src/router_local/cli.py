"""The `router` command: `serve` an app locally, `invoke` it with an event file, or print a
realistic `event` of a source.

    router serve app:app                              # http://127.0.0.1:3000
    router serve app:lambda_handler --source http --reload
    router invoke app:app --event events/get_todos.json
    router event rest GET /todos --query limit=2 --header Accept:application/json
    router package examples/todos --platform arm64 --find-links dist --output function.zip
"""

from __future__ import annotations

import argparse
import json
import sys

from router_local import openapi_command, package
from router_local.targets import SOURCE_NAMES, SOURCES, TargetError, codec_for, load_target

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import Any

    from router_local.targets import Target

_TARGET_HELP = (
    "the app to load: ATTR is a resolver (its class tells the source) or a "
    "lambda_handler(event, context) function"
)
_PATH_SAFE = "/%:@!$&'()*+,;=-._~"
# Sources whose events carry no stage: `--stage` would be silently ignored.
_STAGELESS = ("alb", "function-url")


def _parser() -> argparse.ArgumentParser:
    from router_local import __version__

    parser = argparse.ArgumentParser(
        prog="router",
        description="Developer tools for router apps: serve, invoke, generate events.",
    )
    parser.add_argument("--version", action="version", version=f"router-local {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    serve = commands.add_parser(
        "serve",
        help="serve an app over HTTP, emulating its source",
        description="Serve an app on a local HTTP server: each request becomes an event of "
        "the source, as API Gateway, ALB or a Function URL would send it.",
    )
    serve.add_argument("target", metavar="MODULE:ATTR", help=_TARGET_HELP)
    _add_source(
        serve,
        "the source to emulate (default: from the resolver's class; required for a plain "
        "function unless its module defines resolvers of one source)",
    )
    serve.add_argument(
        "--host",
        default="127.0.0.1",
        help="address or name to bind (default %(default)s); requests must name it or a "
        "loopback name in their Host header",
    )
    serve.add_argument("--port", type=int, default=3000, help="port (default %(default)s)")
    serve.add_argument("--stage", help="stage name put in the events (default: the source's)")
    serve.add_argument("--reload", action="store_true", help="restart when code changes")
    _add_multi_value(serve)
    _add_app_dir(serve)

    invoke = commands.add_parser(
        "invoke",
        help="call a handler once with an event file and print its response",
        description="Call the handler with the event in FILE (a JSON object; - reads stdin) "
        "and a Lambda-like context, and print the response as JSON.",
    )
    invoke.add_argument("target", metavar="MODULE:ATTR", help=_TARGET_HELP)
    invoke.add_argument("--event", required=True, metavar="FILE", help="event JSON file, or -")
    _add_app_dir(invoke)

    event = commands.add_parser(
        "event",
        help="print a realistic event of a source",
        description="Print the event SOURCE would send for an HTTP request, like "
        "`sam local generate-event`.",
    )
    event.add_argument("source", choices=list(SOURCES), metavar="SOURCE", help=SOURCE_NAMES)
    event.add_argument("method", metavar="METHOD", help="HTTP method, e.g. GET")
    event.add_argument("path", metavar="PATH", help="request path, may end in ?query")
    event.add_argument(
        "--header", action="append", default=[], metavar="K:V", help="a header (repeatable)"
    )
    event.add_argument(
        "--query", action="append", default=[], metavar="k=v", help="a query parameter (repeatable)"
    )
    event.add_argument("--body", help="request body text")
    event.add_argument("--stage", help="stage name (default: the source's)")
    _add_multi_value(event)
    package.add_parser(commands)
    openapi_command.add_parser(commands)
    return parser


def _add_source(parser: argparse.ArgumentParser, help_text: str) -> None:
    parser.add_argument("--source", choices=list(SOURCES), metavar=SOURCE_NAMES, help=help_text)


def _add_multi_value(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--multi-value",
        action="store_true",
        help="ALB only: a target group with lambda.multi_value_headers.enabled",
    )


def _add_app_dir(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--app-dir",
        default=".",
        metavar="DIR",
        help="folder put first on sys.path to import MODULE (default: the current folder)",
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run the `router` command; returns the exit status."""
    args = _parser().parse_args(argv)
    try:
        if args.command == "serve":
            return _serve(args)
        if args.command == "invoke":
            return _invoke(args)
        if args.command == "package":
            return package.run(args)
        if args.command == "openapi":
            return openapi_command.run(args)
        return _event(args)
    except TargetError as error:
        print(f"router: error: {error}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return _output_closed()


def _output_closed() -> int:
    """The reader of our output went away (`router event ... | head -1`): stop quietly."""
    import os

    # Python flushes stdout again at exit; pointing it at devnull keeps that flush silent.
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # stdout is not a file descriptor (a test's capture)
        pass
    finally:
        os.close(devnull)
    return 1


def _serve(args: argparse.Namespace) -> int:
    from router_local.server import serve
    from router_local.wire import BindError

    _check_stage(args.source, args.stage)

    def load() -> Target:
        target = load_target(args.target, args.source, args.app_dir, args.multi_value)
        _check_stage(target.source, args.stage)
        return target

    try:
        if args.reload:
            serve(load, args.host, args.port, args.stage, reload=True)
            return 0
        # Without the reloader, a target that cannot be loaded fails now, before binding.
        target = load()
        serve(lambda: target, args.host, args.port, args.stage)
    except BindError as error:
        print(f"router: error: {error}", file=sys.stderr)
        return 1
    return 0


def _check_stage(source: str | None, stage: str | None) -> None:
    if stage is not None and source in _STAGELESS:
        raise TargetError(
            f"--stage is an API Gateway setting: {SOURCES[source].service} events have no "
            "stage; drop --stage"
        )


def _invoke(args: argparse.Namespace) -> int:
    import contextlib
    import traceback

    from router_core.testing import LambdaContext
    from router_local.targets import import_attribute

    event = _read_event(args.event)
    # Standard output is the response alone: what the app prints while it is imported or
    # runs (debug mode prints each event) goes to standard error, as Lambda sends it to logs.
    with contextlib.redirect_stdout(sys.stderr):
        _module, handler = import_attribute(args.target, args.app_dir)
    if not callable(handler):
        raise TargetError(f"{args.target} is a {type(handler).__name__}, not a handler")
    context = LambdaContext(function_name=args.target.partition(":")[0])
    try:
        with contextlib.redirect_stdout(sys.stderr):
            result = handler(event, context)
    except Exception as error:
        traceback.print_exc(file=sys.stderr)
        # What `sam local invoke` prints for a function error.
        frames = traceback.extract_tb(error.__traceback__)
        _print_json(
            {
                "errorMessage": str(error),
                "errorType": type(error).__name__,
                "requestId": context.aws_request_id,
                "stackTrace": [line.rstrip("\n") for line in traceback.format_list(frames)],
            }
        )
        return 1
    _print_json(result)
    return 0


def _read_event(path: str) -> Any:
    try:
        if path == "-":
            text = sys.stdin.read()
        else:
            with open(path, encoding="utf-8") as file:
                text = file.read()
    except OSError as error:
        raise TargetError(f"cannot read the event file: {error}") from None
    try:
        return json.loads(text)
    except ValueError as error:
        where = "stdin" if path == "-" else path
        raise TargetError(f"the event in {where} is not valid JSON: {error}") from None


def _event(args: argparse.Namespace) -> int:
    from urllib.parse import parse_qsl, quote

    from router_core.codec import HTTPRequest

    _check_stage(args.source, args.stage)
    path, _, query_string = args.path.partition("?")
    if not path.startswith("/"):
        raise TargetError(f"PATH {args.path!r} must start with '/'")
    query = parse_qsl(query_string, keep_blank_values=True)
    query.extend(_pair(item, "=", "--query") for item in args.query)
    headers = [_pair(item, ":", "--header") for item in args.header]
    body = args.body.encode("utf-8") if args.body is not None else b""
    if body and not any(name.lower() == "content-length" for name, _ in headers):
        headers.append(("Content-Length", str(len(body))))
    request = HTTPRequest(args.method, quote(path, safe=_PATH_SAFE), headers, query, body)
    _print_json(codec_for(args.source, args.multi_value).to_event(request, args.stage))
    return 0


def _pair(item: str, separator: str, option: str) -> tuple[str, str]:
    key, found, value = item.partition(separator)
    if not found or not key.strip():
        example = "Accept:application/json" if separator == ":" else "limit=10"
        raise TargetError(f"{option} {item!r} is not in the form {example}")
    return key.strip(), value.strip() if separator == ":" else value


def _print_json(value: Any) -> None:
    try:
        text = json.dumps(value, indent=2, ensure_ascii=False)
    except (TypeError, ValueError) as error:
        raise TargetError(f"the handler's result is not JSON, as Lambda needs: {error}") from None
    print(text)
    # A reader that went away (`| head -1`) is noticed here, where main() handles it.
    sys.stdout.flush()


if __name__ == "__main__":  # pragma: no cover - `python -m router_local.cli`
    sys.exit(main())
