"""A system's people, bodies, organisations, seats and appointments in Popolo JSON
(https://www.popoloproject.com/specs/), the vocabulary other civic systems read.

Ids are the registry's slugs. Bodies (Board) and partner organisations (Organisation) are both
Popolo organizations, told apart by ``classification``; the partner organisations include the
upper-tier councils in the system's area. Only what the client may see is exported
(icsgov.core.visibility); as at a date when one is given (the codes too).
"""

from django.db.models import Q
from rest_framework import serializers

from icsgov.core.api import lean
from icsgov.core.api.serializers import ReadSerializer
from icsgov.core.api.views import total_order
from icsgov.core.visibility import shown, visible
from partnerships.models import Board, CouncilArea, Membership, Organisation, Person, Post


def _slug(obj):
    return obj.slug if obj is not None else None


class PopoloPersonSerializer(ReadSerializer):
    id = serializers.CharField(source="slug")
    honorific_prefix = serializers.CharField(source="honorific")

    class Meta:
        model = Person
        fields = ["id", "name", "sort_name", "honorific_prefix", "biography"]


class PopoloIdentifierSerializer(serializers.Serializer):
    scheme = serializers.CharField()
    identifier = serializers.CharField(source="code")


class PopoloOrganizationSerializer(serializers.Serializer):
    id = serializers.CharField(source="slug")
    name = serializers.CharField()
    classification = serializers.CharField(
        help_text="'body:<kind>' for a governance body, 'organisation:<kind>' for a partner."
    )
    parent_id = serializers.CharField(allow_null=True)
    founding_date = serializers.DateField(source="start_date", allow_null=True)
    dissolution_date = serializers.DateField(source="end_date", allow_null=True)
    identifiers = PopoloIdentifierSerializer(many=True)


class PopoloPostSerializer(ReadSerializer):
    id = serializers.CharField(source="slug")
    organization_id = serializers.CharField(source="board.slug")

    class Meta:
        model = Post
        fields = ["id", "label", "role", "organization_id", "start_date", "end_date"]


class PopoloMembershipSerializer(ReadSerializer):
    id = serializers.CharField(source="slug")
    person_id = serializers.CharField(source="person.slug")
    post_id = serializers.CharField(source="post.slug")
    organization_id = serializers.CharField(source="post.board.slug")
    on_behalf_of_id = serializers.SerializerMethodField()
    role = serializers.CharField(source="post.role")

    class Meta:
        model = Membership
        fields = [
            "id",
            "person_id",
            "post_id",
            "organization_id",
            "on_behalf_of_id",
            "role",
            "start_date",
            "end_date",
        ]

    def get_on_behalf_of_id(self, membership) -> str | None:
        return _slug(shown(membership, "on_behalf_of"))

    #: The lean read (icsgov.core.api.lean): the organisation's slug, null where the viewer
    #: may not follow the link (as ``shown``).
    lean_columns = {"on_behalf_of_id": ("on_behalf_of__slug", "_public_on_behalf_of")}

    def lean_on_behalf_of_id(self, request, slug, public):
        return slug if public is not False else None


class PopoloExportSerializer(serializers.Serializer):
    as_at = serializers.DateField(allow_null=True)
    persons = PopoloPersonSerializer(many=True)
    organizations = PopoloOrganizationSerializer(many=True)
    posts = PopoloPostSerializer(many=True)
    memberships = PopoloMembershipSerializer(many=True)


def _dated(queryset, date):
    return queryset.as_at(date) if date else queryset


def popolo_export(system, request, date=None) -> dict:
    """The system's records in Popolo, restricted to what the request's user may see, as at
    ``date``, as PopoloExportSerializer shows them: each list in its model's order, ties by id
    (two exports of the same data are the same); the persons, posts and memberships read as
    tuples into their serializers' answers (icsgov.core.api.lean.answers), without a model
    instance for each of the system's thousands of rows."""
    user = request.user
    boards = _dated(visible(Board.objects.filter(system=system), user), date)
    boards = total_order(boards.select_related("parent"))
    posts = total_order(_dated(visible(Post.objects.filter(board__system=system), user), date))
    memberships = _dated(visible(Membership.objects.filter(post__board__system=system), user), date)
    memberships = lean.answers(
        PopoloMembershipSerializer(), total_order(memberships), request, "person"
    )
    people = total_order(
        visible(Person.objects.filter(pk__in={person for _, person in memberships}), user)
    )
    # The system's own organisations, and the councils in its area (on the date, if one).
    councils = _dated(visible(CouncilArea.objects.filter(system=system), user), date)
    organisations = _dated(
        visible(
            Organisation.objects.filter(
                Q(system=system) | Q(pk__in=councils.values("organisation"))
            ),
            user,
        ),
        date,
    )
    organisations = total_order(organisations).prefetch_related("identifiers")

    organizations = [
        {
            "slug": board.slug,
            "name": board.name,
            "classification": f"body:{board.kind}",
            "parent_id": _slug(shown(board, "parent")),
            "start_date": board.start_date,
            "end_date": board.end_date,
            "identifiers": [],
        }
        for board in boards
    ] + [
        {
            "slug": organisation.slug,
            "name": organisation.name,
            "classification": f"organisation:{organisation.kind}",
            "parent_id": None,
            "start_date": organisation.start_date,
            "end_date": organisation.end_date,
            "identifiers": [
                code
                for code in organisation.identifiers.all()
                if date is None
                or (code.valid_from is None or code.valid_from <= date)
                and (code.valid_to is None or code.valid_to >= date)
            ],
        }
        for organisation in organisations
    ]
    return {
        "as_at": date.isoformat() if date else None,
        "persons": [
            answer for (answer,) in lean.answers(PopoloPersonSerializer(), people, request)
        ],
        "organizations": PopoloOrganizationSerializer(organizations, many=True).data,
        "posts": [answer for (answer,) in lean.answers(PopoloPostSerializer(), posts, request)],
        "memberships": [answer for answer, _ in memberships],
    }
