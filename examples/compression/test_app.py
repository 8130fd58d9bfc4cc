from __future__ import annotations

import base64
import gzip
import json


def test_event_gives_the_expected_response(example):
    actual = example.app.lambda_handler(example.event, None)

    # The compressed bytes depend on the zlib build, so the body is compared decompressed.
    def decompressed(result: dict) -> dict:
        return {**result, "body": gzip.decompress(base64.b64decode(result["body"]))}

    assert decompressed(actual) == decompressed(example.expected)
    assert actual["multiValueHeaders"]["Content-Encoding"] == ["gzip"]
    assert json.loads(decompressed(actual)["body"]) == {"todos": example.app.TODOS}


def test_brotli_when_the_client_prefers_it(example):
    import brotli

    client = example.app.app.test_client()

    response = client.get("/todos", headers={"Accept-Encoding": "gzip;q=0.5, br"})

    assert response.header("Content-Encoding") == "br"
    assert json.loads(brotli.decompress(response.body)) == {"todos": example.app.TODOS}


def test_a_client_that_accepts_neither_gets_plain_json(example):
    client = example.app.app.test_client()

    response = client.get("/todos")

    assert response.header("Content-Encoding") is None
    assert response.raw["isBase64Encoded"] is False
    assert response.json() == {"todos": example.app.TODOS}
