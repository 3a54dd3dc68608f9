"""The partnerships app's compliance checks (icsgov.core.checks): the statutory ICP's members,
seats with no holder, appointments ending soon and terms of reference in force.

Registered in ``PartnershipsConfig.ready()``. Each check reads the whole record
(``WHOLE_RECORD``: what is unpublished counts too, so a seat held by an unpublished appointment
is not called vacant) and marks each finding ``public`` when its record is on the public
record. Each asks about all its systems in a fixed number of queries.
"""

from django.conf import settings
from django.db.models import Q
from django.urls import reverse

from icsgov.core.checks import Check, Severity, register
from icsgov.core.dates import format_date
from icsgov.core.visibility import WHOLE_RECORD, with_public_flag
from partnerships.choices import BoardKind, BoardOffice, OrganisationKind, Role, TermsStatus
from partnerships.models import Board, Membership, Organisation, Post, TermsOfReference
from partnerships.rules.seats import holding_q
from partnerships.selectors import councils_of

#: How far ahead appointments ending are reported (days); OnBoard #368's 60 days.


def _named(organisation, otherwise):
    """The organisation's name, or ``otherwise`` when it is not on the public record (a finding
    about a public body may reach a public page)."""
    return str(organisation) if organisation.is_published else otherwise


def board_page(board):
    return reverse("partnerships:board", args=[board.slug]) if board.is_public_record else None


# --- 1. the statutory ICP's members (s116ZA) -------------------------------------------------


def icp_council_members(systems, date):
    """Each statutory ICP in effect on ``date`` has a member appointed by its ICB and one by
    each upper-tier council in the system's area then (a split council counts for each ICB it
    lies in: it has a link to each system)."""
    found = []
    by_system = {system.pk: system for system in systems}
    icps = list(
        with_public_flag(
            Board.objects.filter(system__in=by_system, kind=BoardKind.STATUTORY_ICP)
        ).as_at(date)
    )
    icbs = {}
    for icb in (
        Organisation.objects.filter(kind=OrganisationKind.ICB, system__in=by_system)
        .as_at(date)
        .order_by("start_date", "name")
    ):
        icbs.setdefault(icb.system_id, icb)
    councils = councils_of(systems, date, WHOLE_RECORD)
    appointed = {}  # board id -> ids of the organisations its members are appointed on behalf of
    for board_id, organisation_id in (
        Membership.objects.filter(holding_q(date), post__board__in=icps)
        .exclude(on_behalf_of=None)
        .values_list("post__board_id", "on_behalf_of_id")
    ):
        appointed.setdefault(board_id, set()).add(organisation_id)
    with_icp = {board.system_id for board in icps}
    for system in systems:
        if system.pk not in with_icp:
            found.append(
                ICP_COUNCIL_MEMBERS.finding(
                    system,
                    system,
                    f"No statutory integrated care partnership of {system} is recorded as at "
                    f"{format_date(date)}, so its members cannot be checked.",
                    link=None if system.is_synthetic else reverse("system", args=[system.slug]),
                    public=not system.is_synthetic,
                    undecidable=True,
                )
            )
    for board in icps:
        system = by_system[board.system_id]

        def finding(message, undecidable=False, board=board, system=system):
            return ICP_COUNCIL_MEMBERS.finding(
                system,
                board,
                message,
                link=board_page(board),
                public=board.is_public_record,
                undecidable=undecidable,
                body=board,
            )

        if not board.membership_maintained_on(date):
            found.append(
                finding(
                    f"{board}: membership not recorded — the registry does not keep this "
                    f"body's appointments as at {format_date(date)}, so whether the ICB and "
                    "each council have appointed a member cannot be told.",
                    undecidable=True,
                )
            )
            continue
        members_for = appointed.get(board.pk, set())
        icb = icbs.get(system.pk)
        if icb is None:
            found.append(
                finding(
                    f"{board}: no integrated care board of {system} is recorded as at "
                    f"{format_date(date)}, so its member cannot be checked.",
                    undecidable=True,
                )
            )
        elif icb.pk not in members_for:
            found.append(
                finding(
                    f"{board} has no member appointed by "
                    f"{_named(icb, 'its integrated care board')} as at {format_date(date)}; "
                    "the ICB must appoint one."
                )
            )
        on = councils[system.pk]
        for link in on.links:
            council = link.organisation
            if council.pk not in members_for:
                where = f" ({link.share_text} of its area is in {system})" if link.split else ""
                found.append(
                    finding(
                        f"{board} has no member appointed by "
                        f"{_named(council, 'a council in its area')}{where} as at "
                        f"{format_date(date)}; each upper-tier council in the area must "
                        "appoint one.",
                        undecidable=not link.is_fact,
                    )
                )
        for link in on.not_known:
            council = link.organisation
            if council.pk not in members_for:
                found.append(
                    finding(
                        f"{board}: whether {_named(council, 'a council')} is in {system}'s "
                        "area as at "
                        f"{format_date(date)} is not known (no source says), so whether it "
                        "must appoint a member cannot be told.",
                        undecidable=True,
                    )
                )
        if not on.links and not on.not_known:
            found.append(
                finding(
                    f"{board}: no councils in {system}'s area are recorded as at "
                    f"{format_date(date)}, so the council members cannot be checked.",
                    undecidable=True,
                )
            )
    return found


ICP_COUNCIL_MEMBERS = Check(
    id="icp.council-members",
    severity=Severity.ERROR,
    title="The integrated care partnership has a member from the ICB and from each council",
    source="Local Government and Public Involvement in Health Act 2007 s116ZA(2), inserted by "
    "the Health and Care Act 2022 s26: the members include one appointed by the integrated "
    "care board and one appointed by each responsible local authority.",
    source_url="https://www.legislation.gov.uk/ukpga/2007/28/section/116ZA",
    run=icp_council_members,
    public_duty=True,
    needs="The statutory ICP (body kind), its appointments with 'on behalf of', the ICB "
    "organisation and the councils in the system's area on the date (national directory). "
    "Undecidable when the ICP's membership is not maintained, no ICP or ICB is recorded, or a "
    "council's link is inferred or not known.",
)


# --- 4. the ICB board's composition (HCA 2006 Schedule 1B) -------------------------------------


def _audit_committee(board) -> bool:
    """An ICB committee the registry can tell is the audit committee: by its name."""
    return board.kind == BoardKind.ICB_COMMITTEE and "audit" in board.name.lower()


def icb_board_composition(systems, date):
    """Each ICB board in effect whose membership the registry maintains has, on ``date``, its
    chair, chief executive and at least three ordinary members, among them a partner member
    nominated by the trusts, one by the providers of primary medical services and one by the
    local authorities; and its deputy chair does not chair the audit committee."""
    found = []
    by_system = {system.pk: system for system in systems}
    boards = list(
        with_public_flag(Board.objects.filter(system__in=by_system, kind=BoardKind.ICB_BOARD))
        .as_at(date)
        .order_by("name")
    )
    held = {}  # board id -> [(seat, appointment)] taking up a place on the date
    chairs_of_audit = {}  # system id -> ids of the people chairing an audit committee then
    for appointment in (
        with_public_flag(Membership.objects.filter(holding_q(date)))
        .filter(post__board__system__in=by_system)
        .filter(
            Q(post__board__in=boards)
            | Q(post__board__kind=BoardKind.ICB_COMMITTEE, post__role__in=Role.chairing())
        )
        .select_related("post__board", "person")
    ):
        board = appointment.post.board
        if board.kind == BoardKind.ICB_BOARD:
            held.setdefault(board.pk, []).append(appointment)
        elif _audit_committee(board) and appointment.post.role in Role.chairing():
            # person id -> whether that appointment is on the public record
            chairs_of_audit.setdefault(board.system_id, {})[appointment.person_id] = (
                appointment.is_public_record
            )
    offices_recorded = set(
        Post.objects.filter(board__in=boards).exclude(office="").values_list("board", flat=True)
    )
    on = format_date(date)
    for board in boards:
        system = by_system[board.system_id]

        def finding(message, undecidable=False, board=board, system=system):
            return ICB_BOARD_COMPOSITION.finding(
                system,
                board,
                message,
                link=board_page(board),
                public=board.is_public_record,
                undecidable=undecidable,
                body=board,
            )

        if not board.membership_maintained_on(date):
            found.append(
                finding(
                    f"{board}: membership not recorded — the registry does not keep this "
                    f"board's appointments as at {on}, so its composition cannot be told.",
                    undecidable=True,
                )
            )
            continue
        if board.pk not in offices_recorded:
            found.append(
                finding(
                    f"{board}: no seat records the office it fills under the constitution "
                    "(chair, chief executive, partner members…), so the composition cannot be "
                    "checked. Record each seat's 'ICB board office'.",
                    undecidable=True,
                )
            )
            continue
        appointments = held.get(board.pk, [])
        offices = [a.post.office for a in appointments]
        missing = []
        if BoardOffice.CHAIR not in offices and not any(
            a.post.role == Role.CHAIR for a in appointments
        ):
            missing.append("a chair")
        if BoardOffice.CHIEF_EXECUTIVE not in offices:
            missing.append("a chief executive")
        for partner in BoardOffice.partners():
            if partner not in offices:
                missing.append(
                    f"a {BoardOffice(partner).label[0].lower()}{BoardOffice(partner).label[1:]}"
                )
        ordinary = sum(1 for office in offices if office in BoardOffice.ordinary())
        unrecorded = sum(
            1 for a in appointments if not a.post.office and a.post.role not in Role.chairing()
        )
        if ordinary < 3:
            what = f"{ordinary} ordinary member{'' if ordinary == 1 else 's'}"
            missing.append(f"at least three ordinary members (it has {what})")
        if missing:
            found.append(
                finding(
                    f"{board} lacks {', '.join(missing)} as at {on}"
                    + (
                        f"; {unrecorded} other appointment{'s' if unrecorded != 1 else ''} "
                        f"record{'' if unrecorded != 1 else 's'} no office."
                        if unrecorded
                        else "."
                    ),
                    # Holders whose seat records no office might fill what looks missing.
                    undecidable=bool(unrecorded),
                )
            )
        deputies = {a.person_id: a for a in appointments if a.post.role == Role.VICE_CHAIR}
        audit_chairs = chairs_of_audit.get(board.system_id, {})
        for person_id in deputies.keys() & audit_chairs.keys():
            # Named only when both appointments (and so the person) are on the public record.
            named = deputies[person_id].is_public_record and audit_chairs[person_id]
            who = f"{deputies[person_id].person} is deputy chair" if named else "The deputy chair"
            found.append(
                finding(
                    f"{who} of {board} and {'chairs' if named else 'also chairs'} the audit "
                    f"committee as at {on}; the deputy chair must not chair the audit "
                    "committee."
                )
            )
    return found


ICB_BOARD_COMPOSITION = Check(
    id="icb.board-composition",
    severity=Severity.ERROR,
    title="The ICB board has the members its constitution requires",
    source="National Health Service Act 2006 Schedule 1B paragraph 3, inserted by the Health "
    "and Care Act 2022 Schedule 2: a chair, a chief executive and at least three ordinary "
    "members, among them one nominated by the NHS trusts and foundation trusts, one by the "
    "providers of primary medical services and one by the local authorities; NHS England's "
    "guidance on ICB constitutions: the deputy chair may not chair the audit committee.",
    source_url="https://www.legislation.gov.uk/ukpga/2006/41/schedule/1B",
    run=icb_board_composition,
    public_duty=True,
    needs="The ICB board's seats with their 'ICB board office' and role, the appointments in "
    "effect on the date, and the chair of the ICB committee named 'audit'. Undecidable when "
    "the board's membership is not maintained, no seat records its office, or holders of "
    "seats with no office recorded might fill what is missing.",
)


# --- 5. seats with no holder; appointments ending soon ---------------------------------------


def vacant_seats(systems, date):
    """Seats in effect on ``date`` with places known to be empty (the body's membership is
    maintained: partnerships.rules.seats); on bodies known only from papers, the places with no
    holder recorded are undecidable, not vacant."""
    found = []
    by_system = {system.pk: system for system in systems}
    seats = (
        with_public_flag(Post.objects.filter(board__system__in=by_system))
        .as_at(date)
        .with_counts(date, WHOLE_RECORD)
        .filter(board__in=Board.objects.as_at(date))
        .select_related("board")
        .order_by("board__name", "order", "label")
    )
    for seat in seats:
        system = by_system[seat.board.system_id]
        link = (
            reverse("partnerships:board", args=[seat.board.slug]) + "#seats"
            if seat.is_public_record
            else None
        )
        label = f"{seat.board}: {seat.label}"
        on = format_date(date)
        if seat.vacancies:
            places = "place" if seat.vacancies == 1 else "places"
            found.append(
                VACANT_SEATS.finding(
                    system,
                    label,
                    f"The seat '{seat.label}' on {seat.board} has {seat.vacancies} vacant "
                    f"{places} of {seat.places} as at {on}.",
                    link=link,
                    public=seat.is_public_record,
                    body=seat.board,
                )
            )
        elif seat.not_recorded:
            found.append(
                VACANT_SEATS.finding(
                    system,
                    label,
                    f"The seat '{seat.label}' on {seat.board}: holder not recorded for "
                    f"{seat.not_recorded} of {seat.places} places as at {on} — the body is "
                    "known only from papers, so whether they are vacant cannot be told.",
                    link=link,
                    public=seat.is_public_record,
                    undecidable=True,
                    body=seat.board,
                )
            )
        elif seat.places is None and seat.maintained and not seat.filled:
            found.append(
                VACANT_SEATS.finding(
                    system,
                    label,
                    f"The seat '{seat.label}' on {seat.board} has no holder as at {on}, and "
                    "its number of places is not recorded, so whether it is vacant cannot be "
                    "told.",
                    link=link,
                    public=seat.is_public_record,
                    undecidable=True,
                    body=seat.board,
                )
            )
    return found


VACANT_SEATS = Check(
    id="seats.vacant",
    severity=Severity.WARNING,
    title="Seats with no holder on a body whose membership is maintained",
    source="The body's terms of reference (its membership); OnBoard #49 and #429 on seats, "
    "terms and members.",
    source_url="https://github.com/City-of-Bloomington/OnBoard/issues/429",
    run=vacant_seats,
    needs="Seats with their number of places and dates, appointments, and the date from which "
    "the body's membership is maintained. Undecidable on a body known only from papers "
    "('holder not recorded') or a seat whose number of places is not recorded.",
)


def appointments_ending(systems, date, days=None):
    """Appointments that take up a place and end within ``days`` days of ``date`` (the window
    the secretariat's start page uses, ``settings.ICSGOV_TERMS_ENDING_DAYS``, unless given),
    through the same queryset rule as the admin's "ending" filter."""
    days = settings.ICSGOV_TERMS_ENDING_DAYS if days is None else days
    found = []
    by_system = {system.pk: system for system in systems}
    appointments = (
        with_public_flag(Membership.objects.filter(post__board__system__in=by_system))
        .filter(holding_q(date))
        .ending_within(date, days)
        .select_related("person", "post__board")
        .order_by("end_date", "person__name")
    )
    for appointment in appointments:
        board = appointment.post.board
        found.append(
            APPOINTMENTS_ENDING.finding(
                by_system[board.system_id],
                f"{appointment.person} — {appointment.post.label}, {board}",
                f"{appointment.person}'s appointment to '{appointment.post.label}' on {board} "
                f"ends on {format_date(appointment.end_date)}, within {days} days of "
                f"{format_date(date)}: reappoint or appoint a successor.",
                link=reverse("partnerships:person", args=[appointment.person.slug])
                if appointment.is_public_record
                else None,
                public=appointment.is_public_record,
                body=board,
            )
        )
    return found


APPOINTMENTS_ENDING = Check(
    id="appointments.ending",
    severity=Severity.INFORMATION,
    title="Appointments ending soon (ICSGOV_TERMS_ENDING_DAYS, default 60 days)",
    source="Term-end notice ahead of time (OnBoard #368); the body's terms of "
    "reference (terms of office).",
    source_url="https://github.com/City-of-Bloomington/OnBoard/issues/368",
    run=appointments_ending,
    needs="Appointments' end dates. Never undecidable: an appointment with no end date is not "
    "ending.",
)


# --- 6. terms of reference in force ---------------------------------------------------------


def terms_in_force(systems, date):
    """Each body in effect on ``date`` has ratified terms of reference in force then, not past
    their review date. Missing terms on a body known only from papers are undecidable (the
    registry may simply not hold them)."""
    found = []
    by_system = {system.pk: system for system in systems}
    bodies = list(
        with_public_flag(Board.objects.filter(system__in=by_system))
        .as_at(date)
        .order_by("name", "pk")
    )
    versions = {}
    for version in TermsOfReference.objects.filter(board__in=bodies).exclude(
        status=TermsStatus.WITHDRAWN
    ):
        versions.setdefault(version.board_id, []).append(version)
    on = format_date(date)
    for body in bodies:
        system = by_system[body.system_id]
        own = versions.get(body.pk, [])
        in_force = [
            v
            for v in own
            if v.status == TermsStatus.RATIFIED
            and v.in_force_from <= date
            and (v.in_force_to is None or v.in_force_to >= date)
        ]

        def finding(message, undecidable=False, body=body, system=system):
            return TERMS_IN_FORCE.finding(
                system,
                body,
                message,
                link=board_page(body),
                public=body.is_public_record,
                undecidable=undecidable,
                body=body,
            )

        if in_force:
            terms = in_force[0]
            if terms.review_date and terms.review_date < date:
                found.append(
                    finding(
                        f"{body}'s terms of reference in force (version {terms.version}) were "
                        f"due for review on {format_date(terms.review_date)}, before {on}."
                    )
                )
            elif terms.review_date is None:
                found.append(
                    finding(
                        f"{body}'s terms of reference in force (version {terms.version}) have "
                        "no review date recorded, so whether they are overdue cannot be told.",
                        undecidable=True,
                    )
                )
        elif drafts := [v for v in own if v.status == TermsStatus.DRAFT]:
            found.append(
                finding(
                    f"{body} has no ratified terms of reference in force as at {on}; only a "
                    f"draft (version {drafts[0].version}) is recorded."
                )
            )
        elif body.membership_maintained_on(date):
            found.append(finding(f"{body} has no terms of reference in force as at {on}."))
        else:
            found.append(
                finding(
                    f"{body}: terms of reference not recorded as at {on} — the body is known "
                    "only from papers, so whether it has terms in force cannot be told.",
                    undecidable=True,
                )
            )
    return found


TERMS_IN_FORCE = Check(
    id="terms.in-force",
    severity=Severity.WARNING,
    title="Bodies without ratified terms of reference in force, or past their review date",
    source="NHS England, Guidance on integrated care board constitutions and governance: the "
    "governance handbook holds the terms of reference of every committee and joint committee.",
    source_url="https://www.england.nhs.uk/long-read/guidance-on-integrated-care-board-"
    "constitutions-and-governance/",
    run=terms_in_force,
    needs="Terms-of-reference versions with status, dates in force and review date. "
    "Undecidable when the version in force has no review date, or a body known only from "
    "papers has none recorded.",
)


def register_checks():
    for each in (
        ICP_COUNCIL_MEMBERS,
        ICB_BOARD_COMPOSITION,
        VACANT_SEATS,
        APPOINTMENTS_ENDING,
        TERMS_IN_FORCE,
    ):
        register(each)
