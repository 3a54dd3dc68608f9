"""``icsgov_unaccent``: unaccent as an IMMUTABLE function, so that search indexes can hold
unaccented names (icsgov.core.search.ImmutableUnaccent). It is immutable in fact: it always
uses the one dictionary it names."""

from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION icsgov_unaccent(text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$
"""


class Migration(migrations.Migration):
    dependencies = [("core", "0003_on_or_before")]

    operations = [migrations.RunSQL(CREATE, "DROP FUNCTION IF EXISTS icsgov_unaccent(text)")]
