"""Search across the registry, over the indexes the apps register.

Each app's ``search.py`` registers a :class:`SearchIndex` per kind of record (in
``AppConfig.ready()``). Each kind is matched two ways and the scores added: Postgres full-text
search over its name and descriptive text (so "workforce priorities" finds the words in any order
and form), and trigram similarity over its name with accents removed (so "Southamton" still
finds Southampton). Only what the viewer may see is searched (icsgov.core.visibility). The API's
/api/v1/search/ and the public search page both call :func:`search`.

Each hit carries a snippet saying why it matched: the words of its text around the match
(Postgres's ``ts_headline``), or, when only its name resembled the search, the name itself;
:func:`correction` gives the words the results are for when a misspelt search was matched by
resemblance only ("showing results for Southampton").
"""

import difflib
import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.postgres.indexes import GinIndex, OpClass
from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVector,
    TrigramSimilarity,
    TrigramWordSimilarity,
)
from django.db import migrations
from django.db.models import (
    BooleanField,
    ExpressionWrapper,
    F,
    FloatField,
    Func,
    Q,
    TextField,
    Value,
)
from django.db.models.functions import Coalesce, Concat
from django.utils.html import escape
from django.utils.safestring import mark_safe

from icsgov.core import compiled
from icsgov.core.visibility import visible

#: Minimum trigram word similarity for a name to count as a match (0–1). The match is asked
#: with pg_trgm's ``%>`` operator (so an index can answer it), whose threshold is the setting
#: ``pg_trgm.word_similarity_threshold``, 0.6 unless changed: this is that value, for reference.
#: "Southamton" against "Southampton ..." scores about 0.64.
SIMILARITY_THRESHOLD = 0.6


class ImmutableUnaccent(Func):
    """``unaccent`` as an IMMUTABLE function (``icsgov_unaccent``, icsgov/core/migrations
    0004_bench_indexes), so that an index can hold a name's unaccented trigrams."""

    function = "icsgov_unaccent"
    output_field = TextField()


def _index_name(table, what):
    return f"srch_{hashlib.md5(table.encode()).hexdigest()[:10]}_{what}"  # noqa: S324


def _search_indexes(model, name_field, text_fields):
    table = model._meta.db_table
    return [
        GinIndex(SearchVector(*text_fields, config="english"), name=_index_name(table, "text")),
        GinIndex(
            OpClass(ImmutableUnaccent(F(name_field)), name="gin_trgm_ops"),
            name=_index_name(table, "name"),
        ),
    ]


def search_indexes_operation(model_label, name_field, text_fields):
    """A migration operation creating the two indexes a kind's search uses: GIN over its
    full-text vector (the same expression :func:`search` matches with ``@@``) and GIN trigram
    over its unaccented name (``%>``). ``text_fields`` must be the kind's ``SearchIndex``
    text fields; tests/core/test_explain.py checks that the search uses them."""

    def create(apps, schema_editor):
        model = apps.get_model(model_label)
        for index in _search_indexes(model, name_field, text_fields):
            schema_editor.add_index(model, index)

    def drop(apps, schema_editor):
        model = apps.get_model(model_label)
        for index in _search_indexes(model, name_field, text_fields):
            schema_editor.remove_index(model, index)

    return migrations.RunPython(create, drop)


#: Markers ts_headline puts around matched words: control characters no stored text holds
#: (addresses and forms refuse them), so the snippet is escaped first and marked up after.
_START, _STOP = "\x02", "\x03"
_SNIPPET_SEPARATOR = " … "


@dataclass(frozen=True)
class SearchIndex:
    """One kind of searchable record.

    ``page`` gives the public page a result links to (or None), ``where`` a few words saying
    where the record sits, both from the object; ``prefetch`` is what they need, fetched once
    per kind for a page of results. ``api_view`` names the API's detail view and
    ``api_kwargs`` gives its URL arguments from the object (default: its slug)."""

    kind: str
    label: str
    model_path: str
    name_field: str
    text_fields: tuple[str, ...]
    api_view: str
    page: Callable | None = None
    where: Callable | None = None
    prefetch: tuple = field(default=())
    api_kwargs: Callable | None = None
    #: The lookup saying the record is demonstration data (its system's flag), if it can be.
    demonstration: str | None = None
    #: The rows of the kind search offers at all, for every viewer, on top of what they may
    #: see (icsgov.core.visibility): e.g. an exempt agenda item, listed on its agenda, is not
    #: a search result.
    only: Q | None = None

    @property
    def model(self):
        return apps.get_model(self.model_path)

    def api_address(self, obj) -> tuple[str, dict]:
        """(view name, URL arguments) of the record's API detail."""
        return self.api_view, (self.api_kwargs(obj) if self.api_kwargs else {"slug": obj.slug})


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
    #: The text around the match, matched words between _START and _STOP; empty when only the
    #: name resembled the search.
    snippet: str = ""
    #: Whether the words were found in the record's text (not only a name that resembles them).
    text_match: bool = False
    #: Whether the record is demonstration data, not a real system's.
    demonstration: bool = False

    @property
    def snippet_text(self) -> str:
        """The snippet as plain text (for the API and feeds)."""
        return self.snippet.replace(_START, "").replace(_STOP, "")

    @property
    def snippet_html(self) -> str:
        """The snippet escaped, its matched words in ``<mark>``."""
        html = str(escape(self.snippet))
        return mark_safe(html.replace(_START, "<mark>").replace(_STOP, "</mark>"))

    @property
    def reason(self) -> str:
        """Why it matched, in words."""
        return "Words found in its text" if self.text_match else "Its name is like your search"


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


def _document(fields):
    """The fields as one text, for the snippet."""
    if len(fields) == 1:
        return Coalesce(F(fields[0]), Value(""), output_field=TextField())
    parts = []
    for name in fields:
        parts += [
            Coalesce(F(name), Value(""), output_field=TextField()),
            Value(_SNIPPET_SEPARATOR, output_field=TextField()),
        ]
    return Concat(*parts[:-1], output_field=TextField())


def _search_queryset(index, rows, query, limit):
    """The best ``limit`` of ``rows`` (what the viewer may see of the kind) for ``query``, each
    with its score, whether the words were found in its text, whether it is demonstration data
    and its snippet."""
    vector = SearchVector(*index.text_fields, config="english")
    text_query = SearchQuery(query, config="english", search_type="websearch")
    query_text, name = ImmutableUnaccent(Value(query)), ImmutableUnaccent(F(index.name_field))
    return (
        rows.annotate(
            document=vector,
            rank=Coalesce(SearchRank(vector, text_query), 0.0, output_field=FloatField()),
            word_similarity=TrigramWordSimilarity(query_text, name),
            # Whole-name similarity lifts "Southampton" the place above longer names that
            # merely contain the word.
            similarity=TrigramSimilarity(name, query_text),
            unaccented_name=name,
        )
        # Both sides can be answered by the kind's indexes (search_indexes_operation).
        .filter(Q(document=text_query) | Q(unaccented_name__trigram_word_similar=query_text))
        .annotate(
            score=F("rank") + F("word_similarity") + F("similarity"),
            text_match=ExpressionWrapper(Q(document=text_query), output_field=BooleanField()),
            demonstration=Coalesce(
                F(index.demonstration) if index.demonstration else Value(False),
                Value(False),
                output_field=BooleanField(),
            ),
            # Computed for the rows returned only (after the sort and limit).
            headline=SearchHeadline(
                _document(index.text_fields),
                text_query,
                config="english",
                start_sel=_START,
                stop_sel=_STOP,
                max_words=30,
                min_words=12,
                max_fragments=2,
                fragment_delimiter=_SNIPPET_SEPARATOR,
            ),
        )
        .order_by("-score", index.name_field)[:limit]
    )


#: Each kind's search compiled once (icsgov.core.compiled), by kind, limit and the viewer's
#: rows as SQL (so a viewer who may see other rows, or the same viewer on another day, has
#: its own): the search's expressions cost Django more to build and compile than Postgres
#: takes to answer them.
_kept: dict = {}


def _kept_search(index, rows, limit):
    """The kind's search for the viewer's ``rows`` compiled once, the query bound at each
    run; None when it cannot be (then it is built each time)."""
    seen = compiled.fingerprint(rows)
    if seen is None:
        return None
    key = (index.kind, limit, *seen)
    if key not in _kept:
        if len(_kept) > 500:
            _kept.clear()
        _kept[key] = compiled.template(
            lambda query: _search_queryset(index, rows, query, limit), "query"
        )
    return _kept[key]


def _search_one(index, query, user, limit):
    rows = visible(index.model.objects.all(), user)
    if index.only is not None:
        rows = rows.filter(index.only)
    found = _kept_search(index, rows, limit)
    if found is None:
        queryset = _search_queryset(index, rows, query, limit)
    else:
        queryset = index.model.objects.raw(*found.bind(query=query))
    return [
        Hit(
            index.kind,
            obj,
            getattr(obj, index.name_field),
            float(obj.score),
            snippet=obj.headline if obj.text_match and _START in obj.headline else "",
            text_match=bool(obj.text_match),
            demonstration=bool(obj.demonstration),
        )
        for obj in queryset
    ]


_WORD = re.compile(r"\w+", re.UNICODE)


def correction(query: str, hits: list[Hit]) -> str | None:
    """The search the results answer, when it is not the one typed: when no result has the
    typed words in its text and names resembled them instead, each misspelt word is replaced by
    the closest word of the best results' names ("Southamton" → "Southampton"). None when the
    words were found as typed."""
    if not hits or any(hit.text_match for hit in hits):
        return None
    vocabulary = {w.lower(): w for hit in hits[:5] for w in _WORD.findall(hit.name)}
    words, changed = [], False
    for word in _WORD.findall(query):
        if word.lower() in vocabulary:
            words.append(vocabulary[word.lower()])
            continue
        close = difflib.get_close_matches(word.lower(), vocabulary, n=1, cutoff=0.7)
        if close:
            words.append(vocabulary[close[0]])
            changed = True
        else:
            words.append(word)
    return " ".join(words) if changed else None
