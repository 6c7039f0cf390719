from django.apps import AppConfig


class ActivitiesConfig(AppConfig):
    name = "saathi.activities"
    label = "activities"
    verbose_name = "Activities"
