"""Concurrent first requests on a fresh app, while binary and compression load on demand."""

from __future__ import annotations

import threading
from typing import Any

from router_core import Response


def test_concurrent_first_requests_never_give_a_wrong_or_500_answer(source: Any) -> None:
    for _ in range(10):
        _first_requests_on_a_fresh_app(source)


def _first_requests_on_a_fresh_app(source: Any) -> None:
    app = source.app()

    @app.get("/bytes/<n>")
    def raw(n: str) -> Response:
        return Response(200, "application/octet-stream", n.encode() * 3)

    @app.get("/compressed/<n>")
    def compressed(n: str) -> Response:
        return Response(200, "application/json", {"n": n, "pad": "x" * 200}, compress=True)

    @app.get("/json/<n>")
    def plain(n: str) -> dict[str, str]:
        return {"n": n}

    client = source.client(app)
    barrier = threading.Barrier(8)
    answers: dict[int, Any] = {}

    def call(i: int) -> None:
        kind = ("bytes", "compressed", "json")[i % 3]
        barrier.wait(timeout=10)
        response = client.get(f"/{kind}/{i}", headers={"Accept-Encoding": "gzip"})
        answers[i] = (
            kind,
            response.status_code,
            response.body,
            response.header("Content-Encoding"),
        )

    threads = [threading.Thread(target=call, args=(i,)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    import gzip

    import orjson

    for i, (kind, status, body, encoding) in answers.items():
        assert status == 200, (kind, body)
        if kind == "bytes":
            assert body == str(i).encode() * 3
        elif kind == "compressed":
            assert encoding == "gzip"
            assert orjson.loads(gzip.decompress(body)) == {"n": str(i), "pad": "x" * 200}
        else:
            assert orjson.loads(body) == {"n": str(i)}
    assert len(answers) == 8
