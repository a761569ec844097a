"""Unpacked packages move from the public media storage (served below /media/) to the private
storage (h5p/speicher.py); afterwards only the permission-checked views deliver them."""

from django.core.files.storage import default_storage
from django.db import migrations


def _dateien(speicher, ordner: str):
    unterordner, dateien = speicher.listdir(ordner)
    for name in dateien:
        yield f"{ordner}{name}"
    for name in unterordner:
        yield from _dateien(speicher, f"{ordner}{name}/")


def verschieben(apps, schema_editor):
    from h5p.speicher import paket_speicher

    ziel = paket_speicher()
    for sha256 in apps.get_model("h5p", "H5PPaket").objects.values_list("sha256", flat=True):
        try:
            namen = list(_dateien(default_storage, f"h5p/{sha256}/"))
        except FileNotFoundError:  # nothing there (new installation, or moved already)
            continue
        for name in namen:
            if not ziel.exists(name):
                with default_storage.open(name, "rb") as quelle:
                    ziel.save(name, quelle)
            default_storage.delete(name)


class Migration(migrations.Migration):
    dependencies = [("h5p", "0001_initial")]

    operations = [migrations.RunPython(verschieben, migrations.RunPython.noop, elidable=True)]
