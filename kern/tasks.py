"""Celery tasks of kern: they take ids, load the object and call a service."""

from __future__ import annotations

from celery import shared_task
from django.utils import timezone

from . import services


@shared_task(acks_late=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=3)
def datenexport_erstellen(export_id: int) -> None:
    services.datenexport_erstellen(export_id=export_id)


@shared_task(acks_late=True)
def alte_datenexporte_loeschen() -> int:
    """Export files are kept for EXPORT_AUFBEWAHRUNG only (CELERY_BEAT_SCHEDULE)."""
    grenze = timezone.now() - services.EXPORT_AUFBEWAHRUNG
    return services.datenexport_dateien_loeschen(nutzer=None, aelter_als=grenze)


@shared_task(acks_late=True)
def ausstehende_aufgaben_einstellen() -> int:
    """Every minute (CELERY_BEAT_SCHEDULE): tasks parked while the broker was down are sent."""
    from .aufgaben import ausstehende_einstellen

    return ausstehende_einstellen()


@shared_task(acks_late=True)
def alte_fehlschlaege_loeschen() -> int:
    """Daily (CELERY_BEAT_SCHEDULE): dead letters are kept for 90 days."""
    from .aufgaben import alte_fehlschlaege_loeschen as loeschen

    return loeschen()
