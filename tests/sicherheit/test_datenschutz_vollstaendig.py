"""Deletion leaves nothing of the person's own text: everything derived from the presentation
(draft pages, their revisions, log titles) removed, a published example detached and stripped
of older revisions; deletion runs the withdrawal services of the consent page."""

from __future__ import annotations

import pytest
from wagtail.models import Revision

from cms.models import HomePage, Praxisbeispiel
from cms.services import praxisbeispiel_index_sicherstellen
from kern.models import Protokolleintrag
from teilnehmende.models import Abschlusspraesentation
from tests.conftest import PASSWORT
from tests.sicherheit.test_datenschutz import textspalten_mit
from tests.teilnehmende.praesentation_hilfen import einreichen, entscheiden, lage_anlegen

GEHEIM = "Quokkaverbundmodell"  # only in the abstract
TITELWORT = "Wombatkette"


def _loeschen(client, nutzer):
    client.force_login(nutzer)
    antwort = client.post("/konto/daten/loeschen/", {"passwort": PASSWORT, "bestaetigung": "on"})
    assert antwort.status_code == 302


@pytest.fixture
def angenommen(site, trainerin, teilnehmerin):
    """An accepted presentation with consent to publication: its library draft exists."""
    praxisbeispiel_index_sicherstellen(home=HomePage.objects.get(), titel="Praxisbeispiele")
    lage = lage_anlegen(trainerin, teilnehmerin)
    version = einreichen(
        lage["anmeldung"],
        titel=f"Die {TITELWORT} aus Datteln",
        kurzfassung=f"Wir beschreiben das {GEHEIM} der Stadt.",
        einwilligung_praxisbeispiel=True,
    )
    entscheiden(version.praesentation, trainerin, lage, "angenommen")
    assert Abschlusspraesentation.objects.get().praxisbeispiel is not None
    return version


def test_loeschen_entfernt_den_entwurf_mit_allen_fassungen(client, teilnehmerin, angenommen):
    seite = Praxisbeispiel.objects.get()
    assert textspalten_mit(GEHEIM) and textspalten_mit(TITELWORT)  # the test sees them before
    _loeschen(client, teilnehmerin)
    assert not Praxisbeispiel.objects.exists()
    assert not Revision.objects.filter(object_id=str(seite.pk)).exists()
    assert textspalten_mit(GEHEIM) == []
    assert textspalten_mit(TITELWORT) == []
    # The same services as the consent page ran (and logged) – not just a flag set.
    aktionen = set(Protokolleintrag.objects.values_list("aktion", flat=True))
    assert {"einwilligung_widerrufen", "einwilligung_praxisbeispiel"} <= aktionen


def test_loeschen_laesst_veroeffentlichtes_beispiel_ohne_spuren(
    client, teilnehmerin, angenommen, redakteurin
):
    seite = Praxisbeispiel.objects.get()
    # The editors reworded the text and published: the draft revision keeps the original.
    seite.title = "Präventionskette Datteln"
    seite.teaser = "Ein Netzwerk für Familien."
    seite.programm, seite.angebotsart = "kinderstark", "netzwerk"
    seite.inhalt = [("text", "<p>Von der Redaktion geschrieben.</p>")]
    seite.phasen = list(seite.phasen.model.objects.all()[:1])
    seite.handlungsfelder = list(seite.handlungsfelder.model.objects.all()[:1])
    seite.save_revision(user=redakteurin, clean=False).publish(user=redakteurin)
    assert Revision.objects.for_instance(seite).count() == 2
    _loeschen(client, teilnehmerin)
    seite = Praxisbeispiel.objects.get()
    assert seite.live and seite.title == "Präventionskette Datteln"
    assert list(Revision.objects.for_instance(seite)) == [seite.live_revision]
    assert seite.latest_revision_id == seite.live_revision_id
    assert not Abschlusspraesentation.objects.filter(praxisbeispiel__isnull=False).exists()
    assert textspalten_mit(GEHEIM) == []
    # The published address (slug from the first title) stays: the editors published it.
    assert {t.rsplit(".", 1)[1] for t in textspalten_mit(TITELWORT)} <= {
        "slug",
        "url_path",
        "content",
    }
    assert [k for k, v in seite.live_revision.content.items() if TITELWORT in str(v)] == []
