"""The benchmark's statistic: contenders timed in turns, the whole comparison run 5 times.

A *sample* is one timed batch of calls of a contender, about `budget` seconds of this
process's CPU time (CPU time, so that a busy neighbour on a shared machine slows the
contenders alike instead of whichever happened to run while it was busy). A *round* takes one
sample of every contender in turn; a *run* is many rounds, and a contender's figure in a run is
its best sample of that run. A ratio target holds when it is met in at least `NEEDED` of `RUNS`
runs (DESIGN.md, "Speed"); the spread of the ratio across runs is reported with it.
"""

from __future__ import annotations

import gc
import time
import timeit

TYPE_CHECKING = False
if TYPE_CHECKING:
    import asyncio
    from collections.abc import Awaitable, Hashable, Sequence
    from typing import Any, Callable, Union

    Sampler = Union["Timer", "AsyncTimer"]

RUNS = 5
NEEDED = 4


class Timer:
    """Calls `func(*args)` in batches sized to about `budget` seconds of CPU time."""

    def __init__(self, func: Callable[..., Any], *args: Any, budget: float) -> None:
        names = [f"a{i}" for i in range(len(args))]
        # A statement calling `func` directly: no lambda between the timer and the contender.
        self._timer = timeit.Timer(
            f"func({', '.join(names)})",
            time.process_time,
            globals={"func": func, **dict(zip(names, args))},
        )
        number = 1
        elapsed = self._timer.timeit(number)
        while elapsed < budget / 2:
            number *= 10
            elapsed = self._timer.timeit(number)
        self.number = max(1, round(number * budget / elapsed))

    def sample(self) -> float:
        """µs per call over one batch."""
        return self._timer.timeit(self.number) / self.number * 1e6


class AsyncTimer:
    """Awaits `func(event, context)` in batches inside ONE event loop, sized like `Timer`'s.

    A batch is one coroutine awaiting the call `number` times, driven by
    `loop.run_until_complete`; only its awaiting loop is timed (CPU time, the collector off
    as `timeit` does for `Timer`), so that an awaitable is timed as fairly as a call: starting
    the loop is not charged to the contender, and every contender gets the same loop.
    """

    def __init__(
        self,
        func: Callable[[Any, Any], Awaitable[Any]],
        event: Any,
        context: Any,
        *,
        loop: asyncio.AbstractEventLoop,
        budget: float,
    ) -> None:
        async def batch(number: int) -> float:
            clock = time.process_time
            start = clock()
            for _ in range(number):
                await func(event, context)
            return clock() - start

        self._batch, self._loop = batch, loop
        number = 1
        elapsed = self._time(number)
        while elapsed < budget / 2:
            number *= 10
            elapsed = self._time(number)
        self.number = max(1, round(number * budget / elapsed))

    def _time(self, number: int) -> float:
        enabled = gc.isenabled()
        gc.disable()
        try:
            return self._loop.run_until_complete(self._batch(number))
        finally:
            if enabled:
                gc.enable()

    def sample(self) -> float:
        """µs per awaited call over one batch."""
        return self._time(self.number) / self.number * 1e6


class Contest:
    """Timers that take turns; `run()` returns each one's best µs per call over the rounds."""

    def __init__(self) -> None:
        self.timers: dict[Hashable, Sampler] = {}

    def add(self, key: Hashable, timer: Sampler) -> None:
        if key in self.timers:
            raise ValueError(f"two timers for {key!r}")
        self.timers[key] = timer

    def run(self, rounds: int, tick: Callable[[], None] | None = None) -> dict[Hashable, float]:
        best = dict.fromkeys(self.timers, float("inf"))
        turns = list(self.timers.items())
        for n in range(rounds):
            # Every other round goes backwards, so that no contender always follows another.
            for key, timer in turns if n % 2 == 0 else reversed(turns):
                best[key] = min(best[key], timer.sample())
            if tick is not None:
                tick()
        return best


class Ratio:
    """`numerator / denominator` in each run, against an optional limit.

    `at_most=True` means the ratio must not exceed `limit` (router against a reference);
    `at_most=False` means it must reach it (Powertools against router).
    """

    def __init__(
        self,
        runs: Sequence[dict[Hashable, float]],
        numerator: Hashable,
        denominator: Hashable,
        limit: float | None = None,
        at_most: bool = True,
    ) -> None:
        self.values = [run[numerator] / run[denominator] for run in runs]
        self.limit, self.at_most = limit, at_most

    @property
    def met(self) -> int:
        """In how many runs the target was met (0 when there is none)."""
        if self.limit is None:
            return 0
        limit = self.limit
        return sum((v <= limit) if self.at_most else (v >= limit) for v in self.values)

    @property
    def passed(self) -> bool | None:
        """Whether the target holds (met in at least NEEDED runs); None without a target."""
        if self.limit is None:
            return None
        return self.met >= min(NEEDED, len(self.values))

    def figure(self) -> str:
        """The median ratio and its spread across runs: `1.23x (1.20-1.31x)`."""
        low, high = min(self.values), max(self.values)
        return f"{_x(median(self.values))} ({_x(low, '')}-{_x(high)})"

    def verdict(self) -> str:
        """`PASS 5/5 (≥ 3x)`, or `reported` when there is no target."""
        if self.limit is None:
            return "reported"
        sign = "≤" if self.at_most else "≥"
        word = "PASS" if self.passed else "FAIL"
        return f"{word} {self.met}/{len(self.values)} ({sign} {self.limit:g}x)"


def _x(value: float, suffix: str = "x") -> str:
    digits = 2 if value < 10 else 1 if value < 100 else 0
    return f"{value:.{digits}f}{suffix}"


def median(values: Sequence[float]) -> float:
    """The middle value (the upper one of an even count: the runs are 5)."""
    ordered = sorted(values)
    return ordered[len(ordered) // 2]
