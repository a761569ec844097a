"""The scope a certificate states: the lessons' learning time per module and the cohort's
in-person hours, from the data (the PDF and the Open Badge say the same)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from kurse.models import stunden_text
from kurse.selectors import kursstrukturen

from .models import Zertifikat


@dataclass(frozen=True)
class ModulZeile:
    nummer: int
    titel: str
    stunden: str  # German decimal, e.g. "2,5"


@dataclass(frozen=True)
class Umfang:
    gesamt: str
    online: str
    praesenz: str  # empty without in-person days


def _stunden(minuten: int) -> str:
    halbe = round(minuten / 30)  # to the half hour
    return f"{halbe / 2:.1f}".replace(".", ",").removesuffix(",0")


def modulzeilen(zertifikat: Zertifikat) -> list[ModulZeile]:
    kurs = zertifikat.anmeldung.durchgang.kurs
    struktur = kursstrukturen(kurse=[kurs])[kurs.pk]
    return [
        ModulZeile(
            nummer=nummer,
            titel=modul.title,
            stunden=_stunden(sum(lektion.minuten for lektion in lektionen)),
        )
        for nummer, (modul, lektionen) in enumerate(struktur.module, start=1)
    ]


def umfang(zertifikat: Zertifikat, *, module: list[ModulZeile] | None = None) -> Umfang:
    if module is None:
        module = modulzeilen(zertifikat)
    # Summed as printed per module (to the half hour), so the lines add up to the total.
    online_minuten = 30 * sum(round(float(m.stunden.replace(",", ".")) * 2) for m in module)
    termine = zertifikat.anmeldung.durchgang.praesenztermine.all()
    praesenz = sum((t.stunden or 0 for t in termine), Decimal(0))
    return Umfang(
        gesamt=_stunden(online_minuten + int(praesenz * 60)),
        online=_stunden(online_minuten),
        praesenz=stunden_text(praesenz) if praesenz else "",
    )
