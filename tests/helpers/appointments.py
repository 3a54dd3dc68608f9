"""Appointing someone the way every door does: ``full_clean()`` (the model's rules), then save."""

from partnerships.models import Membership
from tests import factories


def appoint(post, start, end=None, **kwargs):
    membership = Membership(
        person=kwargs.pop("person", None) or factories.PersonFactory(),
        post=post,
        start_date=start,
        end_date=end,
        **kwargs,
    )
    membership.full_clean()
    membership.save()
    return membership
