"""Funder figures: counts aggregated by the database, never a person's row.

The figures are defined once, in `MASSZAHLEN`; the breakdowns in `AUFSCHLUESSELUNGEN`. Screen, CSV
and XLSX all read `bericht_erstellen()`; every figure passes `geheimhaltung.bericht_schuetzen()`.
A figure is one `Masszahl` entry; the two own figures besides the enrolment shares are

- **Zertifikate**: entry records whose enrolment holds a *valid* certificate (status "gültig").
  A re-issued certificate counts once (the replaced one has status "ersetzt"), a revoked one not
  at all: it no longer attests the qualification, and ESF Plus counts persons who obtained a
  qualification, not documents. A person count, so suppressed like the others (1–2 → ".").
- **Anwesenheitsstunden**: the attended hours of the in-person sessions (`Anwesenheit.stunden`,
  status "anwesend"), summed, published rounded to `geheimhaltung.STUNDEN_RUNDUNG` hours (a
  total is rounded from the exact total, so rows may differ from it). Hours are no person
  count: a cell is suppressed when 1–2 *persons with attended hours* stand behind it (persons
  without hours add nothing that could be disclosed), and secondary suppression runs on those
  person counts, so a hidden sum cannot be computed back from the total either.

Like every figure they belong to the entry records that the filter selects: the period is the day
of entry, so a certificate issued after the period still counts for the entrants of the period
(cohort view, as the shares "Abgeschlossen" etc.). Certificates are an EXISTS subquery per entry
record (no join: an enrolment may have several certificates, which would multiply the counted
rows). Hours come from `Anmeldung.anwesenheitsstunden`, the per-enrolment sum that the attendance
service keeps: a correlated SUM over the attendance rows per entry record made the report four
times slower at 100,000 enrolments (bench/berichte.py). Both need no person's row in Python and
survive anonymisation (enrolment, attendance and certificate stay, only the link to the person
goes).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from django.db.models import (
    Aggregate,
    Count,
    Exists,
    ExpressionWrapper,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Sum,
    Window,
)
from django.db.models.functions import Lower, RowNumber
from django.utils.translation import gettext_lazy as _

from kern.models import Kreis
from kurse.models import Durchgang
from teilnehmende.models import (
    Altersgruppe,
    Anmeldung,
    Bildung,
    Eintrittsdaten,
    Erwerbsstatus,
    Geschlecht,
    Organisationsart,
)

from ..ausdruecke import mit_altersgruppe, mit_quartal
from ..geheimhaltung import (
    ABSTAND,
    STUNDEN_RUNDUNG,
    ZU_KLEIN,
    Eigene,
    GeschuetzteTabelle,
    Rohtabelle,
    Zelle,
    auffaellig,
    bericht_schuetzen,
    mindestgroesse,
)

AUSSERHALB_NRW = "ausserhalb"
AUSSERHALB_NRW_TITEL = _("außerhalb NRW")
SUMME_TITEL = _("Anmeldungen insgesamt")
INSGESAMT = _("Insgesamt")


def _status(status: str) -> Callable[[], Aggregate]:
    return lambda: Count("pk", filter=Q(anmeldung__status=status))


def _gueltiges_zertifikat() -> Exists:
    from zertifikate.models import Zertifikat

    return Exists(
        Zertifikat.objects.filter(
            anmeldung_id=OuterRef("anmeldung_id"), status=Zertifikat.Status.GUELTIG
        )
    )


def _zertifikate() -> Aggregate:
    return Count("pk", filter=Q(_gueltiges_zertifikat()))


def _stunden() -> Aggregate:
    return Sum("anmeldung__anwesenheitsstunden")


def _personen_mit_stunden() -> Aggregate:
    return Count("pk", filter=Q(anmeldung__anwesenheitsstunden__gt=0))


# --- ESF Plus result indicators (esf/: exit record and six-month follow-up) ------------------
# Each is a count of entry records over a one-to-one join (no row is multiplied), so additive.
_ERWERBSTAETIG = Erwerbsstatus.ERWERBSTAETIG.value
_VERBLEIB_BEANTWORTET = Q(anmeldung__verbleib__beantwortet_am__isnull=False)


def _zaehlen(bedingung: Q) -> Callable[[], Aggregate]:
    return lambda: Count("pk", filter=bedingung)


_VERBESSERT = (
    Q(erwerbsstatus=_ERWERBSTAETIG)
    & _VERBLEIB_BEANTWORTET
    & Q(anmeldung__verbleib__erwerbsstatus=_ERWERBSTAETIG)
    & (
        Q(anmeldung__verbleib__mehr_verantwortung=True)
        | Q(anmeldung__verbleib__unbefristet=True)
        | Q(anmeldung__verbleib__mehr_stunden=True)
    )
)


def _verwaltungen() -> Aggregate:
    """Distinct public administrations (municipality, case-insensitive, and district of the
    entry records of staff of a "Kommune oder Kreis"): each counted once, at the entry record
    of its first reported participant (earliest day of entry, then id) — so the count stays
    additive over rows. The first records come from one window query (no correlated subquery:
    that was a scan per row at 100,000 enrolments)."""
    erste = (
        Eintrittsdaten.objects.filter(
            organisationsart=Organisationsart.KOMMUNE, anmeldung__status__in=berichts_status()
        )
        .annotate(
            rang=Window(
                RowNumber(),
                partition_by=[Lower("kommune"), F("kreis_id")],
                order_by=[F("stichtag").asc(), F("pk").asc()],
            )
        )
        .filter(rang=1)
        .values("pk")
    )
    return Count("pk", filter=Q(pk__in=erste))


@dataclass(frozen=True)
class Masszahl:
    """One figure, aggregated over the entry records (one per enrolment) of a category.

    `anteil=True`: the figure is a share of the enrolments by status; all shares add up to
    "Anmeldungen insgesamt" and are suppressed together with it (one table with row totals).
    `anteil=False`: an own figure, suppressed on its own; `personen` (an aggregate counting
    persons) decides the suppression when the figure itself is no person count (e.g. hours).
    """

    schluessel: str
    titel: Any
    aggregat: Callable[[], Aggregate]
    anteil: bool = True
    personen: Callable[[], Aggregate] | None = None
    #: The enrolment states this figure counts (shares only): they define the records in reports.
    status: tuple[str, ...] = ()
    #: Published rounded to a multiple of this (own figures only).
    rundung: int = 1
    #: What is counted, for the page and the notes of the exports.
    definition: Any = ""


MASSZAHLEN: list[Masszahl] = [
    Masszahl(
        "aktiv",
        _("Aktiv (Platz bestätigt)"),
        _status(Anmeldung.Status.BESTAETIGT),
        status=(Anmeldung.Status.BESTAETIGT,),
    ),
    Masszahl(
        "abgeschlossen",
        _("Abgeschlossen"),
        _status(Anmeldung.Status.ABGESCHLOSSEN),
        status=(Anmeldung.Status.ABGESCHLOSSEN,),
    ),
    Masszahl(
        "abgebrochen",
        _("Abgebrochen"),
        _status(Anmeldung.Status.ABGEBROCHEN),
        status=(Anmeldung.Status.ABGEBROCHEN,),
    ),
    Masszahl(
        "warteliste",
        _("Warteliste"),
        _status(Anmeldung.Status.WARTELISTE),
        status=(Anmeldung.Status.WARTELISTE,),
    ),
    Masszahl(
        "zertifikate",
        _("Zertifikate (gültig)"),
        _zertifikate,
        anteil=False,
        definition=_(
            "Personen mit einem gültigen Zertifikat (ersetzte zählen einmal, widerrufene nicht)."
        ),
    ),
    Masszahl(
        "stunden",
        _("Anwesenheitsstunden"),
        _stunden,
        anteil=False,
        personen=_personen_mit_stunden,
        rundung=STUNDEN_RUNDUNG,
        definition=_("Anwesende Stunden in Präsenzterminen, auf 10 Stunden gerundet."),
    ),
    Masszahl(
        "qualifikation_austritt",
        _("Qualifikation beim Austritt"),
        _zaehlen(Q(anmeldung__austrittsdaten__qualifikation=True)),
        anteil=False,
        definition=_(
            "ESF Plus EECR03: Teilnehmende, die beim Austritt eine Qualifikation erlangt haben – "
            "Austrittsdaten mit gültigem Zertifikat am Tag des Austritts (aus dem Zertifikat "
            "übernommen, nicht erfragt)."
        ),
    ),
    Masszahl(
        "erwerbstaetig_austritt",
        _("Erwerbstätig beim Austritt"),
        _zaehlen(Q(anmeldung__austrittsdaten__erwerbsstatus=_ERWERBSTAETIG)),
        anteil=False,
        definition=_(
            "ESF Plus EECR04: Teilnehmende, die beim Austritt erwerbstätig sind, auch "
            "selbstständig (Angabe im Austrittsfragebogen)."
        ),
    ),
    Masszahl(
        "bildung_austritt",
        _("In Bildung beim Austritt"),
        _zaehlen(Q(anmeldung__austrittsdaten__in_bildung="ja")),
        anteil=False,
        definition=_(
            "ESF Plus EECR02: Teilnehmende, die beim Austritt eine schulische oder berufliche "
            "Aus- oder Weiterbildung absolvieren (Angabe im Austrittsfragebogen)."
        ),
    ),
    Masszahl(
        "erwerbstaetig_6_monate",
        _("Erwerbstätig sechs Monate nach Austritt"),
        _zaehlen(_VERBLEIB_BEANTWORTET & Q(anmeldung__verbleib__erwerbsstatus=_ERWERBSTAETIG)),
        anteil=False,
        definition=_(
            "ESF Plus, längerfristiges Ergebnis (VO (EU) 2021/1057, Anhang I): "
            "Teilnehmende, die sechs Monate nach dem Austritt erwerbstätig "
            "sind, auch selbstständig (beantwortete Verbleibsbefragung)."
        ),
    ),
    Masszahl(
        "verbessert_6_monate",
        _("Verbesserte Arbeitsmarktsituation nach sechs Monaten"),
        _zaehlen(_VERBESSERT),
        anteil=False,
        definition=_(
            "ESF Plus, längerfristiges Ergebnis (VO (EU) 2021/1057, Anhang I): "
            "Teilnehmende, die beim Eintritt erwerbstätig waren und sechs "
            "Monate nach dem Austritt erwerbstätig sind mit höher qualifizierter Tätigkeit oder "
            "mehr Verantwortung, unbefristet statt befristet oder mit mehr Stunden."
        ),
    ),
    Masszahl(
        "verwaltungen",
        _("Unterstützte öffentliche Verwaltungen (Kommunen und Kreise)"),
        _verwaltungen,
        anteil=False,
        definition=_(
            "ESF Plus, Output „unterstützte öffentliche Verwaltungen auf lokaler Ebene“: "
            "verschiedene Verwaltungen (Kommune und Kreis aus "
            "den Eintrittsdaten), deren Beschäftigte teilgenommen haben. Jede zählt einmal, in "
            "der Zeile ihrer ersten gemeldeten Teilnehmenden; Zahlen unter 3 werden wie "
            "Personenzahlen nicht ausgewiesen."
        ),
    ),
]


def berichts_status() -> tuple[str, ...]:
    """Enrolment states that count in reports: those of the shares (so shares add up)."""
    return tuple(s for m in MASSZAHLEN if m.anteil for s in m.status)


# --- filters -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Berichtsfilter:
    von: datetime.date | None = None
    bis: datetime.date | None = None
    kurs_id: int | None = None
    durchgang_id: int | None = None
    #: A Kreis id, or AUSSERHALB_NRW.
    kreis: int | str | None = None
    organisationsart: str | None = None

    def beschreibung(self) -> list[tuple[str, str]]:
        """(label, value) pairs for the export's filter sheet, without ids where a name exists."""
        paare: list[tuple[str, str]] = [
            (str(_("Eintritt von")), self.von.strftime("%d.%m.%Y") if self.von else "–"),
            (str(_("Eintritt bis")), self.bis.strftime("%d.%m.%Y") if self.bis else "–"),
        ]
        kurs = durchgang = kreis = "–"
        if self.kurs_id:
            from kurse.models import KursSeite

            kurs = KursSeite.objects.filter(pk=self.kurs_id).values_list("title", flat=True)
            kurs = next(iter(kurs), "–")
        if self.durchgang_id:
            gefunden = Durchgang.objects.select_related("kurs").filter(pk=self.durchgang_id)
            durchgang = str(gefunden[0]) if gefunden else "–"
        if self.kreis == AUSSERHALB_NRW:
            kreis = str(AUSSERHALB_NRW_TITEL)
        elif self.kreis:
            gefunden = Kreis.objects.filter(pk=self.kreis)
            kreis = str(gefunden[0]) if gefunden else "–"
        art = str(Organisationsart(self.organisationsart).label) if self.organisationsart else "–"
        paare += [
            (str(_("Kurs")), kurs),
            (str(_("Durchgang")), durchgang),
            (str(_("Kreis oder kreisfreie Stadt")), kreis),
            (str(_("Art der Organisation")), art),
        ]
        return paare


def eintritte(*, filter: Berichtsfilter) -> QuerySet[Eintrittsdaten]:  # noqa: A002
    """Entry records (one per enrolment) that the report counts; the period is the entry day."""
    qs = Eintrittsdaten.objects.filter(anmeldung__status__in=berichts_status())
    if filter.von:
        qs = qs.filter(stichtag__gte=filter.von)
    if filter.bis:
        qs = qs.filter(stichtag__lte=filter.bis)
    if filter.kurs_id:
        qs = qs.filter(anmeldung__durchgang__kurs_id=filter.kurs_id)
    if filter.durchgang_id:
        qs = qs.filter(anmeldung__durchgang_id=filter.durchgang_id)
    if filter.kreis == AUSSERHALB_NRW:
        qs = qs.filter(kreis__isnull=True)
    elif filter.kreis:
        qs = qs.filter(kreis_id=filter.kreis)
    if filter.organisationsart:
        qs = qs.filter(organisationsart=filter.organisationsart)
    return qs


# --- breakdowns --------------------------------------------------------------------------------


def _auswahl(choices) -> Callable[[Iterable], list[tuple[Any, str]]]:
    """Fixed categories (all shown, also with 0), then any unexpected stored value."""

    def kategorien(schluessel: Iterable) -> list[tuple[Any, str]]:
        bekannt = [(wert, str(titel)) for wert, titel in choices]
        werte = {wert for wert, _titel in bekannt}
        return bekannt + [(s, str(s)) for s in schluessel if s not in werte]

    return kategorien


def _kreise(schluessel: Iterable) -> list[tuple[Any, str]]:
    schluessel = set(schluessel)
    kreise = sorted(
        ((k.pk, str(k)) for k in Kreis.objects.filter(pk__in=schluessel - {None})),
        key=lambda paar: paar[1],
    )
    if None in schluessel:
        kreise.append((None, str(AUSSERHALB_NRW_TITEL)))
    return kreise


def _durchgaenge(schluessel: Iterable) -> list[tuple[Any, str]]:
    durchgaenge = (
        Durchgang.objects.filter(pk__in=set(schluessel))
        .select_related("kurs")
        .order_by("beginn", "titel", "pk")
    )
    return [(d.pk, str(d)) for d in durchgaenge]


def _quartale(schluessel: Iterable) -> list[tuple[Any, str]]:
    return [
        (s, str(_("{quartal}. Quartal {jahr}")).format(quartal=s % 10, jahr=s // 10))
        for s in sorted(s for s in schluessel if s is not None)
    ]


def _kreis(qs: QuerySet) -> QuerySet:
    # "+ 0": SQLite would otherwise walk the kreis_id index and fetch every row at random (4×
    # slower than a scan with a sort); NULL (outside NRW) stays NULL.
    return qs.annotate(kreis_gruppe=ExpressionWrapper(F("kreis_id") + 0, IntegerField()))


@dataclass(frozen=True)
class Aufschluesselung:
    schluessel: str
    titel: Any
    feld: str
    kategorien: Callable[[Iterable], list[tuple[Any, str]]]
    vorbereiten: Callable[[QuerySet], QuerySet] = field(default=lambda qs: qs)
    abfrage: str = ""


#: Breakdowns with the same `abfrage` share one grouped query (one scan of the table); the
#: low-cardinality ones together give at most 4 × 5 × 4 × 5 × 3 groups.
AUFSCHLUESSELUNGEN: list[Aufschluesselung] = [
    Aufschluesselung(
        "quartal", _("Quartal des Eintritts"), "quartal", _quartale, mit_quartal, "zeit"
    ),
    Aufschluesselung(
        "durchgang", _("Durchgang"), "anmeldung__durchgang_id", _durchgaenge, abfrage="zeit"
    ),
    Aufschluesselung(
        "kreis", _("Kreis oder kreisfreie Stadt"), "kreis_gruppe", _kreise, _kreis, "kreis"
    ),
    Aufschluesselung(
        "geschlecht", _("Geschlecht"), "geschlecht", _auswahl(Geschlecht.choices), abfrage="person"
    ),
    Aufschluesselung(
        "altersgruppe",
        _("Altersgruppe beim Eintritt"),
        "altersgruppe",
        _auswahl(Altersgruppe.choices),
        mit_altersgruppe,
        "person",
    ),
    Aufschluesselung(
        "bildung",
        _("Bildungsabschluss (ISCED)"),
        "bildung",
        _auswahl(Bildung.choices),
        abfrage="person",
    ),
    Aufschluesselung(
        "erwerbsstatus",
        _("Erwerbsstatus"),
        "erwerbsstatus",
        _auswahl(Erwerbsstatus.choices),
        abfrage="person",
    ),
    Aufschluesselung(
        "organisationsart",
        _("Art der Organisation"),
        "organisationsart",
        _auswahl(Organisationsart.choices),
        abfrage="person",
    ),
]


# --- the report --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Spalte:
    schluessel: str
    titel: str


@dataclass(frozen=True)
class Zeile:
    titel: str
    zellen: list[Zelle]


@dataclass(frozen=True)
class Tabelle:
    """One breakdown after suppression: first column "Anmeldungen insgesamt", then MASSZAHLEN."""

    schluessel: str
    titel: str
    spalten: list[Spalte]
    zeilen: list[Zeile]
    summe: Zeile


@dataclass(frozen=True)
class Bericht:
    filter: Berichtsfilter
    tabellen: list[Tabelle]
    #: Why no figures are shown (population too small, or too close to a wider filter); "" else.
    grund: str = ""

    @property
    def ueberblick(self) -> list[tuple[Spalte, Zelle]]:
        """Totals per figure (the same in every breakdown, see geheimhaltung rule 4)."""
        if not self.tabellen:
            return []
        erste = self.tabellen[0]
        return list(zip(erste.spalten, erste.summe.zellen, strict=True))


def spalten() -> list[Spalte]:
    return [Spalte("anmeldungen", str(SUMME_TITEL))] + [
        Spalte(m.schluessel, str(m.titel)) for m in MASSZAHLEN
    ]


def _aggregate() -> dict[str, Aggregate]:
    werte = {m.schluessel: m.aggregat() for m in MASSZAHLEN}
    werte |= {f"{m.schluessel}__personen": m.personen() for m in MASSZAHLEN if m.personen}
    return werte


def _summen(qs: QuerySet, *, nach_quartal: bool = False) -> dict:
    """Per breakdown and category the figures, from one grouped query per `abfrage`.

    The database groups; Python only adds up the grouped rows of a shared query (a few hundred
    at most), which is why every MASSZAHLEN aggregate must be additive (Count, Sum).
    `nach_quartal=True`: the same, one result per quarter of entry ({quartal: result}), for the
    comparison with wider periods.
    """
    abfragen: dict[str, list[Aufschluesselung]] = {}
    for a in AUFSCHLUESSELUNGEN:
        abfragen.setdefault(a.abfrage or a.schluessel, []).append(a)
    ergebnisse: dict[Any, dict[str, dict[Any, dict[str, int]]]] = {}
    if nach_quartal:
        qs = mit_quartal(qs)
    for teile in abfragen.values():
        gruppiert = qs
        felder = [a.feld for a in teile]
        for a in teile:
            if not (nach_quartal and a.feld == "quartal"):
                gruppiert = a.vorbereiten(gruppiert)
        if nach_quartal and "quartal" not in felder:
            felder.append("quartal")
        aggregate = _aggregate()
        zeilen = gruppiert.values(*felder).annotate(**aggregate).order_by()
        for zeile in zeilen:
            ergebnis = ergebnisse.setdefault(
                zeile["quartal"] if nach_quartal else None,
                {a.schluessel: {} for a in AUFSCHLUESSELUNGEN},
            )
            for a in teile:
                summe = ergebnis[a.schluessel].setdefault(zeile[a.feld], {})
                for name in aggregate:
                    summe[name] = summe.get(name, 0) + (zeile[name] or 0)
    if nach_quartal:
        return ergebnisse
    return ergebnisse.get(None) or {a.schluessel: {} for a in AUFSCHLUESSELUNGEN}


def _personen_schluessel(m: Masszahl) -> str:
    return f"{m.schluessel}__personen" if m.personen else m.schluessel


def _werte(summen: dict) -> dict[tuple, int]:
    """Every published value of a report as a person count, keyed independent of the filter:
    ("zeile"|"zelle"|"eigen", breakdown, category[, figure]), ("spalte"|"eigen_summe", figure),
    ("gesamt",). Own figures count the persons behind them (hours: persons with hours)."""
    werte: dict[tuple, int] = {}
    anteile = [m for m in MASSZAHLEN if m.anteil]
    eigene = [m for m in MASSZAHLEN if not m.anteil]
    for b, kategorien in summen.items():
        for wert, zahlen in kategorien.items():
            zeile = 0
            for m in anteile:
                zahl = int(zahlen.get(m.schluessel) or 0)
                werte["zelle", b, wert, m.schluessel] = zahl
                zeile += zahl
            werte["zeile", b, wert] = zeile
            for m in eigene:
                werte["eigen", b, wert, m.schluessel] = int(
                    zahlen.get(_personen_schluessel(m)) or 0
                )
    erste = next(iter(summen.values()), {})
    for m in anteile:
        werte["spalte", m.schluessel] = sum(int(z.get(m.schluessel) or 0) for z in erste.values())
    for m in eigene:
        werte["eigen_summe", m.schluessel] = sum(
            int(z.get(_personen_schluessel(m)) or 0) for z in erste.values()
        )
    werte["gesamt",] = sum(werte["spalte", m.schluessel] for m in anteile)
    return werte


def _quartal(tag: datetime.date) -> int:
    return tag.year * 10 + (tag.month - 1) // 3 + 1


def weitere_werte(
    *,
    filter: Berichtsfilter,  # noqa: A002
    werte: dict[tuple, int],
) -> list[dict[tuple, int]]:
    """The values of the wider filters that differ from `filter` (whose values are `werte`) in
    one dimension: "alle" instead of a course, cohort, district or organisation type, and every
    longer period.

    For the periods two stand-ins suffice: per value the nearest quarter before (after) the
    period in which it is not 0 — the smallest difference any longer period can make.
    """
    weiter = [
        _werte(_summen(eintritte(filter=replace(filter, **{feld: None}))))
        for feld in ("kurs_id", "durchgang_id", "kreis", "organisationsart")
        if getattr(filter, feld)
    ]
    if not (filter.von or filter.bis):
        return weiter
    je_quartal = {
        q: _werte(summen)
        for q, summen in _summen(
            eintritte(filter=replace(filter, von=None, bis=None)), nach_quartal=True
        ).items()
    }
    davor = sorted((q for q in je_quartal if filter.von and q < _quartal(filter.von)), reverse=True)
    danach = sorted(q for q in je_quartal if filter.bis and q > _quartal(filter.bis))
    for quartale in (davor, danach):
        if not quartale:
            continue
        naechste: dict[tuple, int] = {}
        for schluessel, wert in werte.items():
            werte_davor = (je_quartal[q].get(schluessel, 0) for q in quartale)
            abstand = next((w for w in werte_davor if w), 0)
            naechste[schluessel] = wert + abstand
        weiter.append(naechste)
    return weiter


def _rohtabelle(
    aufschluesselung: Aufschluesselung,
    roh: dict[Any, dict[str, int]],
    auffaellig: set[tuple],
) -> tuple[list[str], Rohtabelle]:
    b = aufschluesselung.schluessel
    kategorien = aufschluesselung.kategorien(roh.keys())
    werte = [roh.get(wert, {}) for wert, _titel in kategorien]
    anteile = [m for m in MASSZAHLEN if m.anteil]
    lokal: set[tuple] = set()
    for i, (wert, _titel) in enumerate(kategorien):
        if ("zeile", b, wert) in auffaellig:
            lokal.add(("zeile", i))
        for j, m in enumerate(anteile):
            if ("zelle", b, wert, m.schluessel) in auffaellig:
                lokal.add(("zelle", i, j))
        for m in MASSZAHLEN:
            if not m.anteil and ("eigen", b, wert, m.schluessel) in auffaellig:
                lokal.add(("eigen", m.schluessel, i))
    return [titel for _wert, titel in kategorien], _roh(werte, lokal)


def _roh(werte: Sequence[dict[str, int]], auffaellig: set | None = None) -> Rohtabelle:
    return Rohtabelle(
        anteile=[[int(w.get(m.schluessel) or 0) for m in MASSZAHLEN if m.anteil] for w in werte],
        eigene={
            m.schluessel: Eigene(
                werte=[w.get(m.schluessel) or 0 for w in werte],
                personen=[int(w.get(_personen_schluessel(m)) or 0) for w in werte],
                rundung=m.rundung,
            )
            for m in MASSZAHLEN
            if not m.anteil
        },
        auffaellig=auffaellig or set(),
    )


def _tabelle(
    *, schluessel: str, titel: str, kategorien: Sequence[str], geschuetzt: GeschuetzteTabelle
) -> Tabelle:
    """One breakdown in MASSZAHLEN order: "Anmeldungen insgesamt", shares, own figures."""
    zeilen = []
    for i, kategorie in enumerate(kategorien):
        zellen = [geschuetzt.zeilensummen[i]]
        j = 0
        for m in MASSZAHLEN:
            if m.anteil:
                zellen.append(geschuetzt.zellen[i][j])
                j += 1
            else:
                zellen.append(geschuetzt.eigene[m.schluessel][0][i])
        zeilen.append(Zeile(kategorie, zellen))
    summe = [geschuetzt.gesamt]
    j = 0
    for m in MASSZAHLEN:
        if m.anteil:
            summe.append(geschuetzt.spaltensummen[j])
            j += 1
        else:
            summe.append(geschuetzt.eigene[m.schluessel][1])
    return Tabelle(schluessel, titel, spalten(), zeilen, Zeile(str(INSGESAMT), summe))


def tabelle_schuetzen(
    *, schluessel: str, titel: str, kategorien: Sequence[str], werte: Sequence[dict[str, int]]
) -> Tabelle:
    """One breakdown on its own (no wider filter to compare with): tests and single tables."""
    geschuetzt = bericht_schuetzen([_roh(werte)])[0]
    return _tabelle(
        schluessel=schluessel, titel=titel, kategorien=kategorien, geschuetzt=geschuetzt
    )


def bericht_erstellen(*, filter: Berichtsfilter) -> Bericht:  # noqa: A002
    """All breakdowns for the filter, protected by the rules of `geheimhaltung` (one pass)."""
    summen = _summen(eintritte(filter=filter))
    werte = _werte(summen)
    if werte["gesamt",] < mindestgroesse():
        return Bericht(filter, [], str(ZU_KLEIN).format(mindestgroesse=mindestgroesse()))
    auffaellige = auffaellig(werte, weitere_werte(filter=filter, werte=werte))
    if ("gesamt",) in auffaellige:
        return Bericht(filter, [], str(ABSTAND))
    anteile = [m.schluessel for m in MASSZAHLEN if m.anteil]
    summen_auffaellig = {
        ("spalte", j) for j, s in enumerate(anteile) if ("spalte", s) in auffaellige
    }
    summen_auffaellig |= {
        ("eigen", m.schluessel)
        for m in MASSZAHLEN
        if not m.anteil and ("eigen_summe", m.schluessel) in auffaellige
    }
    teile = [_rohtabelle(a, summen[a.schluessel], auffaellige) for a in AUFSCHLUESSELUNGEN]
    geschuetzt = bericht_schuetzen([roh for _k, roh in teile], auffaellige_summen=summen_auffaellig)
    return Bericht(
        filter,
        [
            _tabelle(schluessel=a.schluessel, titel=str(a.titel), kategorien=k, geschuetzt=g)
            for a, (k, _roh_), g in zip(AUFSCHLUESSELUNGEN, teile, geschuetzt, strict=True)
        ],
    )
