"""The one place that lists the pages the browser tests visit. A feature that adds a page appends
it here: axe-core then checks it, and `make screenshots` photographs it."""

from __future__ import annotations

from typing import NamedTuple

#: A lesson of the demo course (kurse.demo: course, module and lesson slugs).
LEKTION = (
    "/kurse/praevention-kommunale-familienpolitik/grundlagen-kommunaler-praevention/"
    "was-ist-eine-kommunale-praeventionskette/"
)
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
    "/praxisbeispiele/",
    "/praxisbeispiele/?phase=kita&q=Familie",
    "/zertifikate/pruefen/",
    "/zertifikate/pruefen/?nummer=LK-2026-0000",  # form with an error
    "/zertifikate/pruefen/LK-2026-0000-0000-0000-000J/",  # unknown number (404 with form)
    ZERTIFIKAT_GUELTIG,
    ZERTIFIKAT_WIDERRUFEN,
]


class AngemeldeteSeite(NamedTuple):
    konto: str  # local part of a demo account (kern.demo.DEMO_KONTEN), e.g. "trainerin"
    pfad: str


#: Pages behind the login, each with the demo account that sees it; zero axe violations.
ANGEMELDETE_SEITEN: list[AngemeldeteSeite] = [
    AngemeldeteSeite("teilnehmerin", "/mein-lernen/"),
    AngemeldeteSeite("teilnehmerin", LEKTION),
    AngemeldeteSeite("teilnehmerin", "/konto/email/"),
    AngemeldeteSeite("teilnehmerin", "/konto/password/change/"),
    AngemeldeteSeite("teilnehmerin", "/konto/2fa/"),
    AngemeldeteSeite("teilnehmerin", "/trainer/"),  # our 403 page
    AngemeldeteSeite("trainerin", "/trainer/"),
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
]

#: Viewport sizes of the screenshots (CSS pixels).
BREITEN: dict[str, dict[str, int]] = {
    "desktop": {"width": 1280, "height": 800},
    "mobil": {"width": 390, "height": 844},
}


def pfad(vorlage: str) -> str:
    """The path to visit: placeholders filled from the demo data ({gueltig}, {widerrufen}: the
    numbers of the demo certificates). Call it while the demo exists, i.e. inside a test."""
    if "{" not in vorlage:
        return vorlage
    from zertifikate.models import Zertifikat

    def nummer(status: str) -> str:
        gefunden = Zertifikat.objects.filter(status=status).order_by("pk")
        nummer = gefunden.values_list("nummer", flat=True).first()
        assert nummer, f"Die Demo enthält kein Zertifikat mit Status {status!r}."
        return nummer

    return vorlage.format(
        gueltig=nummer(Zertifikat.Status.GUELTIG),
        widerrufen=nummer(Zertifikat.Status.WIDERRUFEN),
    )
