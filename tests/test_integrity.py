"""Integrity lives in the database: writes that bypass the models are refused by Postgres."""

import datetime

import pytest
from django.db import IntegrityError, connection, transaction

from partnerships.models import Membership, TermsOfReference
from tests import factories

D = datetime.date


def refused(callable_, constraint):
    """``callable_`` is refused by Postgres, and by the named constraint."""
    with pytest.raises(IntegrityError, match=constraint), transaction.atomic():
        callable_()


@pytest.mark.django_db
class TestDatabaseConstraints:
    def test_appointment_ending_before_it_starts_is_refused_by_update(self):
        membership = factories.MembershipFactory(start_date=D(2023, 4, 1))
        refused(
            lambda: Membership.objects.filter(pk=membership.pk).update(end_date=D(2023, 3, 31)),
            "partnerships_membership_end_not_before_start",
        )

    def test_overlapping_appointment_inserted_with_raw_sql_is_refused(self):
        membership = factories.MembershipFactory(
            start_date=D(2022, 11, 1), end_date=D(2023, 10, 31)
        )

        def insert_overlap():
            with connection.cursor() as cursor:
                cursor.execute(
                    "INSERT INTO partnerships_membership (slug, person_id, post_id, start_date,"
                    " start_precision, end_precision, kind, is_published, source_id,"
                    " source_section, notes)"
                    " VALUES ('raw-overlap', %s, %s, '2023-10-31', 'day', 'day', 'member',"
                    " true, NULL, '', '')",
                    [membership.person_id, membership.post_id],
                )

        refused(insert_overlap, "partnerships_membership_no_overlap_same_person_post")

    def test_back_to_back_terms_are_allowed(self):
        first = factories.MembershipFactory(start_date=D(2022, 11, 1), end_date=D(2023, 10, 31))
        Membership.objects.bulk_create(
            [
                Membership(
                    slug="second-term",
                    person=first.person,
                    post=first.post,
                    start_date=D(2023, 11, 1),
                )
            ]
        )
        assert Membership.objects.filter(person=first.person).count() == 2

    def test_two_ratified_terms_in_force_at_once_are_refused(self):
        board = factories.BoardFactory()
        factories.TermsOfReferenceFactory(board=board, version="1", in_force_from=D(2022, 7, 1))
        later = factories.TermsOfReferenceFactory(
            board=board, version="2", status="draft", in_force_from=D(2023, 1, 1)
        )
        refused(
            lambda: TermsOfReference.objects.filter(pk=later.pk).update(status="ratified"),
            "partnerships_terms_one_in_force",
        )

    def test_a_draft_may_overlap_the_version_in_force(self):
        board = factories.BoardFactory()
        factories.TermsOfReferenceFactory(board=board, version="1", in_force_from=D(2022, 7, 1))
        factories.TermsOfReferenceFactory(
            board=board, version="2", status="draft", in_force_from=D(2023, 1, 1)
        )

    def test_duplicate_slug_is_refused(self):
        factories.BoardFactory(slug="southampton-board")
        refused(lambda: factories.BoardFactory(slug="southampton-board"), "partnerships_board_slug")

    def test_same_official_code_for_two_organisations_at_once_is_refused(self):
        factories.OrganisationIdentifierFactory(scheme="ods", code="QRL")
        refused(
            lambda: factories.OrganisationIdentifierFactory(scheme="ods", code="QRL"),
            "partnerships_identifier_code_unique_in_time",
        )

    def test_a_code_may_be_reissued_after_it_lapsed(self):
        factories.OrganisationIdentifierFactory(
            code="QRL", valid_from=D(2022, 7, 1), valid_to=D(2026, 3, 31)
        )
        factories.OrganisationIdentifierFactory(code="QRL", valid_from=D(2026, 4, 1))

    def test_seat_with_no_places_is_refused(self):
        post = factories.PostFactory()
        from partnerships.models import Post

        refused(
            lambda: Post.objects.filter(pk=post.pk).update(places=0),
            "partnerships_post_at_least_one_place",
        )
