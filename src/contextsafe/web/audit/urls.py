from django.urls import path

from contextsafe.web.audit import views

app_name = "audit"
urlpatterns = [
    path("", views.log, name="log"),
    path("export.csv", views.export, name="export"),
    path("<int:pk>/review/", views.review, name="review"),
]
