"""A small demo (two weeks and the story's big days), loaded once per test module that
needs it and shared by its tests (tests/demo/loading.py says how)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytest_django import DjangoDbBlocker
from pytest_django.fixtures import Settings

from tests.demo.loading import load_small_demo, shared_by_the_module


@pytest.fixture(scope="module")
def demo_media(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("demo-media")


@pytest.fixture(autouse=True)
def _media_in_a_temporary_folder(settings: Settings, demo_media: Path) -> None:
    # Instead of tests/conftest.py's folder per test: the module's demo stored its
    # originals here, and a test that looks for them must look here.
    settings.MEDIA_ROOT = demo_media


@pytest.fixture(scope="module")
def _small_demo_of_the_module(
    django_db_setup: None, django_db_blocker: DjangoDbBlocker, demo_media: Path
) -> Iterator[list[str]]:
    lines: list[str] = []
    with shared_by_the_module(django_db_blocker, demo_media, lambda: load_small_demo(lines)):
        yield lines


@pytest.fixture
def small_demo(_small_demo_of_the_module: list[str], db: None) -> list[str]:
    """What the load printed, line by line."""
    return _small_demo_of_the_module
