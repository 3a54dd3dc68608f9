"""Who may see what: the engine that applies each app's publication rules.

Each app registers, in its ``visibility.py`` (called from ``AppConfig.ready()``), a rule per
public model: a function of a lookup ``prefix`` returning a ``Q``, so a rule applies to the
model itself (``rule()``) or to a related object (``rule("post__board__")``); and the model's
nullable links to records that may be private (an attendance's deputy), which are blanked —
shown as nothing — rather than hiding the whole record. A model that is never public says so
with :func:`never_public`. The pages (``Model.objects.public()``), the API, search, exports and
history all come here; none has rules of its own.

Anonymous clients see the public record; staff with roles see it plus their own systems'
records (icsgov.core.scoping); active superusers see everything.
"""

from collections.abc import Callable

from django.db.models import BooleanField, Case, Q, Value, When

from icsgov.core import scoping

#: model -> rule(prefix) -> Q
_rules: dict[type, Callable[..., Q]] = {}
#: model -> names of nullable links to records that may be private
_links: dict[type, tuple[str, ...]] = {}
#: model -> why it is never public
_never_public: dict[type, str] = {}


def register(model, rule: Callable[..., Q], links: tuple[str, ...] = ()):
    """``model``'s rows are public when ``rule()`` holds; each of ``links`` is shown only when
    the record it points to is public too."""
    _rules[model] = rule
    _links[model] = tuple(links)


def never_public(model, reason: str):
    _never_public[model] = reason


def rule_for(model) -> Callable[..., Q]:
    """The rule for ``model``; a KeyError for a model that has none (so it is never public)."""
    return _rules[model]


def public_q(model, prefix: str = "") -> Q:
    return _rules[model](prefix)


def with_public_flag(queryset, name: str = "is_public_record"):
    """``queryset`` annotated with ``name``: whether each row is on the public record (its
    model's rule), for readers of the whole record that must say which rows they may show."""
    return queryset.annotate(
        **{
            name: Case(
                When(public_q(queryset.model), then=Value(True)),
                default=Value(False),
                output_field=BooleanField(),
            )
        }
    )


def is_declared(model) -> bool:
    """Whether ``model`` has a rule or is declared never public."""
    return model in _rules or model in _never_public


def declared_links(model) -> tuple[str, ...]:
    return _links.get(model, ())


class _WholeRecord:
    """The reader the registry's own checks read as (icsgov.core.checks): every record,
    published or not, as an active superuser sees it; never a signed-in person."""

    is_authenticated = True
    is_active = True
    is_superuser = True
    is_staff = True
    pk = None

    def __repr__(self):
        return "WHOLE_RECORD"


#: Pass as the viewer to read everything the registry holds (checks, never a door's answer).
WHOLE_RECORD = _WholeRecord()


def sees_unpublished(user) -> bool:
    """Whether ``user`` sees every unpublished record: active superusers only. Secretariat staff
    and viewers see the public record plus the records of their own systems."""
    return bool(user and user.is_authenticated and user.is_active and user.is_superuser)


def _own_rows(model, user):
    """For staff with roles: the ids of ``model``'s rows in their systems, or None."""
    if not (user and user.is_authenticated and user.is_active and user.is_staff):
        return None
    if not scoping.is_scoped(model):
        return None
    return scoping.restrict(model._default_manager.all(), user, scoping.VIEW).values("pk")


def visible_q(model, user=None) -> Q:
    """The condition :func:`visible` filters ``model``'s rows by, for use inside subqueries and
    counts (so a count never includes what the viewer may not see)."""
    if sees_unpublished(user):
        return Q()
    own = _own_rows(model, user)
    if model not in _rules:
        return Q(pk__in=own) if own is not None else Q(pk__in=[])
    rule = _rules[model]()
    return rule | Q(pk__in=own) if own is not None else rule


def visible(queryset, user=None):
    """``queryset`` restricted to what ``user`` may see (anonymous when None), with each declared
    link marked ``_public_<field>`` (see :func:`shown`)."""
    return mark_links(visible_rows(queryset, user), user)


def visible_rows(queryset, user=None):
    """``queryset`` restricted to what ``user`` may see, without marking its links: for asking
    which rows (the history's "is this change's record one the viewer may see"), where the marks
    would only be built to be thrown away."""
    model = queryset.model
    if sees_unpublished(user):
        return queryset
    if model not in _rules and _own_rows(model, user) is None:
        return queryset.none()
    return queryset.filter(visible_q(model, user))


def mark_links(queryset, user, fields=None):
    """Annotate ``_public_<field>`` for each declared nullable link (or ``fields``): True when
    ``user`` may see the record it points to. Superusers see every link."""
    fields = declared_links(queryset.model) if fields is None else fields
    if sees_unpublished(user) or not fields:
        return queryset
    marks = {}
    for field in fields:
        target = queryset.model._meta.get_field(field).related_model
        condition = _rules[target](f"{field}__") if target in _rules else Q(pk__in=[])
        own = _own_rows(target, user)
        if own is not None:
            condition |= Q(**{f"{field}__in": own})
        marks[f"_public_{field}"] = Case(
            When(condition, then=Value(True)), default=Value(False), output_field=BooleanField()
        )
    return queryset.annotate(**marks)


def shown(obj, field):
    """The record ``obj.<field>`` points to, or None when it is not for the viewer to see (the
    link was marked private by :func:`visible`). Pages, serializers and exports all ask this."""
    if getattr(obj, f"_public_{field}", True) is False:
        return None
    return getattr(obj, field)


def private_fields(model) -> tuple[str, ...]:
    """Fields of ``model`` that only users who may change the record see (contact details)."""
    return tuple(getattr(model, "private_fields", ()))
