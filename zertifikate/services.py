"""Writes on certificates: check the rules and issue (exactly once per enrolment), revoke,
re-issue, count verifications, store the PDF, run the bulk job of a cohort.

Issuing locks the enrolment row (`select_for_update`) and a partial unique constraint backs it
up, so parallel calls for one enrolment create one certificate.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from kern.aufgaben import nach_commit_einstellen
from kern.namen import anzeigename
from kern.protokoll import protokollieren
from kurse.models import Durchgang
from teilnehmende.models import PLATZ_STATUS, Anmeldung

from . import regeln
from .models import Stapelauftrag, Zertifikat
from .nummern import neue_nummer
from .selectors import (
    AKTUELLE_STATUS,
    aktuelles_zertifikat,
    anmeldungen_ohne_zertifikat,
    gueltige_zertifikate_des_durchgangs,
    zertifikate_mit_altem_namen,
)

logger = logging.getLogger(__name__)

ANMELDUNG_OHNE_PLATZ = _(
    "Ein Zertifikat gibt es nur für bestätigte oder abgeschlossene Anmeldungen."
)
GRUND_FEHLT = _("Bitte geben Sie einen Grund an.")
NICHT_WIDERRUFBAR = _("Nur ein gültiges Zertifikat kann widerrufen werden.")
NICHT_ERSETZBAR = _("Dieses Zertifikat wurde bereits durch ein neues ersetzt.")


NAMENSAENDERUNG_GRUND = _("Namensänderung durch die Inhaberin oder den Inhaber")


def inhaber_name(nutzer) -> str:
    """The holder's name as printed (title, first and last name), never the e-mail address."""
    return anzeigename(nutzer)


def verifikations_url(nummer: str) -> str:
    """Absolute address of the public verification page of that number (QR code, e-mail)."""
    return settings.SITE_URL.rstrip("/") + reverse("zertifikate:pruefen_nummer", args=[nummer])


def _nummer_vergeben() -> str:
    jahr = timezone.localdate().year
    while True:  # 75 random bits: a collision is practically impossible, but never fatal
        nummer = neue_nummer(jahr)
        if not Zertifikat.objects.filter(nummer=nummer).exists():
            return nummer


# --- issuing ------------------------------------------------------------------------------


def pruefen_und_ausstellen(anmeldung: Anmeldung) -> Zertifikat | None:
    """Issue the certificate when every completion rule holds; idempotent.

    Returns the enrolment's certificate (also one issued earlier, even if revoked), or None
    while a rule is not met or the enrolment holds no seat.
    """
    if anmeldung.status not in PLATZ_STATUS:
        return None
    vorhanden = aktuelles_zertifikat(anmeldung=anmeldung)
    if vorhanden is not None:
        return vorhanden
    if not regeln.alle_erfuellt(anmeldung):
        return None
    return zertifikat_ausstellen(anmeldung=anmeldung)


@transaction.atomic
def zertifikat_ausstellen(
    *, anmeldung: Anmeldung, benachrichtigen: bool = True, pdf_erzeugen: bool = True
) -> Zertifikat:
    """Create the certificate of an enrolment (without checking the rules: the caller did).

    Exactly once: a second call returns the existing certificate. The enrolment becomes
    `abgeschlossen`; the PDF is rendered by a Celery task after the commit.
    """
    anmeldung = (
        Anmeldung.objects.select_for_update(of=("self",))
        .select_related("nutzer", "durchgang__kurs")
        .get(pk=anmeldung.pk)
    )
    vorhanden = aktuelles_zertifikat(anmeldung=anmeldung)
    if vorhanden is not None:
        return vorhanden
    if anmeldung.status not in PLATZ_STATUS:
        raise ValidationError(ANMELDUNG_OHNE_PLATZ, code="ohne_platz")
    zertifikat = Zertifikat(
        anmeldung=anmeldung,
        nummer=_nummer_vergeben(),
        inhaber_name=inhaber_name(anmeldung.nutzer),
        kurs_titel=anmeldung.durchgang.kurs.title,
    )
    zertifikat.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            zertifikat.save()
    except IntegrityError:  # a parallel call won (only possible without the row lock: SQLite)
        return Zertifikat.objects.get(anmeldung=anmeldung, status__in=AKTUELLE_STATUS)
    anmeldung.status = Anmeldung.Status.ABGESCHLOSSEN
    anmeldung.status_geaendert_am = timezone.now()
    anmeldung.save(update_fields=["status", "status_geaendert_am"])
    if pdf_erzeugen:
        _pdf_nach_commit(zertifikat, benachrichtigen=benachrichtigen)
    return zertifikat


def _pdf_nach_commit(zertifikat: Zertifikat, *, benachrichtigen: bool) -> None:
    from .tasks import zertifikat_pdf_erzeugen

    zertifikat_id = zertifikat.pk
    nach_commit_einstellen(zertifikat_pdf_erzeugen, zertifikat_id, benachrichtigen=benachrichtigen)


def offene_anmeldungen_pruefen(*, durchgang: Durchgang | None = None) -> list[Zertifikat]:
    """Check every enrolment without a certificate (management command, periodic task)."""
    neu = []
    for anmeldung in anmeldungen_ohne_zertifikat(durchgang=durchgang).iterator():
        zertifikat = pruefen_und_ausstellen(anmeldung)
        if zertifikat is not None:
            neu.append(zertifikat)
    return neu


# --- revocation and re-issue --------------------------------------------------------------


def _grund_pruefen(grund: str) -> str:
    grund = (grund or "").strip()
    if not grund:
        raise ValidationError({"grund": GRUND_FEHLT}, code="grund_fehlt")
    return grund


@transaction.atomic
def zertifikat_widerrufen(*, zertifikat: Zertifikat, grund: str, von) -> Zertifikat:
    """Revoke a valid certificate; the verification page shows date and reason from now on."""
    grund = _grund_pruefen(grund)
    zertifikat = Zertifikat.objects.select_for_update().get(pk=zertifikat.pk)
    if zertifikat.status != Zertifikat.Status.GUELTIG:
        raise ValidationError(NICHT_WIDERRUFBAR, code="nicht_widerrufbar")
    zertifikat.status = Zertifikat.Status.WIDERRUFEN
    zertifikat.widerrufen_am = timezone.now()
    zertifikat.widerrufen_von = von
    zertifikat.widerruf_grund = grund
    zertifikat.full_clean(validate_constraints=False)
    zertifikat.save(update_fields=["status", "widerrufen_am", "widerrufen_von", "widerruf_grund"])
    protokollieren(
        aktion="zertifikat_widerrufen",
        akteur=von,
        betroffen=zertifikat.anmeldung.nutzer,
        objekt=zertifikat,
    )
    return zertifikat


@transaction.atomic
def zertifikat_neu_ausstellen(*, zertifikat: Zertifikat, grund: str, von) -> Zertifikat:
    """Replace a certificate (valid or revoked) by a new one with a new number, e.g. after a
    name correction; the old number's verification then says "ersetzt durch …"."""
    grund = _grund_pruefen(grund)
    alt = (
        Zertifikat.objects.select_for_update(of=("self",))
        .select_related("anmeldung__nutzer", "anmeldung__durchgang__kurs")
        .get(pk=zertifikat.pk)
    )
    if alt.status == Zertifikat.Status.ERSETZT:
        raise ValidationError(NICHT_ERSETZBAR, code="nicht_ersetzbar")
    jetzt = timezone.now()
    alt.status = Zertifikat.Status.ERSETZT
    alt.ersetzt_am, alt.ersetzt_von, alt.ersetzt_grund = jetzt, von, grund
    alt.save(update_fields=["status", "ersetzt_am", "ersetzt_von", "ersetzt_grund"])
    anmeldung = alt.anmeldung
    neu = Zertifikat(
        anmeldung=anmeldung,
        nummer=_nummer_vergeben(),
        ausgestellt_am=jetzt,
        inhaber_name=inhaber_name(anmeldung.nutzer),
        kurs_titel=anmeldung.durchgang.kurs.title,
    )
    neu.full_clean()
    neu.save()
    alt.ersetzt_durch = neu
    alt.save(update_fields=["ersetzt_durch"])
    protokollieren(
        aktion="zertifikat_neu_ausgestellt",
        akteur=von,
        betroffen=anmeldung.nutzer,
        objekt=alt,
        details={"neu": neu.pk},
    )
    _pdf_nach_commit(neu, benachrichtigen=True)
    return neu


@transaction.atomic
def mit_neuem_namen_ausstellen(*, nutzer) -> list[Zertifikat]:
    """Re-issue the person's valid certificates that still carry an old name (asked for by the
    holder on /konto/profil/; each replacement is audit-logged by zertifikat_neu_ausstellen)."""
    return [
        zertifikat_neu_ausstellen(zertifikat=z, grund=str(NAMENSAENDERUNG_GRUND), von=nutzer)
        for z in zertifikate_mit_altem_namen(nutzer=nutzer)
    ]


# --- verification -------------------------------------------------------------------------


def pruefung_zaehlen(*, zertifikat: Zertifikat) -> None:
    """Count one public verification (one UPDATE, safe under parallel requests)."""
    Zertifikat.objects.filter(pk=zertifikat.pk).update(pruefungen=F("pruefungen") + 1)


# --- PDF and e-mail -----------------------------------------------------------------------


def pdf_speichern(*, zertifikat: Zertifikat) -> Zertifikat:
    """Render the PDF/A and store it privately (replacing an earlier rendering)."""
    from .pdf import zertifikat_pdf

    inhalt = zertifikat_pdf(zertifikat)
    alte_datei = zertifikat.pdf.name if zertifikat.pdf else None
    zertifikat.pdf.save(f"{zertifikat.nummer}.pdf", ContentFile(inhalt), save=False)
    zertifikat.pdf_erstellt_am = timezone.now()
    zertifikat.save(update_fields=["pdf", "pdf_erstellt_am"])
    if alte_datei and alte_datei != zertifikat.pdf.name:
        zertifikat.pdf.storage.delete(alte_datei)
    return zertifikat


def zertifikat_mail_senden(*, zertifikat: Zertifikat) -> None:
    """Tell the holder that the PDF is ready for download (called by the Celery task)."""
    nutzer = zertifikat.anmeldung.nutzer
    kontext = {
        "zertifikat": zertifikat,
        "nutzer": nutzer,
        "url": settings.SITE_URL.rstrip("/") + reverse("kurse:mein_lernen"),
        "pruef_url": verifikations_url(zertifikat.nummer),
    }
    with translation.override("de"):
        betreff = render_to_string("zertifikate/mails/bereit_betreff.txt", kontext)
        text = render_to_string("zertifikate/mails/bereit.txt", kontext)
    send_mail(" ".join(betreff.split()), text, None, [nutzer.email])


# --- bulk job of a cohort -----------------------------------------------------------------


@transaction.atomic
def stapel_starten(*, durchgang: Durchgang, von) -> Stapelauftrag:
    """Start "Zertifikate für Durchgang erzeugen": Celery tasks after the commit."""
    from .tasks import stapel_ausfuehren

    auftrag = Stapelauftrag(durchgang=durchgang, gestartet_von=von)
    auftrag.full_clean()
    auftrag.save()
    auftrag_id = auftrag.pk
    nach_commit_einstellen(stapel_ausfuehren, auftrag_id)
    return auftrag


def stapel_vorbereiten(*, auftrag: Stapelauftrag) -> list[int]:
    """Issue what is due in the cohort, then fix the job's total: the ids to render."""
    offene_anmeldungen_pruefen(durchgang=auftrag.durchgang)
    ids = list(
        gueltige_zertifikate_des_durchgangs(durchgang=auftrag.durchgang).values_list(
            "pk", flat=True
        )
    )
    Stapelauftrag.objects.filter(pk=auftrag.pk).update(gesamt=len(ids))
    if not ids:
        _stapel_beenden_wenn_fertig(auftrag.pk)
    return ids


def stapel_schritt_melden(*, auftrag_id: int, erfolgreich: bool) -> None:
    """One PDF of the job is done (or failed for good); the last one finishes the job."""
    feld = "erledigt" if erfolgreich else "fehlgeschlagen"
    Stapelauftrag.objects.filter(pk=auftrag_id).update(**{feld: F(feld) + 1})
    _stapel_beenden_wenn_fertig(auftrag_id)


def _stapel_beenden_wenn_fertig(auftrag_id: int) -> None:
    Stapelauftrag.objects.filter(
        pk=auftrag_id,
        status=Stapelauftrag.Status.LAEUFT,
        gesamt__isnull=False,
        gesamt__lte=F("erledigt") + F("fehlgeschlagen"),
    ).update(status=Stapelauftrag.Status.FERTIG, beendet_am=timezone.now())
