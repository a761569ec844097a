"""Package files live in private storage (no MEDIA_URL address): only the permission-checked
view delivers them – streamed by Django, or by the web server via X-Accel-Redirect."""

from __future__ import annotations

from django.conf import settings
from django.test import override_settings
from django.urls import reverse

from tests.hilfen import LOGIN_URL


def _url(lage, pfad="content/content.json") -> str:
    return reverse("h5p:inhalt", args=[lage["lektion"].pk, lage["paket"].pk, pfad])


def test_pakete_liegen_nicht_unter_media(lage):
    praefix = lage["paket"].praefix
    assert not (settings.MEDIA_ROOT / praefix).exists()
    assert (settings.PRIVATE_MEDIA_ROOT / praefix / "content" / "content.json").is_file()


def test_anonym_fremder_durchgang_und_richtige_teilnehmerin(client, lage):
    url = _url(lage)
    antwort = client.get(url)
    assert antwort.status_code == 302 and antwort.url == f"{LOGIN_URL}?next={url}"
    client.force_login(lage["fremde_teilnehmerin"])
    assert client.get(url).status_code == 403
    client.force_login(lage["teilnehmerin"])
    antwort = client.get(url)
    assert antwort.status_code == 200
    assert b"Ist das ein Test?" in b"".join(antwort.streaming_content)


@override_settings(LERNKETTE_X_ACCEL_PRAEFIX="/_privat/")
def test_x_accel_redirect_statt_stroemen(client, lage):
    client.force_login(lage["fremde_teilnehmerin"])
    antwort = client.get(_url(lage))
    assert antwort.status_code == 403 and "X-Accel-Redirect" not in antwort
    client.force_login(lage["teilnehmerin"])
    antwort = client.get(_url(lage))
    assert antwort.status_code == 200
    assert antwort["X-Accel-Redirect"] == f"/_privat/{lage['paket'].praefix}content/content.json"
    assert antwort["Content-Type"] == "application/json"
    assert antwort["X-Content-Type-Options"] == "nosniff"
    assert antwort.content == b""


def test_migration_verschiebt_alte_pakete_aus_media(lage):
    """Packages unpacked below /media/ by an older version move to the private storage."""
    import importlib

    from django.apps import apps
    from django.core.files.storage import default_storage

    from h5p.speicher import paket_speicher

    migration = importlib.import_module("h5p.migrations.0002_pakete_in_privaten_speicher")
    name = lage["paket"].praefix + "content/content.json"
    with paket_speicher().open(name, "rb") as quelle:
        default_storage.save(name, quelle)
    paket_speicher().delete(name)
    migration.verschieben(apps, None)
    assert not default_storage.exists(name)
    assert paket_speicher().exists(name)
    migration.verschieben(apps, None)  # again: nothing to do
