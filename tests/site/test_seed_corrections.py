"""The seed corrected (issue #9): each finding of the seed-fidelity audit, pinned by the exact facts
of the papers — seats in the papers' order, the third 2018 development timeline, no cluster
boards, statuses as the sources state them, recommendations kept apart from decisions, the wrong
values put right — and no internal file references in any published text."""

import datetime
import io
import re
from collections import Counter

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import models
from pghistory.models import Events

from icsgov.core.dates import format_date
from partnerships.models import Board, Decision, Meeting, Membership, Organisation, Person, Post
from places.models import Area, Footprint, System
from strategy.models import (
    DevelopmentItem,
    GlossaryTerm,
    MaturityPeriod,
    MaturityStatement,
    MaturityTimeline,
    Milestone,
    Strategy,
)

D = datetime.date

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load_seed", stdout=io.StringIO())
    yield
    with django_db_blocker.unblock():
        call_command("flush", "--no-input", verbosity=0)


def seats(board_slug):
    return list(Post.objects.filter(board__slug=board_slug).order_by("order"))


# --- Seats, body by body, in the papers' order (M5) ------------------------------------------


def test_engine_room_has_its_13_seats_in_section_5_2_order(seeded):
    posts = seats("hiow-icp-engine-room")
    assert [p.order for p in posts] == list(range(1, 14))
    assert [(p.label, p.places) for p in posts] == [
        (
            "County and unitary Local Authority representatives from Hampshire County Council, "
            "Portsmouth City Council, Southampton City Council and the Isle of Wight",
            4,
        ),
        (
            "County and unitary Health and Wellbeing Chairs: Hampshire County Council, Portsmouth "
            "City Council, Southampton City Council and the Isle of Wight Council",
            4,
        ),
        ("District and Borough representative", 1),
        ("Integrated Care Board Designate Chair", 1),
        ("Integrated Care Board Designate Chief Executive", 1),
        ("Integrated Care Board Non-Executive Member", 1),
        ("Healthwatch representative", 1),
        (
            "Voluntary, community and social enterprise sector representative from Hampshire Isle "
            "of Wight Voluntary Alliance (HIVA)",
            1,
        ),
        ("NHS Provider Chief Executive representative", 1),
        ("NHS Provider Chair representative", 1),
        ("Primary Care clinical representative", 1),
        ("Fire representative", 1),
        ("Police representative", 1),
    ]
    assert sum(p.places for p in posts) == 19
    assert [p.role for p in posts].count("chair") == 1 and posts[3].role == "chair"


def test_southampton_board_has_6_initial_then_7_added_seats_in_sections_3_7_and_3_8_order(seeded):
    posts = seats("southampton-health-and-care-partnership-board")
    assert [p.order for p in posts] == list(range(1, 14))
    assert [p.label for p in posts] == [
        "DASS & Lead Member Function",
        "DCS & Lead Member Function",
        "DPH Function",
        "Leader of the Council",
        "Clinical Director",
        "Place Director",
        "Senior representation from UHS",
        "Senior representation from Solent",
        "Senior representation from Southern",
        "Service User and Carer Voice representatives",
        "Vol Sector Representative",
        "Children's Social Care Provider",
        "Adults Social Care Provider",
    ]
    initial, added = posts[:6], posts[6:]
    assert {(p.phase, p.start_date, p.start_precision) for p in initial} == {
        ("initial membership (November 2022)", D(2022, 11, 1), "month")
    }
    # "added to the board in phases over the transition period to April 2023": by, not from.
    assert {(p.phase, p.start_date, p.start_precision) for p in added} == {
        ("full membership (by April 2023)", D(2023, 4, 1), "on_or_before")
    }
    assert format_date(added[0].start_date, added[0].start_precision) == (
        "on or before 1 April 2023"
    )
    # No Accountable Person seat: the paper only asks the board to identify one (I7).
    assert not Post.objects.filter(role="accountable_person").exists()
    assert DevelopmentItem.objects.filter(
        slug="southampton-dev-hcpb-identify-accountable-person"
    ).exists()


def test_frimley_icp_membership_as_listed_with_no_extra_vice_chair_seat(seeded):
    posts = seats("frimley-icp")
    assert [(p.order, p.label, p.places) for p in posts] == [
        (1, "Rotating chairs", 3),
        (2, "Statutory local authority officers", 3),
        (3, "Political leadership", 4),
        (4, "Statutory district council chief officers", 2),
        (5, "District council elected members", 2),
        (6, "NHS partners", 11),
        (7, "VCSE", 2),
        (8, "Healthwatch", 2),
    ]
    # "Vice chair: as above" is read as one of the rotating chairs, not a ninth seat (I10).
    assert not Post.objects.filter(board__slug="frimley-icp", role="vice_chair").exists()
    assert "Vice chair: as above" in posts[0].notes


def test_surrey_heartlands_icp_has_all_four_sources_of_membership_in_order(seeded):
    posts = seats("surrey-heartlands-icp")
    assert [p.label for p in posts] == [
        "Chair (Leader of Surrey County Council)",
        "Members drawn from Surrey Heartlands ICS",
        "Members drawn from Surrey County Council",
        "Representatives of Surrey's district and borough councils",
        "Representatives from Surrey's voluntary, community, and faith sector",
        "Director of Public Health",
        "Executive Director of Children, Families and Lifelong Learning",
        "Joint Executive Director for Integrated Commissioning and Adult Social Care",
        "Joint Executive Director for Public Service Reform",
    ]
    assert [p.places for p in posts[1:5]] == [None] * 4  # the paper gives no numbers (M3)
    assert posts[1].nominating_organisation.slug == "surrey-heartlands-ics"
    assert posts[2].nominating_organisation.slug == "surrey-county-council"


def test_every_seat_of_every_body_is_numbered_1_to_n(seeded):
    for board in Board.objects.all():
        orders = list(board.posts.order_by("order").values_list("order", flat=True))
        assert orders == list(range(1, len(orders) + 1)), board.slug
    # 13 + 14 (Southampton HWB paper, principles) + 3 + 30 + 5 (H&W, engagement summary, 2018)
    assert Post.objects.count() == 65


def test_both_hwb_chairs_attend_the_hw_ics_partnership_board(seeded):
    assert [(p.label, p.role) for p in seats("hw-ics-partnership-board")] == [
        ("Chair of the Herefordshire Health and Well Being Board", "participant"),
        ("Chair of the Worcestershire Health and Well Being Board", "participant"),
    ]


# --- The 2018 development timelines (M1, W3) ---------------------------------------------------


def test_the_third_2018_timeline_has_35_statements_in_6_domains_by_2_periods(seeded):
    timeline = MaturityTimeline.objects.get(slug="hiow-2018-potential-timeline-development-of-icps")
    assert timeline.subject == "Integrated care partnerships"
    assert timeline.system.slug == "hiow"
    assert list(timeline.periods.order_by("order").values_list("label", flat=True)) == [
        "October 2018 – March 2019",
        "By April 2020",
    ]
    statements = MaturityStatement.objects.filter(timeline=timeline)
    assert statements.count() == 35
    cells = Counter((s.domain, s.period.label) for s in statements)
    early, late = "October 2018 – March 2019", "By April 2020"
    assert cells == {
        ("Strategy and Planning", early): 2,
        ("Strategy and Planning", late): 2,
        ("Care Redesign", early): 4,
        ("Care Redesign", late): 3,
        ("Workforce development", early): 1,
        ("Workforce development", late): 1,
        ("Accountability & performance management", early): 1,
        ("Accountability & performance management", late): 4,
        ("Managing collective resources", early): 4,
        ("Managing collective resources", late): 5,
        ("Leadership & governance", early): 4,
        ("Leadership & governance", late): 4,
    }
    texts = set(statements.values_list("text", flat=True))
    assert {
        "100% of clusters thriving, with lower mental and physical acute care demand as "
        "integrated teams support people to stay well at home",
        "Capable of taking on a delegated budget",
        "Test new approaches to manage funding flows (e.g. DTOC)",
    } <= texts
    first = statements.filter(domain="Care Redesign", period__label=early).order_by("order")[0]
    assert first.text == (
        "Implementing Urgent & Emergency Care priorities for the integrated care partnership"
    )


def test_all_three_2018_timelines_with_their_statement_counts(seeded):
    counts = {
        t.subject: t.statements.count()
        for t in MaturityTimeline.objects.filter(system__slug="hiow")
    }
    assert counts == {
        "Clusters": 37,
        "Functions at the scale of HIOW": 35,
        "Integrated care partnerships": 35,
    }


def test_every_2018_period_keeps_the_month_its_header_gives(seeded):
    # W3: "By April 2020" is April 2020 at month precision, not the day 1 April 2020.
    for period in MaturityPeriod.objects.filter(timeline__system__slug="hiow"):
        if period.label == "By April 2020":
            assert (period.start_date, period.end_date, period.end_precision) == (
                None,
                D(2020, 4, 1),
                "month",
            )
            assert period.when == "by April 2020"
        else:
            assert period.label == "October 2018 – March 2019"
            assert (period.start_date, period.start_precision) == (D(2018, 10, 1), "month")
            assert (period.end_date, period.end_precision) == (D(2019, 3, 1), "month")
            assert period.when == "October 2018 – March 2019"
    assert MaturityPeriod.objects.filter(timeline__system__slug="hiow").count() == 6


# --- No cluster boards (I1) --------------------------------------------------------------------


def test_no_cluster_boards_and_no_seats_on_them(seeded):
    assert not Board.objects.filter(kind="cluster_board").exists()
    assert not Board.objects.filter(slug__endswith="-cluster-board").exists()
    assert not Board.objects.exclude(cluster=None).exists()
    assert not Post.objects.filter(role="lead").exists()
    # "eg cluster board" stays what the paper says it is: a statement of the maturity timeline.
    assert MaturityStatement.objects.filter(
        timeline__slug="hiow-2018-developing-role-of-clusters",
        text="Governance arrangements in place in each cluster, eg cluster board",
    ).exists()
    target = DevelopmentItem.objects.get(slug="hiow-2018-each-cluster-named-lead")
    assert target.board.slug == "hiow-cluster-task-and-finish-group"
    assert target.due_date is None


# --- Statuses as the sources state them (I2-I6) ------------------------------------------------


def test_bodies_the_papers_only_propose_are_proposed_with_their_planned_starts(seeded):
    def state(slug):
        b = Board.objects.get(slug=slug)
        return (b.status, b.start_date, b.start_precision)

    assert state("southampton-health-and-care-partnership-board") == (
        "proposed",
        D(2022, 11, 1),
        "month",
    )
    assert state("hiow-icp-engine-room") == ("proposed", D(2022, 7, 1), "month")
    assert state("hiow-icp-assembly") == ("proposed", D(2022, 9, 1), "month")
    assert state("hw-icp") == ("proposed", D(2022, 6, 1), "month")
    assert state("hw-icp-assembly") == ("proposed", D(2022, 9, 1), "month")
    assert state("surrey-heartlands-icp") == ("proposed", D(2022, 3, 1), "month")
    assert state("southampton-transformation-delivery-group") == ("proposed", None, "day")


def test_meetings_and_milestones_the_papers_only_plan_are_not_held_or_done(seeded):
    planned_meetings = [
        "southampton-hcpb-first-meeting-2022-11",
        "hiow-icp-engine-room-first-meeting-2022-07",
        "hiow-icp-assembly-first-2022-09",
        "hw-icp-inaugural-2022-06",
        "hw-icpa-first-meeting-2022-09",
        "hw-icpa-special-meeting-2022-12",
    ]
    assert set(
        Meeting.objects.filter(slug__in=planned_meetings).values_list("status", flat=True)
    ) == {"proposed"}
    hw = Milestone.objects.filter(system__slug="herefordshire-worcestershire")
    assert Counter(hw.values_list("status", flat=True)) == {"planned": 8, "in_progress": 3}
    assert (
        not Milestone.objects.filter(
            slug__in=[
                "southampton-jcb-reconstituted-2022-11",
                "surrey-heartlands-icp-shadow-meetings-begin",
            ]
        )
        .exclude(status="planned")
        .exists()
    )


def test_the_jcb_is_not_dissolved_its_reconstitution_is_proposed(seeded):
    jcb = Board.objects.get(slug="southampton-jcb")
    assert jcb.status == "active"
    assert (jcb.end_date, jcb.end_precision) == (D(2022, 10, 31), "month")
    assert jcb.end_reason.startswith("Proposed")
    assert not Board.objects.filter(status="dissolved").exists()


def test_the_hiow_icp_is_active_because_the_later_paper_shows_it_operating(seeded):
    icp = Board.objects.get(slug="hiow-icp")
    assert icp.status == "active"
    assert (
        icp.chair_model == "unknown"
    )  # I9: "initially chaired by the ICB Chair" is the engine room's
    assert Board.objects.get(slug="hiow-icp-engine-room").chair_model == "icb_chair"
    assert "Southampton HWB paper" in icp.source_section


def test_statutory_footing_is_done_on_the_later_papers_word(seeded):
    milestone = Milestone.objects.get(slug="ics-statutory-footing-2022-07-01")
    assert milestone.status == "done"
    assert "Southampton HWB paper" in milestone.source_section


def test_hw_28_march_recommendations_are_not_stored_as_decisions(seeded):
    meeting = Meeting.objects.get(slug="herefordshire-hwb-2022-03-28")
    assert meeting.status == "scheduled"
    assert not meeting.decisions.exists()
    for recommendation in (
        "a) members endorse the approach to the establishment of the new Integrated Care "
        "Partnership for Herefordshire and Worcestershire",
        "b) members agree the process and timeline for establishing the new Integrated Care "
        "Strategy for Herefordshire and Worcestershire",
        "c) members agree to include appropriate content in future Health and Well Being Board "
        "development sessions",
    ):
        assert recommendation in meeting.purpose
    assert "not recorded in the report" in meeting.purpose
    # The only decision in the seed is one a later paper records as taken.
    assert list(Decision.objects.values_list("meeting__slug", flat=True)) == [
        "herefordshire-hwb-development-session-2021-07-26"
    ]
    # ... and it is a decision (its outcome recorded), on the register; the seed holds no
    # recommendation dressed as a decision, and no decision date it does not know.
    assert list(Decision.objects.decisions().values_list("outcome", "decided_on")) == [
        ("approved", None)
    ]
    assert not Decision.objects.recommendations().exists()


# --- The wrong values (W1-W7) and mis-citations (C1-C4) --------------------------------------


def test_w1_w2_systems_have_no_start_date(seeded):
    for slug in ("hiow", "herefordshire-worcestershire"):
        system = System.objects.get(slug=slug)
        assert system.start_date is None, slug
    hiow = System.objects.get(slug="hiow")
    assert hiow.source.slug == "hiow-stp-system-reform-proposal-2018"
    assert hiow.population == 2_000_000
    # An as-at-2018 question finds the system its 2018 bodies belong to.
    assert System.objects.as_at(D(2018, 8, 1)).filter(slug="hiow").exists()


def test_w3_w4_the_2018_proposal_is_dated_by_the_month(seeded):
    proposal = Strategy.objects.get(slug="hiow-system-reform-proposal-2018")
    assert (proposal.published_on, proposal.published_precision) == (D(2018, 8, 1), "month")
    assert "published_on" not in proposal.description


def test_w5_m8_the_designate_seats_and_their_holders_on_or_before_the_papers_dates(seeded):
    seat = Post.objects.get(slug="hw-icb-board-chief-executive")
    assert seat.label == "ICS Chief Executive Designate"
    appointments = {
        m.person.name: (m.post.slug, m.start_date, m.start_precision)
        for m in Membership.objects.select_related("person", "post")
    }
    assert appointments == {
        "Simon Trickett": ("hw-icb-board-chief-executive", D(2022, 3, 28), "on_or_before"),
        "Priya Singh": (
            "frimley-icp-design-group-co-chair-icb-chair-designate",
            D(2022, 3, 31),
            "on_or_before",
        ),
    }
    simon = Membership.objects.get(person__slug="simon-trickett")
    assert format_date(simon.start_date, simon.start_precision) == "on or before 28 March 2022"
    # Both named people now hold what the papers say they hold: no orphaned people.
    assert set(Person.objects.values_list("slug", flat=True)) == {"simon-trickett", "priya-singh"}


def test_w6_no_dated_key_milestones_event_the_asks_are_undated(seeded):
    assert not Milestone.objects.filter(slug="hiow-2018-icp-key-milestones-april-2019").exists()
    asks = DevelopmentItem.objects.filter(board__kind="local_icp_2018")
    assert asks.count() == 12  # three asks for each of the four ICPs
    milestones = asks.filter(
        development_required="Set out the key milestones for the ICP for April 2019 and April 2020"
    )
    assert milestones.count() == 4 and not milestones.exclude(due_date=None).exists()
    mou = asks.filter(development_required__startswith="By October 2018 prepare")
    assert {(i.due_date, i.due_precision) for i in mou} == {(D(2018, 10, 1), "month")}


def test_w7_the_voice_seats_note_matches_its_blank_places(seeded):
    voice = Post.objects.get(
        slug="southampton-health-and-care-partnership-board-full-service-user-carer-voice"
    )
    assert voice.places is None
    assert "left at the default" not in voice.notes
    assert "left blank" in voice.notes


def test_c1_c2_glossary_cites_the_lines_that_say_it(seeded):
    chair = GlossaryTerm.objects.get(system=None, term="ICP Chair")
    assert "inclusive leadership (line 228)" in chair.source_section
    assert "227" not in chair.source_section
    assert "Some have opted for a shared or rotating co-chair model." in chair.explanation  # M19
    accountable = GlossaryTerm.objects.get(
        system=None, term="Single accountable person for shared outcomes at place"
    )
    assert "(line 208)" in accountable.source_section and "219" not in accountable.source_section


def test_c3_annual_cycle_follows_the_table_and_notes_the_prose(seeded):
    first = Milestone.objects.get(slug="hw-annual-icpa-regular-meeting-1")
    assert first.title.endswith("review progress on the Strategy")
    assert "¶7 gives the opposite order" in first.source_section
    assert "opposite order" in first.description


def test_c4_hw_system_cites_what_its_paragraphs_say(seeded):
    hw = System.objects.get(slug="herefordshire-worcestershire")
    assert "¶2-3" not in hw.source_section
    assert hw.start_date is None
    assert "¶6" in hw.source_section


# --- Missing facts recorded (M2-M4, M7, M10, M12-M16, M21) -----------------------------------


def test_m2_typical_icp_membership(seeded):
    icp = GlossaryTerm.objects.get(system=None, term="Integrated care partnership")
    assert "commonly membership includes the ICB CEO, representatives from LAs" in icp.explanation
    assert "police, justice, and Local Enterprise Partnerships" in icp.explanation


def test_m4_the_2018_icp_footprints_serve_c600k(seeded):
    footprints = Footprint.objects.filter(slug__endswith="-icp-footprint")
    assert footprints.count() == 3
    assert all(f.population_note.startswith("c600k") and f.population is None for f in footprints)
    for board in Board.objects.filter(kind="local_icp_2018"):
        assert "'populations of c600k served by acute partners'" in board.purpose


def test_m7_southampton_strategy_period_by_the_year_and_no_owner_i8(seeded):
    strategy = Strategy.objects.get(slug="southampton-city-health-and-care-strategy-2020-2025")
    assert (strategy.period_start, strategy.period_start_precision) == (D(2020, 1, 1), "year")
    assert (strategy.period_end, strategy.period_end_precision) == (D(2025, 12, 31), "year")
    assert strategy.owner_board is None


def test_m10_m12_m14_m21_bodies_areas_and_organisations_the_papers_name(seeded):
    forums = Board.objects.filter(
        system__slug="norfolk-waveney", slug__startswith="norfolk-waveney-vcse-forum-"
    )
    assert sorted(forums.values_list("name", flat=True)) == [
        "Norfolk and Waveney thematic VCSE forum on Children and Young People",
        "Norfolk and Waveney thematic VCSE forum on mental health",
        "Norfolk and Waveney thematic VCSE forum on older people",
    ]
    assert Board.objects.filter(slug="surrey-heartlands-health-and-care-partnership").exists()
    assert Area.objects.get(slug="north-east-hampshire").place.slug == "hampshire"
    assert set(
        Organisation.objects.filter(
            slug__in=[
                "healthwatch-southampton",
                "hampshire-fire-and-rescue",
                "hampshire-constabulary",
            ]
        ).values_list("kind", flat=True)
    ) == {"healthwatch", "fire_and_rescue", "police"}


def test_m15_m16_the_transitional_year_and_the_cross_cited_national_row(seeded):
    term = GlossaryTerm.objects.get(system=None, term="Transitional year")
    assert "defines 2022 to 2023 as a 'transitional year'" in term.explanation
    row = Milestone.objects.get(slug="national-icp-formally-established-2022-07")
    assert "(subject to parliamentary passage)" in row.description


# --- Public text, and loading twice --------------------------------------------------------


FILE_REFERENCE = re.compile(r"\b\d{3}_[0-9a-f]{16}(\.txt)?\b|[0-9a-f]{16}|\.txt\b|reference/")


def published_text_values():
    """(model, pk, field, value) for every text field of every registry model, history included;
    a source's ``file_name`` is the one field whose job is to name its file."""
    for app in ("core", "places", "partnerships", "strategy"):
        for model in apps.get_app_config(app).get_models():
            fields = [
                f.name
                for f in model._meta.concrete_fields
                if isinstance(f, models.CharField | models.TextField)
                and not (f.name == "file_name" and model.__name__.startswith("Source"))
            ]
            for row in model.objects.values("pk", *fields):
                for name in fields:
                    if row[name]:
                        yield model.__name__, row["pk"], name, row[name]


def test_no_file_hashes_or_paths_in_any_published_text(seeded):
    values = list(published_text_values())
    assert len(values) > 1000  # the check reads the whole loaded seed
    offending = [v[:3] + (v[3][:80],) for v in values if FILE_REFERENCE.search(v[3])]
    assert offending == []


def test_no_bare_section_codes_in_prose(seeded):
    # Sections belong in source_section (printed after the source's title), not in prose.
    offending = [
        v[:3] + (v[3][:80],)
        for v in published_text_values()
        if v[2] != "source_section" and re.search(r"[§¶]", v[3])
    ]
    assert offending == []


def test_loading_twice_changes_nothing(seeded):
    before = Events.objects.count()
    out = io.StringIO()
    call_command("load_seed", stdout=out)
    assert "0 created, 0 updated" in out.getvalue()
    assert Events.objects.count() == before
