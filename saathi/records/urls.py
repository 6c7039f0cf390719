"""The records page, under /records/."""

from django.urls import path

from saathi.records import views

app_name = "records"

urlpatterns = [path("", views.index, name="index")]
