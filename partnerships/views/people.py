"""A person's page: their public roles, past, present and future."""

from django.shortcuts import get_object_or_404, render

from icsgov.core import glossary
from icsgov.core.dates import today
from partnerships.models import Membership, Person
from partnerships.registers import register_of_person
from partnerships.selectors import attendance_records, attendance_years, chosen_year
from partnerships.views.crumbs import HOME


def person_detail(request, slug):
    person = get_object_or_404(Person.objects.public().select_related("source"), slug=slug)
    on = today()
    memberships = list(Membership.objects.public().of_person(person))
    boards = {m.post.board_id for m in memberships}
    years = attendance_years(boards)
    year = chosen_year(years, request.GET.get("attendance_year"))
    return render(
        request,
        "partnerships/person.html",
        {
            "person": person,
            "current": [m for m in memberships if m.state_on(on) == "current"],
            "past": [m for m in memberships if m.state_on(on) == "ended"],
            "future": [m for m in memberships if m.state_on(on) == "future"],
            "register": register_of_person(person),
            "attendance": attendance_records(
                Membership.objects.public().filter(person=person), year
            )
            if year
            else [],
            "attendance_year": year,
            "attendance_years": years,
            "glossary_terms": glossary.links(),
            "breadcrumbs": [HOME],
        },
    )
