"""DSGVO (export, deletion: the holder's copy keeps verifying), the key command, the demo step,
and the encodings (bit list, multibase)."""

from __future__ import annotations

import io
import json
import stat

import pytest
from django.core.management import CommandError, call_command

from kern import datenschutz
from kern.models import Protokolleintrag
from kern.services import konto_loeschen
from openbadges import bitstring
from openbadges.models import OpenBadge
from openbadges.multibase import (
    base58_dekodieren,
    base58_kodieren,
    multikey_dekodieren,
    multikey_kodieren,
)
from openbadges.pruefung import nachweis_pruefen
from openbadges.schluessel import (
    SchluesselFehlt,
    aktive_kennung,
    aktiver_schluessel,
    oeffentliche_schluessel,
)
from openbadges.services import KONTO_GELOESCHT, NachweisUngueltig, openbadge_ausstellen

pytestmark = pytest.mark.django_db


def _registrierung():
    return next(r for r in datenschutz.registrierungen() if r.name == "openbadges")


def test_export_enthaelt_den_nachweis(zertifikat, lage):
    badge = openbadge_ausstellen(zertifikat=zertifikat)
    export = _registrierung().exporter(lage["ich"])
    assert export[0]["zertifikat"] == zertifikat.nummer
    assert export[0]["nachweis"] == badge.credential


def test_nach_kontoloeschung_bleibt_der_nachweis_pruefbar(zertifikat, lage):
    kopie = json.loads(json.dumps(openbadge_ausstellen(zertifikat=zertifikat).credential))
    konto_loeschen(nutzer=lage["ich"])
    badge = OpenBadge.objects.get()
    # Pseudonymous data (salted hash) goes; the status-list index stays.
    assert badge.credential is None and badge.salz == ""
    ergebnis = nachweis_pruefen(kopie)
    assert ergebnis.gueltig
    # Nothing to sign anew without the account.
    zertifikat.refresh_from_db()
    with pytest.raises(NachweisUngueltig) as fehler:
        openbadge_ausstellen(zertifikat=zertifikat)
    assert str(fehler.value) == str(KONTO_GELOESCHT)


def test_schluessel_kommando(settings, tmp_path):
    ordner = tmp_path / "schluessel"
    settings.LERNKETTE_OB_SCHLUESSEL_DIR = ordner
    with pytest.raises(SchluesselFehlt):
        aktiver_schluessel()
    ausgabe = io.StringIO()
    call_command("openbadges_schluessel", "--wenn-fehlt", stdout=ausgabe)
    erster = aktive_kennung()
    assert f"Neuer aktiver Schlüssel {erster}" in ausgabe.getvalue()
    assert stat.S_IMODE((ordner / f"{erster}.key").stat().st_mode) == 0o600
    call_command("openbadges_schluessel", "--wenn-fehlt", stdout=io.StringIO())
    assert aktive_kennung() == erster  # nothing new
    ausgabe = io.StringIO()
    call_command("openbadges_schluessel", "--neu", stdout=ausgabe)
    zweiter = aktive_kennung()
    assert zweiter != erster
    assert [s.kennung for s in oeffentliche_schluessel()] == sorted([erster, zweiter])
    assert f"{erster}" in ausgabe.getvalue() and "(veröffentlicht)" in ausgabe.getvalue()
    assert sorted(p.name for p in ordner.glob("*.key")) == [f"{zweiter}.key"]
    # Every key change is in the audit log.
    eintraege = Protokolleintrag.objects.filter(aktion="openbadges_schluessel_neu")
    assert [e.details for e in eintraege.order_by("pk")] == [
        {"kennung": erster, "vorher": ""},
        {"kennung": zweiter, "vorher": erster},
    ]


def test_schluessel_zurueckziehen(settings, tmp_path):
    settings.LERNKETTE_OB_SCHLUESSEL_DIR = ordner = tmp_path / "schluessel"
    call_command("openbadges_schluessel", "--neu", stdout=io.StringIO())
    erster = aktive_kennung()
    call_command("openbadges_schluessel", "--neu", stdout=io.StringIO())
    zweiter = aktive_kennung()
    # The active key cannot be withdrawn (nothing would sign), an unknown one neither.
    with pytest.raises(CommandError, match="aktive Schlüssel"):
        call_command("openbadges_schluessel", "--zurueckziehen", zweiter)
    with pytest.raises(CommandError, match="Kein veröffentlichter Schlüssel"):
        call_command("openbadges_schluessel", "--zurueckziehen", "ob-gibt-es-nicht")
    with pytest.raises(CommandError, match="Kein veröffentlichter Schlüssel"):
        call_command("openbadges_schluessel", "--zurueckziehen", "../aktiv")
    assert not Protokolleintrag.objects.filter(aktion="openbadges_schluessel_zurueckgezogen")
    ausgabe = io.StringIO()
    call_command("openbadges_schluessel", "--zurueckziehen", erster, stdout=ausgabe)
    assert f"Schlüssel {erster} zurückgezogen" in ausgabe.getvalue()
    assert [s.kennung for s in oeffentliche_schluessel()] == [zweiter]
    assert sorted(p.name for p in ordner.iterdir()) == ["aktiv", f"{zweiter}.key", f"{zweiter}.pub"]
    eintrag = Protokolleintrag.objects.get(aktion="openbadges_schluessel_zurueckgezogen")
    assert eintrag.details == {"kennung": erster}


def test_nicht_passender_privater_schluessel_wird_abgelehnt(schluessel_ordner):
    kennung = aktive_kennung()
    (schluessel_ordner / f"{kennung}.pub").write_text(multikey_kodieren(bytes(32)))
    with pytest.raises(SchluesselFehlt):
        aktiver_schluessel()


def test_demo_legt_einen_schluessel_an(settings, tmp_path):
    from openbadges import demo

    settings.LERNKETTE_OB_SCHLUESSEL_DIR = tmp_path / "demo"
    demo.anlegen(io.StringIO())
    kennung = aktive_kennung()
    assert kennung is not None
    demo.anlegen(io.StringIO())
    assert aktive_kennung() == kennung


def test_bitliste():
    kodiert = bitstring.kodieren([0, 9, 131_071])
    assert kodiert.startswith("u") and "=" not in kodiert
    bits = bitstring.dekodieren(kodiert)
    assert len(bits) * 8 == bitstring.MINDESTLAENGE == 131_072
    assert bits[0] == 0b1000_0000 and bits[1] == 0b0100_0000 and bits[-1] == 1
    assert [i for i in range(20) if bitstring.gesetzt(bits, i)] == [0, 9]
    with pytest.raises(IndexError):
        bitstring.kodieren([131_072])


def test_multibase():
    # Vectors of the base58btc draft (draft-msporny-base58).
    assert base58_kodieren(b"Hello World!") == "2NEpo7TZRRrLZSi2U"
    assert base58_kodieren(b"\0\0\x28\x7f\xb4\xcd") == "11233QC4"
    assert base58_dekodieren("11233QC4") == b"\0\0\x28\x7f\xb4\xcd"
    schluessel = bytes(range(32))
    multikey = multikey_kodieren(schluessel)
    assert multikey.startswith("z6Mk") and multikey_dekodieren(multikey) == schluessel
