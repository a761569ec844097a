import csv
from pathlib import Path

from django.db import migrations

DATEI = Path(__file__).resolve().parent.parent / "daten" / "nrw-kreise.csv"


def kreise_laden(apps, schema_editor):
    kreis = apps.get_model("kern", "Kreis")
    with DATEI.open(encoding="utf-8") as datei:
        for zeile in csv.DictReader(datei, delimiter=";"):
            kreis.objects.update_or_create(
                schluessel=zeile["schluessel"],
                defaults={
                    "name": zeile["name"],
                    "art": zeile["art"],
                    "regierungsbezirk": zeile["regierungsbezirk"],
                },
            )


class Migration(migrations.Migration):
    dependencies = [("kern", "0003_kreis")]

    operations = [migrations.RunPython(kreise_laden, migrations.RunPython.noop)]
