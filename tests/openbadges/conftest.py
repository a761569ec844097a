"""A course completed by one participant whose certificate is issued (lesson rule only)."""

from __future__ import annotations

import pytest

from tests.zertifikate.conftest import _nur_lektionsregel, alles_erledigen, lage  # noqa: F401
from zertifikate.services import zertifikat_ausstellen


@pytest.fixture
def zertifikat(lage):  # noqa: F811
    alles_erledigen(lage["ich"], lage["kurs"])
    return zertifikat_ausstellen(anmeldung=lage["anmeldung"], pdf_erzeugen=False)


@pytest.fixture
def schluessel_ordner(settings, tmp_path):
    """A key directory of its own (rotation tests)."""
    from openbadges.schluessel import neuer_schluessel

    ordner = tmp_path / "schluessel"
    neuer_schluessel(ordner)
    settings.LERNKETTE_OB_SCHLUESSEL_DIR = ordner
    return ordner
