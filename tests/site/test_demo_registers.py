"""The demonstration system's registers of interests, gifts and hospitality: declarations and
nil returns on appointment and at annual reviews, two reviews overdue, a withheld interest that
the public register counts but never shows, and a declaration at a meeting."""

import datetime
import io

import pytest
from django.core.management import call_command

from partnerships.models import GiftOrHospitality, Interest, MeetingDeclaration


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=io.StringIO())


def test_the_demo_icb_board_has_registers_with_a_withheld_interest(client, demo):
    assert Interest.objects.filter(is_nil_return=True).exists()
    assert Interest.objects.filter(is_withheld=True).count() == 1
    assert GiftOrHospitality.objects.count() == 3
    assert MeetingDeclaration.objects.count() == 1
    page = client.get("/boards/demo-icb-board/interests/").content.decode()
    assert "1 entry is withheld from the published register" in page
    assert "A personal interest the board agreed to withhold" not in page
    assert "Trustee of the hospitals" in page


def test_two_demo_members_reviews_are_overdue(demo):
    overdue = Interest.objects.review_overdue(datetime.date(2026, 12, 1))
    assert overdue.values("membership").distinct().count() == 2
