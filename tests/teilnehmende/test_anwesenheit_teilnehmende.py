"""Participants see their sessions and attendance (/mein-lernen/) and take them into their
calendar (ICS); the course page shows the dates publicly, without the online link."""

import datetime
import zoneinfo

import icalendar
import pytest
from django.urls import reverse

from kern import rollen
from teilnehmende.services import anwesenheit_setzen
from tests.hilfen import vier_stufen_pruefen
from tests.kurse.factories import anmelden, kurs_anlegen, person
from tests.teilnehmende.termine import laufender_durchgang, termin_anlegen

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")
LINK = "https://konferenz.example/raum-42"


@pytest.fixture
def lage(site, trainerin):
    kurs = kurs_anlegen(module=1, lektionen=1)
    durchgang = laufender_durchgang(kurs, trainer=[trainerin], titel="Durchgang Frühjahr")
    vorbei = termin_anlegen(durchgang, tage_her=14, titel="Auftakt")
    online = termin_anlegen(durchgang, tage_her=7, titel="Onlinetag", ort="", online_link=LINK)
    kommt = termin_anlegen(
        durchgang,
        tage_her=-21,
        titel="Vertiefung",
        beginn=datetime.time(9, 30),
        ende=datetime.time(17),
        ort="Bildungszentrum Rheinufer, Köln",
    )
    berta = anmelden(person("berta"), durchgang)
    for termin, status in ((vorbei, "anwesend"), (online, "entschuldigt")):
        anwesenheit_setzen(anmeldung=berta, termin=termin, status=status, erfasst_von=trainerin)
    fremd = anmelden(person("fremd"), laufender_durchgang(kurs))
    return {
        "kurs": kurs,
        "durchgang": durchgang,
        "termine": [vorbei, online, kommt],
        "berta": berta,
        "fremd": fremd,
    }


def test_eigene_anwesenheit_vier_stufen(client, lage, trainerin, foerderer, redakteurin):
    vier_stufen_pruefen(
        client,
        reverse("teilnehmende:anwesenheit", args=[lage["berta"].pk]),
        erlaubt=[lage["berta"].nutzer],
        abgelehnt=[lage["fremd"].nutzer, trainerin, foerderer, redakteurin],
    )


def test_eigene_anwesenheit_je_termin_und_summe(client, lage):
    client.force_login(lage["berta"].nutzer)
    html = client.get(reverse("teilnehmende:anwesenheit", args=[lage["berta"].pk])).content
    html = " ".join(html.decode().split())
    assert (
        "Anwesenheit 6 von 18 Stunden (33 %) an 1 von 3 Terminen, nötig sind 80 %. "
        "1 Termin entschuldigt versäumt (6 Stunden, zählen nicht als Anwesenheit)."
    ) in html
    assert "anwesend (6 Std.)" in html and 'Ihre Anwesenheit"> entschuldigt </td>' in html
    assert "steht bevor" in html
    assert "6 Std. anwesend (33 %); 6 Std. entschuldigt" in html
    assert LINK in html
    assert reverse("teilnehmende:durchgang_kalender", args=[lage["durchgang"].pk]) in html
    assert reverse("teilnehmende:termin_kalender", args=[lage["termine"][2].pk]) in html


def test_dashboard_zeigt_anwesenheit_und_naechsten_termin(client, lage):
    client.force_login(lage["berta"].nutzer)
    html = " ".join(client.get(reverse("kurse:mein_lernen")).content.decode().split())
    kommt = lage["termine"][2]
    assert "Ihre Anwesenheit: 6 von 18 Stunden (33 %); für den Abschluss nötig sind 80 %." in html
    assert "Nächster Termin: " in html and f", {kommt.datum.day}. " in html
    assert "09:30 bis 17:00 Uhr, Bildungszentrum Rheinufer, Köln" in html
    assert reverse("teilnehmende:anwesenheit", args=[lage["berta"].pk]) in html


def test_kursseite_zeigt_termine_ohne_onlinelink(client, lage):
    html = " ".join(client.get(lage["kurs"].url).content.decode().split())
    assert "09:30 bis 17:00 Uhr, Bildungszentrum Rheinufer, Köln" in html
    assert "09:00 bis 16:30 Uhr, online" in html
    assert LINK not in html


def test_kalender_eines_termins_vier_stufen(client, lage, trainerin, foerderer, redakteurin):
    vier_stufen_pruefen(
        client,
        reverse("teilnehmende:termin_kalender", args=[lage["termine"][0].pk]),
        erlaubt=[lage["berta"].nutzer, trainerin, person("admin", rollen.ADMINISTRATION)],
        abgelehnt=[
            lage["fremd"].nutzer,
            person("fremdtrainerin", rollen.TRAINER),
            foerderer,
            redakteurin,
        ],
    )


def test_kalender_des_durchgangs_vier_stufen(client, lage, trainerin, foerderer, redakteurin):
    wartend = person("wartend")
    # Someone on the waiting list has no seat and gets no calendar.
    lage["durchgang"].kapazitaet = 1
    lage["durchgang"].save()
    anmelden(wartend, lage["durchgang"])
    vier_stufen_pruefen(
        client,
        reverse("teilnehmende:durchgang_kalender", args=[lage["durchgang"].pk]),
        erlaubt=[lage["berta"].nutzer, trainerin],
        abgelehnt=[wartend, lage["fremd"].nutzer, foerderer, redakteurin],
    )


def _kalender(client, url) -> icalendar.Calendar:
    antwort = client.get(url)
    assert antwort["Content-Type"] == "text/calendar; charset=utf-8"
    assert antwort["Content-Disposition"].startswith("attachment;")
    return icalendar.Calendar.from_ical(antwort.content)


def test_kalender_hat_die_richtigen_zeiten_in_berlin(client, lage):
    client.force_login(lage["berta"].nutzer)
    kommt = lage["termine"][2]
    kalender = _kalender(client, reverse("teilnehmende:termin_kalender", args=[kommt.pk]))
    (ereignis,) = kalender.events
    assert ereignis.start == datetime.datetime.combine(kommt.datum, datetime.time(9, 30), BERLIN)
    assert ereignis.end == datetime.datetime.combine(kommt.datum, datetime.time(17), BERLIN)
    assert ereignis["DTSTART"].params["TZID"] == "Europe/Berlin"
    assert ereignis.start.utcoffset() == BERLIN.utcoffset(ereignis.start.replace(tzinfo=None))
    assert [tz.tz_name for tz in kalender.timezones] == ["Europe/Berlin"]
    assert str(ereignis["SUMMARY"]) == f"Vertiefung – {lage['kurs'].title}"
    assert str(ereignis["LOCATION"]) == "Bildungszentrum Rheinufer, Köln"
    assert str(ereignis["UID"]) == f"praesenztermin-{kommt.pk}@127.0.0.1"


def test_kalender_des_durchgangs_mit_allen_terminen(client, lage):
    client.force_login(lage["berta"].nutzer)
    url = reverse("teilnehmende:durchgang_kalender", args=[lage["durchgang"].pk])
    ereignisse = _kalender(client, url).events
    assert [str(e["SUMMARY"]).split(" – ")[0] for e in ereignisse] == [
        "Auftakt",
        "Onlinetag",
        "Vertiefung",
    ]
    assert len({str(e["UID"]) for e in ereignisse}) == 3
    online = ereignisse[1]
    assert str(online["LOCATION"]) == "Online" and str(online["URL"]) == LINK
    assert [e.start.astimezone(BERLIN).time() for e in ereignisse] == [
        datetime.time(9),
        datetime.time(9),
        datetime.time(9, 30),
    ]
