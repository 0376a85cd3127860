"""Reading a child process's output line by line with a deadline, without buffering surprises.

A buffered `readline()` after `select()` can pull several lines into Python's buffer; the next
`select()` then waits for bytes that already arrived. Reading the raw descriptor avoids that.
"""

from __future__ import annotations

import os
import re
import selectors
import time
from typing import IO


class LineReader:
    def __init__(self, stream: IO[str] | IO[bytes]) -> None:
        self.fd = stream.fileno()
        self.lines: list[str] = []
        self._partial = b""
        self._eof = False

    def wait_for(self, pattern: str, count: int = 1, seconds: float = 60.0) -> list[str]:
        """Lines matching `pattern` seen so far or arriving before the deadline (maybe fewer
        than `count`: the caller decides whether that is a failure)."""
        found = [line for line in self.lines if re.search(pattern, line)]
        deadline = time.monotonic() + seconds
        with selectors.DefaultSelector() as selector:
            selector.register(self.fd, selectors.EVENT_READ)
            while len(found) < count and not self._eof:
                left = deadline - time.monotonic()
                if left <= 0 or not selector.select(left):
                    break
                found += [line for line in self._read() if re.search(pattern, line)]
        return found

    @property
    def eof(self) -> bool:
        return self._eof

    def text(self) -> str:
        return "".join(self.lines)

    def _read(self) -> list[str]:
        chunk = os.read(self.fd, 65536)
        if not chunk:
            self._eof = True
            chunk, self._partial = self._partial, b""
            complete = [chunk] if chunk else []
        else:
            *complete, self._partial = (self._partial + chunk).split(b"\n")
            complete = [line + b"\n" for line in complete]
        new = [line.decode("utf-8", "replace") for line in complete]
        self.lines += new
        return new
