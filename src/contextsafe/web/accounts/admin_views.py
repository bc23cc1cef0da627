"""The administrator's pages: organisations and users. Create an organisation or a user, lock and unlock a
user, reset a user's authenticator (TOTP) secret, change a user's role or organisation. Every page and change
goes through :func:`contextsafe.web.access.check`, so each is decided by role and written to the audit log.

A new user's first password and a reset authenticator secret are shown once, to the administrator, to hand to
the user; they are never written to the audit log.
"""

from __future__ import annotations

import secrets
from datetime import timedelta

import pyotp
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from contextsafe.web.access import Action, Target, check
from contextsafe.web.accounts.admin_forms import NewUserForm, OrganisationForm, RoleForm
from contextsafe.web.accounts.models import Organisation, User
from contextsafe.web.accounts.permissions import ACCOUNT

LOCKED_FOR = timedelta(days=365 * 100)  # an administrator's lock holds until an administrator lifts it
ONCE = "shown_once"  # session key: a secret to show the administrator once


@login_required
def index(request):  # noqa: ANN001, ANN201
    check(request, Target(ACCOUNT), Action.VIEW)
    users = User.objects.select_related("organisation").order_by("organisation__name", "username")
    return render(request, "accounts/admin/index.html", {
        "organisations": Organisation.objects.order_by("name"), "users": users, "now": timezone.now()})


@login_required
def new_organisation(request):  # noqa: ANN001, ANN201
    check(request, Target(ACCOUNT), Action.VIEW)
    form = OrganisationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        check(request, Target(ACCOUNT, f"organisation:{form.cleaned_data['name']}"), Action.CHANGE,
              detail=f"create organisation ({form.cleaned_data['kind']}; sources "
                     f"{', '.join(form.cleaned_data['sources']) or 'none'})")
        form.save()
        messages.info(request, f"Organisation {form.cleaned_data['name']} created.")
        return redirect("accounts:admin")
    return render(request, "accounts/admin/organisation.html", {"form": form})


@login_required
def new_user(request):  # noqa: ANN001, ANN201
    check(request, Target(ACCOUNT), Action.VIEW)
    form = NewUserForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        check(request, Target(ACCOUNT, data["username"]), Action.CHANGE,
              detail=f"create user: role {data['role']}, organisation {data['organisation'].name}")
        password = _first_password()
        with transaction.atomic():
            made = User(username=data["username"], role=data["role"], organisation=data["organisation"],
                        first_name=data["first_name"], last_name=data["last_name"], email=data["email"])
            made.set_password(password)
            made.save()
        request.session[ONCE] = {"user": made.pk, "password": password, "totp_secret": made.totp_secret}
        return redirect("accounts:admin-user", pk=made.pk)
    return render(request, "accounts/admin/new_user.html", {"form": form})


@login_required
def user_detail(request, pk: int):  # noqa: ANN001, ANN201
    target = get_object_or_404(User.objects.select_related("organisation"), pk=pk)
    check(request, Target(ACCOUNT, target.username), Action.VIEW)
    once = request.session.pop(ONCE, None)
    once = once if once and once.get("user") == target.pk else None
    return render(request, "accounts/admin/user.html", {
        "account": target, "once": once, "role_form": RoleForm(instance=target),
        "locked": target.is_locked() or not target.is_active})


@require_POST
@login_required
def lock(request, pk: int):  # noqa: ANN001, ANN201
    target = get_object_or_404(User, pk=pk)
    check(request, Target(ACCOUNT, target.username), Action.CHANGE, detail="lock")
    if target.pk == request.user.pk:
        messages.error(request, "You cannot lock your own account.")
        return redirect("accounts:admin-user", pk=pk)
    # Inactive as well as locked: sessions already signed in stop working at their next request.
    User.objects.filter(pk=pk).update(locked_until=timezone.now() + LOCKED_FOR, failed_attempts=0, is_active=False)
    messages.info(request, f"{target.username} is locked.")
    return redirect("accounts:admin-user", pk=pk)


@require_POST
@login_required
def unlock(request, pk: int):  # noqa: ANN001, ANN201
    target = get_object_or_404(User, pk=pk)
    check(request, Target(ACCOUNT, target.username), Action.CHANGE, detail="unlock")
    User.objects.filter(pk=pk).update(locked_until=None, failed_attempts=0, is_active=True)
    messages.info(request, f"{target.username} is unlocked.")
    return redirect("accounts:admin-user", pk=pk)


@require_POST
@login_required
def reset_totp(request, pk: int):  # noqa: ANN001, ANN201
    """A new authenticator secret: the old one (and any code from it) stops working at once."""
    target = get_object_or_404(User, pk=pk)
    check(request, Target(ACCOUNT, target.username), Action.CHANGE, detail="reset authenticator (TOTP) secret")
    secret = pyotp.random_base32()
    User.objects.filter(pk=pk).update(totp_secret=secret, last_totp_step=0)
    request.session[ONCE] = {"user": target.pk, "totp_secret": secret}
    return redirect("accounts:admin-user", pk=pk)


@require_POST
@login_required
def change_role(request, pk: int):  # noqa: ANN001, ANN201
    target = get_object_or_404(User.objects.select_related("organisation"), pk=pk)
    before = (target.role, target.organisation.name if target.organisation else "")
    form = RoleForm(request.POST, instance=target)
    if not form.is_valid():
        check(request, Target(ACCOUNT, target.username), Action.VIEW)
        return render(request, "accounts/admin/user.html", {"account": target, "role_form": form, "once": None,
                                                             "locked": target.is_locked()}, status=400)
    after = (form.cleaned_data["role"], form.cleaned_data["organisation"].name)
    check(request, Target(ACCOUNT, target.username), Action.CHANGE,
          detail=f"role {before[0]} -> {after[0]}; organisation {before[1] or 'none'} -> {after[1]}")
    if target.pk == request.user.pk and after[0] != before[0]:
        messages.error(request, "You cannot change your own role.")
        return redirect("accounts:admin-user", pk=pk)
    form.save()
    messages.info(request, f"{target.username} is now {target.get_role_display()} at {after[1]}.")
    return redirect("accounts:admin-user", pk=pk)


def _first_password() -> str:
    """Four random words' worth of entropy as a long passphrase (NCSC: length, not composition rules)."""
    return "-".join(secrets.token_urlsafe(6) for _ in range(4))
