from __future__ import annotations


def test_event_gives_the_expected_response(example, capsys):
    assert example.app.lambda_handler(example.event, None) == example.expected
    # Debug mode prints each event it resolves.
    assert '"path": "/todos"' in capsys.readouterr().out


def test_an_unhandled_exception_answers_its_traceback(example):
    response = example.app.app.test_client().get("/todos/7")

    assert response.status_code == 500
    assert response.header("Content-Type") == "text/plain"
    assert response.text.startswith("Traceback (most recent call last):")
    assert response.text.rstrip().endswith("RuntimeError: the store lost todo 7")
