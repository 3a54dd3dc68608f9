"""Lean reads: a list page's rows (or a detail's record) read as tuples (``values_list``) and
turned into the same answers the read serializer gives, without making a model instance, a
related instance per ``select_related`` link, or going through DRF's field machinery for each
row.

The plan is made from the read serializer itself (after ``?fields=`` has trimmed it), so the
serializer stays the one description of an answer (and of the schema): each field it shows
becomes one or more columns of the query and a small step that turns them into the field's
value, with the field's own ``to_representation``:

- a field showing one of the model's columns (``source`` a column, or a dotted path to a column
  through links that are never empty, e.g. ``post.role``), or one of the queryset's
  annotations (e.g. a seat's ``filled``): the column;
- a link to the record itself (``LinkField``): the column it is addressed by, filled into the
  request's link template (``absolute_link``);
- a nested record (``BriefSerializer`` and other ``ReadSerializer``\\ s, through a forward
  link): its own plan on the joined columns, null when the link is empty — or, for a
  ``BriefSerializer``, when the viewer may not follow it (the ``_public_<field>`` mark of
  icsgov.core.visibility, read as a column);
- a field computed in Python from the record (a property, a ``SerializerMethodField``): only
  when its serializer declares the columns it needs in ``lean_columns`` and a method
  ``lean_<field>(request, *values)`` computing the same value from them (``self`` is the
  serializer the plan was made from: its context is not this request's); a link mark
  ``_public_<field>`` the queryset does not carry (a superuser's) is given as True;
- a many-valued field read from a prefetch (``visible_prefetch``): the request's prefetch
  queryset, filtered to the page's records, one query;
- a field made for the whole page at once (what a prefetch and a ``SerializerMethodField``
  make together, e.g. a system's successors with the day it ended): only when its serializer
  names it in ``lean_page_fields`` and has a method ``lean_page_<field>(context, pks)``
  returning ``{pk: value}`` for every record of the page (``context`` is this request's
  serializer context; the method's queries are the page's, not a row's) — or, when the
  serializer names columns for it in ``lean_page_columns``, ``lean_page_<field>(context, pks,
  values)`` with ``values`` the page's ``{pk: (the columns' values)}`` (e.g. a body's chair
  arrangement: its chair model, and its chairs on the date);
- private fields (``PrivateFieldsMixin``): left out unless the row's ``_changeable`` column.

Anything else — a ``source`` the plan cannot follow, a many-valued field not from a prefetch,
a serializer with its own ``to_representation`` — makes the list go through the serializer as
before (``plan_for`` returns None), so an answer is never made by a path that does not know
how to make it. A plan is made once per serializer class, ``?fields=`` and set of annotations
(the viewer's visibility marks) and kept for the process (``plan_key``). A detail is read
the same way, as a page of one (``icsgov.core.api.views.RegistryViewSet.retrieve``).
``tests/core/test_lean_reads.py`` compares both paths' bytes for every resource, list and
detail.
"""

import threading

from django.db import models
from rest_framework import serializers
from rest_framework.fields import SkipField

from icsgov.core.api.serializers import (
    _STR_FIELDS,
    BriefSerializer,
    LinkField,
    PrivateFieldsMixin,
    ReadSerializer,
    absolute_link,
)
from icsgov.core.visibility import private_fields


class NotLean(Exception):
    """The serializer shows something the lean path does not know how to make."""


def _lean_columns(serializer) -> dict:
    """The ``lean_columns`` declared along the serializer's classes (subclasses win)."""
    declared = {}
    for cls in reversed(type(serializer).__mro__):
        declared.update(cls.__dict__.get("lean_columns", {}))
    return declared


def _lean_page_fields(serializer) -> set:
    """The ``lean_page_fields`` named along the serializer's classes."""
    named = set()
    for cls in type(serializer).__mro__:
        named.update(cls.__dict__.get("lean_page_fields", ()))
    return named


def _lean_page_columns(serializer) -> dict:
    """The ``lean_page_columns`` declared along the serializer's classes (subclasses win)."""
    declared = {}
    for cls in reversed(type(serializer).__mro__):
        declared.update(cls.__dict__.get("lean_page_columns", {}))
    return declared


def _check_serializer(serializer):
    """NotLean unless every class of ``serializer`` down to ReadSerializer leaves the making of
    its answer (``to_representation``) and of its value (``get_attribute``) to the classes the
    lean path reproduces."""
    if isinstance(serializer, serializers.ListSerializer) or not isinstance(
        serializer, ReadSerializer
    ):
        raise NotLean(type(serializer).__name__)
    for cls in type(serializer).__mro__:
        if cls is ReadSerializer:
            break
        if "to_representation" in cls.__dict__ and cls is not PrivateFieldsMixin:
            raise NotLean(f"{cls.__name__}.to_representation")
        if "get_attribute" in cls.__dict__ and cls is not BriefSerializer:
            raise NotLean(f"{cls.__name__}.get_attribute")
    if getattr(getattr(serializer, "Meta", None), "model", None) is None:
        raise NotLean(type(serializer).__name__)


def _forward_link(model, name):
    """The forward foreign key (or one-to-one) ``name`` of ``model``, or NotLean."""
    try:
        field = model._meta.get_field(name)
    except Exception:
        raise NotLean(f"{model.__name__}.{name}") from None
    if not (field.concrete and field.is_relation and (field.many_to_one or field.one_to_one)):
        raise NotLean(f"{model.__name__}.{name}")
    return field


def _column_field(model, name):
    """The non-relation concrete field ``name`` (attname) of ``model``, or None."""
    for field in model._meta.concrete_fields:
        if not field.is_relation and field.attname == name:
            return field
    return None


def _column_path(model, attrs, name) -> str:
    """The ``__`` path of the column at ``attrs`` from ``model``, through forward links that are
    never empty (one value a row), or NotLean (``name``: the field asking)."""
    target, path = model, []
    for attr in attrs[:-1]:
        link = _forward_link(target, attr)
        if link.null:
            raise NotLean(f"{name}: through an empty link")
        path.append(attr)
        target = link.related_model
    column = _column_field(target, attrs[-1])
    if column is None:
        raise NotLean(f"{name}: {attrs[-1]} is not a column")
    path.append(column.attname)
    return "__".join(path)


class _Columns:
    """The query's columns, each asked for once, by position."""

    def __init__(self):
        self.names: list[str] = []
        self._index: dict[str, int] = {}

    def __call__(self, name: str) -> int:
        if name not in self._index:
            self._index[name] = len(self.names)
            self.names.append(name)
        return self._index[name]


def _plan(serializer, model, prefix: str, columns: _Columns, annotations):
    """A function of a row (tuple) and the request giving ``serializer``'s answer for the record
    at ``prefix``. Nothing of the request it was planned in is kept: a plan serves every request
    with the same serializer, fields and annotations (``plan_for``)."""
    _check_serializer(serializer)
    if not issubclass(model, serializer.Meta.model):
        raise NotLean(f"{model.__name__} is not {serializer.Meta.model.__name__}")
    lean = _lean_columns(serializer)
    pages = _lean_page_fields(serializer)
    steps = []
    for field in serializer._readable_fields:
        name = field.field_name
        if name in pages:
            method = getattr(serializer, f"lean_page_{name}", None)
            if method is None or prefix or _planning.in_child:
                raise NotLean(f"lean_page_{name}")  # a page's fields are the page's records'
            given = [
                _column_path(model, c.split("__"), name)
                for c in _lean_page_columns(serializer).get(name, ())
            ]
            holder = _Page(name, method, columns("pk"), tuple(columns(c) for c in given))
            _planning.many.append(holder)
            steps.append(("page", name, columns("pk"), holder))
            continue
        if name in lean:
            method = getattr(serializer, f"lean_{name}", None)
            if method is None:
                raise NotLean(f"lean_{name}")
            if prefix and any(column.startswith("_public_") for column in lean[name]):
                raise NotLean(f"{name}: a link mark, nested")  # marks are the row's own
            # A link mark (``_public_<field>``) the queryset does not carry: the viewer may
            # follow every link (a superuser's), read as True.
            indexes = tuple(
                None
                if column.startswith("_public_") and column not in annotations
                else columns(prefix + column)
                for column in lean[name]
            )
            raw = isinstance(field, serializers.SerializerMethodField)
            steps.append(("computed", name, indexes, method, raw, field.to_representation))
            continue
        if isinstance(field, serializers.ListSerializer):
            if prefix:
                raise NotLean(f"{name}: many, nested")
            holder = _Many.for_field(field, model)
            steps.append(("many", name, columns("pk"), holder))
            continue
        if isinstance(field, serializers.BaseSerializer):
            attrs = field.source_attrs
            target, path = model, []
            for i, attr in enumerate(attrs):
                link = _forward_link(target, attr)
                if i < len(attrs) - 1 and link.null:
                    raise NotLean(f"{name}: through an empty link")
                path.append(attr)
                target = link.related_model
            if not path:
                raise NotLean(f"{name}: no link")
            rel = prefix + "__".join(path)
            mark = None
            if isinstance(field, BriefSerializer) and not prefix:
                mark_name = f"_public_{name}"
                if mark_name in annotations:
                    mark = columns(mark_name)
            inner = _plan(field, target, rel + "__", columns, annotations)
            steps.append(("nested", name, columns(rel), mark, inner))
            continue
        if type(field) is LinkField or (
            isinstance(field, LinkField)
            and type(field).to_representation is LinkField.to_representation
            and type(field).get_url is LinkField.get_url
        ):
            if field.source != "*":
                raise NotLean(f"{name}: link")
            lookup = field.lookup_field
            if lookup == "pk":
                lookup = model._meta.pk.attname
            if _column_field(model, lookup) is None:
                raise NotLean(f"{name}: link by {field.lookup_field}")
            steps.append(
                (
                    "link",
                    name,
                    columns(prefix + lookup),
                    (field.view_name, field.lookup_url_kwarg),
                )
            )
            continue
        if type(field).get_attribute is not serializers.Field.get_attribute or isinstance(
            field, serializers.FileField
        ):
            raise NotLean(f"{name}: {type(field).__name__}")
        attrs = field.source_attrs
        if not attrs:
            raise NotLean(f"{name}: whole record")
        if not prefix and len(attrs) == 1 and attrs[0] in annotations:
            convert = str if type(field) in _STR_FIELDS else field.to_representation
            steps.append(("column", name, columns(attrs[0]), convert))
            continue
        path = _column_path(model, attrs, name)
        convert = str if type(field) in _STR_FIELDS else field.to_representation
        steps.append(("column", name, columns(prefix + path), convert))

    hidden = ()
    changeable = None
    if isinstance(serializer, PrivateFieldsMixin):
        hidden = private_fields(model)
        if not prefix and "_changeable" in annotations:
            changeable = columns("_changeable")

    return _compile(steps, hidden, changeable)


def _compile(steps, hidden, changeable):
    def build(row, request, many=None):
        ret = {}
        for step in steps:
            kind, name = step[0], step[1]
            if kind == "column":
                value = row[step[2]]
                ret[name] = None if value is None else step[3](value)
            elif kind == "link":
                view_name, kwarg = step[3]
                ret[name] = absolute_link(request, view_name, kwarg, row[step[2]])
            elif kind == "many":
                ret[name] = many[step[3].to_attr].get(row[step[2]], [])
            elif kind == "page":
                ret[name] = many[step[3].to_attr][row[step[2]]]
            elif kind == "nested":
                _, _, key, mark, inner = step
                if row[key] is None or (mark is not None and row[mark] is False):
                    ret[name] = None
                else:
                    ret[name] = inner(row, request)
            else:
                _, _, indexes, method, raw, to_representation = step
                try:
                    value = method(request, *(True if i is None else row[i] for i in indexes))
                except SkipField:
                    continue
                if raw:
                    ret[name] = value
                else:
                    ret[name] = None if value is None else to_representation(value)
        if hidden and not (changeable is not None and row[changeable]):
            for name in hidden:
                ret.pop(name, None)
        return ret

    return build


class _Many:
    """A many-valued field read as DRF reads it from a prefetch (``Prefetch(relation,
    queryset, to_attr=source)``, e.g. icsgov.core.api.views.visible_prefetch): the request's
    prefetch queryset, filtered to the page's records, read as tuples with the record each row
    belongs to, in the queryset's order — one query for the page, as the prefetch made."""

    def __init__(self, to_attr, lookup, build, columns):
        self.to_attr, self.lookup, self.build, self.columns = to_attr, lookup, build, columns

    @staticmethod
    def prefetch(queryset, to_attr):
        return next(
            (
                p
                for p in queryset._prefetch_related_lookups
                if isinstance(p, models.Prefetch) and p.to_attr == to_attr
            ),
            None,
        )

    @classmethod
    def for_field(cls, field, model):
        """The plan of ``field``; its prefetch's queryset is the planning request's (only its
        annotations shape the plan: they are part of the plan's key)."""
        prefetch = cls.prefetch(_planning.queryset, field.source)
        if prefetch is None or "__" in prefetch.prefetch_through or prefetch.queryset is None:
            raise NotLean(f"{field.field_name}: not a prefetch")
        relation = model._meta.get_field(prefetch.prefetch_through)
        if isinstance(relation, models.ManyToManyField):
            lookup = relation.related_query_name()
        elif isinstance(relation, models.ForeignObjectRel) and (
            relation.many_to_many or relation.one_to_many
        ):
            lookup = relation.field.name
        else:
            raise NotLean(f"{field.field_name}: {type(relation).__name__}")
        queryset = prefetch.queryset
        if queryset._prefetch_related_lookups or queryset.query.distinct_fields:
            raise NotLean(f"{field.field_name}: prefetch inside")
        columns = _Columns()
        columns(lookup)  # first: the record the row belongs to
        was, _planning.in_child = _planning.in_child, True
        try:
            build = _plan(field.child, queryset.model, "", columns, set(queryset.query.annotations))
        finally:
            _planning.in_child = was
        holder = cls(field.source, lookup, build, columns.names)
        _planning.many.append(holder)
        return holder

    def rows(self, queryset, pks, request, context, rows=()):
        """``{record's pk: [its answers]}`` for the page's records."""
        groups = {}
        if not pks:
            return groups
        prefetched = self.prefetch(queryset, self.to_attr).queryset
        rows = prefetched.filter(**{f"{self.lookup}__in": pks}).values_list(*self.columns)
        build = self.build
        for row in rows:
            groups.setdefault(row[0], []).append(build(row, request))
        return groups


class _Page:
    """A field the serializer makes for a whole page (``lean_page_<field>``), given the page's
    values of the columns it names in ``lean_page_columns`` if any."""

    def __init__(self, name, method, pk_index, indexes=()):
        self.to_attr, self.method = f"page:{name}", method
        self.pk_index, self.indexes = pk_index, indexes

    def rows(self, queryset, pks, request, context, rows=()):
        """``{record's pk: value}`` for the page's records (``rows``)."""
        if not pks:
            return {}
        if not self.indexes:
            return self.method(context, pks)
        values = {row[self.pk_index]: tuple(row[i] for i in self.indexes) for row in rows}
        return self.method(context, pks, values)


class _Planning(threading.local):
    """What the plan being made needs of the request's queryset (set while planning)."""

    queryset = None
    many: list = []  # noqa: RUF012 (set per planning)
    in_child = False  # planning a many-valued field's child


_planning = _Planning()


class Plan:
    """A list's lean read, made once per serializer class, ``?fields=`` and annotations."""

    def __init__(self, columns, build, many, pk_index):
        self.columns, self.build, self.many, self.pk_index = columns, build, many, pk_index

    def queryset(self, queryset):
        """The request's queryset read as the plan's tuples."""
        return queryset.prefetch_related(None).values_list(*self.columns)

    def render(self, rows, queryset, request, context=None):
        """The answers for ``rows`` (tuples of ``self.queryset(queryset)``); ``context`` is the
        request's serializer context (for the fields made per page)."""
        rows = list(rows)
        build = self.build
        if not self.many:
            return [build(row, request) for row in rows]
        pks = [row[self.pk_index] for row in rows]
        context = {"request": request} if context is None else context
        found = {
            many.to_attr: many.rows(queryset, pks, request, context, rows) for many in self.many
        }
        return [build(row, request, found) for row in rows]


def plan_key(serializer_class, fields, queryset):
    """What a plan depends on besides the serializer class: the fields asked for (``?fields=``),
    the annotations of the queryset (the visibility marks and ``_changeable``, which differ
    by viewer) and those of its prefetches' querysets."""
    prefetches = tuple(
        (p.to_attr, p.prefetch_through, tuple(sorted(p.queryset.query.annotations)))
        for p in queryset._prefetch_related_lookups
        if isinstance(p, models.Prefetch) and p.queryset is not None
    )
    return (
        serializer_class,
        fields,
        queryset.model,
        tuple(sorted(queryset.query.annotations)),
        prefetches,
    )


_plans: dict = {}


UNPLANNED = object()


def cached_plan(key):
    """The plan kept for ``key`` (None: the serializer path), or ``UNPLANNED``."""
    return _plans.get(key, UNPLANNED)


def plan_for(serializer, queryset, key=None):
    """The lean read of ``queryset`` as ``serializer`` (a list's child) answers it, or None when
    the serializer shows something the lean path does not make (then use the serializer).
    With ``key`` (``plan_key``), the plan is kept for the next request with the same key."""
    plan = None
    if not queryset.query.distinct_fields and queryset._fields is None:
        columns = _Columns()
        _planning.queryset, _planning.many = queryset, []
        try:
            build = _plan(serializer, queryset.model, "", columns, set(queryset.query.annotations))
        except NotLean:
            build = None
        finally:
            many, _planning.queryset, _planning.many = _planning.many, None, []
        if build is not None:
            pk_index = columns("pk") if many else None
            plan = Plan(columns.names, build, many, pk_index)
    if key is not None:
        if len(_plans) > 500:
            _plans.clear()
        _plans[key] = plan
    return plan


def answers(serializer, queryset, request, *extra, context=None):
    """``[(answer, *extra values)]``: the rows of ``queryset`` as ``serializer`` answers them,
    read lean, each with the values of its ``extra`` columns (``__`` paths) — for a detail's
    nested lists (a body's members and seats as at a date), made without model instances. The
    plan is kept as a list's is. When the serializer's answer cannot be made from columns, the
    same through the serializer: the instances answered by a serializer of the same class and
    arguments, the extra values read as columns of the same rows."""
    key = plan_key(type(serializer), ("answers", *extra), queryset)
    plan = cached_plan(key)
    if plan is UNPLANNED:
        plan = plan_for(serializer, queryset, key)
    if plan is None:
        instances = list(queryset)
        context = {"request": request} if context is None else context
        kwargs = {k: v for k, v in serializer._kwargs.items() if k not in ("many", "context")}
        data = type(serializer)(instances, many=True, context=context, **kwargs).data
        values = {}
        if extra and instances:
            rows = queryset.filter(pk__in=[i.pk for i in instances]).values_list("pk", *extra)
            values = {pk: tuple(rest) for pk, *rest in rows}
        return [
            (dict(answer), *values.get(instance.pk, (None,) * len(extra)))
            for answer, instance in zip(data, instances, strict=True)
        ]
    at = len(plan.columns)
    rows = list(queryset.prefetch_related(None).values_list(*plan.columns, *extra))
    built = plan.render([row[:at] for row in rows], queryset, request, context)
    return [(answer, *row[at:]) for answer, row in zip(built, rows, strict=True)]
