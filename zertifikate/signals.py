"""Receivers: a completed lesson may complete the certificate conditions."""

from __future__ import annotations

from django.dispatch import receiver

from kurse.signals import lektion_erledigt
from teilnehmende.models import Anmeldung


def anmeldungen_pruefen_lassen(anmeldung_ids) -> None:
    """Queue a rule check per enrolment (also for the attendance and presentation apps)."""
    from .tasks import zertifikat_pruefen

    for anmeldung_id in anmeldung_ids:
        zertifikat_pruefen.delay(anmeldung_id)


@receiver(lektion_erledigt, dispatch_uid="zertifikate_lektion_erledigt")
def nach_lektion_pruefen(sender, nutzer, lektion, **kwargs) -> None:
    ids = Anmeldung.objects.filter(
        nutzer=nutzer,
        status=Anmeldung.Status.BESTAETIGT,
        durchgang__kurs__path=lektion.kurs_pfad,
    ).values_list("pk", flat=True)
    anmeldungen_pruefen_lassen(list(ids))
