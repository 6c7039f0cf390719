from django.apps import AppConfig


class RecordsConfig(AppConfig):
    name = "saathi.records"
    label = "records"
    verbose_name = "Records and milestones"
