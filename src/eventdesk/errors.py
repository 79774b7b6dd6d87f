"""Domain exceptions: tiny classes, messages that say what happened, why, and the fix.

Mapped to exit codes in cli.py and to HTTP statuses in web/ only.
"""


class EventdeskError(Exception):
    """Base of every error eventdesk raises on purpose."""


class ReadError(EventdeskError):
    """An input could not be read as an article (the message names the problem)."""


class ConfigError(EventdeskError):
    """A configuration key is missing or has a value of the wrong type."""


class StoreError(EventdeskError):
    """The database could not be opened or is at an unknown schema version."""


class StoreMissingError(StoreError):
    """A command that only reads was pointed at a database that does not exist (or is empty)."""


class StoreBusyError(StoreError):
    """Another `eventdesk run` holds the database (the message says how to wait for it)."""


class WorkerError(EventdeskError):
    """The worker processes cannot run (one cannot start, or its memory ceiling is too low)."""


class BadParameterError(EventdeskError):
    """A filter value that can match nothing (unknown type, status, country ...); the message
    names the parameter and what to send instead. A 422 in the API, exit 1 in the CLI."""


class NotFoundError(EventdeskError):
    """A record asked for by id does not exist."""


class MergedError(NotFoundError):
    """An event asked for by id was merged into another by a review (`into`, its id)."""

    def __init__(self, message: str, into: str) -> None:
        super().__init__(message)
        self.into = into


class GoldFormatError(EventdeskError):
    """A gold file for `eventdesk eval` does not have the expected schema."""
