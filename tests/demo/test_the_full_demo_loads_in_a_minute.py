"""The whole demo, as `saathi demo --reset` loads it on a fresh install, in its own process."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from tests.processes import fresh_install_env, run_saathi

pytestmark = pytest.mark.processes

# Someone trying Saathi should not wait more than a minute for `make demo` to load it (the
# README's measure is 14-15 s); on a busy 2-core machine it is reported, not failed.
GOAL_S = 60


def test_the_full_demo_loads_once_and_prints_the_logins(tmp_path: Path) -> None:
    env = fresh_install_env(tmp_path / "data")
    run_saathi(env, "manage", "migrate", "--no-input", "-v", "0")

    began = time.monotonic()
    output = run_saathi(env, "demo", "--reset", timeout=600)
    took = time.monotonic() - began
    print(f"saathi demo --reset: {took:.1f} s (goal {GOAL_S} s)")

    loaded = re.search(r"Loaded (\d+) files and (\d+) entries", output)
    assert loaded, output
    files, entries = map(int, loaded.groups())
    assert files > 200 and entries > 400  # a year: some 3 outings a week each, most mornings
    assert output.count("password:") == 2
    data = tmp_path / "data"
    originals = list(data.rglob("*.fit")) + list(data.rglob("*.gpx.gz"))
    assert len(originals) == files

    again = run_saathi(env, "demo")
    assert "already loaded" in again and again.count("password:") == 2
