"""The one place that lists the pages the browser tests visit. A feature that adds a page appends
it here: axe-core then checks it, and `make screenshots` photographs it."""

from __future__ import annotations

from collections.abc import Callable
from string import Formatter
from typing import NamedTuple

#: The demo course, its first module and a lesson in it (kurse.demo: the slugs).
KURS = "/kurse/praevention-kommunale-familienpolitik/"
MODUL = KURS + "grundlagen-kommunaler-praevention/"
LEKTION = MODUL + "was-ist-eine-kommunale-praeventionskette/"
#: The verification result of the demo's valid and revoked certificate. Their numbers are drawn
#: at random when the demo is created, so the path holds a placeholder: see `pfad()`.
ZERTIFIKAT_GUELTIG = "/zertifikate/pruefen/{gueltig}/"
ZERTIFIKAT_WIDERRUFEN = "/zertifikate/pruefen/{widerrufen}/"

#: Every page a visitor reaches without logging in; axe-core must find zero violations.
OEFFENTLICHE_SEITEN: list[str] = [
    "/",
    "/barrierefreiheit/",
    "/leichte-sprache/",
    "/konto/login/",
    "/konto/signup/",
    "/konto/password/reset/",
    "/gibt-es-nicht/",  # our 404 page
    "/kurse/",
    KURS,  # description, modules and the open cohort with its "anmelden" link
    MODUL,  # lesson titles only: the bodies are for participants
    "/praxisbeispiele/",
    "/praxisbeispiele/?phase=kita&q=Familie",
    "/zertifikate/pruefen/",
    "/zertifikate/pruefen/?nummer=LK-2026-0000",  # form with an error
    "/zertifikate/pruefen/LK-2026-0000-0000-0000-000J/",  # unknown number (404 with form)
    ZERTIFIKAT_GUELTIG,
    ZERTIFIKAT_WIDERRUFEN,
    "/zertifikate/openbadges/pruefen/",
    "/verbleib/kein-gueltiger-link/",  # the follow-up page with its German refusal (404)
]


class AngemeldeteSeite(NamedTuple):
    konto: str  # local part of a demo account (kern.demo.DEMO_KONTEN or "absolventin")
    pfad: str


#: Pages behind the login, each with the demo account that sees it; zero axe violations.
ANGEMELDETE_SEITEN: list[AngemeldeteSeite] = [
    AngemeldeteSeite("teilnehmerin", "/mein-lernen/"),
    AngemeldeteSeite("teilnehmerin", KURS),  # with her enrolment and progress
    AngemeldeteSeite("teilnehmerin", MODUL),
    AngemeldeteSeite("teilnehmerin", LEKTION),
    AngemeldeteSeite("teilnehmerin", "/mein-lernen/anmeldungen/{anmeldung}/stornieren/"),
    AngemeldeteSeite("teilnehmerin", "/konto/email/"),
    AngemeldeteSeite("teilnehmerin", "/konto/password/change/"),
    AngemeldeteSeite("teilnehmerin", "/konto/2fa/"),
    AngemeldeteSeite("teilnehmerin", "/konto/"),  # the account hub
    AngemeldeteSeite("teilnehmerin", "/konto/profil/"),
    AngemeldeteSeite("teilnehmerin", "/konto/profil/?next=/mein-lernen/"),
    AngemeldeteSeite("admin", "/verwaltung/"),  # the administration's start page
    AngemeldeteSeite("teilnehmerin", "/trainer/"),  # our 403 page
    AngemeldeteSeite("trainerin", "/trainer/"),
    AngemeldeteSeite("trainerin", "/trainer/durchgaenge/{durchgang}/"),
    AngemeldeteSeite("trainerin", "/trainer/begutachtungen/"),
    AngemeldeteSeite("trainerin", "/trainer/begutachtungen/?status=alle"),
    AngemeldeteSeite("trainerin", "/konto/reauthenticate/"),
    AngemeldeteSeite("foerderer", "/berichte/"),
    AngemeldeteSeite("admin", "/zertifikate/verwaltung/"),
    AngemeldeteSeite("teilnehmerin", "/konto/daten/"),
    AngemeldeteSeite("teilnehmerin", "/konto/daten/loeschen/"),
    AngemeldeteSeite("teilnehmerin", "/konto/daten/einwilligungen/"),
    AngemeldeteSeite("teilnehmerin", "/mein-lernen/einwilligung/"),
    AngemeldeteSeite("foerderer", "/berichte/?organisationsart=kommune&quartal=3"),  # with errors
    AngemeldeteSeite("admin", "/berichte/"),
    # Trainers record attendance on a phone in the seminar room (tests/browser/test_mobil.py).
    AngemeldeteSeite("trainerin", "/trainer/termine/{termin}/anwesenheit/"),
    AngemeldeteSeite("teilnehmerin", "/mein-lernen/anmeldungen/{anmeldung}/anwesenheit/"),
    AngemeldeteSeite("teilnehmerin", "/mein-lernen/praesentation/{anmeldung}/"),
    AngemeldeteSeite("teilnehmerin", "/mein-lernen/praesentation/{anmeldung}/zurueckziehen/"),
    AngemeldeteSeite("trainerin", "/trainer/begutachtungen/{praesentation}/"),
    # ESF exit and follow-up (esf/); the follow-up form itself: tests/browser/test_esf.py.
    AngemeldeteSeite("absolventin", "/mein-lernen/"),  # certificate, PDF, Open Badge, exit prompt
    AngemeldeteSeite("absolventin", "/mein-lernen/anmeldungen/{anmeldung_absolventin}/austritt/"),
    AngemeldeteSeite("admin", "/trainer/durchgaenge/{durchgang_muensterland}/austritte/"),
    AngemeldeteSeite("admin", "/berichte/vollstaendigkeit/"),
]


class Bildschirmfoto(NamedTuple):
    name: str  # file name stem in test-artifacts/screenshots/
    pfad: str
    konto: str | None = None  # demo account to log in first, or None for a visitor


#: Pages `make screenshots` photographs at desktop and mobile width.
BILDSCHIRMFOTOS: list[Bildschirmfoto] = [
    Bildschirmfoto("startseite", "/"),
    Bildschirmfoto("dashboard", "/mein-lernen/", "teilnehmerin"),
    Bildschirmfoto("barrierefreiheit", "/barrierefreiheit/"),
    Bildschirmfoto("anmeldung", "/konto/login/"),
    Bildschirmfoto("praxisbeispiele", "/praxisbeispiele/"),
    Bildschirmfoto("berichte", "/berichte/", "foerderer"),
    Bildschirmfoto("lektion", LEKTION, "teilnehmerin"),
    Bildschirmfoto("zertifikatspruefung", ZERTIFIKAT_GUELTIG),
    Bildschirmfoto("zertifikatspruefung-formular", "/zertifikate/pruefen/"),
    Bildschirmfoto("anwesenheit-erfassen", "/trainer/termine/{termin}/anwesenheit/", "trainerin"),
    Bildschirmfoto(
        "meine-anwesenheit", "/mein-lernen/anmeldungen/{anmeldung}/anwesenheit/", "teilnehmerin"
    ),
    Bildschirmfoto("mein-lernen-absolventin", "/mein-lernen/", "absolventin"),
]

#: Viewport sizes of the screenshots (CSS pixels).
BREITEN: dict[str, dict[str, int]] = {
    "desktop": {"width": 1280, "height": 800},
    "mobil": {"width": 390, "height": 844},
}


def pfad(vorlage: str) -> str:
    """The path to visit, its placeholders filled from the demo data: {gueltig}, {widerrufen} (the
    numbers of the demo certificates), {durchgang} (the demo cohort), {anmeldung} (Tanja's
    enrolment in it), {termin} (its first in-person day), {praesentation} (Tanja's presentation).
    Call it while the demo exists, i.e. inside a test."""
    namen = {feld for _, feld, _, _ in Formatter().parse(vorlage) if feld}
    if not namen:
        return vorlage
    unbekannt = namen - PLATZHALTER.keys()
    assert not unbekannt, f"{vorlage}: unbekannte Platzhalter {sorted(unbekannt)}"
    return vorlage.format(**{name: PLATZHALTER[name]() for name in namen})


def _zertifikatsnummer(status: str) -> str:
    from zertifikate.models import Zertifikat

    gefunden = Zertifikat.objects.filter(status=status).order_by("pk")
    nummer = gefunden.values_list("nummer", flat=True).first()
    assert nummer, f"Die Demo enthält kein Zertifikat mit Status {status!r}."
    return nummer


def _demo_durchgang() -> int:
    from kurse.models import Durchgang

    # kurse.demo creates it first; berichte.demo adds a finished one later.
    return Durchgang.objects.order_by("pk").values_list("pk", flat=True).first()


def _anmeldung_der_teilnehmerin() -> int:
    from kern.demo import DEMO_DOMAIN
    from teilnehmende.models import Anmeldung

    return Anmeldung.objects.get(
        nutzer__email=f"teilnehmerin@{DEMO_DOMAIN}", durchgang_id=_demo_durchgang()
    ).pk


def _vergangener_termin() -> int:
    """The demo cohort's first in-person day: past, so its attendance can be recorded."""
    from kurse.models import Praesenztermin

    termine = Praesenztermin.objects.filter(durchgang_id=_demo_durchgang()).order_by("datum", "pk")
    return termine.values_list("pk", flat=True).first()


def _praesentation_der_teilnehmerin() -> int:
    from teilnehmende.models import Abschlusspraesentation

    return Abschlusspraesentation.objects.get(anmeldung_id=_anmeldung_der_teilnehmerin()).pk


def _anmeldung_der_absolventin() -> int:
    from kern.demo import DEMO_DOMAIN
    from teilnehmende.models import Anmeldung

    return Anmeldung.objects.get(nutzer__email=f"absolventin@{DEMO_DOMAIN}").pk


def _durchgang_muensterland() -> int:
    from berichte.demo import TITEL
    from kurse.models import Durchgang

    return Durchgang.objects.get(titel=TITEL).pk


#: Placeholder → function that reads its value from the demo (only the ones a path uses run).
PLATZHALTER: dict[str, Callable[[], object]] = {
    "gueltig": lambda: _zertifikatsnummer("gueltig"),
    "widerrufen": lambda: _zertifikatsnummer("widerrufen"),
    "durchgang": _demo_durchgang,
    "anmeldung": _anmeldung_der_teilnehmerin,
    "termin": _vergangener_termin,
    "praesentation": _praesentation_der_teilnehmerin,
    "anmeldung_absolventin": _anmeldung_der_absolventin,
    "durchgang_muensterland": _durchgang_muensterland,
}
