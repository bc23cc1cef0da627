from django.apps import AppConfig


class ContextsConfig(AppConfig):
    name = "contextsafe.web.contexts"
    label = "contexts"
