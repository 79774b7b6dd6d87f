from __future__ import annotations

from pathlib import Path

import pytest

from eventdesk.config import load_config, with_overrides
from eventdesk.errors import ConfigError


def test_defaults_then_user_file_then_environment(tmp_path: Path) -> None:
    user = tmp_path / "eventdesk.toml"
    user.write_text('db = "sqlite:///from-file.db"\n')
    assert load_config(tmp_path / "absent.toml", environ={}).db == "sqlite:///eventdesk.db"
    cfg = load_config(user, environ={})
    assert cfg.db == "sqlite:///from-file.db" and cfg.batch_size == 32
    cfg = load_config(user, environ={"EVENTDESK_DB": "sqlite:///env.db", "EVENTDESK_BATCH_SIZE": "8"})
    assert (cfg.db, cfg.batch_size) == ("sqlite:///env.db", 8)
    assert with_overrides(cfg, db=None, batch_size=4).batch_size == 4


def test_bad_values_name_the_key(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="EVENTDESK_BATCH_SIZE"):
        load_config(tmp_path / "none.toml", environ={"EVENTDESK_BATCH_SIZE": "many"})
    bad = tmp_path / "eventdesk.toml"
    bad.write_text("colour = 'red'\n")
    with pytest.raises(ConfigError, match="colour"):
        load_config(bad, environ={})
