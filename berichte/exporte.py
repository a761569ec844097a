"""CSV and XLSX of the funder figures: the same suppressed tables as on screen, nothing else.

CSV: UTF-8 with BOM and `;` (German Excel opens it directly), produced row by row. XLSX: openpyxl
in write-only mode (rows go to a temporary file, not into memory), one sheet per breakdown plus a
sheet with filters, time of generation and the suppression note.
"""

from __future__ import annotations

import csv
import io
import tempfile
from collections.abc import Iterator

from django.db import connection
from django.utils import timezone
from django.utils.translation import gettext as _

from kern.tabellen import formelsicher, formelsicher_zeile

from .geheimhaltung import Zelle, hinweis
from .selectors import (
    EINZELDATEN_SPALTEN,
    MASSZAHLEN,
    Bericht,
    Berichtsfilter,
    Tabelle,
    einzeldaten,
    einzeldaten_copy,
)

BOM = "\ufeff"
CSV_TRENNER = ";"


class _Zeilenpuffer:
    """csv.writer target that hands each formatted line back instead of storing it."""

    def write(self, wert: str) -> str:
        return wert


def _erstellt() -> str:
    return timezone.localtime().strftime("%d.%m.%Y %H:%M")


def csv_zeilen(bericht: Bericht) -> Iterator[str]:
    schreiber = csv.writer(_Zeilenpuffer(), delimiter=CSV_TRENNER, lineterminator="\r\n")
    spalten = bericht.tabellen[0].spalten if bericht.tabellen else []
    kopf = [_("Aufschlüsselung"), _("Kategorie"), *(s.titel for s in spalten)]
    yield BOM + schreiber.writerow(formelsicher_zeile(kopf))
    for tabelle in bericht.tabellen:
        for zeile in [*tabelle.zeilen, tabelle.summe]:
            yield schreiber.writerow(
                formelsicher_zeile([tabelle.titel, zeile.titel, *(z.anzeige for z in zeile.zellen)])
            )
    if bericht.grund:
        yield schreiber.writerow([_("Keine Zahlen"), bericht.grund])
    yield schreiber.writerow([])
    for titel, wert in bericht.filter.beschreibung():
        yield schreiber.writerow(formelsicher_zeile([_("Filter"), titel, wert]))
    yield schreiber.writerow([_("Erstellt am"), _erstellt()])
    yield schreiber.writerow([_("Hinweis"), hinweis()])
    for masszahl in MASSZAHLEN:
        if masszahl.definition:
            yield schreiber.writerow([masszahl.titel, masszahl.definition])


def _xlsx_wert(zelle: Zelle) -> int | str:
    return zelle.anzeige if zelle.unterdrueckt else zelle.wert


def _blattname(titel: str, vergeben: set[str]) -> str:
    # Excel: at most 31 characters, none of []:*?/\ , unique.
    name = "".join("-" if c in "[]:*?/\\" else c for c in titel)[:31]
    basis, nummer = name, 2
    while name in vergeben:
        name = f"{basis[:28]} {nummer}"
        nummer += 1
    vergeben.add(name)
    return name


def xlsx_datei(bericht: Bericht) -> tempfile.SpooledTemporaryFile:
    """The workbook in a temporary file (rewound), ready to be streamed."""
    from openpyxl import Workbook

    mappe = Workbook(write_only=True)
    vergeben: set[str] = set()
    info = mappe.create_sheet(_blattname(_("Filter und Hinweise"), vergeben))
    info.append([_("Zahlen für Fördermittelgeber (ESF)")])
    info.append([])
    for titel, wert in bericht.filter.beschreibung():
        info.append(formelsicher_zeile([titel, wert]))
    info.append([_("Erstellt am"), _erstellt()])
    info.append([_("Hinweis"), hinweis()])
    for masszahl in MASSZAHLEN:
        if masszahl.definition:
            info.append([str(masszahl.titel), str(masszahl.definition)])
    if bericht.grund:
        info.append([_("Keine Zahlen"), bericht.grund])
    for tabelle in bericht.tabellen:
        _blatt(mappe.create_sheet(_blattname(tabelle.titel, vergeben)), tabelle)
    datei = tempfile.SpooledTemporaryFile(max_size=5 * 1024 * 1024)  # noqa: SIM115
    mappe.save(datei)
    datei.seek(0)
    return datei


def _blatt(blatt, tabelle: Tabelle) -> None:
    blatt.append(formelsicher_zeile([tabelle.titel, *(s.titel for s in tabelle.spalten)]))
    for zeile in [*tabelle.zeilen, tabelle.summe]:
        blatt.append([formelsicher(zeile.titel), *(_xlsx_wert(z) for z in zeile.zellen)])


def einzeldaten_csv(
    *,
    filter: Berichtsfilter,  # noqa: A002
    nur_vollstaendig: bool = False,
) -> Iterator[str | bytes]:
    """The participant-level CSV (`;`, UTF-8 with BOM, LF line ends): on PostgreSQL written by
    `COPY`, elsewhere from batches of rows (see `selectors.einzeldaten`)."""
    puffer = io.StringIO()
    schreiber = csv.writer(puffer, delimiter=CSV_TRENNER, lineterminator="\n")
    schreiber.writerow([str(titel) for titel, _pfad in EINZELDATEN_SPALTEN])
    yield BOM + puffer.getvalue()
    if connection.vendor == "postgresql":
        yield from einzeldaten_copy(filter=filter, nur_vollstaendig=nur_vollstaendig)
        return
    for zeilen in einzeldaten(filter=filter, nur_vollstaendig=nur_vollstaendig):
        puffer.seek(0)
        puffer.truncate()
        schreiber.writerows(formelsicher_zeile(zeile) for zeile in zeilen)
        yield puffer.getvalue()
