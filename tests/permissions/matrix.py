"""The machinery of the permission matrix (test_every_url_answers_each_viewer.py): every
URL pattern the project routes, the table of expected answers, the things a URL's
arguments are filled with, and what a page may not carry to a viewer.

The table itself, and the patterns left out of it with their reasons, are in the test
file, where a reviewer reads them; docs/developing.md says how to add a row.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth.models import AnonymousUser
from django.core.files.base import ContentFile
from django.http import HttpResponse
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from saathi.accounts.models import User
from saathi.activities.changes import edit_activity
from saathi.activities.imports import import_inline
from saathi.activities.manual import create_manual_activity
from saathi.activities.models import Activity, ImportJob, Visibility
from saathi.conversations.models import Comment
from saathi.people.zones import add_zone
from saathi.progress.models import Goal
from saathi.together.models import Membership, Outing, Suggestion, Tag
from tests import people
from tests.activities.pages import RUN
from tests.paths import TESTDATA

# The seven kinds of viewer, in the table's column order, with the column headings.
VIEWERS = ("owner", "partner", "follower", "awaiting", "stranger", "blocked", "anonymous")
HEADINGS = ("own", "par", "fol", "awa", "str", "blk", "ano")
# A cell: a status code, or "30x" for a redirect somewhere other than the sign-in page.
# "302" always means "sent to sign in" (to the login page, with ?next=).
ELSEWHERE = "30x"
LOGIN_PREFIX = "/accounts/login/?next="


# -- the patterns the project routes ---------------------------------------------------


@dataclass(frozen=True)
class Routed:
    route: str  # the full pattern, as the table names it: "activities/<int:pk>/gpx/"
    name: str | None  # "activities:gpx"; None for an unnamed pattern
    namespace: str  # "admin" for the admin's patterns, "" at the top
    view: str  # the view's dotted path, as Django's resolver names it


def routed(
    patterns: list[URLPattern | URLResolver] | None = None, prefix: str = "", namespace: str = ""
) -> Iterator[Routed]:
    """Every pattern, nested includes walked, in the order the resolver tries them."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            inner = namespace
            if pattern.namespace:
                inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
            yield from routed(pattern.url_patterns, prefix + str(pattern.pattern), inner)
        else:
            name = pattern.name and (f"{namespace}:{pattern.name}" if namespace else pattern.name)
            yield Routed(prefix + str(pattern.pattern), name, namespace, pattern.lookup_str)


# -- the table ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    method: str  # "get" or "post"
    route: str
    filled_with: str  # a key of FILLERS
    answers: tuple[str, ...]  # one cell per viewer, in VIEWERS' order

    @property
    def id(self) -> str:
        method = "" if self.method == "get" else f"{self.method.upper()} "
        return f"{method}/{self.route} [{self.filled_with}]"

    def expected(self, viewer: str) -> str:
        return self.answers[VIEWERS.index(viewer)]


def parse(table: str) -> list[Row]:
    """The rows of a table of `route | filled with | seven cells` lines; blank lines,
    the heading and lines starting with # are for the reader."""
    rows = []
    for line in table.strip().splitlines():
        if not line.strip() or line.lstrip().startswith("#") or line.startswith("route"):
            continue
        route, filled_with, cells = (part.strip() for part in line.split("|"))
        method, _, path = route.rpartition(" ")
        answers = tuple(cells.split())
        assert len(answers) == len(VIEWERS), f"{line!r}: {len(answers)} cells, not 7"
        assert filled_with in FILLERS, f"{line!r}: no filler named {filled_with!r}"
        rows.append(Row((method or "get").lower(), path, filled_with, answers))
    return rows


# -- her world: what every row is asked about ----------------------------------------------

ONLY_ME, PARTNERS, FOLLOWERS, PUBLIC = Visibility.values


@dataclass(frozen=True)
class Case:
    """One of Asha's activities, as a row's filler names it."""

    visibility: str
    map_visibility: str
    public_profile: bool = False

    @property
    def title(self) -> str:
        # Unique per activity and without spaces, so a page that names it is found out.
        return f"Run-{self.visibility}-map-{self.map_visibility}"


CASES = {
    "only me": Case(ONLY_ME, ONLY_ME),  # its map can be no wider
    "partners": Case(PARTNERS, PARTNERS),
    "partners, map only me": Case(PARTNERS, ONLY_ME),
    "followers": Case(FOLLOWERS, FOLLOWERS),
    "followers, map only me": Case(FOLLOWERS, ONLY_ME),
    "everyone": Case(PUBLIC, PUBLIC),
    "everyone, map only me": Case(PUBLIC, ONLY_ME),
    # The same two activities, with her profile open to visitors who are not signed in.
    "everyone, public profile": Case(PUBLIC, PUBLIC, public_profile=True),
    "everyone, map only me, public profile": Case(PUBLIC, ONLY_ME, public_profile=True),
}


@dataclass
class World:
    """Asha, the six other viewers, and one activity of hers at every level and map
    setting (a real GPX run each), so that every row, list pages included, is asked
    with all of them present."""

    viewers: dict[str, User | AnonymousUser]
    activities: dict[Case, Activity]

    @property
    def owner(self) -> User:
        owner = self.viewers["owner"]
        assert isinstance(owner, User)
        return owner


def her_world() -> World:
    owner = people.owner()
    # Her run has 17 points: trimmed ends would leave little of it. The levels are under
    # test here, the cut by tests/privacy_zones/ and test_no_hidden_point_reaches_anyone_else.
    owner.hide_ends = False
    owner.save(update_fields=["hide_ends"])
    viewers: dict[str, User | AnonymousUser] = {
        "owner": owner,
        "partner": people.partner(of=owner),
        "follower": people.follower(of=owner),
        "awaiting": people.awaiting(of=owner),
        "stranger": people.stranger(),
        "blocked": people.blocked(by=owner),
        "anonymous": people.anonymous(),
    }
    activities = {}
    run = (TESTDATA / RUN).read_bytes()
    for case in dict.fromkeys(Case(c.visibility, c.map_visibility) for c in CASES.values()):
        # The same run each time, made a file of its own (a duplicate would be refused).
        data = run + f"<!-- {case.title} -->".encode()
        activity = _import(owner, f"{case.title}.gpx", data)
        edit_activity(
            activity,
            title=case.title,
            visibility=case.visibility,
            map_visibility=case.map_visibility,
        )
        activities[case] = activity
    return World(viewers, activities)


def _import(owner: User, name: str, data: bytes) -> Activity:
    [job] = import_inline(owner=owner, name=name, data=data)
    assert job.activity is not None, job.error
    return job.activity


# -- fillers: a row's arguments --------------------------------------------------------------


@dataclass(frozen=True)
class Filled:
    kwargs: dict[str, object]
    case: Case | None = None  # the activity the URL is about, if any


Filler = Callable[[World], Filled]


def _activity(case: Case) -> Filler:
    def fill(world: World) -> Filled:
        if case.public_profile:
            world.owner.public_profile = True
            world.owner.save(update_fields=["public_profile"])
        key = Case(case.visibility, case.map_visibility)
        return Filled({"pk": world.activities[key].pk}, case)

    return fill


def _job(world: World) -> Filled:
    return Filled({"pk": ImportJob.objects.filter(owner=world.owner).order_by("pk")[0].pk})


def _goal(world: World) -> Filled:
    goal = Goal.objects.create(owner=world.owner, period="week", measure="distance", target=1e4)
    return Filled({"pk": goal.pk})


def _day(world: World) -> Filled:
    return Filled({"day": next(iter(world.activities.values())).local_date.isoformat()})


def _zone(world: World) -> Filled:
    # Far from her run: the other rows' activities stay as they are.
    zone = add_zone(owner=world.owner, lat=12.97, lon=77.59, radius_m=400, label="Home")
    return Filled({"pk": zone.pk})


def _followers_run(world: World) -> Activity:
    return world.activities[Case(Visibility.FOLLOWERS, Visibility.FOLLOWERS)]


def _outing(world: World) -> Filled:
    # Her followers-only run, as an outing: whoever may see it may see the outing.
    outing = Outing.objects.create()
    Membership.objects.create(outing=outing, activity=_followers_run(world))
    return Filled({"pk": outing.pk}, Case(Visibility.FOLLOWERS, Visibility.FOLLOWERS))


def _tag(world: World) -> Filled:
    # She tagged her partner on her followers-only run: the tag is the partner's to answer.
    tag = Tag.objects.create(
        activity=_followers_run(world), person=world.viewers["partner"], asked_by=world.owner
    )
    return Filled({"pk": tag.pk})


def _suggestion(world: World) -> Filled:
    # Her run and her partner's were found to overlap: theirs to answer, nobody else's.
    partner = world.viewers["partner"]
    assert isinstance(partner, User)
    his = create_manual_activity(
        owner=partner, sport="run", start=datetime(2026, 5, 2, 7), duration_s=1800
    )
    found = Suggestion.objects.create(
        first=_followers_run(world), second=his, share=0.9, second_share=0.9
    )
    return Filled({"pk": found.pk})


def _her_comment(world: World) -> Filled:
    comment = Comment.objects.create(activity=_followers_run(world), author=world.owner, body="Hi")
    return Filled({"pk": comment.pk})


def _comments_by(visibility: str, level: str) -> Filler:
    def fill(world: World) -> Filled:
        run = world.activities[Case(visibility, visibility)]
        edit_activity(run, comments_by=level)
        return Filled({"pk": run.pk}, Case(visibility, visibility))

    return fill


def _handle(world: World) -> Filled:
    return Filled({"handle": world.owner.handle})


def _stale_reset_link(world: World) -> Filled:
    # A link with a token that was never issued: a real one is a secret of her inbox.
    return Filled({"uidb64": urlsafe_base64_encode(force_bytes(world.owner.pk)), "token": "x-y"})


def _avatar(world: World) -> Filled:
    world.owner.avatar.save("asha-photo.jpg", ContentFile(b"\xff\xd8 not really a jpeg"))
    return Filled({"name": world.owner.avatar.name.rsplit("/", 1)[-1]})


def _partners_comment(case: Case) -> Filler:
    # Her partner's words on her run: everyone who may see the run may report them but him.
    def fill(world: World) -> Filled:
        comment = Comment.objects.create(
            activity=world.activities[case], author=world.viewers["partner"], body="Strong finish"
        )
        return Filled({"pk": comment.pk}, case)

    return fill


FILLERS: dict[str, Filler] = {
    "-": lambda world: Filled({}),
    **{name: _activity(case) for name, case in CASES.items()},
    "her upload job": _job,
    "her goal": _goal,
    "a day she ran": _day,
    "her handle": _handle,
    "her zone": _zone,
    "her outing": _outing,
    "her tag of her partner": _tag,
    "her suggestion with her partner": _suggestion,
    "a stale reset link": _stale_reset_link,
    "her avatar": _avatar,
    # conversations
    "her comment on her followers run": _her_comment,
    "her followers run, comments closed": _comments_by(FOLLOWERS, ONLY_ME),
    "everyone, comments by partners": _comments_by(PUBLIC, PARTNERS),
    # moderation
    "her partner's comment, everyone": _partners_comment(CASES["everyone"]),
    "her partner's comment, followers": _partners_comment(CASES["followers"]),
    # feed
    #
}


def url_of(pattern: Routed, filled: Filled) -> str:
    if pattern.name:
        return reverse(pattern.name, kwargs=filled.kwargs)
    assert not filled.kwargs, f"{pattern.route}: an unnamed pattern takes no arguments here"
    return "/" + pattern.route


# -- asking, and what an answer may carry ---------------------------------------------------

# Any of the run's positions (51.90..., 4.06...) in a page, a JSON blob or a file.
COORDINATES = re.compile(rb"51\.90\d|4\.06\d\d")
MAP_DATA = (b'id="activity-data"', b'id="map-tiles"', b"<trkpt", b'"route"')


def ask(world: World, viewer: str, row: Row, url: str) -> HttpResponse:
    client = people.browser_of(world.viewers[viewer])
    response: HttpResponse = getattr(client, row.method)(url)
    return response


def cell(response: HttpResponse) -> str:
    """The answer as the table writes it."""
    if response.status_code == 302:
        sent_to_login = response["Location"].startswith(LOGIN_PREFIX)
        return "302" if sent_to_login else ELSEWHERE
    return str(response.status_code)


def body(response: HttpResponse) -> bytes:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)  # type: ignore[attr-defined]
    return bytes(response.content)


def leaks(world: World, viewer: str, filled: Filled, content: bytes) -> list[str]:
    """What `content`, answered to `viewer`, carries that the viewer may not have: an
    activity they may not see (named by its title), a route they may not see, the
    original file, or the owner's private fields. The owner may have everything."""
    if viewer == "owner":
        return []
    someone = world.viewers[viewer]
    found = []
    visible = set(Activity.objects.visible_to(someone).values_list("pk", flat=True))
    for activity in world.activities.values():
        if activity.pk not in visible and activity.title.encode() in content:
            found.append(f"the title of {activity.title}, which they may not see")
    about = (
        filled.case and world.activities[Case(filled.case.visibility, filled.case.map_visibility)]
    )
    map_allowed = about is not None and (
        Activity.objects.map_visible_to(someone).filter(pk=about.pk).exists()
    )
    if not map_allowed:
        # The markers of a map on a page about her activity; a page of the viewer's own
        # (their privacy zones) has a map of theirs, and her coordinates are looked for below.
        if filled.case is not None:
            found += [f"map data {marker!r}" for marker in MAP_DATA if marker in content]
        if COORDINATES.search(content):
            found.append("coordinates of her run")
        if b"/gpx/" in content:
            found.append("a link to the GPX export")
    if b"/original/" in content:
        found.append("a link to the original file")
    owner = world.owner
    if owner.email.encode() in content or re.search(rb"\b1988\b", content):
        found.append("her email address or birth year")
    return found


def carries_the_map(content: bytes) -> bool:
    """For the rows where the viewer may see the route: the page or file has it."""
    return COORDINATES.search(content) is not None
