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


@shared_task(
    autoretry_for=(SMTPException, ConnectionError, TimeoutError),
    retry_backoff=True,
    retry_kwargs={"max_retries": 6},
    acks_late=True,
)
def praesentation_eingereicht_mailen(version_id: int) -> None:
    from .models import Version
    from .services_praesentation import eingang_mail_senden

    version = (
        Version.objects.select_related(
            "praesentation__anmeldung__nutzer", "praesentation__anmeldung__durchgang__kurs"
        )
        .filter(pk=version_id)
        .first()
    )
    if version is not None:
        eingang_mail_senden(version=version)


@shared_task(
    autoretry_for=(SMTPException, ConnectionError, TimeoutError),
    retry_backoff=True,
    retry_kwargs={"max_retries": 6},
    acks_late=True,
)
def begutachtung_mailen(begutachtung_id: int) -> None:
    from .models import Begutachtung
    from .services_praesentation import entscheidung_mail_senden

    begutachtung = (
        Begutachtung.objects.select_related(
            "version__praesentation__anmeldung__nutzer",
            "version__praesentation__anmeldung__durchgang__kurs",
        )
        .filter(pk=begutachtung_id)
        .first()
    )
    if begutachtung is not None:
        entscheidung_mail_senden(begutachtung=begutachtung)


@shared_task(acks_late=True)
def aufbewahrung_durchsetzen() -> int:
    """Daily (CELERY_BEAT_SCHEDULE): anonymise ESF records whose retention period is over."""
    from .anonymisierung import aufbewahrung_durchsetzen as durchsetzen

    return len(durchsetzen())
