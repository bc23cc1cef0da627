from django.apps import AppConfig


class ContextplansConfig(AppConfig):
    name = "contextsafe.web.contextplans"
    label = "contextplans"
