"""Sign-in in two steps (password, then a TOTP code), lockout, sign-out, and stating a purpose."""

from __future__ import annotations

from django.contrib.auth import authenticate, get_user_model, login, logout
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from contextsafe.web.accounts.forms import CodeForm, PurposeForm, SignInForm
from contextsafe.web.audit.log import record_event

LOCKED = "This account is locked after repeated failed attempts. Try again later or ask an administrator."
WRONG = "Enter a correct username and password."
PENDING = "pending_user"


def sign_in(request):  # noqa: ANN001, ANN201
    form = SignInForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = get_user_model().objects.filter(username=form.cleaned_data["username"]).first()
        if user is not None and user.is_locked():
            record_event(user, "sign_in", "account", user.username, allowed=False, reason="locked")
            form.add_error(None, LOCKED)
        elif authenticate(request, username=form.cleaned_data["username"],
                          password=form.cleaned_data["password"]) is None:
            if user is not None:
                user.record_failure()
            record_event(user, "sign_in", "account", form.cleaned_data["username"][:150], allowed=False,
                         reason="wrong password")
            form.add_error(None, LOCKED if user is not None and user.is_locked() else WRONG)
        else:
            request.session.cycle_key()
            request.session[PENDING] = user.pk
            request.session["next"] = _safe_next(request)
            return redirect("accounts:code")
    return render(request, "accounts/sign_in.html", {"form": form, "next": request.GET.get("next", "")})


def code(request):  # noqa: ANN001, ANN201
    user = get_user_model().objects.filter(pk=request.session.get(PENDING)).first()
    if user is None:
        return redirect("accounts:sign-in")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if user.is_locked():
            request.session.pop(PENDING, None)
            form.add_error(None, LOCKED)
        elif user.verify_code(form.cleaned_data["code"]):
            next_url = request.session.get("next") or ""
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")  # new session key
            user.record_success()
            record_event(user, "sign_in", "account", user.username)
            return redirect(next_url or "accounts:purpose")
        else:
            user.record_failure()
            record_event(user, "sign_in", "account", user.username, allowed=False, reason="wrong code")
            form.add_error("code", LOCKED if user.is_locked() else "The code is not correct or has expired.")
    return render(request, "accounts/code.html", {"form": form})


@require_POST
def sign_out(request):  # noqa: ANN001, ANN201
    if request.user.is_authenticated:
        record_event(request.user, "sign_out", "account", request.user.username)
    logout(request)
    return redirect("accounts:sign-in")


@login_required
def purpose(request):  # noqa: ANN001, ANN201
    form = PurposeForm(request.user, request.POST or None, initial={"purpose": request.session.get("purpose")})
    if request.method == "POST" and form.is_valid():
        request.session["purpose"] = form.cleaned_data["purpose"]
        request.session["break_glass"] = {}
        record_event(request.user, "state_purpose", "session", purpose=form.cleaned_data["purpose"])
        return redirect(_safe_next(request) or "home")
    return render(request, "accounts/purpose.html", {"form": form, "next": request.GET.get("next", "")})


def _safe_next(request) -> str:  # noqa: ANN001
    target = request.POST.get("next") or request.GET.get("next") or ""
    ok = url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=False)
    return target if ok and target.startswith("/") else ""
