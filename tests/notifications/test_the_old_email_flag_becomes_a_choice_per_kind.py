"""The migration that replaced the single "email me my notifications" flag keeps what
people chose: on became email for every kind, off the defaults; and what was told
before counts as mailed, so a digest chosen later sends no old news."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from saathi.notifications.models import How, Kind, Notification, Preferences

BEFORE = [
    ("accounts", "0002_sharing_choices_and_profile"),
    ("notifications", "0002_kinds_of_the_feed"),
]
AFTER = [
    ("accounts", "0003_notification_choices_moved_to_notifications"),
    ("notifications", "0003_preferences_per_kind_and_mailed_at"),
]


@pytest.fixture
def executor(transactional_db: None) -> Iterator[MigrationExecutor]:
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    yield executor
    # Every later migration back, whatever the test did, for the tests after this one.
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


def test_the_flag_on_becomes_email_for_every_kind(executor: MigrationExecutor) -> None:
    old = executor.loader.project_state(BEFORE).apps
    User = old.get_model("accounts", "User")
    OldNotification = old.get_model("notifications", "Notification")
    asha = User.objects.create(handle="asha", email="asha@example.org", email_notifications=True)
    User.objects.create(handle="vikram", email="vikram@example.org")
    OldNotification.objects.create(recipient=asha, kind="followed")

    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)

    asha_now = Preferences.objects.get(person__handle="asha")
    assert {asha_now.how(kind) for kind in Kind} == {How.EMAIL}
    assert not Preferences.objects.filter(person__handle="vikram").exists()
    assert not Notification.objects.not_mailed().exists()
