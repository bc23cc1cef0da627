from django.apps import AppConfig


class HsbConfig(AppConfig):
    name = "contextsafe.web.hsb"
    label = "hsb"
