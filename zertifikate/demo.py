"""Demo certificates: one valid and one revoked, for two participants who completed every
required lesson. Runs after kurse.demo; idempotent."""

from __future__ import annotations

from django.contrib.auth import get_user_model

from kern.demo import DEMO_DOMAIN
from kurse.demo import KURS_SLUG, slug
from kurse.demo_inhalte import TEILNEHMENDE
from teilnehmende.models import Anmeldung

from .models import Zertifikat
from .selectors import aktuelles_zertifikat
from .services import zertifikat_ausstellen, zertifikat_widerrufen

WIDERRUF_GRUND = (
    "Die Anwesenheitsliste des zweiten Präsenztermins wurde nachträglich korrigiert; "
    "die Mindestanwesenheit ist nicht erreicht."
)


def _demo_email(person: dict) -> str:
    return f"{slug(person['vorname'])}.{slug(person['nachname'])}@demo.{DEMO_DOMAIN}"


def _anmeldung(person: dict) -> Anmeldung | None:
    return (
        Anmeldung.objects.select_related("nutzer", "durchgang__kurs")
        .filter(nutzer__email=_demo_email(person), durchgang__kurs__slug=KURS_SLUG)
        .order_by("pk")
        .first()
    )


def anlegen(ausgabe) -> None:
    fertig = [person for person in TEILNEHMENDE if person["fortschritt"] >= 1.0][:2]
    anmeldungen = [_anmeldung(person) for person in fertig]
    if len(fertig) < 2 or None in anmeldungen:
        ausgabe.write("Zertifikate: keine passenden Demo-Teilnehmenden gefunden")
        return
    admin = get_user_model().objects.get(email=f"admin@{DEMO_DOMAIN}")
    gueltig_anmeldung, widerruf_anmeldung = anmeldungen

    gueltig = aktuelles_zertifikat(anmeldung=gueltig_anmeldung) or zertifikat_ausstellen(
        anmeldung=gueltig_anmeldung, benachrichtigen=False
    )
    widerrufen = aktuelles_zertifikat(anmeldung=widerruf_anmeldung) or zertifikat_ausstellen(
        anmeldung=widerruf_anmeldung, benachrichtigen=False
    )
    if widerrufen.status == Zertifikat.Status.GUELTIG:
        widerrufen = zertifikat_widerrufen(zertifikat=widerrufen, grund=WIDERRUF_GRUND, von=admin)
    ausgabe.write(
        f"Zertifikate: gültig {gueltig.nummer} ({gueltig.inhaber_name}), "
        f"widerrufen {widerrufen.nummer} ({widerrufen.inhaber_name}); "
        "prüfen unter /zertifikate/pruefen/"
    )
