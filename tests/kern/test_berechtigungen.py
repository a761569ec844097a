"""The four-step permission test on the role areas of the foundation."""

import pytest
from django.urls import reverse

GESCHUETZT = [
    # (url name, role fixture that may enter, role fixtures that must be refused)
    ("kurse:trainer_start", "trainerin", ["teilnehmerin", "foerderer", "redakteurin"]),
    ("berichte:start", "foerderer", ["teilnehmerin", "trainerin", "redakteurin"]),
]


@pytest.mark.parametrize(("name", "berechtigt", "abgelehnt"), GESCHUETZT)
def test_anonym_wird_zur_anmeldung_mit_next_geleitet(client, db, name, berechtigt, abgelehnt):
    url = reverse(name)
    antwort = client.get(url)
    assert antwort.status_code == 302
    assert antwort.url == f"{reverse('account_login')}?next={url}"


@pytest.mark.parametrize(("name", "berechtigt", "abgelehnt"), GESCHUETZT)
def test_falsche_rollen_bekommen_403(client, request, name, berechtigt, abgelehnt):
    for fixture in abgelehnt:
        client.force_login(request.getfixturevalue(fixture))
        assert client.get(reverse(name)).status_code == 403, fixture


def test_nutzer_ohne_rolle_bekommt_403(client, db, django_user_model):
    ohne = django_user_model.objects.create_user(username="x", email="x@test.example")
    client.force_login(ohne)
    assert client.get(reverse("kurse:trainer_start")).status_code == 403
    assert client.get(reverse("berichte:start")).status_code == 403


@pytest.mark.parametrize(("name", "berechtigt", "abgelehnt"), GESCHUETZT)
def test_richtige_rolle_und_admin_kommen_hinein(client, request, name, berechtigt, abgelehnt):
    for fixture in (berechtigt, "administratorin"):
        client.force_login(request.getfixturevalue(fixture))
        antwort = client.get(reverse(name))
        assert antwort.status_code == 200, fixture
        assert b'<html lang="de">' in antwort.content


def test_mein_lernen_verlangt_anmeldung(client, teilnehmerin):
    url = reverse("kurse:mein_lernen")
    assert client.get(url).url == f"{reverse('account_login')}?next={url}"
    client.force_login(teilnehmerin)
    assert client.get(url).status_code == 200
