from django.apps import AppConfig


class DemoConfig(AppConfig):
    """An app for its command alone (`saathi demo`): the demo keeps no tables of its own."""

    name = "saathi.demo"
    label = "demo"
    verbose_name = "Demo"
