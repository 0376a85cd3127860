"""Intake first: while the listeners store mail fast, each worker steps back before its next group.

Niceness alone does not keep the listeners ahead on a small machine. On two cores, two workers
at nice 10 (or SCHED_IDLE) cut the listeners' rate by about a third while they draw: cache,
memory bandwidth and the disk are shared as well as the cores, and a nice CPU-only load costs the
listeners nothing measurable. So the service tells its workers when the listeners are storing
a burst (an MTA flushing its queue after an outage), and each worker then waits a moment
before it claims more, and claims less. Steady mail, even a busy team's, is far below the threshold, so the
workers never wait for it; a flood slows processing but never stops it.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable

# Mail stored within the window that makes the listeners busy: 200 messages a second.
BUSY_WINDOW_SECONDS = 0.25
BUSY_MESSAGES = 50
# How long a worker believes the last "busy" (the service repeats it with each commit while
# the burst lasts), and the longest it waits before each claim; still busy after the wait, it
# claims one message (a group of 8 took the cores for 50-100 ms beside the listeners), so in a
# flood a worker reads about one message a quarter second instead of all the time. Measured on
# two cores (20 LMTP connections, 5,000 messages): groups of 8 after the wait gave the listeners
# 0.82-0.92x the no-op's rate, one message 0.99-1.04x.
BUSY_HOLD_SECONDS = 0.25
STEP_BACK_SECONDS = 0.25


class IntakeRate:
    """The listeners' side: how much mail was stored in the last window (one thread calls it)."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._recent: deque[tuple[float, int]] = deque()
        self._count = 0

    def stored(self, count: int) -> bool:
        """Count a commit's new messages; True while the listeners are busy."""
        now = self._clock()
        self._recent.append((now, count))
        self._count += count
        while self._recent and now - self._recent[0][0] > BUSY_WINDOW_SECONDS:
            self._count -= self._recent.popleft()[1]
        return self._count >= BUSY_MESSAGES


def step_back(busy: Callable[[], bool], pause: Callable[[float], object],
              clock: Callable[[], float] = time.monotonic) -> float:
    """The worker's side: wait while the listeners are busy, STEP_BACK_SECONDS at most. `pause`
    (the stop flag's wait) returns early on any signal and truthy on a stop, which ends the wait.
    Returns the seconds waited."""
    started = clock()
    while busy() and (waited := clock() - started) < STEP_BACK_SECONDS:
        if pause(STEP_BACK_SECONDS - waited):
            break
    return clock() - started
