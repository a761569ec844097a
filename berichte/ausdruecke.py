"""SQL expressions for the report queries that SQLite can evaluate natively.

Django's ExtractYear/ExtractQuarter call a Python function per row on SQLite (seconds at 100,000
rows); dates are stored there as 'YYYY-MM-DD' text, so substr() does the same in C.
"""

from __future__ import annotations

from django.db.models import Case, CharField, F, Func, IntegerField, QuerySet, Value, When
from django.utils import timezone

from teilnehmende.models import Altersgruppe


class Jahr(Func):
    """Year of a DateField (not a DateTimeField: no time zone involved)."""

    template = "CAST(EXTRACT(YEAR FROM %(expressions)s) AS INTEGER)"
    output_field = IntegerField()
    arity = 1

    def as_sqlite(self, compiler, connection, **extra):
        return self.as_sql(
            compiler, connection, template="CAST(substr(%(expressions)s, 1, 4) AS INTEGER)", **extra
        )


class Quartal(Func):
    """Quarter (1–4) of a DateField."""

    template = "CAST(EXTRACT(QUARTER FROM %(expressions)s) AS INTEGER)"
    output_field = IntegerField()
    arity = 1

    def as_sqlite(self, compiler, connection, **extra):
        return self.as_sql(
            compiler,
            connection,
            template="((CAST(substr(%(expressions)s, 6, 2) AS INTEGER) + 2) / 3)",
            **extra,
        )


def mit_quartal(qs: QuerySet) -> QuerySet:
    """`quartal` = year × 10 + quarter of the day of entry (20262 = 2nd quarter of 2026)."""
    return qs.annotate(quartal=Jahr("stichtag") * 10 + Quartal("stichtag"))


def mit_altersgruppe(qs: QuerySet, *, beschriftet: bool = False) -> QuerySet:
    """The bands of `teilnehmende.models.altersgruppe_fuer` (tested to agree), natively;
    `beschriftet`: the German label instead of the stored value."""

    def gruppe(wert: Altersgruppe) -> Value:
        return Value(str(wert.label) if beschriftet else wert.value)

    return qs.alias(bericht_alter=Jahr("stichtag") - F("geburtsjahr")).annotate(
        altersgruppe=Case(
            When(geburtsjahr__isnull=True, then=gruppe(Altersgruppe.KEINE_ANGABE)),
            When(bericht_alter__lt=18, then=gruppe(Altersgruppe.UNTER_18)),
            When(bericht_alter__lt=30, then=gruppe(Altersgruppe.VON_18_BIS_29)),
            When(bericht_alter__lt=55, then=gruppe(Altersgruppe.VON_30_BIS_54)),
            default=gruppe(Altersgruppe.AB_55),
            output_field=CharField(),
        )
    )


class DatumText(Func):
    """A DateField as German text, DD.MM.YYYY."""

    template = "to_char(%(expressions)s, 'DD.MM.YYYY')"
    output_field = CharField()
    arity = 1

    def as_sqlite(self, compiler, connection, **extra):
        teil = "substr(%(expressions)s, {}, {})"
        template = " || '.' || ".join([teil.format(9, 2), teil.format(6, 2), teil.format(1, 4)])
        return self.as_sql(compiler, connection, template=template, **extra)


class LokalesDatum(Func):
    """The local (TIME_ZONE) date of a DateTimeField as DD.MM.YYYY, on PostgreSQL.

    SQLite has no time zones; there the value stays as it is and Python converts it
    (`selectors._lokales_datum`).
    """

    output_field = CharField()
    arity = 1

    def as_sql(self, compiler, connection, **extra):
        return compiler.compile(self.source_expressions[0])

    def as_postgresql(self, compiler, connection, **extra):
        sql, parameter = compiler.compile(self.source_expressions[0])
        zone = timezone.get_current_timezone_name()
        return f"to_char({sql} AT TIME ZONE %s, 'DD.MM.YYYY')", (*parameter, zone)


def beschriftung(feld: str, choices) -> Case:
    """The German label of a choice field, in SQL (no Python work per row)."""
    return Case(
        *(When(**{feld: wert}, then=Value(str(titel))) for wert, titel in choices),
        default=F(feld),
        output_field=CharField(),
    )
