"""Reads of the good-practice library: search with facets, related examples, feed, JSON-LD."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from urllib.parse import urlencode

from django.core.cache import cache
from django.core.paginator import Page as PaginatorSeite
from django.core.paginator import Paginator
from django.db.models import Count, F, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from kern.models import Kreis

from .praxis import (
    Angebotsart,
    Handlungsfeld,
    Kommune,
    Phase,
    Praxisbeispiel,
    PraxisbeispielIndex,
    Programm,
)

PRO_SEITE = 12
MAX_SUCHBEGRIFF = 200
MAX_WERTE_JE_FACETTE = 60

RELEVANZ, NEUESTE, KOMMUNE = "relevanz", "neueste", "kommune"
SORTIERUNGEN = {
    RELEVANZ: _("Relevanz"),
    NEUESTE: _("Neueste zuerst"),
    KOMMUNE: _("Kommune (A–Z)"),
}
#: GET parameter → heading of its facet, in the order the form shows them.
FACETTEN = {
    "phase": _("Phase der Präventionskette"),
    "handlungsfeld": _("Handlungsfeld"),
    "programm": _("Programm"),
    "angebotsart": _("Angebotsart"),
    "kreis": _("Kreis oder kreisfreie Stadt"),
    "kommune": _("Kommune"),
}


@dataclass(frozen=True)
class PraxisFilter:
    """What a visitor asked for; every value comes from (and goes back into) GET parameters."""

    q: str = ""
    phase: tuple[str, ...] = ()
    handlungsfeld: tuple[str, ...] = ()
    programm: tuple[str, ...] = ()
    angebotsart: tuple[str, ...] = ()
    kreis: tuple[str, ...] = ()
    kommune: tuple[str, ...] = ()
    sortierung: str = ""

    @classmethod
    def aus_anfrage(cls, daten) -> PraxisFilter:
        """Builds the filter from a QueryDict; unknown sort orders and blank values are dropped."""
        werte = {
            name: tuple(dict.fromkeys(w.strip() for w in daten.getlist(name) if w.strip()))[
                :MAX_WERTE_JE_FACETTE
            ]
            for name in FACETTEN
        }
        sortierung = daten.get("sortierung", "")
        return cls(
            # Double quotes are phrase syntax of SQLite's FTS5; an unbalanced one was a 500.
            q=" ".join(daten.get("q", "").replace('"', " ").split())[:MAX_SUCHBEGRIFF],
            sortierung=sortierung if sortierung in SORTIERUNGEN else "",
            **werte,
        )

    @property
    def wirksame_sortierung(self) -> str:
        """Relevance only means something with a search term; otherwise the newest come first."""
        if self.sortierung == RELEVANZ and not self.q:
            return NEUESTE
        return self.sortierung or (RELEVANZ if self.q else NEUESTE)

    @property
    def hat_kriterien(self) -> bool:
        return bool(self.q or any(getattr(self, name) for name in FACETTEN))

    def querystring(self, **aenderungen) -> str:
        """The shareable query string of this filter, with some values changed."""
        ziel = replace(self, **aenderungen)
        paare: list[tuple[str, str]] = []
        if ziel.q:
            paare.append(("q", ziel.q))
        for name in FACETTEN:
            paare.extend((name, wert) for wert in getattr(ziel, name))
        if ziel.sortierung:
            paare.append(("sortierung", ziel.sortierung))
        return "?" + urlencode(paare) if paare else "?"


@dataclass
class FacettenWert:
    wert: str
    name: str
    anzahl: int
    gewaehlt: bool


@dataclass
class Facette:
    name: str
    titel: str
    werte: list[FacettenWert]

    @property
    def gewaehlte(self) -> list[FacettenWert]:
        return [w for w in self.werte if w.gewaehlt]


@dataclass
class FilterLink:
    """The same search without one criterion (to remove a filter or loosen an empty result)."""

    text: str
    querystring: str


@dataclass
class Suchergebnis:
    filter: PraxisFilter
    seite: PaginatorSeite
    anzahl: int
    facetten: list[Facette]
    sortierung: str
    lockerungen: list[FilterLink] = field(default_factory=list)

    @property
    def sortierungen(self):
        return [(wert, titel, wert == self.sortierung) for wert, titel in SORTIERUNGEN.items()]

    @property
    def aktive_filter(self) -> list[FilterLink]:
        """One removable entry per selected value (and the search term)."""
        f = self.filter
        links = []
        if f.q:
            links.append(FilterLink(_("Suche: „%(q)s“") % {"q": f.q}, f.querystring(q="")))
        for facette in self.facetten:
            for wert in facette.gewaehlte:
                rest = tuple(w for w in getattr(f, facette.name) if w != wert.wert)
                links.append(
                    FilterLink(
                        f"{facette.titel}: {wert.name}", f.querystring(**{facette.name: rest})
                    )
                )
        return links


def _veroeffentlicht(index: PraxisbeispielIndex) -> QuerySet[Praxisbeispiel]:
    """Live, public examples below the index: the only ones a visitor may ever see."""
    return Praxisbeispiel.objects.live().public().descendant_of(index)


def _lockerungen(f: PraxisFilter, facetten: list[Facette]) -> list[FilterLink]:
    """What to loosen when nothing matches: each active criterion can be dropped on its own."""
    vorschlaege = []
    if f.q:
        vorschlaege.append(
            FilterLink(_("Suchbegriff „%(q)s“ entfernen") % {"q": f.q}, f.querystring(q=""))
        )
    for facette in facetten:
        werte = getattr(f, facette.name)
        if werte:
            bekannt = {w.wert: w.name for w in facette.werte}
            namen = ", ".join(bekannt.get(w, w) for w in werte)
            vorschlaege.append(
                FilterLink(
                    _("%(facette)s: „%(werte)s“ nicht mehr einschränken")
                    % {"facette": facette.titel, "werte": namen},
                    f.querystring(**{facette.name: ()}),
                )
            )
    return vorschlaege


# --- Facet table -------------------------------------------------------------------------------
#
# Counting six facets with SQL costs one aggregate over the whole library per facet (≈ 8 queries,
# 150–400 ms at 10,000 examples on PostgreSQL). Instead, the few facet-relevant columns of every
# published example are read once into a compact table, kept in the cache and rebuilt only when
# the library changes (publish, unpublish, delete, move, view restriction, taxonomy or
# municipality edits bump a version number). Filtering, counting and sorting then happen in
# Python; the database is asked only for the search term's matches and for the one result page.

STAND_SCHLUESSEL = "cms:praxis:stand"
TABELLE_SCHLUESSEL = "cms:praxis:tabelle:{index}:{stand}"


@dataclass(frozen=True)
class _Tabelle:
    """Every published example as one bit: row i is the i-th newest. A facet value is the bitmask
    of its rows, so filtering is AND/OR of Python integers and a count is `int.bit_count()`."""

    pks: tuple[int, ...]
    zeile_von: dict[int, int]  # pk -> row
    masken: dict[str, dict[str, int]]  # facet -> value -> bitmask of rows
    rang_kommune: tuple[int, ...]  # row -> position when sorted by municipality and title
    phasen: tuple[tuple[str, str], ...]  # (schluessel, name) in display order
    handlungsfelder: tuple[tuple[str, str], ...]
    kreise: dict[str, str]  # schluessel -> display name, all districts, ordered by name
    kommunen: dict[str, str]  # slug -> name, all municipalities, ordered by name

    @property
    def alle(self) -> int:
        return (1 << len(self.pks)) - 1

    def maske(self, pks) -> int:
        return _maske(self.zeile_von[pk] for pk in pks if pk in self.zeile_von)


def _maske(zeilen) -> int:
    bits = 0
    for zeile in zeilen:
        bits |= 1 << zeile
    return bits


def _zeilen_der_maske(maske: int) -> list[int]:
    """The rows of a bitmask in ascending order (newest example first)."""
    return [i for i, bit in enumerate(bin(maske)[:1:-1]) if bit == "1"]


def praxis_stand_erhoehen(**_kwargs) -> None:
    """Signal receiver: the library changed; the next listing rebuilds its facet table."""
    try:
        cache.incr(STAND_SCHLUESSEL)
    except ValueError:
        cache.set(STAND_SCHLUESSEL, time.time_ns(), None)


def _stand() -> int:
    stand = cache.get(STAND_SCHLUESSEL)
    if stand is None:
        # Never restart at a number used before: after a cache flush, a worker's local copy of
        # an older table must not match the new version by accident.
        cache.add(STAND_SCHLUESSEL, time.time_ns(), None)
        stand = cache.get(STAND_SCHLUESSEL)
    return stand


#: Process-local copy of the last table, so a worker does not unpickle it for every request.
_lokal: dict = {}


def _tabelle_bauen(index: PraxisbeispielIndex) -> _Tabelle:
    basis = _veroeffentlicht(index).order_by()
    zeilen = list(
        basis.order_by(F("first_published_at").desc(nulls_last=True), F("pk").desc()).values_list(
            "pk", "programm", "angebotsart", "kommune__kreis__schluessel", "kommune__slug"
        )
    )
    zeile_von = {pk: i for i, (pk, *_rest) in enumerate(zeilen)}
    werte: dict[str, dict[str, list[int]]] = {name: {} for name in FACETTEN}
    for i, (_pk, *spalten) in enumerate(zeilen):
        for name, wert in zip(
            ("programm", "angebotsart", "kreis", "kommune"), spalten, strict=True
        ):
            if wert:
                werte[name].setdefault(wert, []).append(i)
    for name, durch, feld in (
        ("phase", Praxisbeispiel.phasen.through, "phase__schluessel"),
        ("handlungsfeld", Praxisbeispiel.handlungsfelder.through, "handlungsfeld__schluessel"),
    ):
        paare = durch.objects.filter(praxisbeispiel__in=basis.values("pk"))
        for pk, wert in paare.values_list("praxisbeispiel_id", feld):
            werte[name].setdefault(wert, []).append(zeile_von[pk])
    nach_kommune = basis.order_by(
        F("kommune__name").asc(nulls_last=True), F("title").asc(), F("pk").asc()
    ).values_list("pk", flat=True)
    rang = [0] * len(zeilen)
    for position, pk in enumerate(nach_kommune):
        rang[zeile_von[pk]] = position
    return _Tabelle(
        pks=tuple(pk for pk, *_rest in zeilen),
        zeile_von=zeile_von,
        masken={
            name: {wert: _maske(reihe) for wert, reihe in je_wert.items()}
            for name, je_wert in werte.items()
        },
        rang_kommune=tuple(rang),
        phasen=tuple(
            Phase.objects.order_by("reihenfolge", "name").values_list("schluessel", "name")
        ),
        handlungsfelder=tuple(
            Handlungsfeld.objects.order_by("reihenfolge", "name").values_list("schluessel", "name")
        ),
        kreise={k.schluessel: str(k) for k in Kreis.objects.order_by("name")},
        kommunen=dict(Kommune.objects.order_by("name").values_list("slug", "name")),
    )


def _tabelle(index: PraxisbeispielIndex) -> _Tabelle:
    schluessel = TABELLE_SCHLUESSEL.format(index=index.pk, stand=_stand())
    if _lokal.get("schluessel") == schluessel:
        return _lokal["tabelle"]
    tabelle = cache.get(schluessel)
    if tabelle is None:
        tabelle = _tabelle_bauen(index)
        cache.set(schluessel, tabelle, 24 * 3600)
    _lokal.update(schluessel=schluessel, tabelle=tabelle)
    return tabelle


def _facetten_zaehlen(
    tabelle: _Tabelle, basis: int, f: PraxisFilter
) -> tuple[int, dict[str, dict[str, int]]]:
    """The rows matching every criterion, and per facet the value counts a visitor would get by
    ticking that value: every other criterion applies, the facet's own selection does not."""
    auswahl = {}
    for name in FACETTEN:
        if getattr(f, name):
            masken = tabelle.masken[name]
            auswahl[name] = 0
            for wert in getattr(f, name):
                auswahl[name] |= masken.get(wert, 0)
    zaehler = {}
    for name in FACETTEN:
        rest = basis
        for andere, maske in auswahl.items():
            if andere != name:
                rest &= maske
        zaehler[name] = {
            wert: (maske & rest).bit_count() for wert, maske in tabelle.masken[name].items()
        }
    treffer = basis
    for maske in auswahl.values():
        treffer &= maske
    return treffer, zaehler


def _facetten(tabelle: _Tabelle, f: PraxisFilter, zaehler: dict[str, dict]) -> list[Facette]:
    def werte(name, paare, nur_vorhandene=False):
        gewaehlt = set(getattr(f, name))
        anzahl = zaehler[name]
        return Facette(
            name,
            FACETTEN[name],
            [
                FacettenWert(wert, titel, anzahl.get(wert, 0), wert in gewaehlt)
                for wert, titel in paare
                if not nur_vorhandene or anzahl.get(wert) or wert in gewaehlt
            ],
        )

    def nach_name(namen: dict[str, str], name: str):
        bekannt = {w for w, n in zaehler[name].items() if n} | set(getattr(f, name))
        return [(w, titel) for w, titel in namen.items() if w in bekannt]

    return [
        werte("phase", tabelle.phasen),
        werte("handlungsfeld", tabelle.handlungsfelder),
        werte("programm", [(w, str(t)) for w, t in Programm.choices]),
        werte("angebotsart", [(w, str(t)) for w, t in Angebotsart.choices]),
        werte("kreis", nach_name(tabelle.kreise, "kreis"), nur_vorhandene=True),
        werte("kommune", nach_name(tabelle.kommunen, "kommune"), nur_vorhandene=True),
    ]


def _basis(index: PraxisbeispielIndex, f: PraxisFilter) -> tuple[_Tabelle, int, list[int]]:
    """The facet table, the rows the search term allows (all rows without a term) and, for a
    term, the matching primary keys best first (ranked by the search backend in one query)."""
    tabelle = _tabelle(index)
    if not f.q:
        return tabelle, tabelle.alle, []
    relevanz = f.wirksame_sortierung == RELEVANZ
    treffer = Praxisbeispiel.objects.search(f.q, order_by_relevance=relevanz).get_queryset()
    if not relevanz:
        treffer = treffer.order_by()
    rangfolge = [pk for pk in treffer.values_list("pk", flat=True) if pk in tabelle.zeile_von]
    return tabelle, tabelle.maske(rangfolge), rangfolge


def praxisbeispiel_facetten(*, index: PraxisbeispielIndex, filter: PraxisFilter) -> list[Facette]:
    """Every facet with live counts: a value's count is the number of results the visitor would
    get by ticking it, i.e. all other active criteria apply, the facet's own selection does not."""
    tabelle, basis, _ = _basis(index, filter)
    _, zaehler = _facetten_zaehlen(tabelle, basis, filter)
    return _facetten(tabelle, filter, zaehler)


class _Trefferliste(Sequence):
    """What the paginator pages through: the count is known, a slice loads only its examples."""

    def __init__(self, anzahl: int, laden):
        self._anzahl = anzahl
        self._laden = laden

    def __len__(self) -> int:
        return self._anzahl

    def __getitem__(self, schnitt):
        if not isinstance(schnitt, slice):
            raise TypeError("Nur Ausschnitte werden geladen.")
        return self._laden(schnitt)


def _seite_laden(pks: list[int]) -> list[Praxisbeispiel]:
    objekte = Praxisbeispiel.objects.filter(pk__in=pks).select_related("kommune__kreis")
    nach_pk = {o.pk: o for o in objekte.prefetch_related("phasen")}
    return [nach_pk[pk] for pk in pks if pk in nach_pk]


def praxisbeispiele_suchen(
    *, index: PraxisbeispielIndex, filter: PraxisFilter, seite=1, pro_seite: int = PRO_SEITE
) -> Suchergebnis:
    """One page of examples for the filter, with total, facets and (if empty) what to loosen.

    A fixed number of queries whatever the library size: the search term's matches (if any), the
    result page and one prefetch; the facet table adds three when the library has changed.
    """
    f = filter
    sortierung = f.wirksame_sortierung
    tabelle, basis, rangfolge = _basis(index, f)
    treffer, zaehler = _facetten_zaehlen(tabelle, basis, f)
    if sortierung == RELEVANZ:
        # The backend's ranking of the term, kept where the facets allow.
        zeile_von = tabelle.zeile_von
        pks = [pk for pk in rangfolge if treffer >> zeile_von[pk] & 1]
        anzahl = len(pks)
        liste = _Trefferliste(anzahl, lambda schnitt: _seite_laden(pks[schnitt]))
    else:
        zeilen = _zeilen_der_maske(treffer)
        if sortierung == KOMMUNE:
            zeilen.sort(key=tabelle.rang_kommune.__getitem__)
        pks = [tabelle.pks[i] for i in zeilen]
        anzahl = len(pks)
        liste = _Trefferliste(anzahl, lambda schnitt: _seite_laden(pks[schnitt]))
    seite_obj = Paginator(liste, pro_seite).get_page(seite)
    facetten = _facetten(tabelle, f, zaehler)
    return Suchergebnis(
        filter=f,
        seite=seite_obj,
        anzahl=anzahl,
        facetten=facetten,
        sortierung=sortierung,
        lockerungen=_lockerungen(f, facetten) if not anzahl else [],
    )


def verwandte_praxisbeispiele(*, seite: Praxisbeispiel, anzahl: int = 3) -> list[Praxisbeispiel]:
    """Published examples sharing a phase or a field of action, most shared first."""
    # .all() rather than values_list(): in a preview the relations are modelcluster's in-memory
    # querysets, built from the revision.
    phasen = [p.pk for p in seite.phasen.all()]
    felder = [h.pk for h in seite.handlungsfelder.all()]
    if not phasen and not felder:
        return []
    gemeinsam_phase = Praxisbeispiel.phasen.through.objects.filter(phase__in=phasen)
    gemeinsam_feld = Praxisbeispiel.handlungsfelder.through.objects.filter(handlungsfeld__in=felder)
    return list(
        Praxisbeispiel.objects.live()
        .public()
        .exclude(pk=seite.pk)
        .annotate(
            gemeinsame_phasen=Count("phasen", filter=Q(phasen__in=phasen), distinct=True),
            gemeinsame_felder=Count(
                "handlungsfelder", filter=Q(handlungsfelder__in=felder), distinct=True
            ),
        )
        .filter(
            Q(pk__in=gemeinsam_phase.values("praxisbeispiel_id"))
            | Q(pk__in=gemeinsam_feld.values("praxisbeispiel_id"))
        )
        .select_related("kommune")
        .order_by(
            (F("gemeinsame_phasen") + F("gemeinsame_felder")).desc(),
            F("first_published_at").desc(nulls_last=True),
        )[:anzahl]
    )


def neueste_praxisbeispiele(*, index: PraxisbeispielIndex, anzahl: int = 20):
    return (
        _veroeffentlicht(index)
        .select_related("kommune__kreis")
        .prefetch_related("phasen", "handlungsfelder")
        .order_by(F("first_published_at").desc(nulls_last=True), F("pk").desc())[:anzahl]
    )


def praxisbeispiel_json_ld(*, seite: Praxisbeispiel, request=None) -> dict:
    """schema.org description of an example (an Article about a project in a municipality)."""
    daten = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": seite.title,
        "description": seite.teaser,
        "url": seite.get_full_url(request),
        "inLanguage": "de",
        "keywords": [
            *(p.name for p in seite.phasen.all()),
            *(h.name for h in seite.handlungsfelder.all()),
            seite.get_programm_display(),
            seite.get_angebotsart_display(),
        ],
        "publisher": {"@type": "Organization", "name": "Lernkette"},
    }
    if seite.first_published_at:
        daten["datePublished"] = seite.first_published_at.isoformat()
    if seite.last_published_at:
        daten["dateModified"] = seite.last_published_at.isoformat()
    if seite.kommune_id:
        kommune = seite.kommune
        daten["spatialCoverage"] = {
            "@type": "Place",
            "name": kommune.name,
            "containedInPlace": {"@type": "AdministrativeArea", "name": str(kommune.kreis)},
        }
    if seite.startjahr:
        daten["temporalCoverage"] = f"{seite.startjahr}/.."
    return daten
