"""Benchmark: router against a hand-written handler and aws-lambda-powertools, side by side.

Run with `nox -s bench` (or `python bench/run.py` with the packages importable); add
`-- --quick` to nox (or `--quick` here) for a rough run in well under a minute while
developing, and `--only paths` (routes, paths, async, depends, cold, compression; repeatable)
for one section.
See bench/README.md for what each section measures. Ratio targets (DESIGN.md, "Speed") are
judged by the statistic of `timing.py`: met in at least 4 of 5 runs. They are reported, not
gated: the exit code is 0.
"""

from __future__ import annotations

import argparse
import importlib.util
import platform
import sys
from importlib import metadata

import async_routes
import coldstart
import injection
import paths
import routes
from apps import http_event
from report import table
from timing import NEEDED, RUNS, Contest, median

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Hashable
    from typing import NamedTuple
else:
    from typing import NamedTuple

COLD_TARGET_MS = 6.0
SECTIONS = ("routes", "paths", "async", "depends", "cold", "compression")


class Settings(NamedTuple):
    """How long to measure: rounds per run, CPU seconds per sample, cold-start processes per
    script in each run, compression repeats."""

    rounds: int
    budget: float
    cold_runs: int
    compression_repeats: int


FULL = Settings(rounds=20, budget=0.01, cold_runs=20, compression_repeats=3)
QUICK = Settings(rounds=3, budget=0.003, cold_runs=4, compression_repeats=1)


def per_request(sections: set[str], settings: Settings) -> list[bool | None]:
    """Time the per-request sections together, RUNS times; print their tables."""
    contest = Contest()
    rows = routes.add_timers(contest, settings.budget) if "routes" in sections else []
    notes = paths.add_timers(contest, settings.budget) if "paths" in sections else []
    loop = async_routes.add_timers(contest, settings.budget) if "async" in sections else None
    if "depends" in sections:
        injection.add_timers(contest, settings.budget)
    if not contest.timers:
        return []
    print(
        f"{RUNS} runs of {settings.rounds} rounds; in a round each of {len(contest.timers)} "
        f"contenders takes one sample of ~{settings.budget * 1000:g} ms CPU time, in turns",
        flush=True,
    )
    runs: list[dict[Hashable, float]] = []
    for n in range(RUNS):
        print(f"run {n + 1} ", end="", flush=True)
        runs.append(contest.run(settings.rounds, lambda: print(".", end="", flush=True)))
        print(flush=True)
    if loop is not None:
        loop.close()
    print(
        f"\nFigures: µs per request, the median over {RUNS} runs of each run's best sample; "
        f"ratios: median (spread over the runs); a target holds when met in {NEEDED} of "
        f"{RUNS} runs."
    )
    outcomes: list[bool | None] = []
    if rows:
        print("\n== Per request: plain routes ==")
        outcomes += routes.report(rows, runs)
    if "paths" in sections:
        print("\n== Per request: every path (API Gateway REST) ==")
        outcomes += paths.report(runs, notes)
    if loop is not None:
        print("\n== Per request: async routes (API Gateway REST) ==")
        outcomes += async_routes.report(runs)
    if "depends" in sections:
        print("\n== Per request: Request and dependencies (API Gateway REST) ==")
        outcomes += injection.report(runs)
    return outcomes


def cold_start(processes: int) -> list[bool | None]:
    """Print cold-start figures over RUNS runs; return whether each router script meets its
    target (in NEEDED of RUNS runs, as the per-request ratios)."""
    http_module, _ = routes.router_http()
    codes = coldstart.scripts(http_event("/d1/abc") if http_module is not None else None)
    print(
        f"{RUNS} runs of {processes} fresh `python -c` processes per script, interleaved, "
        "bytecode cached.\n'inside': measured by the script from its first import to its "
        "response, the best process of a run (the target's measure, as every target's is the "
        "best of many rounds); 'CPU': the same span in CPU time;\n'inside, median': the "
        "run's median process; 'process': the whole process's wall time (median) minus a bare "
        "interpreter's (adds compiling the script and the interpreter's teardown).\nFigures: "
        "the median over the runs (spread: lowest-highest).",
        flush=True,
    )
    runs = []
    for n in range(RUNS):
        print(f"run {n + 1}", flush=True)
        runs.append(coldstart.measure(codes, processes))
    labels = list(codes)
    bare, reference = labels[0], labels[1]

    def spread(values: list[float], signed: bool = True) -> str:
        form = "+.1f" if signed else ".1f"
        low, high = min(values), max(values)
        return f"{median(values):{form}} ({low:{form}} to {high:{form}})"

    reference_cells = [spread([r[reference][i] for r in runs], False) for i in (1, 2, 3)]
    lines = [[f"`{reference}`", *reference_cells, "0", "0", "0", "0", ""]]
    outcomes: list[bool | None] = []
    for label in labels[2:]:
        over = [r[label][1] - r[reference][1] for r in runs]
        over_wall = [r[label][0] - r[reference][0] for r in runs]
        over_cpu = [r[label][2] - r[reference][2] for r in runs]
        over_median = [r[label][3] - r[reference][3] for r in runs]
        verdict = ""
        if label.startswith("router"):
            met = sum(o <= COLD_TARGET_MS for o in over)
            outcomes.append(met >= NEEDED)
            word = "PASS" if met >= NEEDED else "FAIL"
            verdict = f"{word} {met}/{RUNS} (≤ {COLD_TARGET_MS:g} ms)"
        name, _, rest = label.partition(":")
        inside = [spread([r[label][i] for r in runs], False) for i in (1, 2, 3)]
        overs = [spread(over), spread(over_cpu), spread(over_median), spread(over_wall)]
        lines.append([f"`{name}`:{rest}", *inside, *overs, verdict])
    bare_wall = median([r[bare][0] for r in runs])
    print(f"\nA bare interpreter takes {bare_wall:.1f} ms per process.\n")
    header = ["script", "inside", "inside, CPU", "inside, median", "over orjson, inside"]
    header += ["over orjson, CPU", "over orjson, inside median", "over orjson, process", "target"]
    print(table(header, lines))
    return outcomes


def compression(repeats: int) -> None:
    if importlib.util.find_spec("router_compression") is None:
        print("skipped: router-compression is not installed")
        return
    import compression

    compression.main(repeats)


def _version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        module = distribution.replace("-", "_")
        return "source tree" if importlib.util.find_spec(module) else "absent"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="few short rounds: rough figures")
    parser.add_argument(
        "--only", action="append", choices=SECTIONS, help="run this section (repeatable)"
    )
    args = parser.parse_args(argv)
    settings = QUICK if args.quick else FULL
    sections = set(args.only or SECTIONS)

    print(f"Python {platform.python_version()} ({platform.python_implementation()})")
    print(f"Machine {platform.platform()} {platform.machine()} {platform.processor()}".rstrip())
    distributions = ("router-core", "router-rest", "router-http", "aws-lambda-powertools")
    print("Packages " + ", ".join(f"{d} {_version(d)}" for d in (*distributions, "orjson")))
    if args.quick:
        print("Quick run: rough figures, not for the docs.")
    print()
    outcomes = per_request(sections, settings)
    if "cold" in sections:
        print("\n== Cold start: interpreter start to first response (ms) ==\n")
        outcomes += cold_start(settings.cold_runs)
    if "compression" in sections:
        print("\n== Compression ==\n", flush=True)
        compression(settings.compression_repeats)
    judged = [o for o in outcomes if o is not None]
    print(f"\n{sum(judged)} of {len(judged)} targets met (reported, not gated).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
