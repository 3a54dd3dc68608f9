"""People, organisations and bodies in the registry's search (icsgov.core.search)."""

from django.urls import reverse

from icsgov.core.search import SearchIndex, register


def register_indexes():
    register(
        SearchIndex(
            kind="person",
            label="Person",
            model_path="partnerships.Person",
            name_field="name",
            text_fields=("name", "biography"),
            api_view="api:person-detail",
            page=lambda person: reverse("partnerships:person", args=[person.slug]),
        )
    )
    register(
        SearchIndex(
            kind="organisation",
            label="Organisation",
            model_path="partnerships.Organisation",
            name_field="name",
            text_fields=("name", "short_name"),
            api_view="api:organisation-detail",
            # No organisation page yet: shown without a link.
            where=lambda organisation: organisation.short_name or "",
        )
    )
    register(
        SearchIndex(
            kind="board",
            label="Body",
            model_path="partnerships.Board",
            name_field="name",
            text_fields=("name", "short_name", "purpose"),
            api_view="api:board-detail",
            page=lambda board: reverse("partnerships:board", args=[board.slug]),
            where=lambda board: board.system.name,
            prefetch=("system",),
        )
    )
