"""Every SAATHI_* variable settings.py reads has a row in the README's Settings table."""

from __future__ import annotations

import ast
import re

from tests.paths import REPO_ROOT

SETTINGS_FILE = REPO_ROOT / "saathi" / "config" / "settings.py"
README = REPO_ROOT / "README.md"
NAME = re.compile(r"SAATHI_[A-Z0-9_]+")


def variables_in_settings() -> set[str]:
    """Names given whole as string literals: what the env_* helpers are asked to read."""
    tree = ast.parse(SETTINGS_FILE.read_text())
    return {
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and NAME.fullmatch(node.value)
    }


def variables_in_readme_table() -> set[str]:
    section = README.read_text().split("\n## Settings\n", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| `SAATHI_")]
    return {match.group(0) for row in rows if (match := NAME.search(row))}


def test_settings_read_the_variables_we_expect_to_find() -> None:
    # Guards the parser: if it found nothing, the next test would pass vacuously.
    found = variables_in_settings()
    assert {"SAATHI_DATA_DIR", "SAATHI_SECRET_KEY", "SAATHI_LOGIN_ATTEMPTS"} <= found
    assert len(found) >= 25


def test_every_variable_in_settings_is_documented_in_the_readme() -> None:
    missing = variables_in_settings() - variables_in_readme_table()
    assert not missing, f"add a row to README.md's Settings table for: {sorted(missing)}"


def test_the_readme_documents_no_variable_that_settings_no_longer_reads() -> None:
    stale = variables_in_readme_table() - variables_in_settings()
    assert not stale, f"README.md's Settings table lists variables nobody reads: {sorted(stale)}"


def test_the_readme_starts_with_the_two_commands() -> None:
    lines = README.read_text().splitlines()
    code = lines[lines.index("```sh") + 1 : lines.index("```sh") + 3]
    assert lines.index("```sh") < 4
    assert code[0].startswith("make demo")
    assert code[1].startswith("make test")
