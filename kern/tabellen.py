"""Cells for CSV and XLSX files that spreadsheets do not run as formulas (CSV/formula injection).

A text that begins with `=`, `+`, `-`, `@`, a tab or a carriage return is what Excel and LibreOffice
read as a formula (`=HYPERLINK(…)` in a municipality's name would become a link). Such a text gets
a leading apostrophe, so it shows as the text it is. Numbers stay numbers, negative ones too: only
strings are changed. `formelsicher_sql` is the same rule for values the database writes itself
(PostgreSQL `COPY`).
"""

from __future__ import annotations

from typing import Any

from django.db.models import Case, CharField, F, Q, Value, When
from django.db.models.functions import Concat

FORMELZEICHEN = ("=", "+", "-", "@", "\t", "\r")


def formelsicher(wert: Any) -> Any:
    """The cell as text a spreadsheet shows as text; non-strings are returned unchanged."""
    if isinstance(wert, str) and wert.startswith(FORMELZEICHEN):
        return "'" + wert
    return wert


def formelsicher_zeile(werte) -> list:
    return [formelsicher(wert) for wert in werte]


def formelsicher_sql(feld: str) -> Case:
    """`formelsicher` as a database expression for a text column (NULL stays NULL)."""
    beginnt = Q()
    for zeichen in FORMELZEICHEN:
        beginnt |= Q(**{f"{feld}__startswith": zeichen})
    return Case(
        When(beginnt, then=Concat(Value("'"), F(feld), output_field=CharField())),
        default=F(feld),
        output_field=CharField(),
    )
