"""Settings as a deployment reads them, and a fresh install's environment, for the config
tests; the processes themselves are started by tests/processes.py."""

from __future__ import annotations

import os
import runpy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.processes import SETTINGS_FILE, fresh_install_env


@pytest.fixture
def saathi_env(tmp_path: Path) -> dict[str, str]:
    return fresh_install_env(tmp_path / "data")


@pytest.fixture
def load_settings(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Callable[..., dict[str, Any]]:
    """Evaluate settings.py afresh under the given SAATHI_* variables; return its names."""

    def load(**env: str) -> dict[str, Any]:
        for key in list(os.environ):
            if key.startswith("SAATHI_"):
                monkeypatch.delenv(key)
        monkeypatch.setenv("SAATHI_DATA_DIR", str(tmp_path / "data"))
        for key, value in env.items():
            monkeypatch.setenv(key, value)
        return runpy.run_path(str(SETTINGS_FILE))

    return load
