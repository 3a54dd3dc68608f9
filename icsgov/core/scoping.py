"""Who may see and change which rows: per-system scoping, knowing no model by name.

"Secretariat staff of one ICS edit that ICS only." Every registry model says how its rows reach
their system with a :class:`Scope` in its ``system_scope`` attribute (a membership reaches it
through ``post__board__system``); the project tells the engine who holds which role with
:func:`set_role_source`. Then every door asks the same questions here:

- :func:`restrict` — the rows of a queryset a user may view or change;
- :func:`can` — whether a user may view or change one record (or any record of a kind);
- :func:`linkable` — the rows a record written by the user may link to: their own systems'
  rows and the public national records (an organisation with no system, such as NHS England),
  plus, by design, the public rows of other systems where the model or the link says so (a
  published person may sit in several systems; an organisation may succeed another system's);
- :func:`links_outside` — the links of a record about to be saved that point outside that.

A link to another system's record is refused without saying what is there: the doors offer only
:func:`linkable` rows, so another system's record is as unknown as a misspelt one.
"""

from collections.abc import Callable, Iterable

from django.db.models import Exists, OuterRef, Q

VIEW, CHANGE = "view", "change"


class Scope:
    """How a model's rows reach their system.

    ``paths`` are lookups from the model to its ``System`` (``"pk"`` for the system itself); a
    row is in every system any path reaches. ``national``: rows that reach no system are
    national records, which every staff user may see and link to (when public) and only
    superusers change. ``citable``: any system's records may link to this model's public rows
    (a person appointed in two systems). A model may also name, in ``cross_system_links``, the
    links of its own that may point to another system's public record.

    ``Scope.shared()`` is for records that belong to no system by nature (the sources every
    system cites): every staff user sees and links to them, any secretariat user may add one,
    and only superusers change or remove one (others may be citing it)."""

    def __init__(self, *paths: str, national: bool = False, citable: bool = False):
        if not paths:
            raise ValueError("A scope needs at least one path to the system.")
        self.paths = paths
        self.national = national
        self.citable = citable
        self.is_shared = False

    @classmethod
    def shared(cls):
        scope = cls.__new__(cls)
        scope.paths, scope.national, scope.citable, scope.is_shared = (), True, True, True
        return scope

    def __repr__(self):
        if self.is_shared:
            return "Scope.shared()"
        return f"Scope({', '.join(map(repr, self.paths))}, national={self.national})"


def scope_of(model) -> Scope | None:
    return getattr(model, "system_scope", None)


def is_scoped(model) -> bool:
    return isinstance(scope_of(model), Scope)


# -- roles ---------------------------------------------------------------------------------

#: user -> iterable of (system id, may change) pairs. Set by the project (icsgov.access).
_role_source: Callable | None = None


def set_role_source(source: Callable[[object], Iterable[tuple[int, bool]]]):
    global _role_source
    _role_source = source


def _active_staff(user) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_active and user.is_staff)


def system_ids(user, action: str) -> set[int] | None:
    """Ids of the systems ``user`` may view (any role) or change (secretariat); ``None`` for
    everything (active superusers). Cached on the user object for the request."""
    if user is None or not (user.is_authenticated and user.is_active):
        return set()
    if user.is_superuser:
        return None
    cache = getattr(user, "_scoping_systems", None)
    if cache is None:
        cache = {VIEW: set(), CHANGE: set()}
        for system_id, may_change in _role_source(user) if _role_source else ():
            cache[VIEW].add(system_id)
            if may_change:
                cache[CHANGE].add(system_id)
        user._scoping_systems = cache
    return cache[VIEW if action == VIEW else CHANGE]


# -- rows ----------------------------------------------------------------------------------


def _multi_valued(model, path: str) -> bool:
    """Whether ``path`` crosses a reverse or many-to-many relation (so a row may reach several
    systems, and a plain filter would repeat it)."""
    if path == "pk":
        return False
    for part in path.split("__"):
        field = model._meta.get_field(part)
        if field.many_to_many or field.one_to_many:
            return True
        model = field.related_model
    return False


def _reaches(model, path: str, condition: dict) -> Q:
    lookup = {f"{path}__{key}": value for key, value in condition.items()}
    if _multi_valued(model, path):
        return Q(Exists(model._base_manager.filter(pk=OuterRef("pk"), **lookup)))
    return Q(**lookup)


def in_systems_q(model, systems) -> Q:
    """Rows of ``model`` that reach any of ``systems`` (ids)."""
    q = Q(pk__in=[])
    for path in scope_of(model).paths:
        q |= _reaches(model, path, {"in": systems})
    return q


def no_system_q(model) -> Q:
    """Rows of ``model`` that reach no system (national records)."""
    q = Q()
    for path in scope_of(model).paths:
        q &= ~_reaches(model, path, {"isnull": False})
    return q


def scope_q(model, systems, action: str) -> Q:
    """The condition for rows of ``model`` that ``action`` may reach, given ``systems``."""
    q = in_systems_q(model, systems)
    if action == VIEW and scope_of(model).national:
        q |= no_system_q(model)
    return q


def restrict(queryset, user, action: str = VIEW):
    """``queryset`` limited to the rows ``user`` may view or change. Models with no scope are
    for superusers only."""
    if not is_scoped(queryset.model):
        return queryset if (user is not None and user.is_superuser) else queryset.none()
    systems = system_ids(user, action)
    if systems is None:
        return queryset
    if not _active_staff(user):
        return queryset.none()
    return queryset.filter(scope_q(queryset.model, systems, action))


def can(user, action: str, obj=None, fresh: bool = False) -> bool:
    """Whether ``user`` may ``action`` ('view' or 'change'; add and delete count as change)
    ``obj``, or, without an object, any row of its kind. Answers for an object are cached on the
    user for the request; ``fresh`` asks the database again (e.g. after a save)."""
    if not _active_staff(user):
        return False
    if user.is_superuser:
        return True
    action = VIEW if action == VIEW else CHANGE
    if obj is None:
        return bool(system_ids(user, action))
    if not is_scoped(type(obj)):
        return False
    if obj.pk is None:
        return bool(system_ids(user, action))
    if scope_of(type(obj)).is_shared and action == CHANGE:
        return False  # shared records are changed by superusers only
    model = type(obj)
    cache = getattr(user, "_scoping_objects", None)
    if cache is None:
        cache = user._scoping_objects = {}
    key = (model._meta.label_lower, obj.pk, action)
    if fresh or key not in cache:
        qs = restrict(model._default_manager.filter(pk=obj.pk), user, action)
        cache[key] = qs.exists()
    return cache[key]


def may_delete(user, obj=None, model=None) -> bool:
    """Whether ``user`` may delete ``obj`` (or records of ``model``): public records that are
    ended or withdrawn rather than deleted (the model's ``withdraw_instead``) are deleted by
    superusers only; others by whoever may change them."""
    model = type(obj) if obj is not None else model
    if getattr(model, "withdraw_instead", None):
        return bool(user is not None and user.is_active and user.is_superuser)
    return can(user, CHANGE, obj) if obj is not None else can(user, CHANGE)


def changeable_annotation(queryset, user, name="_changeable"):
    """``queryset`` with a boolean ``name``: whether ``user`` may change each row (one query for
    the whole list, e.g. to show private fields only where the user keeps the record)."""
    from django.db.models import BooleanField, Value

    if user is not None and user.is_superuser and user.is_active:
        return queryset.annotate(**{name: Value(True, output_field=BooleanField())})
    if not _active_staff(user) or not is_scoped(queryset.model):
        return queryset.annotate(**{name: Value(False, output_field=BooleanField())})
    rows = restrict(queryset.model._default_manager.filter(pk=OuterRef("pk")), user, CHANGE)
    return queryset.annotate(**{name: Exists(rows)})


# -- links ---------------------------------------------------------------------------------


def _cites_across_systems(model, via) -> bool:
    if scope_of(model).citable:
        return True
    if via is None:
        return False
    linking_model, name = via
    return name in getattr(linking_model, "cross_system_links", ())


def linkable(model, user, via=None):
    """The rows of ``model`` a record written by ``user`` may link to: rows of the systems the
    user keeps; public national rows of a model with national records; and public rows of any
    system when the model is citable or the link (``via``: (linking model, field name)) is one
    of its model's ``cross_system_links``. Superusers link to anything."""
    queryset = model._default_manager.all()
    if user is not None and user.is_active and user.is_superuser:
        return queryset
    if not is_scoped(model):
        return queryset.none()
    scope = scope_of(model)
    allowed = Q(pk__in=restrict(queryset, user, CHANGE).values("pk"))
    if scope.national or _cites_across_systems(model, via):
        from icsgov.core import visibility

        public = visibility.visible(model._default_manager.all(), None)
        if not _cites_across_systems(model, via):
            public = public.filter(no_system_q(model))
        allowed |= Q(pk__in=public.values("pk"))
    return queryset.filter(allowed)


def links_outside(instance, user, many=None) -> list[str]:
    """Names of ``instance``'s links (foreign keys, and the many-to-many values in ``many``:
    {field name: objects}) that point to records ``user`` may not link to."""
    outside = []
    model = type(instance)
    for field in instance._meta.concrete_fields:
        if not field.is_relation or not is_scoped(field.related_model):
            continue
        target_id = getattr(instance, field.attname)
        if target_id is None:
            continue
        allowed = linkable(field.related_model, user, via=(model, field.name))
        if not allowed.filter(pk=target_id).exists():
            outside.append(field.name)
    for name, objects in (many or {}).items():
        related = instance._meta.get_field(name).related_model
        ids = {obj.pk for obj in objects}
        allowed = linkable(related, user, via=(model, name))
        if ids and allowed.filter(pk__in=ids).count() != len(ids):
            outside.append(name)
    return outside


# -- redundant links -----------------------------------------------------------------------


def _follow(obj, path: str):
    """The system id ``obj`` reaches along a single-valued ``path`` (None if a step is blank)."""
    if path == "pk":
        return obj.pk
    *steps, last = path.split("__")
    for step in steps:
        obj = getattr(obj, step, None)
        if obj is None:
            return None
    return getattr(obj, f"{last}_id", None)


def system_ids_of(obj) -> set:
    """The systems ``obj`` reaches through its scope's single-valued paths, from its values in
    memory (so an unsaved record's answer is what it would be once saved)."""
    scope = scope_of(type(obj))
    if scope is None:
        return set()
    return {
        system_id
        for path in scope.paths
        if not _multi_valued(type(obj), path)
        for system_id in [_follow(obj, path)]
        if system_id is not None
    }


def link_system_errors(obj, links) -> dict:
    """{field: message} for each of ``obj``'s ``links`` whose record lies in another system than
    ``obj`` (a body whose parent is another system's body): a redundant link that disagrees."""
    if not links:
        return {}
    own = system_ids_of(obj)
    errors, named = {}, {}
    for name in links:
        target = getattr(obj, name, None)
        if target is None or not own:
            continue
        theirs = system_ids_of(target)
        if theirs and not theirs & own:
            named[name] = (target, theirs)
    if named:
        system_model = _system_model(type(obj))
        names = dict(
            system_model._default_manager.filter(
                pk__in=own | {i for _, ids in named.values() for i in ids}
            ).values_list("pk", "name")
        )
        own_names = " and ".join(sorted(names.get(i, "?") for i in own))
        for name, (target, theirs) in named.items():
            their_names = " and ".join(sorted(names.get(i, "?") for i in theirs))
            errors[name] = f"{target} is in {their_names}, not in {own_names}."
    return errors


def _system_model(model):
    """The model a scope path ends at (the system), found from the model's own fields."""
    for path in scope_of(model).paths:
        if path == "pk":
            return model
        if _multi_valued(model, path):
            continue
        current = model
        for step in path.split("__"):
            current = current._meta.get_field(step).related_model
        return current
    raise LookupError(f"{model.__name__} has no single-valued path to its system.")
