"""One options object, layered: package defaults, a user file, then environment variables.

Like trafilatura's `use_config` and Starlette's `Config`: the user file overrides only the keys
it sets, `EVENTDESK_<KEY>` variables are cast to the default's type, and an error names the key.
The result is frozen.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields, replace
from importlib import resources
from pathlib import Path
from typing import Any

from eventdesk.errors import ConfigError

USER_FILE = "eventdesk.toml"


@dataclass(frozen=True)
class Config:
    """eventdesk's settings (see data/defaults.toml for what each key means)."""

    db: str
    model: str
    batch_size: int
    workers: int
    fast_path: bool
    second_opinion: bool
    judge: bool
    copy_vectors: bool
    web_max_body_bytes: int
    web_allowed_hosts: tuple[str, ...]
    web_workers: int
    web_cache_mb: int
    isolate: bool
    max_article_chars: int
    max_sentence_chars: int
    article_timeout: int
    worker_memory_mb: int
    max_decompressed_mb: int
    max_compression_ratio: int
    max_records_per_file: int
    lock_wait: int


def _defaults() -> dict[str, Any]:
    text = resources.files("eventdesk").joinpath("data/defaults.toml").read_text("utf-8")
    return tomllib.loads(text)


def _cast(key: str, raw: str, like: Any) -> Any:
    if isinstance(like, list):  # EVENTDESK_WEB_ALLOWED_HOSTS=a.example,b.example
        return [part.strip() for part in raw.split(",") if part.strip()]
    if isinstance(like, bool):
        return raw.lower() in {"1", "true", "yes", "on"}
    if isinstance(like, int):
        try:
            return int(raw)
        except ValueError:
            raise ConfigError(
                f"Config 'EVENTDESK_{key.upper()}' is {raw!r}, not an integer; set it to a whole number."
            ) from None
    return raw


def load_config(user_file: Path | None = None, environ: dict[str, str] | None = None) -> Config:
    """Build the frozen Config from defaults, the user file and the environment."""
    values = _defaults()
    env = os.environ if environ is None else environ
    path = user_file or Path(env.get("EVENTDESK_CONFIG", USER_FILE))
    if path.is_file():
        try:
            user = tomllib.loads(path.read_text("utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path}: not valid TOML ({exc}); fix or remove the file.") from None
        unknown = set(user) - set(values)
        if unknown:
            raise ConfigError(f"{path}: unknown key(s) {sorted(unknown)}; known: {sorted(values)}.")
        values.update(user)
    for key, like in list(values.items()):
        raw = env.get(f"EVENTDESK_{key.upper()}")
        if raw is not None:
            values[key] = _cast(key, raw, like)
    return Config(**{f.name: _frozen(values[f.name]) for f in fields(Config)})


def _frozen(value: Any) -> Any:
    """Lists (from TOML or a comma-separated variable) as tuples, so the Config stays hashable."""
    return tuple(value) if isinstance(value, list) else value


def with_overrides(config: Config, **overrides: Any) -> Config:
    """A copy with the given non-None overrides (command-line options)."""
    return replace(config, **{k: v for k, v in overrides.items() if v is not None})
