"""demo_anlegen builds the demo course, its cohort with 25 participants at their progress."""

import re
from io import StringIO

from django.core.management import call_command
from django.urls import reverse

from kern.demo import DEMO_DOMAIN
from kurse.demo import KURS_SLUG
from kurse.demo_inhalte import MODULE, TEILNEHMENDE
from kurse.models import Durchgang, KursSeite, LektionErledigt, LektionSeite, ModulSeite
from kurse.selectors import kursfortschritt
from teilnehmende.models import Anmeldung, Eintrittsdaten

KURS_URL = f"/kurse/{KURS_SLUG}/"


def test_demo_kurs_durchgang_und_fortschritte(db):
    call_command("demo_anlegen", stdout=StringIO())
    zaehlen = (
        LektionSeite.objects.count(),
        Anmeldung.objects.count(),
        LektionErledigt.objects.count(),
        Durchgang.objects.count(),
    )
    ausgabe = StringIO()
    call_command("demo_anlegen", stdout=ausgabe)
    assert zaehlen == (
        LektionSeite.objects.count(),
        Anmeldung.objects.count(),
        LektionErledigt.objects.count(),
        Durchgang.objects.count(),
    )
    assert "4 Module, 16 Lektionen" in ausgabe.getvalue()

    kurs = KursSeite.objects.get(slug=KURS_SLUG)
    assert kurs.url == KURS_URL
    module = ModulSeite.objects.child_of(kurs).order_by("path")
    assert [m.title for m in module] == [m["titel"] for m in MODULE]
    for modul in module:
        assert 3 <= LektionSeite.objects.child_of(modul).count() <= 4

    # The first cohort is the running one (berichte.demo adds a finished one).
    durchgang = Durchgang.objects.filter(kurs=kurs).order_by("pk").first()
    assert durchgang.titel.startswith("Durchgang 20")
    assert [t.email for t in durchgang.trainer.all()] == [f"trainerin@{DEMO_DOMAIN}"]
    assert durchgang.anmeldung_offen()
    anmeldungen = Anmeldung.objects.filter(durchgang=durchgang).select_related("nutzer")
    assert anmeldungen.count() == 25
    # Nobody can have finished a cohort with in-person days ahead: the certificates belong to
    # the finished cohorts (zertifikate.demo, berichte.demo).
    assert {a.status for a in anmeldungen} == {Anmeldung.Status.BESTAETIGT}
    demo_adressen = {a.nutzer.email for a in anmeldungen if "@demo." in a.nutzer.email}
    assert len(demo_adressen) == 24
    assert f"agnieszka.wisniewska@demo.{DEMO_DOMAIN}" in demo_adressen
    assert f"michael.huelsmann@demo.{DEMO_DOMAIN}" in demo_adressen

    for person in TEILNEHMENDE:
        anmeldung = next(
            a
            for a in anmeldungen
            if (a.nutzer.first_name, a.nutzer.last_name) == (person["vorname"], person["nachname"])
        )
        daten = Eintrittsdaten.objects.get(anmeldung=anmeldung)
        assert daten.organisation == person["organisation"]
        assert daten.kreis.schluessel == person["kreis_schluessel"]
        assert daten.geburtsjahr == person["geburtsjahr"]
        fortschritt = kursfortschritt(nutzer=anmeldung.nutzer, kurs=kurs)
        assert fortschritt.pflicht_gesamt == 12
        assert fortschritt.pflicht_erledigt == round(person["fortschritt"] * 12)


def test_demo_teilnehmerin_sieht_fortschritt_und_kurs_ist_begehbar(client, db):
    call_command("demo_anlegen", stdout=StringIO())
    antwort = client.post(
        "/konto/login/",
        {"login": f"teilnehmerin@{DEMO_DOMAIN}", "password": "lernkette-demo"},
        follow=True,
    )
    html = antwort.content.decode()
    assert antwort.redirect_chain[-1][0] == reverse("kurse:mein_lernen")
    assert '<progress max="12" value="5"' in html
    assert "5 von 12 Pflichtlektionen erledigt (41 %)" in html
    assert "3 von 3 Pflichtlektionen erledigt (100 %)" in html  # module 1
    assert "Weiter mit: " in html

    besucht, offen = set(), [KURS_URL]
    while offen:
        url = offen.pop()
        besucht.add(url)
        seite = client.get(url)
        assert seite.status_code == 200, url
        for link in re.findall(r'href="(/kurse/[^"#]*)"', seite.content.decode()):
            if link not in besucht:
                offen.append(link)
    assert (
        len(besucht) == 1 + 1 + 4 + 16
    )  # the course index (header link), course, modules, lessons
