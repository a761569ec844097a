"""Writes on courses: cohorts, their in-person sessions and lesson completion."""

from __future__ import annotations

import datetime
import decimal
from collections.abc import Iterable

from django.db import IntegrityError, transaction

from .models import Durchgang, KursSeite, LektionErledigt, LektionSeite, ModulSeite, Praesenztermin
from .signals import lektion_erledigt


@transaction.atomic
def durchgang_anlegen(
    *,
    kurs: KursSeite,
    titel: str,
    beginn: datetime.date,
    ende: datetime.date,
    anmeldung_von: datetime.date,
    anmeldung_bis: datetime.date,
    kapazitaet: int,
    trainer: Iterable = (),
    status: str = Durchgang.Status.VEROEFFENTLICHT,
) -> Durchgang:
    durchgang = Durchgang(
        kurs=kurs,
        titel=titel,
        beginn=beginn,
        ende=ende,
        anmeldung_von=anmeldung_von,
        anmeldung_bis=anmeldung_bis,
        kapazitaet=kapazitaet,
        status=status,
    )
    durchgang.full_clean()
    durchgang.save()
    durchgang.trainer.set(trainer)
    return durchgang


@transaction.atomic
def praesenztermin_anlegen(
    *,
    durchgang: Durchgang,
    titel: str,
    datum: datetime.date,
    beginn: datetime.time,
    ende: datetime.time,
    unterrichtseinheiten: int,
    stunden: decimal.Decimal | None = None,
    ort: str = "",
    online_link: str = "",
    modul: ModulSeite | None = None,
    schwerpunkte: str = "",
    trainer: Iterable = (),
) -> Praesenztermin:
    """A session of a cohort; without `stunden` it counts the teaching units × 45 minutes."""
    termin = Praesenztermin(
        durchgang=durchgang,
        titel=titel,
        datum=datum,
        beginn=beginn,
        ende=ende,
        unterrichtseinheiten=unterrichtseinheiten,
        stunden=stunden,
        ort=ort,
        online_link=online_link,
        modul=modul,
        schwerpunkte=schwerpunkte,
    )
    termin.full_clean()
    termin.save()
    termin.trainer.set(trainer)
    return termin


@transaction.atomic
def lektion_abschliessen(*, nutzer, lektion: LektionSeite) -> LektionErledigt:
    """Record that the user completed the lesson; idempotent (the first completion stays).

    Permission checks belong to the caller (the completion view, the H5P xAPI endpoint).
    """
    vorhanden = LektionErledigt.objects.filter(nutzer=nutzer, lektion=lektion).first()
    if vorhanden is not None:
        return vorhanden
    erledigt = LektionErledigt(nutzer=nutzer, lektion=lektion)
    erledigt.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            erledigt.save()
    except IntegrityError:  # a parallel request recorded it first
        return LektionErledigt.objects.get(nutzer=nutzer, lektion=lektion)
    transaction.on_commit(
        lambda: lektion_erledigt.send(
            sender=LektionErledigt, nutzer=nutzer, lektion=lektion, erledigt=erledigt
        )
    )
    return erledigt
