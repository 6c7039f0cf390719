from django.apps import AppConfig


class TogetherConfig(AppConfig):
    name = "saathi.together"
    verbose_name = "Training together"
    default_auto_field = "django.db.models.BigAutoField"
