"""Security headers on every response, and the purpose question when a view needs one."""

from __future__ import annotations

from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpResponse, HttpResponseBadRequest, HttpResponseRedirect
from django.urls import reverse

from contextsafe.web import store
from contextsafe.web.access import PurposeRequired

CONTENT_SECURITY_POLICY = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                           "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
                           "frame-ancestors 'none'; form-action 'self'")


class SecurityHeadersMiddleware:
    """A strict Content-Security-Policy (this server only, no inline script or style) and no caching of pages
    that may hold personal data."""

    def __init__(self, get_response):  # noqa: ANN001
        self.get_response = get_response

    def __call__(self, request):  # noqa: ANN001, ANN204
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.headers.setdefault("Permissions-Policy", "geolocation=(), camera=(), microphone=()")
        if not request.path.startswith("/static/"):
            response.headers["Cache-Control"] = "no-store"
        return response


class RequestSizeLimitMiddleware:
    """Refuse any request body (upload or form) larger than ``UPLOAD_MAX_BYTES`` before reading it."""

    def __init__(self, get_response):  # noqa: ANN001
        self.get_response = get_response

    def __call__(self, request):  # noqa: ANN001, ANN204
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return HttpResponseBadRequest("bad Content-Length")
        if length > settings.UPLOAD_MAX_BYTES:
            return HttpResponse("Request too large", status=413, content_type="text/plain")
        return self.get_response(request)


class StoreConnectionMiddleware:
    """One analysis-store connection per request, shared by its queries (see ``store.request_connection``)."""

    def __init__(self, get_response):  # noqa: ANN001
        self.get_response = get_response

    def __call__(self, request):  # noqa: ANN001, ANN204
        with store.request_connection():
            return self.get_response(request)


class PurposeRequiredMiddleware:
    """A view refused for want of a stated purpose sends the user to state one, then back."""

    def __init__(self, get_response):  # noqa: ANN001
        self.get_response = get_response

    def __call__(self, request):  # noqa: ANN001, ANN204
        return self.get_response(request)

    def process_exception(self, request, exception):  # noqa: ANN001, ANN201
        if isinstance(exception, PurposeRequired):
            return HttpResponseRedirect(f"{reverse('accounts:purpose')}?{urlencode({'next': request.get_full_path()})}")
        return None
