import os

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from icsgov.core.history import command_context

DEFAULT_USERNAME = "admin"
DEFAULT_PASSWORD = "registry-dev-login"


class Command(BaseCommand):
    help = (
        "Development only: make sure a superuser exists to log in with, and print its login. "
        "DEV_SUPERUSER and DEV_PASSWORD change the defaults."
    )

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("Refusing to create a development superuser with DEBUG off.")
        username = os.environ.get("DEV_SUPERUSER", DEFAULT_USERNAME)
        password = os.environ.get("DEV_PASSWORD", DEFAULT_PASSWORD)
        User = get_user_model()
        with command_context("ensure_dev_superuser"):
            user, created = User.objects.get_or_create(
                username=username, defaults={"is_staff": True, "is_superuser": True}
            )
            if created or not user.check_password(password):
                user.is_staff = user.is_superuser = True
                user.set_password(password)
                user.save()
        verb = "Created" if created else "Using"
        self.stdout.write(self.style.SUCCESS(f"{verb} development login: {username} / {password}"))
