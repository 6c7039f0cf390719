from django.apps import AppConfig


class TogetherConfig(AppConfig):
    name = "saathi.together"
    verbose_name = "Training together"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Imported here, as Django asks of anything that loads models: the journal
        # cannot call detection (it sits below), so detection asks to hear of imports.
        from saathi.activities import after_import
        from saathi.together.tasks import queue_detection

        after_import.register(queue_detection)
