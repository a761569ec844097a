"""Sign-in sheet (Teilnahmeliste) of an in-person session as a printable A4 PDF (WeasyPrint)."""

from __future__ import annotations

import unicodedata

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from kurse.models import Praesenztermin

from .selectors import teilnehmende_des_durchgangs

#: The funding programme named on every sign-in sheet (ESF proof of attendance).
PROGRAMM = _("Europäischer Sozialfonds Plus (ESF Plus) in Nordrhein-Westfalen")
FOERDERHINWEIS = _(
    "Gefördert durch das Land Nordrhein-Westfalen und die Europäische Union "
    "(Europäischer Sozialfonds Plus)."
)


def teilnahmeliste_kontext(*, termin: Praesenztermin) -> dict:
    durchgang = termin.durchgang
    trainer = list(termin.trainer.order_by("last_name", "first_name")) or list(
        durchgang.trainer.order_by("last_name", "first_name")
    )
    return {
        "termin": termin,
        "durchgang": durchgang,
        "kurs": durchgang.kurs,
        "programm": PROGRAMM,
        "foerderhinweis": durchgang.kurs.foerderhinweis or FOERDERHINWEIS,
        "anmeldungen": sorted(teilnehmende_des_durchgangs(durchgang=durchgang), key=_nach_name),
        "trainer": trainer,
    }


def _nach_name(anmeldung) -> tuple[str, str]:
    """German alphabetical order: "Öztürk" next to "Ozan", not after "Z"."""

    def grundform(text: str) -> str:
        zerlegt = unicodedata.normalize("NFKD", text)
        return "".join(z for z in zerlegt if not unicodedata.combining(z)).casefold()

    nutzer = anmeldung.nutzer
    return grundform(nutzer.last_name or nutzer.listenname), grundform(nutzer.first_name)


def teilnahmeliste_pdf(*, termin: Praesenztermin) -> bytes:
    """One row per participant holding a seat (name, organisation, empty signature field)."""
    from weasyprint import HTML  # heavy import, only where a PDF is made

    with translation.override("de"):
        html = render_to_string(
            "teilnehmende/teilnahmeliste.html", teilnahmeliste_kontext(termin=termin)
        )
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf()
