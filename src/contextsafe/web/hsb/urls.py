from django.urls import path

from contextsafe.web.hsb import views

app_name = "hsb"
urlpatterns = [
    path("", views.meeting_list, name="list"),
    path("new/", views.new, name="new"),
    path("trends/", views.trend_page, name="trends"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/agenda/", views.agenda, name="agenda"),
    path("<int:pk>/context/<str:context>/", views.context_row, name="context"),
    path("<int:pk>/actions/new/", views.action_new, name="action-new"),
    path("<int:pk>/actions/<int:action>/rag/", views.action_rag, name="action-rag"),
    path("<int:pk>/review/", views.review, name="review"),
]
