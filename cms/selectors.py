"""Reads of the good-practice library: search with facets, related examples, feed, JSON-LD."""

from __future__ import annotations

import time
from collections import Counter
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
            q=" ".join(daten.get("q", "").split())[:MAX_SUCHBEGRIFF],
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


def _suchtreffer(q: str) -> QuerySet:
    """Primary keys of the examples matching q, as a subquery.

    The database search backends (SQLite FTS5, PostgreSQL full text) evaluate a search as a Django
    queryset; using it as a subquery lets the database combine it with the facet filters and
    counts in one statement instead of shipping thousands of ids through Python.
    """
    treffer = Praxisbeispiel.objects.search(q, order_by_relevance=False)
    return treffer.get_queryset().values("pk")


def _gefiltert(
    basis: QuerySet[Praxisbeispiel], f: PraxisFilter, *, ohne: str = "", suche: bool = True
) -> QuerySet[Praxisbeispiel]:
    """Applies every criterion of f except the facet `ohne` (OR within a facet, AND across)."""
    qs = basis
    if suche and f.q:
        qs = qs.filter(pk__in=_suchtreffer(f.q))
    if f.phase and ohne != "phase":
        durch = Praxisbeispiel.phasen.through.objects.filter(phase__schluessel__in=f.phase)
        qs = qs.filter(pk__in=durch.values("praxisbeispiel_id"))
    if f.handlungsfeld and ohne != "handlungsfeld":
        durch = Praxisbeispiel.handlungsfelder.through.objects.filter(
            handlungsfeld__schluessel__in=f.handlungsfeld
        )
        qs = qs.filter(pk__in=durch.values("praxisbeispiel_id"))
    if f.programm and ohne != "programm":
        qs = qs.filter(programm__in=f.programm)
    if f.angebotsart and ohne != "angebotsart":
        qs = qs.filter(angebotsart__in=f.angebotsart)
    if f.kreis and ohne != "kreis":
        qs = qs.filter(kommune__kreis__schluessel__in=f.kreis)
    if f.kommune and ohne != "kommune":
        qs = qs.filter(kommune__slug__in=f.kommune)
    return qs


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


@dataclass(frozen=True, slots=True)
class _Zeile:
    pk: int
    phase: frozenset[str]
    handlungsfeld: frozenset[str]
    programm: str
    angebotsart: str
    kreis: str | None
    kommune: str | None
    veroeffentlicht: float  # first_published_at as timestamp; 0 when unknown
    rang_kommune: int  # position when sorted by municipality, title (the database's collation)


@dataclass(frozen=True)
class _Tabelle:
    zeilen: tuple[_Zeile, ...]
    phasen: tuple[tuple[str, str], ...]  # (schluessel, name) in display order
    handlungsfelder: tuple[tuple[str, str], ...]
    kreise: dict[str, str]  # schluessel -> display name, all districts, ordered by name
    kommunen: dict[str, str]  # slug -> name, all municipalities, ordered by name


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
    basis = _veroeffentlicht(index)
    phasen: dict[int, set[str]] = {}
    for pk, schluessel in Praxisbeispiel.phasen.through.objects.filter(
        praxisbeispiel__in=basis.values("pk")
    ).values_list("praxisbeispiel_id", "phase__schluessel"):
        phasen.setdefault(pk, set()).add(schluessel)
    felder: dict[int, set[str]] = {}
    for pk, schluessel in Praxisbeispiel.handlungsfelder.through.objects.filter(
        praxisbeispiel__in=basis.values("pk")
    ).values_list("praxisbeispiel_id", "handlungsfeld__schluessel"):
        felder.setdefault(pk, set()).add(schluessel)
    nach_kommune = basis.order_by(
        F("kommune__name").asc(nulls_last=True), F("title").asc(), F("pk").asc()
    ).values_list("pk", flat=True)
    rang = {pk: n for n, pk in enumerate(nach_kommune)}
    zeilen = tuple(
        _Zeile(
            pk=pk,
            phase=frozenset(phasen.get(pk, ())),
            handlungsfeld=frozenset(felder.get(pk, ())),
            programm=programm,
            angebotsart=angebotsart,
            kreis=kreis,
            kommune=kommune,
            veroeffentlicht=zeit.timestamp() if zeit else 0.0,
            rang_kommune=rang[pk],
        )
        for pk, programm, angebotsart, kreis, kommune, zeit in (
            basis.order_by().values_list(
                "pk",
                "programm",
                "angebotsart",
                "kommune__kreis__schluessel",
                "kommune__slug",
                "first_published_at",
            )
        )
    )
    return _Tabelle(
        zeilen=zeilen,
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


def _passt(zeile: _Zeile, name: str, werte: frozenset[str]) -> bool:
    wert = getattr(zeile, name)
    if isinstance(wert, frozenset):
        return not wert.isdisjoint(werte)
    return wert in werte


def _facetten_zaehlen(
    zeilen: tuple[_Zeile, ...], f: PraxisFilter
) -> tuple[list[_Zeile], dict[str, Counter]]:
    """The rows matching every criterion, and per facet the value counts a visitor would get by
    ticking that value: every other criterion applies, the facet's own selection does not."""
    aktiv = {name: frozenset(getattr(f, name)) for name in FACETTEN if getattr(f, name)}
    zaehler: dict[str, Counter] = {name: Counter() for name in FACETTEN}
    treffer = []
    for zeile in zeilen:
        verfehlt = [name for name, werte in aktiv.items() if not _passt(zeile, name, werte)]
        if len(verfehlt) > 1:
            continue
        for name in verfehlt or FACETTEN:
            wert = getattr(zeile, name)
            if isinstance(wert, frozenset):
                zaehler[name].update(wert)
            elif wert is not None and wert != "":
                zaehler[name][wert] += 1
        if not verfehlt:
            treffer.append(zeile)
    return treffer, zaehler


def _facetten(tabelle: _Tabelle, f: PraxisFilter, zaehler: dict[str, Counter]) -> list[Facette]:
    def werte(name, paare, nur_vorhandene=False):
        gewaehlt = set(getattr(f, name))
        anzahl = zaehler[name]
        return Facette(
            name,
            FACETTEN[name],
            [
                FacettenWert(wert, titel, anzahl[wert], wert in gewaehlt)
                for wert, titel in paare
                if not nur_vorhandene or anzahl[wert] or wert in gewaehlt
            ],
        )

    def nach_name(namen: dict[str, str], name: str):
        bekannt = set(zaehler[name]) | set(getattr(f, name))
        return [(w, titel) for w, titel in namen.items() if w in bekannt]

    return [
        werte("phase", tabelle.phasen),
        werte("handlungsfeld", tabelle.handlungsfelder),
        werte("programm", [(w, str(t)) for w, t in Programm.choices]),
        werte("angebotsart", [(w, str(t)) for w, t in Angebotsart.choices]),
        werte("kreis", nach_name(tabelle.kreise, "kreis"), nur_vorhandene=True),
        werte("kommune", nach_name(tabelle.kommunen, "kommune"), nur_vorhandene=True),
    ]


def _zeilen_mit_suche(index: PraxisbeispielIndex, f: PraxisFilter) -> tuple[_Tabelle, tuple]:
    tabelle = _tabelle(index)
    zeilen = tabelle.zeilen
    if f.q:
        gefunden = set(_suchtreffer(f.q).values_list("pk", flat=True))
        zeilen = tuple(z for z in zeilen if z.pk in gefunden)
    return tabelle, zeilen


def praxisbeispiel_facetten(*, index: PraxisbeispielIndex, filter: PraxisFilter) -> list[Facette]:
    """Every facet with live counts: a value's count is the number of results the visitor would
    get by ticking it, i.e. all other active criteria apply, the facet's own selection does not."""
    tabelle, zeilen = _zeilen_mit_suche(index, filter)
    _, zaehler = _facetten_zaehlen(zeilen, filter)
    return _facetten(tabelle, filter, zaehler)


def _python_sortiert(zeilen: list[_Zeile], sortierung: str) -> list[int]:
    if sortierung == KOMMUNE:
        zeilen = sorted(zeilen, key=lambda z: z.rang_kommune)
    else:
        zeilen = sorted(zeilen, key=lambda z: (z.veroeffentlicht, z.pk), reverse=True)
    return [z.pk for z in zeilen]


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
    tabelle, zeilen = _zeilen_mit_suche(index, f)
    treffer, zaehler = _facetten_zaehlen(zeilen, f)
    if sortierung == RELEVANZ:
        pks = [z.pk for z in treffer]

        def laden(schnitt):
            # Ranking is the search backend's job; it ranks only the rows that passed the facets.
            auswahl = _gefiltert(_veroeffentlicht(index), f, suche=False).values("pk")
            ergebnis = Praxisbeispiel.objects.filter(pk__in=auswahl).search(
                f.q, order_by_relevance=True
            )
            return _seite_laden([o.pk for o in ergebnis[schnitt]])

        liste = _Trefferliste(len(pks), laden)
    else:
        pks = _python_sortiert(treffer, sortierung)
        liste = _Trefferliste(len(pks), lambda schnitt: _seite_laden(pks[schnitt]))
    seite_obj = Paginator(liste, pro_seite).get_page(seite)
    facetten = _facetten(tabelle, f, zaehler)
    return Suchergebnis(
        filter=f,
        seite=seite_obj,
        anzahl=len(pks),
        facetten=facetten,
        sortierung=sortierung,
        lockerungen=_lockerungen(f, facetten) if not pks else [],
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
