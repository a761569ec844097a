"""Receivers: a completed lesson, a saved attendance or an accepted presentation may complete the
certificate conditions; each queues a rule check after the commit."""

from __future__ import annotations

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from kern.aufgaben import einstellen
from kurse.signals import lektion_erledigt
from teilnehmende.models import Anmeldung, Anwesenheit
from teilnehmende.signals import abschlusspraesentation_angenommen


def anmeldungen_pruefen_lassen(anmeldung_ids) -> None:
    """Queue a rule check per enrolment (also for the attendance and presentation apps)."""
    from .tasks import zertifikat_pruefen

    for anmeldung_id in anmeldung_ids:
        einstellen(zertifikat_pruefen, anmeldung_id)


@receiver(lektion_erledigt, dispatch_uid="zertifikate_lektion_erledigt")
def nach_lektion_pruefen(sender, nutzer, lektion, **kwargs) -> None:
    ids = Anmeldung.objects.filter(
        nutzer=nutzer,
        status=Anmeldung.Status.BESTAETIGT,
        durchgang__kurs__path=lektion.kurs_pfad,
    ).values_list("pk", flat=True)
    anmeldungen_pruefen_lassen(list(ids))


@receiver(post_save, sender=Anwesenheit, dispatch_uid="zertifikate_anwesenheit")
def nach_anwesenheit_pruefen(sender, instance, **kwargs) -> None:
    anmeldung_id = instance.anmeldung_id
    transaction.on_commit(lambda: anmeldungen_pruefen_lassen([anmeldung_id]))


@receiver(abschlusspraesentation_angenommen, dispatch_uid="zertifikate_praesentation")
def nach_annahme_pruefen(sender, anmeldung, **kwargs) -> None:
    # Sent after the commit already.
    anmeldungen_pruefen_lassen([anmeldung.pk])
