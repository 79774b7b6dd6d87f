"""Small readings of the dependency parse shared by the extractors and resolvers."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

# doc.user_data key: the offsets where the parser's text has a stop the article lacks
# (extract/prefilter.py `closed_stops`, set by run/process.py).
CLOSED_STOPS = "closed_stops"


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


def is_title_line(text: str) -> bool:
    """A sentence that is one line with no sentence end: a headline, a standfirst, a caption's
    tag or a list item (a page's display lines, read by their own grammar)."""
    text = text.strip()
    return bool(text) and text[-1] not in ".!?…\"'”’)" and "\n" not in text


def article_end(span: Span) -> int:
    """The span's end offset without a stop the parser's text added (CLOSED_STOPS): where the
    article's own sentence ends."""
    end = span.start_char + len(span.text.rstrip())
    return end - 1 if end - 1 in span.doc.user_data.get(CLOSED_STOPS, ()) else end


def is_title_span(span: Span) -> bool:
    """`is_title_line` of the article's own words of a parsed sentence."""
    return is_title_line(span.doc.text[span.start_char : article_end(span)])
