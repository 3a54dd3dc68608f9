"""The admin in the secretariat's words: no library names or "pgh" columns in the history
screens, forms that start with what a person fills in and end with the source and the slug
(filled automatically), and new people unpublished until someone publishes them."""

import re

import pytest

from partnerships.models import Person
from tests.helpers.admin_forms import change_url, membership_change_data

CHANGES = "/admin/icsgov/change/"


def visible_text(response):
    html = response.content.decode()
    html = re.sub(r"<(script|style)[^>]*>.*?</\1>", "", html, flags=re.S)
    return re.sub(r"<[^>]+>", " ", html).lower()


@pytest.mark.django_db
def test_the_changes_list_and_history_pages_use_no_library_words(login, own):
    client = login("secretariat-own")
    client.post(change_url(own.membership), membership_change_data(own.membership))
    for url in (CHANGES, f"{CHANGES}?label=update", f"{change_url(own.membership)[:-7]}history/"):
        text = visible_text(client.get(url))
        for word in ("pgh", "event model", "pghistory", "insert", "update"):
            assert word not in text, (url, word)
    listed = visible_text(client.get(CHANGES))
    assert "kind of record" in listed and "appointment" in listed and "changed" in listed


@pytest.mark.django_db
@pytest.mark.parametrize(
    "model, first",
    [("person", "name"), ("post", "board"), ("membership", "person"), ("meeting", "board")],
)
def test_forms_start_with_what_a_person_fills_in_and_end_with_source_and_slug(login, model, first):
    page = login("secretariat-own").get(f"/admin/partnerships/{model}/add/")
    fields = list(page.context["adminform"].form.fields)
    assert fields[0] == first, fields
    tail = [name for name in fields if name in ("source", "source_section", "confirmed_on", "slug")]
    assert fields[-len(tail) :] == tail and tail[-1] == "slug", fields


@pytest.mark.django_db
def test_a_new_person_starts_unpublished_with_a_slug_made_from_the_name(login, own):
    client = login("secretariat-own")
    page = client.get("/admin/partnerships/person/add/")
    assert page.context["adminform"].form["is_published"].value() is False
    assert "slug" in page.context["adminform"].prepopulated_fields[0]["field"].name
    response = client.post(
        "/admin/partnerships/person/add/",
        {"name": "Alex Newcomer", "system": own.system.pk, "slug": ""},
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    person = Person.objects.get(name="Alex Newcomer")
    assert person.slug == "alex-newcomer" and not person.is_published
    assert not Person.objects.public().filter(pk=person.pk).exists()
