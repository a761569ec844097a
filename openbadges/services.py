"""Open Badges 3.0 credentials of certificates: build and sign them (`eddsa-rdfc-2022`), publish
the revocation status list. The verification of an upload is in `pruefung.py`.

A certificate's credential is built on first request and stored, so every download hands out the
same signed document; its status-list index is allocated at the same time (a re-issued
certificate is a new certificate, so it gets a new index). Revocation needs no extra step: the
list's bits are derived from the certificates' states and the list is re-signed when they changed.
"""

from __future__ import annotations

import hashlib
import secrets
import uuid

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from zertifikate import regeln
from zertifikate.models import Zertifikat
from zertifikate.umfang import umfang

from . import bitstring
from .did import aussteller_did, verification_method
from .integritaet import signieren, zeitstempel
from .kanonisierung import OB_V3, VC_V2
from .models import OpenBadge, Statusliste
from .schluessel import aktiver_schluessel
from .selectors import gesetzte_indizes

KONTO_GELOESCHT = _("Zu diesem Zertifikat gibt es kein Konto mehr.")

#: Fill a list up to this share before starting the next (random indices need free room).
FUELLGRAD = 0.5

#: Criteria narrative per completion rule (zertifikate.regeln); unknown rules by name.
REGEL_TEXTE = {
    "pflichtlektionen": "Alle Pflichtlektionen des Kurses sind erledigt.",
    "anwesenheit": "Anwesenheit bei mindestens {schwelle} % der Präsenzstunden des Durchgangs.",
    "praesentation": (
        "Die Abschlusspräsentation wurde von einer Trainerin oder einem Trainer angenommen."
    ),
}


class NachweisUngueltig(ValueError):
    """The uploaded document is not a valid credential of ours (German message)."""


# --- addresses ----------------------------------------------------------------------------


def _absolut(pfad: str) -> str:
    return settings.SITE_URL.rstrip("/") + pfad


def statusliste_url(statusliste_id: int) -> str:
    return _absolut(reverse("openbadges:statusliste", args=[statusliste_id]))


def aussteller_profil() -> dict:
    return {
        "id": aussteller_did(),
        "type": ["Profile"],
        "name": settings.OPENBADGES_AUSSTELLER_NAME,
        "url": settings.SITE_URL.rstrip("/") + "/",
    }


# --- status list --------------------------------------------------------------------------


def _index_vergeben() -> tuple[Statusliste, int]:
    """A random free index (the spec recommends random positions: no issue order to read)."""
    statusliste = Statusliste.objects.order_by("-pk").first()
    if statusliste is None or (statusliste.eintraege.count() >= statusliste.laenge * FUELLGRAD):
        statusliste = Statusliste.objects.create()
    belegt = set(statusliste.eintraege.values_list("index", flat=True))
    while True:
        index = secrets.randbelow(statusliste.laenge)
        if index not in belegt:
            return statusliste, index


def statusliste_credential(*, statusliste: Statusliste) -> dict:
    """The signed BitstringStatusListCredential; re-signed only when a bit (or the key) changed."""
    kodiert = bitstring.kodieren(
        gesetzte_indizes(statusliste=statusliste), laenge=statusliste.laenge
    )
    schluessel = aktiver_schluessel()
    if (
        statusliste.credential
        and statusliste.kodierte_liste == kodiert
        and statusliste.signiert_mit == schluessel.kennung
    ):
        return statusliste.credential
    url = statusliste_url(statusliste.pk)
    jetzt = timezone.now()
    unsigniert = {
        "@context": [VC_V2],
        "id": url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": aussteller_did(),
        "validFrom": zeitstempel(jetzt),
        "credentialSubject": {
            "id": f"{url}#list",
            "type": "BitstringStatusList",
            "statusPurpose": "revocation",
            "encodedList": kodiert,
        },
    }
    credential = signieren(
        unsigniert,
        schluessel=schluessel,
        verification_method=verification_method(schluessel.kennung),
        erstellt=jetzt,
    )
    Statusliste.objects.filter(pk=statusliste.pk).update(
        credential=credential,
        kodierte_liste=kodiert,
        signiert_mit=schluessel.kennung,
        signiert_am=jetzt,
    )
    return credential


# --- the credential of a certificate ------------------------------------------------------


def identitaets_hash(email: str, salz: str) -> str:
    """OB 3.0 IdentityObject.identityHash: "sha256$" + hex(SHA-256(e-mail + salt))."""
    return "sha256$" + hashlib.sha256((email.strip().lower() + salz).encode("utf-8")).hexdigest()


def kriterien_text(kurs) -> str:
    zeilen = [
        "Das Zertifikat wird ausgestellt, wenn alle Abschlussregeln des Kurses erfüllt sind:",
        "",
    ]
    for regel in regeln.regeln():
        text = REGEL_TEXTE.get(regel.name, f"Regel „{regel.name}“ ist erfüllt.")
        zeilen.append("- " + text.format(schwelle=kurs.anwesenheit_schwelle))
    return "\n".join(zeilen)


def _kurs_url(kurs) -> str:
    """The course page under SITE_URL (the same origin as the issuer's did:web)."""
    teile = kurs.get_url_parts()
    return _absolut(teile[2] if teile else "/")


def credential_bauen(*, zertifikat: Zertifikat, badge: OpenBadge, email: str) -> dict:
    """The unsigned OpenBadgeCredential: no name in clear, the holder only as salted hashes of
    the e-mail address and of the certificate's name."""
    kurs = zertifikat.anmeldung.durchgang.kurs
    kurs_url = _kurs_url(kurs)
    liste_url = statusliste_url(badge.statusliste_id)
    return {
        "@context": [VC_V2, OB_V3],
        # Random: the credential cannot be linked to the certificate number (and so the name).
        "id": f"urn:uuid:{uuid.uuid4()}",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": f"Zertifikat: {zertifikat.kurs_titel}",
        "issuer": aussteller_profil(),
        "validFrom": zeitstempel(zertifikat.ausgestellt_am),
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "identifier": [
                {
                    "type": "IdentityObject",
                    "identityHash": identitaets_hash(email, badge.salz),
                    "identityType": "emailAddress",
                    "hashed": True,
                    "salt": badge.salz,
                },
                # The name printed on the certificate (kern.namen), hashed like the address: whoever
                # holds the paper certificate can match it, nobody can read it from the file.
                {
                    "type": "IdentityObject",
                    "identityHash": identitaets_hash(zertifikat.inhaber_name, badge.salz),
                    "identityType": "name",
                    "hashed": True,
                    "salt": badge.salz,
                },
            ],
            "achievement": {
                "id": f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, kurs_url)}",
                "type": ["Achievement"],
                "achievementType": "Certificate",
                "name": zertifikat.kurs_titel,
                "description": kurs.zusammenfassung or zertifikat.kurs_titel,
                "criteria": {"narrative": kriterien_text(kurs)},
                "alignment": [
                    {
                        "type": ["Alignment"],
                        "targetName": zertifikat.kurs_titel,
                        "targetUrl": kurs_url,
                        "targetDescription": f"Fortbildung „{zertifikat.kurs_titel}“, "
                        f"{umfang(zertifikat).gesamt} Stunden",
                    }
                ],
            },
        },
        "credentialStatus": {
            "id": f"{liste_url}#{badge.index}",
            "type": "BitstringStatusListEntry",
            "statusPurpose": "revocation",
            "statusListIndex": str(badge.index),
            "statusListCredential": liste_url,
        },
    }


@transaction.atomic
def openbadge_ausstellen(*, zertifikat: Zertifikat) -> OpenBadge:
    """The certificate's signed credential, created once (idempotent; the certificate row is
    locked, so parallel downloads sign once)."""
    zertifikat = (
        Zertifikat.objects.select_for_update(of=("self",))
        .select_related("anmeldung__nutzer", "anmeldung__durchgang__kurs")
        .get(pk=zertifikat.pk)
    )
    vorhanden = OpenBadge.objects.filter(zertifikat=zertifikat).first()
    if vorhanden is not None and vorhanden.credential:
        return vorhanden
    schluessel = aktiver_schluessel()
    badge = vorhanden
    if badge is None:
        for _versuch in range(5):  # a parallel issuance may take the same random index
            statusliste, index = _index_vergeben()
            badge = OpenBadge(zertifikat=zertifikat, statusliste=statusliste, index=index)
            try:
                with transaction.atomic():
                    badge.salz = secrets.token_hex(16)
                    badge.full_clean(exclude=["credential"], validate_constraints=False)
                    badge.save()
                break
            except IntegrityError:
                continue
        else:
            raise IntegrityError("Kein freier Index in der Statusliste gefunden.")
    nutzer = zertifikat.anmeldung.nutzer
    if nutzer is None:  # account deleted: nothing to put in a new credential
        raise NachweisUngueltig(KONTO_GELOESCHT)
    unsigniert = credential_bauen(zertifikat=zertifikat, badge=badge, email=nutzer.email)
    badge.credential = signieren(
        unsigniert,
        schluessel=schluessel,
        verification_method=verification_method(schluessel.kennung),
        erstellt=timezone.now(),
    )
    badge.schluessel = schluessel.kennung
    badge.save(update_fields=["credential", "schluessel"])
    return badge
