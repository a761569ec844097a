"""Celery tasks of the follow-up: they take ids (and the time as ISO text), call a service."""

from __future__ import annotations

import datetime
from smtplib import SMTPException

from celery import shared_task

from .models import Verbleib


def _zeit(jetzt: str | None) -> datetime.datetime | None:
    return datetime.datetime.fromisoformat(jetzt) if jetzt else None


@shared_task(acks_late=True)
def verbleib_einladen(jetzt: str | None = None) -> dict:
    """Daily (CELERY_BEAT_SCHEDULE "esf-verbleib"): invitations and reminders that are due."""
    from .services import verbleib_einladungen_senden

    return verbleib_einladungen_senden(jetzt=_zeit(jetzt))


@shared_task(
    autoretry_for=(SMTPException, ConnectionError, TimeoutError),
    retry_backoff=True,
    retry_kwargs={"max_retries": 6},
    acks_late=True,
)
def verbleib_link_mailen(verbleib_id: int, art: str, jetzt: str | None = None) -> bool:
    from django.utils import timezone

    from .services import verbleib_link_senden

    verbleib = (
        Verbleib.objects.select_related("anmeldung__nutzer", "anmeldung__durchgang__kurs")
        .filter(pk=verbleib_id)
        .first()
    )
    if verbleib is None:
        return False
    return verbleib_link_senden(verbleib=verbleib, art=art, jetzt=_zeit(jetzt) or timezone.now())
