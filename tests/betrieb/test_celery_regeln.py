"""Rules every Celery task of Lernkette keeps (docs/betrieb.md, "Celery"): a crashed worker loses
no work (late acknowledgement, requeue on a lost worker), temporary failures are retried with
exponential backoff and a bound, and only ids travel through the broker (JSON)."""

from __future__ import annotations

import inspect

import pytest
from django.conf import settings

from config.celery import app

PROJEKT_APPS = ("kern.", "cms.", "kurse.", "h5p.", "teilnehmende.", "zertifikate.", "berichte.")


def _projekt_aufgaben():
    app.loader.import_default_modules()
    return sorted(
        (name, aufgabe) for name, aufgabe in app.tasks.items() if name.startswith(PROJEKT_APPS)
    )


def test_es_gibt_aufgaben_zu_pruefen():
    namen = [name for name, _ in _projekt_aufgaben()]
    assert "zertifikate.tasks.zertifikat_pdf_erzeugen" in namen
    assert "kern.tasks.datenexport_erstellen" in namen


@pytest.mark.parametrize("name", [name for name, _ in _projekt_aufgaben()])
def test_absturz_verliert_keine_arbeit(name):
    aufgabe = app.tasks[name]
    assert aufgabe.acks_late is True, f"{name}: acks_late fehlt"
    verloren = aufgabe.reject_on_worker_lost
    if verloren is None:
        verloren = app.conf.task_reject_on_worker_lost
    assert verloren is True, f"{name}: reject_on_worker_lost fehlt"


@pytest.mark.parametrize("name", [name for name, _ in _projekt_aufgaben()])
def test_wiederholungen_mit_backoff_und_grenze(name):
    aufgabe = app.tasks[name]
    if getattr(aufgabe, "autoretry_for", ()):
        assert aufgabe.retry_backoff, f"{name}: autoretry ohne Backoff"
        assert aufgabe.max_retries is not None, f"{name}: Wiederholungen ohne Grenze"
        assert aufgabe.max_retries <= 10
    elif "self.retry(" in inspect.getsource(aufgabe.run):
        assert aufgabe.max_retries is not None, f"{name}: Wiederholungen ohne Grenze"


@pytest.mark.parametrize("name", [name for name, _ in _projekt_aufgaben()])
def test_nur_einfache_argumente(name):
    """Tasks take ids and flags, never model instances: JSON serialiser, object loaded anew."""
    signatur = inspect.signature(app.tasks[name].run)
    for parameter in signatur.parameters.values():
        if parameter.name == "self":
            continue
        assert parameter.annotation in (int, bool, str, "int", "bool", "str"), (
            f"{name}: Argument {parameter.name} ({parameter.annotation}) ist keine Id"
        )


def test_worker_holt_nur_eine_aufgabe_im_voraus():
    # With acks_late a prefetched message waits unacknowledged; one at a time keeps latency fair.
    assert settings.CELERY_WORKER_PREFETCH_MULTIPLIER == 1
    assert settings.CELERY_TASK_SERIALIZER == "json"
    assert settings.CELERY_ACCEPT_CONTENT == ["json"]


def test_aufgaben_werden_nur_ueber_kern_aufgaben_eingestellt():
    """`.delay()`/`.apply_async()` directly would turn a Redis outage into a 500 and lose the task;
    kern.aufgaben.einstellen / nach_commit_einstellen park it in the outbox instead."""
    import re
    from pathlib import Path

    projekt = Path(__file__).resolve().parents[2]
    muster = re.compile(r"\.(delay|apply_async)\(")
    direkt = [
        f"{datei.relative_to(projekt)}:{nummer}"
        for app in PROJEKT_APPS
        for datei in (projekt / app.rstrip(".")).rglob("*.py")
        if datei.name != "aufgaben.py" or datei.parent.name != "kern"
        for nummer, zeile in enumerate(datei.read_text().splitlines(), 1)
        if muster.search(zeile)
    ]
    assert direkt == [], "direkt eingestellt (kern.aufgaben.einstellen nutzen): " + ", ".join(
        direkt
    )
