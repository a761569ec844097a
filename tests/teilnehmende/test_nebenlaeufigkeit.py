"""20 people enrol at the same moment into 10 seats: the row lock on the cohort holds."""

import threading

import pytest
from django.db import connection, connections

from teilnehmende.models import Anmeldung
from teilnehmende.selectors import wartelisten_position
from tests.kurse.factories import anmelden, durchgang_fuer, kurs_anlegen, person

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="Nur auf PostgreSQL: SQLite kennt kein SELECT … FOR UPDATE und serialisiert "
    "Schreibzugriffe ohnehin (DATABASE_URL=postgres://… setzen).",
)

PERSONEN = 20
PLAETZE = 10


# serialized_rollback: the flush after a transactional test would drop the migration data
# (districts, Wagtail root page) that the tests after it need.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_zwanzig_parallele_anmeldungen_auf_zehn_plaetze(site):
    durchgang = durchgang_fuer(kurs_anlegen(), kapazitaet=PLAETZE)
    leute = [person(f"parallel{i}") for i in range(PERSONEN)]
    start = threading.Barrier(PERSONEN)
    fehler: list[BaseException] = []

    def anmelden_im_eigenen_thread(nutzer):
        try:
            start.wait(timeout=30)  # all threads leave the barrier together
            anmelden(nutzer, durchgang)
        except BaseException as ausnahme:  # noqa: BLE001 - reported below
            fehler.append(ausnahme)
        finally:
            connections.close_all()  # each thread had its own connection

    threads = [threading.Thread(target=anmelden_im_eigenen_thread, args=(n,)) for n in leute]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert not any(thread.is_alive() for thread in threads)
    assert fehler == []
    status = list(Anmeldung.objects.filter(durchgang=durchgang).values_list("status", flat=True))
    assert status.count(Anmeldung.Status.BESTAETIGT) == PLAETZE
    assert status.count(Anmeldung.Status.WARTELISTE) == PERSONEN - PLAETZE
    # The waiting list has a strict order: positions 1 … 10, each once.
    positionen = sorted(
        wartelisten_position(anmeldung=anmeldung)
        for anmeldung in Anmeldung.objects.filter(
            durchgang=durchgang, status=Anmeldung.Status.WARTELISTE
        )
    )
    assert positionen == list(range(1, PERSONEN - PLAETZE + 1))
