from django.apps import AppConfig


class DoccheckConfig(AppConfig):
    name = "contextsafe.web.doccheck"
    label = "doccheck"
