"""Writes of the H5P bridge: storing packages, xAPI statements, attempts and resume state."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .anbindung import Einbettung, Regel
from .entpacken import entpacken
from .models import H5PNutzerdaten, H5PPaket, H5PVersuch, XAPIAussage
from .speicher import paket_speicher
from .validierung import Datei, GeprueftesPaket, H5PPaketFehler, pruefen

logger = logging.getLogger(__name__)

PAKET_SCHON_VORHANDEN = _(
    "Dieses Paket ist bereits als „%(titel)s“ hochgeladen; Sie können es dort verwenden."
)

VERB_ABGESCHLOSSEN = "http://adlnet.gov/expapi/verbs/completed"
VERB_BEANTWORTET = "http://adlnet.gov/expapi/verbs/answered"
VERB_BESTANDEN = "http://adlnet.gov/expapi/verbs/passed"
VERB_NICHT_BESTANDEN = "http://adlnet.gov/expapi/verbs/failed"
# Only these verbs (or a result) can change an attempt; "attempted", "interacted" are just kept.
ERGEBNIS_VERBEN = frozenset(
    {VERB_ABGESCHLOSSEN, VERB_BEANTWORTET, VERB_BESTANDEN, VERB_NICHT_BESTANDEN}
)


# --- Packages ---------------------------------------------------------------------------------
def paket_pruefen_fuer_upload(*, datei: Datei) -> GeprueftesPaket:
    """Raise ValidationError with every reason (German) why the file cannot become a package."""
    try:
        geprueft = pruefen(datei)
    except H5PPaketFehler as fehler:
        raise ValidationError(fehler.meldungen) from fehler
    vorhanden = H5PPaket.objects.filter(sha256=geprueft.sha256).first()
    if vorhanden is not None:
        raise ValidationError(PAKET_SCHON_VORHANDEN, params={"titel": vorhanden.titel})
    return geprueft


@transaction.atomic
def paket_hochladen(
    *, datei: Datei, dateiname: str, nutzer=None, geprueft: GeprueftesPaket | None = None
) -> H5PPaket:
    """Validate, extract to ``h5p/<sha256>/`` of the private storage and record the package.

    ``geprueft``: the result of ``paket_pruefen_fuer_upload`` for this very file (the upload
    form has it), to spare one pass over the archive. A rejected file leaves nothing behind:
    the checks run before anything is written, and a failure while writing or saving removes
    the files this call wrote.
    """
    if geprueft is None:
        geprueft = paket_pruefen_fuer_upload(datei=datei)
    praefix = entpacken(datei, storage=paket_speicher())
    paket = H5PPaket(
        titel=geprueft.titel[:255],
        hauptbibliothek=geprueft.hauptbibliothek,
        bibliotheken=sorted(b.name for b in geprueft.bibliotheken),
        groesse=geprueft.gesamtgroesse,
        anzahl_dateien=len(geprueft.dateien),
        sha256=geprueft.sha256,
        dateiname=str(dateiname)[-255:],
        hochgeladen_von=nutzer,
    )
    try:
        paket.full_clean()
        with transaction.atomic():
            paket.save()
    except (ValidationError, IntegrityError):
        _dateien_loeschen(praefix, [name for name, _groesse in geprueft.dateien])
        raise
    return paket


def _dateien_loeschen(praefix: str, namen: list[str]) -> None:
    speicher = paket_speicher()
    for name in namen:
        try:
            speicher.delete(praefix + name)
        except Exception:
            logger.exception("H5P: %s%s ließ sich nicht löschen", praefix, name)


# --- xAPI -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Ergebnis:
    versuch: H5PVersuch | None
    erfuellt: bool


def regel_erfuellt(*, versuch: H5PVersuch, regel: str, schwelle: int | None) -> bool:
    if regel == Regel.BESTANDEN:
        return versuch.bestanden
    if regel == Regel.PUNKTE:
        grenze = (schwelle if schwelle is not None else 100) / 100
        # A tiny tolerance: 0.8 arrives as 0.7999999 from some content types.
        return versuch.beste_punkte is not None and versuch.beste_punkte >= grenze - 1e-9
    return versuch.abgeschlossen


def _punkte(ergebnis: dict[str, Any]) -> float | None:
    punkte = ergebnis.get("score") or {}
    if isinstance(punkte.get("scaled"), int | float):
        return float(punkte["scaled"])
    roh, maximum = punkte.get("raw"), punkte.get("max")
    minimum = punkte.get("min", 0)
    if isinstance(roh, int | float) and isinstance(maximum, int | float) and maximum > minimum:
        return (roh - minimum) / (maximum - minimum)
    return None


def aussage_speichern(*, nutzer, einbettung: Einbettung, aussage: dict[str, Any]) -> Ergebnis:
    """Keep the statement, update the user's attempt and complete when the rule is first met.

    ``aussage`` must have passed ``h5p.xapi.aussage_lesen``. Its actor is ignored: the
    statement counts for ``nutzer``. Statements without a result ("attempted", "interacted")
    are one INSERT; the others update the attempt in the same transaction.
    """
    verb = aussage["verb"]["id"]
    neu = XAPIAussage(
        nutzer=nutzer,
        paket_id=einbettung.paket_id,
        seite_id=einbettung.seite_id,
        verb=verb,
        aussage=aussage,
    )
    ergebnis = aussage.get("result")
    if verb not in ERGEBNIS_VERBEN and not ergebnis:
        _einfuegen(neu)  # one statement, its own transaction: one round trip
        return Ergebnis(versuch=None, erfuellt=False)
    with transaction.atomic():
        _einfuegen(neu)
        return _versuch_aktualisieren(
            nutzer=nutzer, einbettung=einbettung, verb=verb, ergebnis=ergebnis or {}
        )


def _asynchron() -> bool:
    return connection.vendor == "postgresql" and settings.H5P_XAPI_ASYNCHRON_BESTAETIGEN


_AUSSAGE_FELDER = ("nutzer", "paket", "seite", "verb", "aussage", "erhalten_am")


def _einfuegen(aussage: XAPIAussage) -> None:
    """INSERT the statement; on PostgreSQL its transaction commits asynchronously.

    A WAL flush per statement caps the rate at what the disk syncs per second (about 200 on the
    shared test machine); without waiting for it a database crash may lose the statements of
    the last fraction of a second, but never leaves data half written (PostgreSQL docs,
    "Asynchronous Commit"). ``set_config(…, true)`` inside the INSERT makes that one round trip
    instead of BEGIN, SET LOCAL, INSERT, COMMIT. A transaction that completes a lesson switches
    back to a synchronous commit (_synchron_bestaetigen). H5P_XAPI_ASYNCHRON_BESTAETIGEN = False
    keeps every commit synchronous.
    """
    if not _asynchron():
        aussage.save(force_insert=True)
        return
    meta = XAPIAussage._meta
    felder = [meta.get_field(name) for name in _AUSSAGE_FELDER]
    spalten = ", ".join(connection.ops.quote_name(feld.column) for feld in felder)
    werte = [feld.get_db_prep_save(getattr(aussage, feld.attname), connection) for feld in felder]
    platzhalter = ", ".join(["%s"] * len(felder))
    # Table and column names come from the model, the values are parameters.
    sql = (
        f"INSERT INTO {connection.ops.quote_name(meta.db_table)} ({spalten}) "  # noqa: S608
        f"SELECT {platzhalter} FROM (SELECT set_config('synchronous_commit', 'off', true)) AS a"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, werte)


def _synchron_bestaetigen() -> None:
    if _asynchron():
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL synchronous_commit TO ON")


def _versuch_aktualisieren(
    *, nutzer, einbettung: Einbettung, verb: str, ergebnis: dict[str, Any]
) -> Ergebnis:
    versuch = _versuch_sperren(nutzer=nutzer, einbettung=einbettung)
    if verb in (VERB_ABGESCHLOSSEN, VERB_BEANTWORTET) or ergebnis.get("completion") is True:
        versuch.abgeschlossen = True
    if verb == VERB_BESTANDEN or ergebnis.get("success") is True:
        versuch.bestanden = True
    punkte = _punkte(ergebnis)
    if punkte is not None and (versuch.beste_punkte is None or punkte > versuch.beste_punkte):
        versuch.beste_punkte = punkte
    neu_erfuellt = versuch.erfuellt_am is None and regel_erfuellt(
        versuch=versuch, regel=einbettung.regel, schwelle=einbettung.schwelle
    )
    if neu_erfuellt:
        versuch.erfuellt_am = timezone.now()
    versuch.save(
        update_fields=[
            "abgeschlossen",
            "bestanden",
            "beste_punkte",
            "erfuellt_am",
            "aktualisiert_am",
        ]
    )
    if neu_erfuellt and einbettung.bei_erfuellung is not None:
        _synchron_bestaetigen()  # a completed lesson is never lost
        einbettung.bei_erfuellung()
    return Ergebnis(versuch=versuch, erfuellt=versuch.erfuellt_am is not None)


def _versuch_sperren(*, nutzer, einbettung: Einbettung) -> H5PVersuch:
    schluessel = {
        "nutzer": nutzer,
        "seite_id": einbettung.seite_id,
        "paket_id": einbettung.paket_id,
    }
    versuch = H5PVersuch.objects.select_for_update().filter(**schluessel).first()
    if versuch is not None:
        return versuch
    try:
        with transaction.atomic():
            return H5PVersuch.objects.create(**schluessel)
    except IntegrityError:  # a parallel statement created it first
        return H5PVersuch.objects.select_for_update().get(**schluessel)


# --- Resume state (H5P core's contentUserData) -------------------------------------------------
@transaction.atomic
def nutzerdaten_speichern(
    *,
    nutzer,
    einbettung: Einbettung,
    datentyp: str,
    unterinhalt: str,
    daten: str | None,
    vorladen: bool = False,
) -> None:
    """Store the state; ``daten=None`` deletes it (core sends "0" to reset)."""
    schluessel = {
        "nutzer": nutzer,
        "seite_id": einbettung.seite_id,
        "paket_id": einbettung.paket_id,
        "datentyp": datentyp,
        "unterinhalt": unterinhalt,
    }
    if daten is None:
        H5PNutzerdaten.objects.filter(**schluessel).delete()
        return
    H5PNutzerdaten.objects.update_or_create(
        **schluessel, defaults={"daten": daten, "vorladen": vorladen}
    )
