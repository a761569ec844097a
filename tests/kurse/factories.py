"""Test data for courses and enrolments, built through the services (pages: Wagtail's tree API)."""

from __future__ import annotations

import datetime
import itertools

from django.utils import timezone
from wagtail.rich_text import RichText

from cms.models import HomePage
from kern import rollen
from kern.models import Kreis
from kurse.models import Durchgang, KursSeite, LektionErledigt, LektionSeite, ModulSeite
from kurse.services import durchgang_anlegen, lektion_abschliessen, praesenztermin_anlegen
from teilnehmende import einwilligung
from teilnehmende.models import Anmeldung, Anwesenheit
from teilnehmende.services import anmeldung_erstellen, anwesenheitsstunden_nachrechnen
from tests.conftest import _konto

_laufende_nummer = itertools.count(1)


def lektion_inhalt(titel: str) -> list[tuple]:
    return [
        ("text", RichText(f"<p>Inhalt der Lektion {titel}.</p>")),
        ("hinweis", {"titel": "Merke", "text": RichText("<p>Ein Hinweis.</p>")}),
    ]


def kurs_anlegen(
    *, module: int = 2, lektionen: int = 2, freiwillig_je_modul: int = 0, slug: str | None = None
) -> KursSeite:
    """A live course below the home page: `module` × (`lektionen` required + optional ones)."""
    home = HomePage.objects.get()
    nummer = next(_laufende_nummer)
    kurs = KursSeite(
        title=f"Testkurs {nummer}",
        slug=slug or f"testkurs-{nummer}",
        zusammenfassung="Ein Kurs zum Testen.",
        zielgruppe="Fachkräfte in Kommunen",
        stunden=40,
    )
    home.add_child(instance=kurs)
    for m in range(1, module + 1):
        modul = ModulSeite(
            title=f"Modul {m} von Kurs {nummer}",
            slug=f"modul-{m}",
            lernziele="<ul><li>Ziel</li></ul>",
        )
        kurs.add_child(instance=modul)
        for n in range(1, lektionen + freiwillig_je_modul + 1):
            titel = f"Lektion {m}.{n}"
            modul.add_child(
                instance=LektionSeite(
                    title=titel,
                    slug=f"lektion-{n}",
                    pflicht=n <= lektionen,
                    minuten=15,
                    inhalt=lektion_inhalt(titel),
                )
            )
    return kurs


def durchgang_fuer(kurs: KursSeite, *, kapazitaet: int = 10, trainer=(), **felder) -> Durchgang:
    heute = timezone.localdate()
    werte = {
        "titel": f"Durchgang {next(_laufende_nummer)}",
        "beginn": heute + datetime.timedelta(days=14),
        "ende": heute + datetime.timedelta(days=300),
        "anmeldung_von": heute - datetime.timedelta(days=30),
        "anmeldung_bis": heute + datetime.timedelta(days=10),
    } | felder
    return durchgang_anlegen(kurs=kurs, kapazitaet=kapazitaet, trainer=trainer, **werte)


def eintrittsdaten(**abweichend) -> dict:
    return {
        "geschlecht": "weiblich",
        "geburtsjahr": 1985,
        "erwerbsstatus": "erwerbstaetig",
        "bildung": "isced_5_8",
        "organisationsart": "kommune",
        "organisation": "Stadt Hamm, Jugendamt",
        "kommune": "Hamm",
        "kreis": Kreis.objects.get(schluessel="05915"),
    } | abweichend


def person(name: str | None = None, rolle: str = rollen.TEILNEHMENDE):
    """A verified account `<name>@test.example` (like the role fixtures of tests/conftest.py)."""
    return _konto(name or f"person{next(_laufende_nummer)}", rolle)


def anmelden(nutzer, durchgang: Durchgang, *, anwesenheit_pruefen: bool = False, **abweichend):
    """Enrol like an administrator would: scenarios put people into cohorts that have run for a
    while, so the "threshold still reachable" rule is off here (tested on its own)."""
    return anmeldung_erstellen(
        nutzer=nutzer,
        durchgang=durchgang,
        eintrittsdaten=eintrittsdaten(**abweichend),
        einwilligung_textversion=einwilligung.TEXTVERSION,
        anwesenheit_pruefen=anwesenheit_pruefen,
    )


def pflichtlektionen(kurs: KursSeite) -> list[LektionSeite]:
    return list(LektionSeite.objects.descendant_of(kurs).filter(pflicht=True).order_by("path"))


def lernlage_anlegen(*, module: int, lektionen: int, weitere: int, name: str = "ich") -> dict:
    """A participant ("ich") with 3 completed lessons in a course of `module` × (`lektionen` + 1
    optional) lessons, sharing the cohort with `weitere` people at varied progress; plus a
    waiting enrolment elsewhere and an open cohort, so every dashboard section shows.
    Used by the query-count tests and bench/dashboard.py."""
    kurs = kurs_anlegen(module=module, lektionen=lektionen, freiwillig_je_modul=1)
    trainerin = person(f"{name}-trainerin", rollen.TRAINER)
    durchgang = durchgang_fuer(kurs, kapazitaet=weitere + 1, trainer=[trainerin])
    ich = person(name)
    anmelden(ich, durchgang)
    alle = list(LektionSeite.objects.descendant_of(kurs).order_by("path"))
    for lektion in alle[:3]:
        lektion_abschliessen(nutzer=ich, lektion=lektion)
    andere = [person() for _ in range(weitere)]
    for nutzer in andere:
        anmelden(nutzer, durchgang)
    # Volume only: the others' completions are written in bulk (the service is tested elsewhere).
    LektionErledigt.objects.bulk_create(
        LektionErledigt(nutzer=nutzer, lektion=lektion)
        for nummer, nutzer in enumerate(andere)
        for lektion in alle[: nummer % len(alle)]
    )
    # Two in-person days; volume only: attendance at the first is written in bulk (the cohort
    # lies in the future, where the service takes no attendance yet).
    termine = [
        praesenztermin_anlegen(
            durchgang=durchgang,
            titel=f"Präsenztag {tag}",
            datum=durchgang.beginn + datetime.timedelta(days=tag),
            beginn=datetime.time(9),
            ende=datetime.time(16),
            unterrichtseinheiten=8,
            ort="Münster",
        )
        for tag in (0, 1)
    ]
    Anwesenheit.objects.bulk_create(
        Anwesenheit(anmeldung=anmeldung, termin=termine[0], status="anwesend", stunden=6)
        for anmeldung in Anmeldung.objects.filter(durchgang=durchgang)
    )
    anwesenheitsstunden_nachrechnen(Anmeldung.objects.filter(durchgang=durchgang))
    voll = durchgang_fuer(kurs_anlegen(module=1, lektionen=1), kapazitaet=1)
    anmelden(person(), voll)
    anmelden(ich, voll)
    durchgang_fuer(kurs_anlegen(module=1, lektionen=1))
    return {"ich": ich, "lektion": alle[1], "trainerin": trainerin, "durchgang": durchgang}
