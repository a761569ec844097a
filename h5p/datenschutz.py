"""H5P learning data in the DSGVO registry (kern/datenschutz.py): attempts, the raw xAPI
statements and the resume state are exported as readable JSON and deleted with the account
(funders' figures and certificates do not use them; completed lessons live in kurse)."""

from __future__ import annotations

import json

from kern.datenschutz import registrieren

from .models import H5PNutzerdaten, H5PVersuch, XAPIAussage


def _seite(objekt) -> str | None:
    return objekt.seite.title if objekt.seite_id else None


def _lesbar(daten: str):
    """The resume state as JSON when it is JSON (H5P core stores JSON text), else as text."""
    try:
        return json.loads(daten)
    except ValueError:
        return daten


def exportieren(nutzer) -> dict:
    return {
        "versuche": [
            {
                "aktivitaet": v.paket.titel,
                "seite": _seite(v),
                "abgeschlossen": v.abgeschlossen,
                "bestanden": v.bestanden,
                "beste_punktzahl": v.beste_punkte,
                "abschlussregel_erfuellt_am": v.erfuellt_am,
                "aktualisiert_am": v.aktualisiert_am,
            }
            for v in H5PVersuch.objects.filter(nutzer=nutzer)
            .select_related("paket", "seite")
            .order_by("aktualisiert_am", "pk")
        ],
        "xapi_aussagen": [
            {
                "aktivitaet": a.paket.titel,
                "seite": _seite(a),
                "verb": a.verb,
                "erhalten_am": a.erhalten_am,
                "aussage": a.aussage,
            }
            for a in XAPIAussage.objects.filter(nutzer=nutzer)
            .select_related("paket", "seite")
            .order_by("erhalten_am", "pk")
        ],
        "zwischenstaende": [
            {
                "aktivitaet": z.paket.titel,
                "seite": _seite(z),
                "datentyp": z.datentyp,
                "unterinhalt": z.unterinhalt,
                "aktualisiert_am": z.aktualisiert_am,
                "daten": _lesbar(z.daten),
            }
            for z in H5PNutzerdaten.objects.filter(nutzer=nutzer)
            .select_related("paket", "seite")
            .order_by("aktualisiert_am", "pk")
        ],
    }


def anonymisieren(nutzer) -> None:
    XAPIAussage.objects.filter(nutzer=nutzer).delete()
    H5PNutzerdaten.objects.filter(nutzer=nutzer).delete()
    H5PVersuch.objects.filter(nutzer=nutzer).delete()


registrieren(
    "h5p",
    exporter=exportieren,
    anonymisierer=anonymisieren,
    reihenfolge=50,
    modelle=["h5p.H5PVersuch", "h5p.XAPIAussage", "h5p.H5PNutzerdaten"],
)
