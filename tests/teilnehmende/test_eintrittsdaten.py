"""ESF age bands: the Python helper and the SQL annotation agree, at the band boundaries too."""

import datetime

import pytest

from teilnehmende.models import Altersgruppe, Eintrittsdaten, altersgruppe_fuer
from tests.kurse.factories import anmelden, durchgang_fuer, kurs_anlegen, person

STICHTAG = datetime.date(2026, 11, 22)

GRENZEN = [
    (None, Altersgruppe.KEINE_ANGABE),
    (2009, Altersgruppe.UNTER_18),  # 17 in the year of entry
    (2008, Altersgruppe.VON_18_BIS_29),
    (1997, Altersgruppe.VON_18_BIS_29),  # 29
    (1996, Altersgruppe.VON_30_BIS_54),
    (1972, Altersgruppe.VON_30_BIS_54),  # 54
    (1971, Altersgruppe.AB_55),
    (1940, Altersgruppe.AB_55),
]


@pytest.mark.parametrize(("geburtsjahr", "erwartet"), GRENZEN)
def test_altersgruppe_am_eintrittstag(geburtsjahr, erwartet):
    assert altersgruppe_fuer(geburtsjahr, STICHTAG) == erwartet


def test_sql_annotation_stimmt_mit_python_ueberein(site):
    durchgang = durchgang_fuer(kurs_anlegen(), kapazitaet=len(GRENZEN))
    for geburtsjahr, _erwartet in GRENZEN:
        anmelden(person(), durchgang, geburtsjahr=geburtsjahr)
    Eintrittsdaten.objects.update(stichtag=STICHTAG)
    for daten in Eintrittsdaten.objects.mit_altersgruppe():
        assert daten.altersgruppe == daten.altersgruppe_berechnen()
    gefunden = sorted(
        Eintrittsdaten.objects.mit_altersgruppe().values_list("altersgruppe", flat=True)
    )
    assert gefunden == sorted(str(erwartet) for _jahr, erwartet in GRENZEN)
