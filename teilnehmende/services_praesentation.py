"""Writes on final presentations: hand in a version, withdraw, start a review, decide.

States: eingereicht → in_begutachtung → ueberarbeitung_erbeten → (new version) eingereicht … →
angenommen; eingereicht and ueberarbeitung_erbeten may be withdrawn (zurueckgezogen) and a new
version starts again. A new version only while no review is running. Versions, reviews and
points are never deleted or changed afterwards.

Every review decision goes through `begutachtung_entscheiden`.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from kern.aufgaben import nach_commit_einstellen
from kern.protokoll import protokollieren

from . import dateipruefung
from .models import (
    PLATZ_STATUS,
    Abschlusspraesentation,
    Anmeldung,
    Begutachtung,
    Bewertungsraster,
    Punktwert,
    Version,
)
from .signals import abschlusspraesentation_angenommen

logger = logging.getLogger(__name__)
Status = Abschlusspraesentation.Status

EINREICHEN_OHNE_PLATZ = _(
    "Eine Abschlusspräsentation können nur Teilnehmende mit bestätigtem Platz im Durchgang "
    "einreichen."
)
VERSION_WAEHREND_BEGUTACHTUNG = _(
    "Ihre Präsentation wird gerade begutachtet. Eine neue Version können Sie erst einreichen, "
    "wenn eine Überarbeitung erbeten wurde."
)
VERSION_NACH_ANNAHME = _(
    "Ihre Präsentation ist bereits angenommen. Eine neue Version ist nicht mehr möglich."
)
BEGINNEN_NICHT_MOEGLICH = _(
    "Die Begutachtung kann nur für eine eingereichte Präsentation beginnen; diese ist „%(status)s“."
)
ENTSCHEIDUNG_NICHT_MOEGLICH = _(
    "Entscheiden können Sie erst, wenn die Begutachtung begonnen hat; diese Präsentation ist "
    "„%(status)s“."
)
ZURUECKZIEHEN_NICHT_MOEGLICH = _(
    "Eine Präsentation, die „%(status)s“ ist, kann nicht zurückgezogen werden."
)
RASTER_FEHLT = _(
    "Für diesen Kurs ist noch kein Bewertungsraster hinterlegt. Bitte wenden Sie sich an die "
    "Redaktion."
)
PUNKTE_FEHLEN = _("Bitte vergeben Sie Punkte für „%(kriterium)s“.")
PUNKTE_UNGUELTIG = _("Für „%(kriterium)s“ sind 0 bis %(max)s Punkte möglich.")
KOMMENTAR_FEHLT = _("Bitte schreiben Sie eine Rückmeldung an die teilnehmende Person.")
#: What the editors' log shows of a removed example made from a presentation.
PRAXISBEISPIEL_ENTFERNT = _("Praxisbeispiel aus einer Abschlusspräsentation (entfernt)")
GRENZE_NICHT_ERREICHT = _(
    "Mit %(punkte)s von %(max)s Punkten ist die Bestehensgrenze von %(grenze)s Punkten nicht "
    "erreicht. Bitte erbitten Sie eine Überarbeitung."
)
ENTSCHEIDUNG_UNBEKANNT = _(
    "Bitte wählen Sie eine Entscheidung: annehmen oder Überarbeitung erbitten."
)

#: From these states a participant may hand in a (new) version.
EINREICHEN_ERLAUBT = (Status.EINGEREICHT, Status.UEBERARBEITUNG_ERBETEN, Status.ZURUECKGEZOGEN)
ZURUECKZIEHEN_ERLAUBT = (Status.EINGEREICHT, Status.UEBERARBEITUNG_ERBETEN)


def _status_text(status: str) -> str:
    return str(Status(status).label)


def einreichen_pruefen(*, anmeldung: Anmeldung) -> None:
    """Raise the German reason why this enrolment cannot hand in a version now."""
    if anmeldung.status not in PLATZ_STATUS:
        raise ValidationError(EINREICHEN_OHNE_PLATZ, code="ohne_platz")
    praesentation = Abschlusspraesentation.objects.filter(anmeldung=anmeldung).first()
    if praesentation is None or praesentation.status in EINREICHEN_ERLAUBT:
        return
    if praesentation.status == Status.ANGENOMMEN:
        raise ValidationError(VERSION_NACH_ANNAHME, code="angenommen")
    raise ValidationError(VERSION_WAEHREND_BEGUTACHTUNG, code="in_begutachtung")


def version_einreichen(
    *,
    anmeldung: Anmeldung,
    titel: str,
    kurzfassung: str,
    datei: UploadedFile,
    link: str = "",
    einwilligung_praxisbeispiel: bool = False,
    benachrichtigen: bool = True,
) -> Version:
    """Hand in the first or a new version. Bad input raises a ValidationError and leaves
    neither a row nor a file behind."""
    geschrieben: list = []
    try:
        return _version_einreichen(
            anmeldung=anmeldung,
            titel=titel,
            kurzfassung=kurzfassung,
            datei=datei,
            link=link,
            einwilligung_praxisbeispiel=einwilligung_praxisbeispiel,
            benachrichtigen=benachrichtigen,
            geschrieben=geschrieben,
        )
    except BaseException:
        # Also when the commit itself fails: the row is gone, so the file must go too.
        for feld in geschrieben:
            feld.delete(save=False)
        raise


@transaction.atomic
def _version_einreichen(
    *,
    anmeldung: Anmeldung,
    titel: str,
    kurzfassung: str,
    datei: UploadedFile,
    link: str,
    einwilligung_praxisbeispiel: bool,
    benachrichtigen: bool,
    geschrieben: list,
) -> Version:
    # The enrolment row lock serialises two submissions of the same person (version numbers).
    anmeldung = Anmeldung.objects.select_for_update().get(pk=anmeldung.pk)
    einreichen_pruefen(anmeldung=anmeldung)
    geprueft = dateipruefung.pruefen(datei, datei.name)

    jetzt = timezone.now()
    praesentation = Abschlusspraesentation.objects.filter(anmeldung=anmeldung).first()
    if praesentation is None:
        praesentation = Abschlusspraesentation(anmeldung=anmeldung)
    letzte = praesentation.versionen.order_by("-nummer").first() if praesentation.pk else None
    version = Version(
        praesentation=praesentation,
        nummer=(letzte.nummer + 1) if letzte else 1,
        titel=" ".join(titel.split()),
        kurzfassung=kurzfassung.strip(),
        dateiname=geprueft.dateiname,
        dateityp=geprueft.dateityp,
        groesse=geprueft.groesse,
        link=link.strip(),
        eingereicht_am=jetzt,
        einwilligung_praxisbeispiel=einwilligung_praxisbeispiel,
        einwilligung_geaendert_am=jetzt if einwilligung_praxisbeispiel else None,
    )
    # Everything but the file is checked before the file is written.
    version.full_clean(exclude=["praesentation", "datei"])

    praesentation.status = Status.EINGEREICHT
    praesentation.status_geaendert_am = jetzt
    praesentation.eingereicht_am = jetzt
    praesentation.full_clean()
    praesentation.save()
    version.praesentation = praesentation
    # The file is written last; should anything after it fail, the caller removes it again.
    version.datei.save(dateipruefung.speichername(geprueft.dateityp), datei, save=False)
    geschrieben.append(version.datei)
    version.save()
    if benachrichtigen:
        version_id = version.pk
        from .tasks import praesentation_eingereicht_mailen

        nach_commit_einstellen(praesentation_eingereicht_mailen, version_id)
    return version


@transaction.atomic
def praesentation_zurueckziehen(*, praesentation: Abschlusspraesentation) -> Abschlusspraesentation:
    praesentation = Abschlusspraesentation.objects.select_for_update().get(pk=praesentation.pk)
    if praesentation.status not in ZURUECKZIEHEN_ERLAUBT:
        raise ValidationError(
            ZURUECKZIEHEN_NICHT_MOEGLICH,
            code="nicht_zurueckziehbar",
            params={"status": _status_text(praesentation.status)},
        )
    return _status_setzen(praesentation, Status.ZURUECKGEZOGEN)


@transaction.atomic
def begutachtung_beginnen(*, praesentation: Abschlusspraesentation) -> Abschlusspraesentation:
    praesentation = Abschlusspraesentation.objects.select_for_update().get(pk=praesentation.pk)
    if praesentation.status != Status.EINGEREICHT:
        raise ValidationError(
            BEGINNEN_NICHT_MOEGLICH,
            code="nicht_eingereicht",
            params={"status": _status_text(praesentation.status)},
        )
    return _status_setzen(praesentation, Status.IN_BEGUTACHTUNG)


def _status_setzen(praesentation: Abschlusspraesentation, status: str) -> Abschlusspraesentation:
    praesentation.status = status
    praesentation.status_geaendert_am = timezone.now()
    praesentation.full_clean()
    praesentation.save(update_fields=["status", "status_geaendert_am"])
    return praesentation


@transaction.atomic
def begutachtung_entscheiden(
    *,
    praesentation: Abschlusspraesentation,
    gutachter,
    entscheidung: str,
    punkte: Mapping[int, int | None],
    kommentar: str,
    benachrichtigen: bool = True,
) -> Begutachtung:
    """The one place a review decision is written: rubric points per criterion (keyed by the
    criterion's id), comment, and accept or request a revision of the current version.

    Accepting needs the course's pass mark; it fires `abschlusspraesentation_angenommen` after
    the commit and prepares a good-practice draft when the author consented.
    """
    praesentation = (
        Abschlusspraesentation.objects.select_for_update()
        .select_related("anmeldung__durchgang")
        .get(pk=praesentation.pk)
    )
    if praesentation.status != Status.IN_BEGUTACHTUNG:
        raise ValidationError(
            ENTSCHEIDUNG_NICHT_MOEGLICH,
            code="nicht_in_begutachtung",
            params={"status": _status_text(praesentation.status)},
        )
    if entscheidung not in Begutachtung.Entscheidung.values:
        raise ValidationError(ENTSCHEIDUNG_UNBEKANNT, code="entscheidung")
    raster = (
        Bewertungsraster.objects.filter(kurs_id=praesentation.anmeldung.durchgang.kurs_id)
        .prefetch_related("kriterien")
        .first()
    )
    if raster is None or not raster.kriterien.all():
        raise ValidationError(RASTER_FEHLT, code="raster_fehlt")
    kriterien = list(raster.kriterien.all())
    fehler = []
    for kriterium in kriterien:
        wert = punkte.get(kriterium.pk)
        if wert is None:
            fehler.append(ValidationError(PUNKTE_FEHLEN, params={"kriterium": kriterium.titel}))
        elif not 0 <= wert <= kriterium.max_punkte:
            fehler.append(
                ValidationError(
                    PUNKTE_UNGUELTIG,
                    params={"kriterium": kriterium.titel, "max": kriterium.max_punkte},
                )
            )
    if not kommentar.strip():
        fehler.append(ValidationError(KOMMENTAR_FEHLT, code="kommentar"))
    if fehler:
        raise ValidationError(fehler)
    summe = sum(punkte[k.pk] for k in kriterien)
    maximum = sum(k.max_punkte for k in kriterien)
    angenommen = entscheidung == Begutachtung.Entscheidung.ANGENOMMEN
    if angenommen and summe < raster.bestehensgrenze:
        raise ValidationError(
            GRENZE_NICHT_ERREICHT,
            code="grenze",
            params={"punkte": summe, "max": maximum, "grenze": raster.bestehensgrenze},
        )

    version = praesentation.versionen.order_by("-nummer").first()
    begutachtung = Begutachtung(
        version=version,
        gutachter=gutachter,
        entscheidung=entscheidung,
        kommentar=kommentar.strip(),
        punkte=summe,
        max_punkte=maximum,
        bestehensgrenze=raster.bestehensgrenze,
    )
    begutachtung.full_clean()
    begutachtung.save()
    protokollieren(
        aktion="begutachtung_entschieden",
        akteur=gutachter,
        betroffen=praesentation.anmeldung.nutzer,
        objekt=begutachtung,
        details={"entscheidung": entscheidung, "punkte": summe, "version": version.nummer},
    )
    Punktwert.objects.bulk_create(
        Punktwert(
            begutachtung=begutachtung,
            kriterium=k,
            titel=k.titel,
            max_punkte=k.max_punkte,
            punkte=punkte[k.pk],
            reihenfolge=nummer,
        )
        for nummer, k in enumerate(kriterien)
    )
    _status_setzen(
        praesentation, Status.ANGENOMMEN if angenommen else Status.UEBERARBEITUNG_ERBETEN
    )

    if angenommen:
        _praxisbeispiel_vorbereiten(praesentation, version)
        anmeldung = praesentation.anmeldung
        transaction.on_commit(
            lambda: abschlusspraesentation_angenommen.send(
                sender=Abschlusspraesentation, praesentation=praesentation, anmeldung=anmeldung
            )
        )
    if benachrichtigen:
        from .tasks import begutachtung_mailen

        begutachtung_id = begutachtung.pk
        nach_commit_einstellen(begutachtung_mailen, begutachtung_id)
    return begutachtung


# --- Consent to publication as a good-practice example --------------------------------------


@transaction.atomic
def einwilligung_praxisbeispiel_aendern(*, version: Version, erteilt: bool) -> Version:
    """Give or revoke consent for one version. Revoking removes a prepared library page;
    giving it for an accepted version prepares the draft."""
    version = (
        Version.objects.select_for_update(of=("self",))
        .select_related("praesentation__anmeldung")
        .get(pk=version.pk)
    )
    if version.einwilligung_praxisbeispiel == erteilt:
        return version
    version.einwilligung_praxisbeispiel = erteilt
    version.einwilligung_geaendert_am = timezone.now()
    version.full_clean(exclude=["datei"])
    version.save(update_fields=["einwilligung_praxisbeispiel", "einwilligung_geaendert_am"])
    praesentation = version.praesentation
    protokollieren(
        aktion="einwilligung_praxisbeispiel",
        betroffen=praesentation.anmeldung.nutzer,
        objekt=version,
        details={"erteilt": erteilt, "version": version.nummer},
    )
    angenommene = Version.objects.filter(
        praesentation=praesentation, begutachtung__entscheidung=Begutachtung.Entscheidung.ANGENOMMEN
    ).first()
    if angenommene is None or angenommene.pk != version.pk:
        return version
    if erteilt:
        _praxisbeispiel_vorbereiten(praesentation, version)
    elif praesentation.praxisbeispiel_id:
        seite = praesentation.praxisbeispiel
        praesentation.praxisbeispiel = None
        praesentation.save(update_fields=["praxisbeispiel"])
        # Consent withdrawn: the page goes, published or not (the editors see it in the log).
        _praxisbeispiel_entfernen(seite)
    return version


def _praxisbeispiel_entfernen(seite) -> None:
    """Delete the page with its revisions; the editors' log keeps the event, not the title."""
    from wagtail.models import PageLogEntry

    seite_id = seite.pk
    seite.delete()
    PageLogEntry.objects.filter(page_id=seite_id).update(
        label=str(PRAXISBEISPIEL_ENTFERNT), data={}
    )


@transaction.atomic
def praxisbeispiele_bei_kontoloeschung(*, nutzer) -> None:
    """Account deletion: a published example stays (the author consented to publication) but
    loses every trace of the person – the link to the presentation and all revisions but the
    live one (older drafts hold the original abstract). Everything unpublished (drafts, pages
    taken offline) goes through the same withdrawal service as the consent page."""
    from wagtail.models import PageLogEntry, Revision

    for praesentation in Abschlusspraesentation.objects.filter(
        anmeldung__nutzer=nutzer, praxisbeispiel__isnull=False
    ).select_related("praxisbeispiel"):
        seite = praesentation.praxisbeispiel
        if not seite.live:
            continue
        praesentation.praxisbeispiel = None
        praesentation.save(update_fields=["praxisbeispiel"])
        Revision.objects.for_instance(seite).exclude(pk=seite.live_revision_id).delete()
        seite.latest_revision_id = seite.live_revision_id
        seite.has_unpublished_changes = False
        seite.owner = None
        seite.draft_title = seite.title
        seite.save(
            update_fields=["latest_revision", "has_unpublished_changes", "owner", "draft_title"]
        )
        if seite.live_revision is not None:  # it recorded the draft title of that moment
            seite.live_revision.content["draft_title"] = seite.title
            seite.live_revision.save(update_fields=["content"])
        # Log entries name the page by its title at the time (the participant's own title).
        PageLogEntry.objects.filter(page_id=seite.pk).update(label=seite.title, data={})
    for version in Version.objects.filter(
        praesentation__anmeldung__nutzer=nutzer, einwilligung_praxisbeispiel=True
    ):
        einwilligung_praxisbeispiel_aendern(version=version, erteilt=False)
    # A draft still linked (consent flag lost some other way) goes as well.
    for praesentation in Abschlusspraesentation.objects.filter(
        anmeldung__nutzer=nutzer, praxisbeispiel__isnull=False
    ).select_related("praxisbeispiel"):
        seite = praesentation.praxisbeispiel
        praesentation.praxisbeispiel = None
        praesentation.save(update_fields=["praxisbeispiel"])
        _praxisbeispiel_entfernen(seite)


def _praxisbeispiel_vorbereiten(praesentation: Abschlusspraesentation, version: Version) -> None:
    """An unpublished library draft from an accepted version with consent (cms service)."""
    from cms.services import praxisbeispiel_entwurf_erstellen

    if praesentation.praxisbeispiel_id or not version.einwilligung_praxisbeispiel:
        return
    daten = getattr(praesentation.anmeldung, "eintrittsdaten", None)
    kurz = (
        version.kurzfassung
        if len(version.kurzfassung) <= 400
        else (version.kurzfassung[:399].rsplit(" ", 1)[0] + "…")
    )
    felder = {
        "titel": version.titel,
        "teaser": kurz,
        "text": version.kurzfassung,
        "quelle_url": version.link or None,
        "autor_einwilligung": True,
    }
    versuche = [{}]
    if daten is not None and daten.kommune:
        versuche.insert(0, {"kommune_name": daten.kommune, "kreis": daten.kreis})
    for ort in versuche:
        try:
            with transaction.atomic():
                seite = praxisbeispiel_entwurf_erstellen(**felder, **ort)
        except ValidationError as fehler:
            # The decision stands without a draft (e.g. no library yet); editors can add it later.
            logger.warning("Kein Praxisbeispiel-Entwurf: %s", "; ".join(fehler.messages))
            continue
        praesentation.praxisbeispiel = seite
        praesentation.save(update_fields=["praxisbeispiel"])
        return


# --- E-mails (called by the Celery tasks) ----------------------------------------------------


def _senden(vorlage: str, kontext: dict, empfaenger: list[str]) -> None:
    if not empfaenger:
        return
    with translation.override("de"):
        betreff = render_to_string(f"teilnehmende/mails/{vorlage}_betreff.txt", kontext)
        text = render_to_string(f"teilnehmende/mails/{vorlage}.txt", kontext)
    send_mail(" ".join(betreff.split()), text, None, empfaenger)


def eingang_mail_senden(*, version: Version) -> None:
    """Tell the cohort's trainers that a version was handed in."""
    praesentation = version.praesentation
    durchgang = praesentation.anmeldung.durchgang
    kontext = {
        "version": version,
        "nutzer": praesentation.anmeldung.nutzer,
        "durchgang": durchgang,
        "kurs": durchgang.kurs,
        "url": settings.SITE_URL.rstrip("/")
        + reverse("begutachtung:begutachtung", args=[praesentation.pk]),
    }
    empfaenger = sorted(durchgang.trainer.values_list("email", flat=True))
    _senden("praesentation_eingereicht", kontext, empfaenger)


def entscheidung_mail_senden(*, begutachtung: Begutachtung) -> None:
    """Tell the participant the decision on their version."""
    praesentation = begutachtung.version.praesentation
    anmeldung = praesentation.anmeldung
    kontext = {
        "begutachtung": begutachtung,
        "version": begutachtung.version,
        "nutzer": anmeldung.nutzer,
        "kurs": anmeldung.durchgang.kurs,
        "url": settings.SITE_URL.rstrip("/")
        + reverse("teilnehmende:praesentation", args=[anmeldung.pk]),
    }
    vorlage = (
        "praesentation_angenommen"
        if begutachtung.entscheidung == Begutachtung.Entscheidung.ANGENOMMEN
        else "praesentation_ueberarbeiten"
    )
    _senden(vorlage, kontext, [anmeldung.nutzer.email])


# --- Rubric ---------------------------------------------------------------------------------


@transaction.atomic
def bewertungsraster_festlegen(
    *, kurs, bestehensgrenze: int, kriterien: list[tuple[str, str, int]], hinweise: str = ""
) -> Bewertungsraster:
    """Create or replace a course's rubric; `kriterien` = (title, description, max points)."""
    from .models import Kriterium

    raster = Bewertungsraster.objects.filter(kurs=kurs).first() or Bewertungsraster(kurs=kurs)
    raster.bestehensgrenze = bestehensgrenze
    raster.hinweise = hinweise
    raster.kriterien = [
        Kriterium(titel=titel, beschreibung=beschreibung, max_punkte=max_punkte)
        for titel, beschreibung, max_punkte in kriterien
    ]
    raster.full_clean()
    raster.save()
    return raster
