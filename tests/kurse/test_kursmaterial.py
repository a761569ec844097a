"""Course material (kurse/dokumente.py): documents in "Kursmaterial" only for the people of a
course whose live lesson uses them, and for editors and admins; other documents stay public."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Collection, CollectionViewRestriction

from kern import rollen
from kurse.dokumente import KURSMATERIAL, NICHT_IM_KURSMATERIAL, kursmaterial_sicherstellen
from tests.kurse.factories import (
    anmelden,
    durchgang_fuer,
    kurs_anlegen,
    person,
    pflichtlektionen,
)
from tests.kurse.kursmaterial import (
    INHALT,
    dokument_anlegen,
    dokument_einbauen,
    oeffentliche_sammlung,
)


@pytest.fixture
def lage(site):
    kurs = kurs_anlegen(module=1, lektionen=1)
    trainerin = person("trainerin-a", rollen.TRAINER)
    teilnehmerin = person("tn-a")
    anmelden(teilnehmerin, durchgang_fuer(kurs, trainer=[trainerin]))
    fremder_kurs = kurs_anlegen(module=1, lektionen=1)
    fremde_trainerin = person("trainerin-b", rollen.TRAINER)
    fremde_teilnehmerin = person("tn-b")
    anmelden(fremde_teilnehmerin, durchgang_fuer(fremder_kurs, trainer=[fremde_trainerin]))
    dokument = dokument_anlegen()
    lektion = dokument_einbauen(pflichtlektionen(kurs)[0], dokument)
    return {
        "dokument": dokument,
        "lektion": lektion,
        "teilnehmerin": teilnehmerin,
        "trainerin": trainerin,
        "fremde_teilnehmerin": fremde_teilnehmerin,
        "fremde_trainerin": fremde_trainerin,
        "foerderer": person("foerderer", rollen.FOERDERER),
        "redaktion": person("redaktion", rollen.REDAKTION),
        "admin": person("admin", rollen.ADMINISTRATION),
    }


def _status(client, nutzer, dokument) -> int:
    if nutzer is None:
        client.logout()
    else:
        client.force_login(nutzer)
    return client.get(dokument.url).status_code


def test_sammlung_mit_wagtail_sichtschutz(db):
    sammlung = kursmaterial_sicherstellen()
    assert kursmaterial_sicherstellen() == sammlung  # idempotent (also run after migrate)
    assert Collection.objects.filter(name=KURSMATERIAL).count() == 1
    assert sammlung.get_parent() == Collection.get_first_root_node()
    beschraenkung = CollectionViewRestriction.objects.get(collection=sammlung)
    assert beschraenkung.restriction_type == CollectionViewRestriction.LOGIN


def test_nur_die_leute_des_kurses(client, lage):
    dokument = lage["dokument"]
    assert dokument.url == f"/dokumente/{dokument.pk}/handout.pdf"
    antwort = client.get(dokument.url)
    assert antwort.status_code == 302
    assert antwort.url == f"/konto/login/?next={dokument.url}"
    for rolle in ("fremde_teilnehmerin", "fremde_trainerin", "foerderer"):
        assert _status(client, lage[rolle], dokument) == 403, rolle
    for rolle in ("teilnehmerin", "trainerin", "redaktion", "admin"):
        assert _status(client, lage[rolle], dokument) == 200, rolle
    client.force_login(lage["teilnehmerin"])
    antwort = client.get(dokument.url)
    assert b"".join(antwort.streaming_content) == INHALT
    assert antwort["X-Content-Type-Options"] == "nosniff"


def test_ungenutztes_kursmaterial_nur_fuer_redaktion(client, lage):
    dokument = dokument_anlegen(titel="Entwurf", name="entwurf.pdf")
    assert _status(client, lage["teilnehmerin"], dokument) == 403
    assert _status(client, lage["trainerin"], dokument) == 403
    assert _status(client, lage["redaktion"], dokument) == 200


def test_auch_in_einer_untersammlung(client, lage):
    unter = kursmaterial_sicherstellen().add_child(name="Modul 1")
    dokument = dokument_anlegen(name="modul.pdf", sammlung=unter)
    assert _status(client, None, dokument) == 302
    assert _status(client, lage["teilnehmerin"], dokument) == 403  # no lesson uses it yet
    dokument_einbauen(lage["lektion"], dokument)
    assert _status(client, lage["teilnehmerin"], dokument) == 200
    assert _status(client, lage["fremde_teilnehmerin"], dokument) == 403


def test_nur_veroeffentlichte_lektionen_zaehlen(client, lage):
    lage["lektion"].unpublish()
    assert _status(client, lage["teilnehmerin"], lage["dokument"]) == 403
    assert _status(client, lage["redaktion"], lage["dokument"]) == 200


def test_oeffentliche_dokumente_bleiben_oeffentlich(client, lage):
    dokument = dokument_anlegen(titel="Flyer", name="flyer.pdf", sammlung=oeffentliche_sammlung())
    assert _status(client, None, dokument) == 200
    assert _status(client, lage["fremde_teilnehmerin"], dokument) == 200


def test_lektion_nimmt_nur_kursmaterial(lage):
    lektion = lage["lektion"]
    flyer = dokument_anlegen(titel="Flyer", name="flyer.pdf", sammlung=oeffentliche_sammlung())
    roh = [*lektion.inhalt.raw_data]
    roh.append({"type": "dokument", "value": {"dokument": flyer.pk, "beschreibung": ""}})
    lektion.inhalt = roh
    with pytest.raises(ValidationError) as fehler:
        lektion.full_clean()
    assert fehler.value.message_dict["inhalt"] == [str(NICHT_IM_KURSMATERIAL)]
