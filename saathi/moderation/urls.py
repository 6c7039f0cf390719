"""Reporting a comment, an activity or a person to the site's staff, under /report/."""

from django.urls import path

from saathi.moderation import views

app_name = "moderation"

urlpatterns = [
    path("comments/<int:pk>/", views.report_comment, name="report_comment"),
    path("activities/<int:pk>/", views.report_activity, name="report_activity"),
    path("people/<str:handle>/", views.report_person, name="report_person"),
]
