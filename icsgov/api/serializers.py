from rest_framework import serializers


class BriefSerializer(serializers.ModelSerializer):
    """A related object in brief: its slug, name and API address, so a client rarely needs a
    second request. When the viewset marked the link private (``_public_<field>`` is False, see
    ``icsgov.visibility.mark_public_links``) the link is shown as null."""

    def get_attribute(self, instance):
        if getattr(instance, f"_public_{self.field_name}", True) is False:
            return None
        return super().get_attribute(instance)


def brief_url(view_name):
    return serializers.HyperlinkedIdentityField(view_name=f"api:{view_name}", lookup_field="slug")
