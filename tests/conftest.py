"""Fixtures shared by the whole suite: one user per role, created through the demo service."""

from __future__ import annotations

import pytest

from kern import rollen
from kern.demo import konto_anlegen

PASSWORT = "ein-sicheres-Passwort-42"


@pytest.fixture(autouse=True)
def _medien_in_tmp(settings, tmp_path):
    """Uploads and generated files of a test never touch the project folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "privat"


@pytest.fixture(scope="session")
def _ob_schluessel_ordner(tmp_path_factory):
    """One Open Badges issuer key for the whole run (generated, never the project's own)."""
    from openbadges.schluessel import neuer_schluessel

    ordner = tmp_path_factory.mktemp("ob-schluessel")
    neuer_schluessel(ordner)
    return ordner


@pytest.fixture(autouse=True)
def _ob_schluessel(settings, _ob_schluessel_ordner):
    settings.LERNKETTE_OB_SCHLUESSEL_DIR = _ob_schluessel_ordner


@pytest.fixture(autouse=True)
def _leerer_cache():
    """Rate-limit counters and cached pages must not leak from one test into the next."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


def _konto(name: str, rolle: str):
    return konto_anlegen(
        email=f"{name}@test.example",
        vorname=name.capitalize(),
        nachname="Test",
        rolle=rolle,
        passwort=PASSWORT,
    )


@pytest.fixture
def teilnehmerin(db):
    return _konto("teilnehmerin", rollen.TEILNEHMENDE)


@pytest.fixture
def trainerin(db):
    return _konto("trainerin", rollen.TRAINER)


@pytest.fixture
def foerderer(db):
    return _konto("foerderer", rollen.FOERDERER)


@pytest.fixture
def redakteurin(db):
    return _konto("redakteurin", rollen.REDAKTION)


@pytest.fixture
def administratorin(db):
    return _konto("administratorin", rollen.ADMINISTRATION)


@pytest.fixture
def site(db):
    """The page tree as `demo_anlegen` builds it (home page and service pages)."""
    from io import StringIO

    from cms import demo

    demo.anlegen(StringIO())
    from wagtail.models import Site

    return Site.objects.get(is_default_site=True)
