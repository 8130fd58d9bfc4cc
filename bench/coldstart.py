"""Cold start: a fresh interpreter's time to its first response.

Each script runs in its own `python -c` process, as Lambda's runtime would start it (with
`site`, so no `-I` or `-S`); the runs are interleaved so that noise spreads evenly. The
figure the target speaks of is the time the script itself measures from before its first
import to its response (importing and answering, against importing orjson alone), in the
best process of a run: like every target's, the best of many interleaved rounds, as noise
only ever adds time. The median process and the whole process's wall time minus a bare
interpreter's (which adds compiling the script and tearing the interpreter down) are
reported beside it.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time

from apps import rest_event

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


def timed(lines: list[str]) -> str:
    """`lines` as a script that prints how long they took from the inside, in ms: wall time,
    then this process's CPU time (which a busy neighbour on a shared machine does not inflate).
    """
    return "\n".join(
        [
            "import time as _t",
            "_start, _cpu = _t.perf_counter(), _t.process_time()",
            *lines,
            "print((_t.perf_counter() - _start) * 1000, (_t.process_time() - _cpu) * 1000)",
        ]
    )


def app_script(import_line: str, resolver: str, event: dict[str, Any]) -> str:
    """Import a resolver, build a 2-route app, resolve `event` (route 1)."""
    return timed(
        [
            import_line,
            f"app = {resolver}()",
            '@app.get("/r0")',
            "def r0():",
            '    return {"route": 0}',
            '@app.get("/d1/<id>")',
            "def d1(id):",
            '    return {"route": 1}',
            f"response = app.resolve({event!r}, None)",
            # A failed resolve must not pass for a fast one: the parent checks the exit code.
            'if response["statusCode"] != 200 or response["body"].replace(" ", "") != '
            "'{\"route\":1}':",
            "    raise SystemExit(repr(response))",
        ]
    )


def scripts(http_event: dict[str, Any] | None) -> dict[str, str]:
    """The measured scripts by label; `python -c pass` first, as the reference."""
    rest = rest_event("/d1/abc")
    found = {
        "bare interpreter (python -c pass)": timed(["pass"]),
        "import orjson": timed(["import orjson"]),
        "router_rest: import, 2 routes, 1 event": app_script(
            "from router_rest import APIGatewayRestResolver", "APIGatewayRestResolver", rest
        ),
        "powertools REST: import, 2 routes, 1 event": app_script(
            "from aws_lambda_powertools.event_handler import APIGatewayRestResolver",
            "APIGatewayRestResolver",
            rest,
        ),
    }
    if http_event is not None:
        found["router_http: import, 2 routes, 1 event"] = app_script(
            "from router_http import APIGatewayHttpResolver", "APIGatewayHttpResolver", http_event
        )
    return found


def _run(code: str, env: dict[str, str]) -> tuple[float, float, float]:
    """(wall time of the process, wall and CPU time the script measured itself), in ms."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"cold-start script failed:\n{code}\n{done.stderr}")
    inside, cpu = done.stdout.strip().splitlines()[-1].split()
    return elapsed * 1000, float(inside), float(cpu)


def measure(codes: dict[str, str], runs: int) -> dict[str, tuple[float, float, float, float]]:
    """Times in ms of each script over `runs` interleaved processes: the process's wall time
    (median), the script's own wall and CPU time (best: the statistic DESIGN.md gives every
    target, the least disturbed process), and the script's own wall time (median).

    Every contender reads compiled bytecode, as from a pip-installed package: the caches go
    to a temporary folder (even from a source tree, or with PYTHONDONTWRITEBYTECODE set).
    """
    with tempfile.TemporaryDirectory(prefix="router-bench-") as cache:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = cache
        for code in codes.values():
            _run(code, env)  # writes the bytecode caches and warms the file cache
        times: dict[str, list[tuple[float, float, float]]] = {label: [] for label in codes}
        labels = list(codes)
        for n in range(runs):
            # The order turns each round, so that no script always follows the same one (a
            # process after a heavy one finds colder caches).
            shift = n % len(labels)
            for label in labels[shift:] + labels[:shift]:
                times[label].append(_run(codes[label], env))
    return {
        label: (
            statistics.median(t[0] for t in found),
            min(t[1] for t in found),
            min(t[2] for t in found),
            statistics.median(t[1] for t in found),
        )
        for label, found in times.items()
    }
