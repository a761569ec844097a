"""The accessibility statement (BITV NRW): editable page with a feedback form that stores and
e-mails each message."""

from __future__ import annotations

import pytest
from django.core import mail
from wagtail.contrib.forms.models import FormSubmission
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from cms.forms import EMAIL_UNGUELTIG, FELD_FEHLT, NACHRICHTENFELD_FEHLT, TEXT_ZU_LANG
from cms.models import BarrierefreiheitSeite, StandardSeite

URL = "/barrierefreiheit/"


@pytest.fixture
def erklaerung(site):
    return BarrierefreiheitSeite.objects.get(slug="barrierefreiheit")


def test_demo_legt_erklaerung_als_formularseite_an(site, erklaerung):
    assert erklaerung.live
    assert erklaerung.stand.isoformat() == "2026-11-22"
    assert erklaerung.to_address == "barrierefreiheit@lernkette.example"
    assert [f.clean_name for f in erklaerung.form_fields.all()] == [
        "name",
        "email",
        "nachricht",
        "seite",
    ]
    assert StandardSeite.objects.get(slug="leichte-sprache").live


def test_seite_zeigt_erklaerung_stand_und_formular(client, erklaerung):
    html = client.get(URL).content.decode()
    assert "<h1>Erklärung zur Barrierefreiheit</h1>" in html
    assert '<time datetime="2026-11-22">22. November 2026</time>' in html
    assert "Ombudsstelle" in html
    assert 'name="nachricht"' in html and 'name="email"' in html and 'name="seite"' in html
    assert '<textarea name="nachricht"' in html and "required" in html


def test_rueckmeldung_wird_gespeichert_und_gemailt(
    client, erklaerung, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        antwort = client.post(
            URL,
            {
                "name": "Erika Muster",
                "email": "erika@beispiel.de",
                "nachricht": "Der Kontrast im Kopf ist zu schwach.",
                "seite": "/mein-lernen/",
            },
        )
    assert antwort.status_code == 200
    assert "Vielen Dank für Ihre Rückmeldung" in antwort.content.decode()
    einsendung = FormSubmission.objects.get(page=erklaerung)
    assert einsendung.form_data == {
        "name": "Erika Muster",
        "email": "erika@beispiel.de",
        "nachricht": "Der Kontrast im Kopf ist zu schwach.",
        "seite": "/mein-lernen/",
    }
    assert len(mail.outbox) == 1
    nachricht = mail.outbox[0]
    assert nachricht.to == ["barrierefreiheit@lernkette.example"]
    assert nachricht.subject == "Rückmeldung zur Barrierefreiheit"
    assert nachricht.reply_to == ["erika@beispiel.de"]
    assert "Ihre Nachricht: Der Kontrast im Kopf ist zu schwach." in nachricht.body
    assert "Seite, auf der die Barriere auftritt: /mein-lernen/" in nachricht.body


def test_anonyme_rueckmeldung_nur_mit_nachricht(
    client, erklaerung, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(URL, {"nachricht": "Ein Video hat keine Untertitel."})
    assert FormSubmission.objects.filter(page=erklaerung).count() == 1
    assert mail.outbox[0].reply_to == []
    assert "Ihr Name: –" in mail.outbox[0].body


def test_ohne_empfaenger_wird_nur_gespeichert(
    client, erklaerung, django_capture_on_commit_callbacks
):
    erklaerung.to_address = ""
    erklaerung.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(URL, {"nachricht": "Ein Video hat keine Untertitel."})
    assert FormSubmission.objects.filter(page=erklaerung).count() == 1
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("daten", "feld", "fehler"),
    [
        ({"nachricht": ""}, "nachricht", FELD_FEHLT),
        ({"nachricht": "   "}, "nachricht", FELD_FEHLT),
        ({"nachricht": "Text", "email": "keine-adresse"}, "email", EMAIL_UNGUELTIG),
        ({"nachricht": "x" * 5001}, "nachricht", TEXT_ZU_LANG % {"limit_value": 5000}),
    ],
)
def test_falsche_eingaben_deutsche_fehler_und_nichts_gespeichert(
    client, erklaerung, django_capture_on_commit_callbacks, daten, feld, fehler
):
    with django_capture_on_commit_callbacks(execute=True):
        antwort = client.post(URL, daten)
    assert antwort.status_code == 200
    form = antwort.context["form"]
    assert form.errors[feld] == [str(fehler)]
    html = antwort.content.decode()
    assert "Bitte prüfen Sie Ihre Angaben" in html
    assert f'href="#id_{feld}"' in html
    assert (
        'aria-invalid="true"' in html
        and f'aria-describedby="id_{feld}_helptext id_{feld}_error"' in html
    )
    assert FormSubmission.objects.count() == 0
    assert mail.outbox == []


def test_seitenfeld_wird_aus_herkunft_vorbelegt(client, erklaerung):
    antwort = client.get(URL, headers={"referer": "http://testserver/mein-lernen/"})
    assert antwort.context["form"]["seite"].value() == "http://testserver/mein-lernen/"
    antwort = client.get(URL, headers={"referer": "https://fremd.example/"})
    assert not antwort.context["form"]["seite"].value()
    antwort = client.get(URL, headers={"referer": "http://testserver/barrierefreiheit/"})
    assert not antwort.context["form"]["seite"].value()
    antwort = client.get(URL + "?seite=/konto/login/")
    assert antwort.context["form"]["seite"].value() == "/konto/login/"


def _bearbeiten_daten(seite: BarrierefreiheitSeite, felder: list[dict]) -> dict:
    return nested_form_data(
        {
            "title": seite.title,
            "slug": seite.slug,
            "stand": "2027-01-15",
            "inhalt": streamfield([("text", rich_text("<p>Geänderte Erklärung.</p>"))]),
            "form_fields": inline_formset(felder, initial=len(felder)),
            "danke_text": rich_text(""),
            "to_address": seite.to_address,
            "from_address": "",
            "subject": seite.subject,
        }
    )


def _felder(seite, loeschen: str = "") -> list[dict]:
    return [
        {
            "id": f.pk,
            "label": f.label,
            "help_text": f.help_text,
            "required": "on" if f.required else "",
            "field_type": f.field_type,
            "choices": "",
            "default_value": "",
            "DELETE": "1" if f.clean_name == loeschen else "",
        }
        for f in seite.form_fields.all()
    ]


def test_redaktion_bearbeitet_erklaerung(client, administratorin, erklaerung):
    client.force_login(administratorin)
    daten = _bearbeiten_daten(erklaerung, _felder(erklaerung))
    daten["action-publish"] = "action-publish"
    antwort = client.post(f"/cms-admin/pages/{erklaerung.pk}/edit/", daten)
    assert antwort.status_code == 302, antwort.context["form"].errors
    erklaerung.refresh_from_db()
    assert erklaerung.stand.isoformat() == "2027-01-15"
    assert erklaerung.form_fields.count() == 4
    assert "Geänderte Erklärung." in client.get(URL).content.decode()


def test_rueckmeldekanal_laesst_sich_nicht_entfernen(client, administratorin, erklaerung):
    client.force_login(administratorin)
    daten = _bearbeiten_daten(erklaerung, _felder(erklaerung, loeschen="nachricht"))
    daten["action-publish"] = "action-publish"
    antwort = client.post(f"/cms-admin/pages/{erklaerung.pk}/edit/", daten)
    assert antwort.status_code == 200
    assert antwort.context["form"].non_field_errors() == [str(NACHRICHTENFELD_FEHLT)]
    assert str(NACHRICHTENFELD_FEHLT) in antwort.content.decode()
    assert erklaerung.form_fields.count() == 4
    erklaerung.refresh_from_db()
    assert erklaerung.stand.isoformat() == "2026-11-22"


def test_nur_die_redaktion_sieht_die_rueckmeldungen(
    client, erklaerung, redakteurin, teilnehmerin, trainerin, foerderer
):
    client.post(URL, {"nachricht": "Der Sprunglink fehlt auf der Druckansicht."})
    liste = f"/cms-admin/forms/submissions/{erklaerung.pk}/"
    antwort = client.get(liste)
    assert antwort.status_code == 302
    assert antwort.url == f"/cms-admin/login/?next={liste}"
    for nutzer in (teilnehmerin, trainerin, foerderer):
        client.force_login(nutzer)
        antwort = client.get(liste)
        # Wagtail sends users without admin access to its own login page.
        assert antwort.status_code == 302, nutzer.email
        assert antwort.url == f"/cms-admin/login/?next={liste}", nutzer.email
    client.force_login(redakteurin)
    antwort = client.get(liste)
    assert antwort.status_code == 200
    assert "Der Sprunglink fehlt auf der Druckansicht." in antwort.content.decode()


def test_demo_ersetzt_alte_erklaerung_als_inhaltsseite(db):
    from io import StringIO

    from cms import demo
    from cms.services import startseite_sicherstellen, unterseite_sicherstellen

    home = startseite_sicherstellen(titel="Lernkette")
    unterseite_sicherstellen(eltern=home, model=StandardSeite, slug="barrierefreiheit", title="Alt")
    demo.anlegen(StringIO())
    demo.anlegen(StringIO())
    seite = BarrierefreiheitSeite.objects.get(slug="barrierefreiheit")
    assert seite.title == "Erklärung zur Barrierefreiheit"
    assert not StandardSeite.objects.filter(slug="barrierefreiheit").exists()
