"""Celery tasks: periodic check, PDF retries, a bulk job that finishes also when a PDF fails."""

import pytest

from tests.kurse.factories import anmelden, person
from tests.zertifikate.conftest import alles_erledigen
from zertifikate import services, tasks
from zertifikate.models import Stapelauftrag, Zertifikat

pytestmark = pytest.mark.django_db


@pytest.fixture
def wie_ein_worker(monkeypatch):
    """Eager tasks retry like a worker instead of raising the first error to the caller."""
    monkeypatch.setitem(tasks.stapel_pdf_erzeugen.app.conf, "task_eager_propagates", False)


def test_periodische_pruefung_stellt_aus(lage):
    alles_erledigen(lage["ich"], lage["kurs"])
    assert tasks.offene_zertifikate_pruefen.delay().get() == 1
    assert tasks.offene_zertifikate_pruefen.delay().get() == 0
    assert Zertifikat.objects.count() == 1


def test_periodische_pruefung_ist_eingeplant(settings):
    eintrag = settings.CELERY_BEAT_SCHEDULE["zertifikate-pruefen"]
    assert eintrag["task"] == tasks.offene_zertifikate_pruefen.name


def test_pdf_aufgabe_wiederholt_voruebergehende_fehler(lage, monkeypatch, wie_ein_worker):
    alles_erledigen(lage["ich"], lage["kurs"])
    zertifikat = services.zertifikat_ausstellen(anmeldung=lage["anmeldung"], pdf_erzeugen=False)
    echt = services.pdf_speichern
    versuche = []

    def wackelig(*, zertifikat):
        versuche.append(1)
        if len(versuche) < 3:
            raise OSError("Speicher kurz nicht erreichbar")
        return echt(zertifikat=zertifikat)

    monkeypatch.setattr(services, "pdf_speichern", wackelig)
    assert tasks.zertifikat_pdf_erzeugen.delay(zertifikat.pk).successful()
    assert len(versuche) == 3
    zertifikat.refresh_from_db()
    assert zertifikat.pdf


def test_stapel_endet_auch_wenn_ein_pdf_scheitert(
    lage, monkeypatch, administratorin, wie_ein_worker
):
    zweite = person("zweite")
    anmelden(zweite, lage["durchgang"])
    alles_erledigen(lage["ich"], lage["kurs"])
    alles_erledigen(zweite, lage["kurs"])
    echt = services.pdf_speichern

    def scheitert_fuer_zweite(*, zertifikat):
        if zertifikat.anmeldung.nutzer_id == zweite.pk:
            raise OSError("Datei nicht schreibbar")
        return echt(zertifikat=zertifikat)

    monkeypatch.setattr(services, "pdf_speichern", scheitert_fuer_zweite)
    monkeypatch.setattr(tasks.stapel_pdf_erzeugen, "max_retries", 1)
    auftrag = Stapelauftrag.objects.create(
        durchgang=lage["durchgang"], gestartet_von=administratorin
    )
    tasks.stapel_ausfuehren.delay(auftrag.pk)
    auftrag.refresh_from_db()
    assert (auftrag.status, auftrag.gesamt, auftrag.erledigt, auftrag.fehlgeschlagen) == (
        Stapelauftrag.Status.FERTIG,
        2,
        1,
        1,
    )
    assert auftrag.beendet_am is not None


def test_leerer_stapel_ist_sofort_fertig(lage, administratorin):
    auftrag = Stapelauftrag.objects.create(
        durchgang=lage["durchgang"], gestartet_von=administratorin
    )
    tasks.stapel_ausfuehren.delay(auftrag.pk)
    auftrag.refresh_from_db()
    assert (auftrag.status, auftrag.gesamt, auftrag.prozent) == (
        Stapelauftrag.Status.FERTIG,
        0,
        100,
    )
