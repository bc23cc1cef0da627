from django.urls import path

from contextsafe.web.fap import views

app_name = "fap"
urlpatterns = [
    path("", views.referral_list, name="list"),
    path("new/", views.new, name="new"),
    path("matrix/", views.matrix_page, name="matrix"),
    path("matrix.csv", views.matrix_csv, name="matrix-csv"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/submit/", views.submit, name="submit"),
    path("<int:pk>/decision/", views.decision, name="decision"),
    path("<int:pk>/<str:section>/", views.section, name="section"),
]
