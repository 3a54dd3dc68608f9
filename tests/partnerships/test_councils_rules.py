"""A council's link to a system: one link per council per system at a time, within the system's
life, only for upper-tier councils, split when only part of its area is in; a link whose system
no source gives has none; and ``system.councils_on(date)`` answers a system's councils on a date
in one call."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from partnerships.selectors import councils_on
from tests import factories as f

D = datetime.date

pytestmark = pytest.mark.django_db


def link(**kwargs):
    """An unsaved link, to a saved council and system unless given."""
    kwargs.setdefault("organisation", f.CouncilFactory())
    if "system" not in kwargs:
        kwargs["system"] = f.SystemFactory()
    return f.CouncilAreaFactory.build(**kwargs)


def test_a_council_has_one_link_per_system_at_a_time():
    first = f.CouncilAreaFactory(valid_to=D(2023, 3, 31))
    clash = link(organisation=first.organisation, system=first.system, valid_from=D(2023, 1, 1))
    with pytest.raises(ValidationError, match="already linked to this system"):
        clash.full_clean()
    # The next period, from the day after, is fine; so is another system at the same time.
    link(
        organisation=first.organisation, system=first.system, valid_from=D(2023, 4, 1)
    ).full_clean()
    other = link(
        organisation=first.organisation,
        system=f.SystemFactory(),
        share_of_area="0.25",
        split=True,
    )
    other.full_clean()


def test_only_an_unknown_link_has_no_system():
    with pytest.raises(ValidationError, match="unless no source says which"):
        link(system=None, status="derived").full_clean()
    with pytest.raises(ValidationError, match="unless no source says which"):
        link(status="unknown").full_clean()
    link(system=None, status="unknown").full_clean()


def test_a_council_with_part_of_its_area_here_is_split():
    with pytest.raises(ValidationError, match="split"):
        link(share_of_area="0.5", split=False).full_clean()
    with pytest.raises(ValidationError):
        link(share_of_area="0", split=True).full_clean()
    with pytest.raises(ValidationError):
        link(share_of_area="1.2", split=True).full_clean()


def test_only_upper_tier_councils():
    trust = f.OrganisationFactory(kind="acute_trust")
    with pytest.raises(ValidationError, match="not an upper-tier council"):
        link(organisation=trust).full_clean()
    for kind in ("unitary_authority", "metropolitan_borough", "london_borough"):
        link(organisation=f.CouncilFactory(kind=kind)).full_clean()


def test_a_link_stays_within_its_systems_life():
    ended = f.SystemFactory(start_date=D(2022, 7, 1), end_date=D(2026, 3, 31), end_kind="split")
    with pytest.raises(ValidationError, match="ended on 31 March 2026"):
        link(system=ended, valid_from=D(2023, 4, 1)).full_clean()  # open-ended
    with pytest.raises(ValidationError, match="starts on 1 July 2022"):
        link(system=ended, valid_from=D(2022, 4, 1), valid_to=D(2023, 3, 31)).full_clean()
    link(system=ended, valid_from=D(2023, 4, 1), valid_to=D(2026, 3, 31)).full_clean()


def test_a_system_says_how_it_ended_only_once_it_has_ended():
    with pytest.raises(ValidationError, match="ended before saying how"):
        f.SystemFactory.build(end_kind="merged").full_clean()


def test_councils_on_a_date_with_split_councils_and_their_share():
    north, south = f.SystemFactory(name="North"), f.SystemFactory(name="South")
    county = f.CouncilFactory(name="Shire")
    city = f.CouncilFactory(name="City", kind="unitary_authority")
    f.CouncilAreaFactory(organisation=county, system=north, share_of_area="0.7", split=True)
    f.CouncilAreaFactory(organisation=county, system=south, share_of_area="0.3", split=True)
    f.CouncilAreaFactory(organisation=city, system=north, valid_to=D(2023, 3, 31))
    later = f.CouncilAreaFactory(
        organisation=city, system=north, valid_from=D(2023, 4, 1), status="inferred"
    )

    on = north.councils_on(D(2023, 1, 1))
    assert [c.name for c in on.councils] == ["City", "Shire"]
    assert [link.share_text for link in on.links] == ["all of it", "70.0%"]
    assert [link.organisation.name for link in on.split] == ["Shire"]
    assert on.links[0].gss_code == city.code_on(D(2023, 1, 1), "gss")
    assert on.complete
    assert [link.share_text for link in councils_on(south, D(2023, 1, 1)).links] == ["30.0%"]

    later_on = north.councils_on(D(2024, 1, 1))
    assert later_on.unconfirmed == [later] and not later_on.complete
    assert [link.organisation.name for link in later_on.confirmed] == ["Shire"]
    assert councils_on(north, D(2022, 6, 30)).links == []


def test_councils_that_may_be_in_a_system_are_listed_apart():
    successors = [f.SystemFactory(name=name) for name in ("East", "West")]
    council = f.CouncilFactory(name="Borough", kind="unitary_authority")
    unknown = f.CouncilAreaFactory(
        organisation=council, system=None, status="unknown", valid_from=D(2026, 4, 1)
    )
    unknown.candidates.set(successors)
    on = successors[0].councils_on(D(2026, 12, 1))
    assert on.links == [] and on.not_known == [unknown]
    assert not on.complete
    assert councils_on(successors[0], D(2026, 3, 1)).not_known == []


def test_a_council_of_an_unpublished_organisation_is_not_public():
    system = f.SystemFactory()
    f.CouncilAreaFactory(system=system, organisation=f.CouncilFactory(is_published=False))
    assert councils_on(system, D(2025, 1, 1)).links == []
