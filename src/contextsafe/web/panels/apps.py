from django.apps import AppConfig


class PanelsConfig(AppConfig):
    name = "contextsafe.web.panels"
    label = "panels"
