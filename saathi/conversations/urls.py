"""Reactions and comments; included at the site's root (config/urls.py), since they sit
under one activity's address and under comments/."""

from django.urls import path

from saathi.conversations import views

app_name = "conversations"

urlpatterns = [
    path("activities/<int:pk>/reactions/", views.react_view, name="react"),
    path("activities/<int:pk>/comments/", views.comment_view, name="comment"),
    path("comments/<int:pk>/edit/", views.edit_view, name="edit"),
    path("comments/<int:pk>/delete/", views.delete_view, name="delete"),
]
