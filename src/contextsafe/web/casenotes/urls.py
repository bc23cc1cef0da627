from django.urls import path

from contextsafe.web.casenotes import views

app_name = "casenotes"
urlpatterns = [
    path("", views.note_list, name="list"),
    path("new/", views.new_note, name="new"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/suggestions/<int:sid>/", views.decide, name="decide"),
]
