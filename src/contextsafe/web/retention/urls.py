from django.urls import path

from contextsafe.web.retention import views

app_name = "retention"
urlpatterns = [
    path("", views.due_list, name="due"),
    path("delete/", views.delete, name="delete"),
]
