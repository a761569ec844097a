"""Per-person quotas for what the H5P player may store (LERNKETTE_H5P_KONTINGENT): the number and
the total size of raw xAPI statements and of resume states. The rate limit bounds the speed,
these bound the total; above them the endpoints answer 429 (count) or 413 (size) in German.

Statements: a counter per person in the cache (seeded from the database on a miss, one aggregate
query), so the hot path stays one INSERT. Resume states: few rows per person, summed per save.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, Sum, TextField
from django.db.models.functions import Cast, Coalesce, Length
from django.utils.translation import gettext_lazy as _

from kern.uploads import lesbar

from .models import H5PNutzerdaten, XAPIAussage

AUSSAGEN_ANZAHL_ERSCHOEPFT = _(
    "Für Ihr Konto sind bereits %(max)s H5P-Aussagen gespeichert; weitere nimmt Lernkette nicht "
    "an. Ihr Lernfortschritt bleibt erhalten. Bitte wenden Sie sich an die Kursleitung."
)
AUSSAGEN_GROESSE_ERSCHOEPFT = _(
    "Ihre gespeicherten H5P-Aussagen haben die Höchstmenge von %(max)s erreicht; weitere nimmt "
    "Lernkette nicht an. Bitte wenden Sie sich an die Kursleitung."
)
ZWISCHENSTAENDE_ANZAHL_ERSCHOEPFT = _(
    "Sie haben bereits %(max)s H5P-Zwischenstände gespeichert; weitere nimmt Lernkette nicht an."
)
ZWISCHENSTAENDE_GROESSE_ERSCHOEPFT = _(
    "Ihre H5P-Zwischenstände haben die Höchstmenge von %(max)s erreicht; dieser wird nicht "
    "gespeichert."
)
_CACHE_SEKUNDEN = 6 * 3600


@dataclass(frozen=True)
class Ueberschritten:
    meldung: str
    status: int  # 429: too many, 413: too large


def _grenze(schluessel: str) -> int:
    return settings.LERNKETTE_H5P_KONTINGENT[schluessel]


def _schluessel(nutzer) -> str:
    return f"lernkette:h5p:aussagen:{nutzer.pk}"


def _aussagen_stand(nutzer) -> tuple[int, int]:
    stand = cache.get(_schluessel(nutzer))
    if stand is None:
        werte = XAPIAussage.objects.filter(nutzer=nutzer).aggregate(
            anzahl=Count("pk"),
            groesse=Coalesce(Sum(Length(Cast("aussage", TextField()))), 0),
        )
        stand = (werte["anzahl"], werte["groesse"])
    return stand


def aussage_pruefen(*, nutzer, groesse: int) -> Ueberschritten | None:
    """Before storing a statement of `groesse` bytes; counts it (call only when it is stored)."""
    anzahl, gesamt = _aussagen_stand(nutzer)
    if anzahl + 1 > _grenze("aussagen"):
        return Ueberschritten(
            str(AUSSAGEN_ANZAHL_ERSCHOEPFT % {"max": _grenze("aussagen")}), status=429
        )
    if gesamt + groesse > _grenze("aussagen_bytes"):
        meldung = AUSSAGEN_GROESSE_ERSCHOEPFT % {"max": lesbar(_grenze("aussagen_bytes"))}
        return Ueberschritten(str(meldung), status=413)
    cache.set(_schluessel(nutzer), (anzahl + 1, gesamt + groesse), timeout=_CACHE_SEKUNDEN)
    return None


def zwischenstand_pruefen(
    *, nutzer, seite_id: int, paket_id: int, datentyp: str, unterinhalt: str, groesse: int
) -> Ueberschritten | None:
    """Before storing a resume state of `groesse` bytes (replacing the one under the same key)."""
    andere = (
        H5PNutzerdaten.objects.filter(nutzer=nutzer)
        .exclude(seite_id=seite_id, paket_id=paket_id, datentyp=datentyp, unterinhalt=unterinhalt)
        .aggregate(anzahl=Count("pk"), groesse=Coalesce(Sum(Length("daten")), 0))
    )
    if andere["anzahl"] + 1 > _grenze("zwischenstaende"):
        meldung = ZWISCHENSTAENDE_ANZAHL_ERSCHOEPFT % {"max": _grenze("zwischenstaende")}
        return Ueberschritten(str(meldung), status=429)
    if andere["groesse"] + groesse > _grenze("zwischenstaende_bytes"):
        meldung = ZWISCHENSTAENDE_GROESSE_ERSCHOEPFT % {
            "max": lesbar(_grenze("zwischenstaende_bytes"))
        }
        return Ueberschritten(str(meldung), status=413)
    return None
