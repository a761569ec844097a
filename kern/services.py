"""Writes of the DSGVO self-service: export of one's own data and deletion of the account."""

from __future__ import annotations

import datetime
import json
import secrets
import tempfile
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.storage import FileSystemStorage, Storage
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import datenschutz
from .aufgaben import nach_commit_einstellen
from .models import Datenexport
from .protokoll import protokollieren
from .speicher import privater_speicher

EXPORT_LAEUFT = _(
    "Ihr Datenexport wird gerade erstellt. Bitte warten Sie einen Moment und laden Sie die Seite "
    "neu."
)
EXPORT_ZU_OFT = _("Sie können höchstens einen Datenexport je {minuten} Minuten anfordern.")
ADMIN_NICHT_LOESCHBAR = _(
    "Konten der Administration können nicht selbst gelöscht werden. Bitte wenden Sie sich an "
    "eine andere Administratorin oder einen anderen Administrator."
)
#: A new export only after this pause; the files are kept for EXPORT_AUFBEWAHRUNG.
EXPORT_PAUSE = datetime.timedelta(minutes=5)
EXPORT_AUFBEWAHRUNG = datetime.timedelta(days=7)
#: A request still "running" after this long has failed silently; a new one is allowed.
EXPORT_HAENGT_NACH = datetime.timedelta(hours=1)
EXPORT_ORDNER = "exporte"


@transaction.atomic
def datenexport_anfordern(*, nutzer) -> Datenexport:
    """Queue the ZIP of all own data (Celery builds it after the commit)."""
    letzte = Datenexport.objects.filter(nutzer=nutzer).order_by("-angefordert_am").first()
    if letzte is not None:
        laeuft = timezone.now() - letzte.angefordert_am < EXPORT_HAENGT_NACH
        if letzte.status == Datenexport.Status.ANGEFORDERT and laeuft:
            raise ValidationError(EXPORT_LAEUFT, code="export_laeuft")
        if timezone.now() - letzte.angefordert_am < EXPORT_PAUSE:
            minuten = int(EXPORT_PAUSE.total_seconds() // 60)
            raise ValidationError(str(EXPORT_ZU_OFT).format(minuten=minuten), code="export_zu_oft")
    export = Datenexport(nutzer=nutzer)
    export.full_clean()
    export.save()
    protokollieren(aktion="datenexport", akteur=nutzer, betroffen=nutzer, objekt=export)

    from .tasks import datenexport_erstellen

    export_id = export.pk
    nach_commit_einstellen(datenexport_erstellen, export_id)
    return export


def export_speicher() -> Storage:
    """Where export ZIPs live: PRIVATE_MEDIA_ROOT, or the private prefix of the S3 bucket (so web
    and worker need no shared volume). Built per call: tests change the settings."""
    return privater_speicher("", lambda: FileSystemStorage(location=settings.PRIVATE_MEDIA_ROOT))


def datenexport_erstellen(*, export_id: int) -> Datenexport:
    """Write daten.json (every registered app) and the files into one ZIP (Celery task)."""
    export = Datenexport.objects.select_related("nutzer").get(pk=export_id)
    try:
        return _zip_schreiben(export)
    except Exception:
        export.status = Datenexport.Status.FEHLGESCHLAGEN
        export.save(update_fields=["status"])
        raise


def _zip_schreiben(export: Datenexport) -> Datenexport:
    nutzer = export.nutzer
    daten: dict = {"erstellt_am": timezone.now(), "hinweis": str(_EXPORT_HINWEIS)}
    dateien: list[tuple[str, object]] = []
    for registrierung in datenschutz.registrierungen():
        daten[registrierung.name] = registrierung.exporter(nutzer)
        if registrierung.dateien is not None:
            dateien += [
                (f"dateien/{registrierung.name}/{name}", datei)
                for name, datei in registrierung.dateien(nutzer)
            ]
    relativ = f"{EXPORT_ORDNER}/{nutzer.pk}/{secrets.token_urlsafe(24)}.zip"
    # Built in a temporary file, then stored in one piece: no half-written ZIP in the storage.
    with tempfile.TemporaryFile() as zwischen:
        with zipfile.ZipFile(zwischen, "w", compression=zipfile.ZIP_DEFLATED) as archiv:
            archiv.writestr(
                "daten.json",
                json.dumps(daten, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
            )
            for name, datei in dateien:
                with datei.open("rb") as quelle:
                    archiv.writestr(name, quelle.read())
        zwischen.seek(0)
        export.datei = export_speicher().save(relativ, File(zwischen, name=relativ))
    export.status = Datenexport.Status.FERTIG
    export.fertig_am = timezone.now()
    export.save(update_fields=["datei", "status", "fertig_am"])
    return export


_EXPORT_HINWEIS = _(
    "Alle personenbezogenen Daten, die Lernkette zu Ihrem Konto speichert (Art. 15 und 20 DSGVO)."
)


def datenexport_dateien_loeschen(*, nutzer, aelter_als: datetime.datetime | None = None) -> int:
    """Remove export files (all of a user's, or all older than a moment); returns the count."""
    exporte = Datenexport.objects.all()
    if nutzer is not None:
        exporte = exporte.filter(nutzer=nutzer)
    if aelter_als is not None:
        exporte = exporte.filter(angefordert_am__lt=aelter_als)
    anzahl = 0
    speicher = export_speicher()
    for export in exporte:
        if export.datei:
            speicher.delete(export.datei)
        export.delete()
        anzahl += 1
    return anzahl


@transaction.atomic
def konto_loeschen(*, nutzer) -> None:
    """Delete the account: every registered app anonymises or removes its data, then the
    account row goes (sessions die with it). The audit log keeps only the former id."""
    if nutzer.is_superuser:
        raise ValidationError(ADMIN_NICHT_LOESCHBAR, code="admin")
    nutzer_id = nutzer.pk
    for registrierung in datenschutz.registrierungen():
        registrierung.anonymisierer(nutzer)
    protokollieren(
        aktion="konto_geloescht", akteur=nutzer, betroffen=nutzer, details={"nutzer_id": nutzer_id}
    )
    nutzer.delete()


# --- names (/konto/profil/) --------------------------------------------------------------------


@transaction.atomic
def namen_aendern(*, nutzer, vorname: str, nachname: str, titel: str = "") -> bool:
    """Change the person's names; returns whether anything changed (audit-logged, without the
    names themselves). Certificates keep the old name until their holder asks for re-issue."""
    neu = {"first_name": vorname.strip(), "last_name": nachname.strip(), "titel": titel.strip()}
    geaendert = sorted(feld for feld, wert in neu.items() if getattr(nutzer, feld) != wert)
    if not geaendert:
        return False
    for feld, wert in neu.items():
        setattr(nutzer, feld, wert)
    andere = [f.name for f in nutzer._meta.concrete_fields if f.name not in neu]
    nutzer.full_clean(exclude=andere, validate_unique=False, validate_constraints=False)
    nutzer.save(update_fields=geaendert)
    protokollieren(
        aktion="name_geaendert",
        akteur=nutzer,
        betroffen=nutzer,
        objekt=nutzer,
        details={"felder": geaendert},
    )
    return True
