"""Each model of the app in brief, as other answers nest it: slug, name, API address."""

from rest_framework import serializers

from icsgov.core.api.serializers import BriefSerializer, brief_url
from partnerships.models import (
    Board,
    Meeting,
    Membership,
    Organisation,
    Person,
    Post,
    TermsOfReference,
)


class BriefOrganisationSerializer(BriefSerializer):
    url = brief_url("organisation-detail")

    class Meta:
        model = Organisation
        fields = ["slug", "name", "short_name", "url"]


class BriefBoardSerializer(BriefSerializer):
    url = brief_url("board-detail")

    class Meta:
        model = Board
        fields = ["slug", "name", "short_name", "url"]


class BriefPersonSerializer(BriefSerializer):
    """Name and address only: contact details never travel in a nested person."""

    url = brief_url("person-detail")

    class Meta:
        model = Person
        fields = ["slug", "name", "honorific", "url"]


class BriefPostSerializer(BriefSerializer):
    url = brief_url("post-detail")
    name = serializers.CharField(source="label", read_only=True)

    class Meta:
        model = Post
        fields = ["slug", "name", "role", "url"]


class BriefMeetingSerializer(BriefSerializer):
    url = brief_url("meeting-detail")
    name = serializers.CharField(source="title", read_only=True)

    class Meta:
        model = Meeting
        fields = ["slug", "name", "date", "url"]


class BriefMembershipSerializer(BriefSerializer):
    url = brief_url("membership-detail")

    class Meta:
        model = Membership
        fields = ["slug", "url"]


class BriefTermsSerializer(BriefSerializer):
    url = brief_url("termsofreference-detail")
    name = serializers.CharField(source="__str__", read_only=True)

    class Meta:
        model = TermsOfReference
        fields = ["slug", "name", "version", "url"]
