from django.urls import path

from contextsafe.web.profiles import views

app_name = "profiles"
urlpatterns = [
    path("", views.index, name="latest"),
    path("latest/<str:which>/", views.report, name="report"),
]
