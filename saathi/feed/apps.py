from django.apps import AppConfig


class FeedConfig(AppConfig):
    name = "saathi.feed"
    verbose_name = "Feed"
    default_auto_field = "django.db.models.BigAutoField"
