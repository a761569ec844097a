"""Verification of an uploaded credential as a careful wallet would, deciding and displaying only
from what is signed:

1. shape before cryptography (struktur.py): size, depth, blank nodes, JSON Schema;
2. exactly our `@context` list, and the document must equal its own expand → compact round trip
   ("safe mode", kanonisierung.streng_kompakt) — from here on only that compacted form is read;
3. issuer and key (a published key of our did:web), then the signature within a hard CPU budget;
4. validity period and the revocation bit, read from our status list credential, which passes
   the same rules (exact context, round trip, published key, type and purpose).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext_lazy as _

from zertifikate.models import Zertifikat

from . import bitstring
from .did import aussteller_did
from .integritaet import ProofUngueltig, pruefen
from .kanonisierung import (
    OB_V3,
    VC_V2,
    BudgetErschoepft,
    KanonisierungFehler,
    arbeitsbudget,
    streng_kompakt,
)
from .models import Statusliste
from .schluessel import SchluesselFehlt, oeffentliche_schluessel
from .selectors import badge_an_index
from .services import NachweisUngueltig, statusliste_credential, statusliste_url
from .struktur import STATUSLISTE_SCHEMA, StrukturFehler, grenzen_pruefen, schema_pruefen

#: The only `@context` lists we issue (and so accept).
NACHWEIS_KONTEXT = [VC_V2, OB_V3]
STATUSLISTE_KONTEXT = [VC_V2]

KEIN_NACHWEIS = _(
    "Die Datei ist kein Open-Badges-Nachweis (W3C Verifiable Credential 2.0 mit "
    "OpenBadgeCredential)."
)
STATUSLISTE_STATT_NACHWEIS = _(
    "Die Datei ist die Sperrliste der Lernkette, kein Nachweis einer Person."
)
KONTEXT_FALSCH = _(
    "Der Nachweis verwendet nicht genau die Kontexte der Lernkette (W3C Credentials 2.0, dann "
    "Open Badges 3.0.3, keine weiteren): Ein anderer Kontext könnte Felder umdeuten."
)
NICHT_EINDEUTIG = _(
    "Der Nachweis enthält Angaben, die beim Lesen als JSON-LD wegfallen, doppelt vorkommen oder "
    "umgedeutet werden. Sie wären nicht signiert; der Nachweis wird nicht anerkannt."
)
ZU_AUFWENDIG = _(
    "Die Prüfung dieses Nachweises bräuchte mehr Rechenzeit, als ein echter Nachweis der "
    "Lernkette braucht. Er wird nicht anerkannt."
)
FREMDER_AUSSTELLER = _("Dieser Nachweis wurde nicht von der Lernkette ausgestellt.")
NOCH_NICHT_GUELTIG = _("Dieser Nachweis ist erst ab {datum} gültig.")
ABGELAUFEN = _("Dieser Nachweis ist seit {datum} abgelaufen.")
STATUS_UNBEKANNT = _(
    "Der Nachweis verweist auf einen Sperrlisteneintrag, den die Lernkette nicht kennt."
)
STATUSLISTE_UNGUELTIG = _(
    "Die Sperrliste der Lernkette ließ sich nicht prüfen; der Nachweis wird deshalb nicht "
    "bestätigt. Bitte versuchen Sie es später erneut."
)

ENTWERTET = (Zertifikat.Status.WIDERRUFEN, Zertifikat.Status.ERSETZT)


@dataclass(frozen=True)
class Pruefergebnis:
    widerrufen: bool
    zertifikat: Zertifikat
    name: str
    achievement: str
    aussteller: str
    gueltig_ab: datetime | None
    schluessel: str

    @property
    def gueltig(self) -> bool:
        return not self.widerrufen


def _eins(knoten, schluessel: str):
    """The single value of a property in the compacted form (JSON-LD: value or [value])."""
    wert = knoten.get(schluessel) if isinstance(knoten, dict) else None
    if isinstance(wert, list):
        wert = wert[0] if len(wert) == 1 else None
    return wert


def _typen(knoten) -> list:
    wert = knoten.get("type") if isinstance(knoten, dict) else None
    return wert if isinstance(wert, list) else [wert]


def _kennung(knoten) -> str | None:
    return knoten.get("id") if isinstance(knoten, dict) else knoten


def _oeffentlicher_schluessel(methode: str):
    """The public key of a verification method of our DID document (rotated keys, too)."""
    praefix = aussteller_did() + "#"
    if not methode.startswith(praefix):
        return None
    kennung = methode[len(praefix) :]
    for schluessel in oeffentliche_schluessel():
        if schluessel.kennung == kennung:
            return schluessel.oeffentlich
    return None


def _datum(wert) -> datetime | None:
    try:
        return parse_datetime(wert) if isinstance(wert, str) else None
    except ValueError:  # well-formed but impossible, e.g. month 13
        return None


def _zeitraum(kompakt: dict) -> datetime:
    jetzt = timezone.now()
    von = _eins(kompakt, "validFrom")
    gueltig_ab = _datum(von)
    if gueltig_ab is None or gueltig_ab > jetzt:
        raise NachweisUngueltig(str(NOCH_NICHT_GUELTIG).format(datum=von or "–"))
    bis = _eins(kompakt, "validUntil")
    if bis is not None:
        gueltig_bis = _datum(bis)
        if gueltig_bis is None or gueltig_bis < jetzt:
            raise NachweisUngueltig(str(ABGELAUFEN).format(datum=bis))
    return gueltig_ab


def _streng_lesen(dokument: dict, *, kontext: list[str], schema: str | None = None) -> dict:
    """Shape, exact context and round trip; the compacted form that everything is read from."""
    if dokument.get("@context") != kontext:
        raise NachweisUngueltig(KONTEXT_FALSCH)
    try:
        grenzen_pruefen(dokument)
        if schema:
            schema_pruefen(dokument, schema=schema)
        else:
            schema_pruefen(dokument)
        return streng_kompakt(dokument, kontext=kontext)
    except StrukturFehler as fehler:
        raise NachweisUngueltig(str(fehler)) from None
    except BudgetErschoepft:
        raise NachweisUngueltig(ZU_AUFWENDIG) from None
    except KanonisierungFehler:
        raise NachweisUngueltig(NICHT_EINDEUTIG) from None


def _signatur(kompakt: dict) -> dict:
    try:
        return pruefen(kompakt, schluessel_fuer=_oeffentlicher_schluessel)
    except BudgetErschoepft:
        raise NachweisUngueltig(ZU_AUFWENDIG) from None
    except ProofUngueltig as fehler:
        raise NachweisUngueltig(str(fehler)) from None


def _listen_pk(url: str) -> int | None:
    """The id of our status list at `url` (…/zertifikate/openbadges/status/<id>), else None."""
    praefix = statusliste_url(0)[:-1]
    rest = url[len(praefix) :] if url.startswith(praefix) else ""
    return int(rest) if rest.isdigit() and len(rest) < 10 else None


def _statusliste_lesen(url: str) -> bytes:
    """The bits of our status list at `url`, from its credential verified like an upload."""
    pk = _listen_pk(url)
    liste = Statusliste.objects.filter(pk=pk).first() if pk is not None else None
    if liste is None:
        raise NachweisUngueltig(STATUS_UNBEKANNT)
    try:
        dokument = statusliste_credential(statusliste=liste)
        kompakt = _streng_lesen(dokument, kontext=STATUSLISTE_KONTEXT, schema=STATUSLISTE_SCHEMA)
        subjekt = _eins(kompakt, "credentialSubject")
        if not (
            _typen(kompakt) == ["VerifiableCredential", "BitstringStatusListCredential"]
            and _eins(kompakt, "id") == url
            and _kennung(_eins(kompakt, "issuer")) == aussteller_did()
            and _typen(subjekt) == ["BitstringStatusList"]
            and _eins(subjekt, "id") == f"{url}#list"
            and _eins(subjekt, "statusPurpose") == "revocation"
        ):
            raise NachweisUngueltig(STATUSLISTE_UNGUELTIG) from None
        _signatur(kompakt)
        _zeitraum(kompakt)
        return bitstring.dekodieren(_eins(subjekt, "encodedList"))
    except (NachweisUngueltig, SchluesselFehlt, ValueError, OSError):
        raise NachweisUngueltig(STATUSLISTE_UNGUELTIG) from None


def _status(kompakt: dict) -> tuple[Zertifikat, bool]:
    """The certificate and whether the status list marks it revoked."""
    eintrag = _eins(kompakt, "credentialStatus")
    url = _eins(eintrag, "statusListCredential")
    index = _eins(eintrag, "statusListIndex")
    if not (
        _typen(eintrag) == ["BitstringStatusListEntry"]
        and _eins(eintrag, "statusPurpose") == "revocation"
        and isinstance(url, str)
        and isinstance(index, str)
        and index.isdigit()
        and _eins(eintrag, "id") == f"{url}#{index}"
    ):
        raise NachweisUngueltig(STATUS_UNBEKANNT)
    pk = _listen_pk(url)
    badge = (
        badge_an_index(statusliste_id=pk, index=int(index))
        if pk is not None and int(index) < 2**31
        else None
    )
    if badge is None:
        raise NachweisUngueltig(STATUS_UNBEKANNT)
    bits = _statusliste_lesen(url)
    if int(index) >= len(bits) * 8:
        raise NachweisUngueltig(STATUS_UNBEKANNT)
    return badge.zertifikat, bitstring.gesetzt(bits, int(index))


def nachweis_pruefen(dokument) -> Pruefergebnis:
    """Verify an uploaded credential (see the module text); raises NachweisUngueltig with the
    German reason. Stores nothing. The whole check runs within MAX_CPU_SEKUNDEN of CPU time."""
    if not isinstance(dokument, dict):
        raise NachweisUngueltig(KEIN_NACHWEIS)
    typen = dokument.get("type")
    if isinstance(typen, list) and "BitstringStatusListCredential" in typen:
        raise NachweisUngueltig(STATUSLISTE_STATT_NACHWEIS)
    if not (isinstance(typen, list) and "OpenBadgeCredential" in typen):
        raise NachweisUngueltig(KEIN_NACHWEIS)
    with arbeitsbudget():
        kompakt = _streng_lesen(dokument, kontext=NACHWEIS_KONTEXT)
        # From here on only `kompakt` is read: what the signature covers.
        if _typen(kompakt) != ["VerifiableCredential", "OpenBadgeCredential"]:
            raise NachweisUngueltig(KEIN_NACHWEIS)
        aussteller = _eins(kompakt, "issuer")
        if _kennung(aussteller) != aussteller_did():
            raise NachweisUngueltig(FREMDER_AUSSTELLER)
        proof = _signatur(kompakt)
        gueltig_ab = _zeitraum(kompakt)
        zertifikat, bit = _status(kompakt)
    subjekt = _eins(kompakt, "credentialSubject")
    achievement = _eins(subjekt, "achievement")
    return Pruefergebnis(
        # The bit is what every wallet sees; the certificate's state is what it derives from.
        widerrufen=bit or zertifikat.status in ENTWERTET,
        zertifikat=zertifikat,
        name=str(_eins(kompakt, "name") or ""),
        achievement=str(_eins(achievement, "name") or ""),
        aussteller=str(_eins(aussteller, "name") or "") if isinstance(aussteller, dict) else "",
        gueltig_ab=gueltig_ab,
        schluessel=str(_eins(proof, "verificationMethod") or ""),
    )
