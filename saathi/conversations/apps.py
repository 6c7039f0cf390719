from django.apps import AppConfig


class ConversationsConfig(AppConfig):
    name = "saathi.conversations"
    verbose_name = "Reactions and comments"
    default_auto_field = "django.db.models.BigAutoField"
