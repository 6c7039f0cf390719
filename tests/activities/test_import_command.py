"""`saathi import PATH... --user HANDLE` (`saathi manage import`): files, folders and ZIPs,
a tally, an exit code."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from saathi.accounts.models import User
from saathi.activities.models import Activity, ImportJob, JobState
from tests.paths import MALFORMED_FILES, REAL_FILES, REPO_ROOT, TESTDATA


def run(*args: str) -> tuple[int, str, str]:
    """The command in this process, one file at a time: the test database lives in this
    process's connection, where forked readers could not see it."""
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import", *args, "--jobs", "1", stdout=out, stderr=err)
    except CommandError as error:
        return error.returncode, out.getvalue(), f"{err.getvalue()}{error}"
    return 0, out.getvalue(), err.getvalue()


def test_every_real_file_imports_through_the_command(owner: User) -> None:
    code, out, _ = run(*map(str, REAL_FILES), "--user", "asha")

    assert code == 0, out
    assert out.splitlines()[0] == f"{len(REAL_FILES)} imported, 0 duplicates, 0 failed"
    assert Activity.objects.filter(owner=owner).count() == len(REAL_FILES)


def test_a_folder_is_searched_recursively_and_a_second_run_finds_duplicates(
    owner: User, tmp_path: Path
) -> None:
    # Not tmp_path itself: the tests' media folder, holding the stored originals, is there.
    folder = tmp_path / "watch"
    (folder / "2024" / "june").mkdir(parents=True)
    shutil.copy(TESTDATA / "gpx" / "run_gpxtpx.gpx", folder / "2024" / "june")
    shutil.copy(TESTDATA / "tcx" / "tour_hr.tcx", folder / "2024")
    (folder / "notes.txt").write_text("not an activity, and not picked up")

    first = run(str(folder), "--user", "asha")
    second = run(str(folder), "--user", "ASHA")

    assert first[0] == 0 and first[1].startswith("2 imported, 0 duplicates, 0 failed")
    assert second[0] == 0 and second[1].startswith("0 imported, 2 duplicates, 0 failed")
    assert Activity.objects.count() == 2


def test_failures_are_listed_with_their_reasons_and_the_exit_status_is_1(
    owner: User, tmp_path: Path
) -> None:
    bad_gpx = next(p for p in MALFORMED_FILES if p.name == "bad.gpx")
    empty = tmp_path / "empty.fit"
    empty.write_bytes(b"")

    code, out, _ = run(
        str(bad_gpx), str(empty), str(TESTDATA / "gpx" / "run_gpxtpx.gpx"), "--user", "asha"
    )

    assert code == 1
    lines = out.splitlines()
    assert lines[0] == "1 imported, 0 duplicates, 2 failed"
    assert any(str(bad_gpx) in line and "line 5:" in line for line in lines[1:])
    assert any(str(empty) in line and "empty" in line for line in lines[1:])
    # Failed or not, every file's bytes are kept.
    assert ImportJob.objects.filter(state=JobState.FAILED).count() == 2


def test_a_zip_counts_each_activity_file_in_it(owner: User, tmp_path: Path) -> None:
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w") as handle:
        handle.write(TESTDATA / "gpx" / "run_gpxtpx.gpx", "a.gpx")
        handle.write(TESTDATA / "fit" / "4078723797.fit", "b.fit")

    code, out, _ = run(str(archive), "--user", "asha")

    assert code == 0
    assert out.startswith("2 imported, 0 duplicates, 0 failed")


def test_a_missing_path_is_a_failure_not_a_crash(owner: User, tmp_path: Path) -> None:
    code, out, _ = run(str(tmp_path / "nowhere.fit"), "--user", "asha")

    assert code == 1
    assert "nowhere.fit: no such file or folder" in out


@pytest.mark.django_db
def test_an_unknown_handle_is_a_usage_error() -> None:
    code, _, err = run(str(TESTDATA / "gpx" / "run_gpxtpx.gpx"), "--user", "nobody")

    assert code == 2
    assert "no user with the handle 'nobody'" in err
    assert not ImportJob.objects.exists()


def test_the_saathi_command_runs_it_in_a_process_of_its_own(tmp_path: Path) -> None:
    """The installed entry point, as an operator types it, on a fresh data dir."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("SAATHI_")}
    env.update(SAATHI_DATA_DIR=str(tmp_path / "data"), PYTHONUNBUFFERED="1")
    env.pop("DJANGO_SETTINGS_MODULE", None)

    def saathi(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "saathi.cli", *args],
            cwd=REPO_ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )

    assert saathi("manage", "migrate", "--no-input").returncode == 0
    shell = "from saathi.accounts.models import User; User.objects.create_user('meera', 'm@x.org')"
    assert saathi("manage", "shell", "-c", shell).returncode == 0

    files = [TESTDATA / "tcx" / "tour_hr.tcx", TESTDATA / "gpx" / "run_gpxtpx.gpx"]
    bad = next(p for p in MALFORMED_FILES if p.name == "bad.tcx")

    done = saathi("import", *map(str, [*files, bad]), "--user", "meera", "--jobs", "2")

    assert done.returncode == 1, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "2 imported, 0 duplicates, 1 failed"
    assert lines[1].startswith(f"  {bad}: line 47:")
    assert saathi("import", "x.fit", "--user", "nobody").returncode == 2
    assert saathi("manage", "import", "x.fit", "--user", "nobody").returncode == 2
