from django.apps import AppConfig

from saathi.system import files


class SystemConfig(AppConfig):
    name = "saathi.system"
    label = "system"
    verbose_name = "System"

    def ready(self) -> None:
        # Every model is loaded by now: each one with a file field gets the receiver
        # that removes its files after a delete commits.
        files.watch()
