"""Every URL the project routes, asked by each of the seven kinds of viewer.

The patterns come from Django's URL resolver, so a new URL that has no row below (and
is not left out, with its reason, in SKIPPED) fails `test_every_routed_url_has_a_row`.
Each row is one URL, its arguments filled with one of Asha's things, and the answer
each viewer gets. Every row is asked with one activity of hers at each level and map
setting present, and every answer's body is searched for what its viewer may not have
(matrix.leaks): an activity they may not see, a route they may not see (coordinates,
the charts' JSON, a GPX link), the original file, her private fields.

How to read a row:

    route | filled with | own par fol awa str blk ano

  own  Asha herself                     str  a stranger (Vikram), signed in
  par  Priya, her training partner      blk  Bela, whom Asha blocked
  fol  Farid, a follower she approved   ano  a visitor who has not signed in
  awa  Kiran, whose follow request waits

  200, 404, 405 ...  that status code. 404, never 403, for what a viewer may not know exists.
  302                sent to sign in (the login page, with ?next=)
  30x                redirected elsewhere (after a form, or away from a page not for them)

"filled with" names a filler of matrix.FILLERS: an activity by who may see it and who
may see its map ("followers, map only me"), her upload job, her goal, her handle ... A
route starting with POST is posted to (an empty form); others are fetched.
"""

from __future__ import annotations

import pytest

from tests.permissions import matrix

ANSWERS = """
route                                          | filled with                           | own par fol awa str blk ano

# -- One activity. Its page shows title and figures to whoever may see the activity; the
# -- map, charts, splits and GPX link only to whoever may see the map (checked in the body).
activities/<int:pk>/                           | only me                               | 200 404 404 404 404 404 302
activities/<int:pk>/                           | partners                              | 200 200 404 404 404 404 302
activities/<int:pk>/                           | partners, map only me                 | 200 200 404 404 404 404 302
activities/<int:pk>/                           | followers                             | 200 200 200 404 404 404 302
activities/<int:pk>/                           | followers, map only me                | 200 200 200 404 404 404 302
activities/<int:pk>/                           | everyone                              | 200 200 200 200 200 404 302
activities/<int:pk>/                           | everyone, map only me                 | 200 200 200 200 200 404 302
activities/<int:pk>/                           | everyone, public profile              | 200 200 200 200 200 404 200
activities/<int:pk>/                           | everyone, map only me, public profile | 200 200 200 200 200 404 200

# -- The GPX export is the route: whoever may see the map.
activities/<int:pk>/gpx/                       | only me                               | 200 404 404 404 404 404 302
activities/<int:pk>/gpx/                       | partners                              | 200 200 404 404 404 404 302
activities/<int:pk>/gpx/                       | partners, map only me                 | 200 404 404 404 404 404 302
activities/<int:pk>/gpx/                       | followers                             | 200 200 200 404 404 404 302
activities/<int:pk>/gpx/                       | followers, map only me                | 200 404 404 404 404 404 302
activities/<int:pk>/gpx/                       | everyone                              | 200 200 200 200 200 404 302
activities/<int:pk>/gpx/                       | everyone, map only me                 | 200 404 404 404 404 404 302
activities/<int:pk>/gpx/                       | everyone, public profile              | 200 200 200 200 200 404 200
activities/<int:pk>/gpx/                       | everyone, map only me, public profile | 200 404 404 404 404 404 302

# -- The original device file, editing and deleting: the owner's alone, at every level.
activities/<int:pk>/original/                  | only me                               | 200 404 404 404 404 404 302
activities/<int:pk>/original/                  | partners                              | 200 404 404 404 404 404 302
activities/<int:pk>/original/                  | partners, map only me                 | 200 404 404 404 404 404 302
activities/<int:pk>/original/                  | followers                             | 200 404 404 404 404 404 302
activities/<int:pk>/original/                  | followers, map only me                | 200 404 404 404 404 404 302
activities/<int:pk>/original/                  | everyone                              | 200 404 404 404 404 404 302
activities/<int:pk>/original/                  | everyone, map only me                 | 200 404 404 404 404 404 302
activities/<int:pk>/original/                  | everyone, public profile              | 200 404 404 404 404 404 302
activities/<int:pk>/original/                  | everyone, map only me, public profile | 200 404 404 404 404 404 302
activities/<int:pk>/edit/                      | only me                               | 200 404 404 404 404 404 302
activities/<int:pk>/edit/                      | partners                              | 200 404 404 404 404 404 302
activities/<int:pk>/edit/                      | partners, map only me                 | 200 404 404 404 404 404 302
activities/<int:pk>/edit/                      | followers                             | 200 404 404 404 404 404 302
activities/<int:pk>/edit/                      | followers, map only me                | 200 404 404 404 404 404 302
activities/<int:pk>/edit/                      | everyone                              | 200 404 404 404 404 404 302
activities/<int:pk>/edit/                      | everyone, map only me                 | 200 404 404 404 404 404 302
activities/<int:pk>/edit/                      | everyone, public profile              | 200 404 404 404 404 404 302
activities/<int:pk>/edit/                      | everyone, map only me, public profile | 200 404 404 404 404 404 302
POST activities/<int:pk>/edit/                 | everyone, public profile              | 200 404 404 404 404 404 302
activities/<int:pk>/delete/                    | only me                               | 200 404 404 404 404 404 302
activities/<int:pk>/delete/                    | partners                              | 200 404 404 404 404 404 302
activities/<int:pk>/delete/                    | partners, map only me                 | 200 404 404 404 404 404 302
activities/<int:pk>/delete/                    | followers                             | 200 404 404 404 404 404 302
activities/<int:pk>/delete/                    | followers, map only me                | 200 404 404 404 404 404 302
activities/<int:pk>/delete/                    | everyone                              | 200 404 404 404 404 404 302
activities/<int:pk>/delete/                    | everyone, map only me                 | 200 404 404 404 404 404 302
activities/<int:pk>/delete/                    | everyone, public profile              | 200 404 404 404 404 404 302
activities/<int:pk>/delete/                    | everyone, map only me, public profile | 200 404 404 404 404 404 302
# The owner's POST deletes it and goes back to her list.
POST activities/<int:pk>/delete/               | everyone, public profile              | 30x 404 404 404 404 404 302

# -- Pages of one's own: everyone signed in gets a page of their own things (the body
# -- check proves none of Asha's shows on anyone else's).
activities/                                    | -                                     | 200 200 200 200 200 200 302
activities/calendar/                           | -                                     | 200 200 200 200 200 200 302
activities/upload/                             | -                                     | 200 200 200 200 200 200 302
activities/upload/jobs/                        | -                                     | 200 200 200 200 200 200 302
activities/new/                                | -                                     | 200 200 200 200 200 200 302
activities/upload/jobs/<int:pk>/retry/         | her upload job                        | 405 405 405 405 405 405 302
POST activities/upload/jobs/<int:pk>/retry/    | her upload job                        | 30x 404 404 404 404 404 302
stats/                                         | -                                     | 200 200 200 200 200 200 302
stats/day/<str:day>/                           | a day she ran                         | 200 200 200 200 200 200 302
stats/goals/new/                               | -                                     | 200 200 200 200 200 200 302
stats/goals/<int:pk>/edit/                     | her goal                              | 200 404 404 404 404 404 302
stats/goals/<int:pk>/delete/                   | her goal                              | 200 404 404 404 404 404 302
records/                                       | -                                     | 200 200 200 200 200 200 302
settings/                                      | -                                     | 200 200 200 200 200 200 302
settings/delete/                               | -                                     | 200 200 200 200 200 200 302

# -- People. Her profile and its lists: everyone signed in but the person she blocked (404,
# -- as if she did not exist); a visitor only when her profile is public (it is not here).
people/<str:handle>/                           | her handle                            | 200 200 200 200 200 404 404
people/<str:handle>/followers/                 | her handle                            | 200 200 200 200 200 404 404
people/<str:handle>/following/                 | her handle                            | 200 200 200 200 200 404 404
u/<str:handle>/                                | her handle                            | 301 301 301 301 301 301 301
# -- Privacy zones: each person's own list; her zone is hers alone (404 to anyone else).
settings/privacy-zones/                        | -                                     | 200 200 200 200 200 200 302
POST settings/privacy-zones/ends/              | -                                     | 30x 30x 30x 30x 30x 30x 302
settings/privacy-zones/<int:pk>/               | her zone                              | 200 404 404 404 404 404 302
settings/privacy-zones/<int:pk>/delete/        | her zone                              | 200 404 404 404 404 404 302
# -- Training together. An outing: whoever may see one of its activities (here her
# -- followers-only run). Tags: the tagged person's. Suggestions: the two people's.
outings/<int:pk>/                              | her outing                            | 200 200 200 404 404 404 404
activities/<int:pk>/tags/                      | followers                             | 200 404 404 404 404 404 302
tags/<int:pk>/                                 | her tag of her partner                | 404 200 404 404 404 404 302
POST tags/<int:pk>/accept/                     | her tag of her partner                | 404 30x 404 404 404 404 302
POST tags/<int:pk>/decline/                    | her tag of her partner                | 404 30x 404 404 404 404 302
suggestions/<int:pk>/                          | her suggestion with her partner       | 200 200 404 404 404 404 302
POST suggestions/<int:pk>/answer/              | her suggestion with her partner       | 30x 30x 404 404 404 404 302
people/<str:handle>/together/                  | her handle                            | 404 200 404 404 404 404 302
# -- Each person's own pages: search, requests, blocked people, notifications.
people/                                        | -                                     | 200 200 200 200 200 200 302
people/requests/                               | -                                     | 200 200 200 200 200 200 302
settings/blocked/                              | -                                     | 200 200 200 200 200 200 302
notifications/                                 | -                                     | 200 200 200 200 200 200 302
# -- The buttons on her profile, pressed by each viewer: herself 404, the blocked person 404.
POST people/<str:handle>/follow/               | her handle                            | 404 30x 30x 30x 30x 404 302
POST people/<str:handle>/unfollow/             | her handle                            | 404 30x 30x 30x 30x 404 302
POST people/<str:handle>/follow/decline/       | her handle                            | 404 30x 30x 30x 30x 404 302
POST people/<str:handle>/follower/remove/      | her handle                            | 404 30x 30x 30x 30x 404 302
POST people/<str:handle>/partner/              | her handle                            | 404 30x 30x 30x 30x 404 302
POST people/<str:handle>/partner/decline/      | her handle                            | 404 30x 30x 30x 30x 404 302
POST people/<str:handle>/partner/end/          | her handle                            | 404 30x 30x 30x 30x 404 302
# -- Accepting: she asked nobody, so there is nothing to accept from anyone.
POST people/<str:handle>/follow/accept/        | her handle                            | 404 404 404 404 404 404 302
POST people/<str:handle>/partner/accept/       | her handle                            | 404 404 404 404 404 404 302
POST people/<str:handle>/partner/auto-join/    | her handle                            | 404 30x 404 404 404 404 302
POST people/<str:handle>/block/                | her handle                            | 404 30x 30x 30x 30x 404 302
# -- Unblocking her: nobody blocked her.
POST people/<str:handle>/unblock/              | her handle                            | 404 404 404 404 404 404 302

# -- Reactions, comments and mentions (saathi/conversations/).
# -- Posted empty: whoever may see the activity is told what is missing (400: no reaction
# -- chosen, 422: no words), the others find nothing; whoever may see it but is not let
# -- comment is refused (403). A comment is changed by its author, deleted by her or the
# -- activity's owner (here one and the same: the first to ask deletes it).
POST activities/<int:pk>/reactions/            | only me                               | 400 404 404 404 404 404 302
POST activities/<int:pk>/reactions/            | followers                             | 400 400 400 404 404 404 302
POST activities/<int:pk>/reactions/            | everyone                              | 400 400 400 400 400 404 302
POST activities/<int:pk>/comments/             | only me                               | 422 404 404 404 404 404 302
POST activities/<int:pk>/comments/             | followers                             | 422 422 422 404 404 404 302
POST activities/<int:pk>/comments/             | everyone                              | 422 422 422 422 422 404 302
POST activities/<int:pk>/comments/             | her followers run, comments closed    | 422 403 403 404 404 404 302
POST activities/<int:pk>/comments/             | everyone, comments by partners        | 422 422 403 403 403 404 302
comments/<int:pk>/edit/                        | her comment on her followers run      | 200 404 404 404 404 404 302
POST comments/<int:pk>/edit/                   | her comment on her followers run      | 422 404 404 404 404 404 302
POST comments/<int:pk>/delete/                 | her comment on her followers run      | 30x 404 404 404 404 404 302

# -- Notification settings (saathi/notifications/). Each person's own choices: there is
# -- no way to name anyone else's (tests/notifications/ proves hers are not changed). An
# -- empty post changes nothing and shows the form again.
settings/notifications/                        | -                                     | 200 200 200 200 200 200 302
POST settings/notifications/                   | -                                     | 200 200 200 200 200 200 302

# -- Reports (saathi/moderation/). Whoever may see a thing may report it, but not her own
# -- (404); a visitor is asked to sign in. A POST without a reason is the form again.
report/comments/<int:pk>/                      | her partner's comment, everyone       | 200 404 200 200 200 404 302
report/comments/<int:pk>/                      | her partner's comment, followers      | 200 404 200 404 404 404 302
POST report/comments/<int:pk>/                 | her partner's comment, everyone       | 200 404 200 200 200 404 302
report/activities/<int:pk>/                    | everyone                              | 404 200 200 200 200 404 302
report/activities/<int:pk>/                    | followers                             | 404 200 200 404 404 404 302
report/activities/<int:pk>/                    | only me                               | 404 404 404 404 404 404 302
POST report/activities/<int:pk>/               | everyone                              | 404 200 200 200 200 404 302
report/people/<str:handle>/                    | her handle                            | 404 200 200 200 200 404 302
POST report/people/<str:handle>/               | her handle                            | 404 200 200 200 200 404 302

# -- The feed (saathi/feed/).
# -- The home page: everyone signed in gets their own feed, with Asha's activities as
# -- each may see them (the body check proves none they may not see is named).
                                               | -                                     | 200 200 200 200 200 200 302

# -- Signing up, in and out; passwords. Open to all; the signed-in are sent on where a
# -- page is for visitors.
accounts/signup/                               | -                                     | 30x 30x 30x 30x 30x 30x 200
accounts/login/                                | -                                     | 30x 30x 30x 30x 30x 30x 200
accounts/logout/                               | -                                     | 405 405 405 405 405 405 405
POST accounts/logout/                          | -                                     | 30x 30x 30x 30x 30x 30x 30x
accounts/password/change/                      | -                                     | 200 200 200 200 200 200 302
accounts/password/change/done/                 | -                                     | 200 200 200 200 200 200 302
accounts/password/reset/                       | -                                     | 200 200 200 200 200 200 200
accounts/password/reset/sent/                  | -                                     | 200 200 200 200 200 200 200
accounts/password/reset/<uidb64>/<token>/      | a stale reset link                    | 200 200 200 200 200 200 200
accounts/password/reset/complete/              | -                                     | 200 200 200 200 200 200 200

# -- The admin, for staff (none of the seven is): its door sends everyone away; our
# -- admin/login/ stands in for the admin's own form (the rate-limited login instead).
admin/                                         | -                                     | 30x 30x 30x 30x 30x 30x 30x
admin/login/                                   | -                                     | 403 403 403 403 403 403 30x

# -- Avatars: unguessable names, shown beside a person's name to anyone (accounts/views.py).
^media/avatars/(?P<name>[\\w.-]+)$             | her avatar                            | 200 200 200 200 200 200 200
"""

# Patterns with no row, by (namespace, view), each with the reason it needs none.
SKIPPED = {
    # The admin's own pages: every one is behind AdminSite.admin_view, the staff check
    # that the admin/ row shows sends all seven viewers away; tests/accounts/test_admin.py
    # covers what staff do there. A model registered with the admin adds these views'
    # patterns again and needs nothing here; a view of its own (like the password one
    # below) must be added, and reviewed, by name.
    ("admin", "django.contrib.admin.sites.AdminSite.login"): "admin's own login form; "
    "admin/login/ (ours, in the table) is routed before it and answers instead",
    ("admin", "django.contrib.admin.sites.AdminSite.logout"): "staff sign-out",
    ("admin", "django.contrib.admin.sites.AdminSite.password_change"): "staff only",
    ("admin", "django.contrib.admin.sites.AdminSite.password_change_done"): "staff only",
    ("admin", "django.contrib.admin.sites.AdminSite.autocomplete_view"): "staff only",
    ("admin", "django.contrib.admin.sites.AdminSite.i18n_javascript"): "translations "
    "for the admin's scripts: the same for everyone, no one's data",
    ("admin", "django.contrib.admin.sites.AdminSite.app_index"): "staff only",
    ("admin", "django.contrib.admin.sites.AdminSite.catch_all_view"): "the admin's "
    "404 with a trailing slash added; staff only",
    ("admin", "django.contrib.contenttypes.views.shortcut"): "'view on site' for staff; "
    "lands on the object's page, which has its own row",
    ("admin", "django.contrib.admin.options.ModelAdmin.changelist_view"): "staff only",
    ("admin", "django.contrib.admin.options.ModelAdmin.add_view"): "staff only",
    ("admin", "django.contrib.admin.options.ModelAdmin.change_view"): "staff only",
    ("admin", "django.contrib.admin.options.ModelAdmin.history_view"): "staff only",
    ("admin", "django.contrib.admin.options.ModelAdmin.delete_view"): "staff only",
    ("admin", "django.views.generic.base.RedirectView"): "an object's old admin "
    "address, redirected to its change page; staff only",
    ("admin", "django.contrib.auth.admin.UserAdmin.add_view"): "staff only",
    ("admin", "django.contrib.auth.admin.UserAdmin.user_change_password"): "staff only: "
    "setting a person's password from the admin",
    # Static files: WhiteNoise serves /static/ in the middleware (no URL pattern);
    # static() adds this pattern only when DEBUG is on, for files that belong to no one.
    ("", "django.views.static.serve"): "development static files, the same for everyone",
}

ROWS = matrix.parse(ANSWERS)
PATTERNS = {pattern.route: pattern for pattern in matrix.routed()}


def test_every_routed_url_has_a_row() -> None:
    in_table = {row.route for row in ROWS}
    missing = [
        p.route
        for p in PATTERNS.values()
        if p.route not in in_table and (p.namespace, p.view) not in SKIPPED
    ]
    assert not missing, (
        "These URLs have no row in ANSWERS (tests/permissions/"
        "test_every_url_answers_each_viewer.py), nor a reason in SKIPPED; add what each "
        "of the seven viewers should get (docs/developing.md, 'The permission matrix'):\n"
        + "\n".join(f"  /{route}" for route in missing)
    )


def test_every_row_names_a_routed_url() -> None:
    stale = sorted({row.route for row in ROWS} - set(PATTERNS))
    assert not stale, f"rows for URLs no longer routed: {stale}"


@pytest.mark.django_db
@pytest.mark.parametrize("row", ROWS, ids=[row.id for row in ROWS])
def test_the_url_answers_each_viewer_as_the_table_says(row: matrix.Row) -> None:
    world = matrix.her_world()
    filled = matrix.FILLERS[row.filled_with](world)
    url = matrix.url_of(PATTERNS[row.route], filled)
    answers, problems = [], []
    for viewer in matrix.VIEWERS:
        response = matrix.ask(world, viewer, row, url)
        answers.append(matrix.cell(response))
        if response.status_code != 200:
            continue
        content = matrix.body(response)
        problems += [
            f"{viewer} got {leak}" for leak in matrix.leaks(world, viewer, filled, content)
        ]
        if _shows_the_map(row, viewer) and not matrix.carries_the_map(content):
            problems.append(f"{viewer} may see the route, but it is not there")
    expected = " ".join(row.answers)
    assert (" ".join(answers), problems) == (expected, []), (
        f"{row.id}\n  expected {expected}\n  answered {' '.join(answers)}\n  "
        + "\n  ".join(problems)
    )


def _shows_the_map(row: matrix.Row, viewer: str) -> bool:
    """On the activity page and the GPX export, the route is there for whoever the GPX
    row of the same activity answers 200: the two rows must agree."""
    if row.route not in {"activities/<int:pk>/", "activities/<int:pk>/gpx/"}:
        return False
    gpx = next(
        r
        for r in ROWS
        if r.route == "activities/<int:pk>/gpx/" and r.filled_with == row.filled_with
    )
    return gpx.expected(viewer) == "200"
