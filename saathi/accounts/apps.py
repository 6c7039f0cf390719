from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "saathi.accounts"
    label = "accounts"
    verbose_name = "Accounts"
