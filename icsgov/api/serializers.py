from rest_framework import serializers


class BriefSerializer(serializers.ModelSerializer):
    """A related object in brief: its slug, name and API address, so a client rarely needs a
    second request. When the viewset marked the link private (``_public_<field>`` is False, see
    ``icsgov.visibility.mark_public_links``) the link is shown as null."""

    def get_attribute(self, instance):
        if getattr(instance, f"_public_{self.field_name}", True) is False:
            return None
        return super().get_attribute(instance)


class LinkField(serializers.HyperlinkedIdentityField):
    """The object's absolute API address, without the request's own ``?format=`` (DRF keeps
    it; a CSV row should link to the record, not to more CSV)."""

    def get_url(self, obj, view_name, request, format):
        path = super().get_url(obj, view_name, None, None)
        return request.build_absolute_uri(path) if request and path else path


def brief_url(view_name, lookup_field="slug"):
    return LinkField(view_name=f"api:{view_name}", lookup_field=lookup_field)
