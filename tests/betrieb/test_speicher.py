"""Media storage is chosen by the environment: the filesystem by default, an S3-compatible bucket
when LERNKETTE_S3_BUCKET is set. The settings are evaluated in a fresh interpreter per case."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

PROJEKT = Path(__file__).resolve().parents[2]

AUSWERTUNG = """
import json
import django
django.setup()
from django.conf import settings
from django.core.files.storage import storages
default_storage = storages["default"]
print(json.dumps({
    "klasse": type(default_storage).__module__ + "." + type(default_storage).__name__,
    "url": default_storage.url("h5p/abc/h5p.json"),
    "img_src": settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"],
    "media_src": settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["media-src"],
    "dokumente": getattr(settings, "WAGTAILDOCS_SERVE_METHOD", None),
}))
"""


def _auswerten(**variablen) -> dict:
    umgebung = {k: v for k, v in os.environ.items() if not k.startswith(("LERNKETTE_S3_", "AWS_"))}
    umgebung.update(DJANGO_SETTINGS_MODULE="config.settings.base", **variablen)
    ergebnis = subprocess.run(  # noqa: S603 — our own interpreter, fixed code
        [sys.executable, "-c", AUSWERTUNG],
        cwd=PROJEKT,
        env=umgebung,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return json.loads(ergebnis.stdout.strip().splitlines()[-1])


def test_ohne_bucket_liegen_medien_im_dateisystem():
    daten = _auswerten()
    assert daten["klasse"] == "django.core.files.storage.filesystem.FileSystemStorage"
    assert daten["url"] == "/media/h5p/abc/h5p.json"
    assert daten["img_src"] == ["'self'", "data:"]
    assert daten["media_src"] == ["'self'"]


def test_mit_bucket_liegen_medien_im_s3_speicher_mit_signierten_urls():
    daten = _auswerten(
        LERNKETTE_S3_BUCKET="lernkette-medien",
        LERNKETTE_S3_ENDPOINT="https://s3.beispiel.example:9000",
        LERNKETTE_S3_REGION="eu-central-1",
        AWS_ACCESS_KEY_ID="zugang",
        AWS_SECRET_ACCESS_KEY="geheim",
    )
    assert daten["klasse"] == "storages.backends.s3.S3Storage"
    # Path-style below the configured prefix, signed (the bucket is private) and expiring.
    assert daten["url"].startswith(
        "https://s3.beispiel.example:9000/lernkette-medien/media/h5p/abc/h5p.json?"
    )
    assert "Signature=" in daten["url"] or "X-Amz-Signature=" in daten["url"]
    assert "Expires=" in daten["url"] or "X-Amz-Expires=" in daten["url"]
    # The strict CSP allows exactly that one extra origin for images and audio/video.
    assert daten["img_src"] == ["'self'", "data:", "https://s3.beispiel.example:9000"]
    assert daten["media_src"] == ["'self'", "https://s3.beispiel.example:9000"]
    assert daten["dokumente"] == "serve_view"


def test_mit_cdn_domain_unsignierte_urls_dieser_domain():
    daten = _auswerten(
        LERNKETTE_S3_BUCKET="lernkette-medien",
        LERNKETTE_S3_DOMAIN="medien.lernkette.example",
        AWS_ACCESS_KEY_ID="zugang",
        AWS_SECRET_ACCESS_KEY="geheim",
    )
    assert daten["url"] == "https://medien.lernkette.example/media/h5p/abc/h5p.json"
    assert daten["img_src"][-1] == "https://medien.lernkette.example"


PRIVAT_AUSWERTUNG = """
import json
import django
django.setup()
from teilnehmende.models import Version
from zertifikate.models import Zertifikat
ergebnis = {}
for name, feld in (("praesentation", Version._meta.get_field("datei")),
                   ("zertifikat", Zertifikat._meta.get_field("pdf"))):
    speicher = feld.storage
    ergebnis[name] = {
        "klasse": type(speicher).__module__ + "." + type(speicher).__name__,
        "location": getattr(speicher, "location", None),
        "custom_domain": getattr(speicher, "custom_domain", "-"),
        "default_acl": getattr(speicher, "default_acl", "-"),
        "querystring_expire": getattr(speicher, "querystring_expire", None),
        "url": speicher.url("2026/05/vortrag.pdf") if hasattr(speicher, "bucket_name") else None,
    }
print(json.dumps(ergebnis))
"""


def _privat_auswerten(**variablen) -> dict:
    umgebung = {k: v for k, v in os.environ.items() if not k.startswith(("LERNKETTE_S3_", "AWS_"))}
    umgebung.update(DJANGO_SETTINGS_MODULE="config.settings.base", **variablen)
    ergebnis = subprocess.run(  # noqa: S603 — our own interpreter, fixed code
        [sys.executable, "-c", PRIVAT_AUSWERTUNG],
        cwd=PROJEKT,
        env=umgebung,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return json.loads(ergebnis.stdout.strip().splitlines()[-1])


def test_ohne_bucket_liegen_private_dateien_im_privaten_verzeichnis(tmp_path):
    daten = _privat_auswerten(LERNKETTE_PRIVATE_ROOT=str(tmp_path))
    assert daten["praesentation"]["klasse"] == "teilnehmende.speicher.PrivaterSpeicher"
    assert daten["praesentation"]["location"] == str(tmp_path / "praesentationen")
    assert daten["zertifikat"]["klasse"] == "zertifikate.speicher.PrivaterSpeicher"
    assert daten["zertifikat"]["location"] == str(tmp_path)


def test_mit_bucket_liegen_private_dateien_unter_eigenem_praefix_nie_hinter_dem_cdn():
    daten = _privat_auswerten(
        LERNKETTE_S3_BUCKET="lernkette-medien",
        LERNKETTE_S3_ENDPOINT="https://s3.beispiel.example:9000",
        LERNKETTE_S3_DOMAIN="medien.lernkette.example",  # the CDN serves public media only
        AWS_ACCESS_KEY_ID="zugang",
        AWS_SECRET_ACCESS_KEY="geheim",
    )
    praesentation, zertifikat = daten["praesentation"], daten["zertifikat"]
    assert praesentation["klasse"] == zertifikat["klasse"] == "storages.backends.s3.S3Storage"
    assert praesentation["location"] == "privat/praesentationen"
    assert zertifikat["location"] == "privat"
    for speicher in (praesentation, zertifikat):
        assert speicher["custom_domain"] is None
        assert speicher["default_acl"] is None  # no ACL header: as private as the bucket
        assert speicher["querystring_expire"] == 60
    # Should a URL ever be built, it is signed, short-lived and never the public CDN's.
    url = praesentation["url"]
    assert url.startswith(
        "https://s3.beispiel.example:9000/lernkette-medien/privat/praesentationen/2026/05/"
    )
    assert "X-Amz-Expires=60" in url or "Expires=" in url
