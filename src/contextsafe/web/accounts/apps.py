from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "contextsafe.web.accounts"
    label = "accounts"
    verbose_name = "Organisations and users"
