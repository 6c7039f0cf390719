"""`saathi demo [--reset]` and `make demo`: load the story once, or wipe it and load again.

Every recorded outing is written as the file its device would write and goes through
`import_inline`, the path of `saathi import`: the demo shows what the pipeline makes of
real files, and its originals sit in SAATHI_DATA_DIR like any upload's. The couple's
friends, follows, partnership and home zones are made first (friends.py), and each
import is looked at for companions at once, as the worker does after any import (it
does it again for the demo's imports later, finding the same and storing nothing new).
"""

from __future__ import annotations

import gzip
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.utils import timezone

from saathi.accounts.models import User
from saathi.activities.imports import import_inline
from saathi.activities.manual import create_manual_activity
from saathi.activities.models import JobState
from saathi.demo.chapters import CHAPTERS, COUPLE, HOME_ZONE, Logged, Person, Recorded, Story
from saathi.demo.fit_writer import write_fit
from saathi.demo.friends import DOMAIN, FRIENDS, FRIENDS_PASSWORD, befriend, friend_users, settle
from saathi.demo.gpx_writer import write_gpx
from saathi.demo.motion import Samples, record
from saathi.demo.routes import atlas
from saathi.demo.talk import talk
from saathi.together.detection import find_companions

SEED = 2026
GPX_CREATOR = "Amazfit Balance"  # her watch, exported through its phone app
# Serial numbers stand for the devices; the number itself means nothing.
FIT_SERIAL = 3_390_114_807


@dataclass(frozen=True)
class Loaded:
    files: int
    entries: int
    seconds: float
    already: bool = False


def demo_users() -> list[User]:
    """The couple and their friends: everyone whose address is the demo's."""
    return list(User.objects.filter(email__endswith=DOMAIN).order_by("pk"))


def load_demo(
    *,
    reset: bool = False,
    today: date | None = None,
    days: int = 365,
    say: Callable[[str], None] = print,
) -> Loaded:
    """Load the demo unless its users exist; with reset, delete them and load it again."""
    began = time.monotonic()
    if demo_users():
        if not reset:
            say("The demo is already loaded (saathi demo --reset loads it afresh).")
            say_logins(say)
            return Loaded(0, 0, time.monotonic() - began, already=True)
        remove_demo()
        say("Removed the demo users and everything of theirs.")
    # Their today, in Lonavla: after midnight there, the new day's morning is still to come.
    now = timezone.now()
    home_today = now.astimezone(HOME_ZONE).date()
    story = Story(today=today or home_today, days=days, atlas=atlas(), seed=SEED)
    for number, (title, chapter) in enumerate(CHAPTERS, start=1):
        before = len(story.happenings)
        chapter(story)
        say(f"Chapter {number}, {title}: {len(story.happenings) - before} activities.")
    users = {person.handle: _user(person) for person in COUPLE}
    users |= {friend.handle: friend for friend in friend_users()}
    befriend(users)
    files = entries = 0
    # Nothing that has not happened yet (this morning's routine, before dawn).
    happened = [h for h in story.happenings if h.start <= now]
    for happening in sorted(happened, key=lambda h: h.start):
        owner = users[happening.person.handle]
        if isinstance(happening, Recorded):
            _import(owner, happening)
            files += 1
        else:
            _log(owner, happening)
            entries += 1
    outings = settle(users)
    comments = talk(users, story.today)
    loaded = Loaded(files, entries, time.monotonic() - began)
    say(f"Loaded {files} files and {entries} entries by hand in {loaded.seconds:.0f} s.")
    say(f"Found {outings} outings they were on together, and joined them.")
    say(f"Their friends gave kudos and wrote {comments} comments.")
    say_logins(say)
    return loaded


def say_logins(say: Callable[[str], None]) -> None:
    say("Log in as either of them:")
    for person in COUPLE:
        say(f"  {person.handle} (or {person.email})   password: {person.password}")
    handles = ", ".join(friend.handle for friend in FRIENDS)
    say(f"Their friends ({handles}) share the password {FRIENDS_PASSWORD}.")


def demo_file(person: Person, samples: Samples) -> tuple[str, bytes]:
    """The file name and bytes that person's device writes for these samples."""
    stamp = samples.start.strftime("%Y-%m-%d-%H%M%S")
    if person.device == "fit":
        return f"{stamp}.fit", write_fit(samples, serial=FIT_SERIAL)
    # Compressed as Strava's exports are (the reader takes .gpx.gz): a year of plain GPX
    # would be ~110 MB of originals in the data dir, gzipped it is a tenth of that.
    gpx = gzip.compress(write_gpx(samples, creator=GPX_CREATOR), mtime=0)
    return f"{person.handle}-{stamp}.gpx.gz", gpx


def _import(owner: User, happening: Recorded) -> None:
    name, data = demo_file(happening.person, record(happening.outing))
    (job,) = import_inline(owner=owner, name=name, data=data)
    if job.state != JobState.DONE or job.activity is None:
        raise RuntimeError(f"the demo file {name} did not import: {job.state} {job.error}")
    find_companions(job.activity)


def _log(owner: User, happening: Logged) -> None:
    create_manual_activity(
        owner=owner,
        sport=happening.sport,
        start=happening.start,
        duration_s=happening.duration_s,
        title=happening.title,
    )


def _user(person: Person) -> User:
    return User.objects.create_user(
        person.handle,
        person.email,
        person.password,
        display_name=person.display_name,
        time_zone="Asia/Kolkata",
        units="metric",
        birth_year=person.birth_year,
        sex=person.sex,
        resting_hr=person.athlete.resting_hr,
        max_hr=person.athlete.max_hr,
    )


def remove_demo() -> None:
    """Delete the demo users and everything of theirs; their stored originals are removed
    once the delete commits, as for any account."""
    User.objects.filter(pk__in=[user.pk for user in demo_users()]).delete()
