"""RDF Dataset Canonicalization (RDFC-1.0, in pyld "URDNA2015") with an offline document loader.

The loader serves only the contexts bundled in `kontexte/` (copied from the npm packages the
independent verifier uses, see kontexte/QUELLEN.md) and refuses every other URL: no network at run
time, and a credential that names an unknown context cannot be verified.
"""

from __future__ import annotations

from pathlib import Path

from pyld import jsonld
from pyld.documentloader.frozen import FrozenDocumentLoader

KONTEXTE = Path(__file__).parent / "kontexte"
VC_V2 = "https://www.w3.org/ns/credentials/v2"
OB_V3 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"

#: URL → bundled file; nothing else is ever loaded.
GEBUENDELT = {
    VC_V2: KONTEXTE / "credentials-v2.json",
    OB_V3: KONTEXTE / "ob-3.0.3.json",
}

#: A canonicalisation with many blank nodes can take exponential time (poison graphs); our own
#: credentials have fewer than ten, so an uploaded document above this is refused before RDFC.
MAX_LEERE_KNOTEN = 40

_lader = FrozenDocumentLoader(documents=GEBUENDELT)


class KanonisierungFehler(ValueError):
    pass


def _optionen() -> dict:
    return {
        "algorithm": "URDNA2015",
        "format": "application/n-quads",
        "documentLoader": _lader,
        "base": None,
    }


def kanonisch(dokument: dict, *, max_leere_knoten: int | None = None) -> str:
    """The canonical N-Quads of a JSON-LD document (UTF-8 text, one quad per line)."""
    try:
        if max_leere_knoten is not None:
            quads = jsonld.to_rdf(dokument, {"documentLoader": _lader, "base": None})
            leere = {
                knoten["value"]
                for graph in quads.values()
                for quad in graph
                for knoten in (quad["subject"], quad["object"])
                if knoten["type"] == "blank node"
            }
            if len(leere) > max_leere_knoten:
                raise KanonisierungFehler("Zu viele leere Knoten im Dokument.")
        return jsonld.normalize(dokument, _optionen())
    except (jsonld.JsonLdError, RecursionError) as fehler:
        raise KanonisierungFehler(str(fehler)) from fehler
