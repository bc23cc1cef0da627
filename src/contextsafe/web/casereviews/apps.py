from django.apps import AppConfig


class CasereviewsConfig(AppConfig):
    name = "contextsafe.web.casereviews"
    label = "casereviews"
