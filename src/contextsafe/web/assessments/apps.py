from django.apps import AppConfig


class AssessmentsConfig(AppConfig):
    name = "contextsafe.web.assessments"
    label = "assessments"
