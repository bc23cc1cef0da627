from django.apps import AppConfig


class ConcernsConfig(AppConfig):
    name = "contextsafe.web.concerns"
    label = "concerns"
