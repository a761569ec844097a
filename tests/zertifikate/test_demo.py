"""demo_anlegen leaves one valid and one revoked certificate; running it again changes nothing."""

from io import StringIO

import pytest
from django.core.management import call_command

from berichte.demo import TITEL
from zertifikate.demo import WIDERRUF_GRUND
from zertifikate.models import Zertifikat

pytestmark = pytest.mark.django_db


def test_demo_zertifikate(client):
    call_command("demo_anlegen", stdout=StringIO())
    ausgabe = StringIO()
    call_command("demo_anlegen", stdout=ausgabe)
    # The finished cohort of the funder demo (berichte/demo.py) holds 20 more, all valid.
    ehemalige = Zertifikat.objects.filter(anmeldung__durchgang__titel=TITEL)
    assert ehemalige.count() == 20
    assert set(ehemalige.values_list("status", flat=True)) == {Zertifikat.Status.GUELTIG}
    laufend = Zertifikat.objects.exclude(anmeldung__durchgang__titel=TITEL)
    assert laufend.count() == 2
    gueltig = laufend.get(status=Zertifikat.Status.GUELTIG)
    widerrufen = laufend.get(status=Zertifikat.Status.WIDERRUFEN)
    assert gueltig.inhaber_name == "Sabine Hoffmann"
    assert widerrufen.widerruf_grund == WIDERRUF_GRUND
    assert widerrufen.widerrufen_von.email == "admin@lernkette.example"
    assert f"gültig {gueltig.nummer}" in ausgabe.getvalue()
    assert "gültig" in client.get(f"/zertifikate/pruefen/{gueltig.nummer}/").content.decode()
    text = client.get(f"/zertifikate/pruefen/{widerrufen.nummer}/").content.decode()
    assert "widerrufen am" in text and "Mindestanwesenheit" in text
