from django.urls import path

from contextsafe.web.people import views

app_name = "people"
urlpatterns = [
    path("", views.search, name="search"),
    path("<str:person_id>/", views.detail, name="detail"),
    path("<str:person_id>/break-glass/", views.break_glass, name="break-glass"),
]
