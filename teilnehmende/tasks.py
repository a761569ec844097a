"""Celery tasks of the enrolment: they take ids, load the object and call a service."""

from __future__ import annotations

from smtplib import SMTPException

from celery import shared_task

from .models import Anmeldung
from .services import anmeldung_mail_senden


@shared_task(
    autoretry_for=(SMTPException, ConnectionError, TimeoutError),
    retry_backoff=True,
    retry_kwargs={"max_retries": 6},
    acks_late=True,
)
def anmeldung_benachrichtigen(anmeldung_id: int, anlass: str) -> None:
    anmeldung = (
        Anmeldung.objects.select_related("nutzer", "durchgang", "durchgang__kurs")
        .filter(pk=anmeldung_id)
        .first()
    )
    if anmeldung is None:  # deleted meanwhile (e.g. account removed): nobody to write to
        return
    anmeldung_mail_senden(anmeldung=anmeldung, anlass=anlass)


@shared_task(acks_late=True)
def aufbewahrung_durchsetzen() -> int:
    """Daily (CELERY_BEAT_SCHEDULE): anonymise ESF records whose retention period is over."""
    from .anonymisierung import aufbewahrung_durchsetzen as durchsetzen

    return len(durchsetzen())
