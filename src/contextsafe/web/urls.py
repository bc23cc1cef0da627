from django.contrib.staticfiles.views import serve as serve_static
from django.urls import include, path, re_path

from contextsafe.web import views

urlpatterns = [
    path("", views.home, name="home"),
    path("accounts/", include("contextsafe.web.accounts.urls")),
    path("people/", include("contextsafe.web.people.urls")),
    path("contexts/", include("contextsafe.web.contexts.urls")),
    path("profiles/", include("contextsafe.web.profiles.urls")),
    path("governance/", include("contextsafe.web.governance.urls")),
    path("audit/", include("contextsafe.web.audit.urls")),
    path("retention/", include("contextsafe.web.retention.urls")),
    path("casework/", include("contextsafe.web.casework.urls")),
    path("pgi/", include("contextsafe.web.pgi.urls")),
    path("concerns/", include("contextsafe.web.concerns.urls")),
    path("assessments/", include("contextsafe.web.assessments.urls")),
    path("casereviews/", include("contextsafe.web.casereviews.urls")),
    path("hsb/", include("contextsafe.web.hsb.urls")),
    path("fap/", include("contextsafe.web.fap.urls")),
    path("contextplans/", include("contextsafe.web.contextplans.urls")),
    path("localaudit/", include("contextsafe.web.localaudit.urls")),
    path("panels/", include("contextsafe.web.panels.urls")),
    path("doccheck/", include("contextsafe.web.doccheck.urls")),
    path("casenotes/", include("contextsafe.web.casenotes.urls")),
    # The app serves its own GOV.UK Frontend assets (no CDN), also with DEBUG off.
    re_path(r"^static/(?P<path>.*)$", serve_static, {"insecure": True}),
]

handler403 = "contextsafe.web.views.forbidden"
handler404 = "contextsafe.web.views.not_found"
