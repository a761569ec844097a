"""Test data for in-person sessions and attendance, built through the services."""

from __future__ import annotations

import datetime
import itertools
from decimal import Decimal

from django.utils import timezone

from kurse.models import Durchgang, Praesenztermin
from kurse.services import praesenztermin_anlegen
from tests.kurse.factories import durchgang_fuer

_nummer = itertools.count(1)


def laufender_durchgang(kurs, **felder) -> Durchgang:
    """A cohort that began 60 days ago (sessions in the past can take attendance)."""
    heute = timezone.localdate()
    werte = {
        "beginn": heute - datetime.timedelta(days=60),
        "ende": heute + datetime.timedelta(days=200),
        "anmeldung_von": heute - datetime.timedelta(days=90),
        "anmeldung_bis": heute + datetime.timedelta(days=10),
    } | felder
    return durchgang_fuer(kurs, **werte)


def termin_anlegen(
    durchgang: Durchgang,
    *,
    tage_her: int = 7,
    stunden: str | None = "6",
    ue: int = 8,
    beginn=datetime.time(9, 0),
    ende=datetime.time(16, 30),
    **felder,
) -> Praesenztermin:
    """A session `tage_her` days ago (negative: in the future), 9:00–16:30, 6 hours by default."""
    werte = {
        "titel": f"Präsenztag {next(_nummer)}",
        "ort": "Tagungshaus Am Aasee, Münster",
    } | felder
    return praesenztermin_anlegen(
        durchgang=durchgang,
        datum=timezone.localdate() - datetime.timedelta(days=tage_her),
        beginn=beginn,
        ende=ende,
        unterrichtseinheiten=ue,
        stunden=Decimal(stunden) if stunden is not None else None,
        **werte,
    )
