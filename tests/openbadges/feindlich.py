"""A corpus of hostile variants of a credential our code issued (tests/openbadges and
bench/openbadges.py): each with the reason our verifier must give. The DCC verifier must refuse
every one, too (test_feindlich.py).

Families: term re-definition by extra, scoped or `@protected`-overriding contexts; a property
under its full IRI next to (or instead of) its short name; terms only `@vocab` knows; type
coercion; keys of another DID or missing from our DID document; wrong proof purpose or suite;
dates outside validity (signed by us); revocation; the status list credential presented as a
badge; blank-node cliques; deep nesting and bulk.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from openbadges.did import aussteller_did
from openbadges.integritaet import (
    CRYPTOSUITE,
    PROOF_TYP,
    SCHLUESSEL_FREMD,
    SIGNATUR_FALSCH,
    VERFAHREN_UNBEKANNT,
    ZWECK_FALSCH,
    _hashdaten,
)
from openbadges.kanonisierung import OB_V3, VC_V2
from openbadges.multibase import z_kodieren
from openbadges.pruefung import (
    ABGELAUFEN,
    FREMDER_AUSSTELLER,
    KEIN_NACHWEIS,
    KONTEXT_FALSCH,
    NICHT_EINDEUTIG,
    NOCH_NICHT_GUELTIG,
    STATUSLISTE_STATT_NACHWEIS,
)
from openbadges.schluessel import Schluessel
from openbadges.struktur import (
    AUFBAU_FALSCH,
    SCHLUESSELWORT,
    ZU_UMFANGREICH,
    ZU_VIELE_LEERE_KNOTEN,
)

#: Our verdict for a genuine but revoked credential (no exception: "echt, aber widerrufen").
WIDERRUFEN = "widerrufen"
OB = "https://purl.imsglobal.org/spec/vc/ob/vocab.html#"
STATUS = "https://www.w3.org/ns/credentials/status#"


@dataclass(frozen=True)
class Variante:
    name: str
    dokument: dict
    grund: str


def fremder_schluessel(kennung: str = "fremd") -> Schluessel:
    privat = Ed25519PrivateKey.generate()
    return Schluessel(kennung=kennung, oeffentlich=privat.public_key(), privat=privat)


def signiert(
    dokument: dict, *, schluessel: Schluessel, methode: str, zweck: str = "assertionMethod"
) -> dict:
    """`dokument` without its proof, signed anew (any key, any purpose)."""
    ohne = {k: v for k, v in dokument.items() if k != "proof"}
    proof = {
        "type": PROOF_TYP,
        "cryptosuite": CRYPTOSUITE,
        "created": "2026-01-01T00:00:00Z",
        "verificationMethod": methode,
        "proofPurpose": zweck,
    }
    signatur = schluessel.privat.sign(_hashdaten(ohne, proof))
    return {**ohne, "proof": {**proof, "proofValue": z_kodieren(signatur)}}


def _aufbau(feld: str) -> str:
    return str(AUFBAU_FALSCH).format(feld=feld)


def _clique(anzahl: int) -> list:
    """Blank nodes each linked to every other: exponential work for RDFC without a budget."""
    return [
        {
            "id": f"_:b{i}",
            "type": ["Alignment"],
            "targetName": "x",
            "targetUrl": "https://example.org/",
            "alignment": [{"id": f"_:b{j}"} for j in range(anzahl) if j != i],
        }
        for i in range(anzahl)
    ]


def korpus(*, echt: dict, liste: dict, widerrufen: dict, unser: Schluessel) -> list[Variante]:
    """The hostile variants of the genuine credential `echt` (see the module text)."""
    did = aussteller_did()
    methode = echt["proof"]["verificationMethod"]
    fremd = fremder_schluessel()
    varianten: list[Variante] = []

    def variante(name: str, grund, aendern=None, *, dokument=None) -> None:
        if dokument is None:
            dokument = copy.deepcopy(echt)
            aendern(dokument)
        varianten.append(Variante(name, dokument, str(grund)))

    def mit_kontext(kontext):
        return lambda c: c.update({"@context": kontext})

    def achievement(c):
        return c["credentialSubject"]["achievement"]

    # --- the context: exactly ours, nothing re-mapped -------------------------------------
    variante(
        "kontext-inline-umdeutung",
        KONTEXT_FALSCH,
        mit_kontext([VC_V2, OB_V3, {"name": "https://example.org/falscher-name"}]),
    )

    def protected_ueberschrieben(c):
        # A property-scoped context may override protected terms: "name" in the achievement
        # would no longer be schema:name, so the invented name looks unsigned to a naive reader.
        c["@context"] = [
            VC_V2,
            OB_V3,
            {
                "@version": 1.1,
                "achievement": {
                    "@id": OB + "achievement",
                    "@context": {"name": "https://example.org/unsigniert"},
                },
            },
        ]
        achievement(c)["name"] = "Erfundener Kurs"

    variante("kontext-protected-ueberschrieben", KONTEXT_FALSCH, protected_ueberschrieben)
    variante(
        "kontext-vocab",
        KONTEXT_FALSCH,
        lambda c: c.update({"@context": [VC_V2, OB_V3, {"@vocab": OB}], "kurs": "Erfunden"}),
    )
    variante(
        "kontext-fremde-url",
        KONTEXT_FALSCH,
        mit_kontext([VC_V2, OB_V3, "https://example.org/kontext.jsonld"]),
    )
    variante("kontext-reihenfolge", KONTEXT_FALSCH, mit_kontext([OB_V3, VC_V2]))
    variante("kontext-ohne-ob", KONTEXT_FALSCH, mit_kontext([VC_V2]))
    variante(
        "kontext-eingebettet-scoped",
        SCHLUESSELWORT,
        lambda c: achievement(c).update(
            {"@context": {"name": "https://example.org/unsigniert"}, "name": "Erfundener Kurs"}
        ),
    )
    variante(
        "schluesselwort-oben",
        SCHLUESSELWORT,
        lambda c: c.update({"@included": [{"id": "urn:x", "name": "Erfundener Kurs"}]}),
    )

    # --- one property, two spellings; terms only @vocab knows ------------------------------
    variante(
        "voller-iri-neben-kurzname",
        NICHT_EINDEUTIG,
        lambda c: achievement(c).update({"https://schema.org/name": "Erfundener Kurs"}),
    )

    def nur_voller_iri(c):
        achievement(c)["https://schema.org/name"] = achievement(c).pop("name") + " (erfunden)"

    variante(
        "voller-iri-statt-kurzname", _aufbau("credentialSubject.achievement.name"), nur_voller_iri
    )
    variante(
        "statusindex-voller-iri",
        NICHT_EINDEUTIG,
        lambda c: c["credentialStatus"].update({STATUS + "statusListIndex": "0"}),
    )
    variante(
        "gueltig-ab-voller-iri",
        NICHT_EINDEUTIG,
        lambda c: c.update(
            {"https://www.w3.org/2018/credentials#validFrom": "2020-01-01T00:00:00Z"}
        ),
    )
    variante(
        "begriff-nur-ueber-vocab", NICHT_EINDEUTIG, lambda c: c.update(kursname="Erfundener Kurs")
    )
    variante(
        "typ-nur-ueber-vocab",
        NICHT_EINDEUTIG,
        lambda c: c["credentialSubject"].update(type=["AchievementSubject", "Meisterbrief"]),
    )

    # --- type coercion ---------------------------------------------------------------------
    variante(
        "typzwang-wertobjekt",
        SCHLUESSELWORT,
        lambda c: c.update(
            validFrom={
                "@value": "2020-01-01T00:00:00Z",
                "@type": "http://www.w3.org/2001/XMLSchema#string",
            }
        ),
    )
    variante(
        "typzwang-index-als-zahl",
        _aufbau("credentialStatus.statusListIndex"),
        lambda c: c["credentialStatus"].update(statusListIndex=0),
    )
    variante(
        "typzwang-boolean-als-text",
        _aufbau("credentialSubject.identifier.0.hashed"),
        lambda c: c["credentialSubject"]["identifier"][0].update(hashed="false"),
    )
    variante(
        "relativer-iri",
        _aufbau("credentialSubject.achievement.id"),
        lambda c: achievement(c).update(id="kurs/1"),
    )

    # --- keys, purpose, suite ----------------------------------------------------------------
    variante(
        "schluessel-fremder-did",
        SCHLUESSEL_FREMD,
        dokument=signiert(echt, schluessel=fremd, methode="did:web:example.org#fremd"),
    )
    variante(
        "methode-fehlt-im-did-dokument",
        SCHLUESSEL_FREMD,
        dokument=signiert(echt, schluessel=fremd, methode=f"{did}#ob-unbekannt"),
    )
    fremder_aussteller = copy.deepcopy(echt)
    fremder_aussteller["issuer"]["id"] = "did:web:example.org"
    variante(
        "fremder-aussteller",
        FREMDER_AUSSTELLER,
        dokument=signiert(
            fremder_aussteller, schluessel=fremd, methode="did:web:example.org#fremd"
        ),
    )
    variante(
        "falscher-proof-zweck",
        ZWECK_FALSCH,
        dokument=signiert(echt, schluessel=unser, methode=methode, zweck="authentication"),
    )
    variante(
        "falsches-verfahren",
        VERFAHREN_UNBEKANNT,
        lambda c: c["proof"].update(cryptosuite="ecdsa-rdfc-2019"),
    )
    variante("ohne-proof", _aufbau("proof"), lambda c: c.pop("proof"))
    variante(
        "typ-ohne-openbadgecredential",
        KEIN_NACHWEIS,
        lambda c: c.update(type=["VerifiableCredential"]),
    )

    # --- signed by us, but not valid now -----------------------------------------------------
    kuenftig = {**echt, "validFrom": "2099-01-01T00:00:00Z"}
    variante(
        "noch-nicht-gueltig",
        str(NOCH_NICHT_GUELTIG).format(datum="2099-01-01T00:00:00Z"),
        dokument=signiert(kuenftig, schluessel=unser, methode=methode),
    )
    abgelaufen = {**echt, "validUntil": "2021-01-01T00:00:00Z"}
    variante(
        "abgelaufen",
        str(ABGELAUFEN).format(datum="2021-01-01T00:00:00Z"),
        dokument=signiert(abgelaufen, schluessel=unser, methode=methode),
    )
    variante("widerrufen", WIDERRUFEN, dokument=copy.deepcopy(widerrufen))

    # --- content changed: the signature ------------------------------------------------------
    variante(
        "kursname-erfunden",
        SIGNATUR_FALSCH,
        lambda c: achievement(c).update(name="Erfundener Kurs"),
    )
    variante(
        "gueltig-ab-erfunden",
        SIGNATUR_FALSCH,
        lambda c: c.update(validFrom="2020-01-01T00:00:00Z"),
    )

    def index_gewaehlt(c):
        eintrag = c["credentialStatus"]
        eintrag["statusListIndex"] = "7"
        eintrag["id"] = eintrag["statusListCredential"] + "#7"

    variante("statuseintrag-gewaehlt", SIGNATUR_FALSCH, index_gewaehlt)

    # --- the status list credential as a badge ----------------------------------------------
    als_badge = copy.deepcopy(liste)
    als_badge["@context"] = [VC_V2, OB_V3]
    als_badge["type"] = [
        "VerifiableCredential",
        "BitstringStatusListCredential",
        "OpenBadgeCredential",
    ]
    variante("statusliste-als-nachweis", STATUSLISTE_STATT_NACHWEIS, dokument=als_badge)

    # --- work: blank-node cliques, depth, bulk ----------------------------------------------
    variante(
        "leere-knoten-clique",
        ZU_VIELE_LEERE_KNOTEN,
        lambda c: achievement(c).update(alignment=_clique(8)),
    )
    variante(
        "leere-knoten-mit-kennung",
        NICHT_EINDEUTIG,
        lambda c: achievement(c).update(alignment=_clique(3)),
    )

    def tief(c):
        knoten = achievement(c)
        for _ in range(40):
            knoten["criteria"] = {"id": "urn:x", "narrative": "x"}
            knoten = knoten["criteria"]

    variante("tiefe-verschachtelung", ZU_UMFANGREICH, tief)
    variante(
        "viele-werte",
        ZU_UMFANGREICH,
        lambda c: achievement(c).update(description=[f"Zeile {i}" for i in range(500)]),
    )
    return varianten
