"""The stats page and goals, under /stats/: always the signed-in person's own."""

from django.urls import path

from saathi.progress import views

app_name = "progress"

urlpatterns = [
    path("", views.stats_page, name="index"),
    path("day/<str:day>/", views.day, name="day"),
    path("goals/new/", views.new_goal, name="new_goal"),
    path("goals/<int:pk>/edit/", views.edit_goal, name="edit_goal"),
    path("goals/<int:pk>/delete/", views.delete_goal, name="delete_goal"),
]
