"""Background jobs of the content pages."""

from smtplib import SMTPException

from celery import shared_task

from . import services


@shared_task(
    autoretry_for=(SMTPException, ConnectionError, TimeoutError),
    retry_backoff=True,
    max_retries=8,
    acks_late=True,
)
def rueckmeldung_mailen(einsendung_id: int) -> None:
    services.rueckmeldung_senden(einsendung_id=einsendung_id)
