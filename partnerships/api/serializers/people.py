from rest_framework import serializers

from icsgov.core.api.serializers import (
    SLUG_ON_CREATE,
    SOURCE,
    WRITE_SOURCE,
    LinkSlugField,
    PrivateFieldsMixin,
    SlugOnCreateMixin,
    SourcedSerializer,
    SourcedWriteSerializer,
    brief_url,
)
from partnerships.models import Person
from partnerships.rules import people as people_rules
from places.models import System


class PersonSerializer(PrivateFieldsMixin, SourcedSerializer):
    """A person. ``email`` and ``phone`` are private (Person.private_fields): present only for
    staff who keep the person's record (their systems' secretariat, superusers), absent (not
    even null) for everyone else."""

    url = brief_url("person-detail")

    class Meta:
        model = Person
        fields = [
            "slug",
            "url",
            "name",
            "honorific",
            "sort_name",
            "biography",
            "email",
            "phone",
            *SOURCE,
        ]
        extra_kwargs = {
            "email": {
                "required": False,
                "help_text": "Only for staff who keep the person's record: never shown publicly.",
            },
            "phone": {
                "required": False,
                "help_text": "Only for staff who keep the person's record: never shown publicly.",
            },
        }


class PersonWriteSerializer(SlugOnCreateMixin, SourcedWriteSerializer):
    system = LinkSlugField(
        System,
        required=False,
        allow_null=True,
        help_text="Slug of the system the person is added in; default, your only system.",
    )

    class Meta:
        model = Person
        fields = [
            "slug",
            "name",
            "honorific",
            "sort_name",
            "biography",
            "email",
            "phone",
            "system",
            *WRITE_SOURCE,
        ]
        extra_kwargs = SLUG_ON_CREATE

    def validate(self, attrs):
        if self.instance is None and not attrs.get("system"):
            user = getattr(self.context.get("request"), "user", None)
            attrs["system"] = people_rules.home_system_for(user)
            if attrs["system"] is None and not (user and user.is_superuser):
                raise serializers.ValidationError({"system": [people_rules.HOME_SYSTEM_NEEDED]})
        return super().validate(attrs)
