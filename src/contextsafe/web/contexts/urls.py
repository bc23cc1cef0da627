from django.urls import path

from contextsafe.web.contexts import views

app_name = "contexts"
urlpatterns = [
    path("", views.search, name="search"),
    path("<path:context_id>/", views.detail, name="detail"),
]
