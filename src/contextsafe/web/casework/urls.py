from django.urls import path

from contextsafe.web.casework import views

app_name = "casework"
urlpatterns = [
    path("<int:pk>/history/", views.history, name="history"),
    path("<int:pk>/print/", views.print_view, name="print"),
    path("<int:pk>/pdf/", views.pdf, name="pdf"),
]
