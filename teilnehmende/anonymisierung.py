"""Anonymising ESF records: after an account deletion and after the retention period.

What stays is what funders' figures need — cohort, status and dates of the enrolment; gender,
age band, employment status, education, organisation type, district and municipality of the
entry questionnaire. The link to the person, the organisation's name and the exact year of birth
go (the year is replaced by one in the same age band, so the figures stay identical).
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from kern.protokoll import protokollieren

from .models import Altersgruppe, Anmeldung, Eintrittsdaten

ANONYMISIERT = "(anonymisiert)"

#: Age (in the year of entry) that stands for each band; inverse of `altersgruppe_fuer`.
_STELLVERTRETENDES_ALTER = {
    Altersgruppe.UNTER_18: 17,
    Altersgruppe.VON_18_BIS_29: 18,
    Altersgruppe.VON_30_BIS_54: 30,
    Altersgruppe.AB_55: 55,
}


def _eintrittsdaten_anonymisieren(daten: Eintrittsdaten) -> None:
    gruppe = daten.altersgruppe_berechnen()
    if gruppe != Altersgruppe.KEINE_ANGABE:
        daten.geburtsjahr = daten.stichtag.year - _STELLVERTRETENDES_ALTER[gruppe]
    daten.organisation = ANONYMISIERT
    daten.save(update_fields=["geburtsjahr", "organisation"])


@transaction.atomic
def anmeldung_anonymisieren(*, anmeldung: Anmeldung) -> Anmeldung:
    """Detach one enrolment from its person and anonymise its entry data (idempotent)."""
    anmeldung = Anmeldung.objects.select_for_update().get(pk=anmeldung.pk)
    daten = Eintrittsdaten.objects.filter(anmeldung=anmeldung).first()
    if daten is not None:
        _eintrittsdaten_anonymisieren(daten)
    from esf.services import esf_daten_anonymisieren  # exit and follow-up records (esf/)

    esf_daten_anonymisieren(anmeldung=anmeldung)
    anmeldung.nutzer = None
    anmeldung.anonymisiert_am = anmeldung.anonymisiert_am or timezone.now()
    anmeldung.save(update_fields=["nutzer", "anonymisiert_am"])
    return anmeldung


# --- Retention ---------------------------------------------------------------------------------


def aufbewahrung_endet(ende_des_durchgangs: datetime.date) -> datetime.date:
    """31 Dec of the N-th year after the cohort ended (N: LERNKETTE_ESF_AUFBEWAHRUNG_JAHRE)."""
    jahre = settings.LERNKETTE_ESF_AUFBEWAHRUNG_JAHRE
    return datetime.date(ende_des_durchgangs.year + jahre, 12, 31)


def faellige_anmeldungen(*, heute: datetime.date | None = None) -> QuerySet[Anmeldung]:
    """Enrolments whose retention period is over and that still carry personal data."""
    heute = heute or timezone.localdate()
    jahre = settings.LERNKETTE_ESF_AUFBEWAHRUNG_JAHRE
    # Over when today > 31 Dec of (end year + N), i.e. the cohort ended before 1 Jan of
    # (this year - N) — the same rule as aufbewahrung_endet, written as a date bound for SQL.
    ende_vor = datetime.date(heute.year - jahre, 1, 1)
    return (
        Anmeldung.objects.filter(anonymisiert_am__isnull=True, durchgang__ende__lt=ende_vor)
        .select_related("durchgang", "durchgang__kurs")
        .order_by("durchgang__ende", "pk")
    )


def aufbewahrung_durchsetzen(*, heute: datetime.date | None = None) -> list[int]:
    """Anonymise every enrolment whose retention period is over; returns their ids."""
    erledigt = []
    for anmeldung in faellige_anmeldungen(heute=heute):
        anmeldung_anonymisieren(anmeldung=anmeldung)
        erledigt.append(anmeldung.pk)
    if erledigt:
        protokollieren(
            aktion="aufbewahrung_anonymisiert",
            details={"anmeldungen": erledigt, "anzahl": len(erledigt)},
        )
    return erledigt
