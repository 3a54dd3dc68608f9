"""Reading the API's answers, and the table of its resources the cross-app contracts walk."""

from tests import factories


def results(response):
    assert response.status_code == 200, response.content[:500]
    return response.json()["results"]


def slugs(response):
    return [row["slug"] for row in results(response)]


# endpoint, factory, how a row is addressed
RESOURCES = [
    ("systems", factories.SystemFactory, "slug"),
    ("places", factories.PlaceFactory, "slug"),
    ("areas", factories.AreaFactory, "slug"),
    ("clusters", factories.ClusterFactory, "slug"),
    ("footprints", factories.FootprintFactory, "slug"),
    ("organisations", factories.OrganisationFactory, "slug"),
    ("organisation-identifiers", factories.OrganisationIdentifierFactory, "pk"),
    ("boards", factories.BoardFactory, "slug"),
    ("principles", factories.PrincipleFactory, "pk"),
    ("people", factories.PersonFactory, "slug"),
    ("posts", factories.PostFactory, "slug"),
    ("memberships", factories.MembershipFactory, "slug"),
    ("terms-of-reference", factories.TermsOfReferenceFactory, "slug"),
    ("terms-clauses", factories.TermsClauseFactory, "pk"),
    ("meetings", factories.MeetingFactory, "slug"),
    ("meeting-papers", factories.MeetingPaperFactory, "pk"),
    ("attendance", factories.AttendanceFactory, "pk"),
    ("decisions", factories.DecisionFactory, "pk"),
    ("agreements", factories.AgreementFactory, "slug"),
    ("interests", factories.InterestFactory, "pk"),
    ("gifts-and-hospitality", factories.GiftOrHospitalityFactory, "pk"),
    ("meeting-declarations", factories.MeetingDeclarationFactory, "pk"),
    ("strategies", factories.StrategyFactory, "slug"),
    ("chapters", factories.ChapterFactory, "pk"),
    ("priorities", factories.PriorityFactory, "pk"),
    ("milestones", factories.MilestoneFactory, "slug"),
    ("needs-assessments", factories.NeedsAssessmentFactory, "pk"),
    ("reconsiderations", factories.ReconsiderationFactory, "pk"),
    ("development-items", factories.DevelopmentItemFactory, "slug"),
    ("maturity-timelines", factories.MaturityTimelineFactory, "slug"),
    ("maturity-periods", factories.MaturityPeriodFactory, "pk"),
    ("maturity-statements", factories.MaturityStatementFactory, "pk"),
    ("glossary", factories.GlossaryTermFactory, "pk"),
]
IDS = [r[0] for r in RESOURCES]


def assert_refused(response, field, *words):
    """A write refused with a 400 whose message on ``field`` names each of ``words``."""
    assert response.status_code == 400, response.content[:400]
    body = response.json()
    message = " ".join(body["errors"][field])
    for word in words:
        assert word in message, message
    assert body["detail"]
