"""A former server error: the attendance page as admin (`None.email`)."""

from django.urls import reverse

from teilnehmende.models import Anwesenheit
from teilnehmende.services import anwesenheit_setzen
from tests.kurse.factories import anmelden, kurs_anlegen, person
from tests.teilnehmende.termine import laufender_durchgang, termin_anlegen


def test_anwesenheit_als_admin_ohne_500(client, site, administratorin, trainerin):
    """Attendance recorded by nobody (a deleted trainer's account, a command) once broke the
    history's "changed by" column with `None.email`."""
    kurs = kurs_anlegen(module=1, lektionen=1)
    durchgang = laufender_durchgang(kurs, trainer=[trainerin])
    berta = anmelden(person("berta"), durchgang)
    termin = termin_anlegen(durchgang)
    anwesenheit_setzen(
        anmeldung=berta, termin=termin, status=Anwesenheit.Status.ANWESEND, erfasst_von=None
    )
    client.force_login(administratorin)
    antwort = client.get(reverse("anwesenheit:erfassen", args=[termin.pk]))
    assert antwort.status_code == 200
    html = antwort.content.decode()
    assert "Berta Test" in html and "berta@test.example" not in html
