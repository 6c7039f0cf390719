"""The committed lock pins every package pyproject.toml asks for, in a version it allows.

`make` installs the lock alone (pip's `--no-deps`), so a dependency added to pyproject.toml
without `make lock` would be missing on a fresh machine: `pip check` sees the runtime ones,
these tests the dev ones too, and that the two locks agree.
"""

from __future__ import annotations

import tomllib

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from tests.paths import REPO_ROOT


def pins(lock: str) -> dict[str, str]:
    """Each package's version for this Python and platform (a universal lock may fork)."""
    found = {}
    for line in (REPO_ROOT / "requirements" / lock).read_text().splitlines():
        if line[:1].isalnum():
            pin = Requirement(line.removesuffix("\\").strip())
            if pin.marker is None or pin.marker.evaluate():
                (only,) = pin.specifier
                found[canonicalize_name(pin.name)] = only.version
    return found


def declared(*, dev: bool) -> list[Requirement]:
    project = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text())["project"]
    names = project["dependencies"] + (project["optional-dependencies"]["dev"] if dev else [])
    return [Requirement(name) for name in names]


def unpinned(requirements: list[Requirement], locked: dict[str, str]) -> list[str]:
    return [
        f"{requirement} (locked: {locked.get(canonicalize_name(requirement.name), 'none')})"
        for requirement in requirements
        if (requirement.marker is None or requirement.marker.evaluate())
        and not requirement.specifier.contains(
            locked.get(canonicalize_name(requirement.name), "0.dev0"), prereleases=True
        )
    ]


@pytest.mark.parametrize(("lock", "dev"), [("lock.txt", False), ("dev-lock.txt", True)])
def test_the_lock_pins_every_declared_dependency_in_its_range(lock: str, dev: bool) -> None:
    locked = pins(lock)
    assert locked, f"no pins read from requirements/{lock}"
    assert unpinned(declared(dev=dev), locked) == [], "run `make lock`"


def test_the_dev_lock_has_the_runtime_lock_s_versions() -> None:
    runtime, dev = pins("lock.txt"), pins("dev-lock.txt")
    assert {name: dev.get(name) for name in runtime} == runtime


def test_a_dependency_missing_from_the_lock_is_reported() -> None:
    assert unpinned([Requirement("nothing-locked-by-this-name>=2.1")], pins("dev-lock.txt")) == [
        "nothing-locked-by-this-name>=2.1 (locked: none)"
    ]
    assert unpinned([Requirement("Django>=6")], pins("lock.txt")) == [
        f"Django>=6 (locked: {pins('lock.txt')['django']})"
    ]
