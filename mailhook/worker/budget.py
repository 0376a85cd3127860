"""The time budget of one message: CPU seconds its processing may spend before it is stopped.

How it is enforced, and why so. A watchdog thread reads the CPU clock of the processing thread
and, once the budget is spent, raises MessageTooSlow in that thread
(PyThreadState_SetAsyncExc, the C API behind asynchronous exceptions, delivered between two
bytecodes as a signal handler's exception would be). Not `signal.setitimer`: signals reach only
the main thread, and the worker runs on other threads too (tests, embedding), next to the
service's own SIGTERM handling. Not a cooperative deadline checked in the pipeline's loops:
most of the time goes to library code (the email parser, regular expressions, langdetect,
flair) that cannot be made to check it. CPU time of that thread, not wall time: waiting for a
DKIM key lookup, for a database lock to be released (the worker waits those out) or for a core
that other work holds costs a message nothing, so only the work a message causes can park it.

A single C call (one regular expression over a long text) is not interrupted; the pipeline's
bounds (mailhook.pipeline.mime and the steps after it) keep each such call short.
"""

from __future__ import annotations

import ctypes
import threading
import time
from collections.abc import Callable
from types import TracebackType

# How often the watchdog reads the clock, at most: a message overruns its budget by no more.
POLL_SECONDS = 0.05


class MessageTooSlow(BaseException):  # noqa: N818 - named for what the worker records
    """The message's processing spent its time budget. A BaseException, like KeyboardInterrupt,
    so that no `except Exception` in the code it interrupts can swallow it and carry on."""


class Budget:
    """`with Budget(seconds):` raises MessageTooSlow in the calling thread once the block has
    used `seconds` of that thread's CPU time (wall time where the platform has no thread
    clocks). Single use: one block, one message. Its watchdog thread is `watchdog`'s, long-lived
    (a worker keeps one: starting a thread per message cost it 1 to 4 ms of waiting), or one of
    its own."""

    def __init__(self, seconds: float, watchdog: Watchdog | None = None, *,
                 of: float | None = None) -> None:
        self.seconds = seconds
        self.of = seconds if of is None else of  # the whole budget, when this block has its rest
        self.expired = False  # set once the watchdog has fired
        self.used = 0.0  # CPU seconds the block took, known once it has ended
        self._lock = threading.Lock()  # orders the watchdog's firing against the block's exit
        self._armed = False
        self._target = 0
        self._measure: Callable[[], float] = lambda: 0.0
        self._own = watchdog is None
        self._watchdog = watchdog or Watchdog()

    def __enter__(self) -> Budget:
        self._target = threading.get_ident()
        clock = _thread_clock(self._target)
        start = clock()
        self._measure = lambda: clock() - start
        self._armed = True
        self._watchdog.guard(self)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        with self._lock:
            self._armed = False
            if self.expired:
                _raise_in(self._target, None)  # fired but not yet delivered: delivered as below
        self.used = self._measure()
        self._watchdog.release(self)
        if self._own:
            self._watchdog.close()
        if self.expired:
            # Also when the block caught the watchdog's exception, or ended before it arrived.
            raise MessageTooSlow(f"processing exceeded {self.of:g} s budget") from None

    @property
    def spent(self) -> bool:
        return self._measure() >= self.seconds

    def fire(self) -> None:
        """Raise MessageTooSlow in the block's thread, unless the block has ended."""
        with self._lock:
            if self._armed:
                self.expired = True
                _raise_in(self._target, MessageTooSlow)


class Watchdog:
    """The thread that watches one Budget at a time, started on first use and kept until
    `close`: it reads the block's CPU clock at most every POLL_SECONDS and fires once."""

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self._budget: Budget | None = None
        self._thread: threading.Thread | None = None
        self._closing = False

    def guard(self, budget: Budget) -> None:
        with self._changed:
            if self._budget is not None:
                raise RuntimeError("a watchdog guards one block at a time")
            self._budget, self._closing = budget, False
            if self._thread is None:
                self._thread = threading.Thread(target=self._watch, name="message-budget", daemon=True)
                self._thread.start()
            self._changed.notify()

    def release(self, budget: Budget) -> None:
        with self._changed:
            if self._budget is budget:
                self._budget = None
                self._changed.notify()

    def close(self) -> None:
        """Stop the thread (a later block starts a new one)."""
        with self._changed:
            thread, self._thread, self._closing = self._thread, None, True
            self._changed.notify()
        if thread is not None and thread is not threading.current_thread():
            thread.join()

    def _watch(self) -> None:
        while True:
            with self._changed:
                while self._budget is None and not self._closing:
                    self._changed.wait()
                if self._closing:
                    return
                budget = self._budget
                assert budget is not None
                if not budget.spent:
                    self._changed.wait(min(POLL_SECONDS, budget.seconds / 10))
                    continue
                self._budget = None  # one shot: nothing is raised in that thread a second time
            budget.fire()  # outside the condition: fire takes the budget's lock, as its exit does


def _thread_clock(thread_id: int) -> Callable[[], float]:
    """The CPU clock of the thread, readable from any thread; the monotonic clock without one."""
    try:
        clock_id = time.pthread_getcpuclockid(thread_id)
    except (AttributeError, OSError):  # not on every platform (e.g. macOS)
        return time.monotonic
    return lambda: time.clock_gettime(clock_id)


def _raise_in(thread_id: int, exc: type[BaseException] | None) -> None:
    """Make `exc` the thread's pending asynchronous exception; None clears a pending one."""
    ctypes.pythonapi.PyThreadState_SetAsyncExc(
        ctypes.c_ulong(thread_id), ctypes.py_object(exc) if exc is not None else None
    )
