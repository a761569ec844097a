"""Demo: four two-day in-person sessions for the demo cohort, attendance for the past ones.

Runs after kurse.demo (course, cohort, participants); idempotent.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.contrib.auth import get_user_model

from kern.demo import DEMO_DOMAIN
from kurse.demo import KURS_SLUG
from kurse.demo_inhalte import MODULE, PRAESENZTERMINE
from kurse.models import Durchgang, ModulSeite, Praesenztermin
from kurse.services import praesenztermin_anlegen

from .models import Anwesenheit
from .selectors import teilnehmende_des_durchgangs
from .services import alle_anwesend, anwesenheit_setzen

# The sessions fall on Thursday and Friday of their week.
WOCHENTAG = 3


def _zeit(text: str) -> datetime.time:
    stunde, minute = text.split(":")
    return datetime.time(int(stunde), int(minute))


def termine_anlegen(durchgang: Durchgang, trainerin) -> list[Praesenztermin]:
    """The demo course's in-person days for a cohort (PRAESENZTERMINE), found or created."""
    module = {m.title: m for m in ModulSeite.objects.descendant_of(durchgang.kurs)}
    termine = []
    for daten in PRAESENZTERMINE:
        erster_tag = durchgang.beginn + datetime.timedelta(
            weeks=daten["woche_nach_start"], days=WOCHENTAG
        )
        for tag in daten["tage"]:
            titel = f"{daten['titel']} (Tag {tag['tag']})"
            vorhanden = Praesenztermin.objects.filter(durchgang=durchgang, titel=titel).first()
            if vorhanden is not None:
                termine.append(vorhanden)
                continue
            termine.append(
                praesenztermin_anlegen(
                    durchgang=durchgang,
                    modul=module.get(MODULE[daten["modul"] - 1]["titel"]),
                    titel=titel,
                    datum=erster_tag + datetime.timedelta(days=tag["tag"] - 1),
                    beginn=_zeit(tag["beginn"]),
                    ende=_zeit(tag["ende"]),
                    unterrichtseinheiten=tag["unterrichtseinheiten"],
                    ort=daten["ort"],
                    schwerpunkte="\n".join(daten["schwerpunkte"]),
                    trainer=[trainerin],
                )
            )
    return termine


def _ausnahmen(termin_nummer: int, anmeldungen) -> dict:
    """A few realistic deviations per day: excused, unexcused, left early."""
    ausnahmen = {}
    for nummer, anmeldung in enumerate(anmeldungen):
        if anmeldung.nutzer.email == f"teilnehmerin@{DEMO_DOMAIN}":
            continue  # the demo participant attended everything
        schluessel = nummer + 3 * termin_nummer
        if schluessel % 9 == 4:
            ausnahmen[anmeldung] = (Anwesenheit.Status.ENTSCHULDIGT, None)
        elif schluessel % 13 == 7:
            ausnahmen[anmeldung] = (Anwesenheit.Status.UNENTSCHULDIGT, None)
        elif schluessel % 8 == 2:
            ausnahmen[anmeldung] = (Anwesenheit.Status.ANWESEND, Decimal("3"))
    return ausnahmen


def anlegen(ausgabe) -> None:
    durchgang = (
        Durchgang.objects.filter(kurs__slug=KURS_SLUG).select_related("kurs").order_by("pk").first()
    )
    if durchgang is None:
        ausgabe.write("Präsenztermine: kein Demo-Durchgang vorhanden")
        return
    trainerin = get_user_model().objects.get(email=f"trainerin@{DEMO_DOMAIN}")
    termine = termine_anlegen(durchgang, trainerin)
    anmeldungen = list(teilnehmende_des_durchgangs(durchgang=durchgang))
    erfasst = 0
    for nummer, termin in enumerate(termine):
        if not termin.erfassbar() or termin.anwesenheiten.exists():
            continue
        for anmeldung, (status, stunden) in _ausnahmen(nummer, anmeldungen).items():
            anwesenheit_setzen(
                anmeldung=anmeldung,
                termin=termin,
                status=status,
                stunden=stunden,
                erfasst_von=trainerin,
            )
        alle_anwesend(termin=termin, erfasst_von=trainerin)
        erfasst += 1
    vergangen = sum(1 for termin in termine if termin.erfassbar())
    ausgabe.write(
        f"Präsenztermine: {len(termine)} Tage für {durchgang.titel}, davon {vergangen} vorbei "
        f"(Anwesenheit bei {erfasst} neu erfasst)"
    )
