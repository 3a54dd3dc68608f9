"""Anonymous reads from the read replica, when ``DATABASE_REPLICA_URL`` names one.

Anonymous visitors and API clients see the public record only, and a replica a moment behind
the primary is fine for that; a signed-in user's reads, and every write, go to the primary so
they see their own changes at once. ``icsgov.middleware.ReplicaReadMiddleware`` decides per
request and sets :data:`reading_from_replica` for its duration.
"""

import contextvars

from django.conf import settings

REPLICA = "replica"

#: True while an anonymous GET or HEAD request is being handled.
reading_from_replica = contextvars.ContextVar("reading_from_replica", default=False)


def replica_configured():
    return REPLICA in settings.DATABASES


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        if reading_from_replica.get() and replica_configured():
            return REPLICA
        return "default"

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the same data, whichever copy it was read from

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == "default"  # the replica follows the primary's schema
