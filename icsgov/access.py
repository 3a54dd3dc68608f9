"""Who may do what, on which system: a user's role on a system, and the scoping rule.

One home for the rule "secretariat staff of one ICS edit that ICS only". The admin (and later the
API) ask :func:`restrict` for the rows a user may see or change, and ``user.has_perm(perm, obj)``
(answered by the ``rules`` predicates in ``icsgov/rules.py``) for a single object.

Records with no system — national organisations, national milestones and glossary terms, and
people not yet appointed anywhere — are shared: every staff user with a role may see them (and
choose them, e.g. NHS England as the organisation a member represents), but only superusers may
change them, except people, whom any secretariat user may change until they are appointed in a
system (so a new person can be added and then appointed).
"""

import pghistory
from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q


class AccessRole(models.TextChoices):
    SECRETARIAT = "secretariat", "Secretariat (add, change, end, import)"
    VIEWER = "viewer", "Viewer (read only)"


@pghistory.track()
class SystemAccess(models.Model):
    """A user's role on one system. A user may hold roles on several systems."""

    # CASCADE: a role means nothing without its user or its system.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="system_access",
        help_text="Staff user who holds the role.",
    )
    system = models.ForeignKey(
        "places.System",
        on_delete=models.CASCADE,
        related_name="access",
        help_text="System the role applies to.",
    )
    role = models.CharField(
        max_length=20,
        choices=AccessRole.choices,
        help_text="Secretariat staff add, change, end and import within the system; viewers "
        "read only.",
    )
    granted_at = models.DateTimeField(auto_now_add=True, help_text="When the role was granted.")

    class Meta:
        verbose_name = "system access"
        verbose_name_plural = "system access"
        ordering = ["user__username", "system__name"]
        constraints = [
            models.UniqueConstraint(fields=["user", "system"], name="icsgov_access_one_role")
        ]

    def __str__(self):
        return f"{self.user} — {self.get_role_display()} of {self.system}"


VIEW, CHANGE = "view", "change"

#: For every registry model, the lookups from it to the id of its System. A row is in a
#: system when any of its lookups reaches it.
SYSTEM_PATHS = {
    "places.system": ["pk"],
    "places.place": ["system"],
    "places.area": ["place__system"],
    "places.cluster": ["place__system"],
    "places.footprint": ["system"],
    "partnerships.organisation": ["system"],
    "partnerships.organisationidentifier": ["organisation__system"],
    "partnerships.board": ["system"],
    "partnerships.post": ["board__system"],
    "partnerships.membership": ["post__board__system"],
    "partnerships.termsofreference": ["board__system"],
    "partnerships.termsclause": ["terms__board__system"],
    "partnerships.principle": ["board__system"],
    "partnerships.meeting": ["board__system"],
    "partnerships.meetingpaper": ["meeting__board__system"],
    "partnerships.attendance": ["meeting__board__system"],
    "partnerships.decision": ["meeting__board__system"],
    "partnerships.agreement": ["system"],
    "strategy.strategy": ["system"],
    "strategy.chapter": ["strategy__system"],
    "strategy.priority": ["strategy__system"],
    "strategy.milestone": ["system"],
    "strategy.developmentitem": ["board__system", "place__system"],
    "strategy.maturitytimeline": ["system"],
    "strategy.maturityperiod": ["timeline__system"],
    "strategy.maturitystatement": ["timeline__system"],
    "strategy.glossaryterm": ["system"],
}

#: Models whose rows may have no system (national records): shared for viewing.
NATIONAL = {"partnerships.organisation", "strategy.milestone", "strategy.glossaryterm"}


def is_scoped(model) -> bool:
    return (
        model._meta.label_lower in SYSTEM_PATHS or model._meta.label_lower == "partnerships.person"
    )


def system_ids(user, action: str) -> set[int] | None:
    """Ids of the systems ``user`` may view (any role) or change (secretariat); ``None`` for
    everything (active superusers). Cached on the user object for the request."""
    if not (user.is_authenticated and user.is_active):
        return set()
    if user.is_superuser:
        return None
    cache = getattr(user, "_icsgov_access", None)
    if cache is None:
        cache = {VIEW: set(), CHANGE: set()}
        for system_id, role in SystemAccess.objects.filter(user=user).values_list(
            "system_id", "role"
        ):
            cache[VIEW].add(system_id)
            if role == AccessRole.SECRETARIAT:
                cache[CHANGE].add(system_id)
        user._icsgov_access = cache
    return cache[CHANGE if action != VIEW else VIEW]


def _person_q(systems, shared: bool) -> Q:
    from partnerships.models import Membership

    appointed_here = Exists(
        Membership.objects.filter(person=OuterRef("pk"), post__board__system__in=systems)
    )
    if not shared:
        return Q(appointed_here)
    return Q(appointed_here) | ~Q(Exists(Membership.objects.filter(person=OuterRef("pk"))))


def scope_q(model, systems, action: str) -> Q:
    """The condition for rows of ``model`` that ``action`` may reach, given ``systems``."""
    label = model._meta.label_lower
    if label == "partnerships.person":
        # Unappointed people are shared: any staff user sees them, secretariat staff edit them.
        return _person_q(systems, shared=True)
    q = Q(pk__in=[])
    for path in SYSTEM_PATHS[label]:
        q |= Q(**{f"{path}__in": systems})
    if label in NATIONAL and action == VIEW:
        q |= Q(**{f"{SYSTEM_PATHS[label][0]}__isnull": True})
    return q


def restrict(queryset, user, action: str = VIEW):
    """``queryset`` limited to the rows ``user`` may view or change."""
    if not is_scoped(queryset.model):
        return queryset if user.is_superuser else queryset.none()
    systems = system_ids(user, action)
    if systems is None:
        return queryset
    if not user.is_staff:
        return queryset.none()
    return queryset.filter(scope_q(queryset.model, systems, action))


def can(user, action: str, obj=None, fresh: bool = False) -> bool:
    """Whether ``user`` may ``action`` ('view' or 'change'; add and delete count as change)
    ``obj``, or, without an object, any row of its kind. Answers for an object are cached on the
    user for the request; ``fresh`` asks the database again (e.g. after a save)."""
    if not (user.is_authenticated and user.is_active and user.is_staff):
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
    model = type(obj)
    cache = getattr(user, "_icsgov_object_access", None)
    if cache is None:
        cache = user._icsgov_object_access = {}
    key = (model._meta.label_lower, obj.pk, action)
    if fresh or key not in cache:
        qs = restrict(model._default_manager.filter(pk=obj.pk), user, action)
        cache[key] = qs.exists()
    return cache[key]
