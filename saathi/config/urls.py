"""Every URL of the site. Apps add their own with include(); the names here are relied on."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path, re_path

from saathi.accounts import views as accounts
from saathi.activities import urls as activity_urls
from saathi.notifications import views as notifications
from saathi.pages import privacy_zones
from saathi.pages.account_deletion import delete_account_page
from saathi.pages.activity import activity_page
from saathi.pages.activity_edit import edit_activity_page
from saathi.pages.activity_new import new_activity_page
from saathi.pages.dashboard import dashboard
from saathi.pages.profile import profile
from saathi.people import views as people

auth_pages = [
    path("signup/", accounts.signup, name="signup"),
    path("login/", accounts.RateLimitedLoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "password/change/",
        auth_views.PasswordChangeView.as_view(),
        name="password_change",
    ),
    path(
        "password/change/done/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path(
        "password/reset/",
        accounts.ThrottledPasswordResetView.as_view(),
        name="password_reset",
    ),
    path(
        "password/reset/sent/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "password/reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "password/reset/complete/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
]

urlpatterns = [
    path("", dashboard, name="dashboard"),
    # One activity's page is built above activities (it names who else was on the
    # outing), so its route joins the activities namespace here.
    path(
        "activities/",
        include(
            (
                [
                    path("<int:pk>/", activity_page, name="detail"),
                    # Above activities too: saving a description tells whom it mentions.
                    path("new/", new_activity_page, name="new"),
                    path("<int:pk>/edit/", edit_activity_page, name="edit"),
                    *activity_urls.urlpatterns,
                ],
                activity_urls.app_name,
            )
        ),
    ),
    # Reactions and comments: /activities/<pk>/reactions/, /comments/<pk>/edit/ ...
    path("", include("saathi.conversations.urls")),
    path("stats/", include("saathi.progress.urls")),
    path("records/", include("saathi.records.urls")),
    # Outings, tags, suggestions, /activities/<pk>/tags/ and /people/<handle>/together/.
    path("", include("saathi.together.urls")),
    path("accounts/", include(auth_pages)),
    path("people/", include("saathi.people.urls")),
    path("people/<str:handle>/", profile, name="profile"),
    # The address profiles had before people could follow each other.
    path("u/<str:handle>/", accounts.old_profile, name="old_profile"),
    path("notifications/", include("saathi.notifications.urls")),
    path("report/", include("saathi.moderation.urls")),
    path("settings/", accounts.settings_page, name="settings"),
    path("settings/delete/", delete_account_page, name="delete_account"),
    path("settings/blocked/", people.blocked_page, name="blocked_people"),
    path(
        "settings/notifications/",
        notifications.notification_settings,
        name="notification_settings",
    ),
    path("settings/privacy-zones/", privacy_zones.privacy_zones, name="privacy_zones"),
    path("settings/privacy-zones/ends/", privacy_zones.hide_ends, name="privacy_zone_ends"),
    path("settings/privacy-zones/<int:pk>/", privacy_zones.privacy_zones, name="privacy_zone"),
    path(
        "settings/privacy-zones/<int:pk>/delete/",
        privacy_zones.delete_zone,
        name="privacy_zone_delete",
    ),
    path("admin/login/", accounts.admin_login),
    path("admin/", admin.site.urls),
    # Avatars on disk; with S3 storage their URLs point at the bucket instead.
    re_path(r"^media/avatars/(?P<name>[\w.-]+)$", accounts.avatar_file, name="avatar_file"),
]
