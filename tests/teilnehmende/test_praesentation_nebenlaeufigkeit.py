"""Two trainers decide at the same moment, or one person submits twice at once: the row locks
keep one decision per version and distinct version numbers."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from kern import rollen
from teilnehmende.models import Abschlusspraesentation, Begutachtung, Version
from teilnehmende.services_praesentation import begutachtung_beginnen, begutachtung_entscheiden
from tests.kurse.factories import person
from tests.teilnehmende.praesentation_hilfen import einreichen, lage_anlegen, pdf, punkte

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="Nur auf PostgreSQL: SQLite kennt kein SELECT … FOR UPDATE und serialisiert "
    "Schreibzugriffe ohnehin (DATABASE_URL=postgres://… setzen).",
)


def _parallel(auftraege) -> list[BaseException]:
    start = threading.Barrier(len(auftraege))
    fehler: list[BaseException] = []

    def ausfuehren(auftrag):
        try:
            start.wait(timeout=30)
            auftrag()
        except BaseException as ausnahme:  # noqa: BLE001 - reported to the test
            fehler.append(ausnahme)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=ausfuehren, args=(a,)) for a in auftraege]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(thread.is_alive() for thread in threads)
    return fehler


# serialized_rollback: see test_nebenlaeufigkeit.py.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_zwei_gleichzeitige_entscheidungen(site, trainerin, teilnehmerin):
    lage = lage_anlegen(trainerin, teilnehmerin)
    zweite = person("zweittrainerin", rollen.TRAINER)
    lage["meiner"].trainer.add(zweite)
    praes = einreichen(lage["anmeldung"]).praesentation
    begutachtung_beginnen(praesentation=praes)

    def entscheiden(wer, entscheidung):
        return lambda: begutachtung_entscheiden(
            praesentation=praes,
            gutachter=wer,
            entscheidung=entscheidung,
            punkte=punkte(lage, 9, 9, 4),
            kommentar=f"Von {wer.email}",
            benachrichtigen=False,
        )

    fehler = _parallel(
        [entscheiden(trainerin, "angenommen"), entscheiden(zweite, "ueberarbeitung")]
    )
    assert len(fehler) == 1 and isinstance(fehler[0], ValidationError)
    assert Begutachtung.objects.count() == 1
    status = Abschlusspraesentation.objects.get().status
    assert (
        status
        == {"angenommen": "angenommen", "ueberarbeitung": "ueberarbeitung_erbeten"}[
            Begutachtung.objects.get().entscheidung
        ]
    )


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_gleichzeitige_einreichungen_bekommen_eigene_nummern(site, trainerin, teilnehmerin):
    lage = lage_anlegen(trainerin, teilnehmerin)
    auftraege = [
        (lambda n=n: einreichen(lage["anmeldung"], titel=f"Fassung {n}", datei=pdf()))
        for n in range(4)
    ]
    assert _parallel(auftraege) == []
    assert sorted(Version.objects.values_list("nummer", flat=True)) == [1, 2, 3, 4]
    assert Abschlusspraesentation.objects.count() == 1
