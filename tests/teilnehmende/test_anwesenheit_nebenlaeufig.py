"""Several trainers save the same person's attendance at once: one record, a complete history."""

import threading

import pytest
from django.db import connection, connections

from kern import rollen
from teilnehmende.models import Anwesenheit, AnwesenheitAenderung
from teilnehmende.services import anwesenheit_setzen
from tests.kurse.factories import anmelden, kurs_anlegen, person
from tests.teilnehmende.termine import laufender_durchgang, termin_anlegen

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="Nur auf PostgreSQL: SQLite serialisiert Schreibzugriffe ohnehin "
    "(DATABASE_URL=postgres://… setzen).",
)

PARALLEL = 8


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_parallele_erfassung_derselben_person(site):
    durchgang = laufender_durchgang(kurs_anlegen(module=1, lektionen=1))
    termin = termin_anlegen(durchgang)
    anmeldung = anmelden(person("berta"), durchgang)
    trainer = [person(f"parallel-trainer{i}", rollen.TRAINER) for i in range(PARALLEL)]
    status = ["anwesend", "entschuldigt", "unentschuldigt"]
    start = threading.Barrier(PARALLEL)
    fehler: list[BaseException] = []

    def erfassen(nummer: int):
        try:
            start.wait(timeout=30)
            anwesenheit_setzen(
                anmeldung=anmeldung,
                termin=termin,
                status=status[nummer % 3],
                erfasst_von=trainer[nummer],
            )
        except BaseException as ausnahme:  # noqa: BLE001 - reported below
            fehler.append(ausnahme)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=erfassen, args=(n,)) for n in range(PARALLEL)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert not any(thread.is_alive() for thread in threads)
    assert fehler == []
    anwesenheit = Anwesenheit.objects.get()
    verlauf = list(AnwesenheitAenderung.objects.order_by("geaendert_am", "pk"))
    assert verlauf[0].status_vorher == ""
    # Each change starts from what the one before left: no lost update.
    for vorher, nachher in zip(verlauf, verlauf[1:], strict=False):
        assert nachher.status_vorher == vorher.status
    assert verlauf[-1].status == anwesenheit.status
