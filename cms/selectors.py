"""Reads of the good-practice library: search with facets, related examples, feed, JSON-LD."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from urllib.parse import urlencode

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


def _taxonomie_facette(model, name: str, f: PraxisFilter, teilmenge) -> Facette:
    gewaehlt = set(getattr(f, name))
    zeilen = (
        model.objects.annotate(
            anzahl=Count("praxisbeispiele", filter=Q(praxisbeispiele__in=teilmenge))
        )
        .order_by("reihenfolge", "name")
        .values_list("schluessel", "name", "anzahl")
    )
    return Facette(
        name,
        FACETTEN[name],
        [FacettenWert(s, n, a, s in gewaehlt) for s, n, a in zeilen],
    )


def _auswahl_facette(choices, name: str, f: PraxisFilter, teilmenge) -> Facette:
    gewaehlt = set(getattr(f, name))
    anzahlen = {
        zeile[name]: zeile["anzahl"]
        for zeile in teilmenge.order_by().values(name).annotate(anzahl=Count("pk"))
    }
    return Facette(
        name,
        FACETTEN[name],
        [FacettenWert(w, str(t), anzahlen.get(w, 0), w in gewaehlt) for w, t in choices.choices],
    )


def _kreis_facette(f: PraxisFilter, teilmenge) -> Facette:
    gewaehlt = set(f.kreis)
    kreise = (
        Kreis.objects.annotate(
            anzahl=Count(
                "kommunen__praxisbeispiele", filter=Q(kommunen__praxisbeispiele__in=teilmenge)
            )
        )
        .filter(Q(anzahl__gt=0) | Q(schluessel__in=gewaehlt))
        .order_by("name")
    )
    return Facette(
        "kreis",
        FACETTEN["kreis"],
        [FacettenWert(k.schluessel, str(k), k.anzahl, k.schluessel in gewaehlt) for k in kreise],
    )


def _kommune_facette(f: PraxisFilter, teilmenge) -> Facette:
    gewaehlt = set(f.kommune)
    zeilen = (
        Kommune.objects.annotate(
            anzahl=Count("praxisbeispiele", filter=Q(praxisbeispiele__in=teilmenge))
        )
        .filter(Q(anzahl__gt=0) | Q(slug__in=gewaehlt))
        .order_by("name")
        .values_list("slug", "name", "anzahl")
    )
    return Facette(
        "kommune",
        FACETTEN["kommune"],
        [FacettenWert(s, n, a, s in gewaehlt) for s, n, a in zeilen],
    )


def praxisbeispiel_facetten(
    *, index: PraxisbeispielIndex, filter: PraxisFilter, basis=None
) -> list[Facette]:
    """Every facet with live counts: a value's count is the number of results the visitor would
    get by ticking it, i.e. all other active criteria apply, the facet's own selection does not.
    One aggregate query per facet, whatever the number of examples or selected values."""
    basis = _veroeffentlicht(index) if basis is None else basis
    f = filter

    def teil(name):
        return _gefiltert(basis, f, ohne=name).values("pk")

    return [
        _taxonomie_facette(Phase, "phase", f, teil("phase")),
        _taxonomie_facette(Handlungsfeld, "handlungsfeld", f, teil("handlungsfeld")),
        _auswahl_facette(Programm, "programm", f, _gefiltert(basis, f, ohne="programm")),
        _auswahl_facette(Angebotsart, "angebotsart", f, _gefiltert(basis, f, ohne="angebotsart")),
        _kreis_facette(f, teil("kreis")),
        _kommune_facette(f, teil("kommune")),
    ]


def _sortiert(qs: QuerySet[Praxisbeispiel], sortierung: str) -> QuerySet[Praxisbeispiel]:
    if sortierung == KOMMUNE:
        return qs.order_by(F("kommune__name").asc(nulls_last=True), F("title").asc(), F("pk").asc())
    return qs.order_by(F("first_published_at").desc(nulls_last=True), F("pk").desc())


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


def praxisbeispiele_suchen(
    *, index: PraxisbeispielIndex, filter: PraxisFilter, seite=1, pro_seite: int = PRO_SEITE
) -> Suchergebnis:
    """One page of examples for the filter, with total, facets and (if empty) what to loosen.

    A fixed number of queries: count, page, one prefetch, one per facet.
    """
    f = filter
    basis = _veroeffentlicht(index)
    sortierung = f.wirksame_sortierung
    treffer = _sortiert(
        Praxisbeispiel.objects.filter(pk__in=_gefiltert(basis, f, suche=False).values("pk"))
        .select_related("kommune__kreis")
        .prefetch_related("phasen"),
        sortierung,
    )
    if f.q:
        treffer = treffer.search(f.q, order_by_relevance=sortierung == RELEVANZ)
    seite_obj = Paginator(treffer, pro_seite).get_page(seite)
    facetten = praxisbeispiel_facetten(index=index, filter=f, basis=basis)
    anzahl = seite_obj.paginator.count
    return Suchergebnis(
        filter=f,
        seite=seite_obj,
        anzahl=anzahl,
        facetten=facetten,
        sortierung=sortierung,
        lockerungen=_lockerungen(f, facetten) if anzahl == 0 else [],
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
