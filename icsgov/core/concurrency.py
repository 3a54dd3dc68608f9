"""Optimistic concurrency: two people editing the same record — the second save is refused with a
clear message, never a silent overwrite.

The admin sends, with each change form, the fingerprint of the record as the form showed it
(:func:`fingerprint`) and refuses the save when the stored record no longer matches. The API
uses HTTP's own mechanism: a write may send ``If-Match`` with the ETag of the record as the
client read it (:func:`etag`, the same ETag a GET answers with); when the record has changed
since, the write is a 412 and nothing is saved.
"""

import hashlib
import json

from django.core.serializers.json import DjangoJSONEncoder

CONFLICT = (
    "Someone else changed this record since you opened it. Nothing was saved: reload the page "
    "to see their change, then make yours again."
)
API_CONFLICT = (
    "This record has changed since you read it (If-Match does not match its ETag). Nothing was "
    "saved: read it again (GET), then re-apply your change."
)


def fingerprint(obj, lock=False) -> str:
    """A digest of the record's stored values (all its columns); ``lock`` locks the row until the
    transaction ends, so the check and the save that follows cannot be overtaken."""
    model = type(obj)
    rows = model._base_manager.filter(pk=obj.pk)
    if lock:
        rows = rows.select_for_update(of=("self",))
    names = [field.attname for field in model._meta.concrete_fields]
    values = rows.values_list(*names).first()
    return hashlib.sha256(json.dumps(values, cls=DjangoJSONEncoder).encode()).hexdigest()[:32]


def etag(content: bytes) -> str:
    """The ETag of an answer's body, as Django's ConditionalGetMiddleware computes it."""
    from django.utils.http import quote_etag

    return quote_etag(hashlib.md5(content, usedforsecurity=False).hexdigest())


def if_match_holds(header: str | None, current: str) -> bool:
    """Whether an ``If-Match`` header allows a write to a record whose ETag is ``current``
    (no header: the client did not ask, so yes)."""
    if not header:
        return True
    tags = [tag.strip() for tag in header.split(",")]
    return "*" in tags or any(tag.removeprefix("W/") == current for tag in tags)
