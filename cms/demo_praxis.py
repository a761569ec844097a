"""Demo content of the good-practice library: the index page and the examples of
cms/demo_praxisbeispiele.py (facts from the five seed articles, own wording). Idempotent."""

from __future__ import annotations

from django.utils.text import slugify
from wagtail.rich_text import RichText

from . import demo_praxisbeispiele
from .demo import als_html
from .models import HomePage, Praxisbeispiel
from .praxis import UMLAUTE
from .services import (
    kommune_sicherstellen,
    praxisbeispiel_anlegen,
    praxisbeispiel_index_sicherstellen,
    startseite_sicherstellen,
)

INDEX_TITEL = "Praxisbeispiele"
INDEX_EINLEITUNG = (
    "<p>Wie bauen Kommunen in Nordrhein-Westfalen ihre Präventionsketten auf? Hier finden Sie "
    "Beispiele aus der Praxis – von Babylotsinnen in Geburtskliniken bis zur Steuerungsgruppe "
    "auf Leitungsebene. Filtern Sie nach Phase, Handlungsfeld, Programm, Angebotsart, Kreis und "
    "Kommune oder suchen Sie nach einem Stichwort.</p>"
)


def slug_fuer(titel: str, laenge: int = 80) -> str:
    slug = slugify(titel.translate(UMLAUTE))
    return slug if len(slug) <= laenge else slug[:laenge].rsplit("-", 1)[0]


def als_stream(bloecke) -> list[tuple]:
    stream = []
    for typ, wert in bloecke:
        if typ == "text":
            stream.append(("text", RichText(als_html(wert))))
        elif typ == "zitat":
            stream.append(("zitat", {"text": wert["text"], "quelle": wert.get("quelle", "")}))
        elif typ == "kennzahlen":
            stream.append(("kennzahlen", [dict(zahl) for zahl in wert]))
        else:
            raise ValueError(f"Unbekannter Blocktyp in den Demo-Praxisbeispielen: {typ}")
    return stream


def anlegen(ausgabe) -> None:
    home = HomePage.objects.first() or startseite_sicherstellen(titel="Lernkette")
    index = praxisbeispiel_index_sicherstellen(
        home=home, titel=INDEX_TITEL, einleitung=INDEX_EINLEITUNG
    )
    neu = 0
    for daten in demo_praxisbeispiele.PRAXISBEISPIELE:
        slug = slug_fuer(daten["titel"])
        if Praxisbeispiel.objects.child_of(index).filter(slug=slug).exists():
            continue
        praxisbeispiel_anlegen(
            index=index,
            slug=slug,
            titel=daten["titel"],
            teaser=daten["teaser"],
            kommune=kommune_sicherstellen(name=daten["kommune"], kreis=daten["kreis_schluessel"]),
            phasen=daten["phasen"],
            handlungsfelder=daten["handlungsfelder"],
            programm=daten["programm"],
            angebotsart=daten["angebotsart"],
            startjahr=daten["startjahr"],
            inhalt=als_stream(daten["inhalt"]),
            partner=daten["partner"],
            kontakt=daten["kontakt"],
        )
        neu += 1
    gesamt = Praxisbeispiel.objects.child_of(index).live().count()
    ausgabe.write(f"Praxisbeispiele: {gesamt} veröffentlicht ({neu} neu angelegt)")
