"""Login attempts are rate-limited (allauth ACCOUNT_RATE_LIMITS)."""

from tests.conftest import PASSWORT


def test_nach_fuenf_fehlversuchen_ist_auch_das_richtige_passwort_gesperrt(client, teilnehmerin):
    for _ in range(5):
        antwort = client.post(
            "/konto/login/", {"login": teilnehmerin.email, "password": "falsch-falsch"}
        )
        assert antwort.status_code == 200
    antwort = client.post("/konto/login/", {"login": teilnehmerin.email, "password": PASSWORT})
    assert antwort.status_code == 200
    assert "_auth_user_id" not in client.session
    assert antwort.context["form"].non_field_errors() == [
        "Zu viele gescheiterte Anmeldeversuche. Bitte versuchen Sie es später erneut."
    ]


def test_ohne_fehlversuche_gelingt_die_anmeldung(client, teilnehmerin):
    antwort = client.post("/konto/login/", {"login": teilnehmerin.email, "password": PASSWORT})
    assert antwort.status_code == 302
    assert client.session["_auth_user_id"] == str(teilnehmerin.pk)


def test_eigene_endpunkte_werden_gedrosselt(client, teilnehmerin, settings):
    from kern.drosselung import ZU_VIELE_ANFRAGEN

    settings.LERNKETTE_DROSSELUNG = {**settings.LERNKETTE_DROSSELUNG, "datenexport": "2/h"}
    client.force_login(teilnehmerin)
    assert client.post("/konto/daten/export/").status_code == 302
    assert client.post("/konto/daten/export/").status_code == 302
    antwort = client.post("/konto/daten/export/")
    assert antwort.status_code == 429
    assert antwort.content.decode() == str(ZU_VIELE_ANFRAGEN)
    antwort = client.post("/konto/daten/export/", HTTP_ACCEPT="application/json")
    assert antwort.status_code == 429
    assert antwort.json() == {"fehler": str(ZU_VIELE_ANFRAGEN)}
