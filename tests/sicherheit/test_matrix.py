"""Permission matrix: every URL pattern and every page type, requested as each of eight roles,
compared with the explicit table in erwartungen.py (format described there)."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client
from wagtail.models import get_page_models

from . import erwartungen
from .erwartungen import BEREICHE, MUSTER, SEITEN, WAGTAIL_SEITEN
from .matrix import Muster, beispiel_url, einordnen, muster_aller_urls, passt
from .welt import ROLLEN, welt_anlegen

#: The abstract root type: never served (the tree's root has no URL).
NICHT_AUSGELIEFERTE_SEITENTYPEN = {"wagtailcore.Page"}


def _bereich(route: str) -> str | None:
    return next((p for p in BEREICHE if route.startswith(p)), None)


def _seitenschluessel() -> list[str]:
    schluessel = []
    for model in get_page_models():
        name = model._meta.label
        if name in NICHT_AUSGELIEFERTE_SEITENTYPEN:
            continue
        schluessel.append(name)
        if hasattr(model, "get_subpage_urls"):
            schluessel += [
                f"{name} {p.pattern}" for p in model.get_subpage_urls() if str(p.pattern)
            ]
    return schluessel


def test_jedes_muster_hat_eine_zeile():
    fehlend = [
        m.route for m in muster_aller_urls() if m.route not in MUSTER and not _bereich(m.route)
    ]
    assert not fehlend, (
        "URL-Muster ohne Zeile in tests/sicherheit/erwartungen.py (MUSTER): "
        + ", ".join(repr(r) for r in fehlend)
    )


def test_jeder_seitentyp_hat_eine_zeile():
    fehlend = [s for s in _seitenschluessel() if s not in SEITEN]
    assert not fehlend, (
        "Seitentyp (oder Route einer RoutablePage) ohne Zeile in tests/sicherheit/erwartungen.py "
        "(SEITEN): " + ", ".join(fehlend)
    )


def test_keine_verwaisten_zeilen():
    routen = {m.route for m in muster_aller_urls()}
    verwaist = [r for r in MUSTER if r not in routen]
    verwaist += [s for s in SEITEN if s not in _seitenschluessel()]
    assert not verwaist, f"Zeilen ohne URL-Muster oder Seitentyp: {verwaist}"


@pytest.mark.parametrize("zeile", [*MUSTER.values(), *BEREICHE.values(), *SEITEN.values()])
def test_zeilen_haben_acht_gueltige_zellen(zeile):
    for zellen in (zeile.zellen, zeile.post):
        if zellen is None:
            continue
        codes = zellen.split()
        assert len(codes) == len(ROLLEN), zeile
        assert all(c in {"L", "→", "-", "*", "."} or c.isdigit() for c in codes), zeile


class Anfrager:
    """One logged-in client per role; records every cell that differs from the table."""

    def __init__(self, welt):
        self.welt = welt
        self.clients = {}
        for rolle in ROLLEN:
            client = Client(raise_request_exception=True)
            if welt.konten[rolle] is not None:
                client.force_login(welt.konten[rolle])
            self.clients[rolle] = client
        self.abweichungen: list[str] = []
        self.anfragen = 0

    def pruefen(self, name: str, url: str, zellen: str, *, methode: str = "get", nur=None):
        for rolle, erwartet in zip(ROLLEN, zellen.split(), strict=True):
            if erwartet == "." or (nur is not None and erwartet not in nur):
                continue
            try:
                antwort = getattr(self.clients[rolle], methode)(url)
                bekommen = einordnen(antwort, url)
            except Exception as fehler:  # noqa: BLE001 - a crash is a result to report
                bekommen = f"Ausnahme {type(fehler).__name__}"
            self.anfragen += 1
            self._wieder_anmelden(rolle)
            if not passt(erwartet, bekommen):
                self.abweichungen.append(
                    f"{name} [{methode.upper()} {url}] als {rolle}: "
                    f"erwartet {erwartet}, bekommen {bekommen}"
                )

    def _wieder_anmelden(self, rolle: str) -> None:
        # Wagtail's logout view deletes the session cookie even when it answers GET with 405.
        client = self.clients[rolle]
        keks = client.cookies.get(settings.SESSION_COOKIE_NAME)
        if self.welt.konten[rolle] is not None and (keks is None or not keks.value):
            client.force_login(self.welt.konten[rolle])

    def bericht(self) -> str:
        return f"{len(self.abweichungen)} Abweichung(en):\n" + "\n".join(self.abweichungen)


def _url(zeile, welt) -> str:
    return zeile.url.format(**welt.platzhalter)


def test_projekt_urls_und_seiten(site):
    welt = welt_anlegen()
    anfrager = Anfrager(welt)
    for route, zeile in MUSTER.items():
        if zeile is WAGTAIL_SEITEN:
            continue
        anfrager.pruefen(route, _url(zeile, welt), zeile.zellen)
        if zeile.post:
            anfrager.pruefen(route, _url(zeile, welt), zeile.post, methode="post")
    for schluessel, zeile in SEITEN.items():
        typ, _, unterroute = schluessel.partition(" ")
        url = welt.seiten[typ].url + unterroute
        anfrager.pruefen(schluessel, url, zeile.zellen)
    assert not anfrager.abweichungen, anfrager.bericht()
    assert anfrager.anfragen > 300


@pytest.mark.parametrize("praefix", list(BEREICHE))
def test_bibliotheksbereiche(site, praefix):
    welt = welt_anlegen()
    anfrager = Anfrager(welt)
    zeile = BEREICHE[praefix]
    muster = [m for m in muster_aller_urls() if _bereich(m.route) == praefix]
    ohne_url: list[Muster] = []
    for m in muster:
        if m.route in MUSTER:
            continue
        url = beispiel_url(m)
        if url is None:
            ohne_url.append(m)
            continue
        # With dummy parameters only the refusal in front of the area is meaningful.
        anfrager.pruefen(m.route, url, zeile.zellen, nur={"-"} if m.hat_parameter else None)
    assert not ohne_url, (
        "Für diese Muster lässt sich keine Beispiel-URL bilden; bitte eine Zeile mit URL in "
        f"MUSTER anlegen: {[m.route for m in ohne_url]}"
    )
    assert not anfrager.abweichungen, anfrager.bericht()
    assert anfrager.anfragen > 100


def test_erwartungen_modul_dokumentiert_das_format():
    assert "anonym  teilnehmende  teilnehmende_fremd" in erwartungen.__doc__
