"""The account-deletion page counts the follows, partnerships, blocks and notifications
that go with the account."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from saathi.accounts.models import User
from saathi.notifications.models import Kind, Notification
from saathi.people.models import Block

pytestmark = pytest.mark.django_db


def test_they_are_counted(
    owner: User,
    owner_client: Client,
    partner: User,
    follower: User,
    awaiting: User,
    blocked: User,
    stranger: User,
) -> None:
    Block.objects.create(blocker=stranger, blocked=owner)  # not hers to know: not counted
    Notification.objects.create(recipient=owner, actor=awaiting, kind=Kind.FOLLOW_REQUESTED)
    html = owner_client.get("/settings/delete/").content.decode()
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
    assert "2 follows" in text
    assert "1 training partnership " in text
    assert "1 block " in text
    assert "1 notification " in text
