"""The track engine never imports Django: it runs in `saathi inspect`, in scripts and in
tests with no settings, database or data dir."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import saathi.tracks

PACKAGE = Path(saathi.tracks.__file__).resolve().parent
ROOT = PACKAGE.parent.parent

# Runs in a fresh interpreter: pytest-django has already imported Django into this one.
PROBE = """
import importlib, json, pkgutil, sys
import saathi.tracks
names = [m.name for m in pkgutil.walk_packages(saathi.tracks.__path__, "saathi.tracks.")]
for name in names:
    importlib.import_module(name)
print(json.dumps({"modules": names, "django": sorted(m for m in sys.modules if m == "django"
                  or m.startswith("django."))}))
"""


def test_importing_every_engine_module_loads_no_django() -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert "saathi.tracks.track" in report["modules"]
    assert report["django"] == []


def test_no_engine_source_file_mentions_a_django_import() -> None:
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            else:
                continue
            offenders += [f"{path.name}: {n}" for n in names if n.split(".")[0] == "django"]
    assert offenders == []
