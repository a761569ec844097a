"""The journeys the foundation makes possible, each end to end in Chromium. Every feature adds its
own journey here as it lands (see README, „Browser- und Barrierefreiheitstests“)."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from playwright.sync_api import expect
from wagtail.contrib.forms.models import FormSubmission

from kern.demo import DEMO_DOMAIN, demo_passwort
from kern.models import Nutzer

from .axe import ohne_verstoesse
from .conftest import waagerechter_ueberstand
from .seiten import BREITEN

pytestmark = pytest.mark.browser

BESTAETIGUNGSLINK = re.compile(r"https?://\S+/konto/confirm-email/\S+/")


def _anmelden_im_formular(page, email: str, passwort: str) -> None:
    page.get_by_label("E-Mail", exact=False).fill(email)
    page.get_by_label("Passwort:", exact=True).fill(passwort)
    page.get_by_role("button", name="Anmeldung").click()


def _registrieren_und_bestaetigen(
    page, new_context, *, email: str, passwort: str, vorname="Nele", nachname="Neu", titel=""
):
    """Sign up from the home page, confirm the address from the mail in a second browser (where
    the mail is read, not yet logged in) and log in there; returns that browser's page."""
    page.goto("/")
    page.get_by_role("link", name="Jetzt registrieren").click()
    expect(page).to_have_url(re.compile(r"/konto/signup/$"))
    if titel:
        page.get_by_label("Akademischer Titel (optional)").fill(titel)
    page.get_by_label("Vorname").fill(vorname)
    page.get_by_label("Nachname").fill(nachname)
    page.get_by_label("E-Mail", exact=False).fill(email)
    page.get_by_label("Passwort:", exact=True).fill(passwort)
    page.get_by_label("Passwort (Wiederholung):").fill(passwort)
    page.get_by_role("button", name="Registrieren").click()
    expect(page).to_have_url(re.compile(r"/konto/confirm-email/$"))
    ohne_verstoesse(page)

    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [email]
    assert mail.outbox[0].body.startswith(
        f"Guten Tag {' '.join(filter(None, (titel, vorname, nachname)))},"
    )
    link = BESTAETIGUNGSLINK.search(mail.outbox[0].body).group(0)

    postfach = new_context().new_page()
    postfach.goto(link)
    ohne_verstoesse(postfach)
    postfach.get_by_role("button", name="Bestätigen").click()
    expect(postfach).to_have_url(re.compile(r"/konto/login/$"))
    _anmelden_im_formular(postfach, email, passwort)
    expect(postfach).to_have_url(re.compile(r"/mein-lernen/$"))
    return postfach


def _kuenftiger_durchgang():
    """A second cohort of the demo course that starts next week (the demo cohort is half over:
    nobody can reach its attendance threshold any more), with two sessions."""
    import datetime

    from django.utils import timezone

    from kurse.demo import KURS_SLUG
    from kurse.models import KursSeite
    from kurse.services import durchgang_anlegen, praesenztermin_anlegen

    heute = timezone.localdate()
    trainerin = Nutzer.objects.get(email=f"trainerin@{DEMO_DOMAIN}")
    durchgang = durchgang_anlegen(
        kurs=KursSeite.objects.get(slug=KURS_SLUG),
        titel="Durchgang Herbst",
        beginn=heute + datetime.timedelta(days=7),
        ende=heute + datetime.timedelta(days=200),
        anmeldung_von=heute - datetime.timedelta(days=7),
        anmeldung_bis=heute + datetime.timedelta(days=5),
        kapazitaet=12,
        trainer=[trainerin],
    )
    for tag in (8, 9):
        praesenztermin_anlegen(
            durchgang=durchgang,
            titel=f"Präsenztag {tag - 7}",
            datum=heute + datetime.timedelta(days=tag),
            beginn=datetime.time(9),
            ende=datetime.time(16),
            unterrichtseinheiten=8,
            ort="Rathaus Hamm",
        )
    return durchgang


def _fragebogen_ausfuellen(page, *, kreis: str) -> None:
    """The ESF entry questionnaire, answered the way a participant would: by the visible labels."""

    def antwort(frage: str, wahl: str) -> None:
        page.get_by_role("group", name=frage).get_by_label(wahl, exact=True).check()

    antwort("Geschlecht", "weiblich")
    page.get_by_label("Geburtsjahr").fill("1984")
    antwort("Erwerbsstatus am Tag des Eintritts", "erwerbstätig (auch selbstständig)")
    antwort("Höchster Bildungsabschluss", "keine Angabe")
    antwort("Art Ihrer Organisation", "Kommune oder Kreis (Verwaltung)")
    page.get_by_label("Organisation:", exact=True).fill("Stadt Hamm, Jugendamt")
    page.get_by_label("Kommune, in der Sie tätig sind").fill("Hamm")
    page.get_by_label("Kreis oder kreisfreie Stadt").select_option(label=kreis)
    page.get_by_label("Ich habe den Text gelesen und willige").check()


def test_neue_teilnehmerin_registriert_sich_meldet_sich_an_und_lernt(page, new_context):
    """From sign-up to progress: register, confirm the address, log in, answer the ESF entry
    questionnaire (first empty: errors), enrol in the open cohort, complete the first lesson and
    see it counted on /mein-lernen/. axe-core on every page on the way."""
    from kurse.models import LektionErledigt
    from teilnehmende.models import Anmeldung

    durchgang = _kuenftiger_durchgang()
    postfach = _registrieren_und_bestaetigen(
        page, new_context, email="neu@beispiel.de", passwort="Kette-der-Praevention-26"
    )
    expect(postfach.get_by_role("heading", level=1)).to_have_text("Mein Lernen")
    expect(postfach.get_by_text("Willkommen, Nele Neu.", exact=True)).to_be_visible()
    expect(postfach.get_by_text("Sie sind noch in keinem Durchgang angemeldet.")).to_be_visible()
    ohne_verstoesse(postfach)

    offen = postfach.get_by_role("region", name="Offen zur Anmeldung")
    offen.get_by_role("link", name=f"Für {durchgang.titel} anmelden").click()
    expect(postfach).to_have_url(re.compile(rf"/mein-lernen/anmelden/{durchgang.pk}/$"))
    expect(postfach.get_by_role("heading", level=1)).to_have_text(f"Anmeldung: {durchgang.titel}")
    ohne_verstoesse(postfach, seite="/mein-lernen/anmelden/<id>/ (Fragebogen)")

    # Sent empty: one summary of every missing answer, each linked to its field; nothing stored.
    postfach.get_by_role("button", name="Verbindlich anmelden").click()
    fehler = postfach.get_by_role("alert")
    expect(fehler).to_contain_text("Bitte prüfen Sie Ihre Angaben")
    expect(fehler).to_contain_text("Geschlecht: Bitte wählen Sie eine Antwort aus")
    expect(fehler).to_contain_text("Ohne Ihre Einwilligung in die Datenverarbeitung")
    ohne_verstoesse(postfach, seite="/mein-lernen/anmelden/<id>/ (Fragebogen mit Fehlern)")
    assert not Anmeldung.objects.filter(nutzer__email="neu@beispiel.de").exists()
    # On a phone the long answers (ISCED levels) and the error list wrap: no sideways scrolling.
    desktop = postfach.viewport_size
    postfach.set_viewport_size(BREITEN["mobil"])
    assert waagerechter_ueberstand(postfach) == 0
    postfach.set_viewport_size(desktop)
    fehler.get_by_role("link", name=re.compile("^Organisation: ")).click()
    expect(postfach.get_by_label("Organisation:", exact=True)).to_be_focused()

    _fragebogen_ausfuellen(postfach, kreis="Hamm")
    postfach.get_by_role("button", name="Verbindlich anmelden").click()
    expect(postfach).to_have_url(re.compile(r"/mein-lernen/$"))  # without the error link's #…
    expect(postfach.get_by_text("Ihre Anmeldung ist bestätigt.")).to_be_visible()
    anmeldung = Anmeldung.objects.select_related("eintrittsdaten__kreis").get(
        nutzer__email="neu@beispiel.de", durchgang=durchgang
    )
    assert anmeldung.status == Anmeldung.Status.BESTAETIGT
    assert anmeldung.eintrittsdaten.geschlecht == "weiblich"
    assert anmeldung.eintrittsdaten.geburtsjahr == 1984
    assert anmeldung.eintrittsdaten.bildung == "keine_angabe"
    assert anmeldung.eintrittsdaten.kreis.name == "Hamm"
    karte = postfach.get_by_role("article", name=durchgang.kurs.title)
    kursfortschritt = karte.get_by_role("progressbar", name="Fortschritt im Kurs")
    expect(kursfortschritt).to_have_attribute("value", "0")
    ohne_verstoesse(postfach, seite="/mein-lernen/ (frisch angemeldet)")

    weiter = karte.get_by_role("link", name=re.compile("^Weiter mit: "))
    lektion_titel = weiter.inner_text().removeprefix("Weiter mit: ")
    weiter.click()
    expect(postfach.get_by_role("heading", level=1)).to_have_text(lektion_titel)
    ohne_verstoesse(postfach, seite="Lektion (vor dem Abschluss)")
    postfach.get_by_role("button", name="Als erledigt markieren").click()
    expect(postfach.get_by_text(re.compile(r"^Erledigt am "))).to_be_visible()
    ohne_verstoesse(postfach, seite="Lektion (erledigt)")
    assert LektionErledigt.objects.filter(nutzer=anmeldung.nutzer).count() == 1

    postfach.get_by_role("navigation", name="Hauptnavigation").get_by_role(
        "link", name="Mein Lernen"
    ).click()
    expect(kursfortschritt).to_have_attribute("value", "1")
    gesamt = kursfortschritt.get_attribute("max")
    expect(karte).to_contain_text(f"1 von {gesamt} Pflichtlektionen erledigt")
    expect(karte.get_by_role("link", name=re.compile("^Weiter mit: "))).not_to_have_text(
        f"Weiter mit: {lektion_titel}"
    )
    ohne_verstoesse(postfach, seite="/mein-lernen/ (mit Fortschritt)")


def test_falsches_passwort_meldet_fehler_barrierefrei(page):
    page.goto("/konto/login/")
    _anmelden_im_formular(page, f"teilnehmerin@{DEMO_DOMAIN}", "falsch")
    fehler = page.get_by_role("alert")
    expect(fehler).to_contain_text("Bitte prüfen Sie Ihre Angaben")
    expect(fehler).to_contain_text("E-Mail-Adresse und/oder das Passwort sind leider falsch")
    ohne_verstoesse(page, seite="/konto/login/ (mit Fehler)")


def test_trainerin_meldet_sich_an_und_erreicht_ihren_bereich(page):
    page.goto("/trainer/")
    expect(page).to_have_url(re.compile(r"/konto/login/\?next=/trainer/$"))
    _anmelden_im_formular(page, f"trainerin@{DEMO_DOMAIN}", demo_passwort())
    expect(page).to_have_url(re.compile(r"/trainer/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Trainerbereich")
    hauptnavigation = page.get_by_role("navigation", name="Hauptnavigation")
    expect(hauptnavigation.get_by_role("link", name="Trainerbereich")).to_have_attribute(
        "aria-current", "page"
    )
    expect(hauptnavigation.get_by_role("link", name="Mein Lernen")).to_have_count(0)
    ohne_verstoesse(page)

    # Staff roles set up a second factor (mandatory in production): the page must be usable.
    page.get_by_role("link", name="Mein Konto").click()
    page.goto("/konto/2fa/totp/activate/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    ohne_verstoesse(page)

    page.get_by_role("button", name="Abmelden").click()
    konto = page.get_by_role("navigation", name="Konto")
    expect(konto.get_by_role("link", name="Anmelden")).to_be_visible()


def test_besucherin_liest_erklaerung_und_meldet_barriere(page):
    page.goto("/leichte-sprache/")
    page.get_by_role("contentinfo").get_by_role("link", name="Barrierefreiheit").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Erklärung zur Barrierefreiheit")
    expect(page.get_by_text("Stand: 22. November 2026")).to_be_visible()
    expect(page.get_by_role("heading", name="Durchsetzungsverfahren")).to_be_visible()
    seite = page.get_by_label("Seite, auf der die Barriere auftritt")
    expect(seite).to_have_value(re.compile(r"/leichte-sprache/$"))

    page.get_by_role("button", name="Nachricht senden").click()
    fehler = page.get_by_role("alert")
    expect(fehler).to_contain_text("Ihre Nachricht: Bitte füllen Sie dieses Feld aus.")
    ohne_verstoesse(page, seite="/barrierefreiheit/ (mit Fehler)")
    assert FormSubmission.objects.count() == 0

    fehler.get_by_role("link", name=re.compile("^Ihre Nachricht")).click()
    nachricht = page.get_by_label("Ihre Nachricht")
    expect(nachricht).to_be_focused()
    expect(nachricht).to_have_attribute("aria-invalid", "true")
    nachricht.fill("Die Schrift in der Fußzeile ist mir zu klein.")
    page.get_by_label("Ihr Name").fill("Erika Muster")
    page.get_by_role("button", name="Nachricht senden").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Vielen Dank für Ihre Rückmeldung")
    ohne_verstoesse(page)
    einsendung = FormSubmission.objects.get()
    assert einsendung.form_data["nachricht"] == "Die Schrift in der Fußzeile ist mir zu klein."
    assert einsendung.form_data["seite"].endswith("/leichte-sprache/")
    assert len(mail.outbox) == 1
    assert "Ihr Name: Erika Muster" in mail.outbox[0].body


def test_besucherin_prueft_zertifikat_per_nummer(page):
    from zertifikate.models import Zertifikat

    gueltig = Zertifikat.objects.get(status=Zertifikat.Status.GUELTIG, inhaber_name="Anna Albrecht")
    widerrufen = Zertifikat.objects.get(status=Zertifikat.Status.WIDERRUFEN)
    page.goto("/")
    page.get_by_role("contentinfo").get_by_role("link", name="Zertifikat prüfen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Zertifikat prüfen")

    # A typo is caught by the check character, before any lookup.
    falsch = gueltig.nummer[:-1] + ("A" if gueltig.nummer[-1] != "A" else "B")
    page.get_by_label("Zertifikatsnummer").fill(falsch)
    page.get_by_role("button", name="Prüfen").click()
    expect(page.get_by_role("alert")).to_contain_text("Tippfehler")
    ohne_verstoesse(page, seite="/zertifikate/pruefen/ (Tippfehler)")

    # Typed in lower case with spaces: still found.
    page.get_by_label("Zertifikatsnummer").fill(gueltig.nummer.lower().replace("-", " "))
    page.get_by_role("button", name="Prüfen").click()
    expect(page).to_have_url(re.compile(rf"/zertifikate/pruefen/{gueltig.nummer}/$"))
    expect(page.get_by_role("heading", level=2).first).to_contain_text("gültig")
    expect(page.get_by_text("Anna Albrecht")).to_be_visible()
    ohne_verstoesse(page, seite="/zertifikate/pruefen/<nummer>/ (gültig)")

    page.get_by_label("Zertifikatsnummer").fill(widerrufen.nummer)
    page.get_by_role("button", name="Prüfen").click()
    expect(page.get_by_role("heading", level=2).first).to_contain_text("widerrufen am")
    expect(page.get_by_text("Mindestanwesenheit")).to_be_visible()


def test_administration_sieht_stapel_fortschritt_live(new_context, anmelden_in):
    from kurse.models import Durchgang
    from zertifikate.models import Stapelauftrag

    durchgang = Durchgang.objects.order_by("pk").first()  # the demo cohort (berichte adds a second)
    # A job a Celery worker is still running: half of four PDFs done.
    auftrag = Stapelauftrag.objects.create(durchgang=durchgang, gesamt=4, erledigt=2)
    kontext = new_context()
    anmelden_in(kontext, "admin")
    page = kontext.new_page()
    page.goto("/")
    page.get_by_role("navigation", name="Hauptnavigation").get_by_role(
        "link", name="Zertifikate verwalten"
    ).click()
    page.get_by_role("link", name=durchgang.titel).click()
    balken = page.locator("progress#stapel-fortschritt")
    expect(balken).to_have_attribute("value", "50")
    zip_link = page.get_by_role("link", name="Alle gültigen Zertifikate als ZIP herunterladen")
    expect(zip_link).to_be_hidden()
    ohne_verstoesse(page, seite="/zertifikate/verwaltung/durchgaenge/<id>/ (läuft)")

    # The worker finishes; the page polls the status endpoint and shows the result.
    Stapelauftrag.objects.filter(pk=auftrag.pk).update(
        erledigt=4, status=Stapelauftrag.Status.FERTIG
    )
    expect(page.get_by_role("status").filter(has_text="Fertig")).to_contain_text(
        "4 PDF-Dateien erzeugt"
    )
    expect(balken).to_have_js_property("value", 100)
    expect(zip_link).to_be_visible()


def _anwesenheit_und_praesentation_erfuellen(anmeldung) -> None:
    """The cohort's later sessions have taken place (Tanja attended all of them) and the trainer
    accepted her final presentation: only the last lesson is missing for the certificate."""
    import datetime

    from django.utils import timezone

    from kurse.models import Praesenztermin
    from teilnehmende.models import Anwesenheit, Bewertungsraster
    from teilnehmende.services import anwesenheit_setzen
    from teilnehmende.services_praesentation import begutachtung_beginnen, begutachtung_entscheiden

    gestern = timezone.localdate() - datetime.timedelta(days=1)
    termine = Praesenztermin.objects.filter(durchgang=anmeldung.durchgang)
    termine.filter(datum__gt=gestern).update(datum=gestern)
    trainerin = anmeldung.durchgang.trainer.get()
    for termin in termine:
        anwesenheit_setzen(
            anmeldung=anmeldung,
            termin=termin,
            status=Anwesenheit.Status.ANWESEND,
            erfasst_von=trainerin,
        )
    praesentation = anmeldung.abschlusspraesentation
    raster = Bewertungsraster.objects.get(kurs=anmeldung.durchgang.kurs)
    begutachtung_beginnen(praesentation=praesentation)
    begutachtung_entscheiden(
        praesentation=praesentation,
        gutachter=trainerin,
        entscheidung="angenommen",
        punkte={k.pk: k.max_punkte for k in raster.kriterien.all()},
        kommentar="Überzeugend und gut vernetzt.",
    )


def test_teilnehmerin_erwirbt_zertifikat_und_besucherin_prueft_es(page, new_context, anmelden_in):
    """From the last required lesson to the certificate: issued when every rule holds, downloaded
    from the dashboard, verified by a visitor; after the revocation the check says so."""
    from kurse.demo import KURS_SLUG
    from kurse.models import KursSeite
    from kurse.selectors import kursstrukturen
    from kurse.services import lektion_abschliessen
    from teilnehmende.models import Anmeldung
    from zertifikate import regeln
    from zertifikate.models import Zertifikat
    from zertifikate.services import zertifikat_widerrufen

    anmeldung = Anmeldung.objects.select_related("nutzer").get(
        nutzer__email=f"teilnehmerin@{DEMO_DOMAIN}", durchgang__kurs__slug=KURS_SLUG
    )
    tanja = anmeldung.nutzer
    kurs = KursSeite.objects.get(slug=KURS_SLUG)
    pflicht = [
        lektion
        for lektion in kursstrukturen(kurse=[kurs], mit_seiten=True)[kurs.pk].lektionen
        if lektion.pflicht
    ]
    letzte = [lektion for lektion in pflicht if not lektion.hat_h5p_aktivitaet][-1]
    for lektion in pflicht:
        if lektion != letzte:
            lektion_abschliessen(nutzer=tanja, lektion=lektion)
    _anwesenheit_und_praesentation_erfuellen(anmeldung)
    ergebnis = {e.regel: e.erfuellt for e in regeln.auswerten(anmeldung)}
    assert ergebnis == {"pflichtlektionen": False, "anwesenheit": True, "praesentation": True}
    assert not Zertifikat.objects.filter(anmeldung=anmeldung).exists()

    anmelden_in(page.context, "teilnehmerin")
    page.goto(letzte.url)
    expect(page.get_by_role("heading", level=1)).to_have_text(letzte.title)
    ohne_verstoesse(page, seite=f"{letzte.url} (Lektion)")
    # Completing the last required lesson issues the certificate and renders its PDF.
    page.get_by_role("button", name="Als erledigt markieren").click()
    expect(page.get_by_text(re.compile(r"^Erledigt am "))).to_be_visible(timeout=20_000)
    zertifikat = Zertifikat.objects.get(anmeldung=anmeldung)
    assert zertifikat.status == Zertifikat.Status.GUELTIG
    assert zertifikat.inhaber_name == "Tanja Teilnehmer"

    page.get_by_role("navigation", name="Hauptnavigation").get_by_role(
        "link", name="Mein Lernen"
    ).click()
    karte = page.get_by_role("region", name="Zertifikat")
    expect(karte).to_contain_text(f"Ihr Zertifikat Nr. {zertifikat.nummer} wurde am")
    ohne_verstoesse(page, seite="/mein-lernen/ (mit Zertifikat)")
    with page.expect_download() as laden:
        karte.get_by_role("link", name="Zertifikat herunterladen (PDF)").click()
    assert laden.value.suggested_filename == f"Zertifikat-{zertifikat.nummer}.pdf"
    pdf = laden.value.path().read_bytes()
    assert pdf.startswith(b"%PDF-") and len(pdf) > 1000
    # The same certificate as Open Badges 3.0 credential, for a wallet (openbadges).
    with page.expect_download() as laden:
        karte.get_by_role("link", name="Digitaler Nachweis (Open Badge, JSON)").click()
    assert laden.value.suggested_filename == f"Zertifikat-{zertifikat.nummer}.openbadge.json"
    nachweis = laden.value.path()
    geteilte_adresse = karte.get_by_role("link", name=zertifikat.nummer)
    expect(geteilte_adresse).to_have_attribute("href", f"/zertifikate/pruefen/{zertifikat.nummer}/")

    # A visitor (e.g. an employer) types the number from the paper certificate.
    besucherin = new_context().new_page()
    besucherin.goto("/zertifikate/pruefen/")
    besucherin.get_by_label("Zertifikatsnummer").fill(zertifikat.nummer)
    besucherin.get_by_role("button", name="Prüfen").click()
    expect(besucherin).to_have_url(re.compile(rf"/zertifikate/pruefen/{zertifikat.nummer}/$"))
    status = besucherin.get_by_role("heading", level=2).first
    expect(status).to_have_text("Status: gültig")
    expect(besucherin.get_by_text("Tanja Teilnehmer")).to_be_visible()
    ohne_verstoesse(besucherin, seite="/zertifikate/pruefen/<nummer>/ (neu ausgestellt)")
    # The visitor got the credential file instead: the upload on the same page verifies it.
    besucherin.goto("/zertifikate/pruefen/")
    besucherin.get_by_label("Nachweisdatei (Open Badge, JSON)").set_input_files(nachweis)
    besucherin.get_by_role("button", name="Nachweisdatei hochladen").click()
    expect(besucherin.get_by_role("heading", level=2).first).to_have_text("Status: echt und gültig")
    ohne_verstoesse(besucherin, seite="/zertifikate/openbadges/pruefen/ (gültig)")
    besucherin.goto(f"/zertifikate/pruefen/{zertifikat.nummer}/")

    admin = Nutzer.objects.get(email=f"admin@{DEMO_DOMAIN}")
    zertifikat_widerrufen(
        zertifikat=zertifikat, grund="Die Teilnahme war nicht nachgewiesen.", von=admin
    )
    besucherin.reload()
    expect(status).to_contain_text("widerrufen am")
    expect(status).not_to_contain_text("gültig")
    expect(besucherin.get_by_text("Grund des Widerrufs: Die Teilnahme war nicht")).to_be_visible()
    ohne_verstoesse(besucherin, seite="/zertifikate/pruefen/<nummer>/ (widerrufen)")
    besucherin.goto("/zertifikate/openbadges/pruefen/")
    besucherin.get_by_label("Nachweisdatei (Open Badge, JSON)").set_input_files(nachweis)
    besucherin.get_by_role("button", name="Nachweisdatei hochladen").click()
    expect(besucherin.get_by_role("heading", level=2).first).to_have_text(
        "Status: echt, aber widerrufen"
    )

    page.reload()
    expect(karte).to_contain_text("widerrufen")
    expect(karte.get_by_role("link", name="Zertifikat herunterladen (PDF)")).to_have_count(0)
