"""Demo figures for the funder: a finished cohort of the demo course (Kreis Coesfeld and the
Münsterland, 24 participants: 20 completed, 4 dropped out), next to the running cohort. The 20
who completed attended four in-person days (a few with excused absences) and hold certificates.

Runs after kurse.demo; idempotent. The past cohort's enrolments are historic records: the
enrolment service only accepts enrolments while the window is open, so they are written here
directly (validated with full_clean), as an import of earlier data would.
"""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone

from kern import rollen
from kern.demo import DEMO_DOMAIN, konto_anlegen
from kern.models import Kreis
from kurse.demo import KURS_SLUG, slug
from kurse.models import Durchgang, KursSeite
from kurse.services import durchgang_anlegen
from teilnehmende.models import Anmeldung, Eintrittsdaten

TITEL = "Durchgang Münsterland (abgeschlossen)"
# Fictitious people: (first name, last name, gender, year of birth, district, organisation type,
# education, employment, dropped out); short codes in ARTEN, BILDUNG, ERWERB.
ARTEN = {"K": "kommune", "F": "freier_traeger", "S": "sonstige"}
BILDUNG = {"5": "isced_5_8", "3": "isced_3_4", "-": "keine_angabe"}
ERWERB = {"E": "erwerbstaetig", "N": "nicht_erwerbstaetig", "-": "keine_angabe"}
EHEMALIGE = [
    ("Anja", "Brüggemann", "weiblich", 1979, "05558", "K", "5", "E", 0),
    ("Birgit", "Terhechte", "weiblich", 1968, "05558", "K", "5", "E", 0),
    ("Carsten", "Wienker", "maennlich", 1983, "05558", "K", "5", "E", 0),
    ("Dilek", "Arslan", "weiblich", 1990, "05558", "F", "5", "E", 0),
    ("Elke", "Homann", "weiblich", 1964, "05558", "K", "3", "E", 0),
    ("Frauke", "Lammers", "weiblich", 1987, "05558", "F", "5", "E", 1),
    ("Gregor", "Schulze Althoff", "maennlich", 1975, "05558", "K", "5", "E", 0),
    ("Hanna", "Roxel", "weiblich", 1995, "05558", "F", "5", "E", 0),
    ("Ines", "Wewers", "weiblich", 1981, "05558", "K", "5", "E", 0),
    ("Jana", "Kortmann", "weiblich", 1992, "05558", "K", "5", "E", 0),
    ("Kai", "Eßling", "divers", 1989, "05558", "F", "5", "E", 0),
    ("Lena", "Overbeck", "weiblich", 1997, "05558", "K", "5", "E", 0),
    ("Marion", "Tenbrock", "weiblich", 1966, "05554", "K", "5", "E", 0),
    ("Nils", "Hüsing", "maennlich", 1986, "05554", "F", "3", "E", 1),
    ("Olga", "Petrenko", "weiblich", 1978, "05554", "S", "5", "E", 0),
    ("Petra", "Brinkhaus", "weiblich", 1971, "05566", "K", "5", "E", 0),
    ("Ruth", "Schmeing", "keine_angabe", None, "05566", "F", "-", "-", 0),
    ("Sandra", "Vennemann", "weiblich", 1984, "05566", "K", "5", "E", 1),
    ("Tobias", "Laumann", "maennlich", 1993, "05570", "K", "5", "E", 0),
    ("Ulrike", "Dirkmann", "weiblich", 1969, "05570", "F", "3", "E", 0),
    ("Vera", "Holtkamp", "weiblich", 1980, "05515", "K", "5", "E", 0),
    ("Wiebke", "Stroetmann", "weiblich", 1988, "05515", "F", "5", "N", 1),
    ("Yasemin", "Kaya", "weiblich", 1994, "05515", "K", "5", "E", 0),
    ("Zoe", "Rensing", "weiblich", 2001, None, "S", "3", "E", 0),
]  # fmt: skip


def _durchgang(kurs: KursSeite) -> Durchgang:
    vorhanden = Durchgang.objects.filter(kurs=kurs, titel=TITEL).first()
    if vorhanden is not None:
        return vorhanden
    # A one-year cohort that ended some months ago.
    heute = timezone.localdate()
    beginn = datetime.date(heute.year - 2, 9, 1)
    return durchgang_anlegen(
        kurs=kurs,
        titel=TITEL,
        beginn=beginn,
        ende=beginn + datetime.timedelta(weeks=52, days=-3),
        anmeldung_von=beginn - datetime.timedelta(weeks=12),
        anmeldung_bis=beginn - datetime.timedelta(weeks=1),
        kapazitaet=24,
        status=Durchgang.Status.ABGESCHLOSSEN,
    )


@transaction.atomic
def _ehemalige_eintragen(durchgang: Durchgang) -> int:
    kreise = {k.schluessel: k for k in Kreis.objects.all()}
    neu = 0
    for nummer, person in enumerate(EHEMALIGE):
        vorname, nachname, geschlecht, jahr, kreis, art, bildung, erwerb, abbruch = person
        art, bildung, erwerb = ARTEN[art], BILDUNG[bildung], ERWERB[erwerb]
        nutzer = konto_anlegen(
            email=f"{slug(vorname)}.{slug(nachname)}@jahrgang.{DEMO_DOMAIN}",
            vorname=vorname,
            nachname=nachname,
            rolle=rollen.TEILNEHMENDE,
        )
        if Anmeldung.objects.filter(nutzer=nutzer, durchgang=durchgang).exists():
            continue
        eintritt = durchgang.anmeldung_von + datetime.timedelta(days=3 * nummer)
        if abbruch:
            status = Anmeldung.Status.ABGEBROCHEN
            geaendert = durchgang.beginn + datetime.timedelta(weeks=8 + 4 * nummer % 20)
        else:
            status, geaendert = Anmeldung.Status.ABGESCHLOSSEN, durchgang.ende
        anmeldung = Anmeldung(
            nutzer=nutzer,
            durchgang=durchgang,
            status=status,
            angemeldet_am=_zeitpunkt(eintritt),
            status_geaendert_am=_zeitpunkt(geaendert),
        )
        anmeldung.full_clean()
        anmeldung.save()
        kreis_obj = kreise.get(kreis) if kreis else None
        daten = Eintrittsdaten(
            anmeldung=anmeldung,
            geschlecht=geschlecht,
            geburtsjahr=jahr,
            erwerbsstatus=erwerb,
            bildung=bildung,
            organisationsart=art,
            organisation=_organisation(art, kreis_obj),
            kommune=kreis_obj.name if kreis_obj else "Osnabrück",
            kreis=kreis_obj,
            stichtag=eintritt,
        )
        daten.full_clean()
        daten.save()
        neu += 1
    return neu


def _zeitpunkt(tag: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(tag, datetime.time(10)))


def _organisation(art: str, kreis: Kreis | None) -> str:
    ort = str(kreis) if kreis else "Osnabrück"
    return {
        "kommune": f"{ort}, Jugendamt",
        "freier_traeger": f"Familienbildungsstätte {ort}",
    }.get(art, f"Netzwerk Frühe Hilfen {ort}")


PRAESENZTAGE = 4  # one every three months from the start, 6 hours each


@transaction.atomic
def _abschluesse_eintragen(durchgang: Durchgang) -> None:
    """Attendance through the service (the days lie in the past); the certificates as historic
    records issued on the last day, like the enrolments above."""
    from decimal import Decimal

    from kurse.services import praesenztermin_anlegen
    from teilnehmende.models import Anwesenheit
    from teilnehmende.services import anwesenheit_setzen
    from zertifikate.models import Zertifikat
    from zertifikate.nummern import neue_nummer
    from zertifikate.services import inhaber_name

    termine = list(durchgang.praesenztermine.order_by("datum"))
    for nummer in range(len(termine), PRAESENZTAGE):
        termine.append(
            praesenztermin_anlegen(
                durchgang=durchgang,
                titel=f"Präsenztag {nummer + 1}",
                datum=durchgang.beginn + datetime.timedelta(weeks=13 * nummer),
                beginn=datetime.time(9),
                ende=datetime.time(16),
                unterrichtseinheiten=8,
                stunden=Decimal("6"),
                ort="Kreishaus Coesfeld",
            )
        )
    abgeschlossen = Anmeldung.objects.filter(
        durchgang=durchgang, status=Anmeldung.Status.ABGESCHLOSSEN
    ).select_related("nutzer")
    for position, anmeldung in enumerate(abgeschlossen.order_by("pk")):
        for tag, termin in enumerate(termine):
            if Anwesenheit.objects.filter(anmeldung=anmeldung, termin=termin).exists():
                continue
            entschuldigt = position % 7 == 3 and tag == 1
            anwesenheit_setzen(
                anmeldung=anmeldung,
                termin=termin,
                status=Anwesenheit.Status.ENTSCHULDIGT if entschuldigt else "anwesend",
                erfasst_von=None,
            )
        if not Zertifikat.objects.filter(anmeldung=anmeldung).exists():
            zertifikat = Zertifikat(
                anmeldung=anmeldung,
                nummer=neue_nummer(durchgang.ende.year),
                ausgestellt_am=_zeitpunkt(durchgang.ende),
                inhaber_name=inhaber_name(anmeldung.nutzer),
                kurs_titel=durchgang.kurs.title,
            )
            zertifikat.full_clean()
            zertifikat.save()


def anlegen(ausgabe) -> None:
    kurs = KursSeite.objects.get(slug=KURS_SLUG)
    durchgang = _durchgang(kurs)
    _ehemalige_eintragen(durchgang)
    _abschluesse_eintragen(durchgang)
    anzahl = Anmeldung.objects.filter(durchgang=durchgang).count()
    ausgabe.write(f"Berichte: {durchgang.titel} mit {anzahl} Anmeldungen (für die Zahlen)")
