from django.apps import AppConfig


class CaseworkConfig(AppConfig):
    name = "contextsafe.web.casework"
    label = "casework"
    verbose_name = "Casework documents"
