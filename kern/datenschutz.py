"""DSGVO registry: every app declares here what personal data it holds about a user.

Each app calls `registrieren(...)` in its own `datenschutz.py` (found at start-up by
kern.apps.KernConfig.ready):

    registrieren(
        "teilnehmende",
        exporter=lambda nutzer: {...},          # JSON-serialisable data about this person
        anonymisierer=lambda nutzer: None,      # remove/anonymise it when the account is deleted
        dateien=lambda nutzer: [("praesentationen/v1.pdf", fieldfile), ...],  # optional
        reihenfolge=50,                         # lower runs first; kern's account data runs last
        modelle=["teilnehmende.Anmeldung", ...],  # the models whose rows these two cover
    )

Anonymisers run in one transaction, before the account row itself is deleted. They must keep
what funders' figures and certificate verification need (anonymised, without the person) and
remove everything else; the deletion test searches every text column for the old e-mail/name.

`tests/sicherheit/test_datenschutz_register.py` walks every model: one linked to a user (or to a
row that is), or with a file field, must be named in some registration's `modelle` or in
`OHNE_REGISTRIERUNG` below with the reason.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

Exporter = Callable[[Any], Any]
Anonymisierer = Callable[[Any], None]
Dateien = Callable[[Any], Iterable[tuple[str, Any]]]


@dataclass(frozen=True)
class Registrierung:
    name: str
    exporter: Exporter
    anonymisierer: Anonymisierer
    dateien: Dateien | None = None
    reihenfolge: int = 50
    modelle: tuple[str, ...] = ()


_REGISTER: dict[str, Registrierung] = {}


def registrieren(
    name: str,
    *,
    exporter: Exporter,
    anonymisierer: Anonymisierer,
    dateien: Dateien | None = None,
    reihenfolge: int = 50,
    modelle: Iterable[str] = (),
) -> None:
    """Register (or replace, on a second import) the personal data of one app; `modelle` are
    the labels ("app.Model") of the models whose rows exporter and anonymiser cover."""
    _REGISTER[name] = Registrierung(
        name, exporter, anonymisierer, dateien, reihenfolge, tuple(modelle)
    )


def registrierungen() -> list[Registrierung]:
    return sorted(_REGISTER.values(), key=lambda r: (r.reihenfolge, r.name))


#: Models linked to a user or holding files that need no exporter or anonymiser of their own,
#: with the reason (checked by the registry test; a new model must be placed here or registered).
OHNE_REGISTRIERUNG: dict[str, str] = {
    # Work of staff in the CMS: the link names the author; Django sets it to NULL with the account.
    "wagtailcore.Page": "Redaktion: Besitzer/Sperre, SET_NULL",
    "cms.HomePage": "Seitentyp (wagtailcore.Page)",
    "cms.StandardSeite": "Seitentyp (wagtailcore.Page)",
    "cms.BarrierefreiheitSeite": "Seitentyp (wagtailcore.Page)",
    "cms.PraxisbeispielIndex": "Seitentyp (wagtailcore.Page)",
    "cms.Praxisbeispiel": "Seitentyp; aus Präsentationen: Registrierung „praesentationen“",
    "kurse.KursIndexSeite": "Seitentyp (wagtailcore.Page)",
    "kurse.KursSeite": "Seitentyp (wagtailcore.Page)",
    "kurse.ModulSeite": "Seitentyp (wagtailcore.Page)",
    "kurse.LektionSeite": "Seitentyp (wagtailcore.Page)",
    "wagtailcore.Revision": "Redaktion: Bearbeiter/in, SET_NULL; Praxisbeispiel-Fassungen aus "
    "Präsentationen löscht die Registrierung „praesentationen“",
    "wagtailcore.PageLogEntry": "Redaktionsprotokoll (Wagtail), nur Mitarbeitende",
    "wagtailcore.ModelLogEntry": "Redaktionsprotokoll (Wagtail), nur Mitarbeitende",
    "wagtailcore.TaskState": "Freigabe-Workflow der Redaktion, SET_NULL",
    "wagtailcore.WorkflowState": "Freigabe-Workflow der Redaktion, SET_NULL",
    "wagtailcore.Comment": "Kommentare der Redaktion im Admin, mit dem Konto gelöscht",
    "wagtailcore.CommentReply": "Kommentare der Redaktion im Admin, mit dem Konto gelöscht",
    "wagtailcore.PageSubscription": "Benachrichtigungen der Redaktion, mit dem Konto gelöscht",
    "wagtailcore.APIToken": "nicht genutzt (keine Wagtail-API), mit dem Konto gelöscht",
    "wagtailadmin.EditingSession": "Bearbeitungssitzung im Admin, mit dem Konto gelöscht",
    "wagtailadmin.FormState": "Formularzustand im Admin, mit dem Konto gelöscht",
    "wagtailcore.UploadedFile": "Zwischenablage des Admin-Mehrfach-Uploads, SET_NULL",
    "wagtaildocs.Document": "Dokumente der Redaktion (Kursmaterial, Praxisbeispiele), SET_NULL",
    "wagtailimages.Image": "Bilder der Redaktion, SET_NULL",
    "wagtailimages.Rendition": "aus Bildern der Redaktion abgeleitet",
    "admin.LogEntry": "Django-Admin-Protokoll der Administration; Einträge über das Konto "
    "löscht die Registrierung „konto“",
    "mfa.Authenticator": "Geheimnis des zweiten Faktors: nicht exportiert, mit dem Konto gelöscht",
    "account.EmailConfirmation": "Bestätigungsschlüssel (allauth), mit dem Konto gelöscht",
    # Our own models where the user appears as the acting staff member (SET_NULL) only.
    "berichte.ExportProtokoll": "Protokoll der Fördermittel-Exporte, SET_NULL",
    "kern.FehlgeschlageneAufgabe": "Betriebsprotokoll (Administration), SET_NULL",
    "kern.Protokolleintrag": "Prüfprotokoll: nur die frühere Kennung bleibt (SET_NULL)",
    "kurse.Durchgang": "Trainer/innen-Zuordnung (M2M), mit dem Konto entfernt",
    "kurse.Praesenztermin": "Trainer/innen-Zuordnung (M2M), mit dem Konto entfernt",
    "zertifikate.Stapelauftrag": "Stapelauftrag der Administration, SET_NULL",
    "h5p.H5PPaket": "Pakete der Redaktion, SET_NULL",
}


# --- kern's own data: the account itself (runs last) -------------------------------------------


def _konto_exportieren(nutzer) -> dict:
    from allauth.account.models import EmailAddress

    from . import rollen

    return {
        "email": nutzer.email,
        "vorname": nutzer.first_name,
        "nachname": nutzer.last_name,
        "titel": nutzer.titel,
        "registriert_am": nutzer.date_joined,
        "letzte_anmeldung": nutzer.last_login,
        "rollen": sorted(rollen.rollen(nutzer)),
        "email_adressen": [
            {"email": a.email, "bestaetigt": a.verified, "primaer": a.primary}
            for a in EmailAddress.objects.filter(user=nutzer)
        ],
        "admin_profil": _profil(nutzer),
    }


def _profil(nutzer) -> dict | None:
    """Wagtail's profile of staff accounts (language, time zone, avatar)."""
    from wagtail.users.models import UserProfile

    profil = UserProfile.objects.filter(user=nutzer).first()
    if profil is None:
        return None
    return {
        "sprache": profil.preferred_language,
        "zeitzone": profil.current_time_zone,
        "avatar": bool(profil.avatar),
    }


def _konto_anonymisieren(nutzer) -> None:
    """Traces of the account outside the row itself; the row is deleted by konto_loeschen."""
    from django.contrib.admin.models import LogEntry
    from django.contrib.contenttypes.models import ContentType

    from .services import datenexport_dateien_loeschen

    # The admin's history of this account names it (object_repr = e-mail).
    LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(nutzer), object_id=str(nutzer.pk)
    ).delete()
    datenexport_dateien_loeschen(nutzer=nutzer)
    from wagtail.users.models import UserProfile

    # The profile row goes with the account; its avatar file would stay behind.
    for profil in UserProfile.objects.filter(user=nutzer).exclude(avatar=""):
        profil.avatar.delete(save=False)


registrieren(
    "konto",
    exporter=_konto_exportieren,
    anonymisierer=_konto_anonymisieren,
    reihenfolge=1000,
    modelle=["kern.Nutzer", "kern.Datenexport", "account.EmailAddress", "wagtailusers.UserProfile"],
)
