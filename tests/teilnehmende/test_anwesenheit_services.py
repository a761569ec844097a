"""Attendance writes: one place (`anwesenheit_setzen`), history of every change, all-or-nothing
lists, and the rules for hours, seats and dates."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from kern import rollen
from teilnehmende.models import Anwesenheit, AnwesenheitAenderung
from teilnehmende.services import (
    ANWESENHEIT_OHNE_PLATZ,
    ANWESENHEIT_STATUS_UNBEKANNT,
    ANWESENHEIT_STUNDEN_NULL,
    ANWESENHEIT_STUNDEN_OHNE_ANWESENHEIT,
    ANWESENHEIT_STUNDEN_ZU_VIEL,
    ANWESENHEIT_ZU_FRUEH,
    AnwesenheitEingabe,
    AnwesenheitUngueltig,
    alle_anwesend,
    anmeldung_stornieren,
    anwesenheit_setzen,
    anwesenheiten_erfassen,
)
from tests.kurse.factories import anmelden, kurs_anlegen, person
from tests.teilnehmende.termine import laufender_durchgang, termin_anlegen

ANWESEND = Anwesenheit.Status.ANWESEND
ENTSCHULDIGT = Anwesenheit.Status.ENTSCHULDIGT


@pytest.fixture
def lage(site, trainerin):
    kurs = kurs_anlegen(module=1, lektionen=1)
    durchgang = laufender_durchgang(kurs, kapazitaet=2, trainer=[trainerin])
    berta, anton, wilma = person("berta"), person("anton"), person("wilma")
    return {
        "durchgang": durchgang,
        "termin": termin_anlegen(durchgang),
        "berta": anmelden(berta, durchgang),
        "anton": anmelden(anton, durchgang),
        "wilma": anmelden(wilma, durchgang),  # waiting list: no seat
        "trainerin": trainerin,
    }


def _setzen(lage, wer="berta", status=ANWESEND, stunden=None, termin=None):
    return anwesenheit_setzen(
        anmeldung=lage[wer],
        termin=termin or lage["termin"],
        status=status,
        stunden=stunden,
        erfasst_von=lage["trainerin"],
    )


def _meldungen(info) -> dict:
    return info.value.message_dict


def test_anwesend_ohne_stunden_zaehlt_den_ganzen_termin(lage):
    anwesenheit = _setzen(lage)
    assert (anwesenheit.status, anwesenheit.stunden) == (ANWESEND, Decimal("6"))
    assert anwesenheit.erfasst_von == lage["trainerin"]
    aenderung = AnwesenheitAenderung.objects.get()
    assert (aenderung.status_vorher, aenderung.stunden_vorher) == ("", None)
    assert (aenderung.status, aenderung.stunden, aenderung.geaendert_von) == (
        ANWESEND,
        Decimal("6"),
        lage["trainerin"],
    )


def test_aenderung_wird_mit_wer_und_wann_festgehalten(lage):
    _setzen(lage)
    kollege = person("kollege", rollen.TRAINER)
    anwesenheit_setzen(
        anmeldung=lage["berta"],
        termin=lage["termin"],
        status=ENTSCHULDIGT,
        erfasst_von=kollege,
    )
    anwesenheit = Anwesenheit.objects.get()
    assert (anwesenheit.status, anwesenheit.stunden, anwesenheit.erfasst_von) == (
        ENTSCHULDIGT,
        Decimal("0"),
        kollege,
    )
    neueste = AnwesenheitAenderung.objects.first()
    assert (neueste.status_vorher, neueste.stunden_vorher) == (ANWESEND, Decimal("6"))
    assert (neueste.status, neueste.geaendert_von) == (ENTSCHULDIGT, kollege)
    assert AnwesenheitAenderung.objects.count() == 2


def test_gleiche_angaben_erneut_aendern_nichts(lage):
    _setzen(lage, stunden=Decimal("4.5"))
    _setzen(lage, stunden=Decimal("4.50"))
    assert AnwesenheitAenderung.objects.count() == 1


def test_teilweise_anwesenheit(lage):
    assert _setzen(lage, stunden=Decimal("3.25")).stunden == Decimal("3.25")


@pytest.mark.parametrize(
    ("status", "stunden", "meldung"),
    [
        (ANWESEND, Decimal("6.5"), str(ANWESENHEIT_STUNDEN_ZU_VIEL).format(stunden="6")),
        (ANWESEND, Decimal("0"), ANWESENHEIT_STUNDEN_NULL),
        (ANWESEND, Decimal("-1"), ANWESENHEIT_STUNDEN_NULL),
        (ENTSCHULDIGT, Decimal("2"), ANWESENHEIT_STUNDEN_OHNE_ANWESENHEIT),
        (Anwesenheit.Status.UNENTSCHULDIGT, Decimal("6"), ANWESENHEIT_STUNDEN_OHNE_ANWESENHEIT),
    ],
)
def test_unpassende_stunden_werden_abgelehnt(lage, status, stunden, meldung):
    with pytest.raises(ValidationError) as info:
        _setzen(lage, status=status, stunden=stunden)
    assert _meldungen(info) == {"stunden": [str(meldung)]}
    assert not Anwesenheit.objects.exists() and not AnwesenheitAenderung.objects.exists()


def test_unbekannter_status(lage):
    with pytest.raises(ValidationError) as info:
        _setzen(lage, status="krank")
    assert _meldungen(info) == {"status": [str(ANWESENHEIT_STATUS_UNBEKANNT)]}


def test_nur_fuer_teilnehmende_mit_platz_im_durchgang(lage, site):
    with pytest.raises(ValidationError) as info:
        _setzen(lage, wer="wilma")  # waiting list
    assert info.value.messages == [str(ANWESENHEIT_OHNE_PLATZ)]
    anderer = laufender_durchgang(kurs_anlegen(module=1, lektionen=1))
    with pytest.raises(ValidationError):
        _setzen(lage, termin=termin_anlegen(anderer))
    anmeldung_stornieren(anmeldung=lage["anton"], benachrichtigen=False)
    lage["anton"].refresh_from_db()
    with pytest.raises(ValidationError):
        _setzen(lage, wer="anton")
    assert not Anwesenheit.objects.exists()


def test_kuenftiger_termin_nimmt_noch_keine_anwesenheit(lage):
    morgen = termin_anlegen(lage["durchgang"], tage_her=-1)
    with pytest.raises(ValidationError) as info:
        _setzen(lage, termin=morgen)
    assert info.value.messages == [
        str(ANWESENHEIT_ZU_FRUEH).format(datum=f"{morgen.datum:%d.%m.%Y}")
    ]
    assert _setzen(lage, termin=termin_anlegen(lage["durchgang"], tage_her=0)).pk


def test_liste_ganz_oder_gar_nicht(lage):
    _setzen(lage, wer="anton", status=ENTSCHULDIGT)
    with pytest.raises(AnwesenheitUngueltig) as info:
        anwesenheiten_erfassen(
            termin=lage["termin"],
            eintraege=[
                AnwesenheitEingabe(lage["berta"], ANWESEND),
                AnwesenheitEingabe(lage["anton"], ANWESEND, Decimal("7")),
            ],
            erfasst_von=lage["trainerin"],
        )
    assert list(info.value.fehler) == [lage["anton"].pk]
    assert info.value.fehler[lage["anton"].pk].message_dict == {
        "stunden": [str(ANWESENHEIT_STUNDEN_ZU_VIEL).format(stunden="6")]
    }
    # Berta's valid line was not kept, Anton's earlier entry is unchanged.
    assert list(Anwesenheit.objects.values_list("anmeldung", "status")) == [
        (lage["anton"].pk, ENTSCHULDIGT)
    ]
    assert AnwesenheitAenderung.objects.count() == 1


def test_liste_zaehlt_aenderungen(lage):
    _setzen(lage)
    geaendert = anwesenheiten_erfassen(
        termin=lage["termin"],
        eintraege=[
            AnwesenheitEingabe(lage["berta"], ANWESEND),
            AnwesenheitEingabe(lage["anton"], ANWESEND, Decimal("2")),
        ],
        erfasst_von=lage["trainerin"],
    )
    assert geaendert == 1
    assert Anwesenheit.objects.get(anmeldung=lage["anton"]).stunden == Decimal("2")


def test_alle_anwesend_laesst_vorhandene_eintraege_stehen(lage):
    _setzen(lage, wer="anton", status=ENTSCHULDIGT)
    assert alle_anwesend(termin=lage["termin"], erfasst_von=lage["trainerin"]) == 1
    assert dict(Anwesenheit.objects.values_list("anmeldung", "status")) == {
        lage["berta"].pk: ANWESEND,
        lage["anton"].pk: ENTSCHULDIGT,
    }
    assert alle_anwesend(termin=lage["termin"], erfasst_von=lage["trainerin"]) == 0


def test_stunden_passen_immer_zum_status_auch_in_der_datenbank(lage):
    from django.db import IntegrityError, transaction

    anwesenheit = _setzen(lage)
    anwesenheit.status = ENTSCHULDIGT  # bypassing the service: the constraint still holds
    with pytest.raises(IntegrityError), transaction.atomic():
        anwesenheit.save()
