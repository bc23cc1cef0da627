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
    # The app serves its own GOV.UK Frontend assets (no CDN), also with DEBUG off.
    re_path(r"^static/(?P<path>.*)$", serve_static, {"insecure": True}),
]

handler403 = "contextsafe.web.views.forbidden"
handler404 = "contextsafe.web.views.not_found"
