"""50 parallel checks of one enrolment whose conditions hold: exactly one certificate."""

import threading

import pytest
from django.db import connection, connections

from teilnehmende.models import Anmeldung
from tests.zertifikate.conftest import alles_erledigen
from zertifikate.models import Zertifikat
from zertifikate.services import pruefen_und_ausstellen

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="Nur auf PostgreSQL: SQLite serialisiert Schreibzugriffe ohnehin "
    "(DATABASE_URL=postgres://… setzen).",
)

PARALLEL = 50


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_fuenfzig_parallele_aufrufe_ein_zertifikat(lage):
    alles_erledigen(lage["ich"], lage["kurs"])
    Zertifikat.objects.all().delete()  # the lesson signal may have issued one already
    Anmeldung.objects.filter(pk=lage["anmeldung"].pk).update(status=Anmeldung.Status.BESTAETIGT)
    anmeldung = Anmeldung.objects.select_related("nutzer", "durchgang__kurs").get(
        pk=lage["anmeldung"].pk
    )
    start = threading.Barrier(PARALLEL)
    ergebnisse: list[int] = []
    fehler: list[BaseException] = []

    def pruefen():
        try:
            start.wait(timeout=60)
            zertifikat = pruefen_und_ausstellen(anmeldung)
            ergebnisse.append(zertifikat.pk)
        except BaseException as ausnahme:  # noqa: BLE001 - reported below
            fehler.append(ausnahme)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=pruefen) for _ in range(PARALLEL)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=180)

    assert not any(thread.is_alive() for thread in threads)
    assert fehler == []
    assert Zertifikat.objects.filter(anmeldung=anmeldung).count() == 1
    assert len(ergebnisse) == PARALLEL and len(set(ergebnisse)) == 1
    anmeldung.refresh_from_db()
    assert anmeldung.status == Anmeldung.Status.ABGESCHLOSSEN
