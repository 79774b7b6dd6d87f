"""The fixed tune/check split of every dev set: tune on one part, report the other.

A gold record that names its own part (`"split": "tune"` or `"check"`, as the desk gold does)
keeps it. Any other record goes to a part by a salted SHA-256 of its split key, so the split
never changes and never depends on the order of the file:

- ECB+ stories (`eval stories`): the `topic`, so that both incidents of a topic and every
  article about them fall on one side (a story never straddles the parts);
- every other set: the document (`doc_id`, or `article` for our examples gold).

Read misses only on the tune part; the check part is for reporting. A gap between the two is
overfitting and is reported as such.
"""

from __future__ import annotations

import hashlib
from typing import Literal

Part = Literal["tune", "check", "all"]
PARTS: tuple[str, ...] = ("tune", "check", "all")
SALT = "eventdesk-split:"
# The key that decides a record's part, per evaluator; the default is the document.
SPLIT_KEYS = {"stories": ("topic", "doc_id")}
DEFAULT_KEYS = ("doc_id", "article")


def part_of(record: dict, kind: str = "") -> str:
    """'tune' or 'check' for one gold record of the evaluator `kind`."""
    given = record.get("split")
    if given in ("tune", "check"):
        return str(given)
    key = next((str(record[k]) for k in SPLIT_KEYS.get(kind, DEFAULT_KEYS) if record.get(k) is not None), None)
    if key is None:
        key = repr(sorted(record.items()))[:200]
    digest = hashlib.sha256((SALT + key).encode("utf-8")).digest()
    return "tune" if digest[-1] % 2 == 0 else "check"


def in_part(record: dict, part: str, kind: str = "") -> bool:
    """Whether a gold record belongs to `part` ('all' takes every record)."""
    return part == "all" or part_of(record, kind) == part
