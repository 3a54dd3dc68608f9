"""A system's public compliance page: the duties it owes the public (who sits on the ICP, a
published strategy and plan, meetings in public) checked against the record as at a date.

On the top floor because the checks read across the apps (icsgov.core.checks). Only the checks
marked ``public_duty`` are shown, and only their findings about public records; findings the
data cannot decide are listed apart, never as breaches.
"""

from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from icsgov.core.checks import checks, run_checks
from icsgov.core.dates import as_at_from, format_date, today
from icsgov.views.geography import HOME, SYSTEMS
from places.models import System


def system_compliance(request, slug):
    system = get_object_or_404(System.objects.public(), slug=slug)
    on, date_error = as_at_from(request.GET)
    duties = [each for each in checks() if each.public_duty]
    # Not yet established, or ended, on the date: nothing to check (the page says so).
    state = system.state_on(on)
    exists = state == "current"
    found = run_checks(system=system, as_at=on, check_ids=[c.id for c in duties]) if exists else []
    sections = []
    for duty in duties:
        own = [finding for finding in found if finding.check == duty.id]
        shown = [finding for finding in own if finding.public]
        sections.append(
            {
                "check": duty,
                "found": [finding for finding in shown if not finding.undecidable],
                "undecidable": [finding for finding in shown if finding.undecidable],
                # Findings about records not on the public record are not shown; the page says
                # only that the public record cannot tell, never what they are.
                "hidden": len(own) > len(shown),
            }
        )
    return render(
        request,
        "compliance.html",
        {
            "system": system,
            "on": on,
            "is_today": on == today(),
            "date_error": date_error,
            "sections": sections if exists else [],
            "exists": exists,
            "state": state,
            "api_link": not system.is_synthetic and not system.is_demonstration,
            "breadcrumbs": [
                HOME,
                SYSTEMS,
                {"href": reverse("system", args=[system.slug]), "text": system.name},
            ],
            "on_text": format_date(on),
        },
        status=400 if date_error else 200,
    )
