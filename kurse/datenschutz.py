"""Personal data of the learning progress (kern/datenschutz.py registry)."""

from __future__ import annotations

from kern.datenschutz import registrieren

from .models import LektionErledigt


def exportieren(nutzer) -> dict:
    return {
        "erledigte_lektionen": [
            {"lektion": e.lektion.title, "url": e.lektion.url, "erledigt_am": e.erledigt_am}
            for e in LektionErledigt.objects.filter(nutzer=nutzer)
            .select_related("lektion")
            .order_by("erledigt_am", "pk")
        ]
    }


def anonymisieren(nutzer) -> None:
    # Progress is not part of funders' figures (completions come from the enrolment status).
    LektionErledigt.objects.filter(nutzer=nutzer).delete()


registrieren(
    "kurse",
    exporter=exportieren,
    anonymisierer=anonymisieren,
    reihenfolge=50,
    modelle=["kurse.LektionErledigt"],
)
