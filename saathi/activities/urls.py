"""The activity pages, under /activities/ (the dashboard at / is one of them too).

One activity's page, the entry page and the edit page are built above (saathi/pages/) and join this
namespace in config/urls.py."""

from django.urls import path

from saathi.activities import views

app_name = "activities"

urlpatterns = [
    path("", views.index, name="index"),
    path("calendar/", views.calendar, name="calendar"),
    path("upload/", views.upload, name="upload"),
    path("upload/jobs/", views.jobs, name="jobs"),
    path("upload/jobs/<int:pk>/retry/", views.retry, name="retry"),
    path("<int:pk>/delete/", views.delete, name="delete"),
    path("<int:pk>/original/", views.original, name="original"),
    path("<int:pk>/gpx/", views.gpx, name="gpx"),
]
