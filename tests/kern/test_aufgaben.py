"""Enqueueing without losing work (outbox) and the dead-letter view (kern.aufgaben).

The broker is replaced here by a patched `apply_async` (raising kombu's OperationalError as kombu
does when Redis refuses the connection); tests/betrieb/test_stoerungen.py repeats this with a real
redis-server that is stopped and started again.
"""

from __future__ import annotations

import pytest
from celery import current_app
from celery.app.task import Task
from django.contrib.auth.models import Permission
from django.urls import reverse
from kombu.exceptions import OperationalError

from kern.aufgaben import ausstehende_einstellen, einstellen
from kern.models import AusstehendeAufgabe, Datenexport, FehlgeschlageneAufgabe, Protokolleintrag
from kern.tasks import datenexport_erstellen
from zertifikate.tasks import zertifikat_pdf_erzeugen

pytestmark = pytest.mark.django_db


class Broker:
    """A stand-in for Redis: down (raises like kombu) or up (records what was sent)."""

    def __init__(self, monkeypatch):
        self.erreichbar = False
        self.gesendet: list[tuple[str, tuple, dict]] = []
        monkeypatch.setitem(current_app.conf, "task_always_eager", False)
        broker = self

        def apply_async(aufgabe, args=None, kwargs=None, **optionen):
            if not broker.erreichbar:
                raise OperationalError("Error 111 connecting to 127.0.0.1:6379. Connection refused")
            broker.gesendet.append((aufgabe.name, tuple(args or ()), dict(kwargs or {})))

        monkeypatch.setattr(Task, "apply_async", apply_async)


@pytest.fixture
def broker(monkeypatch):
    return Broker(monkeypatch)


def test_seite_antwortet_ohne_broker_und_die_aufgabe_wartet_in_der_ablage(
    client, teilnehmerin, broker, django_capture_on_commit_callbacks
):
    client.force_login(teilnehmerin)
    with django_capture_on_commit_callbacks(execute=True):
        antwort = client.post(reverse("kern:datenexport_anfordern"))
    assert antwort.status_code == 302  # no 500: the export request itself is saved
    export = Datenexport.objects.get(nutzer=teilnehmerin)
    eintrag = AusstehendeAufgabe.objects.get()
    assert eintrag.aufgabe == "kern.tasks.datenexport_erstellen"
    assert eintrag.args == [export.pk]
    assert "Connection refused" in eintrag.letzter_fehler
    assert broker.gesendet == []


def test_nachliefern_sendet_in_reihenfolge_und_leert_die_ablage(broker):
    assert einstellen(datenexport_erstellen, 11) is False
    assert einstellen(zertifikat_pdf_erzeugen, 22, benachrichtigen=True) is False
    assert AusstehendeAufgabe.objects.count() == 2

    # Still down: nothing sent, the first row counts the attempt and keeps the new error.
    assert ausstehende_einstellen() == 0
    erster = AusstehendeAufgabe.objects.order_by("pk").first()
    assert erster.versuche == 2
    assert AusstehendeAufgabe.objects.count() == 2

    broker.erreichbar = True
    assert ausstehende_einstellen() == 2
    assert broker.gesendet == [
        ("kern.tasks.datenexport_erstellen", (11,), {}),
        ("zertifikate.tasks.zertifikat_pdf_erzeugen", (22,), {"benachrichtigen": True}),
    ]
    assert not AusstehendeAufgabe.objects.exists()


def test_mit_broker_entsteht_keine_ablage(broker):
    broker.erreichbar = True
    assert einstellen(datenexport_erstellen, 5) is True
    assert broker.gesendet == [("kern.tasks.datenexport_erstellen", (5,), {})]
    assert not AusstehendeAufgabe.objects.exists()


def test_nachliefern_ist_eine_periodische_aufgabe(settings):
    eintrag = settings.CELERY_BEAT_SCHEDULE["ausstehende-aufgaben"]
    assert eintrag["task"] == "kern.tasks.ausstehende_aufgaben_einstellen"
    assert eintrag["schedule"] <= 60


def _fehlschlag(monkeypatch) -> FehlgeschlageneAufgabe:
    """A certificate task whose rendering fails for good (not a temporary error: no retry)."""
    from zertifikate import services

    def kaputt(*, zertifikat):
        raise ValueError("Vorlage fehlt")

    monkeypatch.setattr(services, "pdf_speichern", kaputt)
    monkeypatch.setattr("zertifikate.tasks.Zertifikat.objects.select_related", _EineZeile)
    ergebnis = zertifikat_pdf_erzeugen.apply(
        args=(1234,), kwargs={"benachrichtigen": False}, throw=False
    )
    assert ergebnis.failed()
    return FehlgeschlageneAufgabe.objects.get()


class _EineZeile:
    """select_related(...).filter(pk=…).first() of a certificate that exists (no PDF setup)."""

    def __init__(self, *felder):
        pass

    def filter(self, **bedingungen):
        return self

    def first(self):
        return object()


def test_endgueltiger_fehlschlag_wird_festgehalten(monkeypatch):
    eintrag = _fehlschlag(monkeypatch)
    assert eintrag.aufgabe == "zertifikate.tasks.zertifikat_pdf_erzeugen"
    assert eintrag.args == [1234]
    assert eintrag.kwargs == {"benachrichtigen": False}
    assert eintrag.ausnahme == "ValueError: Vorlage fehlt"
    assert "Traceback" in eintrag.traceback and "kaputt" in eintrag.traceback
    assert eintrag.erneut_eingestellt_am is None


def _admin_url(name: str, *args) -> str:
    return reverse(f"admin:kern_fehlgeschlageneaufgabe_{name}", args=args)


def test_nur_die_administration_sieht_fehlgeschlagene_aufgaben(
    client, monkeypatch, administratorin, redakteurin, trainerin
):
    eintrag = _fehlschlag(monkeypatch)
    # Anonymous and non-staff: the admin's login page.
    antwort = client.get(_admin_url("changelist"))
    assert antwort.status_code == 302 and "/django-admin/login/" in antwort["Location"]
    client.force_login(trainerin)
    assert client.get(_admin_url("changelist")).status_code == 302
    # Staff with the model's own view permission but without the Administration role: refused.
    redakteurin.is_staff = True
    redakteurin.save()
    redakteurin.user_permissions.add(Permission.objects.get(codename="view_fehlgeschlageneaufgabe"))
    client.force_login(redakteurin)
    assert client.get(_admin_url("changelist")).status_code == 403
    assert client.get(_admin_url("change", eintrag.pk)).status_code == 403
    assert client.get(reverse("admin:kern_ausstehendeaufgabe_changelist")).status_code == 403
    # Administration: list and detail with the exception.
    client.force_login(administratorin)
    antwort = client.get(_admin_url("changelist"))
    assert antwort.status_code == 200
    assert "zertifikate.tasks.zertifikat_pdf_erzeugen" in antwort.text
    assert "Ausgewählte Aufgaben erneut ausführen" in antwort.text
    antwort = client.get(_admin_url("change", eintrag.pk))
    assert antwort.status_code == 200 and "Vorlage fehlt" in antwort.text
    assert client.get(reverse("admin:kern_ausstehendeaufgabe_changelist")).status_code == 200


def test_erneut_ausfuehren_stellt_die_aufgabe_ein_und_protokolliert(
    client, monkeypatch, administratorin, django_capture_on_commit_callbacks
):
    eintrag = _fehlschlag(monkeypatch)
    broker = Broker(monkeypatch)
    broker.erreichbar = True
    client.force_login(administratorin)
    with django_capture_on_commit_callbacks(execute=True):
        antwort = client.post(
            _admin_url("changelist"),
            {"action": "erneut_ausfuehren", "_selected_action": [eintrag.pk]},
            follow=True,
        )
    assert antwort.status_code == 200
    assert "1 Aufgabe(n) erneut eingestellt." in antwort.text
    assert broker.gesendet == [
        ("zertifikate.tasks.zertifikat_pdf_erzeugen", (1234,), {"benachrichtigen": False})
    ]
    eintrag.refresh_from_db()
    assert eintrag.erneut_eingestellt_von == administratorin
    assert eintrag.erneut_eingestellt_am is not None
    protokoll = Protokolleintrag.objects.get(aktion="aufgabe_erneut_eingestellt")
    assert protokoll.akteur == administratorin
    assert protokoll.objekt_id == str(eintrag.pk)


def test_erneut_ausfuehren_ohne_broker_landet_in_der_ablage(
    client, monkeypatch, administratorin, django_capture_on_commit_callbacks
):
    eintrag = _fehlschlag(monkeypatch)
    Broker(monkeypatch)  # down
    client.force_login(administratorin)
    with django_capture_on_commit_callbacks(execute=True):
        antwort = client.post(
            _admin_url("changelist"),
            {"action": "erneut_ausfuehren", "_selected_action": [eintrag.pk]},
        )
    assert antwort.status_code == 302
    assert AusstehendeAufgabe.objects.get().args == [1234]


def test_alte_fehlschlaege_werden_nach_90_tagen_geloescht(monkeypatch, settings):
    import datetime

    from django.utils import timezone

    from kern.tasks import alte_fehlschlaege_loeschen

    alt = _fehlschlag(monkeypatch)
    FehlgeschlageneAufgabe.objects.filter(pk=alt.pk).update(
        zeitpunkt=timezone.now() - datetime.timedelta(days=91)
    )
    frisch = FehlgeschlageneAufgabe.objects.create(aufgabe="x", ausnahme="ValueError: y")
    assert alte_fehlschlaege_loeschen.delay().get() == 1
    assert list(FehlgeschlageneAufgabe.objects.all()) == [frisch]
    assert (
        settings.CELERY_BEAT_SCHEDULE["fehlgeschlagene-aufgaben-aufraeumen"]["task"]
        == "kern.tasks.alte_fehlschlaege_loeschen"
    )


def test_ablage_jetzt_senden_aus_dem_admin(client, broker, administratorin):
    einstellen(datenexport_erstellen, 7)
    url = reverse("admin:kern_ausstehendeaufgabe_changelist")
    client.force_login(administratorin)
    daten = {
        "action": "jetzt_einstellen",
        "_selected_action": [AusstehendeAufgabe.objects.get().pk],
    }

    antwort = client.post(url, daten, follow=True)
    assert "0 gesendet, 1 warten weiter auf den Broker." in antwort.text
    assert AusstehendeAufgabe.objects.get().versuche == 2

    broker.erreichbar = True
    antwort = client.post(url, daten, follow=True)
    assert "1 gesendet, 0 warten weiter auf den Broker." in antwort.text
    assert broker.gesendet == [("kern.tasks.datenexport_erstellen", (7,), {})]
    assert not AusstehendeAufgabe.objects.exists()
