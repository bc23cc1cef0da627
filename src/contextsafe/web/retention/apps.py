from django.apps import AppConfig


class RetentionConfig(AppConfig):
    name = "contextsafe.web.retention"
    label = "retention"
