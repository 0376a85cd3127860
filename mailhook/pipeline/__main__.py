"""Print one extraction record per message file as a JSON line: python -m mailhook.pipeline FILE..."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from mailhook.errors import MalformedMessage
from mailhook.pipeline.extract import extract
from mailhook.pipeline.reading import read_message
from mailhook.pipeline.record import extraction_record


def main(paths: list[str]) -> int:
    """Extract from each file; a file that is not mail is reported on stderr and skipped."""
    status = 0
    for path in paths:
        try:
            reading = read_message(Path(path).read_bytes())
        except (OSError, MalformedMessage) as error:
            print(f"{path}: {error}", file=sys.stderr)
            status = 1
            continue
        record = extraction_record(path, reading, extract(reading.own))
        print(json.dumps(record, ensure_ascii=False))
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
