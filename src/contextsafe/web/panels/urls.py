from django.urls import path

from contextsafe.web.panels import views

app_name = "panels"
urlpatterns = [
    path("", views.index, name="index"),
    path("new/", views.new, name="new"),
    path("<int:pk>/", views.meeting, name="meeting"),
    path("<int:pk>/edit/", views.edit, name="edit"),
    path("overlap/", views.overlap, name="overlap"),
    path("overlap/print/", views.overlap_print, name="overlap-print"),
    path("overlap/pdf/", views.overlap_pdf, name="overlap-pdf"),
]
