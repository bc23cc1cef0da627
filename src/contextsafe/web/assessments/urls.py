from django.urls import path

from contextsafe.web.assessments import views

app_name = "assessments"
urlpatterns = [
    path("", views.listing, name="list"),
    path("new/", views.new, name="new"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/details/", views.details, name="details"),
    path("<int:pk>/gathering/", views.gathering, name="gathering"),
    path("<int:pk>/conclusions/", views.conclusions, name="conclusions"),
    path("<int:pk>/plan/", views.plan, name="plan"),
    path("<int:pk>/submit/", views.submit, name="submit"),
]
