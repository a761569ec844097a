"""Six-month follow-up with an injectable clock: invitation once, one reminder, personal links."""

from __future__ import annotations

import datetime
import hashlib

import pytest
from django.conf import settings
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from config.celery import app
from esf.models import Verbleib, VerbleibLink
from esf.services import (
    LINK_ABGELAUFEN,
    LINK_UNGUELTIG,
    LINK_VERWENDET,
    VERBESSERUNG_OHNE_ARBEIT,
    VerbleibLinkFehler,
    sechs_monate_nach,
    verbleib_beantworten,
    verbleib_einladungen_senden,
    verbleib_zum_link,
)
from esf.tasks import verbleib_einladen
from kern.services import konto_loeschen
from teilnehmende.einwilligung import einwilligung_widerrufen

from .conftest import links_aus_mails


def _mittag(tag: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(tag, datetime.time(12)))


def _sechs_monate(anmeldung, *, tage: int = 0) -> datetime.datetime:
    austritt = timezone.localdate(anmeldung.status_geaendert_am)
    return _mittag(sechs_monate_nach(austritt)) + datetime.timedelta(days=tage)


def _senden(jetzt, capture):
    with capture(execute=True):
        return verbleib_einladungen_senden(jetzt=jetzt)


def test_sechs_monate_nach_am_monatsende():
    assert sechs_monate_nach(datetime.date(2026, 8, 31)) == datetime.date(2027, 2, 28)
    assert sechs_monate_nach(datetime.date(2026, 3, 15)) == datetime.date(2026, 9, 15)


def test_einladung_genau_einmal_und_hoechstens_eine_erinnerung(
    absolventin, abbrecher, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    assert _senden(_sechs_monate(absolventin, tage=-1), capture)["einladungen"] == []
    assert mail.outbox == []
    ergebnis = _senden(_sechs_monate(absolventin), capture)
    assert sorted(ergebnis["einladungen"]) == sorted([absolventin.pk, abbrecher.pk])
    assert len(mail.outbox) == 2
    # A second run the same day and the next day: nothing more.
    assert _senden(_sechs_monate(absolventin, tage=1), capture) == {
        "einladungen": [],
        "erinnerungen": [],
    }
    assert len(mail.outbox) == 2
    assert _senden(_sechs_monate(absolventin, tage=13), capture)["erinnerungen"] == []
    ergebnis = _senden(_sechs_monate(absolventin, tage=14), capture)
    assert sorted(ergebnis["erinnerungen"]) == sorted([absolventin.pk, abbrecher.pk])
    assert len(mail.outbox) == 4
    assert mail.outbox[2].subject.startswith("Erinnerung:")
    for tage in (15, 30, 50):
        assert _senden(_sechs_monate(absolventin, tage=tage), capture) == {
            "einladungen": [],
            "erinnerungen": [],
        }
    assert len(mail.outbox) == 4


def test_token_nur_als_hash_gespeichert(absolventin, django_capture_on_commit_callbacks):
    _senden(_sechs_monate(absolventin), django_capture_on_commit_callbacks)
    (token,) = links_aus_mails()
    link = VerbleibLink.objects.get()
    assert len(token) >= 43  # 32 random bytes from `secrets`
    assert link.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert not VerbleibLink.objects.filter(token_hash=token).exists()
    assert link.gueltig_bis - link.gesendet_am == datetime.timedelta(weeks=8)


def test_nicht_nach_kontoloeschung_oder_widerruf(
    absolventin, abbrecher, django_capture_on_commit_callbacks
):
    konto_loeschen(nutzer=absolventin.nutzer)
    einwilligung = abbrecher.nutzer.einwilligungen.get()
    einwilligung_widerrufen(einwilligung=einwilligung, nutzer=abbrecher.nutzer)
    ergebnis = _senden(_sechs_monate(abbrecher), django_capture_on_commit_callbacks)
    assert ergebnis["einladungen"] == []
    assert mail.outbox == []


def test_widerruf_nach_der_einladung_stoppt_erinnerung_und_link(
    absolventin, django_capture_on_commit_callbacks
):
    _senden(_sechs_monate(absolventin), django_capture_on_commit_callbacks)
    (token,) = links_aus_mails()
    nutzer = absolventin.nutzer
    einwilligung_widerrufen(einwilligung=nutzer.einwilligungen.get(), nutzer=nutzer)
    erinnerung = _sechs_monate(absolventin, tage=14)
    assert _senden(erinnerung, django_capture_on_commit_callbacks)["erinnerungen"] == []
    with pytest.raises(VerbleibLinkFehler) as fehler:
        verbleib_zum_link(token=token, jetzt=erinnerung)
    assert fehler.value.meldung == LINK_UNGUELTIG


def test_link_ohne_anmeldung_einmal_verwendbar(
    client, absolventin, django_capture_on_commit_callbacks
):
    _senden(_sechs_monate(absolventin), django_capture_on_commit_callbacks)
    (token,) = links_aus_mails()
    url = reverse("verbleib:antworten", args=[token])
    seite = client.get(url)
    assert seite.status_code == 200
    assert 'name="erwerbsstatus"' in seite.content.decode()
    antwort = client.post(url, {"erwerbsstatus": "erwerbstaetig", "unbefristet": "on"})
    assert antwort.status_code == 200
    verbleib = Verbleib.objects.get()
    assert (verbleib.erwerbsstatus, verbleib.unbefristet, verbleib.verbessert) == (
        "erwerbstaetig",
        True,
        True,
    )
    # Reused (also from a second session): refused with the German message, answers unchanged.
    for versuch in (client.get(url), client.post(url, {"erwerbsstatus": "arbeitslos"})):
        assert versuch.status_code == 410
        assert str(LINK_VERWENDET) in versuch.content.decode()
        assert "erwerbstätig" not in versuch.content.decode()
    verbleib.refresh_from_db()
    assert verbleib.erwerbsstatus == "erwerbstaetig"


def test_abgelaufener_und_unbekannter_link(client, absolventin, django_capture_on_commit_callbacks):
    jetzt = _sechs_monate(absolventin)
    _senden(jetzt, django_capture_on_commit_callbacks)
    (token,) = links_aus_mails()
    assert verbleib_zum_link(token=token, jetzt=jetzt + datetime.timedelta(weeks=8, seconds=-1))
    with pytest.raises(VerbleibLinkFehler) as fehler:
        verbleib_zum_link(token=token, jetzt=jetzt + datetime.timedelta(weeks=8))
    assert fehler.value.meldung == LINK_ABGELAUFEN
    VerbleibLink.objects.update(gueltig_bis=timezone.now() - datetime.timedelta(minutes=1))
    antwort = client.post(
        reverse("verbleib:antworten", args=[token]), {"erwerbsstatus": "arbeitslos"}
    )
    assert antwort.status_code == 410
    assert str(LINK_ABGELAUFEN) in antwort.content.decode()
    assert Verbleib.objects.get().beantwortet_am is None
    for falsch in (token[:-1], token + "x", "a" * 43):
        antwort = client.get(reverse("verbleib:antworten", args=[falsch]))
        assert antwort.status_code == 404
        assert str(LINK_UNGUELTIG) in antwort.content.decode()


def test_falsche_antworten(client, absolventin, django_capture_on_commit_callbacks):
    _senden(_sechs_monate(absolventin), django_capture_on_commit_callbacks)
    (token,) = links_aus_mails()
    url = reverse("verbleib:antworten", args=[token])
    antwort = client.post(url, {"erwerbsstatus": "arbeitslos", "mehr_stunden": "on"})
    assert antwort.context["form"].non_field_errors() == [str(VERBESSERUNG_OHNE_ARBEIT)]
    antwort = client.post(url, {"erwerbsstatus": "<script>"})
    assert antwort.context["form"].errors == {
        "erwerbsstatus": ["Bitte eine gültige Auswahl treffen. <script> ist keine gültige Auswahl."]
    }
    assert "<script>" not in antwort.content.decode()
    with pytest.raises(ValidationError):
        verbleib_beantworten(token=token, erwerbsstatus="arbeitslos", mehr_verantwortung=True)
    assert Verbleib.objects.get().beantwortet_am is None


def test_beat_aufgabe_mit_uhr(absolventin, django_capture_on_commit_callbacks):
    eintrag = settings.CELERY_BEAT_SCHEDULE["esf-verbleib"]
    assert eintrag["task"] == verbleib_einladen.name
    assert eintrag["task"] in app.tasks
    with django_capture_on_commit_callbacks(execute=True):
        ergebnis = verbleib_einladen.delay(_sechs_monate(absolventin).isoformat()).get()
    assert ergebnis["einladungen"] == [absolventin.pk]
    assert len(mail.outbox) == 1


def test_export_und_loeschung(absolventin, trainer_esf, django_capture_on_commit_callbacks):
    from esf.datenschutz import exportieren
    from esf.models import Austrittsdaten
    from esf.services import austritt_speichern

    austritt_speichern(
        anmeldung=absolventin, erwerbsstatus="erwerbstaetig", in_bildung="nein", nutzer=None
    )
    _senden(_sechs_monate(absolventin), django_capture_on_commit_callbacks)
    (token,) = links_aus_mails()
    verbleib_beantworten(token=token, erwerbsstatus="erwerbstaetig", mehr_verantwortung=True)
    daten = exportieren(absolventin.nutzer)
    assert daten["austrittsdaten"][0]["qualifikation"] is True
    assert daten["verbleib"][0]["mehr_verantwortung"] is True
    assert "token" not in str(daten)

    konto_loeschen(nutzer=absolventin.nutzer)
    # The answers stay for the figures, detached from the person; the links are gone.
    verbleib = Verbleib.objects.get()
    assert verbleib.anmeldung.nutzer_id is None
    assert verbleib.mehr_verantwortung is True
    assert not VerbleibLink.objects.exists()
    assert Austrittsdaten.objects.get().erfasst_von is None


def test_aufbewahrung_anonymisiert_auch_austrittsdaten(absolventin, trainer_esf):
    from esf.models import Austrittsdaten
    from esf.services import austritt_nicht_erhebbar
    from kurse.models import Durchgang
    from teilnehmende.anonymisierung import ANONYMISIERT, aufbewahrung_durchsetzen

    austritt_nicht_erhebbar(anmeldung=absolventin, grund="Frau X ist verzogen", nutzer=trainer_esf)
    Durchgang.objects.filter(pk=absolventin.durchgang_id).update(ende=datetime.date(2015, 6, 30))
    assert aufbewahrung_durchsetzen() == [absolventin.pk]
    daten = Austrittsdaten.objects.get()
    assert (daten.nicht_erhebbar_grund, daten.erfasst_von) == (ANONYMISIERT, None)
