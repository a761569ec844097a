"""In-person sessions: the rules an editor meets in the admin form."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from kurse.models import (
    TERMIN_AUSSERHALB_DURCHGANG,
    TERMIN_ENDE_VOR_BEGINN,
    TERMIN_MODUL_FREMD,
    TERMIN_ORT_FEHLT,
    TERMIN_STUNDEN_ZU_VIEL,
    ModulSeite,
    Praesenztermin,
)
from tests.kurse.factories import kurs_anlegen
from tests.teilnehmende.termine import laufender_durchgang, termin_anlegen


@pytest.fixture
def durchgang(site):
    return laufender_durchgang(kurs_anlegen(module=1, lektionen=1))


def _fehler(durchgang, **felder) -> dict:
    with pytest.raises(ValidationError) as info:
        termin_anlegen(durchgang, **felder)
    assert not Praesenztermin.objects.exists()
    return info.value.message_dict


def test_stunden_aus_unterrichtseinheiten(durchgang):
    termin = termin_anlegen(durchgang, stunden=None, ue=6)
    assert termin.stunden == Decimal("4.5")
    assert termin.beginn_zeitpunkt.isoformat().endswith(("+01:00", "+02:00"))


def test_ende_vor_beginn(durchgang):
    fehler = _fehler(durchgang, beginn=datetime.time(14), ende=datetime.time(9))
    assert fehler == {"ende": [str(TERMIN_ENDE_VOR_BEGINN)]}


def test_mehr_stunden_als_dauer(durchgang):
    fehler = _fehler(durchgang, beginn=datetime.time(9), ende=datetime.time(12, 30), stunden="4")
    assert fehler == {"stunden": [str(TERMIN_STUNDEN_ZU_VIEL).format(dauer="3,5")]}


def test_ort_oder_link_noetig(durchgang):
    assert _fehler(durchgang, ort="") == {"ort": [str(TERMIN_ORT_FEHLT)]}
    termin = termin_anlegen(durchgang, ort="", online_link="https://konferenz.example/raum")
    assert termin.pk


def test_termin_im_zeitraum_des_durchgangs(durchgang):
    fehler = _fehler(durchgang, tage_her=61)
    assert fehler == {
        "datum": [
            str(TERMIN_AUSSERHALB_DURCHGANG).format(
                beginn=f"{durchgang.beginn:%d.%m.%Y}", ende=f"{durchgang.ende:%d.%m.%Y}"
            )
        ]
    }


def test_modul_muss_zum_kurs_gehoeren(durchgang):
    fremdes_modul = ModulSeite.objects.descendant_of(kurs_anlegen(module=1, lektionen=1)).get()
    assert _fehler(durchgang, modul=fremdes_modul) == {"modul": [str(TERMIN_MODUL_FREMD)]}
    eigenes = ModulSeite.objects.descendant_of(durchgang.kurs).get()
    assert termin_anlegen(durchgang, modul=eigenes).modul == eigenes
