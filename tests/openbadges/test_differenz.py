"""Differential test: hypothesis mutates a genuine credential (change, drop, add or re-map a key,
change the context) and our verdict must equal the independent DCC verifier's for every mutation
(4 batches of 55 = 220 mutations, one Node process per batch).

Left out on purpose, because they keep the signed graph and so the DCC verifier accepts them
while we refuse them (we accept only the exact form we issue; test_schreibweisen below shows
each): a key re-spelt as its own full IRI, an alias type (AchievementCredential), a `null`
value, a repeated or unused context entry, a string for a coerced boolean; and the status list
credential itself (a genuine credential of ours, but no badge)."""

from __future__ import annotations

import copy
import time

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from openbadges.did import did_dokument
from openbadges.kanonisierung import OB_V3, VC_V2
from openbadges.models import Statusliste
from openbadges.pruefung import nachweis_pruefen
from openbadges.services import NachweisUngueltig, openbadge_ausstellen, statusliste_credential
from tests.openbadges import dcc

pytestmark = pytest.mark.django_db

STAPEL = 4
JE_STAPEL = 55

#: Keys to add or re-map to: terms of our context (in the wrong place, too), and others.
BEGRIFFE = [
    "name",
    "description",
    "id",
    "type",
    "validUntil",
    "url",
    "narrative",
    "achievementType",
    "salt",
    "statusPurpose",
    "targetName",
    "https://example.org/eigenschaft",
]
#: Terms the contexts define at the top level, protected: an extra context re-mapping one fails.
#: (Terms of type-scoped contexts, like credentialSubject, win over an extra context anyway.)
GESCHUETZT = ["name", "description", "narrative", "url"]


def _knoten(dokument):
    """(path, container) of every dict and list, and the paths of all keys and leaves."""
    objekte, schluessel, blaetter, listen = [], [], [], []

    def gehen(wert, pfad):
        if isinstance(wert, dict):
            objekte.append(pfad)
            for k, v in wert.items():
                schluessel.append((*pfad, k))
                gehen(v, (*pfad, k))
        elif isinstance(wert, list):
            for i, v in enumerate(wert):
                listen.append((*pfad, i))
                gehen(v, (*pfad, i))
        else:
            blaetter.append(pfad)

    gehen(dokument, ())
    return {"objekte": objekte, "schluessel": schluessel, "blaetter": blaetter, "listen": listen}


def _holen(dokument, pfad):
    for teil in pfad:
        dokument = dokument[teil]
    return dokument


def _anwenden(echt: dict, mutation: tuple) -> dict:
    dokument = copy.deepcopy(echt)
    art, *daten = mutation
    orte = _knoten(dokument)
    if art == "aendern":
        index, text = daten
        pfad = orte["blaetter"][index % len(orte["blaetter"])]
        eltern, letzter = _holen(dokument, pfad[:-1]), pfad[-1]
        alt = eltern[letzter]
        eltern[letzter] = (
            (not alt) if isinstance(alt, bool) else (text if text != alt else text + "x")
        )
    elif art == "entfernen":
        index, aus_liste = daten
        pfade = orte["listen"] if aus_liste else orte["schluessel"]
        pfad = pfade[index % len(pfade)]
        del _holen(dokument, pfad[:-1])[pfad[-1]]
    elif art == "hinzufuegen":
        index, schluessel, wert = daten
        ziel = _holen(dokument, orte["objekte"][index % len(orte["objekte"])])
        if ziel.get(schluessel) == wert:
            wert = f"{wert}x"
        ziel[schluessel] = wert
    elif art == "umbenennen":
        index, neu = daten
        pfad = orte["schluessel"][index % len(orte["schluessel"])]
        eltern = _holen(dokument, pfad[:-1])
        if pfad[-1] == neu:
            neu = "https://example.org/eigenschaft"
        eltern[neu] = eltern.pop(pfad[-1])
    elif art == "kontext":
        (wahl,) = daten
        kontext = dokument["@context"]
        if wahl in GESCHUETZT:
            kontext.append({wahl: f"https://example.org/{wahl}"})
        elif wahl == "fremd":
            kontext.append("https://example.org/kontext.jsonld")
        elif wahl == "vertauscht":
            kontext.reverse()
        else:
            kontext.remove(OB_V3)
    return dokument


_text = st.text(min_size=1, max_size=12)
MUTATION = st.one_of(
    st.tuples(st.just("aendern"), st.integers(0, 10**6), _text),
    st.tuples(st.just("entfernen"), st.integers(0, 10**6), st.booleans()),
    st.tuples(
        st.just("hinzufuegen"),
        st.integers(0, 10**6),
        st.sampled_from(BEGRIFFE) | st.from_regex(r"[a-z][A-Za-z]{2,10}", fullmatch=True),
        _text | st.integers(-5, 5) | st.booleans(),
    ),
    st.tuples(st.just("umbenennen"), st.integers(0, 10**6), st.sampled_from(BEGRIFFE)),
    st.tuples(st.just("kontext"), st.sampled_from([*GESCHUETZT, "fremd", "vertauscht", "ohne-ob"])),
)


def _unser_urteil(dokument) -> bool:
    try:
        return nachweis_pruefen(dokument).gueltig
    except NachweisUngueltig:
        return False


@pytest.fixture
def echt_und_listen(zertifikat):
    echt = openbadge_ausstellen(zertifikat=zertifikat).credential
    listen = [statusliste_credential(statusliste=liste) for liste in Statusliste.objects.all()]
    return echt, listen


def test_unser_urteil_gleich_dem_dcc_pruefer(echt_und_listen, tmp_path):
    node = dcc.pruefer_bereit()
    echt, listen = echt_und_listen
    gezaehlt = []

    @settings(
        max_examples=STAPEL,
        deadline=None,
        database=None,
        # No shrinking: every step would be a Node run; the failing batch lists its mutations.
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(st.lists(MUTATION, min_size=JE_STAPEL, max_size=JE_STAPEL, unique=True))
    def stapel(mutationen):
        start = time.monotonic()
        dokumente = [echt, *(_anwenden(echt, m) for m in mutationen)]
        unsere = [_unser_urteil(d) for d in dokumente]
        ihre = dcc.stapel(node, tmp_path, dokumente, did=did_dokument(), statuslisten=listen)
        assert unsere[0] is True and ihre[0]["verified"] is True
        abweichend = [
            (m, u, i["fehler"][:2])
            for m, u, i in zip(mutationen, unsere[1:], ihre[1:], strict=True)
            if u != i["verified"]
        ]
        assert abweichend == []
        gezaehlt.append((len(mutationen), time.monotonic() - start))

    stapel()
    assert sum(anzahl for anzahl, _ in gezaehlt) >= 200, gezaehlt
    print("Stapel (Anzahl, Sekunden):", gezaehlt)


def test_schreibweisen(echt_und_listen, tmp_path):
    """The same signed graph in another spelling: the DCC verifier accepts, we refuse (we read
    only the exact form we issue, so nothing unsigned can slip into what the page shows)."""
    node = dcc.pruefer_bereit()
    echt, listen = echt_und_listen

    def geaendert(aendern):
        dokument = copy.deepcopy(echt)
        aendern(dokument)
        return dokument

    schreibweisen = [
        geaendert(lambda c: c.update(type=["VerifiableCredential", "AchievementCredential"])),
        geaendert(lambda c: c.update({"https://schema.org/name": c.pop("name")})),
        geaendert(lambda c: c["credentialSubject"]["identifier"][0].update(hashed="true")),
        geaendert(lambda c: c.update(description=None)),
        geaendert(lambda c: c["@context"].append(VC_V2)),
        geaendert(lambda c: c["@context"].append({"unbenutzt": "https://example.org/u"})),
        # A genuine credential of ours, but not a badge: the status list itself.
        listen[0],
    ]
    ihre = dcc.stapel(node, tmp_path, schreibweisen, did=did_dokument(), statuslisten=listen)
    assert [i["verified"] for i in ihre] == [True] * len(schreibweisen)
    assert [_unser_urteil(d) for d in schreibweisen] == [False] * len(schreibweisen)
