from django.apps import AppConfig


class PgiConfig(AppConfig):
    name = "contextsafe.web.pgi"
    label = "pgi"
