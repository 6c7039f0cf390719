"""People pages under /people/; a person's profile at /people/<handle>/ is routed in
config/urls.py, as it gathers activities and records too (saathi/pages/profile.py)."""

from django.urls import path

from saathi.people import views

app_name = "people"

# The buttons of a profile, each a POST: (address under the person, workflow in views.ACTIONS).
BUTTONS = (
    ("follow", "follow"),
    ("unfollow", "unfollow"),
    ("follow/accept", "accept_follow"),
    ("follow/decline", "decline_follow"),
    ("follower/remove", "remove_follower"),
    ("partner", "partner"),
    ("partner/accept", "accept_partner"),
    ("partner/decline", "decline_partner"),
    ("partner/end", "end_partnership"),
)

urlpatterns = [
    path("", views.people_search, name="search"),
    path("requests/", views.requests_page, name="requests"),
    path("<str:handle>/followers/", views.followers, name="followers"),
    path("<str:handle>/following/", views.following, name="following"),
    path("<str:handle>/block/", views.block, name="block"),
    path("<str:handle>/unblock/", views.unblock, name="unblock"),
    path("<str:handle>/partner/auto-join/", views.auto_join, name="auto_join"),
    *(
        path(f"<str:handle>/{url}/", views.act, {"action": action}, name=action)
        for url, action in BUTTONS
    ),
]
