"""Keep tests/data, the real activity files the tests read, true to its manifest.

    python scripts/testdata.py                 # `make testdata`
    python scripts/testdata.py --from DIR      # copy from another collection
    python scripts/testdata.py --listed-only   # mend the files listed here, add none
    python scripts/testdata.py --check         # only verify, even if ../shared/testdata exists

The files come from the workplace's collection, `../shared/testdata`, which keeps growing.
When that folder exists, tests/data is made a copy of it: each file its MANIFEST.tsv lists
that is new or changed is copied, a file it no longer lists is removed, and MANIFEST.tsv and
REFERENCE.tsv are copied with their `file` column rewritten from `shared/testdata/...` to
`tests/data/...` (every other column, source, commit, licence and sha256 included, is kept
byte for byte).

The project is AGPL-3.0-or-later and redistributes these files: only files whose source
repository's licence is MIT, BSD, Apache-2.0, GPL, LGPL or AGPL are copied. Any other is
refused, by name, and left out of both TSV files.

Then, in every case, each file tests/data/MANIFEST.tsv lists is checked against its size and
sha256, and so is the rest of the folder (no file without a manifest row, no REFERENCE row
for a file that is not there). The exit status is 1 when anything is wrong, each problem
named; tests/test_test_data_matches_its_manifest.py runs the same check in `make test`.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import re
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.paths import TESTDATA  # noqa: E402

SHARED = ROOT.parent / "shared" / "testdata"
SOURCE_PREFIX = "shared/testdata/"
TARGET_PREFIX = "tests/data/"
TABLES = ("MANIFEST.tsv", "REFERENCE.tsv")
# Not recordings, so not in MANIFEST.tsv: the folder's description (written for this
# repository, never copied over) and the tool that computed REFERENCE.tsv's rows (copied
# as it is; it reads files below a folder named `testdata`, so run it on the collection).
OWN = ("README.md",)
TOOLS = ("tools/reference_rows.py",)
# Licences of source repositories whose files may be redistributed with an
# AGPL-3.0-or-later project, as SPDX names (GPL-2.0-only, BSD-3-Clause, ...).
ALLOWED_LICENCES = re.compile(r"MIT|BSD-[\w.-]+|Apache-2\.0|(A|L)?GPL-[\w.+-]+")
ALLOWED_WORDS = "MIT, BSD-*, Apache-2.0, GPL-*, LGPL-* or AGPL-*"


@dataclass
class Sync:
    copied: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)


def may_redistribute(licence: str) -> bool:
    return ALLOWED_LICENCES.fullmatch(licence.strip()) is not None


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def read_table(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def _rewritten(table: Path, keep: set[str]) -> str:
    """The table's text with each row's `file` column moved to tests/data, rows for files
    not in `keep` left out. Lines are edited, not re-quoted, so the rest stays as it is."""
    head, *lines = table.read_text(encoding="utf-8").splitlines(keepends=True)
    out = [head]
    for line in lines:
        name, rest = line.split("\t", 1)
        relative = name.removeprefix(SOURCE_PREFIX)
        if relative in keep:
            out.append(f"{TARGET_PREFIX}{relative}\t{rest}")
    return "".join(out)


def sync(source: Path, target: Path, *, listed_only: bool = False) -> Sync:
    """Make `target` a copy of the collection at `source`, less what may not be copied
    (and, with `listed_only`, less the files target's MANIFEST.tsv does not list yet)."""
    done = Sync()
    keep: set[str] = set()
    listed = _listed(target) if listed_only else None
    for row in read_table(source / "MANIFEST.tsv"):
        relative = row["file"].removeprefix(SOURCE_PREFIX)
        licence = row["license_of_source_repo"]
        if listed is not None and relative not in listed:
            continue
        if not may_redistribute(licence):
            done.refused.append(f"{relative} (licence {licence or 'not given'})")
            continue
        keep.add(relative)
        if _copy_if_changed(source / relative, target / relative):
            done.copied.append(relative)
    for name in TOOLS:
        if (source / name).is_file() and _copy_if_changed(source / name, target / name):
            done.copied.append(name)
    for name in TABLES:
        text = _rewritten(source / name, keep)
        if not (target / name).is_file() or (target / name).read_text(encoding="utf-8") != text:
            (target / name).write_text(text, encoding="utf-8")
            done.copied.append(name)
    for path in _files_below(target):
        relative = path.relative_to(target).as_posix()
        if relative not in keep and relative not in {*TABLES, *OWN, *TOOLS}:
            path.unlink()
            done.removed.append(relative)
    return done


def _listed(target: Path) -> set[str]:
    if not (target / "MANIFEST.tsv").is_file():
        return set()
    return {row["file"].removeprefix(TARGET_PREFIX) for row in read_table(target / "MANIFEST.tsv")}


def _copy_if_changed(source: Path, target: Path) -> bool:
    if target.is_file() and sha256_of(target) == sha256_of(source):
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    return True


def _files_below(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts)


def verify(target: Path) -> list[str]:
    """Every way `target` differs from its MANIFEST.tsv, one sentence each."""
    if not (target / "MANIFEST.tsv").is_file():
        return [f"{target / 'MANIFEST.tsv'} is missing"]
    problems = []
    listed = set()
    for row in read_table(target / "MANIFEST.tsv"):
        name = row["file"]
        relative = name.removeprefix(TARGET_PREFIX)
        listed.add(relative)
        path = target / relative
        if not name.startswith(TARGET_PREFIX):
            problems.append(f"{name}: its path does not start with {TARGET_PREFIX}")
        elif not may_redistribute(row["license_of_source_repo"]):
            problems.append(
                f"{name}: licence {row['license_of_source_repo'] or 'not given'} "
                f"is not {ALLOWED_WORDS}"
            )
        elif not path.is_file():
            problems.append(f"{name}: missing")
        elif path.stat().st_size != int(row["size_bytes"]):
            problems.append(
                f"{name}: {path.stat().st_size} bytes, MANIFEST.tsv says {row['size_bytes']}"
            )
        elif sha256_of(path) != row["sha256"]:
            problems.append(f"{name}: its sha256 differs from MANIFEST.tsv's")
    for path in _files_below(target):
        relative = path.relative_to(target).as_posix()
        if relative not in listed and relative not in {*TABLES, *OWN, *TOOLS}:
            problems.append(f"{TARGET_PREFIX}{relative}: not in MANIFEST.tsv")
    if (target / "REFERENCE.tsv").is_file():
        for row in read_table(target / "REFERENCE.tsv"):
            if row["file"].removeprefix(TARGET_PREFIX) not in listed:
                problems.append(f"REFERENCE.tsv names {row['file']}, which is not in MANIFEST.tsv")
    else:
        problems.append(f"{target / 'REFERENCE.tsv'} is missing")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Refresh and verify tests/data.")
    parser.add_argument("--from", dest="source", type=Path, default=SHARED, metavar="DIR")
    parser.add_argument("--check", action="store_true", help="verify only, copy nothing")
    parser.add_argument(
        "--listed-only", action="store_true", help="mend the files listed here, add no new one"
    )
    args = parser.parse_args(argv)
    if not args.check and (args.source / "MANIFEST.tsv").is_file():
        done = sync(args.source, TESTDATA, listed_only=args.listed_only)
        for name in done.copied:
            print(f"copied  {name}")
        for name in done.removed:
            print(f"removed {name} (no longer in {args.source / 'MANIFEST.tsv'})")
        for name in done.refused:
            print(
                f"refused {name}: an AGPL-3.0-or-later project may redistribute "
                f"{ALLOWED_WORDS} files only",
                file=sys.stderr,
            )
        if not (done.copied or done.removed):
            print(f"tests/data already matches {args.source}")
    elif not args.check:
        print(f"{args.source} is not here: checking tests/data as it is")
    problems = verify(TESTDATA)
    for problem in problems:
        print(f"problem: {problem}", file=sys.stderr)
    if problems:
        return 1
    count = len(read_table(TESTDATA / "MANIFEST.tsv"))
    print(f"tests/data: {count} files, each of the size and sha256 MANIFEST.tsv gives")
    return 0


if __name__ == "__main__":
    sys.exit(main())
