"""Individual ESF records for the managing authority (administration only): one row per
enrolment, no name, no e-mail address."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from typing import Any

from django.db import connection
from django.db.models import Case, F, Q, QuerySet, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kern.tabellen import formelsicher_sql
from teilnehmende.models import Anmeldung, Bildung, Erwerbsstatus, Geschlecht, Organisationsart

from ..ausdruecke import DatumText, LokalesDatum, beschriftung, mit_altersgruppe
from .zahlen import _VERBESSERT, AUSSERHALB_NRW_TITEL, Berichtsfilter, eintritte

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
    # Exit record and six-month follow-up (esf/); empty while not due or missing.
    (_("Tag des Austritts"), "austrittstag_text"),
    (_("Austrittsdaten"), "austritt_erhebung_text"),
    (_("Erwerbsstatus beim Austritt"), "austritt_erwerbsstatus_text"),
    (_("In Bildung beim Austritt"), "austritt_bildung_text"),
    (_("Qualifikation beim Austritt"), "austritt_qualifikation_text"),
    (_("Erwerbsstatus sechs Monate nach Austritt"), "verbleib_erwerbsstatus_text"),
    (_("Verbesserte Arbeitsmarktsituation nach sechs Monaten"), "verbleib_verbessert_text"),
]

#: A record is complete when the enrolment has not ended (entry data suffice), ended before the
#: cohort began (no ESF exit), or its exit questionnaire is filled in.
VOLLSTAENDIG = (
    ~Q(anmeldung__status__in=[Anmeldung.Status.ABGESCHLOSSEN, Anmeldung.Status.ABGEBROCHEN])
    | Q(
        anmeldung__status=Anmeldung.Status.ABGEBROCHEN,
        anmeldung__status_geaendert_am__date__lt=F("anmeldung__durchgang__beginn"),
    )
    | Q(anmeldung__austrittsdaten__erhebung="ausgefuellt")
)


def _ja_nein(bedingung: Q, *, bekannt: Q) -> Case:
    return Case(
        When(bedingung, then=Value(str(_("ja")))),
        When(bekannt, then=Value(str(_("nein")))),
        default=Value(""),
    )


EINZELDATEN_STAPEL = 5000


def einzeldaten_abfrage(filter: Berichtsfilter, nur_vollstaendig: bool = False) -> QuerySet:  # noqa: A002
    from esf.models import Erhebung, JaNein

    basis = eintritte(filter=filter)
    if nur_vollstaendig:
        basis = basis.filter(VOLLSTAENDIG)
    qs = mit_altersgruppe(basis, beschriftet=True).annotate(
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
        austrittstag_text=DatumText("anmeldung__austrittsdaten__austrittstag"),
        austritt_erhebung_text=beschriftung(
            "anmeldung__austrittsdaten__erhebung", Erhebung.choices
        ),
        austritt_erwerbsstatus_text=beschriftung(
            "anmeldung__austrittsdaten__erwerbsstatus", Erwerbsstatus.choices
        ),
        austritt_bildung_text=beschriftung("anmeldung__austrittsdaten__in_bildung", JaNein.choices),
        austritt_qualifikation_text=_ja_nein(
            Q(anmeldung__austrittsdaten__qualifikation=True),
            bekannt=Q(anmeldung__austrittsdaten__isnull=False),
        ),
        verbleib_erwerbsstatus_text=beschriftung(
            "anmeldung__verbleib__erwerbsstatus", Erwerbsstatus.choices
        ),
        verbleib_verbessert_text=_ja_nein(
            _VERBESSERT, bekannt=Q(anmeldung__verbleib__beantwortet_am__isnull=False)
        ),
    )
    return qs.order_by("anmeldung_id").values_list(*(pfad for _t, pfad in EINZELDATEN_SPALTEN))


def einzeldaten(
    *,
    filter: Berichtsfilter,  # noqa: A002
    nur_vollstaendig: bool = False,
) -> Iterator[list[list]]:
    """Batches of rows in EINZELDATEN_SPALTEN order, ready to write.

    Labels and dates are made by the database; rows come from a server-side cursor (PostgreSQL)
    in batches, without the ORM's per-value converters: at 100,000 rows those are the cost.
    """
    sql, parameter = einzeldaten_abfrage(filter, nur_vollstaendig).query.sql_with_params()
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


def einzeldaten_copy(
    *,
    filter: Berichtsfilter,  # noqa: A002
    nur_vollstaendig: bool = False,
) -> Iterator[bytes]:
    """PostgreSQL only: the same rows as CSV (`;`, UTF-8, no header) straight from `COPY`.

    Every value is already text made by the database, so the server writes the file and Python
    only passes its chunks on (the bench's reference speed).
    """
    sql, parameter = einzeldaten_abfrage(filter, nur_vollstaendig).query.sql_with_params()
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
