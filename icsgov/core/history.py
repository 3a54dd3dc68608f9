"""History: every change to registry data, from any door, recorded by database triggers
(django-pghistory) and read back here — once, for the admin's history pages and the API's
``/changes/`` alike.

Writes made in a web request carry their user and address (pghistory's middleware); management
commands wrap their work in :func:`command_context`. Reading: :func:`visible_events` is the
changes a viewer may see (those of records they may see, icsgov.core.visibility), and
:func:`describe` turns an event into a :class:`Change` — when, who, through which door, and each
changed field before and after — leaving out private fields (contact details) for viewers who
may not change the record, and :func:`visible_events` leaves out changes to nothing but those
fields, so the public history does not even date them.
"""

import functools
import getpass
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field

import pghistory
from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.core.signals import setting_changed
from django.db import connection, connections, transaction
from django.db.models import BigIntegerField, BooleanField, Exists, OuterRef, Q, TextField
from django.db.models.expressions import RawSQL
from django.db.models.fields.json import KeyTextTransform
from django.db.models.functions import Cast

from icsgov.core import registry, scoping
from icsgov.core.dates import taken_as_today, today
from icsgov.core.visibility import (
    is_declared,
    private_fields,
    sees_unpublished,
    visible,
    visible_rows,
)

LABELS = ("insert", "update", "delete")
#: Each kind of change in the secretariat's words (the admin's history pages and changes list).
WORDS = {"insert": "added", "update": "changed", "delete": "deleted"}


def command_context(command: str, user=None):
    """History context for changes made by a management command (on ``user``'s behalf)."""
    metadata = {"command": command, "os_user": getpass.getuser()}
    if user is not None:
        metadata["user"] = user.pk
        metadata["username"] = user.get_username()
    return pghistory.context(**metadata)


def tracked_models() -> list:
    """Registry models whose changes are recorded (every one of them)."""
    return [m for m in registry.registry_models() if _event_model(m) is not None]


def event_model(model):
    """The event model pghistory records ``model``'s changes in (None if not tracked)."""
    return _event_model(model)


def model_of(label):
    """The model of an event's ``pgh_obj_model`` label, or None."""
    return _model(label)


def _event_model(model):
    from pghistory.models import Event

    for related in model._meta.related_objects:
        if issubclass(related.related_model, Event):
            return related.related_model
    return None


def last_recorded(objects) -> dict:
    """{pk: when its latest change was recorded} for ``objects`` (records of one model), in one
    query: when the registry learnt of each, for feeds of what is new."""
    from django.db.models import Max

    objects = list(objects)
    if not objects:
        return {}
    events = _event_model(type(objects[0]))
    if events is None:
        return {}
    rows = (
        events.objects.filter(pgh_obj_id__in=[obj.pk for obj in objects])
        .values("pgh_obj_id")
        .annotate(at=Max("pgh_created_at"))
    )
    return {row["pgh_obj_id"]: row["at"] for row in rows}


def _ids_text(queryset):
    return queryset.annotate(pk_text=Cast("pk", TextField())).values("pk_text")


def _seen_rows(model, user):
    """The rows of ``model`` whose changes ``user`` may see, or None for none of them."""
    if is_declared(model):
        return visible_rows(model._default_manager.all(), user)
    if user is not None and scoping.is_scoped(model) and scoping.can(user, scoping.VIEW):
        return scoping.restrict(model._default_manager.all(), user, scoping.VIEW)
    return None


def _private_only_updates(model, hidden, *, of_table=None):
    """SQL for the ``pgh_id`` of ``model``'s update events that changed nothing but the
    ``hidden`` fields, read from its event table alone: each update compared with the previous
    event of the same record (found by the (pgh_obj_id, pgh_id) index), field by field as
    django-pghistory's ``pgh_diff`` compares them — keys present in both, ``pgh_`` keys left
    out — so that no event's diff is built for the whole history. An update with no previous
    event, or one that changed no field at all, is not one of them (its diff is null, as
    pghistory gives it).

    With ``of_table`` (the outer query's table, which has a ``pgh_id``), only the update of the
    outer row is looked at: Postgres then checks the rows it reads one by one, by the event
    table's primary key, and need not find every such update first (or hashes them all, if
    there are few)."""
    qn = connection.ops.quote_name
    table = qn(_event_model(model)._meta.db_table)
    names = ", ".join("%s" for _ in hidden)
    changed = (
        "SELECT 1 FROM jsonb_each(row_to_json(_update)::jsonb) _curr "
        "JOIN jsonb_each(row_to_json(_prev)::jsonb) _before ON _before.key = _curr.key "
        "WHERE _curr.key NOT LIKE 'pgh_%%' AND _curr.value != _before.value"
    )
    outer = f" AND _update.pgh_id = {qn(of_table)}.pgh_id" if of_table else ""
    sql = (
        f"SELECT _update.pgh_id FROM {table} _update "
        f"JOIN LATERAL (SELECT * FROM {table} _p WHERE _p.pgh_obj_id = _update.pgh_obj_id "
        "AND _p.pgh_id < _update.pgh_id ORDER BY _p.pgh_id DESC LIMIT 1) _prev ON TRUE "
        f"WHERE _update.pgh_label = 'update'{outer} AND EXISTS ({changed}) "
        f"AND NOT EXISTS ({changed} AND _curr.key NOT IN ({names}))"
    )
    return RawSQL(sql, tuple(hidden), output_field=BigIntegerField())


def _of_rows(model, rows, per_row):
    """The condition "the event's record is one of ``rows``": a hashed list of the rows' ids
    (the whole history is read: each list is made once), or, ``per_row``, an ``EXISTS`` for
    the event's own record by its primary key (a page read from the top of an index: only the
    events it reads are checked, and Postgres still hashes a list small enough for
    ``work_mem``)."""
    if per_row:
        record = Cast(OuterRef("pgh_obj_id"), type(model._meta.pk)())
        return Q(pgh_obj_model=model._meta.label) & Q(Exists(rows.filter(pk=record)))
    return Q(pgh_obj_model=model._meta.label, pgh_obj_id__in=_ids_text(rows))


def _events_of(events, rows_of, user, *, per_row=False, models=None):
    """``events`` of the rows ``rows_of(model, user)`` gives for each tracked model (one query
    whatever the number of models), without updates that changed only fields the user may not
    see. ``per_row``: each event is checked on its own (:func:`_of_rows`), for a page of the
    changes feed's keys read in the order of their index. ``models``: only those models'
    events (by default every tracked model's), and only their rules are built."""
    models = tracked_models() if models is None else models
    events = events.filter(pgh_obj_model__in=[m._meta.label for m in models])
    if sees_unpublished(user):
        return events
    condition = Q(pk__in=[])
    aliases = {}
    for model in models:
        rows = rows_of(model, user)
        if rows is not None:
            condition |= _of_rows(model, rows, per_row)
        deleted, model_aliases = _deleted_in_systems(model, user)
        condition |= deleted
        aliases |= model_aliases
    events = events.alias(**aliases).filter(condition)
    outer = events.model._meta.db_table if per_row else None
    for model in models:
        hidden = private_fields(model)
        if not hidden:
            continue
        kept = scoping.restrict(model._default_manager.all(), user, scoping.CHANGE)
        events = events.exclude(
            Q(pgh_obj_model=model._meta.label, pgh_label="update")
            & Q(pgh_id__in=_private_only_updates(model, hidden, of_table=outer))
            & ~Q(pgh_obj_id__in=_ids_text(kept))
        )
    return events


def _has_column(model, attname):
    return any(f.attname == attname and f.column == attname for f in model._meta.concrete_fields)


def _deleted_in_systems(model, user, systems=None):
    """(condition, aliases) for the delete events of ``model`` whose record was in a system the
    user has a role on, judged from the record's last values (the deleted row is gone, but its
    link towards its system is in the event): the staff of that system see the deletion."""
    if systems is None:
        staff = bool(user is not None and user.is_authenticated and user.is_active)
        staff = staff and user.is_staff  # roles count for staff only, as for the records
        systems = scoping.system_ids(user, scoping.VIEW) if staff else set()
    scope = scoping.scope_of(model)
    if not systems or scope is None:
        return Q(pk__in=[]), {}
    condition, aliases = Q(pk__in=[]), {}
    label = model._meta.label
    events = _event_model(model)
    for path in scope.paths:
        if path == "pk":
            condition |= Q(pgh_obj_model=label, pgh_obj_id__in=[str(pk) for pk in systems])
            continue
        if scoping._multi_valued(model, path):
            continue
        first, _, rest = path.partition("__")
        field = model._meta.get_field(first)
        if rest:
            linked = field.related_model._base_manager.filter(**{f"{rest}__in": systems})
            ids = linked.values("pk")
        else:
            ids = list(systems)
        if events is not None and _has_column(events, field.attname):
            # The event table keeps the link as a column: its deletions are found there, by
            # the event's key, without building every event's data.
            deleted = events.objects.filter(pgh_label="delete", **{f"{field.attname}__in": ids})
            condition |= Q(pgh_obj_model=label, pgh_label="delete") & Q(
                pgh_id__in=deleted.values("pgh_id")
            )
            continue
        alias = f"_deleted_{model._meta.model_name}_{first}"
        aliases[alias] = Cast(KeyTextTransform(field.attname, "pgh_data"), BigIntegerField())
        condition |= Q(pgh_obj_model=label, pgh_label="delete") & Q(**{f"{alias}__in": ids})
    return condition, aliases


def visible_events(user):
    """The changes of the records ``user`` may see: the public record's for everyone, and the
    user's own systems' for staff, from django-pghistory's union of the event tables."""
    from pghistory.models import Events

    return _events_of(Events.objects.all(), _seen_rows, user)


def visible_keys(keys, user, models=None):
    """``keys`` (the changes feed's keys table, icsgov.ChangeKey, which this layer does not
    import) limited to the changes :func:`visible_events` gives ``user``, by the same rules,
    each key checked on its own: a page read from the top of the keys' index checks only the
    keys it reads, where the union had to decide for every event of the history first (the
    API's /changes/; docs/performance.md, "The changes feed read from the top"). ``models``:
    only the events of those tracked models (a feed filtered by kind of record builds the rules
    of that kind alone).

    Not for use inside another query (a subquery): the condition names the keys table itself,
    which Django would not rename there.

    The condition is built for the user's :class:`Viewer` and kept, as SQL, for every request
    of a viewer with the same key on the same day (:func:`_keys_condition`; forgotten when a
    setting changes, as in tests: a rule may read one, e.g. ``SHOW_SYNTHETIC``): building and
    compiling it, a rule for each of 37 kinds of record, was most of a signed-in page's time."""
    models = tracked_models() if models is None else models
    labels = tuple(model._meta.label for model in models)
    if sees_unpublished(user):
        return keys.filter(pgh_obj_model__in=labels)
    viewer = Viewer(user)
    sql = _keys_condition(keys.model._meta.label, viewer.key, today(), labels, keys.db)
    return keys.filter(RawSQL(sql, (), output_field=BooleanField()))


class Viewer:
    """What the visibility and scoping rules read of a user (icsgov.core.visibility and
    icsgov.core.scoping): whether they are signed in, active, staff and a superuser, and the
    systems they may view and change. A condition built for a viewer is the one for every user
    with the same :attr:`key` (on the same day: the rules read today's date too), so it can be
    kept for them; anything else of the user is not here to be read (an AttributeError), so a
    rule that came to read it could not make a condition shared by users who differ in it."""

    __slots__ = ("is_authenticated", "is_active", "is_staff", "is_superuser", "_scoping_systems")

    def __init__(self, user):
        signed_in = bool(user is not None and user.is_authenticated)
        self.is_authenticated = signed_in
        self.is_active = signed_in and bool(user.is_active)
        self.is_staff = signed_in and bool(user.is_staff)
        self.is_superuser = signed_in and bool(user.is_superuser)
        self._scoping_systems = {
            action: frozenset(scoping.system_ids(user, action) or ())
            for action in (scoping.VIEW, scoping.CHANGE)
        }

    @property
    def key(self):
        systems = self._scoping_systems
        return (
            self.is_authenticated,
            self.is_active,
            self.is_staff,
            self.is_superuser,
            systems[scoping.VIEW],
            systems[scoping.CHANGE],
        )

    @classmethod
    def of_key(cls, key):
        viewer = cls.__new__(cls)
        (
            viewer.is_authenticated,
            viewer.is_active,
            viewer.is_staff,
            viewer.is_superuser,
            view,
            change,
        ) = key
        viewer._scoping_systems = {scoping.VIEW: view, scoping.CHANGE: change}
        return viewer


def _refuse_queries(execute, sql, params, many, context):
    raise RuntimeError(
        "A visibility rule read the database while the changes feed's condition was built: "
        "the condition is kept for other requests, so it may be made of nothing but the "
        f"viewer, the date and SQL (the query: {sql[:200]})"
    )


def _forget_conditions(**kwargs):
    _keys_condition.cache_clear()


setting_changed.connect(_forget_conditions, dispatch_uid="icsgov-history-conditions")


@functools.lru_cache(maxsize=128)
def _keys_condition(keys_label, viewer_key, day, labels, using):
    """The SQL, its values written in, of :func:`visible_keys`'s condition on the keys table
    ``keys_label``, for the viewer of ``viewer_key`` on ``day``, over the models of ``labels``:
    built once per process for each (128 kept, the least recently used forgotten). The rules
    read today's date themselves; while it is built, today is ``day``. No query may run while
    it is built: a value read from the database here would be kept past a change."""
    keys = apps.get_model(keys_label)._default_manager.using(using).all()
    models = [apps.get_model(label) for label in labels]
    with ExitStack() as stack:
        for alias in connections:
            stack.enter_context(connections[alias].execute_wrapper(_refuse_queries))
        stack.enter_context(taken_as_today(day))  # the rules' today is the key's
        query = _events_of(
            keys, _seen_rows, Viewer.of_key(viewer_key), per_row=True, models=models
        ).query
        sql, params = query.get_compiler(using).compile(query.where)
    # Its values written into it as literals (the driver's own quoting), so that a statement
    # prepared with it (icsgov.core.prepared) is planned knowing them: a generic plan cannot
    # use a partial index, or a value's own frequency, for a value it is not given.
    connection = connections[using]
    connection.ensure_connection()
    with connection.connection.cursor() as cursor:
        return cursor.mogrify(sql, params).decode().replace("%", "%%")


def events_by_key(keys, model=None) -> list:
    """The events of ``keys`` (``pgh_slug``: "app.ModelEvent:pgh_id"), in that order, read from
    their own event tables by primary key (``model``: pghistory's ``Events`` or a proxy of it).
    A list of changes chooses its page's keys first, from what the viewer may see, and reads
    the page's events whole only then: asking ``Events`` for a page directly builds every
    event's data and its difference from the previous one for the whole history (about 376,000
    events at national scale) before keeping the page."""
    from pghistory.models import Events

    model = model or Events
    ids = {}
    for key in keys:
        label, _, pgh_id = key.rpartition(":")
        ids.setdefault(label, []).append(int(pgh_id))
    if not ids:
        return []
    condition = Q(pk__in=[])
    for label, numbers in ids.items():
        condition |= Q(pgh_model=label, pgh_id__in=numbers)
    place = {key: n for n, key in enumerate(keys)}
    events = model.objects.across(*ids).filter(condition)
    return sorted(events, key=lambda event: place[event.pgh_slug])


#: Memory for each sort or hash of a history read (Postgres's ``work_mem``, for that
#: transaction only). A viewer's changes are kept by "the event's record is one of the rows of
#: X they may see", one hashed list per kind of record; Postgres hashes the list only if it fits
#: in ``work_mem`` (4 MB by default: about 100,000 rows), and otherwise scans the whole list
#: again for every event — at national scale 242,000 attendances by 242,000 events, which did
#: not finish in ten minutes. 64 MB holds lists of about 1.5 million rows.
HISTORY_WORK_MEM = "64MB"


#: Memory for a page of the changes feed's keys read from the top of their index
#: (:func:`visible_keys`): Postgres hashes the rows of a kind of record the viewer may see only
#: if they fit, and otherwise checks each key it reads by the record's primary key. A page
#: reads a few hundred keys, so checking them one by one is cheap, where hashing a large kind
#: (242,000 attendances at national scale) reads all of it first; and with less memory there
#: are fewer plans to weigh. Measured at national scale, an anonymous page of 100: planning
#: 20 ms and running 2.4 ms with 1 MB, against 39 and 4.7 with 64 MB.
KEYS_WORK_MEM = "1MB"


@contextmanager
def reading_history(work_mem=HISTORY_WORK_MEM):
    """A transaction for reading :func:`visible_events` (or the admin's lists of changes) with
    the memory its hashed lists need (:data:`HISTORY_WORK_MEM`), or for reading
    :func:`visible_keys` with ``KEYS_WORK_MEM``."""
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT set_config('work_mem', %s, true)", [work_mem])
        yield


def _rows_in_systems(model, user):
    if not scoping.is_scoped(model):
        return None
    return scoping.restrict(model._default_manager.all(), user, scoping.VIEW)


def events_in_systems(events, user):
    """``events`` limited to the records of the user's own systems (the admin's changes list)."""
    return _events_of(events, _rows_in_systems, user)


def events_in_system(events, user, system_id):
    """``events`` limited to the user's own systems (:func:`events_in_systems`) and to the
    records of one system, deletions included (a system's start page, the changes list's system
    filter)."""
    condition = Q(pk__in=[])
    aliases = {}
    for model in tracked_models():
        if not scoping.is_scoped(model):
            continue
        rows = model._default_manager.filter(scoping.in_systems_q(model, {system_id}))
        condition |= Q(pgh_obj_model=model._meta.label, pgh_obj_id__in=_ids_text(rows))
        deleted, model_aliases = _deleted_in_systems(model, user, systems={system_id})
        condition |= deleted
        aliases |= model_aliases
    return events_in_systems(events, user).alias(**aliases).filter(condition)


@dataclass
class FieldChange:
    name: str
    label: str
    before: object
    after: object
    #: For a link to another record, the values as people read them: its name, or "a record
    #: you may not see" (set by :func:`describe_all`; the raw ids stay in before/after).
    before_text: str | None = None
    after_text: str | None = None

    @property
    def shown_before(self):
        return self.before_text if self.before_text is not None else self.before

    @property
    def shown_after(self):
        return self.after_text if self.after_text is not None else self.after


@dataclass
class Change:
    id: str
    when: object
    label: str
    model: str  # app.model, lower case
    object_id: str
    object_slug: str | None
    who: str | None
    via: str | None
    fields: list = field(default_factory=list)

    @property
    def what(self) -> str:
        """The kind of change as people say it: added, changed or deleted."""
        return WORDS.get(self.label, self.label)


def _field_label(model, name):
    if model is None:
        return name
    try:
        return str(model._meta.get_field(name.removesuffix("_id")).verbose_name)
    except FieldDoesNotExist:
        return name


def event_users(events) -> dict:
    """The users named in ``events``' contexts, in one query (always one, so a list's query
    count does not depend on what its page holds)."""
    from django.contrib.auth import get_user_model

    ids = {
        e.pgh_context["user"]
        for e in events
        if e.pgh_context and isinstance(e.pgh_context.get("user"), int)
    }
    return {u.pk: u for u in get_user_model().objects.filter(pk__in=ids)}


def private_shown_for(events, user) -> set:
    """(model label, object id) of the events' records whose private fields ``user`` may see:
    those the user may change (one query per model with private fields)."""
    if sees_unpublished(user):
        return {(e.pgh_obj_model, e.pgh_obj_id) for e in events}
    shown = set()
    by_model = {}
    for event in events:
        by_model.setdefault(event.pgh_obj_model, set()).add(event.pgh_obj_id)
    for label, ids in by_model.items():
        model = _model(label)
        if model is None or not private_fields(model):
            continue
        numeric = [int(i) for i in ids if str(i).isdigit()]
        kept = scoping.restrict(model._default_manager.filter(pk__in=numeric), user, scoping.CHANGE)
        shown |= {(label, str(pk)) for pk in kept.values_list("pk", flat=True)}
    return shown


def _model(label):
    try:
        return apps.get_model(label)
    except (LookupError, ValueError):
        return None


def describe(event, users: dict, *, show_users: bool, show_private: bool) -> Change:
    """One event as people read it. ``show_users``: name staff users (staff viewers) rather than
    'registry staff'; ``show_private``: keep the record's private fields."""
    context = event.pgh_context or {}
    user = users.get(context.get("user"))
    if "command" in context:
        named = context.get("username") if show_users else None
        who, via = named or f"command {context['command']}", f"command {context['command']}"
    elif user is not None or context.get("user"):
        who = (user.get_username() if user else None) if show_users else "registry staff"
        via = context.get("url")
    else:
        who, via = None, context.get("url")
    data = event.pgh_data or {}
    if event.pgh_label == "update":
        pairs = dict(event.pgh_diff or {})
    elif event.pgh_label == "delete":
        pairs = {name: [value, None] for name, value in data.items()}
    else:
        pairs = {name: [None, value] for name, value in data.items()}
    model = _model(event.pgh_obj_model)
    hidden = () if show_private or model is None else private_fields(model)
    return Change(
        id=event.pgh_slug,
        when=event.pgh_created_at,
        label=event.pgh_label,
        model=event.pgh_obj_model.lower(),
        object_id=event.pgh_obj_id,
        object_slug=data.get("slug"),
        who=who,
        via=via,
        fields=[
            FieldChange(name, _field_label(model, name), before, after)
            for name, (before, after) in sorted(pairs.items())
            if name not in hidden
        ],
    )


def describe_all(events, user, *, named=True) -> list[Change]:
    """``events`` described for ``user`` (a page of them: three queries, and one per kind of
    record their links point to, however many events). ``named=False`` leaves links as ids
    (the API gives ids only; the names are for pages and the admin)."""
    events = list(events)
    users = event_users(events)
    shown = private_shown_for(events, user)
    staff = bool(user is not None and user.is_authenticated and user.is_staff)
    changes = [
        describe(
            e,
            users,
            show_users=staff,
            show_private=(e.pgh_obj_model, e.pgh_obj_id) in shown,
        )
        for e in events
    ]
    if named:
        name_links(changes, user)
    return changes


#: How a linked record the reader may not see is named in a change.
NOT_SEEN = "a record you may not see"
#: The field that names a record, in the order looked for.
NAME_FIELDS = ("name", "label", "title", "term")


def _link_target(model_label, name):
    """The model a change's field links to, if the field is a link (``board`` or ``board_id``)."""
    model = _model(model_label)
    if model is None:
        return None
    try:
        field_ = model._meta.get_field(name.removesuffix("_id"))
    except FieldDoesNotExist:
        return None
    return field_.related_model if field_.many_to_one or field_.one_to_one else None


def name_links(changes, user):
    """Give each change's links to other records their names (one query per kind of record
    linked to), as ``user`` may see them: a record they may not see is named as such, never."""
    wanted: dict = {}
    targets = {}
    for change in changes:
        for f in change.fields:
            target = _link_target(change.model, f.name)
            if target is None:
                continue
            targets[(change.model, f.name)] = target
            for value in (f.before, f.after):
                if isinstance(value, int):
                    wanted.setdefault(target, set()).add(value)
    names = {}
    for target, ids in wanted.items():
        if not is_declared(target):
            names[target] = {pk: f"#{pk}" for pk in ids}
            continue
        rows = visible(target._default_manager.filter(pk__in=ids), user)
        field_names = {f.name for f in target._meta.fields}
        name_field = next((n for n in NAME_FIELDS if n in field_names), None)
        if name_field:
            names[target] = dict(rows.values_list("pk", name_field))
        else:
            # Its own words for itself, with what they name fetched in the same query.
            names[target] = {obj.pk: str(obj) for obj in rows.select_related()}
    for change in changes:
        for f in change.fields:
            target = targets.get((change.model, f.name))
            if target is None:
                continue
            for side in ("before", "after"):
                value = getattr(f, side)
                if isinstance(value, int):
                    setattr(f, f"{side}_text", names[target].get(value, NOT_SEEN))


HISTORY_LIMIT = 500


def object_history(obj, user) -> list[Change]:
    """The changes of one record, newest first, as ``user`` may read them."""
    from pghistory.models import Events

    events = Events.objects.tracks(obj).order_by("-pgh_created_at", "-pgh_id")[:HISTORY_LIMIT]
    return describe_all(events, user)
