"""Journey of a graduate through the ESF exit questionnaire and, six months later, the follow-up
link from her e-mail; the funder sees the indicator change."""

from __future__ import annotations

import datetime
import re

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from esf.services import LINK_VERWENDET, sechs_monate_nach, verbleib_einladungen_senden
from esf.views import AUSTRITT_GESPEICHERT, VERBLEIB_GESPEICHERT
from kern.demo import DEMO_DOMAIN
from teilnehmende.models import Anmeldung

from .axe import ohne_verstoesse

pytestmark = pytest.mark.browser

INDIKATOR = "Erwerbstätig sechs Monate nach Austritt"
VERBESSERT = "Verbesserte Arbeitsmarktsituation nach sechs Monaten"
LINK = re.compile(r"https?://[^\s]+/verbleib/[A-Za-z0-9_-]+/")


def _kennzahl(page, titel: str) -> int:
    page.goto("/berichte/")
    text = (
        page.locator(".kennzahl", has=page.get_by_text(titel, exact=True))
        .locator("dd")
        .inner_text()
    )
    return int(text)  # not "." : the demo lies above the suppression threshold


def test_absolventin_austritt_und_verbleib(page, new_context, anmelden_in, live_server):
    foerderer = new_context().new_page()
    anmelden_in(foerderer.context, "foerderer")
    vorher, verbessert_vorher = _kennzahl(foerderer, INDIKATOR), _kennzahl(foerderer, VERBESSERT)

    # The graduate is prompted on "Mein Lernen" and answers the two questions.
    anmelden_in(page.context, "absolventin")
    page.goto("/mein-lernen/")
    page.get_by_role("link", name=re.compile(r"^Angaben zum Austritt")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Angaben zum Austritt")
    ohne_verstoesse(page, seite="Austrittsfragebogen")
    page.get_by_role("radio", name="erwerbstätig (auch selbstständig)").check()
    page.get_by_role("group", name=re.compile("Aus- oder Weiterbildung")).get_by_label(
        "nein", exact=True
    ).check()
    page.get_by_role("button", name="Angaben speichern").click()
    expect(page.get_by_text(str(AUSTRITT_GESPEICHERT))).to_be_visible()
    expect(page.get_by_role("link", name=re.compile(r"^Angaben zum Austritt"))).to_have_count(0)

    # Six months later the daily task sends the invitation (clock passed in).
    email = f"absolventin@{DEMO_DOMAIN}"
    anmeldung = Anmeldung.objects.get(nutzer__email=email)
    tag = timezone.localdate(anmeldung.status_geaendert_am)
    jetzt = timezone.make_aware(datetime.datetime.combine(sechs_monate_nach(tag), datetime.time(8)))
    mail.outbox.clear()
    verbleib_einladungen_senden(jetzt=jetzt)
    (einladung,) = [m for m in mail.outbox if m.to == [email]]
    link = LINK.search(einladung.body).group(0)

    # She opens the link without logging in and answers once.
    fremd = new_context().new_page()
    fremd.goto(link.replace(re.match(r"https?://[^/]+", link).group(0), live_server.url))
    ohne_verstoesse(fremd, seite="Verbleib-Befragung")
    fremd.get_by_role("radio", name="erwerbstätig (auch selbstständig)").check()
    fremd.get_by_label("Höher qualifizierte Tätigkeit oder mehr Verantwortung").check()
    fremd.get_by_role("button", name="Antworten absenden").click()
    expect(fremd.get_by_text(str(VERBLEIB_GESPEICHERT))).to_be_visible()
    fremd.reload()
    expect(fremd.get_by_text(str(LINK_VERWENDET))).to_be_visible()

    # The funder sees both indicators grow by one.
    assert _kennzahl(foerderer, INDIKATOR) == vorher + 1
    assert _kennzahl(foerderer, VERBESSERT) == verbessert_vorher + 1
