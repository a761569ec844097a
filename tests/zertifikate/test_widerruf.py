"""Revocation and re-issue through the services: reason required, who/when recorded."""

import pytest
from django.core.exceptions import ValidationError

from tests.zertifikate.conftest import alles_erledigen
from zertifikate.models import Zertifikat
from zertifikate.services import (
    GRUND_FEHLT,
    NICHT_ERSETZBAR,
    NICHT_WIDERRUFBAR,
    pruefen_und_ausstellen,
    zertifikat_ausstellen,
    zertifikat_neu_ausstellen,
    zertifikat_widerrufen,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def zertifikat(lage):
    alles_erledigen(lage["ich"], lage["kurs"])
    return zertifikat_ausstellen(anmeldung=lage["anmeldung"], pdf_erzeugen=False)


@pytest.mark.parametrize("grund", ["", "   "])
def test_widerruf_braucht_grund(zertifikat, administratorin, grund):
    with pytest.raises(ValidationError) as fehler:
        zertifikat_widerrufen(zertifikat=zertifikat, grund=grund, von=administratorin)
    assert fehler.value.message_dict == {"grund": [str(GRUND_FEHLT)]}
    zertifikat.refresh_from_db()
    assert zertifikat.status == Zertifikat.Status.GUELTIG
    assert zertifikat.widerrufen_am is None


def test_widerruf_haelt_wer_wann_warum_fest(zertifikat, administratorin, lage):
    zertifikat_widerrufen(zertifikat=zertifikat, grund="  Täuschung  ", von=administratorin)
    zertifikat.refresh_from_db()
    assert zertifikat.status == Zertifikat.Status.WIDERRUFEN
    assert zertifikat.widerrufen_von == administratorin
    assert zertifikat.widerruf_grund == "Täuschung"
    assert zertifikat.widerrufen_am is not None
    # A revoked certificate is not silently re-issued by the automatic check.
    assert pruefen_und_ausstellen(lage["anmeldung"]).pk == zertifikat.pk
    assert Zertifikat.objects.count() == 1
    with pytest.raises(ValidationError) as fehler:
        zertifikat_widerrufen(zertifikat=zertifikat, grund="nochmal", von=administratorin)
    assert fehler.value.messages == [str(NICHT_WIDERRUFBAR)]


def test_neu_ausstellen_ersetzt_mit_neuer_nummer(
    zertifikat, administratorin, lage, django_capture_on_commit_callbacks
):
    lage["ich"].last_name = "Absolventin-Berg"
    lage["ich"].save()
    with django_capture_on_commit_callbacks(execute=True):
        neu = zertifikat_neu_ausstellen(
            zertifikat=zertifikat, grund="Namensänderung", von=administratorin
        )
    zertifikat.refresh_from_db()
    neu.refresh_from_db()
    assert neu.nummer != zertifikat.nummer
    assert neu.inhaber_name == "Amelie Absolventin-Berg"
    assert neu.status == Zertifikat.Status.GUELTIG and neu.pdf
    assert zertifikat.status == Zertifikat.Status.ERSETZT
    assert zertifikat.ersetzt_durch == neu
    assert zertifikat.ersetzt_von == administratorin
    assert zertifikat.ersetzt_grund == "Namensänderung"
    assert pruefen_und_ausstellen(lage["anmeldung"]).pk == neu.pk
    with pytest.raises(ValidationError) as fehler:
        zertifikat_neu_ausstellen(zertifikat=zertifikat, grund="nochmal", von=administratorin)
    assert fehler.value.messages == [str(NICHT_ERSETZBAR)]


def test_widerrufenes_neu_ausstellen(zertifikat, administratorin):
    zertifikat_widerrufen(zertifikat=zertifikat, grund="Fehler im Namen", von=administratorin)
    neu = zertifikat_neu_ausstellen(
        zertifikat=zertifikat, grund="Name korrigiert", von=administratorin
    )
    zertifikat.refresh_from_db()
    assert zertifikat.status == Zertifikat.Status.ERSETZT
    assert zertifikat.widerruf_grund == "Fehler im Namen"
    assert neu.gueltig


def test_neu_ausstellen_braucht_grund(zertifikat, administratorin):
    with pytest.raises(ValidationError):
        zertifikat_neu_ausstellen(zertifikat=zertifikat, grund="", von=administratorin)
    assert Zertifikat.objects.count() == 1
    zertifikat.refresh_from_db()
    assert zertifikat.gueltig
