"""Exit questionnaire: who may fill it in, when, what is stored, what trainers see."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from esf.models import Austrittsdaten, Erhebung
from esf.selectors import offene_austritte
from esf.services import (
    AUSTRITT_NICHT_FAELLIG,
    AUSTRITT_SCHON_AUSGEFUELLT,
    GRUND_FEHLT,
    austritt_nicht_erhebbar,
    austritt_speichern,
)
from esf.views import AUSTRITT_GESPEICHERT
from tests.kurse.factories import anmelden, durchgang_fuer, kurs_anlegen, person

from .conftest import abbrechen


def _url(anmeldung):
    return reverse("esf:austritt", args=[anmeldung.pk])


def test_mein_lernen_fragt_nach_dem_austritt_bis_er_ausgefuellt_ist(client, absolventin):
    client.force_login(absolventin.nutzer)
    seite = client.get(reverse("kurse:mein_lernen")).content.decode()
    assert _url(absolventin) in seite
    antwort = client.post(
        _url(absolventin), {"erwerbsstatus": "erwerbstaetig", "in_bildung": "nein"}, follow=True
    )
    assert str(AUSTRITT_GESPEICHERT) in antwort.content.decode()
    assert _url(absolventin) not in antwort.content.decode()
    daten = Austrittsdaten.objects.get(anmeldung=absolventin)
    # Day, kind and qualification come from the enrolment and the certificate, not the form.
    assert daten.qualifikation is True
    assert daten.art == Austrittsdaten.Art.ABSCHLUSS
    assert daten.austrittstag == absolventin.status_geaendert_am.date()
    assert daten.erhebung == Erhebung.AUSGEFUELLT


def test_abbruch_mit_freiwilligem_grund_ohne_qualifikation(client, abbrecher):
    client.force_login(abbrecher.nutzer)
    assert 'name="abbruchgrund"' in client.get(_url(abbrecher)).content.decode()
    client.post(_url(abbrecher), {"erwerbsstatus": "arbeitslos", "in_bildung": "ja"})
    daten = Austrittsdaten.objects.get(anmeldung=abbrecher)
    assert (daten.art, daten.qualifikation, daten.abbruchgrund) == ("abbruch", False, "")


def test_storno_vor_dem_beginn_ist_kein_austritt(client, site):
    anmeldung = abbrechen(anmelden(person("frueh"), durchgang_fuer(kurs_anlegen())))
    assert offene_austritte(nutzer=anmeldung.nutzer) == []
    client.force_login(anmeldung.nutzer)
    antwort = client.post(_url(anmeldung), {"erwerbsstatus": "arbeitslos", "in_bildung": "ja"})
    assert str(AUSTRITT_NICHT_FAELLIG) in antwort.content.decode()
    assert not Austrittsdaten.objects.exists()


def test_laufende_anmeldung_hat_keinen_austritt(kohorte):
    anmeldung = anmelden(person("laeuft"), kohorte)
    with pytest.raises(ValidationError) as fehler:
        austritt_speichern(
            anmeldung=anmeldung, erwerbsstatus="erwerbstaetig", in_bildung="nein", nutzer=None
        )
    assert fehler.value.messages == [str(AUSTRITT_NICHT_FAELLIG)]


PFLICHT = "Dieses Feld muss ausgefüllt werden."


def _ungueltig(wert: str) -> str:
    return f"Bitte eine gültige Auswahl treffen. {wert} ist keine gültige Auswahl."


@pytest.mark.parametrize(
    ("daten", "fehler"),
    [
        ({}, {"erwerbsstatus": [PFLICHT], "in_bildung": [PFLICHT]}),
        ({"erwerbsstatus": "erwerbstaetig"}, {"in_bildung": [PFLICHT]}),
        (
            {"erwerbsstatus": "chefin", "in_bildung": "nein"},
            {"erwerbsstatus": [_ungueltig("chefin")]},
        ),
        (
            {"erwerbsstatus": "erwerbstaetig", "in_bildung": "ja'--"},
            {"in_bildung": [_ungueltig("ja'--")]},
        ),
    ],
)
def test_falsche_eingaben_speichern_nichts(client, absolventin, daten, fehler):
    client.force_login(absolventin.nutzer)
    antwort = client.post(_url(absolventin), daten)
    assert antwort.status_code == 200
    assert antwort.context["form"].errors == fehler
    assert not Austrittsdaten.objects.exists()


def test_fremde_und_andere_rollen_werden_abgewiesen(client, absolventin, trainer_esf):
    fremde = person("fremde-esf")
    admin = person("admin-esf", "Administration")
    for nutzer in (fremde, trainer_esf, admin):
        client.force_login(nutzer)
        assert client.get(_url(absolventin)).status_code == 403
        daten = {"erwerbsstatus": "erwerbstaetig", "in_bildung": "nein"}
        assert client.post(_url(absolventin), daten).status_code == 403
    client.logout()
    assert client.get(_url(absolventin)).status_code == 302
    assert not Austrittsdaten.objects.exists()


def test_trainer_sieht_fehlende_und_vermerkt_nicht_erhebbar(
    client, absolventin, abbrecher, trainer_esf
):
    client.force_login(trainer_esf)
    liste = client.get(reverse("esf_trainer:austritte", args=[absolventin.durchgang_id]))
    assert liste.status_code == 200
    assert liste.content.decode().count("fehlt") == 2
    url = reverse("esf_trainer:nicht_erhebbar", args=[abbrecher.pk])
    antwort = client.post(url, {"grund": "   "}, follow=True)
    assert not Austrittsdaten.objects.exists()
    assert PFLICHT in antwort.content.decode()
    client.post(url, {"grund": "Telefonisch und per E-Mail nicht erreichbar"})
    daten = Austrittsdaten.objects.get(anmeldung=abbrecher)
    assert daten.erhebung == Erhebung.NICHT_ERHEBBAR
    assert daten.erfasst_von == trainer_esf


def test_nicht_erhebbar_regeln(absolventin, trainer_esf):
    with pytest.raises(ValidationError) as fehler:
        austritt_nicht_erhebbar(anmeldung=absolventin, grund=" ", nutzer=trainer_esf)
    assert fehler.value.messages == [str(GRUND_FEHLT)]
    austritt_speichern(
        anmeldung=absolventin, erwerbsstatus="erwerbstaetig", in_bildung="nein", nutzer=None
    )
    with pytest.raises(ValidationError) as fehler:
        austritt_nicht_erhebbar(anmeldung=absolventin, grund="weg", nutzer=trainer_esf)
    assert fehler.value.messages == [str(AUSTRITT_SCHON_AUSGEFUELLT)]


def test_fremder_trainer_darf_nichts_vermerken(client, absolventin):
    fremd = person("trainer-fremd-esf", "Trainer/innen")
    durchgang_fuer(kurs_anlegen(), trainer=[fremd])
    client.force_login(fremd)
    assert (
        client.get(reverse("esf_trainer:austritte", args=[absolventin.durchgang_id])).status_code
        == 403
    )
    url = reverse("esf_trainer:nicht_erhebbar", args=[absolventin.pk])
    assert client.post(url, {"grund": "weg"}).status_code == 403
    teilnehmerin = person("tn-esf")
    client.force_login(teilnehmerin)
    assert client.post(url, {"grund": "weg"}).status_code == 403
    assert not Austrittsdaten.objects.exists()
