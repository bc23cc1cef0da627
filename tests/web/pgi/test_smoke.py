import pytest

from tests.web.accounts.factories import signed_in
from tests.web.pgi import factories as f

pytestmark = pytest.mark.django_db


def test_smoke(analysis_store):
    asker, school = f.requester(), f.provider()
    c = signed_in(asker)
    r = c.get("/pgi/new/?q=ben")
    assert r.status_code == 200, r.content
    r = c.post("/pgi/new/", f.request_data(school.organisation, send="1"))
    assert r.status_code == 302, r.content.decode()[:3000]
    pk = int(r["Location"].strip("/").split("/")[-1])
    print(c.get(r["Location"]).content.decode()[-4000:])
    p = signed_in(school)
    assert p.get("/pgi/").status_code == 200
    r = p.post(f"/pgi/{pk}/answer/", f.answer_data())
    assert r.status_code == 302, r.content.decode()
    r = c.get("/pgi/")
    assert b"unread" in r.content
    r = c.post(f"/pgi/{pk}/feedback/", {"informed": "yes", "how": "x", "actions_required": "no", "actions": ""})
    assert r.status_code == 302, r.content.decode()
    assert c.get(f"/casework/{pk}/print/").status_code == 200
    assert c.get(f"/casework/{pk}/history/").status_code == 200
