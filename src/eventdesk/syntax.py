"""Small readings of the dependency parse shared by the extractors and resolvers."""

from __future__ import annotations

from spacy.tokens import Doc, Token


def clause_rank(doc: Doc, start: int | None, end: int | None, trigger: Token | None) -> int:
    """How closely the words at [start, end) hang on `trigger`'s clause.

    0 when their path up the parse meets the trigger before any other verb (the trigger's own
    clause), 1 when it meets a verb that governs the trigger, 2 otherwise (another clause, or
    the span or trigger is unknown): "arrested on Friday" is not the time of "had killed".
    """
    span = doc.char_span(start, end, alignment_mode="expand") if start is not None and end is not None else None
    if trigger is None or span is None:
        return 2
    tok = span.root
    while tok.head.i != tok.i:  # a root heads itself (a new Token object each time: not `is`)
        tok = tok.head
        if tok == trigger:
            return 0
        if tok.pos_ in ("VERB", "AUX"):
            return 1 if tok in trigger.ancestors else 2
    return 2
