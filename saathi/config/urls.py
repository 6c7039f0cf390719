"""Every URL of the site. Apps add their own with include(); the names here are relied on."""

from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path, re_path
from django.views.generic import RedirectView
from django.views.static import serve

from saathi.accounts import views as accounts

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
    path("password/reset/", auth_views.PasswordResetView.as_view(), name="password_reset"),
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
    path("", accounts.dashboard, name="dashboard"),
    path("accounts/", include(auth_pages)),
    path("u/<str:handle>/", accounts.profile, name="profile"),
    path("settings/", accounts.settings_page, name="settings"),
    # The admin's own login form would be a second door without the rate limit.
    path("admin/login/", RedirectView.as_view(pattern_name="login", query_string=True)),
    path("admin/", admin.site.urls),
]

if settings.STORAGES["default"]["BACKEND"].endswith("FileSystemStorage"):
    # Avatars have unguessable names and are shown to everyone signed in, so they are
    # served without an access check. Other media (activity photos) are served by their
    # own apps, which check who may see them.
    urlpatterns += [
        re_path(
            r"^media/(?P<path>avatars/[\w.-]+)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        ),
    ]
