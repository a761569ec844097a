"""/mein-lernen/: my cohorts, progress bars with text, next lesson, waiting list, open cohorts."""

import re

import pytest
from django.urls import reverse

from kurse.models import LektionSeite
from kurse.services import lektion_abschliessen
from tests.kurse.factories import anmelden, durchgang_fuer, kurs_anlegen, person

URL = reverse("kurse:mein_lernen")


@pytest.fixture
def lage(site):
    """A participant with progress in one course, waiting in a second, a third one open."""
    ich = person("ich")
    kurs = kurs_anlegen(module=2, lektionen=2)
    anmelden(ich, durchgang_fuer(kurs))
    erste, zweite, *_ = LektionSeite.objects.descendant_of(kurs).order_by("path")
    lektion_abschliessen(nutzer=ich, lektion=erste)

    voll = durchgang_fuer(
        kurs_anlegen(module=1, lektionen=1), kapazitaet=1, titel="Voller Durchgang"
    )
    anmelden(person(), voll)
    anmelden(person(), voll)
    anmelden(ich, voll)

    offen = durchgang_fuer(kurs_anlegen(module=1, lektionen=1), titel="Offener Durchgang")
    return {"ich": ich, "kurs": kurs, "naechste": zweite, "offen": offen, "voll": voll}


def test_dashboard_zeigt_fortschritt_naechste_lektion_warteliste_und_offene(client, lage):
    client.force_login(lage["ich"])
    html = client.get(URL).content.decode()
    kurs = lage["kurs"]
    assert f'<a href="{kurs.url}">{kurs.title}</a>' in html
    assert "Status Ihrer Anmeldung: <strong>bestätigt</strong>" in html
    assert '<progress max="4" value="1" aria-label="Fortschritt im Kurs">25 %</progress>' in html
    assert "1 von 4 Pflichtlektionen erledigt (25 %)" in html
    assert '<progress max="2" value="1" aria-label="Fortschritt in Modul 1">50 %</progress>' in html
    assert '<progress max="2" value="0" aria-label="Fortschritt in Modul 2">0 %</progress>' in html
    assert f'href="{lage["naechste"].url}">Weiter mit: {lage["naechste"].title}</a>' in html
    assert "Sie stehen auf Platz 2 der Warteliste." in html
    assert "Offen zur Anmeldung" in html
    assert reverse("teilnehmende:anmelden", args=[lage["offen"].pk]) in html
    assert reverse("teilnehmende:anmelden", args=[lage["voll"].pk]) not in html


def test_ohne_anmeldung(client, site, teilnehmerin):
    client.force_login(teilnehmerin)
    html = client.get(URL).content.decode()
    assert "Sie sind noch in keinem Durchgang angemeldet." in html
    assert "Offen zur Anmeldung" not in html  # no section without data


def test_kein_link_auf_dem_dashboard_fuehrt_ins_leere(client, lage):
    client.force_login(lage["ich"])
    html = client.get(URL).content.decode()
    inhalt = html.split('<main id="inhalt"', 1)[1].split("</main>", 1)[0]
    links = set(re.findall(r'href="(/[^"#]*)"', inhalt))
    assert len(links) >= 8
    for link in sorted(links):
        assert client.get(link).status_code == 200, link


def test_alle_erledigt(client, site):
    ich = person()
    kurs = kurs_anlegen(module=1, lektionen=2)
    anmelden(ich, durchgang_fuer(kurs))
    for lektion in LektionSeite.objects.descendant_of(kurs):
        lektion_abschliessen(nutzer=ich, lektion=lektion)
    client.force_login(ich)
    html = client.get(URL).content.decode()
    assert "Sie haben alle Lektionen erledigt." in html
    assert "2 von 2 Pflichtlektionen erledigt (100 %)" in html
