"""The trainer's attendance list (/trainer/termine/<id>/anwesenheit/) and sign-in sheet."""

import shutil
import subprocess
from decimal import Decimal

import pytest
from django.urls import reverse

from kern import rollen
from teilnehmende.forms import STUNDEN_OHNE_STATUS, STUNDEN_UNGUELTIG
from teilnehmende.models import Anwesenheit, AnwesenheitAenderung
from teilnehmende.services import ANWESENHEIT_STUNDEN_ZU_VIEL, ANWESENHEIT_ZU_FRUEH
from teilnehmende.teilnahmeliste import FOERDERHINWEIS, PROGRAMM
from tests.hilfen import LOGIN_URL, vier_stufen_pruefen
from tests.kurse.factories import anmelden, kurs_anlegen, person
from tests.teilnehmende.termine import laufender_durchgang, termin_anlegen

ANWESEND = Anwesenheit.Status.ANWESEND


@pytest.fixture
def lage(site, trainerin):
    kurs = kurs_anlegen(module=1, lektionen=1)
    meiner = laufender_durchgang(kurs, kapazitaet=3, trainer=[trainerin], titel="Mein Durchgang")
    fremde_trainerin = person("fremdtrainerin", rollen.TRAINER)
    fremder = laufender_durchgang(kurs, trainer=[fremde_trainerin], titel="Fremder Durchgang")
    berta = anmelden(person("berta"), meiner, organisation="Kreis Coesfeld, Jugendamt")
    anton = anmelden(person("anton"), meiner)
    fritz = anmelden(person("fritz"), fremder)
    return {
        "termin": termin_anlegen(meiner, titel="Präsenztag Auftakt"),
        "meiner": meiner,
        "fremde_trainerin": fremde_trainerin,
        "berta": berta,
        "anton": anton,
        "fritz": fritz,
    }


def _url(lage, name="erfassen", termin=None):
    return reverse(f"anwesenheit:{name}", args=[(termin or lage["termin"]).pk])


def _abgelehnt(lage, teilnehmerin, foerderer, redakteurin):
    return [
        lage["fremde_trainerin"],
        lage["berta"].nutzer,
        teilnehmerin,
        foerderer,
        redakteurin,
    ]


def test_anwesenheitsliste_vier_stufen(
    client, lage, trainerin, teilnehmerin, foerderer, redakteurin
):
    vier_stufen_pruefen(
        client,
        _url(lage),
        erlaubt=[trainerin, person("admin", rollen.ADMINISTRATION)],
        abgelehnt=_abgelehnt(lage, teilnehmerin, foerderer, redakteurin),
    )


def test_teilnahmeliste_vier_stufen(client, lage, trainerin, teilnehmerin, foerderer, redakteurin):
    vier_stufen_pruefen(
        client,
        _url(lage, "teilnahmeliste"),
        erlaubt=[trainerin, person("admin", rollen.ADMINISTRATION)],
        abgelehnt=_abgelehnt(lage, teilnehmerin, foerderer, redakteurin),
    )


def test_speichern_nur_fuer_trainer_des_durchgangs(client, lage, trainerin):
    daten = {f"status_{lage['berta'].pk}": ANWESEND}
    url = _url(lage)
    antwort = client.post(url, daten)
    assert antwort.status_code == 302 and antwort.url.startswith(LOGIN_URL)
    for nutzer in (lage["fremde_trainerin"], lage["berta"].nutzer):
        client.force_login(nutzer)
        assert client.post(url, daten).status_code == 403
        assert client.post(_url(lage, "alle_anwesend")).status_code == 403
    assert not Anwesenheit.objects.exists()
    client.force_login(trainerin)
    assert client.get(_url(lage, "alle_anwesend")).status_code == 405  # POST only


def test_liste_zeigt_teilnehmende_des_durchgangs(client, lage, trainerin):
    client.force_login(trainerin)
    html = client.get(_url(lage)).content.decode()
    assert "<h1>Anwesenheit: Präsenztag Auftakt</h1>" in html
    assert '<th scope="row">Berta Test</th>' in html and "Kreis Coesfeld, Jugendamt" in html
    assert '<th scope="row">Anton Test</th>' in html and "Fritz" not in html
    assert '<legend class="visually-hidden">Anwesenheit von Berta Test</legend>' in html
    stunden_id = f"id_stunden_{lage['berta'].pk}"
    assert (
        f'<label for="{stunden_id}" class="visually-hidden">Stunden von Berta Test</label>' in html
    )
    assert "noch nicht erfasst" in html


def test_speichern_und_spaeter_aendern(client, lage, trainerin):
    client.force_login(trainerin)
    berta, anton = lage["berta"].pk, lage["anton"].pk
    antwort = client.post(
        _url(lage),
        {f"status_{berta}": ANWESEND, f"status_{anton}": ANWESEND, f"stunden_{anton}": "4,5"},
        follow=True,
    )
    assert "Die Anwesenheit ist gespeichert (2 Einträge geändert)." in antwort.content.decode()
    assert dict(Anwesenheit.objects.values_list("anmeldung", "stunden")) == {
        berta: Decimal("6"),
        anton: Decimal("4.5"),
    }
    # Later: Anton was excused after all; Berta's line is sent unchanged.
    antwort = client.post(
        _url(lage),
        {f"status_{berta}": ANWESEND, f"stunden_{berta}": "6", f"status_{anton}": "entschuldigt"},
        follow=True,
    )
    html = antwort.content.decode()
    assert "(1 Einträge geändert)" in html
    assert Anwesenheit.objects.get(anmeldung=anton).status == "entschuldigt"
    assert AnwesenheitAenderung.objects.count() == 3
    verlauf = html.split('id="verlauf-titel"', 1)[1]
    assert "anwesend (4,5 Std.)" in verlauf and "entschuldigt (0 Std.)" in verlauf
    assert "Trainerin Test" in verlauf


@pytest.mark.parametrize(
    ("eingabe", "meldung"),
    [
        ({"stunden": "viel"}, STUNDEN_UNGUELTIG),
        ({"stunden": "6,555"}, STUNDEN_UNGUELTIG),
        ({"stunden": "7"}, str(ANWESENHEIT_STUNDEN_ZU_VIEL).format(stunden="6")),
        ({"status": "krank"}, "Bitte wählen Sie einen der angebotenen Einträge aus."),
        ({"status": "", "stunden": "3"}, STUNDEN_OHNE_STATUS),
    ],
)
def test_fehleingaben_speichern_nichts(client, lage, trainerin, eingabe, meldung):
    client.force_login(trainerin)
    anton = lage["anton"].pk
    daten = {f"status_{lage['berta'].pk}": ANWESEND, f"status_{anton}": ANWESEND}
    daten |= {f"{feld}_{anton}": wert for feld, wert in eingabe.items()}
    antwort = client.post(_url(lage), daten)
    assert antwort.status_code == 200
    html = antwort.content.decode()
    assert "Bitte prüfen Sie Ihre Angaben" in html
    assert str(meldung) in html
    assert not Anwesenheit.objects.exists() and not AnwesenheitAenderung.objects.exists()


def test_kuenftiger_termin(client, lage, trainerin):
    morgen = termin_anlegen(lage["meiner"], tage_her=-1)
    client.force_login(trainerin)
    meldung = str(ANWESENHEIT_ZU_FRUEH).format(datum=f"{morgen.datum:%d.%m.%Y}")
    html = client.get(_url(lage, termin=morgen)).content.decode()
    assert meldung in html and "Anwesenheit speichern" not in html
    antwort = client.post(_url(lage, termin=morgen), {f"status_{lage['berta'].pk}": ANWESEND})
    assert meldung in antwort.content.decode()
    client.post(_url(lage, "alle_anwesend", termin=morgen))
    assert not Anwesenheit.objects.exists()


def test_alle_anwesend_mit_einem_klick(client, lage, trainerin):
    client.force_login(trainerin)
    client.post(_url(lage), {f"status_{lage['anton'].pk}": "unentschuldigt"})
    antwort = client.post(_url(lage, "alle_anwesend"), follow=True)
    assert "1 Teilnehmende ohne bisherigen Eintrag sind als anwesend erfasst." in (
        antwort.content.decode()
    )
    assert dict(Anwesenheit.objects.values_list("anmeldung", "status")) == {
        lage["berta"].pk: ANWESEND,
        lage["anton"].pk: "unentschuldigt",
    }


def test_admin_darf_erfassen(client, lage):
    client.force_login(person("admin", rollen.ADMINISTRATION))
    client.post(_url(lage, "alle_anwesend"))
    assert Anwesenheit.objects.count() == 2


def test_durchgangsseite_verlinkt_termine(client, lage, trainerin):
    client.force_login(trainerin)
    client.post(_url(lage), {f"status_{lage['berta'].pk}": ANWESEND})
    html = client.get(reverse("kurse:trainer_durchgang", args=[lage["meiner"].pk])).content.decode()
    termine = html.split('id="termine-titel"', 1)[1]
    assert _url(lage) in termine and _url(lage, "teilnahmeliste") in termine
    assert '"Anwesenheit erfasst">1 von 2</td>' in termine  # recorded
    assert "6 von 6 Std. (100 %)" in html and "0 von 6 Std. (0 %)" in html


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="pdftotext (poppler-utils) fehlt")
def test_teilnahmeliste_pdf(client, lage, trainerin, tmp_path):
    lage["meiner"].kapazitaet = 40
    lage["meiner"].save()
    # Enough people for a second page; "Özdemir" sorts with O, not after Z.
    weitere = [anmelden(person(f"person{n:02d}"), lage["meiner"]) for n in range(26)]
    oezdemir = person("oezdemir")
    oezdemir.last_name = "Özdemir"
    oezdemir.save()
    anmelden(oezdemir, lage["meiner"])
    client.force_login(trainerin)
    antwort = client.get(_url(lage, "teilnahmeliste"))
    assert antwort["Content-Type"] == "application/pdf"
    assert antwort.content.startswith(b"%PDF")
    pdf = tmp_path / "liste.pdf"
    pdf.write_bytes(antwort.content)
    text = subprocess.run(  # noqa: S603
        ["pdftotext", "-layout", str(pdf), "-"],  # noqa: S607
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    kurs = lage["meiner"].kurs
    for erwartet in [
        str(PROGRAMM),
        kurs.title,
        "Präsenztag Auftakt",
        "Mein Durchgang",
        f"{lage['termin'].datum:%Y}",
        "09:00 bis 16:30 Uhr",
        "Tagungshaus Am Aasee, Münster",
        "8 Unterrichtseinheiten",
        "Test, Berta",
        "Test, Anton",
        "Kreis Coesfeld, Jugendamt",
        "Unterschrift",
        "Datum, Unterschrift Trainer/in: Trainerin Test",
        "Seite 1 von 2",
        "Seite 2 von 2",
    ]:
        assert erwartet in text, erwartet
    for anmeldung in weitere:
        assert f"Test, {anmeldung.nutzer.first_name}" in text
    assert text.index("Özdemir") < text.index("Test, Anton")
    assert " ".join(str(FOERDERHINWEIS).split()[:4]) in " ".join(text.split())
    assert "Fritz" not in text


def test_anwesenheitsliste_mit_fester_zahl_an_abfragen(client, lage, trainerin):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(trainerin)
    url = _url(lage)

    def zaehlen() -> int:
        client.get(url)  # warm
        with CaptureQueriesContext(connection) as abfragen:
            assert client.get(url).status_code == 200
        return len(abfragen)

    client.post(_url(lage, "alle_anwesend"))
    wenige = zaehlen()
    lage["meiner"].kapazitaet = 30
    lage["meiner"].save()
    for n in range(20):
        anmelden(person(f"viele{n}"), lage["meiner"])
    client.post(_url(lage, "alle_anwesend"))
    assert Anwesenheit.objects.count() == 22
    assert zaehlen() == wenige
