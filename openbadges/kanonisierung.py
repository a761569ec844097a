"""RDF Dataset Canonicalization (RDFC-1.0, in pyld "URDNA2015") with an offline document loader,
a hard work budget, and the strict ("safe mode") reading of an uploaded document.

The loader serves only the contexts bundled in `kontexte/` (copied from the npm packages the
independent verifier uses, see kontexte/QUELLEN.md) and refuses every other URL: no network at run
time, and a credential that names an unknown context cannot be verified.
"""

from __future__ import annotations

import json
import re
import threading
import time
from contextlib import contextmanager
from pathlib import Path

from pyld import canon, jsonld
from pyld.documentloader.frozen import FrozenDocumentLoader

KONTEXTE = Path(__file__).parent / "kontexte"
VC_V2 = "https://www.w3.org/ns/credentials/v2"
OB_V3 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"

#: URL → bundled file; nothing else is ever loaded.
GEBUENDELT = {
    VC_V2: KONTEXTE / "credentials-v2.json",
    OB_V3: KONTEXTE / "ob-3.0.3.json",
}

#: The `@vocab` of the VC 2.0 context: a term no context defines expands into it ("issuer
#: dependent"). Such a term means nothing to anyone else, so a document using one is refused.
VOCAB_AUSSTELLERABHAENGIG = "https://www.w3.org/ns/credentials/issuer-dependent#"

#: A canonicalisation with many blank nodes can take exponential time (poison graphs); our own
#: credentials have six (subject, identifier, criteria, alignment, proof and its graph), so an
#: uploaded document above this is refused before RDFC.
MAX_LEERE_KNOTEN = 8

#: Work budget of one verification (CPU seconds of the request's thread) and the number of
#: permutations / N-degree hashes RDFC-1.0 may try. Our credentials need none: every blank node
#: has a unique first-degree hash. Both limits are checked inside the algorithm (below).
MAX_CPU_SEKUNDEN = 0.5
MAX_SCHRITTE = 2_000

_lader = FrozenDocumentLoader(documents=GEBUENDELT)
_ABSOLUT = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


class KanonisierungFehler(ValueError):
    pass


class BudgetErschoepft(KanonisierungFehler):
    """The work budget of a verification is used up (poison graph or merely too big)."""


class NichtEindeutig(KanonisierungFehler):
    """The document says more or other than its JSON-LD graph (dropped or re-mapped terms)."""


# --- the work budget ----------------------------------------------------------------------

_budget = threading.local()


@contextmanager
def arbeitsbudget(*, sekunden: float = MAX_CPU_SEKUNDEN, schritte: int = MAX_SCHRITTE):
    """Everything inside may use `sekunden` CPU time of this thread and `schritte` RDFC steps;
    beyond that `budget_pruefen()` (called inside pyld's URDNA2015) raises BudgetErschoepft."""
    vorher = getattr(_budget, "stand", None)
    _budget.stand = {"frist": time.thread_time() + sekunden, "rest": schritte}
    try:
        yield
    finally:
        _budget.stand = vorher


def budget_pruefen(schritte: int = 0) -> None:
    stand = getattr(_budget, "stand", None)
    if stand is None:
        return
    stand["rest"] -= schritte
    if stand["rest"] < 0 or time.thread_time() > stand["frist"]:
        raise BudgetErschoepft("Die Prüfung hat ihr Arbeitsbudget überschritten.")


class _BegrenztesURDNA2015(canon.URDNA2015):
    """pyld's URDNA2015 with the budget checked on every N-degree hash (the recursive step)."""

    def hash_n_degree_quads(self, id_, issuer):
        budget_pruefen(1)
        return super().hash_n_degree_quads(id_, issuer)


_permutationen = canon.permutations


def _gezaehlte_permutationen(elemente):
    # The permutation loop of hash_n_degree_quads may run long without recursing: every
    # permutation is one step. Module-level in pyld, so replaced there (only counts outside a
    # budget).
    for permutation in _permutationen(elemente):
        budget_pruefen(1)
        yield permutation


canon.permutations = _gezaehlte_permutationen


# --- canonical form -----------------------------------------------------------------------


def _optionen() -> dict:
    return {"documentLoader": _lader, "base": None, "processingMode": "json-ld-1.1"}


def _leere_knoten(datensatz: dict) -> int:
    leere = {
        knoten["value"]
        for graph_name, graph in datensatz.items()
        for quad in graph
        for knoten in (quad["subject"], quad["object"])
        if knoten["type"] == "blank node"
    }
    leere.update(name for name in datensatz if name.startswith("_:"))
    return len(leere)


def kanonisch(dokument: dict, *, max_leere_knoten: int | None = None) -> str:
    """The canonical N-Quads of a JSON-LD document (UTF-8 text, one quad per line)."""
    try:
        datensatz = jsonld.to_rdf(dokument, {**_optionen(), "produceGeneralizedRdf": False})
        budget_pruefen()
        if max_leere_knoten is not None and _leere_knoten(datensatz) > max_leere_knoten:
            raise KanonisierungFehler("Zu viele leere Knoten im Dokument.")
        return _BegrenztesURDNA2015().main(datensatz, {"format": "application/n-quads"})
    except KanonisierungFehler:
        raise
    except (jsonld.JsonLdError, RecursionError, ValueError, TypeError) as fehler:
        raise KanonisierungFehler(str(fehler)) from fehler


# --- strict reading ("safe mode") ---------------------------------------------------------


def _iris_pruefen(knoten) -> None:
    """Every property, type and node IRI of the expanded form is absolute and not a mere
    `@vocab` fallback; no blank node identifiers (ours have none)."""
    if isinstance(knoten, list):
        for eintrag in knoten:
            _iris_pruefen(eintrag)
        return
    if not isinstance(knoten, dict):
        return
    for schluessel, wert in knoten.items():
        if schluessel == "@id":
            _iri(wert)
        elif schluessel == "@type":
            for typ in wert if isinstance(wert, list) else [wert]:
                _iri(typ)
        elif schluessel == "@value":
            continue
        elif schluessel.startswith("@"):
            _iris_pruefen(wert)
        else:
            _iri(schluessel)
            _iris_pruefen(wert)


def _iri(wert) -> None:
    if not isinstance(wert, str) or not _ABSOLUT.match(wert) or wert.startswith("_:"):
        raise NichtEindeutig(f"Keine absolute IRI: {str(wert)[:80]}")
    if wert.startswith(VOCAB_AUSSTELLERABHAENGIG):
        raise NichtEindeutig(
            f"Begriff ohne Definition im Kontext: {wert[len(VOCAB_AUSSTELLERABHAENGIG) :][:80]}"
        )


def _vergleichbar(wert) -> str:
    """JSON text where a single value and a one-element array are the same (JSON-LD does not
    distinguish them); everything else, including number and boolean types, must match."""

    def normal(x):
        if isinstance(x, dict):
            return {
                k: [normal(e) for e in (v if isinstance(v, list) else [v])] for k, v in x.items()
            }
        if isinstance(x, list):
            return [normal(e) for e in x]
        return x

    return json.dumps(normal(wert), sort_keys=True, ensure_ascii=False)


def _iri_schluessel(knoten) -> bool:
    if isinstance(knoten, list):
        return any(_iri_schluessel(eintrag) for eintrag in knoten)
    if isinstance(knoten, dict):
        return any(
            (":" in schluessel and schluessel != "@context") or _iri_schluessel(wert)
            for schluessel, wert in knoten.items()
            if schluessel != "@context"
        )
    return False


def streng_kompakt(dokument: dict, *, kontext: list[str]) -> dict:
    """The document as JSON-LD reads it: expanded and compacted again under exactly `kontext`.

    Refuses (NichtEindeutig) when the round trip changes anything: a key that expansion drops or
    that resolves only through `@vocab`, a term re-mapped by an embedded context, a property given
    twice (short name and full IRI), a relative IRI, a type coercion the context would not
    produce. Whatever passes is read from the returned form only, never from the upload."""
    if dokument.get("@context") != kontext:
        raise NichtEindeutig("Der Kontext ist nicht der erwartete.")
    try:
        erweitert = jsonld.expand(dokument, _optionen())
        budget_pruefen()
        _iris_pruefen(erweitert)
        kompakt = jsonld.compact(erweitert, {"@context": kontext}, _optionen())
        budget_pruefen()
    except BudgetErschoepft:
        raise
    except NichtEindeutig:
        raise
    except (jsonld.JsonLdError, RecursionError, ValueError, TypeError) as fehler:
        # pyld raises plain Python errors on some malformed input, too.
        raise NichtEindeutig(str(fehler)[:200]) from fehler
    if _vergleichbar(kompakt) != _vergleichbar(dokument):
        raise NichtEindeutig("Das Dokument ändert sich beim Lesen als JSON-LD.")
    if _iri_schluessel(kompakt):
        # A property no term of the context names (e.g. validFrom as a plain-string full IRI).
        raise NichtEindeutig("Eigenschaft ohne Begriff im Kontext.")
    return {**kompakt, "@context": list(kontext)}  # compaction shortens a one-entry list
