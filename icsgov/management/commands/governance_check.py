"""``manage.py governance_check``: the registry's compliance checks (icsgov.core.checks) as at a
date, for a system or all of them, as text or JSON; exits 1 when an error the data decides is
found, so a scheduled job can alert on it."""

import json
import sys

from django.core.management.base import BaseCommand, CommandError

from icsgov.core.checks import checks, counts, run_checks
from icsgov.core.dates import InvalidDate, format_date, parse_as_at
from places.models import System


class Command(BaseCommand):
    help = (
        "Check the registry against the law and its own rules as at a date (default today): "
        "each finding with its check, severity, record and what is wrong. Exits 1 when any "
        "error-severity finding the data decides exists, 0 otherwise."
    )

    def add_arguments(self, parser):
        parser.add_argument("--system", help="Slug of the system (default: every system).")
        parser.add_argument("--as-at", dest="as_at", help="The date, YYYY-MM-DD (default today).")
        parser.add_argument("--format", choices=("text", "json"), default="text")
        parser.add_argument(
            "--check",
            action="append",
            dest="check_ids",
            metavar="ID",
            help="Only this check (repeat for several), e.g. icp.council-members.",
        )

    def handle(self, *args, system=None, as_at=None, format="text", check_ids=None, **options):
        try:
            date = parse_as_at(as_at)
        except InvalidDate as error:
            raise CommandError(f"--as-at: {error}") from None
        system_obj = None
        if system:
            try:
                system_obj = System.objects.get(slug=system)
            except System.DoesNotExist:
                raise CommandError(f"No system with slug '{system}'.") from None
        known = {each.id for each in checks()}
        unknown = [key for key in check_ids or () if key not in known]
        if unknown:
            raise CommandError(
                f"No check {', '.join(unknown)}; the checks are {', '.join(sorted(known))}."
            )
        findings = run_checks(system=system_obj, as_at=date, check_ids=check_ids)
        tally = counts(findings)
        if format == "json":
            self.stdout.write(
                json.dumps(
                    {
                        "as_at": date.isoformat(),
                        "system": system_obj.slug if system_obj else None,
                        "counts": tally,
                        "findings": [finding.as_dict() for finding in findings],
                    },
                    indent=2,
                )
            )
        else:
            where = system_obj.name if system_obj else "every system"
            self.stdout.write(f"Governance check of {where} as at {format_date(date)}")
            for finding in findings:
                kind = "undecidable" if finding.undecidable else finding.severity
                self.stdout.write(f"[{kind}] {finding.check} — {finding.system}: {finding.message}")
            self.stdout.write(
                ", ".join(f"{number} {kind}" for kind, number in tally.items()) or "Nothing found."
            )
        if any(finding.is_breach for finding in findings):
            sys.exit(1)
