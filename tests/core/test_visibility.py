"""One home for the publication rules: every model's ``public()`` (the public pages) shows
exactly what ``icsgov.core.visibility.visible(..., None)`` (the API, search) shows anonymous
users."""

import itertools

import pytest
from django.apps import apps

from icsgov.core import visibility
from icsgov.core.visibility import visible
from partnerships.choices import TermsStatus
from partnerships.models import MeetingPaper, Membership
from strategy.choices import Scope, StrategyStatus
from tests import factories as f
from tests.helpers.shared_data import committed

pytestmark = pytest.mark.django_db

BOTH = (True, False)


def make_mixed():
    """Published and unpublished records, in a real and a synthetic system, at every level."""
    for published in BOTH:
        f.SourceFactory(is_published=published)
    for synthetic in BOTH:
        system = f.SystemFactory(is_synthetic=synthetic)
        place = f.PlaceFactory(system=system)
        f.ClusterFactory(place=place)
        f.AreaFactory(place=place)
        f.FootprintFactory(system=system)
        f.AgreementFactory(system=system)
        f.DevelopmentItemFactory(place=place)
        f.MaturityStatementFactory(period=f.MaturityPeriodFactory(timeline__system=system))
        f.GlossaryTermFactory(system=system)
        for published in BOTH:
            f.OrganisationIdentifierFactory(
                organisation=f.OrganisationFactory(system=system, is_published=published)
            )
            f.MilestoneFactory(system=system, is_published=published)
            for council_published in BOTH:
                f.NeedsAssessmentFactory(
                    system=system,
                    is_published=published,
                    council=f.CouncilFactory(system=None, is_published=council_published),
                )
            f.CouncilAreaFactory(
                system=system, organisation=f.CouncilFactory(is_published=published)
            )
        for status, published in itertools.product(StrategyStatus.values, BOTH):
            strategy = f.StrategyFactory(system=system, status=status, is_published=published)
            f.PriorityFactory(strategy=strategy)
            f.ChapterFactory(strategy=strategy)
            f.ReconsiderationFactory(strategy=strategy)
        for board_published in BOTH:
            board = f.BoardFactory(system=system, is_published=board_published)
            f.PrincipleFactory(board=board)
            for status, published in itertools.product(TermsStatus.values, BOTH):
                f.TermsClauseFactory(
                    terms=f.TermsOfReferenceFactory(
                        board=f.BoardFactory(system=system, is_published=board_published),
                        status=status,
                        is_published=published,
                    )
                )
            for post_p, person_p, membership_p in itertools.product(BOTH, BOTH, BOTH):
                membership = f.MembershipFactory(
                    post=f.PostFactory(board=board, is_published=post_p),
                    person=f.PersonFactory(is_published=person_p),
                    is_published=membership_p,
                )
                for row_p, withheld in itertools.product(BOTH, BOTH):
                    f.InterestFactory(
                        membership=membership,
                        is_published=row_p,
                        is_withheld=withheld,
                        withheld_reason="privacy" if withheld else "",
                    )
                    f.GiftOrHospitalityFactory(membership=membership, is_published=row_p)
            for meeting_p, meeting_public, row_p in itertools.product(BOTH, BOTH, BOTH):
                meeting = f.MeetingFactory(
                    board=board, is_published=meeting_p, is_public=meeting_public
                )
                f.MeetingPaperFactory(meeting=meeting, is_public=row_p)
                f.AttendanceFactory(meeting=meeting, person=f.PersonFactory(is_published=row_p))
                f.DecisionFactory(meeting=meeting)
                f.MeetingDeclarationFactory(
                    meeting=meeting, person=f.PersonFactory(is_published=row_p)
                )
                f.AgendaItemFactory(meeting=meeting)
            f.MeetingCycleFactory(board=board)
    f.GlossaryTermFactory(system=None)
    for published in BOTH:
        f.MilestoneFactory(system=None, scope=Scope.NATIONAL, is_published=published)
        f.OrganisationFactory(system=None, is_published=published)


@pytest.fixture(scope="module")
def mixed(django_db_setup, django_db_blocker):
    """:func:`make_mixed`, built once for the module: its tests only read it."""
    yield from committed(django_db_blocker, make_mixed)


def models_with_public():
    return [m for m in apps.get_models() if hasattr(m._default_manager, "public")]


def test_every_model_the_pages_can_publish_has_a_visibility_rule():
    assert set(models_with_public()) == set(visibility._rules)


@pytest.mark.parametrize("model", models_with_public(), ids=lambda m: m.__name__)
def test_public_queryset_shows_what_the_api_shows_anonymous_users(mixed, model):
    public = set(model.objects.public())

    assert public == set(visible(model.objects.all(), None))
    # The dataset really mixes public and private rows of this model.
    assert 0 < len(public) < model.objects.count()


def test_where_the_rules_differed_the_stricter_one_holds(mixed):
    # Papers: once only the meeting's own flags counted; now its body must be public too.
    papers = MeetingPaper.objects.public().select_related("meeting__board__system")
    assert papers and all(
        p.is_public
        and p.meeting.is_public
        and p.meeting.is_published
        and p.meeting.board.is_published
        and not p.meeting.board.system.is_synthetic
        for p in papers
    )
    # Appointments: the person, the seat and the body must all be published.
    members = Membership.objects.public().select_related("person", "post__board__system")
    assert members and all(
        m.is_published
        and m.person.is_published
        and m.post.is_published
        and m.post.board.is_published
        and not m.post.board.system.is_synthetic
        for m in members
    )


def test_a_withheld_or_unpublished_register_entry_is_never_public(mixed):
    from partnerships.models import GiftOrHospitality, Interest

    interests = Interest.objects.public().select_related("person", "membership")
    assert interests and all(
        i.is_published and not i.is_withheld and i.person.is_published for i in interests
    )
    assert Interest.objects.filter(is_withheld=True, is_published=True).exists()
    gifts = GiftOrHospitality.objects.public().select_related("membership")
    assert gifts and all(g.is_published and g.membership.is_published for g in gifts)
