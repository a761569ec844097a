"""Registration, verification, login, logout, password reset and MFA duty (django-allauth)."""

import re

import pytest
from allauth.mfa.models import Authenticator
from django.core import mail
from django.urls import reverse

from kern import rollen
from kern.middleware import MFA_EINRICHTEN
from tests.conftest import PASSWORT


def _link_aus_mail(nachricht) -> str:
    return re.search(r"https?://[^/\s]+(/\S+)", nachricht.body).group(1)


def test_registrierung_verlangt_bestaetigung_und_gibt_rolle_teilnehmende(client, db):
    antwort = client.post(
        reverse("account_signup"),
        {
            "email": "neu@test.example",
            "password1": PASSWORT,
            "password2": PASSWORT,
            "first_name": "Nora",
            "last_name": "Neu",
        },
    )
    assert antwort.status_code == 302
    assert antwort.url == reverse("account_email_verification_sent")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["neu@test.example"]

    # Not verified yet: login is refused with a hint to confirm the address.
    client.logout()
    antwort = client.post(
        reverse("account_login"), {"login": "neu@test.example", "password": PASSWORT}
    )
    assert antwort.url == reverse("account_email_verification_sent")

    bestaetigen = _link_aus_mail(mail.outbox[-1])
    client.post(bestaetigen)
    from django.contrib.auth import get_user_model

    nutzer = get_user_model().objects.get(email="neu@test.example")
    assert nutzer.emailaddress_set.get().verified
    assert rollen.rollen(nutzer) == {rollen.TEILNEHMENDE}


def test_anmeldung_und_abmeldung(client, teilnehmerin):
    antwort = client.post(
        reverse("account_login"), {"login": teilnehmerin.email, "password": PASSWORT}
    )
    assert antwort.status_code == 302
    assert antwort.url == "/mein-lernen/"
    assert client.get("/mein-lernen/").status_code == 200
    client.post(reverse("account_logout"))
    assert client.get("/mein-lernen/").status_code == 302


def test_falsches_passwort_gibt_deutsche_meldung(client, teilnehmerin):
    antwort = client.post(
        reverse("account_login"), {"login": teilnehmerin.email, "password": "falsch"}
    )
    assert antwort.status_code == 200
    assert (
        "Die E-Mail-Adresse und/oder das Passwort sind leider falsch." in antwort.content.decode()
    )


def test_login_ist_ratenbegrenzt(client, teilnehmerin, settings):
    for _ in range(5):
        client.post(reverse("account_login"), {"login": teilnehmerin.email, "password": "falsch"})
    # Even the right password is refused now, with a clear message.
    antwort = client.post(
        reverse("account_login"), {"login": teilnehmerin.email, "password": PASSWORT}
    )
    assert antwort.status_code == 200
    assert "Zu viele gescheiterte Anmeldeversuche." in antwort.content.decode()
    assert "_auth_user_id" not in client.session


def test_passwort_zuruecksetzen(client, teilnehmerin):
    client.post(reverse("account_reset_password"), {"email": teilnehmerin.email})
    assert len(mail.outbox) == 1
    link = _link_aus_mail(mail.outbox[0])
    antwort = client.get(link, follow=True)
    formular_url = antwort.redirect_chain[-1][0] if antwort.redirect_chain else link
    neu = "ganz-neues-Passwort-7"
    antwort = client.post(formular_url, {"password1": neu, "password2": neu})
    assert antwort.status_code == 302
    teilnehmerin.refresh_from_db()
    assert teilnehmerin.check_password(neu)


@pytest.mark.parametrize("fixture", ["trainerin", "foerderer", "redakteurin", "administratorin"])
def test_mfa_pflicht_fuer_mitarbeitende(client, request, settings, fixture):
    settings.LERNKETTE_MFA_PFLICHT = True
    nutzer = request.getfixturevalue(fixture)
    client.force_login(nutzer)
    antwort = client.get("/mein-lernen/", follow=True)
    assert antwort.redirect_chain[0] == (reverse("mfa_activate_totp"), 302)
    assert str(MFA_EINRICHTEN) in antwort.content.decode()


def test_mfa_pflicht_erfuellt_mit_totp(client, trainerin, settings):
    settings.LERNKETTE_MFA_PFLICHT = True
    Authenticator.objects.create(user=trainerin, type=Authenticator.Type.TOTP, data={"secret": "x"})
    client.force_login(trainerin)
    assert client.get(reverse("kurse:trainer_start")).status_code == 200


def test_mfa_pflicht_nicht_fuer_teilnehmende_und_nicht_ohne_schalter(
    client, teilnehmerin, trainerin, settings
):
    settings.LERNKETTE_MFA_PFLICHT = True
    client.force_login(teilnehmerin)
    assert client.get("/mein-lernen/").status_code == 200
    settings.LERNKETTE_MFA_PFLICHT = False
    client.force_login(trainerin)
    assert client.get(reverse("kurse:trainer_start")).status_code == 200


def test_totp_einrichtung_ist_fuer_alle_erreichbar(client, teilnehmerin):
    client.post(reverse("account_login"), {"login": teilnehmerin.email, "password": PASSWORT})
    # allauth asks for the password again before security settings change.
    antwort = client.get(reverse("mfa_activate_totp"))
    assert antwort.url.startswith(reverse("account_reauthenticate"))
    client.post(reverse("account_reauthenticate"), {"password": PASSWORT})
    antwort = client.get(reverse("mfa_activate_totp"))
    assert antwort.status_code == 200
    assert "Authenticator-App" in antwort.content.decode()
