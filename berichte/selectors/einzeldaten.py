"""Individual ESF records for the managing authority (administration only): one row per
enrolment, no name, no e-mail address."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from typing import Any

from django.db import connection
from django.db.models import QuerySet, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kern.tabellen import formelsicher_sql
from teilnehmende.models import Anmeldung, Bildung, Erwerbsstatus, Geschlecht, Organisationsart

from ..ausdruecke import DatumText, LokalesDatum, beschriftung, mit_altersgruppe
from .zahlen import AUSSERHALB_NRW_TITEL, Berichtsfilter, eintritte

#: (column title, value path) of the ESF participant-level export: no name, no e-mail address;
#: the enrolment number lets the administration answer queries of the managing authority.
EINZELDATEN_SPALTEN: list[tuple[Any, str]] = [
    (_("Datensatz"), "anmeldung_id"),
    (_("Kurs"), "kurs_text"),
    (_("Durchgang"), "durchgang_text"),
    (_("Status"), "status_text"),
    (_("Status seit"), "status_seit"),
    (_("Tag des Eintritts"), "stichtag_text"),
    (_("Geschlecht"), "geschlecht_text"),
    (_("Geburtsjahr"), "geburtsjahr"),
    (_("Altersgruppe beim Eintritt"), "altersgruppe"),
    (_("Erwerbsstatus"), "erwerbsstatus_text"),
    (_("Bildungsabschluss (ISCED)"), "bildung_text"),
    (_("Art der Organisation"), "organisationsart_text"),
    (_("Kommune"), "kommune_text"),
    (_("Kreisschlüssel"), "kreis__schluessel"),
    (_("Kreis oder kreisfreie Stadt"), "kreis_text"),
]
EINZELDATEN_STAPEL = 5000


def einzeldaten_abfrage(filter: Berichtsfilter) -> QuerySet:  # noqa: A002
    qs = mit_altersgruppe(eintritte(filter=filter), beschriftet=True).annotate(
        status_text=beschriftung("anmeldung__status", Anmeldung.Status.choices),
        stichtag_text=DatumText("stichtag"),
        geschlecht_text=beschriftung("geschlecht", Geschlecht.choices),
        erwerbsstatus_text=beschriftung("erwerbsstatus", Erwerbsstatus.choices),
        bildung_text=beschriftung("bildung", Bildung.choices),
        organisationsart_text=beschriftung("organisationsart", Organisationsart.choices),
        kreis_text=Coalesce("kreis__name", Value(str(AUSSERHALB_NRW_TITEL))),
        # Free text typed by people: neutralised for spreadsheets also where COPY writes the file.
        kurs_text=formelsicher_sql("anmeldung__durchgang__kurs__title"),
        durchgang_text=formelsicher_sql("anmeldung__durchgang__titel"),
        kommune_text=formelsicher_sql("kommune"),
        status_seit=LokalesDatum("anmeldung__status_geaendert_am"),
    )
    return qs.order_by("anmeldung_id").values_list(*(pfad for _t, pfad in EINZELDATEN_SPALTEN))


def einzeldaten(*, filter: Berichtsfilter) -> Iterator[list[list]]:  # noqa: A002
    """Batches of rows in EINZELDATEN_SPALTEN order, ready to write.

    Labels and dates are made by the database; rows come from a server-side cursor (PostgreSQL)
    in batches, without the ORM's per-value converters: at 100,000 rows those are the cost.
    """
    sql, parameter = einzeldaten_abfrage(filter).query.sql_with_params()
    spalte = [pfad for _t, pfad in EINZELDATEN_SPALTEN].index("status_seit")
    zone = timezone.get_current_timezone()
    with connection.chunked_cursor() as cursor:
        cursor.execute(sql, parameter)
        while stapel := cursor.fetchmany(EINZELDATEN_STAPEL):
            if connection.vendor == "postgresql":  # the database formatted the date already
                yield stapel
                continue
            zeilen = [list(zeile) for zeile in stapel]
            for zeile in zeilen:
                zeile[spalte] = _lokales_datum(zeile[spalte], zone)
            yield zeilen


def einzeldaten_copy(*, filter: Berichtsfilter) -> Iterator[bytes]:  # noqa: A002
    """PostgreSQL only: the same rows as CSV (`;`, UTF-8, no header) straight from `COPY`.

    Every value is already text made by the database, so the server writes the file and Python
    only passes its chunks on (the bench's reference speed).
    """
    sql, parameter = einzeldaten_abfrage(filter).query.sql_with_params()
    with connection.cursor() as cursor:
        abfrage = cursor.cursor.mogrify(sql, parameter)
        befehl = f"COPY ({abfrage}) TO STDOUT WITH (FORMAT csv, DELIMITER ';', ENCODING 'UTF8')"
        with cursor.cursor.copy(befehl) as kopie:
            for teil in kopie:
                yield bytes(teil)


def _lokales_datum(wert, zone) -> str:
    if isinstance(wert, str):  # SQLite without type detection: UTC as ISO text
        wert = datetime.datetime.fromisoformat(wert)
    if wert.tzinfo is None:  # SQLite stores UTC without an offset
        wert = wert.replace(tzinfo=datetime.UTC)
    wert = wert.astimezone(zone)
    return f"{wert.day:02d}.{wert.month:02d}.{wert.year}"
