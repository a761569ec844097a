"""The demo funder sees figures: a finished cohort next to the running one; idempotent."""

from io import StringIO

from django.core.management import call_command
from django.db.models import Sum
from django.test import Client

from berichte.demo import EHEMALIGE, TITEL
from kern.demo import DEMO_DOMAIN, demo_passwort
from kurse.models import Durchgang
from teilnehmende.models import Anmeldung, Anwesenheit, Eintrittsdaten
from zertifikate.models import Zertifikat


def test_demo_zahlen_fuer_den_foerderer(db):
    call_command("demo_anlegen", stdout=StringIO())
    zaehlen = (Anmeldung.objects.count(), Eintrittsdaten.objects.count())
    ausgabe = StringIO()
    call_command("demo_anlegen", stdout=ausgabe)
    assert (Anmeldung.objects.count(), Eintrittsdaten.objects.count()) == zaehlen
    assert "Durchgang Münsterland (abgeschlossen) mit 24 Anmeldungen" in ausgabe.getvalue()

    durchgang = Durchgang.objects.get(titel=TITEL)
    status = list(Anmeldung.objects.filter(durchgang=durchgang).values_list("status", flat=True))
    abbrueche = sum(1 for person in EHEMALIGE if person[-1])
    assert status.count(Anmeldung.Status.ABGEBROCHEN) == abbrueche == 4
    assert status.count(Anmeldung.Status.ABGESCHLOSSEN) == 20
    # The completed hold certificates and attended four days of 6 hours (3 excused once).
    assert Zertifikat.objects.filter(anmeldung__durchgang=durchgang, status="gueltig").count() == 20
    stunden = Anwesenheit.objects.filter(anmeldung__durchgang=durchgang).aggregate(s=Sum("stunden"))
    assert stunden["s"] == (20 * 4 - 3) * 6

    client = Client()
    assert client.login(email=f"foerderer@{DEMO_DOMAIN}", password=demo_passwort())
    inhalt = client.get("/berichte/").content.decode()
    gesamt = Anmeldung.objects.exclude(status=Anmeldung.Status.ANGEFRAGT).count()
    assert gesamt >= 49
    assert f"<dd>{gesamt}</dd>" in inhalt
    assert f"{TITEL.split(' (')[0]}" in inhalt
    assert "Quartal" in inhalt
