from django.apps import AppConfig


class ProgressConfig(AppConfig):
    name = "saathi.progress"
    verbose_name = "Progress"
