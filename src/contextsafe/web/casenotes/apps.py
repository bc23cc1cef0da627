from django.apps import AppConfig


class CasenotesConfig(AppConfig):
    name = "contextsafe.web.casenotes"
    label = "casenotes"
