from django.urls import path

from contextsafe.web.casereviews import views

app_name = "casereviews"
urlpatterns = [
    path("", views.listing, name="list"),
    path("new/", views.new, name="new"),
    path("analysis/", views.analysis, name="analysis"),
    path("analysis.<str:fmt>", views.export, name="export"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/codes/", views.codes, name="codes"),
    path("<int:pk>/team/", views.team, name="team"),
    path("<int:pk>/complete/", views.complete, name="complete"),
    path("<int:pk>/environments/<str:code>/", views.page, {"name": "environments"}, name="environments"),
    path("<int:pk>/<str:name>/", views.page, name="page"),
]
