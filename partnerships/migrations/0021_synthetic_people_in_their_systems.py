"""Synthetic people made before the generator gave them their system (icsgov.synthetic) are
put in the synthetic system of their seat, so the public rule for people
(partnerships.visibility.public_person) keeps them off public pages and the anonymous API with
the rest of the synthetic data, published or not. A registry without synthetic data is
unchanged."""

from django.db import migrations
from django.db.models import OuterRef, Subquery


def place_synthetic_people(apps, schema_editor):
    Person = apps.get_model("partnerships", "Person")
    Membership = apps.get_model("partnerships", "Membership")
    seat_system = Membership.objects.filter(
        person=OuterRef("pk"), post__board__system__is_synthetic=True
    ).values("post__board__system")[:1]
    # The generator's people (its slugs), appointed only in synthetic systems.
    synthetic = Person.objects.filter(
        slug__startswith="synthetic-",
        system__isnull=True,
        memberships__post__board__system__is_synthetic=True,
    ).exclude(memberships__post__board__system__is_synthetic=False)
    synthetic.update(system=Subquery(seat_system))


class Migration(migrations.Migration):
    dependencies = [
        ("partnerships", "0020_list_order_indexes"),
    ]

    operations = [
        migrations.RunPython(place_synthetic_people, migrations.RunPython.noop),
    ]
