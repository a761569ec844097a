"""The native SQL expressions agree with the Python definitions (bands, quarters)."""

import datetime

import pytest

from berichte.ausdruecke import mit_altersgruppe, mit_quartal
from teilnehmende.models import Eintrittsdaten, altersgruppe_fuer
from tests.kurse.factories import anmelden, durchgang_fuer, kurs_anlegen, person

from .conftest import HAMM  # noqa: F401  (same fixtures module)


@pytest.fixture
def eintrag(site):
    anmeldung = anmelden(person(), durchgang_fuer(kurs_anlegen(module=1, lektionen=1)))
    return anmeldung.eintrittsdaten


@pytest.mark.parametrize(
    "stichtag",
    [
        datetime.date(2026, 1, 1),
        datetime.date(2026, 3, 31),
        datetime.date(2026, 4, 1),
        datetime.date(2025, 9, 30),
        datetime.date(2025, 10, 1),
        datetime.date(2024, 12, 31),
    ],
)
def test_quartal(eintrag, stichtag):
    Eintrittsdaten.objects.filter(pk=eintrag.pk).update(stichtag=stichtag)
    wert = mit_quartal(Eintrittsdaten.objects.filter(pk=eintrag.pk)).get().quartal
    assert wert == stichtag.year * 10 + (stichtag.month - 1) // 3 + 1


@pytest.mark.parametrize("alter", [None, 0, 17, 18, 29, 30, 54, 55, 90])
def test_altersgruppe_wie_in_python(eintrag, alter):
    stichtag = datetime.date(2026, 2, 15)
    geburtsjahr = None if alter is None else stichtag.year - alter
    Eintrittsdaten.objects.filter(pk=eintrag.pk).update(stichtag=stichtag, geburtsjahr=geburtsjahr)
    wert = mit_altersgruppe(Eintrittsdaten.objects.filter(pk=eintrag.pk)).get().altersgruppe
    assert wert == altersgruppe_fuer(geburtsjahr, stichtag).value
