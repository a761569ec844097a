"""Demo course "Prävention in der kommunalen Familienpolitik": pages, one cohort, 25 participants.

Runs after cms.demo (home page) and kern.demo (demo accounts); idempotent.
"""

from __future__ import annotations

import datetime

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.text import slugify

from cms.demo import als_html, als_stream
from cms.models import HomePage
from cms.services import unterseite_sicherstellen
from kern import rollen
from kern.demo import DEMO_DOMAIN, konto_anlegen
from kern.models import Kreis
from teilnehmende import einwilligung
from teilnehmende.models import Anmeldung, Bildung, Erwerbsstatus
from teilnehmende.services import anmeldung_erstellen

from .demo_inhalte import KURS, MODULE, TEILNEHMENDE
from .models import Durchgang, KursIndexSeite, KursSeite, LektionSeite, ModulSeite
from .selectors import kursstrukturen
from .services import durchgang_anlegen, lektion_abschliessen

KURS_SLUG = "praevention-kommunale-familienpolitik"
PLAETZE = 30
# The demo participant: module 1 done, module 2 begun, one optional lesson read.
DEMO_TEILNEHMERIN = {
    "geschlecht": "weiblich",
    "geburtsjahr": 1988,
    "organisation": "Stadt Münster, Amt für Kinder, Jugendliche und Familien",
    "organisationsart": "kommune",
    "kreis_schluessel": "05515",
    "fortschritt": 5 / 12,
}

_UMLAUTE = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"}
)


def slug(text: str, laenge: int = 60) -> str:
    """German-friendly slug (ä → ae), cut at a word boundary."""
    ergebnis = slugify(text.translate(_UMLAUTE))
    if len(ergebnis) > laenge:
        ergebnis = ergebnis[:laenge].rsplit("-", 1)[0]
    return ergebnis


def _seiten_anlegen() -> KursSeite:
    home = HomePage.objects.get()
    index = unterseite_sicherstellen(
        eltern=home,
        model=KursIndexSeite,
        slug="kurse",
        title="Kurse",
        einleitung=als_html("Unsere Fortbildungen für Fachkräfte kommunaler Präventionsketten."),
    )
    kurs = unterseite_sicherstellen(
        eltern=index,
        model=KursSeite,
        slug=KURS_SLUG,
        title=KURS["titel"],
        zusammenfassung=KURS["zusammenfassung"],
        zielgruppe=KURS["zielgruppe"],
        stunden=KURS["stunden"],
        anwesenheit_schwelle=KURS["anwesenheit_schwelle"],
        foerderhinweis=KURS["foerderhinweis"],
    )
    for daten in MODULE:
        ziele = "".join(f"<li>{ziel}</li>" for ziel in daten["lernziele"])
        modul = unterseite_sicherstellen(
            eltern=kurs,
            model=ModulSeite,
            slug=slug(daten["titel"]),
            title=daten["titel"],
            lernziele=f"<p>Nach diesem Modul können Sie …</p><ul>{ziele}</ul>",
        )
        for lektion in daten["lektionen"]:
            # The H5P activity of the "Wissenscheck" comes with the H5P feature; its intro is here.
            unterseite_sicherstellen(
                eltern=modul,
                model=LektionSeite,
                slug=slug(lektion["titel"]),
                title=lektion["titel"],
                pflicht=lektion.get("pflicht", True),
                minuten=lektion["minuten"],
                inhalt=als_stream(lektion["inhalt"]),
            )
    return kurs


def _durchgang(kurs: KursSeite) -> Durchgang:
    vorhanden = Durchgang.objects.filter(kurs=kurs).order_by("pk").first()
    if vorhanden is not None:
        return vorhanden
    # A running one-year cohort: 20 weeks in, two of four in-person sessions behind it.
    heute = timezone.localdate()
    beginn = heute - datetime.timedelta(weeks=20)
    beginn -= datetime.timedelta(days=beginn.weekday())
    trainerin = get_user_model().objects.get(email=f"trainerin@{DEMO_DOMAIN}")
    return durchgang_anlegen(
        kurs=kurs,
        titel=f"Durchgang {beginn.year}/{(beginn.year + 1) % 100:02d}",
        beginn=beginn,
        ende=beginn + datetime.timedelta(weeks=52, days=-3),
        anmeldung_von=beginn - datetime.timedelta(weeks=10),
        anmeldung_bis=heute + datetime.timedelta(weeks=4),
        kapazitaet=PLAETZE,
        trainer=[trainerin],
    )


def _einschreiben(
    nutzer, durchgang: Durchgang, person: dict, nummer: int, ausgabe, *, anwesenheit_pruefen=True
) -> bool:
    if Anmeldung.objects.filter(nutzer=nutzer, durchgang=durchgang).exists():
        return True
    kreis = Kreis.objects.get(schluessel=person["kreis_schluessel"])
    try:
        anmeldung_erstellen(
            nutzer=nutzer,
            durchgang=durchgang,
            eintrittsdaten={
                "geschlecht": person["geschlecht"],
                "geburtsjahr": person["geburtsjahr"],
                "erwerbsstatus": Erwerbsstatus.ERWERBSTAETIG,
                "bildung": Bildung.ISCED_3_4 if nummer % 6 == 5 else Bildung.ISCED_5_8,
                "organisationsart": person["organisationsart"],
                "organisation": person["organisation"],
                "kommune": kreis.name,
                "kreis": kreis,
            },
            einwilligung_textversion=einwilligung.TEXTVERSION,
            benachrichtigen=False,
            anwesenheit_pruefen=anwesenheit_pruefen,
        )
    except ValidationError as fehler:  # e.g. the enrolment window of an old demo cohort closed
        ausgabe.write(f"  {nutzer.email}: nicht angemeldet ({' '.join(fehler.messages)})")
        return False
    return True


def anlegen(ausgabe) -> None:
    kurs = _seiten_anlegen()
    struktur = kursstrukturen(kurse=[kurs], mit_seiten=True)[kurs.pk]
    pflicht = [lektion for lektion in struktur.lektionen if lektion.pflicht]
    freiwillig = [lektion for lektion in struktur.lektionen if not lektion.pflicht]
    durchgang = _durchgang(kurs)

    personen = [
        (
            f"{slug(p['vorname'])}.{slug(p['nachname'])}@demo.{DEMO_DOMAIN}",
            p["vorname"],
            p["nachname"],
            p,
        )
        for p in TEILNEHMENDE
    ]
    personen.append((f"teilnehmerin@{DEMO_DOMAIN}", "Tanja", "Teilnehmer", DEMO_TEILNEHMERIN))
    for nummer, (email, vorname, nachname, person) in enumerate(personen):
        nutzer = konto_anlegen(
            email=email, vorname=vorname, nachname=nachname, rolle=rollen.TEILNEHMENDE
        )
        if not _einschreiben(nutzer, durchgang, person, nummer, ausgabe):
            continue
        erledigt = pflicht[: round(person["fortschritt"] * len(pflicht))]
        if person["fortschritt"] >= 0.4:
            erledigt += freiwillig[:1]
        for lektion in erledigt:
            lektion_abschliessen(nutzer=nutzer, lektion=lektion)

    ausgabe.write(
        f"Kurs: {kurs.title} ({len(struktur.module)} Module, {len(struktur.lektionen)} Lektionen)"
        f" unter {kurs.url}; {durchgang.titel} mit "
        f"{Anmeldung.objects.filter(durchgang=durchgang).count()} Anmeldungen"
    )
