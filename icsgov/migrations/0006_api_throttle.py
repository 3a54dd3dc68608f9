"""The API's throttle counts in an UNLOGGED table, one statement a request
(icsgov/core/api/throttling.py)."""

from django.db import migrations

from icsgov.core.api import throttling


class Migration(migrations.Migration):
    dependencies = [("icsgov", "0005_read_cache_changes")]

    operations = [migrations.RunSQL(throttling.INSTALL_SQL, throttling.UNINSTALL_SQL)]
