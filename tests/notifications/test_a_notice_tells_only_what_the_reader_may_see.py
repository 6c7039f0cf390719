"""What a notification says is decided when it is read: about a subject it names only
who asked unless the subject itself words the notice for its reader."""

from __future__ import annotations

import pytest

from saathi.accounts.models import User
from saathi.notifications.models import Kind, Notification
from saathi.notifications.notices import notice_for
from saathi.people.models import Follow

pytestmark = pytest.mark.django_db


def test_a_tag_without_a_wording_of_its_own_names_only_who_asked(
    owner: User, stranger: User, follower: User
) -> None:
    # Any row will do as the subject; a Follow has no notice_for of its own.
    subject = Follow.objects.get(follower=follower)
    notification = Notification(recipient=stranger, actor=owner, kind=Kind.TAGGED)
    notification.subject = subject
    notification.save()
    notice = notice_for(Notification.objects.get(pk=notification.pk), stranger)
    assert notice is not None
    assert notice.text == "Asha Rao tagged you in an activity"
    assert notice.url is None


def test_a_subject_may_word_its_own_notice(
    owner: User, stranger: User, follower: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    # As a tag or a suggestion of saathi/together/ will: the subject knows what it shows.
    def notice_for_reader(self: Follow, reader: User) -> tuple[str, str | None]:
        return f"Were you out with Asha, {reader.name}?", "/outings/1/"

    monkeypatch.setattr(Follow, "notice_for", notice_for_reader, raising=False)
    notification = Notification(recipient=stranger, actor=owner, kind=Kind.OUTING_SUGGESTED)
    notification.subject = Follow.objects.get(follower=follower)
    notification.save()
    notice = notice_for(Notification.objects.get(pk=notification.pk), stranger)
    assert notice is not None
    assert (notice.text, notice.url) == ("Were you out with Asha, Vikram Singh?", "/outings/1/")


def test_a_notice_whose_actor_is_gone_says_someone(stranger: User) -> None:
    notification = Notification(recipient=stranger, actor=None, kind=Kind.FOLLOWED)
    notice = notice_for(notification, stranger)
    assert notice is not None
    assert notice.text == "Someone started following you"


def test_a_subject_out_of_the_readers_sight_gives_no_notice(
    owner: User, stranger: User, follower: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A comment on an activity she may no longer see: the subject says None, and the
    # notifications page shows nothing of it.
    monkeypatch.setattr(Follow, "notice_for", lambda self, reader: None, raising=False)
    notification = Notification(recipient=stranger, actor=owner, kind=Kind.COMMENTED)
    notification.subject = Follow.objects.get(follower=follower)
    notification.save()
    assert notice_for(Notification.objects.get(pk=notification.pk), stranger) is None
