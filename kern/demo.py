"""Demo accounts: one per role, e-mail verified, password from DEMO_PASSWORT."""

from __future__ import annotations

import os

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction

from . import rollen

DEMO_DOMAIN = "lernkette.example"
DEMO_KONTEN = [
    # (local part, first name, last name, role)
    ("teilnehmerin", "Tanja", "Teilnehmer", rollen.TEILNEHMENDE),
    ("trainerin", "Tessa", "Trainer", rollen.TRAINER),
    ("foerderer", "Frank", "Förderer", rollen.FOERDERER),
    ("redaktion", "Rita", "Redaktion", rollen.REDAKTION),
    ("admin", "Anton", "Admin", rollen.ADMINISTRATION),
]


def demo_passwort() -> str:
    return os.environ.get("DEMO_PASSWORT", "lernkette-demo")


@transaction.atomic
def konto_anlegen(
    *, email: str, vorname: str, nachname: str, rolle: str, passwort: str | None = None
):
    """Create (or update) a verified account with one role; idempotent."""
    nutzer_model = get_user_model()
    nutzer, _ = nutzer_model.objects.get_or_create(
        email=email, defaults={"username": email, "first_name": vorname, "last_name": nachname}
    )
    nutzer.first_name, nutzer.last_name = vorname, nachname
    nutzer.is_staff = rolle == rollen.ADMINISTRATION
    nutzer.is_superuser = rolle == rollen.ADMINISTRATION
    if passwort is not None:
        nutzer.set_password(passwort)
    nutzer.save()
    nutzer.groups.add(Group.objects.get_or_create(name=rolle)[0])
    EmailAddress.objects.update_or_create(
        user=nutzer, email=email, defaults={"verified": True, "primary": True}
    )
    return nutzer


def anlegen(ausgabe) -> None:
    passwort = demo_passwort()
    for lokal, vorname, nachname, rolle in DEMO_KONTEN:
        konto_anlegen(
            email=f"{lokal}@{DEMO_DOMAIN}",
            vorname=vorname,
            nachname=nachname,
            rolle=rolle,
            passwort=passwort,
        )
    ausgabe.write(f"Demo-Konten: {len(DEMO_KONTEN)} (eines je Rolle)")
