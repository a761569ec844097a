"""`manage.py h5p_pruefen DATEI…`: OK/FEHLER lines, exit 0 only when every file is valid."""

from io import StringIO

import pytest
from django.core.management import call_command

from h5p.validierung import FEHLER_H5P_JSON_FEHLT
from tests.h5p.pakete import ECHTES_PAKET, als_zip, minimal


def test_gueltige_dateien(tmp_path):
    ausgabe = StringIO()
    call_command("h5p_pruefen", str(ECHTES_PAKET), stdout=ausgabe)
    assert f"{ECHTES_PAKET}:\nOK Hello World\n" == ausgabe.getvalue()


def test_eine_ungueltige_datei_ergibt_1(tmp_path):
    kaputt = tmp_path / "kaputt.h5p"
    kaputt.write_bytes(als_zip({k: v for k, v in minimal().items() if k != "h5p.json"}).read())
    ausgabe = StringIO()
    with pytest.raises(SystemExit) as ende:
        call_command(
            "h5p_pruefen",
            str(ECHTES_PAKET),
            str(kaputt),
            str(tmp_path / "fehlt.h5p"),
            stdout=ausgabe,
        )
    assert ende.value.code == 1
    zeilen = ausgabe.getvalue().splitlines()
    assert zeilen[:2] == [f"{ECHTES_PAKET}:", "OK Hello World"]
    assert f"FEHLER {FEHLER_H5P_JSON_FEHLT}" in zeilen
    assert zeilen[-1].startswith("FEHLER Die Datei lässt sich nicht lesen")
