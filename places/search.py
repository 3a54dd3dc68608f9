"""Places and clusters in the registry's search (icsgov.core.search)."""

from django.urls import reverse

from icsgov.core.search import SearchIndex, register


def _place_page(place):
    return reverse("place", args=[place.slug])


def register_indexes():
    register(
        SearchIndex(
            kind="place",
            label="Place",
            model_path="places.Place",
            demonstration="system__is_demonstration",
            name_field="name",
            text_fields=("name",),
            api_view="api:place-detail",
            page=_place_page,
            where=lambda place: place.system.name,
            prefetch=("system",),
        )
    )
    register(
        SearchIndex(
            kind="cluster",
            label="Cluster",
            model_path="places.Cluster",
            demonstration="place__system__is_demonstration",
            name_field="name",
            text_fields=("name",),
            api_view="api:cluster-detail",
            page=lambda cluster: _place_page(cluster.place),
            where=lambda cluster: f"{cluster.place.name}, {cluster.place.system.name}",
            prefetch=("place__system",),
        )
    )
