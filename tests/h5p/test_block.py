"""The "H5P-Aktivität" block: the threshold is required for the rule "punkte" only."""

import pytest
from wagtail.blocks.struct_block import StructBlockValidationError

from h5p.blocks import SCHWELLE_FEHLT, H5PAktivitaetBlock
from h5p.models import XAPIAussage
from tests.h5p.test_xapi import aussage, senden, xapi_url


def test_punkte_brauchen_eine_schwelle(paket):
    block = H5PAktivitaetBlock()
    with pytest.raises(StructBlockValidationError) as fehler:
        block.clean(block.to_python({"paket": paket.pk, "regel": "punkte", "schwelle": None}))
    assert fehler.value.block_errors["schwelle"].messages == [str(SCHWELLE_FEHLT)]
    wert = block.clean(block.to_python({"paket": paket.pk, "regel": "punkte", "schwelle": 80}))
    assert wert["schwelle"] == 80
    wert = block.clean(block.to_python({"paket": paket.pk, "regel": "bestanden"}))
    assert wert["paket"] == paket


def test_aussagen_bleiben_wenn_die_lektion_geloescht_wird(client, lage):
    client.force_login(lage["teilnehmerin"])
    senden(client, xapi_url(lage), aussage())
    lage["lektion"].delete()
    gespeichert = XAPIAussage.objects.get()
    assert gespeichert.seite is None and gespeichert.paket == lage["paket"]
