"""Systems in the admin: only superusers add or delete one."""

import pytest


@pytest.mark.django_db
def test_only_superusers_add_or_delete_systems(login, own):
    assert login("secretariat-own").get("/admin/places/system/add/").status_code == 403
    url = f"/admin/places/system/{own.system.pk}/delete/"
    assert login("secretariat-own").get(url).status_code == 403
    assert login("superuser").get("/admin/places/system/add/").status_code == 200
