from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "contextsafe.web.people"
    label = "people"
