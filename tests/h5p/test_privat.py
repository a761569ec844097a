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


def test_mit_s3_unter_dem_privaten_praefix(client, lage, settings):
    """With a bucket the package goes below privat/h5p/… (never media/), and the view streams it
    from there (moto stands in for S3, boto3 and django-storages run unchanged)."""
    import boto3
    from moto import mock_aws

    from tests.h5p.conftest import h5p_einbauen, paket_aus
    from tests.h5p.pakete import minimal

    with mock_aws():
        s3 = boto3.client("s3", region_name="eu-central-1")
        s3.create_bucket(
            Bucket="lk-h5p", CreateBucketConfiguration={"LocationConstraint": "eu-central-1"}
        )
        settings.LERNKETTE_S3_BUCKET = "lk-h5p"
        settings.LERNKETTE_S3_PRIVAT_OPTIONEN = {
            "bucket_name": "lk-h5p",
            "region_name": "eu-central-1",
            "location": "privat",
            "addressing_style": "path",
            "custom_domain": None,
            "querystring_auth": True,
            "querystring_expire": 60,
            "file_overwrite": False,
        }
        dateien = minimal()
        dateien["h5p.json"] = {**dateien["h5p.json"], "title": "Im Bucket"}  # another sha256
        paket = paket_aus(dateien, name="bucket.h5p")
        schluessel = [o["Key"] for o in s3.list_objects_v2(Bucket="lk-h5p")["Contents"]]
        assert schluessel and all(k.startswith(f"privat/{paket.praefix}") for k in schluessel)
        lektion = h5p_einbauen(lage["lektion"], paket)
        url = reverse("h5p:inhalt", args=[lektion.pk, paket.pk, "h5p.json"])
        client.force_login(lage["fremde_teilnehmerin"])
        assert client.get(url).status_code == 403
        client.force_login(lage["teilnehmerin"])
        antwort = client.get(url)
        assert antwort.status_code == 200
        assert b"Im Bucket" in b"".join(antwort.streaming_content)
