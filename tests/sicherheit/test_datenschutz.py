"""DSGVO self-service: export of one's own data (ZIP) and deletion of the account."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import models
from django.db.models import Count, TextField
from django.db.models.functions import Cast

from kern import rollen
from kern.demo import konto_anlegen
from kern.forms import BESTAETIGUNG_FEHLT, PASSWORT_FALSCH
from kern.models import Datenexport, Protokolleintrag
from kern.services import ADMIN_NICHT_LOESCHBAR, EXPORT_LAEUFT, EXPORT_ZU_OFT
from kurse.models import LektionErledigt
from kurse.services import lektion_abschliessen
from teilnehmende.models import Anmeldung, Eintrittsdaten, Einwilligung
from tests.conftest import PASSWORT
from tests.hilfen import vier_stufen_pruefen
from tests.kurse.factories import (
    anmelden,
    durchgang_fuer,
    kurs_anlegen,
    person,
    pflichtlektionen,
)

EMAIL = "leonore.loeschbar@test.example"
VORNAME = "Leonore"
NACHNAME = "Löschbarowa"
ORGANISATION = "Familienbüro Leonorenhausen"


@pytest.fixture
def leonore(site):
    nutzer = konto_anlegen(
        email=EMAIL,
        vorname=VORNAME,
        nachname=NACHNAME,
        rolle=rollen.TEILNEHMENDE,
        passwort=PASSWORT,
    )
    return nutzer


@pytest.fixture
def lage(leonore):
    """Leonore finished one cohort, dropped out of another and waits in a third; others are
    enrolled alongside, so the figures have more than one person in them."""
    kurs = kurs_anlegen(module=1, lektionen=2)
    fertig = durchgang_fuer(kurs)
    abgebrochen = durchgang_fuer(kurs)
    for nutzer in [leonore, person(), person()]:
        anmelden(nutzer, fertig, organisation=ORGANISATION if nutzer == leonore else "Stadt Hamm")
    Anmeldung.objects.filter(durchgang=fertig).update(status=Anmeldung.Status.ABGESCHLOSSEN)
    anmelden(leonore, abgebrochen, geburtsjahr=1961, geschlecht="divers")
    anmelden(person(), abgebrochen, geburtsjahr=2000)
    Anmeldung.objects.filter(durchgang=abgebrochen, nutzer=leonore).update(
        status=Anmeldung.Status.ABGEBROCHEN
    )
    for lektion in pflichtlektionen(kurs):
        lektion_abschliessen(nutzer=leonore, lektion=lektion)
    return {"kurs": kurs, "fertig": fertig}


def kennzahlen() -> list[dict]:
    """What funders' figures are built from: enrolments by cohort and status, crossed with
    every ESF characteristic (incl. the age band computed in SQL)."""
    return list(
        Eintrittsdaten.objects.mit_altersgruppe()
        .values(
            "anmeldung__durchgang",
            "anmeldung__status",
            "geschlecht",
            "altersgruppe",
            "erwerbsstatus",
            "bildung",
            "organisationsart",
            "kreis",
            "kommune",
        )
        .annotate(anzahl=Count("pk"))
        .order_by(
            "anmeldung__durchgang", "anmeldung__status", "geschlecht", "altersgruppe", "kreis"
        )
    )


def textspalten_mit(suchwort: str) -> list[str]:
    """Every (model, column) of the database whose text still contains `suchwort`."""
    treffer = []
    for model in apps.get_models():
        if model._meta.proxy or not model._meta.managed:
            continue
        for feld in model._meta.concrete_fields:
            if isinstance(feld, models.CharField | models.TextField):
                qs = model._default_manager.filter(**{f"{feld.attname}__icontains": suchwort})
            elif isinstance(feld, models.JSONField):
                qs = model._default_manager.annotate(_t=Cast(feld.attname, TextField())).filter(
                    _t__icontains=suchwort
                )
            else:
                continue
            if qs.exists():
                treffer.append(f"{model._meta.label}.{feld.attname}")
    return treffer


# --- export ----------------------------------------------------------------------------------


def test_export_als_zip_mit_allen_eigenen_daten(
    client, leonore, lage, django_capture_on_commit_callbacks
):
    client.force_login(leonore)
    with django_capture_on_commit_callbacks(execute=True):
        antwort = client.post("/konto/daten/export/")
    assert antwort.status_code == 302
    export = Datenexport.objects.get(nutzer=leonore)
    assert export.status == Datenexport.Status.FERTIG  # eager Celery in tests

    antwort = client.get(f"/konto/daten/export/{export.pk}/")
    assert antwort.status_code == 200
    assert antwort["Content-Type"] == "application/zip"
    assert "no-store" in antwort["Cache-Control"]
    archiv = zipfile.ZipFile(io.BytesIO(b"".join(antwort.streaming_content)))
    daten = json.loads(archiv.read("daten.json"))
    assert daten["konto"]["email"] == EMAIL
    assert daten["konto"]["nachname"] == NACHNAME
    assert daten["konto"]["rollen"] == [rollen.TEILNEHMENDE]
    assert len(daten["teilnehmende"]["anmeldungen"]) == 2
    organisationen = {
        a["eintrittsdaten"]["organisation"] for a in daten["teilnehmende"]["anmeldungen"]
    }
    assert ORGANISATION in organisationen
    assert daten["teilnehmende"]["einwilligungen"][0]["textversion"]
    assert len(daten["kurse"]["erledigte_lektionen"]) == 2
    eintrag = Protokolleintrag.objects.get(aktion="datenexport")
    assert eintrag.akteur == leonore and eintrag.betroffen == leonore


def test_export_laden_nur_die_eigentuemerin(
    client, leonore, teilnehmerin, administratorin, django_capture_on_commit_callbacks
):
    client.force_login(leonore)
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/konto/daten/export/")
    url = f"/konto/daten/export/{Datenexport.objects.get().pk}/"
    client.logout()
    antwort = client.get(url)
    assert antwort.status_code == 302 and antwort.url.startswith("/konto/login/?next=")
    for fremd in (teilnehmerin, administratorin):  # 404, not 403: ids reveal nothing
        client.force_login(fremd)
        assert client.get(url).status_code == 404, fremd.email


def test_export_anfordern_nur_per_post(client, leonore):
    client.force_login(leonore)
    assert client.get("/konto/daten/export/").status_code == 405
    assert not Datenexport.objects.exists()


def test_zweiter_export_kurz_danach_wird_abgelehnt(
    client, leonore, django_capture_on_commit_callbacks
):
    client.force_login(leonore)
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/konto/daten/export/")
    antwort = client.post("/konto/daten/export/", follow=True)
    assert Datenexport.objects.count() == 1
    meldungen = [str(m) for m in antwort.context["messages"]]
    assert meldungen[-1] == str(EXPORT_ZU_OFT).format(minuten=5)


def test_laufender_export_blockiert_einen_zweiten(client, leonore):
    client.force_login(leonore)
    client.post("/konto/daten/export/")  # the task waits for the commit: still running
    antwort = client.post("/konto/daten/export/", follow=True)
    assert Datenexport.objects.count() == 1
    assert [str(m) for m in antwort.context["messages"]][-1] == str(EXPORT_LAEUFT)


def test_datenseite_vier_stufen(client, leonore, trainerin, foerderer):
    # Every logged-in person has own data: no role is refused; anonymous goes to the login.
    vier_stufen_pruefen(
        client, "/konto/daten/", erlaubt=[leonore, trainerin, foerderer], abgelehnt=[]
    )


# --- deletion --------------------------------------------------------------------------------


def test_loeschen_anonymisiert_und_die_zahlen_bleiben_gleich(client, leonore, lage):
    vorher = kennzahlen()
    leonore_id = leonore.pk
    for wort in (EMAIL, VORNAME, NACHNAME, ORGANISATION):
        assert textspalten_mit(wort), f"{wort} sollte vor dem Löschen gespeichert sein"

    client.force_login(leonore)
    antwort = client.post("/konto/daten/loeschen/", {"passwort": PASSWORT, "bestaetigung": "on"})
    assert antwort.status_code == 302 and antwort.url == "/"

    assert kennzahlen() == vorher
    for wort in (EMAIL, VORNAME, NACHNAME, ORGANISATION):
        assert textspalten_mit(wort) == [], wort
    assert not get_user_model().objects.filter(pk=leonore_id).exists()
    assert Anmeldung.objects.filter(nutzer__isnull=True, anonymisiert_am__isnull=False).count() == 2
    assert not LektionErledigt.objects.exists()
    assert not Einwilligung.objects.filter(nutzer_id=leonore_id).exists()
    eintrag = Protokolleintrag.objects.get(aktion="konto_geloescht")
    assert eintrag.details == {"nutzer_id": leonore_id}
    # The session died with the account.
    assert client.get("/mein-lernen/").status_code == 302
    assert not client.login(username=EMAIL, password=PASSWORT)


def test_loeschen_storniert_laufende_anmeldung_und_laesst_nachruecken(client, leonore, site):
    durchgang = durchgang_fuer(kurs_anlegen(module=1, lektionen=1), kapazitaet=1)
    anmelden(leonore, durchgang)
    wartende = person()
    anmelden(wartende, durchgang)
    client.force_login(leonore)
    client.post("/konto/daten/loeschen/", {"passwort": PASSWORT, "bestaetigung": "on"})
    anonym = Anmeldung.objects.get(durchgang=durchgang, nutzer__isnull=True)
    assert anonym.status == Anmeldung.Status.ABGEBROCHEN
    assert Anmeldung.objects.get(nutzer=wartende).status == Anmeldung.Status.BESTAETIGT


@pytest.mark.parametrize(
    ("daten", "feld", "meldung"),
    [
        ({"passwort": "falsch", "bestaetigung": "on"}, "passwort", PASSWORT_FALSCH),
        ({"passwort": PASSWORT}, "bestaetigung", BESTAETIGUNG_FEHLT),
    ],
)
def test_loeschen_ohne_bestaetigung_aendert_nichts(client, leonore, lage, daten, feld, meldung):
    vorher = kennzahlen()
    client.force_login(leonore)
    antwort = client.post("/konto/daten/loeschen/", daten)
    assert antwort.status_code == 200
    assert antwort.context["form"].errors[feld] == [str(meldung)]
    assert get_user_model().objects.filter(pk=leonore.pk).exists()
    assert kennzahlen() == vorher
    assert LektionErledigt.objects.filter(nutzer=leonore).count() == 2
    assert not Protokolleintrag.objects.filter(aktion="konto_geloescht").exists()


def test_administration_kann_sich_nicht_selbst_loeschen(client, administratorin):
    client.force_login(administratorin)
    antwort = client.post(
        "/konto/daten/loeschen/", {"passwort": PASSWORT, "bestaetigung": "on"}, follow=True
    )
    assert [str(m) for m in antwort.context["messages"]] == [str(ADMIN_NICHT_LOESCHBAR)]
    assert get_user_model().objects.filter(pk=administratorin.pk).exists()


def test_loeschseite_verlangt_anmeldung(client, db):
    antwort = client.get("/konto/daten/loeschen/")
    assert antwort.status_code == 302
    assert antwort.url == "/konto/login/?next=/konto/daten/loeschen/"


def test_registrierte_dateien_landen_im_zip(client, leonore, django_capture_on_commit_callbacks):
    """How a later app (e.g. presentations) adds its uploads to the export."""
    from django.core.files.base import ContentFile

    from kern import datenschutz

    datenschutz.registrieren(
        "testdateien",
        exporter=lambda nutzer: {"anzahl": 1},
        anonymisierer=lambda nutzer: None,
        dateien=lambda nutzer: [("praesentation-v1.pdf", ContentFile(b"%PDF-1.7 x"))],
    )
    try:
        client.force_login(leonore)
        with django_capture_on_commit_callbacks(execute=True):
            client.post("/konto/daten/export/")
        export = Datenexport.objects.get(nutzer=leonore)
        antwort = client.get(f"/konto/daten/export/{export.pk}/")
        archiv = zipfile.ZipFile(io.BytesIO(b"".join(antwort.streaming_content)))
        assert archiv.read("dateien/testdateien/praesentation-v1.pdf") == b"%PDF-1.7 x"
        assert json.loads(archiv.read("daten.json"))["testdateien"] == {"anzahl": 1}
    finally:
        datenschutz._REGISTER.pop("testdateien")


def test_fehlgeschlagener_export_blockiert_nicht(leonore, django_capture_on_commit_callbacks):
    from kern import datenschutz
    from kern.services import datenexport_anfordern

    def kaputt(nutzer):
        raise OSError("Speicher voll")

    datenschutz.registrieren("kaputt", exporter=kaputt, anonymisierer=lambda nutzer: None)
    try:
        from celery.exceptions import Retry

        # Eager Celery: the task's autoretry surfaces as Retry.
        with pytest.raises((OSError, Retry)), django_capture_on_commit_callbacks(execute=True):
            datenexport_anfordern(nutzer=leonore)
    finally:
        datenschutz._REGISTER.pop("kaputt")
    assert Datenexport.objects.get(nutzer=leonore).status == Datenexport.Status.FEHLGESCHLAGEN


def test_alte_exporte_werden_geloescht(leonore, settings):
    import datetime

    from celery import current_app

    from kern.services import datenexport_anfordern, datenexport_erstellen
    from kern.tasks import alte_datenexporte_loeschen

    current_app.autodiscover_tasks(force=True)  # what a worker does at start
    for eintrag in settings.CELERY_BEAT_SCHEDULE.values():
        assert eintrag["task"] in current_app.tasks, eintrag["task"]
    export = datenexport_erstellen(export_id=datenexport_anfordern(nutzer=leonore).pk)
    pfad = settings.PRIVATE_MEDIA_ROOT / export.datei
    assert pfad.is_file()
    assert alte_datenexporte_loeschen.delay().get() == 0
    Datenexport.objects.filter(pk=export.pk).update(
        angefordert_am=export.angefordert_am - datetime.timedelta(days=8)
    )
    assert alte_datenexporte_loeschen.delay().get() == 1
    assert not pfad.exists()
    assert not Datenexport.objects.exists()


def test_loeschen_mit_zertifikat_praesentation_und_anwesenheit(client, leonore, trainerin):
    """The certificate stays verifiable with initials; presentation content and feedback go;
    attendance stays as ESF proof without the person."""
    from teilnehmende.models import Anwesenheit, Version
    from teilnehmende.services import anwesenheit_setzen
    from tests.teilnehmende.praesentation_hilfen import einreichen, entscheiden, lage_anlegen
    from tests.teilnehmende.termine import laufender_durchgang, termin_anlegen
    from zertifikate.services import zertifikat_ausstellen

    lage = lage_anlegen(trainerin, person())
    durchgang = laufender_durchgang(lage["kurs"], trainer=[trainerin])
    anmeldung = anmelden(leonore, durchgang, organisation=ORGANISATION)
    termin = termin_anlegen(durchgang)
    anwesenheit_setzen(anmeldung=anmeldung, termin=termin, status="anwesend", erfasst_von=trainerin)
    praesentation = einreichen(anmeldung, titel=f"Präventionskette von {VORNAME}").praesentation
    entscheiden(praesentation, trainerin, lage, "angenommen", kommentar=f"Gut, {VORNAME}!")
    zertifikat = zertifikat_ausstellen(anmeldung=anmeldung, pdf_erzeugen=False)
    assert zertifikat.inhaber_name == f"{VORNAME} {NACHNAME}"
    datei = Version.objects.get(praesentation=praesentation).datei
    assert datei.storage.exists(datei.name)

    client.force_login(leonore)
    antwort = client.post("/konto/daten/loeschen/", {"passwort": PASSWORT, "bestaetigung": "on"})
    assert antwort.status_code == 302

    for wort in (EMAIL, VORNAME, NACHNAME, ORGANISATION):
        assert textspalten_mit(wort) == [], wort
    assert not datei.storage.exists(datei.name)
    zertifikat.refresh_from_db()
    assert zertifikat.inhaber_name == "L. L."
    pruefung = client.get(f"/zertifikate/pruefen/{zertifikat.nummer}/")
    assert pruefung.status_code == 200
    assert "L. L." in pruefung.content.decode() and NACHNAME not in pruefung.content.decode()
    assert Anwesenheit.objects.filter(anmeldung__nutzer__isnull=True).count() == 1


def test_passwortbestaetigung_beim_loeschen_ist_gedrosselt(client, leonore, settings):
    """Wrong passwords are not answered without end: allauth's "reauthenticate" rate applies."""
    from kern.forms import passwort_zu_oft_meldung

    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "reauthenticate": "3/m/user"}
    client.force_login(leonore)
    for _ in range(3):
        antwort = client.post(
            "/konto/daten/loeschen/", {"passwort": "falsch", "bestaetigung": "on"}
        )
        assert antwort.status_code == 200
        assert antwort.context["form"].errors["passwort"] == [str(PASSWORT_FALSCH)]
    # Now even the right password is not checked until the window has passed.
    antwort = client.post("/konto/daten/loeschen/", {"passwort": PASSWORT, "bestaetigung": "on"})
    assert antwort.status_code == 429
    assert passwort_zu_oft_meldung() == (
        "Zu viele Versuche: Ihr Passwort kann höchstens 3-mal je Minute bestätigt werden. Bitte "
        "warten Sie einen Moment und versuchen Sie es dann erneut."
    )
    assert passwort_zu_oft_meldung() in antwort.content.decode()
    assert get_user_model().objects.filter(pk=leonore.pk).exists()


def test_passwortbestaetigung_beim_aendern_der_email_ist_gedrosselt(client, leonore, settings):
    """Adding or changing the login address asks for the password; wrong guesses are limited."""
    from allauth.account.models import EmailAddress

    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "reauthenticate": "3/m/user"}
    client.force_login(leonore)
    antwort = client.post("/konto/email/", {"action_add": "", "email": "neu@example.org"})
    assert antwort.status_code == 302
    assert antwort.url.startswith("/konto/reauthenticate/")
    for _ in range(3):
        antwort = client.post("/konto/reauthenticate/", {"password": "falsch"})
        assert antwort.status_code == 200
    antwort = client.post("/konto/reauthenticate/", {"password": PASSWORT})
    assert antwort.status_code == 429
    assert not EmailAddress.objects.filter(email="neu@example.org").exists()
