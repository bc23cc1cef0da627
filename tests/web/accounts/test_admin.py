"""The administrator's pages: organisations and users created, locked and unlocked, authenticator reset, role
changed; each change in the audit log; every other role refused."""

from __future__ import annotations

import pyotp
import pytest
from django.test import Client

from contextsafe.web.accounts.models import Organisation, User, UserRole
from contextsafe.web.audit.log import verify_chain
from contextsafe.web.audit.models import AuditEntry
from tests.web.accounts.factories import PASSWORD, organisation, signed_in, user

pytestmark = pytest.mark.django_db

OTHER_ROLES = [r for r in UserRole if r != UserRole.ADMINISTRATOR]


@pytest.fixture
def admin() -> Client:
    return signed_in(user(UserRole.ADMINISTRATOR))


def _changes(ident: str) -> list[str]:
    return list(AuditEntry.objects.filter(action="change", kind="account", ident=ident, outcome="allowed")
                .order_by("id").values_list("detail", flat=True))


@pytest.mark.parametrize("role", OTHER_ROLES)
def test_every_other_role_is_refused_every_page_and_change(role):
    target = user(UserRole.PRACTITIONER)
    client = signed_in(user(role))
    for path in ("/accounts/admin/", "/accounts/admin/users/new/", "/accounts/admin/organisations/new/",
                 f"/accounts/admin/users/{target.pk}/"):
        assert client.get(path).status_code == 403, path
    for action in ("lock", "unlock", "reset-totp", "role"):
        assert client.post(f"/accounts/admin/users/{target.pk}/{action}/",
                           {"role": "administrator", "organisation": target.organisation_id}).status_code == 403
    target.refresh_from_db()
    assert (target.role, target.is_active, target.locked_until) == (UserRole.PRACTITIONER, True, None)
    assert AuditEntry.objects.filter(kind="account", outcome="refused").count() >= 8


def test_the_administrator_sees_users_and_organisations_in_the_navigation(admin):
    someone = user(UserRole.PRACTITIONER)
    page = admin.get("/accounts/admin/").content.decode()
    assert f'id="user-{someone.pk}"' in page and someone.organisation.name in page
    assert 'href="/accounts/admin/"' in admin.get("/").content.decode()
    assert 'href="/accounts/admin/"' not in signed_in(user(UserRole.AUDITOR)).get("/").content.decode()


def test_create_an_organisation(admin):
    admin.post("/accounts/admin/organisations/new/",
               {"name": "Camden Police", "kind": "police", "sources": "police_crime, police_crime,asb_callouts"})
    made = Organisation.objects.get(name="Camden Police")
    assert made.sources == ["asb_callouts", "police_crime"]
    assert _changes("organisation:Camden Police")
    bad = admin.post("/accounts/admin/organisations/new/", {"name": "X", "kind": "police", "sources": "a; DROP"})
    assert bad.status_code == 200 and not Organisation.objects.filter(name="X").exists()


def test_a_new_user_gets_a_password_and_secret_shown_once_and_can_sign_in(admin):
    org = organisation(name="Camden Youth Service")
    response = admin.post("/accounts/admin/users/new/", {"username": "new_worker", "role": "practitioner",
                                                         "organisation": org.pk}, follow=True)
    page = response.content.decode()
    made = User.objects.get(username="new_worker")
    assert made.role == "practitioner" and made.organisation == org
    password = page.split('id="first-password">')[1].split("<")[0]
    assert made.totp_secret in page and made.check_password(password) and len(password) >= 12
    assert made.totp_secret not in admin.get(f"/accounts/admin/users/{made.pk}/").content.decode()  # once
    assert not any(password in d or made.totp_secret in d for d in AuditEntry.objects.values_list("detail", flat=True))
    assert "role practitioner, organisation Camden Youth Service" in _changes("new_worker")[0]
    # The new user signs in with them.
    client = Client()
    client.post("/accounts/sign-in/", {"username": "new_worker", "password": password})
    assert client.post("/accounts/sign-in/code/", {"code": pyotp.TOTP(made.totp_secret).now()}).status_code == 302
    assert client.get("/accounts/purpose/").status_code == 200
    taken = admin.post("/accounts/admin/users/new/", {"username": "NEW_worker", "role": "analyst",
                                                      "organisation": org.pk})
    assert b"That username is taken" in taken.content


def test_lock_ends_sessions_and_sign_in_and_unlock_restores_them(admin):
    target = user(UserRole.PRACTITIONER)
    their_session = signed_in(target)
    assert their_session.get("/people/").status_code == 200
    admin.post(f"/accounts/admin/users/{target.pk}/lock/")
    target.refresh_from_db()
    assert target.is_locked() and not target.is_active
    assert their_session.get("/people/").status_code == 302  # signed out at the next request
    refused = Client().post("/accounts/sign-in/", {"username": target.username, "password": PASSWORD})
    assert b"locked" in refused.content
    admin.post(f"/accounts/admin/users/{target.pk}/unlock/")
    target.refresh_from_db()
    assert not target.is_locked() and target.is_active
    assert Client().post("/accounts/sign-in/", {"username": target.username, "password": PASSWORD}).status_code == 302
    assert _changes(target.username) == ["lock", "unlock"]
    assert admin.get(f"/accounts/admin/users/{target.pk}/lock/").status_code == 405


def test_reset_totp_replaces_the_secret_and_old_codes_stop_working(admin):
    target = user(UserRole.PRACTITIONER)
    old = target.totp_secret
    page = admin.post(f"/accounts/admin/users/{target.pk}/reset-totp/", follow=True).content.decode()
    target.refresh_from_db()
    assert target.totp_secret != old and target.totp_secret in page
    assert not target.verify_code(pyotp.TOTP(old).now()) or pyotp.TOTP(old).now() == pyotp.TOTP(
        target.totp_secret).now()
    assert _changes(target.username) == ["reset authenticator (TOTP) secret"]


def test_change_role_and_organisation_logged_with_before_and_after(admin):
    target = user(UserRole.PRACTITIONER)
    before = target.organisation.name
    school = organisation(name="Hill School", kind="school")
    admin.post(f"/accounts/admin/users/{target.pk}/role/", {"role": "information_provider", "organisation": school.pk})
    target.refresh_from_db()
    assert (target.role, target.organisation) == ("information_provider", school)
    assert _changes(target.username) == [
        f"role practitioner -> information_provider; organisation {before} -> Hill School"]
    bad = admin.post(f"/accounts/admin/users/{target.pk}/role/", {"role": "emperor", "organisation": school.pk})
    assert bad.status_code == 400
    assert verify_chain().intact


def test_the_administrator_cannot_lock_themselves_or_change_their_own_role():
    me = user(UserRole.ADMINISTRATOR)
    client = signed_in(me)
    client.post(f"/accounts/admin/users/{me.pk}/lock/")
    client.post(f"/accounts/admin/users/{me.pk}/role/", {"role": "analyst", "organisation": me.organisation_id})
    me.refresh_from_db()
    assert me.is_active and not me.is_locked() and me.role == UserRole.ADMINISTRATOR


def test_unknown_user_is_404_for_the_administrator(admin):
    assert admin.get("/accounts/admin/users/99999/").status_code == 404


def test_free_text_is_escaped(admin):
    admin.post("/accounts/admin/organisations/new/", {"name": "<script>alert(1)</script>", "kind": "school"})
    page = admin.get("/accounts/admin/").content.decode()
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
