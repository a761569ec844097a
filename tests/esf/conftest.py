"""A cohort that began 60 days ago, with enrolments that ended in different ways."""

from __future__ import annotations

import datetime
import re

import pytest
from django.core import mail
from django.utils import timezone

from kern import rollen
from kern.models import Kreis
from kurse.models import Durchgang
from teilnehmende.services import anmeldung_stornieren
from tests.kurse.factories import anmelden, durchgang_fuer, kurs_anlegen, person
from zertifikate.services import zertifikat_ausstellen

LINK = re.compile(r"/verbleib/([A-Za-z0-9_-]+)/")


def begonnen(durchgang, *, tage: int = 60):
    heute = timezone.localdate()
    Durchgang.objects.filter(pk=durchgang.pk).update(
        beginn=heute - datetime.timedelta(days=tage),
        anmeldung_von=heute - datetime.timedelta(days=tage + 30),
    )
    durchgang.refresh_from_db()
    return durchgang


def abschliessen(anmeldung):
    zertifikat_ausstellen(anmeldung=anmeldung, benachrichtigen=False, pdf_erzeugen=False)
    anmeldung.refresh_from_db()
    return anmeldung


def abbrechen(anmeldung):
    anmeldung_stornieren(anmeldung=anmeldung, benachrichtigen=False)
    anmeldung.refresh_from_db()
    return anmeldung


def links_aus_mails() -> list[str]:
    return [m for nachricht in mail.outbox for m in LINK.findall(nachricht.body)]


@pytest.fixture
def trainer_esf(db):
    return person("trainer-esf", rollen.TRAINER)


@pytest.fixture
def kohorte(site, trainer_esf):
    durchgang = durchgang_fuer(kurs_anlegen(slug="kurs-esf"), kapazitaet=20, trainer=[trainer_esf])
    return begonnen(durchgang)


@pytest.fixture
def absolventin(kohorte):
    return abschliessen(anmelden(person("absolventin-esf"), kohorte))


@pytest.fixture
def abbrecher(kohorte):
    return abbrechen(anmelden(person("abbrecher-esf"), kohorte, erwerbsstatus="arbeitslos"))


@pytest.fixture
def warendorf(db):
    return Kreis.objects.get(schluessel="05570")
