from django.urls import path

from contextsafe.web.contextplans.views import assessments, maps, referrals

app_name = "contextplans"
urlpatterns = [
    path("", maps.index, name="index"),
    path("referrals/new/", referrals.new, name="referral-new"),
    path("referrals/<int:pk>/", referrals.detail, name="referral"),
    path("referrals/<int:pk>/edit/", referrals.edit, name="referral-edit"),
    path("referrals/<int:pk>/conference/", referrals.conference, name="conference"),
    path("referrals/<int:pk>/actions/new/", referrals.action_new, name="action-new"),
    path("referrals/<int:pk>/actions/<int:action_id>/status/", referrals.action_status, name="action-status"),
    path("referrals/<int:pk>/agree-plan/", referrals.agree_plan, name="agree-plan"),
    path("referrals/<int:pk>/ratings/new/", referrals.rating_new, name="rating-new"),
    path("referrals/<int:pk>/close/", referrals.close, name="close"),
    path("assessments/new/", assessments.new, name="assessment-new"),
    path("assessments/<int:pk>/", assessments.detail, name="assessment"),
    path("assessments/<int:pk>/edit/", assessments.edit, name="assessment-edit"),
    path("assessments/<int:pk>/outcomes/new/", assessments.outcome_new, name="outcome-new"),
    path("assessments/<int:pk>/outcomes/<int:outcome_id>/measurements/new/", assessments.measurement_new,
         name="measurement-new"),
    path("safety-maps/new/", maps.new, name="map-new"),
    path("safety-maps/<int:pk>/", maps.detail, name="map"),
    path("safety-maps/<int:pk>/edit/", maps.edit, name="map-edit"),
    path("safety-maps/pooled/", maps.pooled, name="pooled"),
]
