from django.urls import path

from contextsafe.web.concerns import views

app_name = "concerns"
urlpatterns = [
    path("", views.concern_list, name="list"),
    path("new/", views.new_concern, name="new"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/edit/", views.edit_concern, name="edit"),
    path("<int:pk>/discussions/new/", views.discussion, name="discussion"),
    path("<int:pk>/decision/", views.decision, name="decision"),
]
