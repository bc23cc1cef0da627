from django.urls import path

from contextsafe.web.localaudit import views

app_name = "localaudit"
urlpatterns = [
    path("", views.index, name="index"),
    path("new/", views.new, name="new"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/edit/", views.edit, name="edit"),
    path("<int:pk>/matrix/<str:silo>/<str:level>/", views.cell, name="cell"),
    path("<int:pk>/review/", views.review, name="review"),
    path("<int:pk>/observations/<str:type>/new/", views.observation, name="observation-new"),
    path("<int:pk>/observations/<int:obs>/", views.observation, name="observation"),
    path("<int:pk>/forums/new/", views.forum, name="forum-new"),
    path("<int:pk>/forums/<int:forum_pk>/", views.forum, name="forum"),
    path("<int:pk>/findings/", views.findings, name="findings"),
    path("<int:pk>/report/", views.report, name="report"),
    path("<int:pk>/report/print/", views.report_print, name="report-print"),
    path("<int:pk>/report/pdf/", views.report_pdf, name="report-pdf"),
]
