"""Demo pages: home page, accessibility statement with feedback form, Leichte Sprache."""

from __future__ import annotations

from datetime import date

from wagtail.rich_text import RichText

from . import demo_seiten
from .models import BarrierefreiheitSeite, StandardSeite
from .services import (
    barrierefreiheitsseite_sicherstellen,
    startseite_sicherstellen,
    unterseite_sicherstellen,
)

#: Recipient of feedback on the demo site (reserved domain, see demo_seiten).
BARRIEREFREIHEIT_EMPFAENGER = "barrierefreiheit@lernkette.example"


def als_html(wert) -> str:
    """Demo texts come as HTML strings or lists of paragraphs."""
    if isinstance(wert, list | tuple):
        return "".join(als_html(teil) for teil in wert)
    wert = str(wert).strip()
    return wert if wert.startswith("<") else f"<p>{wert}</p>"


def als_stream(bloecke) -> list[tuple]:
    stream = []
    for typ, wert in bloecke:
        if typ == "hinweis":
            stream.append(
                ("hinweis", {"titel": wert["titel"], "text": RichText(als_html(wert["text"]))})
            )
        else:
            stream.append(("text", RichText(als_html(wert))))
    return stream


def anlegen(ausgabe) -> None:
    home = startseite_sicherstellen(
        titel=demo_seiten.HOME["titel"], einleitung=als_html(demo_seiten.HOME["intro"])
    )
    daten = demo_seiten.LEICHTE_SPRACHE
    unterseite_sicherstellen(
        eltern=home,
        model=StandardSeite,
        slug="leichte-sprache",
        title=daten["titel"],
        inhalt=als_stream(daten["inhalt"]),
    )
    # Databases from before the statement had its own page type hold it as a plain page.
    alt = StandardSeite.objects.child_of(home).filter(slug="barrierefreiheit").first()
    if alt is not None and not BarrierefreiheitSeite.objects.filter(pk=alt.pk).exists():
        alt.delete()
    daten = demo_seiten.BARRIEREFREIHEIT
    barrierefreiheitsseite_sicherstellen(
        eltern=home,
        titel=daten["titel"],
        stand=date.fromisoformat(daten["stand"]),
        inhalt=als_stream(daten["inhalt"]),
        empfaenger=BARRIEREFREIHEIT_EMPFAENGER,
    )
    ausgabe.write("Seiten: Startseite, Leichte Sprache, Erklärung zur Barrierefreiheit")
