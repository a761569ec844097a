"""Registry completeness: every model that holds personal data of a user has an exporter and an
anonymiser in some app's datenschutz.py, or a stated reason in kern.datenschutz.OHNE_REGISTRIERUNG.

Personal data: a relation to the user, or a link to a row that is the user's (an enrolment, a
presentation, …; deleted or protected with it) followed transitively, or a file field."""

from __future__ import annotations

from django.apps import apps
from django.conf import settings
from django.db import models

from kern import datenschutz

EIGENTUM = (models.CASCADE, models.PROTECT, models.DO_NOTHING)


def _personenbezogene_modelle() -> dict[str, str]:
    nutzer = apps.get_model(settings.AUTH_USER_MODEL)
    gruende = {nutzer._meta.label: "Konto"}
    eigene = {nutzer}
    for modell in apps.get_models():
        for feld in modell._meta.get_fields():
            if feld.is_relation and feld.concrete and feld.related_model is nutzer:
                gruende.setdefault(modell._meta.label, f"{feld.name} → Nutzer/in")
                if getattr(feld.remote_field, "on_delete", None) in EIGENTUM:
                    eigene.add(modell)
            if isinstance(feld, models.FileField):
                gruende.setdefault(modell._meta.label, f"Dateifeld {feld.name}")
    # Rows that belong to a user's row (deleted or protected with it), transitively.
    neu = True
    while neu:
        neu = False
        for modell in apps.get_models():
            if modell in eigene:
                continue
            for feld in modell._meta.concrete_fields:
                if (
                    feld.many_to_one or feld.one_to_one
                ) and feld.remote_field.on_delete in EIGENTUM:
                    ziel = feld.related_model
                    if ziel in eigene:
                        eigene.add(modell)
                        gruende.setdefault(modell._meta.label, f"{feld.name} → {ziel._meta.label}")
                        neu = True
                        break
    return gruende


def _abgedeckt() -> dict[str, str]:
    abgedeckt = {}
    for registrierung in datenschutz.registrierungen():
        assert registrierung.exporter is not None and registrierung.anonymisierer is not None
        for label in registrierung.modelle:
            abgedeckt[label] = registrierung.name
    return abgedeckt


def test_jedes_modell_mit_personenbezug_hat_exporter_und_anonymisierer():
    abgedeckt = _abgedeckt()
    fehlend = {
        label: grund
        for label, grund in _personenbezogene_modelle().items()
        if label not in abgedeckt and label not in datenschutz.OHNE_REGISTRIERUNG
    }
    assert fehlend == {}, (
        "Ohne Exporter/Anonymisierer (datenschutz.py, registrieren(..., modelle=[...])) oder "
        f"Begründung in kern.datenschutz.OHNE_REGISTRIERUNG: {fehlend}"
    )


def test_register_nennt_nur_vorhandene_modelle():
    for label in [*_abgedeckt(), *datenschutz.OHNE_REGISTRIERUNG]:
        apps.get_model(label)  # LookupError for a typo or a removed model
    doppelt = set(_abgedeckt()) & set(datenschutz.OHNE_REGISTRIERUNG)
    assert doppelt == set()


def test_der_test_erkennt_ein_fehlendes_modell(monkeypatch):
    """The check can fail: without the H5P registration its three models are reported."""
    ohne = {k: v for k, v in datenschutz._REGISTER.items() if k != "h5p"}
    monkeypatch.setattr(datenschutz, "_REGISTER", ohne)
    abgedeckt = _abgedeckt()
    fehlend = {
        label
        for label in _personenbezogene_modelle()
        if label not in abgedeckt and label not in datenschutz.OHNE_REGISTRIERUNG
    }
    assert fehlend == {"h5p.H5PVersuch", "h5p.XAPIAussage", "h5p.H5PNutzerdaten"}
