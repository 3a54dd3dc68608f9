"""Search across the registry: people, organisations, boards, places, clusters, strategies and
milestones, ranked.

Each kind is matched two ways and the scores added: Postgres full-text search over its name and
descriptive text (so "workforce priorities" finds the words in any order and form), and trigram
word similarity over its name with accents removed (so "Southamton" still finds Southampton).
Only what ``user`` may see is searched (icsgov.visibility): anonymous users get published
records. The API's /api/v1/search/ and the public pages both call ``search()``.
"""

from dataclasses import dataclass

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

from icsgov.visibility import visible

#: Minimum trigram word similarity for a name to count as a match (0–1; Postgres's own default
#: for the <% operator is 0.6). "Southamton" against "Southampton ..." scores about 0.64.
SIMILARITY_THRESHOLD = 0.6


@dataclass(frozen=True)
class Source:
    kind: str
    model_path: str
    name_field: str
    text_fields: tuple[str, ...]

    @property
    def model(self):
        from django.apps import apps

        return apps.get_model(self.model_path)


SOURCES = (
    Source("person", "partnerships.Person", "name", ("name", "biography")),
    Source("organisation", "partnerships.Organisation", "name", ("name", "short_name")),
    Source("board", "partnerships.Board", "name", ("name", "short_name", "purpose")),
    Source("place", "places.Place", "name", ("name",)),
    Source("cluster", "places.Cluster", "name", ("name",)),
    Source("strategy", "strategy.Strategy", "name", ("name", "description")),
    Source("milestone", "strategy.Milestone", "title", ("title", "description")),
)
KINDS = tuple(source.kind for source in SOURCES)


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
    for source in SOURCES:
        if kinds and source.kind not in kinds:
            continue
        hits.extend(_search_one(source, query, user, limit))
    hits.sort(key=lambda hit: (-hit.score, hit.name))
    return hits[:limit]


def _search_one(source, query, user, limit):
    vector = SearchVector(*source.text_fields, config="english")
    text_query = SearchQuery(query, config="english", search_type="websearch")
    query_text, name = Unaccent(Value(query)), Unaccent(F(source.name_field))
    queryset = (
        visible(source.model.objects.all(), user)
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
        .order_by("-score", source.name_field)[:limit]
    )
    return [
        Hit(source.kind, obj, getattr(obj, source.name_field), float(obj.score)) for obj in queryset
    ]
