"""Reading gold files: JSON Lines with one record a line, checked for the keys an evaluator needs."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from pathlib import Path

from eventdesk.errors import GoldFormatError
from eventdesk.evaluate.split import in_part


def read_jsonl(
    path: Path, *, required: Sequence[str] = (), schema: str = "gold", part: str = "all", kind: str = ""
) -> Iterator[tuple[int, dict]]:
    """(line number, record) for each non-empty line of a JSONL gold file in `part`.

    `part` is 'tune', 'check' or 'all'; `kind` names the evaluator, whose split key decides the
    part of a record that does not name its own (evaluate/split.py).

    Raises:
        GoldFormatError: a line is not a JSON object or lacks one of `required`; the message
            names the file, the line and the schema expected.
    """
    try:
        fh = path.open(encoding="utf-8")
    except OSError as exc:
        raise GoldFormatError(f"{path}: cannot be read ({exc.strerror})") from None
    with fh:
        for no, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise GoldFormatError(f"{path}:{no}: not JSON ({exc.msg}); one {schema} record per line is expected") from None
            missing = [k for k in required if not isinstance(record, dict) or k not in record]
            if missing:
                raise GoldFormatError(f"{path}:{no}: lacks {', '.join(missing)}; not a {schema} record")
            if in_part(record, part, kind):
                yield no, record
