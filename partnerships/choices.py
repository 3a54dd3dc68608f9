"""Vocabularies for organisations, bodies, seats and meetings, in the domain's own words."""

from django.db import models


class Sector(models.TextChoices):
    NHS = "nhs", "NHS"
    LOCAL_GOVERNMENT = "local_government", "Local government"
    VCSE = "vcse", "Voluntary, community and social enterprise"
    HEALTHWATCH = "healthwatch", "Healthwatch"
    EMERGENCY_SERVICES = "emergency_services", "Fire and police"
    EDUCATION = "education", "Universities and education"
    BUSINESS = "business", "Business and enterprise"
    SOCIAL_CARE = "social_care", "Social care providers"
    NATIONAL = "national", "National bodies"
    OTHER = "other", "Other"


class OrganisationKind(models.TextChoices):
    ICB = "icb", "Integrated care board"
    CCG = "ccg", "Clinical commissioning group"
    NHS_TRUST = "nhs_trust", "NHS trust"
    ACUTE_TRUST = "acute_trust", "Acute trust"
    COMMUNITY_TRUST = "community_trust", "Community trust"
    MENTAL_HEALTH_TRUST = "mental_health_trust", "Mental health trust"
    AMBULANCE_TRUST = "ambulance_trust", "Ambulance trust"
    PRIMARY_CARE = "primary_care", "Primary care"
    GP_FEDERATION = "gp_federation", "GP federation"
    COUNTY_COUNCIL = "county_council", "County council (upper tier)"
    UNITARY_AUTHORITY = "unitary_authority", "Unitary authority (upper tier)"
    METROPOLITAN_BOROUGH = "metropolitan_borough", "Metropolitan borough (upper tier)"
    LONDON_BOROUGH = "london_borough", "London borough or the City of London (upper tier)"
    DISTRICT_COUNCIL = "district_council", "District or borough council (lower tier)"
    HEALTHWATCH = "healthwatch", "Healthwatch"
    VCSE_BODY = "vcse_body", "VCSE body"
    FIRE_AND_RESCUE = "fire_and_rescue", "Fire and rescue service"
    POLICE = "police", "Police"
    UNIVERSITY = "university", "University"
    ENTERPRISE_PARTNERSHIP = "enterprise_partnership", "Local enterprise partnership"
    SOCIAL_CARE_PROVIDER = "social_care_provider", "Social care provider"
    AHSN = "academic_health_science_network", "Academic health science network"
    NATIONAL_BODY = "national_body", "National body"
    OTHER = "other", "Other"


#: The kinds of upper-tier council: those that sit on an integrated care partnership for the
#: area they are wholly or partly in.
UPPER_TIER_COUNCILS = (
    OrganisationKind.COUNTY_COUNCIL,
    OrganisationKind.UNITARY_AUTHORITY,
    OrganisationKind.METROPOLITAN_BOROUGH,
    OrganisationKind.LONDON_BOROUGH,
)


class CouncilAreaStatus(models.TextChoices):
    """How far a council's link to a system is confirmed (the national data set's status)."""

    CONFIRMED_ONS = "confirmed_ons", "Confirmed by the ONS lookup for the period"
    CONFIRMED_ONS_LATER = (
        "confirmed_ons_later",
        "Confirmed by a later ONS lookup (April 2024), applied back to the period's start",
    )
    DERIVED = "derived", "Derived from the ONS 2024 lookup and the ODS successions; single source"
    INFERRED = "inferred", "Not confirmed by a published lookup: inferred from geography"
    UNKNOWN = "unknown", "Not known: no published source says which system"

    @classmethod
    def not_fact(cls):
        """Statuses that are not presented as fact: shown with their status, never counted as
        confirmed."""
        return {cls.INFERRED, cls.UNKNOWN}


class IdentifierScheme(models.TextChoices):
    ODS = "ods", "NHS ODS code"
    GSS = "gss", "ONS GSS code"


class BoardKind(models.TextChoices):
    ICB_BOARD = "icb_board", "ICB board"
    ICB_COMMITTEE = "icb_committee", "ICB committee"
    STATUTORY_ICP = "statutory_icp", "Integrated care partnership (statutory, from 2022)"
    ICP_CORE_COMMITTEE = "icp_core_committee", "ICP core committee"
    ICP_ASSEMBLY = "icp_assembly", "ICP assembly"
    LOCAL_ICP_2018 = "local_icp_2018", "Local integrated care partnership (2018)"
    STP_BOARD = "stp_board", "STP board or group"
    HEALTH_AND_WELLBEING_BOARD = "health_and_wellbeing_board", "Health and wellbeing board"
    PLACE_PARTNERSHIP_BOARD = "place_partnership_board", "Place partnership board"
    JOINT_COMMISSIONING_BOARD = "joint_commissioning_board", "Joint commissioning board"
    CLUSTER_BOARD = "cluster_board", "Cluster board"
    DELIVERY_GROUP = "delivery_group", "Delivery group"
    TASK_AND_FINISH_GROUP = "task_and_finish_group", "Task and finish group"
    DESIGN_GROUP = "design_group", "Design or focus group"
    PARTNERSHIP_FORUM = "partnership_forum", "Partnership forum"
    OTHER = "other", "Other"


class ChairModel(models.TextChoices):
    ICB_CHAIR = "icb_chair", "Chaired by the ICB chair"
    LOCAL_AUTHORITY_CHAIR = "local_authority_chair", "Chaired by a local authority member"
    CO_CHAIRS = "co_chairs", "Co-chairs"
    ROTATING_CHAIR = "rotating_chair", "Rotating chair"
    ROTATING_CONVENOR = "rotating_convenor", "Convenor elected for a limited term"
    INDEPENDENT_CHAIR = "independent_chair", "Independent chair"
    UNKNOWN = "unknown", "Not yet decided"

    @classmethod
    def allowing_several_chairs(cls):
        """Chair models under which more than one person may hold a chair seat at once."""
        return {cls.CO_CHAIRS, cls.ROTATING_CHAIR, cls.ROTATING_CONVENOR}


class BoardStatus(models.TextChoices):
    PROPOSED = "proposed", "Proposed"
    SHADOW = "shadow", "Meeting in shadow form"
    ACTIVE = "active", "Active"
    DISSOLVED = "dissolved", "Dissolved"


class Role(models.TextChoices):
    CHAIR = "chair", "Chair"
    VICE_CHAIR = "vice_chair", "Vice-chair"
    CO_CHAIR = "co_chair", "Co-chair"
    CONVENOR = "convenor", "Convenor"
    MEMBER = "member", "Member"
    CO_OPTED_MEMBER = "co_opted_member", "Co-opted member"
    PARTICIPANT = "participant", "Participant"
    OBSERVER = "observer", "Observer"
    HOST = "host", "Host"
    LEAD = "lead", "Lead"
    ACCOUNTABLE_PERSON = "accountable_person", "Accountable person"

    @classmethod
    def chairing(cls):
        """Roles that chair the body: at most one holder at a time unless the chair model
        allows co-chairs or rotation."""
        return {cls.CHAIR, cls.CO_CHAIR, cls.CONVENOR}


class BoardOffice(models.TextChoices):
    """The offices of an ICB board its constitution must fill (Health and Care Act 2006
    Schedule 1B para 3, inserted by the Health and Care Act 2022; NHS England's guidance on ICB
    constitutions adds the executive and non-executive members)."""

    CHAIR = "chair", "Chair"
    CHIEF_EXECUTIVE = "chief_executive", "Chief executive"
    PARTNER_TRUSTS = (
        "partner_trusts",
        "Partner member nominated by NHS trusts and foundation trusts",
    )
    PARTNER_PRIMARY_CARE = (
        "partner_primary_care",
        "Partner member nominated by providers of primary medical services",
    )
    PARTNER_LOCAL_AUTHORITIES = (
        "partner_local_authorities",
        "Partner member nominated by the local authorities",
    )
    NON_EXECUTIVE = "non_executive", "Non-executive member"
    FINANCE_DIRECTOR = "finance_director", "Director of finance"
    MEDICAL_DIRECTOR = "medical_director", "Medical director"
    NURSING_DIRECTOR = "nursing_director", "Director of nursing"
    OTHER = "other", "Other ordinary member"

    @classmethod
    def ordinary(cls):
        """Every office but the chair and the chief executive: the ordinary members."""
        return set(cls.values) - {cls.CHAIR, cls.CHIEF_EXECUTIVE}

    @classmethod
    def partners(cls):
        return [cls.PARTNER_TRUSTS, cls.PARTNER_PRIMARY_CARE, cls.PARTNER_LOCAL_AUTHORITIES]


class MembershipKind(models.TextChoices):
    MEMBER = "member", "Appointed member"
    SUBSTITUTE = "substitute", "Named substitute"
    DEPUTY = "deputy", "Deputy"


class TermsStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    RATIFIED = "ratified", "Ratified"
    WITHDRAWN = "withdrawn", "Withdrawn"


class ClauseTopic(models.TextChoices):
    PURPOSE = "purpose", "Purpose"
    ROLE = "role", "Role and responsibilities"
    PRINCIPLES = "principles", "Principles"
    MEMBERSHIP = "membership", "Membership"
    CHAIR = "chair", "Chair and vice-chair"
    CO_OPTED_MEMBERS = "co_opted_members", "Co-opted members"
    VOTING = "voting", "Voting rights"
    QUORACY = "quoracy", "Quoracy"
    DECISION_MAKING = "decision_making", "Decision making"
    FREQUENCY = "frequency", "Frequency of meetings"
    PUBLIC_PRIVATE = "public_private", "Meeting in public or private"
    ATTENDANCE = "attendance", "Attendance"
    DELEGATION = "delegation", "Delegated responsibility"
    SECRETARIAT = "secretariat", "Secretariat"
    REVIEW = "review", "Review"
    OTHER = "other", "Other"


class MeetingKind(models.TextChoices):
    INAUGURAL = "inaugural", "Inaugural meeting"
    ORDINARY = "ordinary", "Ordinary meeting"
    SPECIAL = "special", "Special meeting"
    ASSEMBLY = "assembly", "Assembly"
    WORKSHOP = "workshop", "Workshop"
    DEVELOPMENT_SESSION = "development_session", "Development session"
    DESIGN_GROUP = "design_group", "Design group"
    FOCUS_GROUP = "focus_group", "Focus group"
    OTHER = "other", "Other"


class MeetingStatus(models.TextChoices):
    PROPOSED = "proposed", "Proposed"
    SCHEDULED = "scheduled", "Scheduled"
    HELD = "held", "Held"
    CANCELLED = "cancelled", "Cancelled"


class AttendanceStatus(models.TextChoices):
    """The statuses councils' committee systems use. "Not recorded" is never the same as
    absent: it says the record does not tell."""

    EXPECTED = "expected", "Expected"
    PRESENT = "present", "Present"
    PRESENT_VIRTUALLY = "present_virtually", "Present virtually"
    SUBSTITUTE = "substitute", "Represented by a substitute or deputy"
    IN_ATTENDANCE = "in_attendance", "In attendance (not a member)"
    APOLOGIES = "apologies", "Apologies"
    ABSENT = "absent", "Absent"
    NOT_RECORDED = "not_recorded", "Not recorded"


#: Statuses of someone who was there in person or online.
ATTENDED = (AttendanceStatus.PRESENT, AttendanceStatus.PRESENT_VIRTUALLY)
#: Statuses that say nothing yet about whether the member came.
UNKNOWN_ATTENDANCE = (AttendanceStatus.EXPECTED, AttendanceStatus.NOT_RECORDED)


class DecisionOutcome(models.TextChoices):
    """A blank outcome is a recommendation with no decision recorded. ``decided`` is a decision
    minuted without its outcome classified (every decision recorded before outcomes were)."""

    APPROVED = "approved", "Approved"
    APPROVED_WITH_AMENDMENTS = "approved_with_amendments", "Approved with amendments"
    DEFERRED = "deferred", "Deferred"
    REJECTED = "rejected", "Rejected"
    NOTED = "noted", "Noted"
    DECIDED = "decided", "Decided (outcome not classified)"


class PaperKind(models.TextChoices):
    AGENDA = "agenda", "Agenda"
    REPORT = "report", "Report"
    DRAFT_MINUTES = "draft_minutes", "Draft minutes"
    APPROVED_MINUTES = "approved_minutes", "Approved minutes"
    OTHER = "other", "Other"


class AgreementKind(models.TextChoices):
    SECTION_75 = "section_75", "Section 75 partnership agreement"
    POOLED_BUDGET = "pooled_budget", "Pooled budget"
    MOU = "mou", "Memorandum of understanding"
    ALLIANCE_AGREEMENT = "alliance_agreement", "Alliance agreement"
    OTHER = "other", "Other"


class AgreementStatus(models.TextChoices):
    PROPOSED = "proposed", "Proposed"
    ACTIVE = "active", "Active"
    ENDED = "ended", "Ended"


# -- Registers of interests, gifts and hospitality (NHS England, "Managing conflicts of interest
# in the NHS"; docs/compliance.md cites the guidance) ------------------------------------------


class InterestCategory(models.TextChoices):
    FINANCIAL = "financial", "Financial interest"
    NON_FINANCIAL_PROFESSIONAL = "non_financial_professional", "Non-financial professional interest"
    NON_FINANCIAL_PERSONAL = "non_financial_personal", "Non-financial personal interest"
    INDIRECT = "indirect", "Indirect interest"


class InterestType(models.TextChoices):
    """The kinds of interest NHS England's guidance asks registers to cover."""

    OUTSIDE_EMPLOYMENT = "outside_employment", "Outside employment"
    PRIVATE_PRACTICE = "private_practice", "Clinical private practice"
    SHAREHOLDINGS = "shareholdings", "Shareholdings and other ownership interests"
    PATENTS = "patents", "Patents"
    LOYALTY_INTERESTS = "loyalty_interests", "Loyalty interests"
    DONATIONS = "donations", "Donations"
    SPONSORED_EVENTS = "sponsored_events", "Sponsored events"
    SPONSORED_RESEARCH = "sponsored_research", "Sponsored research"
    SPONSORED_POSTS = "sponsored_posts", "Sponsored posts"
    OTHER = "other", "Other"


class DeclarationOccasion(models.TextChoices):
    ON_APPOINTMENT = "on_appointment", "On appointment"
    ANNUAL_REVIEW = "annual_review", "Annual review"
    NEW_INTEREST = "new_interest", "New or changed interest"
    CHANGE_OF_ROLE = "change_of_role", "Change of role"


class WithheldReason(models.TextChoices):
    PRIVACY = "privacy", "An overriding privacy interest"
    LEGAL = "legal", "A legal requirement"
    SAFETY = "safety", "A risk to someone's safety"


class MeetingDeclarationAction(models.TextChoices):
    LEFT_THE_ROOM = "left_the_room", "Left the room for the item"
    DID_NOT_VOTE = "did_not_vote", "Took part in the discussion but did not vote"
    TOOK_PART = "took_part", "Took part (the chair judged no action needed)"
    OTHER = "other", "Other (see notes)"


class GiftKind(models.TextChoices):
    GIFT = "gift", "Gift"
    HOSPITALITY = "hospitality", "Hospitality"


class GiftOutcome(models.TextChoices):
    ACCEPTED = "accepted", "Offered and accepted (received)"
    DECLINED = "declined", "Offered and declined"
