from django.urls import path

from contextsafe.web.doccheck import views

app_name = "doccheck"
urlpatterns = [
    path("", views.index, name="index"),
    path("new/", views.new, name="new"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/recheck/", views.rerun, name="rerun"),
    path("<int:pk>/documents/<int:doc>/", views.document, name="document"),
    path("<int:pk>/print/", views.print_view, name="print"),
    path("<int:pk>/pdf/", views.pdf, name="pdf"),
    path("rules/", views.rules, name="rules"),
    path("rules/edit/", views.rules_edit, name="rules-edit"),
    path("rules/<int:number>/", views.rules_version, name="rules-version"),
]
