from django.db import migrations

ROLLEN = ["Teilnehmende", "Trainer/innen", "Fördermittelgeber", "Redaktion", "Administration"]


def rollen_anlegen(apps, schema_editor):
    group = apps.get_model("auth", "Group")
    for name in ROLLEN:
        group.objects.get_or_create(name=name)


def rollen_entfernen(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLLEN).delete()


class Migration(migrations.Migration):
    dependencies = [("kern", "0001_initial"), ("auth", "0012_alter_user_first_name_max_length")]

    operations = [migrations.RunPython(rollen_anlegen, rollen_entfernen)]
