"""Celery tasks of certificates: they take ids, load the objects and call services."""

from __future__ import annotations

import logging
from smtplib import SMTPException

from celery import shared_task

from kern.aufgaben import einstellen
from teilnehmende.models import Anmeldung

from . import services
from .models import Stapelauftrag, Zertifikat

logger = logging.getLogger(__name__)

_VORUEBERGEHEND = (OSError, ConnectionError, TimeoutError, SMTPException)


@shared_task(
    autoretry_for=_VORUEBERGEHEND,
    retry_backoff=True,
    retry_kwargs={"max_retries": 5},
    acks_late=True,
)
def zertifikat_pdf_erzeugen(zertifikat_id: int, benachrichtigen: bool = False) -> None:
    zertifikat = (
        Zertifikat.objects.select_related("anmeldung__nutzer", "anmeldung__durchgang__kurs")
        .filter(pk=zertifikat_id)
        .first()
    )
    if zertifikat is None:
        return
    services.pdf_speichern(zertifikat=zertifikat)
    if benachrichtigen:
        services.zertifikat_mail_senden(zertifikat=zertifikat)


@shared_task(
    autoretry_for=(ConnectionError, TimeoutError),
    retry_backoff=True,
    retry_kwargs={"max_retries": 5},
    acks_late=True,
)
def zertifikat_pruefen(anmeldung_id: int) -> int | None:
    """Check one enrolment's rules (after a lesson, attendance or presentation changed)."""
    anmeldung = (
        Anmeldung.objects.select_related("nutzer", "durchgang__kurs")
        .filter(pk=anmeldung_id)
        .first()
    )
    if anmeldung is None:
        return None
    zertifikat = services.pruefen_und_ausstellen(anmeldung)
    return zertifikat.pk if zertifikat else None


@shared_task(acks_late=True)
def offene_zertifikate_pruefen() -> int:
    """Periodic: every enrolment without a certificate is checked once more."""
    return len(services.offene_anmeldungen_pruefen())


@shared_task(
    autoretry_for=(ConnectionError, TimeoutError),
    retry_backoff=True,
    retry_kwargs={"max_retries": 5},
    acks_late=True,
)
def stapel_ausfuehren(auftrag_id: int) -> None:
    auftrag = Stapelauftrag.objects.select_related("durchgang__kurs").filter(pk=auftrag_id).first()
    if auftrag is None:
        return
    for zertifikat_id in services.stapel_vorbereiten(auftrag=auftrag):
        einstellen(stapel_pdf_erzeugen, auftrag_id, zertifikat_id)


@shared_task(bind=True, max_retries=3, acks_late=True)
def stapel_pdf_erzeugen(self, auftrag_id: int, zertifikat_id: int) -> None:
    zertifikat = (
        Zertifikat.objects.select_related("anmeldung__nutzer", "anmeldung__durchgang__kurs")
        .filter(pk=zertifikat_id)
        .first()
    )
    try:
        if zertifikat is not None:
            services.pdf_speichern(zertifikat=zertifikat)
    except _VORUEBERGEHEND as fehler:
        if self.request.retries < self.max_retries:
            raise self.retry(exc=fehler, countdown=2 ** (self.request.retries + 1)) from fehler
        logger.exception("Zertifikat %s: PDF endgültig fehlgeschlagen", zertifikat_id)
        services.stapel_schritt_melden(auftrag_id=auftrag_id, erfolgreich=False)
        return
    services.stapel_schritt_melden(auftrag_id=auftrag_id, erfolgreich=zertifikat is not None)
