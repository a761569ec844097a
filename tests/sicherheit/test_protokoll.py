"""Audit log: sensitive actions are appended, never changed; visible to admins only."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group

from kern import rollen
from kern.models import Protokolleintrag
from kern.protokoll import protokollieren


def test_rollenwechsel_wird_mit_akteur_protokolliert(client, administratorin, teilnehmerin):
    Protokolleintrag.objects.all().delete()
    client.force_login(administratorin)
    trainer = Group.objects.get(name=rollen.TRAINER)
    teilnehmende = Group.objects.get(name=rollen.TEILNEHMENDE)
    antwort = client.post(
        f"/django-admin/kern/nutzer/{teilnehmerin.pk}/change/",
        {
            "username": teilnehmerin.username,
            "email": teilnehmerin.email,
            "first_name": "Neu",
            "last_name": teilnehmerin.last_name,
            "is_active": "on",
            "groups": [trainer.pk],
            "date_joined_0": "2026-01-01",
            "date_joined_1": "10:00:00",
        },
    )
    assert antwort.status_code == 302, antwort.context["adminform"].form.errors
    eintraege = list(Protokolleintrag.objects.filter(aktion="rolle_geaendert").order_by("id"))
    details = [e.details for e in eintraege]
    assert {"entfernt": [teilnehmende.name]} in details
    assert {"hinzugefuegt": [trainer.name]} in details
    assert {e.akteur for e in eintraege} == {administratorin}
    assert {e.betroffen for e in eintraege} == {teilnehmerin}


def test_superuser_flag_ist_ein_rollenwechsel(teilnehmerin):
    teilnehmerin.is_superuser = True
    teilnehmerin.save()
    eintrag = Protokolleintrag.objects.filter(aktion="rolle_geaendert").latest("id")
    assert eintrag.details == {"is_superuser": [False, True]}


def test_anmeldung_aendert_last_login_ohne_protokoll(client, teilnehmerin):
    from tests.conftest import PASSWORT

    vorher = Protokolleintrag.objects.count()
    assert client.login(username=teilnehmerin.email, password=PASSWORT)
    assert Protokolleintrag.objects.count() == vorher


def test_eintraege_sind_nur_anhaengbar(teilnehmerin):
    eintrag = protokollieren(
        aktion="zertifikat_widerrufen", akteur=teilnehmerin, details={"nummer": "X"}
    )
    eintrag.details = {"nummer": "Y"}
    with pytest.raises(TypeError):
        eintrag.save()
    with pytest.raises(TypeError):
        Protokolleintrag.objects.filter(pk=eintrag.pk).update(aktion="datenexport")
    eintrag.refresh_from_db()
    assert eintrag.details == {"nummer": "X"}


def test_unbekannte_aktion_wird_abgelehnt(db):
    with pytest.raises(ValueError, match="Unbekannte Aktion"):
        protokollieren(aktion="irgendwas")
    assert not Protokolleintrag.objects.filter(aktion="irgendwas").exists()


def test_andere_apps_protokollieren_mit_objekt(teilnehmerin, trainerin):
    eintrag = protokollieren(
        aktion="anwesenheit_geaendert",
        akteur=trainerin,
        betroffen=teilnehmerin,
        objekt=teilnehmerin,
        details={"vorher": "anwesend", "nachher": "entschuldigt"},
    )
    assert (eintrag.objekt_typ, eintrag.objekt_id) == ("kern.Nutzer", str(teilnehmerin.pk))


def test_protokoll_im_admin_nur_fuer_die_administration_und_nur_lesend(
    client, administratorin, redakteurin, trainerin, teilnehmerin
):
    eintrag = protokollieren(aktion="datenexport", akteur=teilnehmerin, betroffen=teilnehmerin)
    liste = "/django-admin/kern/protokolleintrag/"
    client.force_login(administratorin)
    assert client.get(liste).status_code == 200
    assert client.get(f"{liste}add/").status_code == 403
    antwort = client.post(f"{liste}{eintrag.pk}/change/", {"aktion": "konto_geloescht"})
    assert antwort.status_code == 403
    eintrag.refresh_from_db()
    assert eintrag.aktion == "datenexport"
    for nutzer in (redakteurin, trainerin, teilnehmerin):
        client.force_login(nutzer)
        antwort = client.get(liste)
        assert antwort.status_code == 302 and antwort.url.startswith("/django-admin/login/")
