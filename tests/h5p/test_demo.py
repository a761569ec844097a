"""demo_anlegen puts the shared True/False package into the demo "Wissenscheck" lesson, once."""

from io import StringIO

from django.core.management import call_command

from h5p.models import H5PPaket
from kurse.demo_h5p import UEBERSCHRIFT
from kurse.h5p_anbindung import h5p_bloecke
from kurse.models import LektionSeite


def test_demo_lektion_traegt_das_echte_paket(db, settings, tmp_path):
    call_command("demo_anlegen", stdout=StringIO())
    ausgabe = StringIO()
    call_command("demo_anlegen", stdout=ausgabe)
    assert "H5P-Aktivität" not in ausgabe.getvalue()  # nothing added the second time
    paket = H5PPaket.objects.get()
    assert (paket.titel, paket.hauptbibliothek) == ("Hello World", "H5P.TrueFalse 1.6")
    lektion = LektionSeite.objects.get(slug__startswith="wissenscheck-grundbegriffe")
    assert h5p_bloecke(lektion) == [
        {
            "paket": paket.pk,
            "ueberschrift": UEBERSCHRIFT,
            "regel": "abgeschlossen",
            "schwelle": None,
        }
    ]
    assert [lektion.pk] == [
        seite.pk for seite in LektionSeite.objects.all() if seite.hat_h5p_aktivitaet
    ]


def test_ohne_paket_bleibt_die_lektion_text(db, settings, tmp_path):
    settings.H5P_DEMO_PAKET = str(tmp_path / "fehlt.h5p")
    ausgabe = StringIO()
    call_command("demo_anlegen", stdout=ausgabe)
    assert f"H5P-Demo übersprungen: {tmp_path / 'fehlt.h5p'} fehlt." in ausgabe.getvalue()
    assert not H5PPaket.objects.exists()
