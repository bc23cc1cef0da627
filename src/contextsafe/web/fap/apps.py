from django.apps import AppConfig


class FapConfig(AppConfig):
    name = "contextsafe.web.fap"
    label = "fap"
