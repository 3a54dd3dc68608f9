"""Who may see what: the publication rules for every public model, in one place.

Anonymous clients (the API, public pages, search) see published records only; staff see
everything. Each rule is a ``Q`` that can be applied to the model itself or, through ``prefix``,
to a related object (``public_board("post__board__")``), so a list can hide a record whose parent
is private and a nested link can be blanked when the object it points to is private.

The rules agree with the models' own ``published()`` querysets (tests/api/test_privacy.py checks
that) and add what those cannot see from one table: a record of a synthetic system is never
public, and neither is an appointment to an unpublished seat or of an unpublished person.
The models' ``public()`` querysets (icsgov.models.PublicQuerySet), which the public pages use,
apply these rules; they have none of their own.
"""

from django.db.models import BooleanField, Case, Q, Value, When

from partnerships.choices import TermsStatus
from strategy.choices import StrategyStatus


def _q(prefix, **lookups):
    return Q(**{f"{prefix}{key}": value for key, value in lookups.items()})


def public_system(prefix=""):
    return _q(prefix, is_synthetic=False)


def public_place(prefix=""):
    return public_system(f"{prefix}system__")


def public_cluster(prefix=""):
    return public_place(f"{prefix}place__")


def _in_public_system_or_none(prefix):
    return _q(prefix, system__isnull=True) | public_system(f"{prefix}system__")


def public_organisation(prefix=""):
    return _q(prefix, is_published=True) & _in_public_system_or_none(prefix)


def public_board(prefix=""):
    return _q(prefix, is_published=True) & public_system(f"{prefix}system__")


def public_person(prefix=""):
    return _q(prefix, is_published=True)


def public_post(prefix=""):
    return _q(prefix, is_published=True) & public_board(f"{prefix}board__")


def public_membership(prefix=""):
    return (
        _q(prefix, is_published=True)
        & public_person(f"{prefix}person__")
        & public_post(f"{prefix}post__")
    )


def public_terms(prefix=""):
    # As TermsOfReference.objects.published(): ratified and marked for publication.
    return _q(prefix, status=TermsStatus.RATIFIED, is_published=True) & public_board(
        f"{prefix}board__"
    )


def public_meeting(prefix=""):
    return _q(prefix, is_published=True) & public_board(f"{prefix}board__")


def public_attendance(prefix=""):
    # Who attended a private meeting stays with its papers: off the public record.
    return (
        _q(prefix, meeting__is_public=True)
        & public_meeting(f"{prefix}meeting__")
        & public_person(f"{prefix}person__")
        & (_q(prefix, deputy__isnull=True) | public_person(f"{prefix}deputy__"))
    )


def public_decision(prefix=""):
    return _q(prefix, meeting__is_public=True) & public_meeting(f"{prefix}meeting__")


def public_meeting_paper(prefix=""):
    # Marked public, of a public meeting that was held in public. The pages list papers; the API
    # does not.
    return _q(prefix, is_public=True, meeting__is_public=True) & public_meeting(
        f"{prefix}meeting__"
    )


def public_strategy(prefix=""):
    # As Strategy.objects.published(): marked for publication and beyond the draft stage.
    not_draft = [s for s in StrategyStatus.values if s != StrategyStatus.DRAFT]
    return _q(prefix, is_published=True, status__in=not_draft) & public_system(f"{prefix}system__")


def public_priority(prefix=""):
    return public_strategy(f"{prefix}strategy__")


def public_milestone(prefix=""):
    return _q(prefix, is_published=True) & _in_public_system_or_none(prefix)


def public_glossary_term(prefix=""):
    return _in_public_system_or_none(prefix)


def _rules():
    from partnerships import models as pm
    from places import models as geo
    from strategy import models as sm

    return {
        geo.System: public_system,
        geo.Place: public_place,
        geo.Cluster: public_cluster,
        pm.Organisation: public_organisation,
        pm.Board: public_board,
        pm.Person: public_person,
        pm.Post: public_post,
        pm.Membership: public_membership,
        pm.TermsOfReference: public_terms,
        pm.Meeting: public_meeting,
        pm.Attendance: public_attendance,
        pm.Decision: public_decision,
        pm.MeetingPaper: public_meeting_paper,
        sm.Strategy: public_strategy,
        sm.Priority: public_priority,
        sm.Milestone: public_milestone,
        sm.GlossaryTerm: public_glossary_term,
    }


def sees_unpublished(user) -> bool:
    """Whether ``user`` sees every unpublished record: active superusers only. Secretariat staff
    and viewers see the public record plus the records of their own systems (see ``visible``)."""
    return bool(user and user.is_authenticated and user.is_active and user.is_superuser)


def _own_systems_rows(queryset, user):
    """For staff with roles: the rows of ``queryset``'s model within their systems, or None."""
    if not (user and user.is_authenticated and user.is_active and user.is_staff):
        return None
    from icsgov.access import VIEW, is_scoped, restrict

    if not is_scoped(queryset.model):
        return None
    return restrict(queryset.model._default_manager.all(), user, VIEW).values("pk")


def public_rule(model):
    """The rule for ``model``; a KeyError for a model that has none (so it is never public)."""
    return _rules()[model]


def visible(queryset, user=None):
    """``queryset`` restricted to what ``user`` may see (anonymous when ``user`` is None)."""
    if sees_unpublished(user):
        return queryset
    rule = public_rule(queryset.model)()
    own = _own_systems_rows(queryset, user)
    if own is not None:
        return queryset.filter(rule | Q(pk__in=own))
    return queryset.filter(rule)


def mark_public_links(queryset, user, links):
    """Annotate ``_public_<field>`` for each nullable link in ``links`` ({field: rule}), so a
    serializer can blank a link to a private object instead of hiding the whole record."""
    if sees_unpublished(user):
        return queryset
    return queryset.annotate(
        **{
            f"_public_{field}": Case(
                When(rule(f"{field}__"), then=Value(True)),
                default=Value(False),
                output_field=BooleanField(),
            )
            for field, rule in links.items()
        }
    )
