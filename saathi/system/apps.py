from django.apps import AppConfig


class SystemConfig(AppConfig):
    name = "saathi.system"
    label = "system"
    verbose_name = "System"
