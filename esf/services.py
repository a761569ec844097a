"""Writes of the ESF exit record and the six-month follow-up (rules live here, views only call).

Follow-up links: the token is made in the mail task (`verbleib_link_senden`) and goes only into
the e-mail; the database keeps its SHA-256. So neither the task queue nor the outbox
(`kern.aufgaben`) ever hold a usable link, and a retried mail makes a new token.
"""

from __future__ import annotations

import calendar
import datetime
import hashlib
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from kern.aufgaben import nach_commit_einstellen
from kern.protokoll import protokollieren
from teilnehmende.models import Anmeldung, Einwilligung

from .models import Austrittsdaten, Erhebung, Verbleib, VerbleibLink

AUSTRITT_NICHT_FAELLIG = _(
    "Für diese Anmeldung gibt es noch keinen Austritt: Austrittsdaten werden erst nach dem "
    "Abschluss oder Abbruch des Kurses erfasst."
)
AUSTRITT_SCHON_AUSGEFUELLT = _(
    "Die Austrittsdaten sind bereits ausgefüllt; sie können nicht mehr als „nicht erhebbar“ "
    "markiert werden."
)
GRUND_FEHLT = _("Bitte geben Sie an, warum die Angaben nicht erhebbar sind.")
LINK_UNGUELTIG = _(
    "Dieser Link ist ungültig. Bitte verwenden Sie den vollständigen Link aus Ihrer E-Mail."
)
LINK_ABGELAUFEN = _(
    "Dieser Link ist abgelaufen: Die Befragung war acht Wochen lang geöffnet. Vielen Dank für "
    "Ihr Interesse."
)
LINK_VERWENDET = _(
    "Diese Befragung wurde bereits beantwortet. Jeder Link gilt nur einmal; Ihre Antworten sind "
    "gespeichert."
)
VERBESSERUNG_OHNE_ARBEIT = _(
    "Eine bessere Arbeitsmarktsituation können Sie nur angeben, wenn Sie erwerbstätig sind."
)

#: The follow-up: six months after leaving; links are valid for eight weeks; one reminder after
#: two weeks.
LINK_GUELTIGKEIT = datetime.timedelta(weeks=8)
ERINNERUNG_NACH = datetime.timedelta(weeks=2)

ENDE_STATUS = (Anmeldung.Status.ABGESCHLOSSEN, Anmeldung.Status.ABGEBROCHEN)


class VerbleibLinkFehler(Exception):
    """A follow-up link that cannot be used; `meldung` is the German text, `status` the code."""

    def __init__(self, meldung, status: int):
        super().__init__(str(meldung))
        self.meldung = meldung
        self.status = status


# --- exit record -------------------------------------------------------------------------------


def sechs_monate_nach(tag: datetime.date) -> datetime.date:
    monat = tag.month + 6
    jahr = tag.year + (monat - 1) // 12
    monat = (monat - 1) % 12 + 1
    return datetime.date(jahr, monat, min(tag.day, calendar.monthrange(jahr, monat)[1]))


def austritt_faellig(anmeldung: Anmeldung) -> bool:
    """Ended with a certificate, dropped out or cancelled after the cohort began."""
    if anmeldung.status == Anmeldung.Status.ABGESCHLOSSEN:
        return True
    return (
        anmeldung.status == Anmeldung.Status.ABGEBROCHEN
        and austrittstag_fuer(anmeldung) >= anmeldung.durchgang.beginn
    )


def austrittstag_fuer(anmeldung: Anmeldung) -> datetime.date:
    return timezone.localdate(anmeldung.status_geaendert_am)


def _qualifikation(anmeldung: Anmeldung) -> bool:
    from zertifikate.models import Zertifikat

    return Zertifikat.objects.filter(anmeldung=anmeldung, status=Zertifikat.Status.GUELTIG).exists()


def _art(anmeldung: Anmeldung) -> str:
    if anmeldung.status == Anmeldung.Status.ABGESCHLOSSEN:
        return Austrittsdaten.Art.ABSCHLUSS
    return Austrittsdaten.Art.ABBRUCH


@transaction.atomic
def austritt_speichern(
    *,
    anmeldung: Anmeldung,
    erwerbsstatus: str,
    in_bildung: str,
    abbruchgrund: str = "",
    nutzer,
) -> Austrittsdaten:
    """The participant's answers; the day, kind and qualification come from the enrolment."""
    anmeldung = (
        Anmeldung.objects.select_for_update().select_related("durchgang").get(pk=anmeldung.pk)
    )
    if not austritt_faellig(anmeldung):
        raise ValidationError(AUSTRITT_NICHT_FAELLIG, code="nicht_faellig")
    daten = Austrittsdaten.objects.filter(anmeldung=anmeldung).first() or Austrittsdaten(
        anmeldung=anmeldung
    )
    daten.austrittstag = austrittstag_fuer(anmeldung)
    daten.art = _art(anmeldung)
    daten.qualifikation = _qualifikation(anmeldung)
    daten.erhebung = Erhebung.AUSGEFUELLT
    daten.nicht_erhebbar_grund = ""
    daten.erwerbsstatus = erwerbsstatus
    daten.in_bildung = in_bildung
    daten.abbruchgrund = abbruchgrund if daten.art == Austrittsdaten.Art.ABBRUCH else ""
    daten.erfasst_von = nutzer
    daten.erfasst_am = timezone.now()
    daten.full_clean()
    if not daten.erwerbsstatus or not daten.in_bildung:
        raise ValidationError(_("Bitte beantworten Sie beide Fragen."), code="unvollstaendig")
    daten.save()
    return daten


@transaction.atomic
def austritt_nicht_erhebbar(*, anmeldung: Anmeldung, grund: str, nutzer) -> Austrittsdaten:
    """Trainers and admins: the participant cannot be reached; the reason is kept."""
    anmeldung = (
        Anmeldung.objects.select_for_update().select_related("durchgang").get(pk=anmeldung.pk)
    )
    if not austritt_faellig(anmeldung):
        raise ValidationError(AUSTRITT_NICHT_FAELLIG, code="nicht_faellig")
    grund = (grund or "").strip()
    if not grund:
        raise ValidationError(GRUND_FEHLT, code="grund")
    daten = Austrittsdaten.objects.filter(anmeldung=anmeldung).first()
    if daten is not None and daten.erhebung == Erhebung.AUSGEFUELLT:
        raise ValidationError(AUSTRITT_SCHON_AUSGEFUELLT, code="ausgefuellt")
    daten = daten or Austrittsdaten(anmeldung=anmeldung)
    daten.austrittstag = austrittstag_fuer(anmeldung)
    daten.art = _art(anmeldung)
    daten.qualifikation = _qualifikation(anmeldung)
    daten.erhebung = Erhebung.NICHT_ERHEBBAR
    daten.nicht_erhebbar_grund = grund
    daten.erfasst_von = nutzer
    daten.erfasst_am = timezone.now()
    daten.full_clean()
    daten.save()
    protokollieren(aktion="austritt_nicht_erhebbar", akteur=nutzer, objekt=daten)
    return daten


# --- follow-up ---------------------------------------------------------------------------------


def _einwilligung_besteht() -> Exists:
    return Exists(
        Einwilligung.objects.filter(
            nutzer=OuterRef("nutzer"),
            zweck=Einwilligung.Zweck.TEILNAHME,
            widerrufen_am__isnull=True,
        )
    )


def erreichbare_anmeldungen():
    """Enrolments whose person may still be written to: account kept, consent not withdrawn."""
    return Anmeldung.objects.filter(
        nutzer__isnull=False, nutzer__is_active=True, anonymisiert_am__isnull=True
    ).filter(_einwilligung_besteht())


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def verbleib_einladungen_senden(*, jetzt: datetime.datetime | None = None) -> dict[str, list[int]]:
    """Beat task (daily): one invitation six months after leaving, one reminder two weeks later.

    Each is marked in the database before its mail is enqueued (after commit), so a second run
    — also a concurrent one — sends nothing twice. Returns the enrolment ids per kind.
    """
    jetzt = jetzt or timezone.now()
    heute = timezone.localdate(jetzt)
    ergebnis: dict[str, list[int]] = {"einladungen": [], "erinnerungen": []}
    kandidaten = (
        erreichbare_anmeldungen()
        .filter(status__in=ENDE_STATUS, verbleib__isnull=True)
        .filter(status_geaendert_am__lte=jetzt - datetime.timedelta(days=180))
        .select_related("durchgang", "austrittsdaten")
        .order_by("pk")
    )
    for anmeldung in kandidaten:
        if not austritt_faellig(anmeldung):
            continue
        daten = getattr(anmeldung, "austrittsdaten", None)
        tag = daten.austrittstag if daten else austrittstag_fuer(anmeldung)
        if sechs_monate_nach(tag) > heute:
            continue
        try:
            with transaction.atomic():
                verbleib = Verbleib.objects.create(
                    anmeldung=anmeldung, austrittstag=tag, eingeladen_am=jetzt
                )
                _mail_einstellen(verbleib, VerbleibLink.Art.EINLADUNG, jetzt)
        except IntegrityError:  # another run invited this person a moment ago
            continue
        ergebnis["einladungen"].append(anmeldung.pk)

    erinnern = Verbleib.objects.filter(
        eingeladen_am__lte=jetzt - ERINNERUNG_NACH,
        erinnert_am__isnull=True,
        beantwortet_am__isnull=True,
        erhebung="",
        anmeldung__in=erreichbare_anmeldungen(),
    ).filter(Q(links__art=VerbleibLink.Art.EINLADUNG, links__gueltig_bis__gt=jetzt))
    for verbleib in erinnern.order_by("pk"):
        with transaction.atomic():
            if not Verbleib.objects.filter(pk=verbleib.pk, erinnert_am__isnull=True).update(
                erinnert_am=jetzt
            ):
                continue
            _mail_einstellen(verbleib, VerbleibLink.Art.ERINNERUNG, jetzt)
        ergebnis["erinnerungen"].append(verbleib.anmeldung_id)
    return ergebnis


def _mail_einstellen(verbleib: Verbleib, art: str, jetzt: datetime.datetime) -> None:
    from .tasks import verbleib_link_mailen

    nach_commit_einstellen(verbleib_link_mailen, verbleib.pk, art, jetzt.isoformat())


def verbleib_link_senden(*, verbleib: Verbleib, art: str, jetzt: datetime.datetime) -> bool:
    """Make a new token for this kind of link, keep its hash, mail it (called by the task).

    Nothing is sent when the person deleted the account or withdrew consent meanwhile.
    """
    anmeldung = verbleib.anmeldung
    if not erreichbare_anmeldungen().filter(pk=anmeldung.pk).exists():
        return False
    if verbleib.beantwortet_am:
        return False
    token = secrets.token_urlsafe(32)
    VerbleibLink.objects.update_or_create(
        verbleib=verbleib,
        art=art,
        defaults={
            "token_hash": _token_hash(token),
            "gesendet_am": jetzt,
            "gueltig_bis": jetzt + LINK_GUELTIGKEIT,
        },
    )
    kontext = {
        "nutzer": anmeldung.nutzer,
        "kurs": anmeldung.durchgang.kurs,
        "durchgang": anmeldung.durchgang,
        "erinnerung": art == VerbleibLink.Art.ERINNERUNG,
        "gueltig_bis": timezone.localtime(jetzt + LINK_GUELTIGKEIT),
        "url": settings.SITE_URL.rstrip("/") + reverse("verbleib:antworten", args=[token]),
    }
    with translation.override("de"):
        betreff = render_to_string("esf/mails/verbleib_betreff.txt", kontext)
        text = render_to_string("esf/mails/verbleib.txt", kontext)
    send_mail(" ".join(betreff.split()), text, None, [anmeldung.nutzer.email])
    return True


def verbleib_zum_link(*, token: str, jetzt: datetime.datetime | None = None) -> Verbleib:
    """The follow-up a link belongs to, or VerbleibLinkFehler with the German reason."""
    jetzt = jetzt or timezone.now()
    link = (
        VerbleibLink.objects.select_related("verbleib__anmeldung__durchgang__kurs")
        .filter(token_hash=_token_hash(token or ""))
        .first()
    )
    if link is None:
        raise VerbleibLinkFehler(LINK_UNGUELTIG, 404)
    verbleib = link.verbleib
    if verbleib.beantwortet_am is not None:
        raise VerbleibLinkFehler(LINK_VERWENDET, 410)
    if link.gueltig_bis <= jetzt:
        raise VerbleibLinkFehler(LINK_ABGELAUFEN, 410)
    if not erreichbare_anmeldungen().filter(pk=verbleib.anmeldung_id).exists():
        raise VerbleibLinkFehler(LINK_UNGUELTIG, 404)
    return verbleib


@transaction.atomic
def verbleib_beantworten(
    *,
    token: str,
    erwerbsstatus: str,
    mehr_verantwortung: bool = False,
    unbefristet: bool = False,
    mehr_stunden: bool = False,
    jetzt: datetime.datetime | None = None,
) -> Verbleib:
    """Store the answers once; the link (and every other link of the follow-up) is used up."""
    jetzt = jetzt or timezone.now()
    verbleib = verbleib_zum_link(token=token, jetzt=jetzt)
    verbleib = Verbleib.objects.select_for_update().get(pk=verbleib.pk)
    if verbleib.beantwortet_am is not None:  # a second session answered in the meantime
        raise VerbleibLinkFehler(LINK_VERWENDET, 410)
    from teilnehmende.models import Erwerbsstatus

    verbessert = mehr_verantwortung or unbefristet or mehr_stunden
    if verbessert and erwerbsstatus != Erwerbsstatus.ERWERBSTAETIG:
        raise ValidationError(VERBESSERUNG_OHNE_ARBEIT, code="verbesserung")
    verbleib.erwerbsstatus = erwerbsstatus
    verbleib.mehr_verantwortung = mehr_verantwortung
    verbleib.unbefristet = unbefristet
    verbleib.mehr_stunden = mehr_stunden
    verbleib.beantwortet_am = jetzt
    verbleib.erhebung = Erhebung.AUSGEFUELLT
    verbleib.full_clean()
    verbleib.save()
    return verbleib


# --- anonymisation -----------------------------------------------------------------------------


def esf_daten_anonymisieren(*, anmeldung: Anmeldung) -> None:
    """Keep the answers the figures need; drop the links and free text naming the person."""
    from teilnehmende.anonymisierung import ANONYMISIERT

    Austrittsdaten.objects.filter(anmeldung=anmeldung).exclude(nicht_erhebbar_grund="").update(
        nicht_erhebbar_grund=ANONYMISIERT
    )
    Austrittsdaten.objects.filter(anmeldung=anmeldung).update(erfasst_von=None)
    VerbleibLink.objects.filter(verbleib__anmeldung=anmeldung).delete()
    Verbleib.objects.filter(anmeldung=anmeldung).exclude(nicht_erhebbar_grund="").update(
        nicht_erhebbar_grund=ANONYMISIERT
    )
