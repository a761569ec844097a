"""The shape of an uploaded document, checked before any JSON-LD processing: size and depth no
larger than ours, no JSON-LD keywords inside, few objects without `id` (blank nodes), and the
required fields and types of the data model (JSON Schema in `schema/`, written from the specs;
sources in each file's `$comment`)."""

from __future__ import annotations

import json
import math
from functools import cache
from pathlib import Path

from django.utils.translation import gettext_lazy as _
from jsonschema import Draft202012Validator
from jsonschema.exceptions import best_match
from referencing import Registry, Resource

from .kanonisierung import MAX_LEERE_KNOTEN

SCHEMATA = Path(__file__).parent / "schema"
NACHWEIS_SCHEMA = "ob_v3p0_achievementcredential.json"
STATUSLISTE_SCHEMA = "bitstringstatuslistcredential.json"

#: Ours nest five levels deep and hold about 60 values; far above that is not ours.
MAX_TIEFE = 8
MAX_WERTE = 400

ZU_UMFANGREICH = _(
    "Der Nachweis ist tiefer verschachtelt oder umfangreicher als jeder Nachweis der Lernkette "
    "und wird nicht geprüft."
)
ZU_VIELE_LEERE_KNOTEN = _(
    "Der Nachweis enthält mehr Objekte ohne Kennung (leere Knoten) als jeder Nachweis der "
    "Lernkette und wird nicht geprüft."
)
SCHLUESSELWORT = _(
    "Der Nachweis enthält JSON-LD-Schlüsselwörter (wie „@context“, „@id“ oder „@type“) im "
    "Inneren. Nachweise der Lernkette haben keine; sie könnten Felder umdeuten."
)
UNGUELTIGER_WERT = _(
    "Der Nachweis enthält ungültige Zeichen oder Zahlen (etwa einzelne Ersatzzeichen ohne "
    "Partner oder unendliche Werte)."
)
AUFBAU_FALSCH = _(
    "Der Nachweis hat nicht den Aufbau eines Open-Badges-3.0-Nachweises: Das Feld „{feld}“ "
    "fehlt oder hat einen falschen Wert."
)


class StrukturFehler(ValueError):
    """The shape is not acceptable (German message)."""


def _text_pruefen(text: str) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise StrukturFehler(UNGUELTIGER_WERT) from None


def _messen(wert, tiefe: int, zaehler: dict) -> None:
    zaehler["werte"] += 1
    if tiefe > MAX_TIEFE or zaehler["werte"] > MAX_WERTE:
        raise StrukturFehler(ZU_UMFANGREICH)
    if isinstance(wert, str):
        _text_pruefen(wert)
    elif isinstance(wert, float) and not math.isfinite(wert):
        raise StrukturFehler(UNGUELTIGER_WERT)
    if isinstance(wert, dict):
        if tiefe > 1:
            if any(schluessel.startswith("@") for schluessel in wert):
                raise StrukturFehler(SCHLUESSELWORT)
            kennung = wert.get("id")
            if not isinstance(kennung, str):
                zaehler["leer"] += 1
            elif kennung.startswith("_:"):
                zaehler["kennungen"].add(kennung)
        for schluessel, kind in wert.items():
            _text_pruefen(schluessel)
            if tiefe == 1 and schluessel.startswith("@") and schluessel != "@context":
                raise StrukturFehler(SCHLUESSELWORT)
            _messen(kind, tiefe + 1, zaehler)
    elif isinstance(wert, list):
        for kind in wert:
            _messen(kind, tiefe + 1, zaehler)


def grenzen_pruefen(dokument: dict) -> None:
    """Depth, size, keywords and blank nodes (a JSON object without `id` becomes one, and so
    does every distinct `_:` identifier)."""
    zaehler = {"werte": 0, "leer": 0, "kennungen": set()}
    _messen(dokument, 1, zaehler)
    if zaehler["leer"] + len(zaehler["kennungen"]) > MAX_LEERE_KNOTEN:
        raise StrukturFehler(ZU_VIELE_LEERE_KNOTEN)


@cache
def _pruefer(name: str) -> Draft202012Validator:
    schemata = {
        datei.name: json.loads(datei.read_text(encoding="utf-8"))
        for datei in SCHEMATA.glob("*.json")
    }
    registry = Registry().with_resources(
        (schema["$id"], Resource.from_contents(schema)) for schema in schemata.values()
    )
    return Draft202012Validator(schemata[name], registry=registry)


def schema_pruefen(dokument: dict, *, schema: str = NACHWEIS_SCHEMA) -> None:
    fehler = best_match(_pruefer(schema).iter_errors(dokument))
    if fehler is None:
        return
    pfad = [str(teil) for teil in fehler.absolute_path]
    if fehler.validator == "required":
        fehlend = [f for f in fehler.validator_value if f not in fehler.instance]
        pfad += fehlend[:1]
    feld = ".".join(pfad) or "(Dokument)"
    raise StrukturFehler(str(AUFBAU_FALSCH).format(feld=feld[:120]))
