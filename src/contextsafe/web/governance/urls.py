from django.urls import path

from contextsafe.web.governance import views

app_name = "governance"
urlpatterns = [
    path("registers/", views.registers, name="registers"),
    path("sharing/", views.sharing, name="sharing"),
    path("sharing/new/", views.sharing_new, name="sharing-new"),
    path("sharing/<int:pk>/", views.sharing_detail, name="sharing-detail"),
]
