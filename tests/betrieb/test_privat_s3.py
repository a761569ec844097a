"""Private uploads in an S3-compatible bucket: a final presentation and a certificate PDF are
stored below the private prefix without a public grant and reach only the permitted users,
streamed by the permission-checked views. S3 is moto's in-process fake of the S3 API (boto3 and
django-storages run unchanged; only the HTTP endpoint is replaced)."""

from __future__ import annotations

from pathlib import Path

import boto3
import pytest
from django.urls import reverse
from moto import mock_aws

from kern.speicher import privater_speicher
from teilnehmende.models import Version
from tests.hilfen import vier_stufen_pruefen
from tests.teilnehmende.praesentation_hilfen import einreichen, lage_anlegen, pdf
from zertifikate.models import Zertifikat
from zertifikate.services import zertifikat_ausstellen

BUCKET = "lernkette-test"
OEFFENTLICH = "http://acs.amazonaws.com/groups/global/AllUsers"


@pytest.fixture
def s3(settings, monkeypatch, tmp_path):
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    with mock_aws():
        client = boto3.client("s3", region_name="eu-central-1")
        client.create_bucket(
            Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "eu-central-1"}
        )
        settings.LERNKETTE_S3_BUCKET = BUCKET
        settings.LERNKETTE_S3_PRIVAT_OPTIONEN = {
            "bucket_name": BUCKET,
            "region_name": "eu-central-1",
            "location": "privat",
            "addressing_style": "path",
            "custom_domain": None,
            "querystring_auth": True,
            "querystring_expire": 60,
            "file_overwrite": False,
        }
        # Model fields pick their storage at import; here the field gets the S3 variant.
        speicher = privater_speicher("praesentationen", lambda: None)
        monkeypatch.setattr(Version._meta.get_field("datei"), "storage", speicher)
        pdf_speicher = privater_speicher("", lambda: None)
        monkeypatch.setattr(Zertifikat._meta.get_field("pdf"), "storage", pdf_speicher)
        yield client


@pytest.fixture
def lage(site, trainerin, teilnehmerin, foerderer):
    return lage_anlegen(trainerin, teilnehmerin) | {
        "trainerin": trainerin,
        "teilnehmerin": teilnehmerin,
        "foerderer": foerderer,
    }


def test_praesentation_liegt_privat_im_bucket_und_nur_die_ansicht_liefert_sie(
    client, s3, lage, settings, tmp_path
):
    version = einreichen(lage["anmeldung"], datei=pdf("Mein Vortrag.pdf"))

    schluessel = f"privat/praesentationen/{version.datei.name}"
    objekte = [o["Key"] for o in s3.list_objects_v2(Bucket=BUCKET)["Contents"]]
    assert objekte == [schluessel]
    assert s3.get_object(Bucket=BUCKET, Key=schluessel)["Body"].read().startswith(b"%PDF-")
    grants = s3.get_object_acl(Bucket=BUCKET, Key=schluessel)["Grants"]
    assert all(g["Grantee"].get("URI") != OEFFENTLICH for g in grants), grants
    assert not list(Path(settings.PRIVATE_MEDIA_ROOT).rglob("*.pdf"))  # nothing on disk

    url = reverse("teilnehmende:version_datei", args=[version.pk])
    vier_stufen_pruefen(
        client,
        url,
        erlaubt=[lage["teilnehmerin"], lage["trainerin"], lage["admin"]],
        abgelehnt=[lage["fremde_teilnehmerin"], lage["fremde_trainerin"], lage["foerderer"]],
    )
    client.force_login(lage["teilnehmerin"])
    antwort = client.get(url)
    assert antwort["Content-Disposition"] == 'attachment; filename="Mein Vortrag.pdf"'
    assert b"".join(antwort.streaming_content).startswith(b"%PDF-")


def test_zertifikat_pdf_liegt_privat_im_bucket_und_nur_die_inhaberin_laedt_es(
    client, s3, lage, settings
):
    zertifikat = zertifikat_ausstellen(
        anmeldung=lage["anmeldung"], benachrichtigen=False, pdf_erzeugen=False
    )
    url = reverse("zertifikate:herunterladen", args=[zertifikat.pk])
    client.force_login(lage["fremde_teilnehmerin"])
    assert client.get(url).status_code == 403

    # The first download renders the PDF (no worker ran yet) into the bucket and streams it.
    client.force_login(lage["teilnehmerin"])
    antwort = client.get(url)
    assert antwort.status_code == 200
    assert b"".join(antwort.streaming_content).startswith(b"%PDF-")
    schluessel = f"privat/zertifikate/{zertifikat.nummer}.pdf"
    assert [o["Key"] for o in s3.list_objects_v2(Bucket=BUCKET)["Contents"]] == [schluessel]
    grants = s3.get_object_acl(Bucket=BUCKET, Key=schluessel)["Grants"]
    assert all(g["Grantee"].get("URI") != OEFFENTLICH for g in grants), grants
    assert not list(Path(settings.PRIVATE_MEDIA_ROOT).rglob("*.pdf"))


def test_datenexport_liegt_privat_im_bucket_und_nur_die_person_laedt_ihn(
    client, s3, lage, settings
):
    import io
    import zipfile

    from kern.services import (
        datenexport_anfordern,
        datenexport_dateien_loeschen,
        datenexport_erstellen,
    )

    teilnehmerin = lage["teilnehmerin"]
    export = datenexport_erstellen(export_id=datenexport_anfordern(nutzer=teilnehmerin).pk)
    schluessel = f"privat/{export.datei}"
    assert schluessel.startswith(f"privat/exporte/{teilnehmerin.pk}/")
    assert [o["Key"] for o in s3.list_objects_v2(Bucket=BUCKET)["Contents"]] == [schluessel]
    grants = s3.get_object_acl(Bucket=BUCKET, Key=schluessel)["Grants"]
    assert all(g["Grantee"].get("URI") != OEFFENTLICH for g in grants), grants
    assert not list(Path(settings.PRIVATE_MEDIA_ROOT).rglob("*.zip"))  # nothing on disk

    url = reverse("kern:datenexport", args=[export.pk])
    client.force_login(lage["fremde_teilnehmerin"])
    assert client.get(url).status_code == 404  # someone else's export looks like a missing one
    client.force_login(teilnehmerin)
    antwort = client.get(url)
    assert antwort.status_code == 200
    with zipfile.ZipFile(io.BytesIO(b"".join(antwort.streaming_content))) as archiv:
        assert "daten.json" in archiv.namelist()

    assert datenexport_dateien_loeschen(nutzer=teilnehmerin) == 1
    assert "Contents" not in s3.list_objects_v2(Bucket=BUCKET)
