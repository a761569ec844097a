"""demo_anlegen builds a German True/False package from the shared package's libraries and puts
it, once, into the demo "Wissenscheck" lesson with the rule "bestanden": a wrong answer does not
complete the lesson, a right one does."""

import json
import subprocess
import sys
import zipfile
from io import StringIO
from pathlib import Path

from django.conf import settings as django_settings
from django.core.management import call_command
from django.urls import reverse

from h5p.models import H5PPaket
from h5p.services import paket_hochladen
from h5p.speicher import paket_speicher
from kern.demo import DEMO_DOMAIN
from kurse.demo_h5p import UEBERSCHRIFT
from kurse.h5p_anbindung import h5p_bloecke
from kurse.h5p_demo_paket import TITEL, deutsches_paket_bauen
from kurse.models import LektionErledigt, LektionSeite
from teilnehmende.models import Anmeldung
from tests.h5p.test_xapi import aussage, senden


def _wissenscheck() -> LektionSeite:
    return LektionSeite.objects.get(slug__startswith="wissenscheck-grundbegriffe")


def test_demo_lektion_traegt_das_deutsche_paket(db):
    call_command("demo_anlegen", stdout=StringIO())
    ausgabe = StringIO()
    call_command("demo_anlegen", stdout=ausgabe)
    assert "H5P-Aktivität" not in ausgabe.getvalue()  # nothing added the second time
    paket = H5PPaket.objects.get()
    assert (paket.titel, paket.hauptbibliothek) == (TITEL, "H5P.TrueFalse 1.6")
    lektion = _wissenscheck()
    assert h5p_bloecke(lektion) == [
        {"paket": paket.pk, "ueberschrift": UEBERSCHRIFT, "regel": "bestanden", "schwelle": None}
    ]
    assert [lektion.pk] == [
        seite.pk for seite in LektionSeite.objects.all() if seite.hat_h5p_aktivitaet
    ]
    # The lesson's text promises what the rule does.
    assert "Sobald Sie die Frage richtig beantwortet haben" in str(lektion.inhalt)

    with paket_speicher().open(paket.praefix + "content/content.json") as datei:
        inhalt = json.load(datei)
    assert "Präventionskette beginnt erst mit dem Eintritt" in inhalt["question"]
    assert inhalt["correct"] == "false"
    assert inhalt["l10n"]["checkAnswer"] == "Überprüfen"
    assert inhalt["l10n"]["trueText"] == "Richtig" and inhalt["l10n"]["tryAgain"] == "Wiederholen"
    assert inhalt["l10n"]["showSolutionButton"] == "Lösung anzeigen"
    englisch = {"True", "False", "Check", "Retry", "Show solution", "Wrong answer", "Cancel"}
    texte = [w for teil in ("l10n", "confirmCheck", "confirmRetry") for w in inhalt[teil].values()]
    assert not englisch & set(texte)
    with paket_speicher().open(paket.praefix + "h5p.json") as datei:
        assert json.load(datei)["language"] == "de"


def test_falsche_antwort_erledigt_die_lektion_nicht(db, client):
    call_command("demo_anlegen", stdout=StringIO())
    lektion = _wissenscheck()
    paket = H5PPaket.objects.get()
    # A participant of the running cohort who has not done the check yet.
    anmeldung = (
        Anmeldung.objects.filter(nutzer__email__endswith=f"@demo.{DEMO_DOMAIN}")
        .exclude(nutzer__erledigte_lektionen__lektion=lektion)
        .select_related("nutzer")
        .first()
    )
    assert anmeldung is not None
    nutzer = anmeldung.nutzer
    client.force_login(nutzer)
    url = reverse("h5p:xapi", args=[lektion.pk, paket.pk])

    antwort = senden(client, url, aussage(skaliert=0.0, erfolg=False))
    assert antwort.json() == {"gespeichert": True, "erfuellt": False}
    assert not LektionErledigt.objects.filter(nutzer=nutzer, lektion=lektion).exists()

    antwort = senden(client, url, aussage(skaliert=1.0, erfolg=True))
    assert antwort.json() == {"gespeichert": True, "erfuellt": True}
    assert LektionErledigt.objects.filter(nutzer=nutzer, lektion=lektion).exists()


def test_englisches_paket_frueherer_demos_wird_ersetzt(db):
    call_command("demo_anlegen", stdout=StringIO())
    lektion = _wissenscheck()
    englisch = paket_hochladen(
        datei=Path(django_settings.H5P_DEMO_PAKET), dateiname="true-false-hello-world.h5p"
    )
    roh = [b for b in lektion.inhalt.raw_data if b["type"] != "h5p"]
    roh.append(
        {
            "type": "h5p",
            "value": {"paket": englisch.pk, "ueberschrift": "x", "regel": "abgeschlossen"},
        }
    )
    lektion.inhalt = roh
    lektion.save_revision().publish()
    call_command("demo_anlegen", stdout=StringIO())
    bloecke = h5p_bloecke(_wissenscheck())
    assert [(b["paket"], b["regel"]) for b in bloecke] == [
        (H5PPaket.objects.get(titel=TITEL).pk, "bestanden")
    ]


def test_skript_baut_dasselbe_paket(tmp_path):
    quelle = Path(django_settings.H5P_DEMO_PAKET)
    ziel = tmp_path / "wissenscheck-de.h5p"
    skript = Path(django_settings.BASE_DIR) / "scripts" / "h5p_demo_paket.py"
    subprocess.run([sys.executable, str(skript), str(quelle), str(ziel)], check=True)  # noqa: S603
    nochmal = deutsches_paket_bauen(quelle=quelle, ziel=tmp_path / "zweites.h5p")
    assert ziel.read_bytes() == nochmal.read_bytes()  # reproducible: same SHA-256 every run
    with zipfile.ZipFile(ziel) as paket:
        namen = paket.namelist()
    assert "H5P_CONTENT_HERE.txt" not in namen
    assert "H5P.TrueFalse-1.6/library.json" in namen and "content/content.json" in namen


def test_ohne_paket_bleibt_die_lektion_text(db, settings, tmp_path):
    settings.H5P_DEMO_PAKET = str(tmp_path / "fehlt.h5p")
    ausgabe = StringIO()
    call_command("demo_anlegen", stdout=ausgabe)
    assert f"H5P-Demo übersprungen: {tmp_path / 'fehlt.h5p'} fehlt." in ausgabe.getvalue()
    assert not H5PPaket.objects.exists()
