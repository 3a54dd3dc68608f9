"""Static files as production serves them: collected, compressed, with hashed names."""

from pathlib import Path

from django.contrib.staticfiles import finders
from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    """WhiteNoise's compressed, hashed ("cache-busting") storage, which serves every hashed file
    with a year-long cache lifetime.

    Two things the NHS.UK frontend needs:

    - Its template builds favicon URLs from the assets folder's URL (``static("nhsuk/assets")``);
      a folder has no hash, so it keeps its own name (its files are served unhashed too).
    - ``icsgov/init.js`` imports the frontend's JavaScript module by a relative path; the import is
      rewritten to the hashed name like a CSS ``url()``, so the two are always from one release.
    """

    support_js_module_import_aggregation = True

    def stored_name(self, name):
        try:
            return super().stored_name(name)
        except ValueError:  # not in the manifest: a folder keeps its name, a missing file fails
            source = finders.find(name)
            if Path(self.path(name)).is_dir() or (source and Path(source).is_dir()):
                return name
            raise
