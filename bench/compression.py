"""Compression cost: router-compression (gzip, brotli) beside aws-lambda-powertools' gzip.

For a 10 KB and a 1 MB JSON body, each contender answers a REST API event for a route with
`compress=True` and `Accept-Encoding` set; printed are the time per response (best of
`REPEATS`), the compressed size as a share of the JSON, and each time and size against
Powertools' gzip. Handlers return the same pre-serialized JSON, so the figures are routing,
compression and base64, not serialization. Uncompressed rows show what compression adds.

Run `python bench/compression.py` with router-core, router-rest, router-compression and
aws-lambda-powertools importable (`nox -s bench` runs it from bench/run.py).
"""

from __future__ import annotations

import base64
import gzip
import random
import timeit

import brotli
import orjson
from report import table, us

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable

    Handler = Callable[[dict[str, Any], Any], dict[str, Any]]

SIZES = {"10 KB": 10 * 1024, "1 MB": 1024 * 1024}
REPEATS = 3
BUDGET_S = 0.3  # wall time of one timed repeat
DECODERS: dict[str, Callable[[bytes], bytes]] = {
    "gzip": gzip.decompress,
    "br": brotli.decompress,
    "": lambda data: data,
}


def json_body(size: int, seed: int = 3) -> str:
    """A JSON array of varied rows, at least `size` bytes long."""
    rng = random.Random(seed)
    words = ["water", "plants", "call", "mom", "buy", "milk", "fix", "bike", "read", "book"]
    rows: list[dict[str, Any]] = []
    length = 2
    while length < size:
        row = {
            "id": len(rows),
            "title": " ".join(rng.choice(words) for _ in range(rng.randint(2, 6))),
            "done": rng.random() < 0.5,
            "priority": rng.randint(1, 5),
            "score": round(rng.uniform(0, 1000), 3),
            "owner": f"user-{rng.randint(1, 10_000):05d}",
        }
        rows.append(row)
        length += len(orjson.dumps(row)) + 1
    return orjson.dumps(rows).decode()


def rest_event(accept_encoding: str) -> dict[str, Any]:
    from router_core.codec import HTTPRequest
    from router_rest import RestCodec

    headers = [("Accept-Encoding", accept_encoding)] if accept_encoding else []
    return RestCodec().to_event(HTTPRequest("GET", "/data", headers))


def router_handler(body: str) -> Handler:
    from router_core import Response
    from router_rest import APIGatewayRestResolver

    app = APIGatewayRestResolver()

    @app.get("/data", compress=True)
    def data() -> Response:
        return Response(200, "application/json", body)

    return app.resolve


def powertools_handler(body: str) -> Handler:
    from aws_lambda_powertools.event_handler import APIGatewayRestResolver, Response

    app = APIGatewayRestResolver()

    @app.get("/data", compress=True)
    def data() -> Response[str]:
        return Response(status_code=200, content_type="application/json", body=body)

    return app.resolve


def delivered(result: dict[str, Any]) -> tuple[str, bytes]:
    """The Content-Encoding and the bytes a client gets from a REST API Lambda result."""
    headers = {k.lower(): v for k, v in (result.get("multiValueHeaders") or {}).items()}
    headers.update({k.lower(): [v] for k, v in (result.get("headers") or {}).items()})
    encoding = (headers.get("content-encoding") or [""])[-1]
    body = result["body"]
    data = base64.b64decode(body) if result.get("isBase64Encoded") else body.encode()
    return encoding, data


def measure(handler: Handler, event: dict[str, Any], repeats: int = REPEATS) -> float:
    """Seconds per call, best of `repeats`, each repeat running about BUDGET_S."""
    timer = timeit.Timer(lambda: handler(event, None))
    once = min(timer.repeat(repeat=2, number=1))
    number = max(1, int(BUDGET_S / max(once, 1e-7)))
    return min(timer.repeat(repeat=repeats, number=number)) / number


def main(repeats: int = REPEATS) -> None:
    contenders = [
        ("router, uncompressed", router_handler, ""),
        ("router gzip", router_handler, "gzip"),
        ("router brotli", router_handler, "br"),
        ("powertools, uncompressed", powertools_handler, ""),
        ("powertools gzip", powertools_handler, "gzip"),
    ]
    lines: list[list[str]] = []
    for label, size in SIZES.items():
        body = json_body(size)
        rows: list[tuple[str, float, float]] = []
        for name, build, encoding in contenders:
            handler = build(body)
            event = rest_event(encoding)
            got_encoding, data = delivered(handler(event, None))
            if got_encoding != encoding or DECODERS[encoding](data) != body.encode():
                raise RuntimeError(f"{name}: the response does not decode back to the body")
            rows.append((name, measure(handler, event, repeats), len(data) / len(body)))
        reference_time, reference_size = next((t, s) for n, t, s in rows if n == "powertools gzip")
        for name, seconds, share in rows:
            lines.append(
                [
                    label,
                    name,
                    us(seconds * 1e6),
                    f"{share:.1%}",
                    f"{seconds / reference_time:.2f}x",
                    f"{share / reference_size:.2f}x",
                ]
            )
    header = ["body", "contender", "µs/response", "size", "time vs pt gzip", "size vs pt gzip"]
    print(table(header, lines), flush=True)


if __name__ == "__main__":
    main()
