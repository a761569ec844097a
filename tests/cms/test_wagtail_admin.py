"""The Wagtail admin as the editors meet it on the demo: the examples in the "Praxisbeispiele"
menu, modules and lessons in course order, the H5P package page with uploader and local time,
no Gravatar images (the CSP would block them)."""

from __future__ import annotations

import datetime
import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from cms.praxis import Praxisbeispiel
from h5p.models import H5PPaket
from kern.demo import DEMO_DOMAIN, demo_passwort
from kurse.demo import KURS_SLUG
from kurse.models import KursSeite

pytestmark = pytest.mark.django_db


@pytest.fixture
def redaktion():
    call_command("demo_anlegen", stdout=StringIO())
    client = Client()
    assert client.login(email=f"redaktion@{DEMO_DOMAIN}", password=demo_passwort())
    return client


def _reihenfolge(html: str, titel: list[str]) -> list[int]:
    return [html.find(f">{t}<") if f">{t}<" in html else html.find(t) for t in titel]


def test_admin_fuer_die_redaktion(redaktion):
    # The menu group "Praxisbeispiele" leads to the examples themselves, not only the taxonomy.
    start = redaktion.get("/cms-admin/").content.decode()
    assert "Alle Praxisbeispiele" in start and "/cms-admin/praxisbeispiele/" in start
    liste = redaktion.get("/cms-admin/praxisbeispiele/")
    assert liste.status_code == 200
    html = liste.content.decode()
    beispiele = Praxisbeispiel.objects.live()
    assert beispiele.count() > 5
    for beispiel in beispiele:
        assert beispiel.title in html

    # Modules and lessons in course order, also after the last one was edited most recently.
    kurs = KursSeite.objects.get(slug=KURS_SLUG)
    module = list(kurs.get_children().specific())
    module[-1].save_revision().publish()
    html = redaktion.get(f"/cms-admin/pages/{kurs.pk}/").content.decode()
    stellen = _reihenfolge(html, [m.title for m in module])
    assert -1 not in stellen and stellen == sorted(stellen), stellen
    lektionen = list(module[1].get_children().specific())
    lektionen[-1].save_revision().publish()
    html = redaktion.get(f"/cms-admin/pages/{module[1].pk}/").content.decode()
    stellen = _reihenfolge(html, [lektion.title for lektion in lektionen])
    assert -1 not in stellen and stellen == sorted(stellen), stellen

    # The package page: who uploaded it (the demo's editor), when in Berlin time.
    paket = H5PPaket.objects.get()
    html = redaktion.get(reverse("wagtailsnippets_h5p_h5ppaket:inspect", args=[paket.pk]))
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html.content.decode()))
    assert "Hochgeladen von Rita Redaktion" in text
    ortszeit = timezone.localtime(paket.hochgeladen_am).strftime("%H:%M")
    utc = paket.hochgeladen_am.astimezone(datetime.UTC).strftime("%H:%M")
    assert ortszeit != utc
    assert f"Hochgeladen am {timezone.localtime(paket.hochgeladen_am).day}." in text
    assert ortszeit in text.split("Hochgeladen am", 1)[1][:40]
    assert "None" not in text

    # Avatars: Wagtail's own default image, never gravatar.com.
    for seite in (start, html.content.decode()):
        assert "gravatar.com" not in seite
