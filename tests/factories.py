"""A factory for every model, producing valid records by default."""

import datetime

import factory
from django.contrib.auth import get_user_model

from icsgov.core.dates import DatePrecision
from icsgov.core.models import Source, SourceKind
from partnerships import models as pm
from partnerships.choices import BoardKind, ChairModel, OrganisationKind, Role, Sector
from places import models as geo
from strategy import models as sm
from strategy.choices import ReconsiderationOutcome, Scope, StrategyKind, StrategyStatus


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.django.Password("a-long-test-password")


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Source

    title = factory.Sequence(lambda n: f"Board paper {n}")
    slug = factory.Sequence(lambda n: f"source-{n}")
    publisher = "Southampton Health and Wellbeing Board"
    kind = SourceKind.BOARD_PAPER
    date = datetime.date(2022, 10, 1)
    date_precision = DatePrecision.MONTH


class SystemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = geo.System

    name = factory.Sequence(lambda n: f"Test Integrated Care System {n}")
    slug = factory.Sequence(lambda n: f"system-{n}")
    population = 1_000_000


class PlaceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = geo.Place

    system = factory.SubFactory(SystemFactory)
    name = factory.Sequence(lambda n: f"Place {n}")
    slug = factory.Sequence(lambda n: f"place-{n}")


class AreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = geo.Area

    place = factory.SubFactory(PlaceFactory)
    name = factory.Sequence(lambda n: f"Area {n}")
    slug = factory.Sequence(lambda n: f"area-{n}")


class ClusterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = geo.Cluster

    place = factory.SubFactory(PlaceFactory)
    name = factory.Sequence(lambda n: f"Cluster {n}")
    slug = factory.Sequence(lambda n: f"cluster-{n}")


class FootprintFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = geo.Footprint

    system = factory.SubFactory(SystemFactory)
    name = factory.Sequence(lambda n: f"Footprint {n}")
    slug = factory.Sequence(lambda n: f"footprint-{n}")


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = pm.Organisation

    name = factory.Sequence(lambda n: f"Organisation {n}")
    slug = factory.Sequence(lambda n: f"organisation-{n}")
    sector = Sector.NHS
    kind = OrganisationKind.NHS_TRUST
    system = factory.SubFactory(SystemFactory)


class OrganisationIdentifierFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = pm.OrganisationIdentifier

    organisation = factory.SubFactory(OrganisationFactory)
    scheme = "ods"
    code = factory.Sequence(lambda n: f"R{n:02d}")
    valid_from = datetime.date(2022, 7, 1)


class CouncilFactory(OrganisationFactory):
    """An upper-tier council, with its ONS GSS code."""

    class Meta:
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"County {n}")
    slug = factory.Sequence(lambda n: f"county-{n}")
    sector = Sector.LOCAL_GOVERNMENT
    kind = OrganisationKind.COUNTY_COUNCIL
    identifier = factory.RelatedFactory(
        OrganisationIdentifierFactory,
        factory_related_name="organisation",
        scheme="gss",
        code=factory.Sequence(lambda n: f"E1{n:07d}"),
        valid_from=None,
    )


class CouncilAreaFactory(factory.django.DjangoModelFactory):
    """All of a county's area in a system from 1 July 2022, as ONS confirms it."""

    class Meta:
        model = pm.CouncilArea

    organisation = factory.SubFactory(CouncilFactory)
    system = factory.SubFactory(SystemFactory)
    valid_from = datetime.date(2022, 7, 1)
    share_of_area = 1
    split = False
    status = "confirmed_ons"
    basis = "ONS July 2022 lookup aggregated by upper-tier local authority"


class BoardFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = pm.Board

    name = factory.Sequence(lambda n: f"Partnership Board {n}")
    slug = factory.Sequence(lambda n: f"board-{n}")
    kind = BoardKind.PLACE_PARTNERSHIP_BOARD
    system = factory.SubFactory(SystemFactory)
    chair_model = ChairModel.ICB_CHAIR
    start_date = datetime.date(2022, 7, 1)


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = pm.Person

    name = factory.Sequence(lambda n: f"Person {n}")
    slug = factory.Sequence(lambda n: f"person-{n}")
    is_published = True
    email = factory.Sequence(lambda n: f"person{n}@example.nhs.uk")
    phone = "023 8000 0000"


class PostFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = pm.Post

    board = factory.SubFactory(BoardFactory)
    label = factory.Sequence(lambda n: f"Member seat {n}")
    slug = factory.Sequence(lambda n: f"post-{n}")
    role = Role.MEMBER
    places = 1
    voting = True


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = pm.Membership

    person = factory.SubFactory(PersonFactory)
    post = factory.SubFactory(PostFactory)
    on_behalf_of = factory.SubFactory(
        OrganisationFactory, system=factory.SelfAttribute("..post.board.system")
    )
    start_date = datetime.date(2022, 11, 1)


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = pm.Meeting

    board = factory.SubFactory(BoardFactory)
    title = factory.Sequence(lambda n: f"Meeting {n}")
    date = datetime.date(2023, 1, 12)


class TermsOfReferenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = pm.TermsOfReference

    board = factory.SubFactory(BoardFactory)
    version = factory.Sequence(lambda n: f"1.{n}")
    status = "ratified"
    in_force_from = datetime.date(2022, 7, 1)
    membership_count = 19
    voting_membership_count = 19


class TermsClauseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = pm.TermsClause

    terms = factory.SubFactory(TermsOfReferenceFactory)
    order = factory.Sequence(lambda n: n + 1)
    topic = "membership"
    text = "Membership is as follows."


class PrincipleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = pm.Principle

    board = factory.SubFactory(BoardFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = "learning system"
    text = "We will create a learning system."


class MeetingPaperFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = pm.MeetingPaper

    meeting = factory.SubFactory(MeetingFactory)
    title = factory.Sequence(lambda n: f"Paper {n}")


class MeetingCycleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = pm.MeetingCycle

    board = factory.SubFactory(BoardFactory)
    description = "May/June each year"
    first_month = 5
    last_month = 6


class AgendaItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = pm.AgendaItem

    meeting = factory.SubFactory(MeetingFactory)
    order = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Agenda item {n}")


class AttendanceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = pm.Attendance

    meeting = factory.SubFactory(MeetingFactory)
    person = factory.SubFactory(PersonFactory)
    membership = None
    # A member is present; someone without an appointment is in attendance (not a member).
    status = factory.LazyAttribute(lambda o: "present" if o.membership else "in_attendance")


class DecisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = pm.Decision

    meeting = factory.SubFactory(MeetingFactory)
    order = factory.Sequence(lambda n: n + 1)
    text = "Agreed the terms of reference."


class AgreementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = pm.Agreement

    name = factory.Sequence(lambda n: f"Section 75 agreement {n}")
    slug = factory.Sequence(lambda n: f"agreement-{n}")
    kind = "section_75"
    system = factory.SubFactory(SystemFactory)


class StrategyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = sm.Strategy

    name = factory.Sequence(lambda n: f"Integrated care strategy {n}")
    slug = factory.Sequence(lambda n: f"strategy-{n}")
    kind = StrategyKind.INTEGRATED_CARE_STRATEGY
    status = StrategyStatus.PUBLISHED
    system = factory.SubFactory(SystemFactory)


class ChapterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = sm.Chapter

    strategy = factory.SubFactory(StrategyFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = "Integration at system level"
    scope = "system"


class PriorityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = sm.Priority

    strategy = factory.SubFactory(StrategyFactory)
    order = factory.Sequence(lambda n: n + 1)
    name = factory.Sequence(lambda n: f"Priority {n}")


class MilestoneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = sm.Milestone

    title = factory.Sequence(lambda n: f"Milestone {n}")
    slug = factory.Sequence(lambda n: f"milestone-{n}")
    date = datetime.date(2023, 4, 1)
    precision = DatePrecision.MONTH
    scope = Scope.SYSTEM
    system = factory.SubFactory(SystemFactory)


class NeedsAssessmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = sm.NeedsAssessment

    system = factory.SubFactory(SystemFactory)
    council = factory.SubFactory(CouncilFactory, system=None)
    title = factory.Sequence(lambda n: f"Joint strategic needs assessment {n}")
    published_on = datetime.date(2024, 3, 1)
    received_on = datetime.date(2024, 3, 20)


class ReconsiderationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = sm.Reconsideration

    strategy = factory.SubFactory(StrategyFactory)
    considered_on = factory.Sequence(lambda n: datetime.date(2024, 4, 1) + datetime.timedelta(n))
    outcome = ReconsiderationOutcome.NOT_REVISED


class DevelopmentItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = sm.DevelopmentItem

    slug = factory.Sequence(lambda n: f"development-item-{n}")
    place = factory.SubFactory(PlaceFactory)
    area = "System financial plan"
    development_required = "Agree Place Budget for 2023/24."


class MaturityTimelineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = sm.MaturityTimeline

    slug = factory.Sequence(lambda n: f"timeline-{n}")
    system = factory.SubFactory(SystemFactory)
    subject = "Clusters"


class MaturityPeriodFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = sm.MaturityPeriod

    timeline = factory.SubFactory(MaturityTimelineFactory)
    order = factory.Sequence(lambda n: n + 1)
    label = factory.Sequence(lambda n: f"Period {n}")


class MaturityStatementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = sm.MaturityStatement

    period = factory.SubFactory(MaturityPeriodFactory)
    timeline = factory.SelfAttribute("period.timeline")
    domain = "Care redesign"
    text = "Core cluster team membership defined"


class GlossaryTermFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = sm.GlossaryTerm

    term = factory.Sequence(lambda n: f"Term {n}")
    acronym = "T"
    explanation = "An explanation."


# -- registers of interests, gifts and hospitality ----------------------------------------------


class InterestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = pm.Interest

    membership = factory.SubFactory(MembershipFactory)
    person = factory.SelfAttribute("membership.person")
    occasion = "on_appointment"
    category = "financial"
    interest_type = "outside_employment"
    description = factory.Sequence(lambda n: f"Director of Consultancy {n} Ltd")
    interest_from = datetime.date(2021, 4, 1)
    declared_on = datetime.date(2022, 11, 10)
    is_published = True


class GiftOrHospitalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = pm.GiftOrHospitality

    membership = factory.SubFactory(MembershipFactory)
    person = factory.SelfAttribute("membership.person")
    kind = "hospitality"
    outcome = "accepted"
    description = factory.Sequence(lambda n: f"Lunch at conference {n}")
    giver_name = "Wessex Health Conference"
    is_from_supplier = False
    value_gbp = 30
    date = datetime.date(2023, 3, 2)
    declared_on = datetime.date(2023, 3, 10)
    is_published = True


class MeetingDeclarationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = pm.MeetingDeclaration

    meeting = factory.SubFactory(MeetingFactory)
    person = factory.SubFactory(PersonFactory)
    item_reference = factory.Sequence(lambda n: f"item {n + 1}")
    description = "Director of a company bidding for the contract."
    action = "left_the_room"
