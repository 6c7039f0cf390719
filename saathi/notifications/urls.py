from django.urls import path

from saathi.notifications import views

app_name = "notifications"

urlpatterns = [path("", views.notifications_page, name="index")]
