from django.urls import path

from contextsafe.web.pgi import views

app_name = "pgi"
urlpatterns = [
    path("", views.request_list, name="list"),
    path("new/", views.new_request, name="new"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/edit/", views.edit_request, name="edit"),
    path("<int:pk>/answer/", views.answer, name="answer"),
    path("<int:pk>/feedback/", views.feedback, name="feedback"),
]
