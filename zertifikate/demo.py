"""Demo graduates: a finished cohort of the demo course whose participants earned their
certificate through the rules – every required lesson, attendance above the threshold, an
accepted final presentation – and got it from `pruefen_und_ausstellen`. One of them is the demo
login `absolventin@…`; the other's certificate was revoked after her attendance list was
corrected. Runs after kurse.demo, kurse.demo_h5p and teilnehmende.demo; idempotent.

The enrolments are historic records (the enrolment service only accepts enrolments while the
window is open), written as berichte.demo does; everything after them goes through services.
"""

from __future__ import annotations

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from kern import rollen
from kern.demo import DEMO_DOMAIN, demo_passwort, konto_anlegen
from kern.models import Kreis
from kurse.demo import KURS_SLUG
from kurse.models import Durchgang, KursSeite
from kurse.selectors import kursstrukturen
from kurse.services import durchgang_anlegen, lektion_abschliessen
from teilnehmende import einwilligung
from teilnehmende.demo import praesentation_durchspielen
from teilnehmende.demo_anwesenheit import termine_anlegen
from teilnehmende.models import (
    Anmeldung,
    Anwesenheit,
    Bewertungsraster,
    Eintrittsdaten,
    Einwilligung,
)
from teilnehmende.services import alle_anwesend, anwesenheit_setzen

from .models import Zertifikat
from .selectors import aktuelles_zertifikat
from .services import pruefen_und_ausstellen, zertifikat_widerrufen

TITEL = "Durchgang Ruhrgebiet (abgeschlossen)"
WIDERRUF_GRUND = (
    "Die Anwesenheitsliste des zweiten Präsenztermins wurde nachträglich korrigiert; "
    "die Mindestanwesenheit ist nicht erreicht."
)
#: (local part or None, first name, last name, district, organisation, presentation title)
ABSOLVENTINNEN = [
    (
        "absolventin",
        "Anna",
        "Albrecht",
        "05913",
        "Stadt Dortmund, Jugendamt, Koordinierungsstelle Prävention",
        "Lotsenpunkt Kita: Familien beim Übergang in die Kindertagesbetreuung begleiten",
    ),
    (
        None,
        "Renate",
        "Wolters",
        "05911",
        "Stadt Bochum, Familienbüro",
        "Netzwerk Frühe Hilfen Bochum-Mitte: vom Willkommensbesuch zur Kita",
    ),
]
ABSTRACT = (
    "Die Präsentation zeigt, wie die Kommune Angebote entlang der Präventionskette verbindet, "
    "welche Partner welche Aufgaben übernehmen und woran die Wirkung gemessen wird."
)


def _durchgang(kurs: KursSeite, trainerin) -> Durchgang:
    vorhanden = Durchgang.objects.filter(kurs=kurs, titel=TITEL).first()
    if vorhanden is not None:
        return vorhanden
    # A one-year cohort that ended a few weeks ago: every in-person day lies in the past.
    heute = timezone.localdate()
    beginn = heute - datetime.timedelta(weeks=58)
    beginn -= datetime.timedelta(days=beginn.weekday())
    return durchgang_anlegen(
        kurs=kurs,
        titel=TITEL,
        beginn=beginn,
        ende=beginn + datetime.timedelta(weeks=52, days=-3),
        anmeldung_von=beginn - datetime.timedelta(weeks=10),
        anmeldung_bis=beginn - datetime.timedelta(weeks=1),
        kapazitaet=20,
        trainer=[trainerin],
        status=Durchgang.Status.ABGESCHLOSSEN,
    )


def _einschreiben(nutzer, durchgang: Durchgang, kreis_schluessel: str, organisation: str):
    vorhanden = Anmeldung.objects.filter(nutzer=nutzer, durchgang=durchgang).first()
    if vorhanden is not None:
        return vorhanden
    eingeschrieben = timezone.make_aware(
        datetime.datetime.combine(durchgang.anmeldung_von, datetime.time(10))
    )
    anmeldung = Anmeldung(
        nutzer=nutzer,
        durchgang=durchgang,
        status=Anmeldung.Status.BESTAETIGT,
        angemeldet_am=eingeschrieben,
        status_geaendert_am=eingeschrieben,
    )
    anmeldung.full_clean()
    anmeldung.save()
    kreis = Kreis.objects.get(schluessel=kreis_schluessel)
    daten = Eintrittsdaten(
        anmeldung=anmeldung,
        geschlecht="weiblich",
        geburtsjahr=1982,
        erwerbsstatus="erwerbstaetig",
        bildung="isced_5_8",
        organisationsart="kommune",
        organisation=organisation,
        kommune=kreis.name,
        kreis=kreis,
        stichtag=durchgang.anmeldung_von,
    )
    daten.full_clean()
    daten.save()
    if not Einwilligung.objects.filter(
        nutzer=nutzer, zweck=einwilligung.ZWECK, textversion=einwilligung.TEXTVERSION
    ).exists():
        zustimmung = Einwilligung(
            nutzer=nutzer, zweck=einwilligung.ZWECK, textversion=einwilligung.TEXTVERSION
        )
        zustimmung.full_clean()
        zustimmung.save()
    return anmeldung


def _abschliessen(anmeldung: Anmeldung, titel: str, raster, pflicht, nummer: int):
    """Lessons, attendance (set by the trainer on each day) and the presentation, then the
    certificate – only if the rules hold."""
    for lektion in pflicht:
        lektion_abschliessen(nutzer=anmeldung.nutzer, lektion=lektion)
    if not hasattr(anmeldung, "abschlusspraesentation"):
        daten = {"titel": titel, "abstract": ABSTRACT, "status": "angenommen"}
        praesentation_durchspielen(anmeldung, daten, raster, nummer)
    return pruefen_und_ausstellen(anmeldung)


def anlegen(ausgabe) -> None:
    kurs = KursSeite.objects.filter(slug=KURS_SLUG).first()
    raster = Bewertungsraster.objects.filter(kurs=kurs).first()
    if kurs is None or raster is None:
        ausgabe.write("Zertifikate: kein Demo-Kurs mit Bewertungsraster vorhanden")
        return
    konten = get_user_model().objects
    trainerin = konten.get(email=f"trainerin@{DEMO_DOMAIN}")
    admin = konten.get(email=f"admin@{DEMO_DOMAIN}")
    durchgang = _durchgang(kurs, trainerin)
    termine = termine_anlegen(durchgang, trainerin)
    struktur = kursstrukturen(kurse=[kurs], mit_seiten=True)[kurs.pk]
    pflicht = [lektion for lektion in struktur.lektionen if lektion.pflicht]

    anmeldungen = []
    for lokal, vorname, nachname, kreis, organisation, _titel in ABSOLVENTINNEN:
        email = f"{lokal}@{DEMO_DOMAIN}" if lokal else f"{vorname}.{nachname}@demo.{DEMO_DOMAIN}"
        nutzer = konto_anlegen(
            email=email.lower(),
            vorname=vorname,
            nachname=nachname,
            rolle=rollen.TEILNEHMENDE,
            passwort=demo_passwort() if lokal else None,  # the demo login
        )
        anmeldungen.append(_einschreiben(nutzer, durchgang, kreis, organisation))
    for termin in termine:
        if not termin.anwesenheiten.exists():
            alle_anwesend(termin=termin, erfasst_von=trainerin)

    zertifikate = []
    for nummer, (anmeldung, eintrag) in enumerate(zip(anmeldungen, ABSOLVENTINNEN, strict=True)):
        zertifikat = aktuelles_zertifikat(anmeldung=anmeldung) or _abschliessen(
            anmeldung, eintrag[-1], raster, pflicht, nummer
        )
        if zertifikat is None:
            ausgabe.write(f"Zertifikate: {anmeldung.nutzer.email} erfüllt die Regeln nicht")
            return
        zertifikate.append(zertifikat)
    gueltig, widerrufen = zertifikate
    if widerrufen.status == Zertifikat.Status.GUELTIG:
        # The correction that led to the revocation: she missed the second session (two days).
        for termin in termine[2:4]:
            anwesenheit_setzen(
                anmeldung=widerrufen.anmeldung,
                termin=termin,
                status=Anwesenheit.Status.UNENTSCHULDIGT,
                erfasst_von=trainerin,
            )
        widerrufen = zertifikat_widerrufen(zertifikat=widerrufen, grund=WIDERRUF_GRUND, von=admin)
    ausgabe.write(
        f"Zertifikate ({durchgang.titel}): gültig {gueltig.nummer} ({gueltig.inhaber_name}, "
        f"Anmeldung absolventin@{DEMO_DOMAIN}), widerrufen {widerrufen.nummer} "
        f"({widerrufen.inhaber_name}); prüfen unter /zertifikate/pruefen/"
    )
