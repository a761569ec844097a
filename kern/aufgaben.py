"""Enqueueing Celery tasks without losing them, and the record of tasks that failed for good
(docs/betrieb.md, "Celery").

Every task is enqueued through `nach_commit_einstellen(aufgabe, *args)` (or `einstellen` where no
transaction is open). If the broker (Redis) is unreachable, the page that asked for the task does
not fail: the task is parked as an `AusstehendeAufgabe` (outbox row) and `ausstehende_einstellen`
(beat, every minute) enqueues it once the broker answers again. A task that fails after its last
retry is recorded as a `FehlgeschlageneAufgabe` (task_failure signal); admins enqueue it again from
the Django admin (`erneut_einstellen`).
"""

from __future__ import annotations

import datetime
import logging
import traceback as tb
from functools import partial

from celery import current_app
from celery.signals import task_failure
from django.db import DatabaseError, transaction
from django.utils import timezone
from kombu.exceptions import OperationalError

from .models import AusstehendeAufgabe, FehlgeschlageneAufgabe
from .protokoll import protokollieren

logger = logging.getLogger(__name__)

#: What publishing raises when the broker is down: kombu wraps connection errors after its own
#: publish retries; OSError/ConnectionError cover transports that do not wrap them.
BROKER_FEHLER = (OperationalError, ConnectionError, OSError)


def einstellen(aufgabe, *args, **kwargs) -> bool:
    """Enqueue `aufgabe(*args, **kwargs)`; True if the broker took it, False if it waits in the
    outbox. In eager mode (development, tests) the task runs here and its errors propagate."""
    if aufgabe.app.conf.task_always_eager:
        aufgabe.apply_async(args=args, kwargs=kwargs)
        return True
    try:
        aufgabe.apply_async(args=args, kwargs=kwargs)
    except BROKER_FEHLER as fehler:
        logger.warning("Broker nicht erreichbar, %s wartet in der Ablage: %s", aufgabe.name, fehler)
        AusstehendeAufgabe.objects.create(
            aufgabe=aufgabe.name, args=list(args), kwargs=kwargs, letzter_fehler=str(fehler)[:500]
        )
        return False
    return True


def nach_commit_einstellen(aufgabe, *args, **kwargs) -> None:
    """Enqueue after the current transaction commits (a worker never sees uncommitted rows; a
    rollback enqueues nothing)."""
    transaction.on_commit(partial(einstellen, aufgabe, *args, **kwargs))


def ausstehende_einstellen(*, grenze: int = 1000) -> int:
    """Enqueue parked tasks in order; stop at the first broker error (still down). Each row is
    locked while it is sent (two runs never send the same row) and deleted after. A crash between
    send and delete sends it twice, which idempotent tasks tolerate. Returns the number sent."""
    gesendet = 0
    letzte_id = 0
    while gesendet < grenze:
        with transaction.atomic():
            eintrag = (
                AusstehendeAufgabe.objects.select_for_update(skip_locked=True)
                .filter(pk__gt=letzte_id)
                .order_by("pk")
                .first()
            )
            if eintrag is None:
                break
            letzte_id = eintrag.pk
            aufgabe = current_app.tasks.get(eintrag.aufgabe)
            if aufgabe is None:
                eintrag.letzter_fehler = "Unbekannte Aufgabe (umbenannt oder entfernt?)"
                eintrag.versuche += 1
                eintrag.save(update_fields=["letzter_fehler", "versuche"])
                continue
            try:
                aufgabe.apply_async(args=eintrag.args, kwargs=eintrag.kwargs)
            except BROKER_FEHLER as fehler:
                eintrag.letzter_fehler = str(fehler)[:500]
                eintrag.versuche += 1
                eintrag.save(update_fields=["letzter_fehler", "versuche"])
                break
            eintrag.delete()
            gesendet += 1
    if gesendet:
        logger.info("%d ausstehende Aufgabe(n) nachgeliefert", gesendet)
    return gesendet


#: Dead letters are for diagnosis, not an archive: tracebacks may name e-mail addresses.
FEHLSCHLAG_AUFBEWAHRUNG = datetime.timedelta(days=90)


def alte_fehlschlaege_loeschen() -> int:
    """Daily (CELERY_BEAT_SCHEDULE): delete dead letters older than FEHLSCHLAG_AUFBEWAHRUNG."""
    grenze = timezone.now() - FEHLSCHLAG_AUFBEWAHRUNG
    anzahl, _ = FehlgeschlageneAufgabe.objects.filter(zeitpunkt__lt=grenze).delete()
    return anzahl


@transaction.atomic
def erneut_einstellen(*, eintraege, nutzer) -> int:
    """Admin action "erneut ausführen": enqueue failed tasks again (parked in the outbox if the
    broker is down) and note who did it. Returns how many were enqueued."""
    anzahl = 0
    for eintrag in eintraege:
        aufgabe = current_app.tasks.get(eintrag.aufgabe)
        if aufgabe is None:
            continue
        nach_commit_einstellen(aufgabe, *eintrag.args, **eintrag.kwargs)
        eintrag.erneut_eingestellt_am = timezone.now()
        eintrag.erneut_eingestellt_von = nutzer
        eintrag.save(update_fields=["erneut_eingestellt_am", "erneut_eingestellt_von"])
        protokollieren(
            aktion="aufgabe_erneut_eingestellt",
            akteur=nutzer,
            objekt=eintrag,
            details={"aufgabe": eintrag.aufgabe},
        )
        anzahl += 1
    return anzahl


@task_failure.connect
def aufgabe_fehlgeschlagen(
    sender=None, task_id=None, exception=None, args=None, kwargs=None, einfo=None, **_
):
    """task_failure fires once per task that failed for good (autoretry raises Retry before)."""
    if sender is None:
        return
    text = einfo.traceback if einfo is not None else "".join(tb.format_exception(exception))
    try:
        # A savepoint: a failing insert must not break a transaction the caller still uses.
        with transaction.atomic():
            FehlgeschlageneAufgabe.objects.create(
                aufgabe=sender.name,
                task_id=task_id or "",
                args=list(args or ()),
                kwargs=dict(kwargs or {}),
                ausnahme=f"{type(exception).__name__}: {exception}"[:500],
                traceback=text or "",
                wiederholungen=getattr(sender.request, "retries", 0) or 0,
            )
    except DatabaseError:
        # The database itself may be the failure; the worker log still has the traceback.
        logger.exception("Fehlgeschlagene Aufgabe %s konnte nicht gespeichert werden", sender.name)
