"""docs/architecture.md lists the same layers as the import-linter contract CI checks."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def contract_layers() -> list[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]
    (layers,) = [c["layers"] for c in config["contracts"] if c["type"] == "layers"]
    return list(layers)


def documented_layers() -> list[str]:
    text = (ROOT / "docs" / "architecture.md").read_text()
    section = text.split("## Layers", 1)[1]
    block = re.search(r"```\n(.*?)```", section, re.DOTALL)
    assert block is not None, "docs/architecture.md has no code block under ## Layers"
    return block.group(1).strip().splitlines()


def test_the_architecture_page_shows_the_layers_the_contract_checks() -> None:
    assert documented_layers() == contract_layers()


def test_every_part_of_saathi_is_in_a_layer() -> None:
    parts = {
        path.stem if path.is_file() else path.name
        for path in (ROOT / "saathi").iterdir()
        if (path.is_dir() and (path / "__init__.py").exists())
        or (path.suffix == ".py" and path.stem != "__init__")
    }
    layered = {
        name.strip().removeprefix("saathi.")
        for layer in contract_layers()
        for name in re.split(r"[|:]", layer)
    }
    assert parts - {"static", "templates"} == layered
