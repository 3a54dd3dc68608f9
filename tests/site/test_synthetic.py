"""`manage.py generate_synthetic`: marked, unpublished systems for benchmarks and load tests,
with seats filled to their size and one chair per body; run again it replaces them, --delete removes
them."""

import io

import pytest
from django.core.management import call_command

from partnerships.models import Board, Membership, Person, Post
from places.models import System

pytestmark = pytest.mark.django_db


def test_generator_makes_marked_unpublished_systems_and_respects_seat_sizes():
    call_command("generate_synthetic", "--systems", "3", "--places", "2", stdout=io.StringIO())
    systems = System.objects.filter(is_synthetic=True)
    assert systems.count() == 3
    assert all(s.slug.startswith("synthetic-") for s in systems)
    assert not System.objects.real().filter(is_synthetic=True).exists()
    assert not Board.objects.filter(system__in=systems).published().exists()
    assert not Person.objects.filter(slug__startswith="synthetic-").published().exists()
    for post in Post.objects.filter(board__system__in=systems)[:50]:
        assert post.memberships.count() == post.places
    # Chairs: one per board.
    chairs = Membership.objects.filter(post__role="chair", post__board__system__in=systems)
    assert chairs.count() == Board.objects.filter(system__in=systems).count()


def test_generating_again_replaces_and_delete_removes():
    call_command("generate_synthetic", "--systems", "2", "--places", "1", stdout=io.StringIO())
    call_command("generate_synthetic", "--systems", "2", "--places", "1", stdout=io.StringIO())
    assert System.objects.filter(is_synthetic=True).count() == 2
    call_command("generate_synthetic", "--delete", stdout=io.StringIO())
    assert not System.objects.filter(is_synthetic=True).exists()
    assert not Person.objects.filter(slug__startswith="synthetic-").exists()
