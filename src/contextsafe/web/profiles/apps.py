from django.apps import AppConfig


class ProfilesConfig(AppConfig):
    name = "contextsafe.web.profiles"
    label = "profiles"
