"""H5P end to end: a participant opens the demo H5P lesson, the player renders under a strict
CSP plus only the player's additions (h5p/csp.py), she answers and presses "Check"; the server
keeps the statement and marks the lesson done."""

from __future__ import annotations

import re

import pytest
from django.db.utils import OperationalError
from django.urls import reverse
from playwright.sync_api import expect

from h5p.csp import csp_fuer_spieler
from h5p.models import H5PPaket, XAPIAussage
from kern.demo import DEMO_DOMAIN
from kern.models import Nutzer
from kurse.h5p_demo_paket import TITEL
from kurse.models import LektionErledigt, LektionSeite

from .axe import ohne_verstoesse

pytestmark = pytest.mark.browser

BEANTWORTET = "http://adlnet.gov/expapi/verbs/answered"
# What a strict site-wide policy allows; the player gets csp_fuer_spieler() on top of it.
STRENG = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'"],
    "font-src": ["'self'"],
    "frame-src": ["'none'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
}


def _richtlinie() -> str:
    direktiven = {name: list(quellen) for name, quellen in STRENG.items()}
    for name, quellen in csp_fuer_spieler().items():
        bisher = [q for q in direktiven.get(name, []) if q != "'none'"]
        direktiven[name] = list(dict.fromkeys(bisher + quellen))
    return "; ".join(f"{name} {' '.join(quellen)}" for name, quellen in direktiven.items())


def _mit_strenger_csp(route):
    """The lesson page as the site will send it once django-csp is on (issue 5)."""
    antwort = route.fetch()
    route.fulfill(
        response=antwort, headers={**antwort.headers, "content-security-policy": _richtlinie()}
    )


def test_teilnehmerin_loest_h5p_aufgabe_und_lektion_ist_erledigt(page, anmelden_in):
    ich = Nutzer.objects.get(email=f"teilnehmerin@{DEMO_DOMAIN}")
    lektion = LektionSeite.objects.get(slug__startswith="wissenscheck-grundbegriffe")
    LektionErledigt.objects.filter(nutzer=ich, lektion=lektion).delete()  # the demo has it done
    anmelden_in(page.context, "teilnehmerin")
    verstoesse: list[str] = []
    page.on(
        "console",
        lambda m: verstoesse.append(m.text) if "Content Security Policy" in m.text else None,
    )
    page.route(re.compile(re.escape(lektion.url) + r"$"), _mit_strenger_csp)

    page.goto(lektion.url)
    expect(page.get_by_role("heading", name="Wissenscheck: Richtig oder falsch?")).to_be_visible()
    spieler = page.frame_locator(".h5p-aktivitaet__spieler iframe")
    antworten = spieler.locator(".h5p-true-false-answer")
    expect(antworten).to_have_count(2, timeout=15000)
    expect(page.get_by_text("Diese Lektion wird automatisch als erledigt markiert")).to_be_visible()

    # The German package: German question and buttons. A wrong answer completes nothing
    # (rule "bestanden"); after "Wiederholen" the right one does.
    expect(spieler.get_by_text("Eine kommunale Präventionskette beginnt erst")).to_be_visible()
    antworten.filter(has_text="Richtig").click()
    spieler.get_by_role("button", name="Überprüfen").click()
    expect(spieler.get_by_role("button", name="Wiederholen")).to_be_visible()
    beantwortet = XAPIAussage.objects.filter(nutzer=ich, verb=BEANTWORTET)
    erfolge: list = []
    for _ in range(50):  # the statement travels asynchronously
        try:
            erfolge = [a.aussage["result"]["success"] for a in beantwortet]
        except OperationalError:  # SQLite (shared in-memory): the server thread is writing
            erfolge = []
        if erfolge:
            break
        page.wait_for_timeout(100)
    assert erfolge == [False]
    expect(page.get_by_role("status")).not_to_have_text(re.compile("Geschafft"))
    assert not LektionErledigt.objects.filter(nutzer=ich, lektion=lektion).exists()

    spieler.get_by_role("button", name="Wiederholen").click()
    antworten.filter(has_text="Falsch").click()
    spieler.get_by_role("button", name="Überprüfen").click()
    expect(page.get_by_role("status")).to_have_text(
        "Geschafft: Die Aktivität ist abgeschlossen, Ihr Fortschritt ist gespeichert."
    )
    aussage = XAPIAussage.objects.filter(nutzer=ich, verb=BEANTWORTET).latest("pk")
    assert aussage.aussage["result"]["success"] is True
    assert aussage.aussage["object"]["id"].endswith(f"#h5p-{aussage.paket_id}")
    assert LektionErledigt.objects.filter(nutzer=ich, lektion=lektion).exists()

    assert verstoesse == []

    # axe-core is injected as an inline script, which the strict policy rightly refuses.
    page.unroute_all()
    page.reload()
    expect(page.get_by_text(re.compile(r"^Erledigt am "))).to_be_visible()
    expect(
        page.frame_locator(".h5p-aktivitaet__spieler iframe").locator(".h5p-true-false-answer")
    ).to_have_count(2)
    ohne_verstoesse(page)


def test_redaktion_sieht_vorschau_des_pakets(page, anmelden_in):
    paket = H5PPaket.objects.get(titel=TITEL)
    anmelden_in(page.context, "redaktion")
    page.goto(reverse("wagtailsnippets_h5p_h5ppaket:inspect", args=[paket.pk]))
    expect(page.get_by_role("heading", name="Vorschau")).to_be_visible()
    expect(page.get_by_text("H5P.TrueFalse 1.6").first).to_be_visible()
    vorschau = page.frame_locator(".h5p-vorschau iframe")
    expect(vorschau.locator(".h5p-true-false-answer")).to_have_count(2, timeout=15000)
    # Answering in the preview stores nothing.
    vorschau.locator(".h5p-true-false-answer").filter(has_text="Falsch").click()
    vorschau.locator(".h5p-question-check-answer").click()
    expect(
        vorschau.locator(".h5p-question-score-bar, .h5p-joubelui-score-bar").first
    ).to_be_visible()
    assert not XAPIAussage.objects.exists()
