from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "contextsafe.web.audit"
    label = "audit"
    verbose_name = "Audit log"
