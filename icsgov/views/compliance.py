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
    findings = [
        finding
        for finding in run_checks(system=system, as_at=on, check_ids=[c.id for c in duties])
        if finding.public
    ]
    sections = []
    for duty in duties:
        own = [finding for finding in findings if finding.check == duty.id]
        sections.append(
            {
                "check": duty,
                "found": [finding for finding in own if not finding.undecidable],
                "undecidable": [finding for finding in own if finding.undecidable],
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
            "sections": sections,
            "breadcrumbs": [
                HOME,
                SYSTEMS,
                {"href": reverse("system", args=[system.slug]), "text": system.name},
            ],
            "on_text": format_date(on),
        },
        status=400 if date_error else 200,
    )
