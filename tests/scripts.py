"""The scripts of `scripts/` as modules, for the tests that check them."""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType

from tests.paths import REPO_ROOT


def load_script(name: str) -> ModuleType:
    """`scripts/<name>.py`, loaded as a module without running its `main`."""
    path = REPO_ROOT / "scripts" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"scripts_{name}", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    # Registered first, as an import would: dataclasses look their module up by name.
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module
