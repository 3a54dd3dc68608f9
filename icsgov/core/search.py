"""Search across the registry, over the indexes the apps register.

Each app's ``search.py`` registers a :class:`SearchIndex` per kind of record (in
``AppConfig.ready()``). Each kind is matched two ways and the scores added: Postgres full-text
search over its name and descriptive text (so "workforce priorities" finds the words in any order
and form), and trigram similarity over its name with accents removed (so "Southamton" still
finds Southampton). Only what the viewer may see is searched (icsgov.core.visibility). The API's
/api/v1/search/ and the public search page both call :func:`search`.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.postgres.lookups import Unaccent
from django.contrib.postgres.search import (
    SearchQuery,
    SearchRank,
    SearchVector,
    TrigramSimilarity,
    TrigramWordSimilarity,
)
from django.db.models import F, FloatField, Q, Value
from django.db.models.functions import Coalesce

from icsgov.core.visibility import visible

#: Minimum trigram word similarity for a name to count as a match (0–1; Postgres's own default
#: for the <% operator is 0.6). "Southamton" against "Southampton ..." scores about 0.64.
SIMILARITY_THRESHOLD = 0.6


@dataclass(frozen=True)
class SearchIndex:
    """One kind of searchable record.

    ``page`` gives the public page a result links to (or None), ``where`` a few words saying
    where the record sits, both from the object; ``prefetch`` is what they need, fetched once
    per kind for a page of results. ``api_view`` names the API's detail view."""

    kind: str
    label: str
    model_path: str
    name_field: str
    text_fields: tuple[str, ...]
    api_view: str
    page: Callable | None = None
    where: Callable | None = None
    prefetch: tuple = field(default=())

    @property
    def model(self):
        return apps.get_model(self.model_path)


_indexes: dict[str, SearchIndex] = {}


def register(index: SearchIndex):
    _indexes[index.kind] = index


def indexes() -> list[SearchIndex]:
    return list(_indexes.values())


def kinds() -> tuple[str, ...]:
    return tuple(_indexes)


def index_for(kind: str) -> SearchIndex:
    return _indexes[kind]


@dataclass(frozen=True)
class Hit:
    kind: str
    object: object
    name: str
    score: float


def search(query, user=None, kinds=None, limit=20) -> list[Hit]:
    """The best ``limit`` matches for ``query`` across ``kinds`` (default all), best first."""
    query = (query or "").strip()
    if not query:
        return []
    hits = []
    for index in _indexes.values():
        if kinds and index.kind not in kinds:
            continue
        hits.extend(_search_one(index, query, user, limit))
    hits.sort(key=lambda hit: (-hit.score, hit.name))
    return hits[:limit]


def _search_one(index, query, user, limit):
    vector = SearchVector(*index.text_fields, config="english")
    text_query = SearchQuery(query, config="english", search_type="websearch")
    query_text, name = Unaccent(Value(query)), Unaccent(F(index.name_field))
    queryset = (
        visible(index.model.objects.all(), user)
        .annotate(
            document=vector,
            rank=Coalesce(SearchRank(vector, text_query), 0.0, output_field=FloatField()),
            word_similarity=TrigramWordSimilarity(query_text, name),
            # Whole-name similarity lifts "Southampton" the place above longer names that
            # merely contain the word.
            similarity=TrigramSimilarity(name, query_text),
        )
        .filter(Q(document=text_query) | Q(word_similarity__gte=SIMILARITY_THRESHOLD))
        .annotate(score=F("rank") + F("word_similarity") + F("similarity"))
        .order_by("-score", index.name_field)[:limit]
    )
    return [
        Hit(index.kind, obj, getattr(obj, index.name_field), float(obj.score)) for obj in queryset
    ]
