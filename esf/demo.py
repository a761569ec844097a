"""Demo: the finished Münsterland cohort (berichte.demo) has its exit records and some
follow-up answers; the running cohort has none yet. Runs after berichte.demo; idempotent.

Exit records go through the service (as each person would have answered). The follow-up
answers are historic records written directly, like the cohort's enrolments: their links were
mailed and used long ago, so no link is stored. Those without an answer get their invitation
from the next beat run (or the button on /berichte/vollstaendigkeit/).
"""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone

from teilnehmende.models import Anmeldung

from .models import Austrittsdaten, Erhebung, Verbleib
from .services import austritt_speichern, sechs_monate_nach

#: Of the 24: every 7th is still in education; drop-outs name a reason now and then.
ANTWORTEN_VERBLEIB = 12  # the first twelve who completed answered the follow-up


@transaction.atomic
def anlegen(ausgabe) -> None:
    from berichte.demo import TITEL
    from kurse.models import Durchgang

    durchgang = Durchgang.objects.filter(titel=TITEL).first()
    if durchgang is None:
        return
    anmeldungen = list(
        Anmeldung.objects.filter(
            durchgang=durchgang,
            status__in=[Anmeldung.Status.ABGESCHLOSSEN, Anmeldung.Status.ABGEBROCHEN],
            nutzer__isnull=False,
        )
        .select_related("durchgang", "nutzer", "eintrittsdaten")
        .order_by("pk")
    )
    austritte = verbleibe = 0
    beantwortet = 0
    for nummer, anmeldung in enumerate(anmeldungen):
        abbruch = anmeldung.status == Anmeldung.Status.ABGEBROCHEN
        if not Austrittsdaten.objects.filter(anmeldung=anmeldung).exists():
            austritt_speichern(
                anmeldung=anmeldung,
                erwerbsstatus="erwerbstaetig" if nummer % 11 != 5 else "nicht_erwerbstaetig",
                in_bildung="ja" if nummer % 7 == 2 else "nein",
                abbruchgrund=("arbeit" if nummer % 2 else "familie") if abbruch else "",
                nutzer=anmeldung.nutzer,
            )
            austritte += 1
        if abbruch or beantwortet >= ANTWORTEN_VERBLEIB:
            continue
        beantwortet += 1
        if Verbleib.objects.filter(anmeldung=anmeldung).exists():
            continue
        tag = timezone.localdate(anmeldung.status_geaendert_am)
        eingeladen = timezone.make_aware(
            datetime.datetime.combine(sechs_monate_nach(tag), datetime.time(6))
        )
        verbleib = Verbleib(
            anmeldung=anmeldung,
            austrittstag=tag,
            eingeladen_am=eingeladen,
            beantwortet_am=eingeladen + datetime.timedelta(days=2 + nummer % 5),
            erhebung=Erhebung.AUSGEFUELLT,
            erwerbsstatus="erwerbstaetig" if nummer % 6 != 4 else "arbeitslos",
            mehr_verantwortung=nummer % 3 == 0,
            unbefristet=nummer % 4 == 1,
            mehr_stunden=nummer % 5 == 2,
        )
        if verbleib.erwerbsstatus != "erwerbstaetig":
            verbleib.mehr_verantwortung = verbleib.unbefristet = verbleib.mehr_stunden = False
        verbleib.full_clean()
        verbleib.save()
        verbleibe += 1
    ausgabe.write(
        f"ESF: {austritte} Austrittsdaten und {verbleibe} Verbleib-Antworten im {durchgang.titel}"
    )
