"""ESF participant-level export: administration only, every download logged, no names."""

import csv
import datetime
import io

from django.urls import reverse

from berichte.forms import ZEITRAUM_UMGEKEHRT
from berichte.models import ExportProtokoll
from teilnehmende.models import Anmeldung
from tests.hilfen import vier_stufen_pruefen

URL = "/berichte/einzeldaten.csv"


def _zeilen(antwort):
    rohdaten = b"".join(antwort.streaming_content)
    assert rohdaten.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(rohdaten.decode("utf-8-sig")), delimiter=";"))


def test_url():
    assert reverse("berichte:einzeldaten_csv") == URL


def test_nur_administration(
    client, teilnehmerin, trainerin, redakteurin, foerderer, administratorin
):
    vier_stufen_pruefen(
        client,
        URL,
        erlaubt=[administratorin],
        abgelehnt=[teilnehmerin, trainerin, redakteurin, foerderer],
    )


def test_link_nur_fuer_administration(client, foerderer, administratorin):
    client.force_login(foerderer)
    assert URL not in client.get(reverse("berichte:start")).content.decode()
    client.force_login(administratorin)
    assert URL in client.get(reverse("berichte:start")).content.decode()


def test_datensaetze_ohne_namen_und_mit_protokoll(client, administratorin, bestand):
    client.force_login(administratorin)
    erste = Anmeldung.objects.filter(durchgang=bestand["d1"]).order_by("pk").first()
    # 22:30 UTC on 30 June is 1 July in Germany (summer time).
    Anmeldung.objects.filter(pk=erste.pk).update(
        status_geaendert_am=datetime.datetime(2025, 6, 30, 22, 30, tzinfo=datetime.UTC)
    )
    antwort = client.get(URL, {"kurs": bestand["kurs1"].pk})
    assert antwort.streaming
    assert antwort["Content-Disposition"].startswith(
        'attachment; filename="lernkette-esf-einzeldaten-'
    )
    zeilen = _zeilen(antwort)
    kopf, daten = zeilen[0], zeilen[1:]
    assert kopf[:4] == ["Datensatz", "Kurs", "Durchgang", "Status"]
    assert len(daten) == 10
    erwartet = Anmeldung.objects.filter(durchgang=bestand["d1"]).order_by("pk")
    assert [int(z[0]) for z in daten] == [a.pk for a in erwartet]
    assert daten[0][kopf.index("Status seit")] == "01.07.2025"
    assert daten[0][kopf.index("Status")] == "bestätigt"
    assert daten[0][kopf.index("Kurs")] == bestand["kurs1"].title
    text = "\n".join(";".join(z) for z in zeilen)
    for anmeldung in erwartet.select_related("nutzer"):
        assert anmeldung.nutzer.email not in text
        assert anmeldung.nutzer.get_full_name() not in text
    abbruch = next(z for z in daten if z[kopf.index("Geschlecht")] == "divers")
    assert abbruch[kopf.index("Status")] == "abgebrochen"
    assert abbruch[kopf.index("Geburtsjahr")] == ""
    assert abbruch[kopf.index("Altersgruppe beim Eintritt")] == "keine Angabe"
    assert abbruch[kopf.index("Kreis oder kreisfreie Stadt")] == "außerhalb NRW"
    maenner = [z for z in daten if z[kopf.index("Geschlecht")] == "männlich"]
    assert {z[kopf.index("Tag des Eintritts")] for z in maenner} == {f"10.05.{bestand['jahr'] - 1}"}
    assert {z[kopf.index("Kreisschlüssel")] for z in maenner} == {"05515"}

    protokoll = ExportProtokoll.objects.get()
    assert protokoll.nutzer == administratorin
    assert protokoll.nutzer_email == administratorin.email
    assert protokoll.art == ExportProtokoll.Art.EINZELDATEN
    assert protokoll.filter == {"kurs_id": bestand["kurs1"].pk}


def test_jeder_download_wird_protokolliert(client, administratorin, bestand):
    client.force_login(administratorin)
    client.get(URL)
    client.get(URL, {"jahr": bestand["jahr"], "quartal": "1"})
    assert ExportProtokoll.objects.count() == 2
    neuester = ExportProtokoll.objects.first()
    assert neuester.filter == {
        "von": f"{bestand['jahr']}-01-01",
        "bis": f"{bestand['jahr']}-03-31",
    }


def test_ungueltige_filter_ohne_download_und_ohne_protokoll(client, administratorin):
    client.force_login(administratorin)
    antwort = client.get(URL, {"von": "2026-Q3", "bis": "2026-Q2"})
    assert antwort.status_code == 400
    assert str(ZEITRAUM_UMGEKEHRT) in antwort.content.decode()
    assert not ExportProtokoll.objects.exists()


def test_abgelehnte_werden_nicht_protokolliert(client, foerderer):
    client.force_login(foerderer)
    assert client.get(URL).status_code == 403
    assert not ExportProtokoll.objects.exists()


def test_protokoll_im_admin_nur_lesbar(client, administratorin, foerderer):
    client.force_login(administratorin)
    client.get(URL)
    liste = client.get("/django-admin/berichte/exportprotokoll/")
    assert liste.status_code == 200
    assert administratorin.email in liste.content.decode()
    eintrag = ExportProtokoll.objects.get()
    assert client.get("/django-admin/berichte/exportprotokoll/add/").status_code == 403
    loeschen = f"/django-admin/berichte/exportprotokoll/{eintrag.pk}/delete/"
    assert client.post(loeschen, {"post": "yes"}).status_code == 403
    assert ExportProtokoll.objects.count() == 1
    client.force_login(foerderer)
    assert client.get("/django-admin/berichte/exportprotokoll/").status_code == 302
