from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from icsgov.access import AccessRole, SystemAccess
from icsgov.core.history import command_context
from places.models import System


class Command(BaseCommand):
    help = (
        "Grant a user a role on a system (creating the user, as staff, if needed), or with "
        "--revoke remove it. A user holds one role per system; granting replaces it."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--role", required=True, choices=AccessRole.values)
        parser.add_argument("--system", required=True, help="Slug of the system.")
        parser.add_argument("--password", help="Set this password (checked by the validators).")
        parser.add_argument("--revoke", action="store_true", help="Remove the role instead.")

    def handle(self, *args, username, role, system, password=None, revoke=False, **options):
        try:
            system_obj = System.objects.get(slug=system)
        except System.DoesNotExist:
            raise CommandError(f"No system with slug '{system}'.") from None
        User = get_user_model()
        with transaction.atomic(), command_context("grant_access"):
            if revoke:
                deleted, _ = SystemAccess.objects.filter(
                    user__username=username, system=system_obj, role=role
                ).delete()
                if not deleted:
                    raise CommandError(f"{username} is not {role} of {system_obj}.")
                self.stdout.write(f"Revoked {role} of {system_obj} from {username}.")
                return
            user, created = User.objects.get_or_create(username=username)
            if password:
                try:
                    validate_password(password, user)
                except ValidationError as error:
                    raise CommandError(" ".join(error.messages)) from None
                user.set_password(password)
            elif created:
                user.set_unusable_password()
            user.is_staff = True
            user.save()
            SystemAccess.objects.update_or_create(
                user=user, system=system_obj, defaults={"role": role}
            )
        verb = "Created user" if created else "Updated user"
        self.stdout.write(self.style.SUCCESS(f"{verb} {username}: {role} of {system_obj}."))
