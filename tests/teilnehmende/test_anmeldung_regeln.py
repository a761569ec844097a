"""Enrolment needs a name, and after the cohort's start a threshold that can still be reached."""

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.urls import reverse

from kern import rollen
from teilnehmende.models import Anmeldung
from teilnehmende.selectors import ANWESENHEIT_UNERREICHBAR
from teilnehmende.services import NAME_FEHLT
from tests.conftest import PASSWORT
from tests.kurse.factories import anmelden, kurs_anlegen, person
from tests.teilnehmende.termine import laufender_durchgang, termin_anlegen


@pytest.fixture
def kurs(site):
    return kurs_anlegen(module=1, lektionen=1)


def _mit_terminen(kurs, vergangen: int, kuenftig: int):
    durchgang = laufender_durchgang(kurs)
    for tage in range(vergangen):
        termin_anlegen(durchgang, tage_her=10 + tage)
    for tage in range(kuenftig):
        termin_anlegen(durchgang, tage_her=-10 - tage)
    return durchgang


def test_unerreichbare_schwelle_wird_abgelehnt(kurs):
    durchgang = _mit_terminen(kurs, vergangen=2, kuenftig=2)  # 12 of 24 hours left: 50 % < 80 %
    with pytest.raises(ValidationError) as fehler:
        anmelden(person("spaet"), durchgang, anwesenheit_pruefen=True)
    assert fehler.value.messages == [
        str(ANWESENHEIT_UNERREICHBAR).format(gesamt="24", rest="12", anteil=50, schwelle=80)
    ]
    assert fehler.value.messages[0].startswith("Dieser Durchgang hat bereits begonnen: Von 24 ")
    assert not Anmeldung.objects.filter(durchgang=durchgang).exists()


def test_genau_die_schwelle_reicht(kurs):
    durchgang = _mit_terminen(kurs, vergangen=1, kuenftig=4)  # 24 of 30 hours: exactly 80 %
    anmeldung = anmelden(person("knapp"), durchgang, anwesenheit_pruefen=True)
    assert anmeldung.status == Anmeldung.Status.BESTAETIGT


def test_vor_beginn_und_ohne_termine_keine_pruefung(kurs):
    durchgang = _mit_terminen(kurs, vergangen=0, kuenftig=2)
    assert anmelden(person("frueh"), durchgang, anwesenheit_pruefen=True)
    ohne = laufender_durchgang(kurs)
    assert anmelden(person("ohne"), ohne, anwesenheit_pruefen=True)


def test_admin_darf_ausdruecklich_einschreiben(kurs):
    durchgang = _mit_terminen(kurs, vergangen=3, kuenftig=1)
    assert anmelden(person("nachzuegler"), durchgang, anwesenheit_pruefen=False)


def test_anmeldeseite_erklaert_und_nimmt_nichts_an(client, kurs):
    durchgang = _mit_terminen(kurs, vergangen=2, kuenftig=2)
    ich = person("spaet")
    client.force_login(ich)
    url = reverse("teilnehmende:anmelden", args=[durchgang.pk])
    html = client.get(url).content.decode()
    assert "Dieser Durchgang hat bereits begonnen" in html
    assert 'name="geschlecht"' not in html
    client.post(url, {"geschlecht": "weiblich"})
    assert not Anmeldung.objects.filter(nutzer=ich).exists()


def test_ohne_namen_erst_zum_profil_dann_zurueck(client, kurs):
    durchgang = laufender_durchgang(kurs)
    ohne = get_user_model().objects.create_user(
        username="ohne", email="ohne@test.example", password=PASSWORT
    )
    from django.contrib.auth.models import Group

    ohne.groups.add(Group.objects.get(name=rollen.TEILNEHMENDE))
    client.force_login(ohne)
    url = reverse("teilnehmende:anmelden", args=[durchgang.pk])
    antwort = client.get(url, follow=True)
    assert antwort.redirect_chain[-1][0] == f"/konto/profil/?next={url.replace('/', '%2F')}"
    assert str(NAME_FEHLT) in antwort.content.decode()
    antwort = client.post(f"/konto/profil/?next={url}", {"first_name": "Olga", "last_name": "Ohne"})
    assert antwort.url == url
    assert 'name="geschlecht"' in client.get(url).content.decode()


def test_dienst_verlangt_namen(kurs):
    ohne = get_user_model().objects.create_user(username="o", email="o@test.example")
    with pytest.raises(ValidationError) as fehler:
        anmelden(ohne, laufender_durchgang(kurs))
    assert fehler.value.messages == [str(NAME_FEHLT)]
