"""icsgov.core.compiled: a query compiled once and bound to new values, kept only when the
values enter it as whole parameters."""

import pytest

from icsgov.core import compiled
from partnerships.models import Person
from tests import factories


@pytest.mark.django_db
def test_bound_values_give_the_sql_and_parameters_django_would_make():
    kept = compiled.template(
        lambda name, slug: Person.objects.filter(name=name).exclude(slug=slug).order_by("pk"),
        "name",
        "slug",
    )
    assert kept is not None
    for name, slug in [("Ada", "ada"), ("O'Brien %", "x%"), ("", "")]:
        fresh = Person.objects.filter(name=name).exclude(slug=slug).order_by("pk")
        assert kept.bind(name=name, slug=slug) == fresh.query.sql_with_params()
    ada = factories.PersonFactory(name="Ada")
    factories.PersonFactory(name="Ada", slug="ada-2")
    found = Person.objects.raw(*kept.bind(name="Ada", slug="ada-2"))
    assert [p.pk for p in found] == [ada.pk]


@pytest.mark.django_db
def test_a_value_changed_on_its_way_in_is_not_kept():
    # icontains makes the parameter "%value%": binding the value whole would be wrong.
    assert compiled.template(lambda q: Person.objects.filter(name__icontains=q), "q") is None


@pytest.mark.django_db
def test_a_value_that_never_reaches_a_parameter_is_not_kept():
    assert compiled.template(lambda q: Person.objects.filter(name="fixed"), "q") is None


@pytest.mark.django_db
def test_a_query_that_can_match_nothing_has_no_sql_to_keep():
    assert compiled.template(lambda q: Person.objects.none().filter(name=q), "q") is None
    assert compiled.fingerprint(Person.objects.none()) is None
    assert compiled.fingerprint(Person.objects.filter(name="a")) != compiled.fingerprint(
        Person.objects.filter(name="b")
    )
