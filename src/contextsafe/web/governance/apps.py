from django.apps import AppConfig


class GovernanceConfig(AppConfig):
    name = "contextsafe.web.governance"
    label = "governance"
    verbose_name = "Information governance"
