from django.apps import AppConfig


class LocalauditConfig(AppConfig):
    name = "contextsafe.web.localaudit"
    label = "localaudit"
