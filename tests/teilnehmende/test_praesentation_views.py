"""Final presentation pages: permission matrix of every view, upload through the form, the
download view, the trainers' queue and review page."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings
from django.urls import reverse

from kurse.models import Durchgang
from teilnehmende.forms_praesentation import DATEI_FEHLT, TITEL_FEHLT
from teilnehmende.models import Abschlusspraesentation, Begutachtung, Version
from teilnehmende.services_praesentation import begutachtung_beginnen
from tests.hilfen import LOGIN_URL, vier_stufen_pruefen
from tests.kurse.factories import anmelden, person
from tests.teilnehmende.praesentation_hilfen import (
    einreichen,
    entscheiden,
    exe_als_pdf,
    lage_anlegen,
    pdf,
    pptx,
    zip_bombe_pptx,
)

Status = Abschlusspraesentation.Status


@pytest.fixture
def lage(site, trainerin, teilnehmerin, foerderer, redakteurin):
    lage = lage_anlegen(trainerin, teilnehmerin)
    lage |= {"trainerin": trainerin, "teilnehmerin": teilnehmerin, "foerderer": foerderer}
    lage["redakteurin"] = redakteurin
    return lage


def _abgelehnt(lage) -> list:
    """Participant of another cohort, trainer of another cohort, funder, editor."""
    return [
        lage["fremde_teilnehmerin"],
        lage["fremde_trainerin"],
        lage["foerderer"],
        lage["redakteurin"],
    ]


def _formular(**abweichend) -> dict:
    return {
        "titel": "Frühe Hilfen im Verbund",
        "kurzfassung": "Das Jugendamt verbindet Angebote.",
        "datei": pdf(),
        "link": "",
    } | abweichend


def _privat_dateien() -> list[Path]:
    wurzel = Path(settings.PRIVATE_MEDIA_ROOT)
    return [p for p in wurzel.rglob("*") if p.is_file()] if wurzel.exists() else []


# --- Participant page ---------------------------------------------------------------------------


def test_teilnehmendenseite_berechtigungen(client, lage):
    url = reverse("teilnehmende:praesentation", args=[lage["anmeldung"].pk])
    assert url == f"/mein-lernen/praesentation/{lage['anmeldung'].pk}/"
    vier_stufen_pruefen(
        client,
        url,
        # Administrators are superusers: Django grants them every permission.
        erlaubt=[lage["teilnehmerin"], lage["admin"]],
        abgelehnt=[*_abgelehnt(lage), lage["trainerin"]],
    )


def test_einreichen_ueber_das_formular(client, lage, django_capture_on_commit_callbacks):
    client.force_login(lage["teilnehmerin"])
    url = reverse("teilnehmende:praesentation", args=[lage["anmeldung"].pk])
    antwort = client.get(url)
    assert antwort.status_code == 200
    html = antwort.content.decode()
    assert 'enctype="multipart/form-data"' in html
    assert '<label for="id_datei">' in html and 'accept=".pdf,.pptx,.odp"' in html
    assert "noch nicht eingereicht" in html
    with django_capture_on_commit_callbacks(execute=True):
        antwort = client.post(url, _formular(einwilligung_praxisbeispiel="on"), follow=True)
    assert antwort.redirect_chain == [(url, 302)]
    html = antwort.content.decode()
    assert "Version 1 Ihrer Abschlusspräsentation ist eingereicht" in html
    assert "Version 1: Frühe Hilfen im Verbund" in html
    version = Version.objects.get()
    assert version.einwilligung_praxisbeispiel is True
    assert reverse("teilnehmende:version_datei", args=[version.pk]) in html
    assert "/media/" not in html


@pytest.mark.parametrize(
    ("felder", "meldung"),
    [
        ({"datei": exe_als_pdf()}, "Der Inhalt der Datei passt nicht zur Endung „.pdf“"),
        ({"datei": zip_bombe_pptx()}, "Die Datei würde entpackt mehr als 200 MB belegen"),
        ({"datei": pdf("vortrag.exe")}, "Dateien mit der Endung „.exe“ sind nicht erlaubt"),
        ({"datei": ""}, str(DATEI_FEHLT)),
        ({"titel": ""}, str(TITEL_FEHLT)),
        ({"link": "kein link"}, "Bitte geben Sie eine vollständige Internetadresse an"),
    ],
    ids=["exe", "zip-bombe", "endung", "ohne-datei", "ohne-titel", "link"],
)
def test_schlechte_eingaben_zeigen_deutsche_meldung_und_speichern_nichts(
    client, lage, felder, meldung
):
    client.force_login(lage["teilnehmerin"])
    url = reverse("teilnehmende:praesentation", args=[lage["anmeldung"].pk])
    antwort = client.post(url, _formular(**felder))
    assert antwort.status_code == 200
    html = antwort.content.decode()
    assert meldung in html
    assert 'class="fehlerzusammenfassung"' in html
    assert not Abschlusspraesentation.objects.exists() and not Version.objects.exists()
    assert _privat_dateien() == []


def test_zu_grosse_datei_ueber_das_formular(client, lage, settings):
    settings.LERNKETTE_UPLOAD_GRENZEN = {
        **settings.LERNKETTE_UPLOAD_GRENZEN,
        "praesentation": 1024 * 1024,
    }
    from django.core.files.uploadedfile import SimpleUploadedFile

    gross = SimpleUploadedFile("Vortrag.pdf", b"%PDF-1.4\n" + bytes(2 * 1024 * 1024))
    client.force_login(lage["teilnehmerin"])
    url = reverse("teilnehmende:praesentation", args=[lage["anmeldung"].pk])
    html = client.post(url, _formular(datei=gross)).content.decode()
    assert "Erlaubt sind höchstens 1 MB" in html
    assert not Version.objects.exists() and _privat_dateien() == []


def test_waehrend_der_begutachtung_kein_formular(client, lage):
    praes = einreichen(lage["anmeldung"]).praesentation
    begutachtung_beginnen(praesentation=praes)
    client.force_login(lage["teilnehmerin"])
    url = reverse("teilnehmende:praesentation", args=[lage["anmeldung"].pk])
    html = client.get(url).content.decode()
    assert 'name="datei"' not in html and "wird gerade begutachtet" in html
    antwort = client.post(url, _formular(), follow=True)
    assert "wird gerade begutachtet" in antwort.content.decode()
    assert Version.objects.count() == 1


def test_rueckmeldung_und_verlauf_sichtbar(client, lage):
    praes = einreichen(lage["anmeldung"], titel="Fassung 1").praesentation
    entscheiden(praes, lage["trainerin"], lage, "ueberarbeitung", 3, 4, 2, kommentar="Mehr Zahlen!")
    client.force_login(lage["teilnehmerin"])
    url = reverse("teilnehmende:praesentation", args=[lage["anmeldung"].pk])
    html = client.get(url).content.decode()
    assert "Überarbeitung erbeten" in html and "Mehr Zahlen!" in html
    assert "9 von 25 Punkten (Bestehensgrenze: 15)" in html
    assert "Neue Version einreichen" in html
    client.post(url, _formular(titel="Fassung 2"))
    html = client.get(url).content.decode()
    assert "Version 2: Fassung 2" in html and "Version 1: Fassung 1" in html
    assert "Mehr Zahlen!" in html


def test_zurueckziehen_berechtigungen_und_wirkung(client, lage):
    einreichen(lage["anmeldung"])
    url = reverse("teilnehmende:praesentation_zurueckziehen", args=[lage["anmeldung"].pk])
    bestaetigt = {"bestaetigt": "ja"}
    client.post(url, bestaetigt)
    for nutzer in _abgelehnt(lage) + [lage["trainerin"]]:
        client.force_login(nutzer)
        assert client.get(url).status_code == 403
        assert client.post(url, bestaetigt).status_code == 403
    assert Abschlusspraesentation.objects.get().status == Status.EINGEREICHT
    client.logout()
    antwort = client.post(url, bestaetigt)
    assert antwort.status_code == 302 and antwort.url.startswith(LOGIN_URL)
    assert Abschlusspraesentation.objects.get().status == Status.EINGEREICHT
    client.force_login(lage["teilnehmerin"])
    antwort = client.post(url, bestaetigt, follow=True)
    assert "Ihre Abschlusspräsentation ist zurückgezogen" in antwort.content.decode()
    assert Abschlusspraesentation.objects.get().status == Status.ZURUECKGEZOGEN


def test_zurueckziehen_nur_nach_bestaetigung(client, lage):
    """The presentation page only links to the confirmation step; neither the step itself nor a
    POST without the confirmation withdraws anything."""
    einreichen(lage["anmeldung"], titel="Familienbüro im Quartier")
    client.force_login(lage["teilnehmerin"])
    seite = reverse("teilnehmende:praesentation", args=[lage["anmeldung"].pk])
    url = reverse("teilnehmende:praesentation_zurueckziehen", args=[lage["anmeldung"].pk])
    html = client.get(seite).content.decode()
    assert f'action="{url}"' not in html
    assert f'class="button button--zweit button--gefahr" href="{url}"' in html

    for antwort in (client.get(url), client.post(url), client.post(url, {"bestaetigt": "nein"})):
        assert antwort.status_code == 200
        html = antwort.content.decode()
        assert "Abschlusspräsentation „Familienbüro im Quartier“ (Version 1)" in html
        assert 'name="bestaetigt" value="ja"' in html
        assert "button--gefahr" in html and f'href="{seite}"' in html
    assert Abschlusspraesentation.objects.get().status == Status.EINGEREICHT

    antwort = client.post(url, {"bestaetigt": "ja"})
    assert antwort.status_code == 302 and antwort.url == seite
    assert Abschlusspraesentation.objects.get().status == Status.ZURUECKGEZOGEN


def test_zurueckziehen_nicht_mehr_moeglich(client, lage):
    praes = einreichen(lage["anmeldung"]).praesentation
    begutachtung_beginnen(praesentation=praes)
    client.force_login(lage["teilnehmerin"])
    url = reverse("teilnehmende:praesentation_zurueckziehen", args=[lage["anmeldung"].pk])
    html = client.get(url).content.decode()
    assert "Eine Präsentation, die „in Begutachtung“ ist, kann nicht zurückgezogen werden." in html
    assert 'name="bestaetigt"' not in html
    antwort = client.post(url, {"bestaetigt": "ja"}, follow=True)
    assert "kann nicht zurückgezogen werden" in antwort.content.decode()
    assert Abschlusspraesentation.objects.get().status == Status.IN_BEGUTACHTUNG
    seite = reverse("teilnehmende:praesentation", args=[lage["anmeldung"].pk])
    assert url not in client.get(seite).content.decode()


def test_zurueckziehen_ohne_praesentation_404(client, lage):
    client.force_login(lage["teilnehmerin"])
    url = reverse("teilnehmende:praesentation_zurueckziehen", args=[lage["anmeldung"].pk])
    assert client.get(url).status_code == 404


def test_einwilligung_aendern_nur_eigene(client, lage):
    version = einreichen(lage["anmeldung"], einwilligung_praxisbeispiel=True)
    url = reverse("teilnehmende:einwilligung_praxisbeispiel", args=[version.pk])
    antwort = client.post(url, {"einwilligung": "nein"})
    assert antwort.status_code == 302 and antwort.url == f"{LOGIN_URL}?next={quote(url)}"
    for nutzer in [*_abgelehnt(lage), lage["trainerin"]]:
        client.force_login(nutzer)
        assert client.post(url, {"einwilligung": "nein"}).status_code == 403
    assert Version.objects.get().einwilligung_praxisbeispiel is True
    client.force_login(lage["teilnehmerin"])
    antwort = client.post(url, {"einwilligung": "nein"}, follow=True)
    assert "Einwilligung zur Veröffentlichung als Praxisbeispiel ist widerrufen" in (
        antwort.content.decode()
    )
    assert Version.objects.get().einwilligung_praxisbeispiel is False


def test_warteliste_darf_nicht_einreichen(client, lage):
    voll = lage["meiner"]
    voll.kapazitaet = 1
    voll.save()
    wartend = person("wartend")
    anmeldung = anmelden(wartend, voll)
    assert anmeldung.status == "warteliste"
    client.force_login(wartend)
    url = reverse("teilnehmende:praesentation", args=[anmeldung.pk])
    html = client.get(url).content.decode()
    assert "nur Teilnehmende mit bestätigtem Platz" in html and 'name="datei"' not in html
    client.post(url, _formular())
    assert not Version.objects.exists() and _privat_dateien() == []


# --- Download ------------------------------------------------------------------------------------


def test_download_berechtigungen(client, lage):
    version = einreichen(lage["anmeldung"], datei=pdf("../Mein Vortrag.pdf"))
    for name in ("teilnehmende:version_datei", "begutachtung:version_datei"):
        url = reverse(name, args=[version.pk])
        vier_stufen_pruefen(
            client,
            url,
            erlaubt=[lage["teilnehmerin"], lage["trainerin"], lage["admin"]],
            abgelehnt=_abgelehnt(lage),
        )
    client.force_login(lage["trainerin"])
    antwort = client.get(reverse("begutachtung:version_datei", args=[version.pk]))
    assert antwort["Content-Disposition"] == 'attachment; filename="Mein Vortrag.pdf"'
    assert antwort["Content-Type"] == "application/pdf"
    assert antwort["X-Content-Type-Options"] == "nosniff"
    assert "no-cache" in antwort["Cache-Control"] or "no-store" in antwort["Cache-Control"]
    assert b"".join(antwort.streaming_content).startswith(b"%PDF-")


def test_dateien_sind_nicht_unter_media_erreichbar(client, lage):
    version = einreichen(lage["anmeldung"], datei=pptx())
    client.force_login(lage["admin"])
    for pfad in (f"/media/{version.datei.name}", f"/media/praesentationen/{version.datei.name}"):
        assert client.get(pfad).status_code == 404
    assert not Path(settings.MEDIA_ROOT, version.datei.name).exists()


def test_unbekannte_version_404(client, lage):
    client.force_login(lage["admin"])
    assert client.get(reverse("teilnehmende:version_datei", args=[999999])).status_code == 404


# --- Trainer queue and review --------------------------------------------------------------------


def test_begutachtungsliste_berechtigungen(client, lage):
    url = reverse("begutachtung:liste")
    assert url == "/trainer/begutachtungen/"
    vier_stufen_pruefen(
        client,
        url,
        erlaubt=[lage["trainerin"], lage["fremde_trainerin"]],
        abgelehnt=[
            lage["teilnehmerin"],
            lage["fremde_teilnehmerin"],
            lage["foerderer"],
            lage["redakteurin"],
        ],
    )


def test_liste_zeigt_nur_eigene_durchgaenge_aelteste_zuerst(client, lage, trainerin):
    zweite_person = person("zweite")
    zweite = anmelden(zweite_person, lage["meiner"])
    einreichen(lage["anmeldung"], titel="Erste Einreichung")
    einreichen(zweite, titel="Zweite Einreichung")
    einreichen(lage["fremde_anmeldung"], titel="Fremde Einreichung")
    client.force_login(trainerin)
    html = client.get(reverse("begutachtung:liste")).content.decode()
    assert "Fremde Einreichung" not in html
    assert html.index("Erste Einreichung") < html.index("Zweite Einreichung")
    # Filter by state: the reviewed one is open no longer.
    praes = Abschlusspraesentation.objects.get(anmeldung=lage["anmeldung"])
    entscheiden(praes, trainerin, lage, "angenommen")
    html = client.get(reverse("begutachtung:liste")).content.decode()
    assert "Erste Einreichung" not in html and "Zweite Einreichung" in html
    html = client.get(reverse("begutachtung:liste"), {"status": "angenommen"}).content.decode()
    assert "Erste Einreichung" in html and "Zweite Einreichung" not in html
    html = client.get(reverse("begutachtung:liste"), {"status": "alle"}).content.decode()
    assert "Erste Einreichung" in html and "Zweite Einreichung" in html
    # A foreign cohort cannot be chosen as filter.
    antwort = client.get(reverse("begutachtung:liste"), {"durchgang": lage["fremder"].pk})
    assert "Fremde Einreichung" not in antwort.content.decode()
    html = client.get(
        reverse("begutachtung:liste"), {"durchgang": lage["meiner"].pk, "status": "alle"}
    ).content.decode()
    assert "Erste Einreichung" in html


def test_liste_abfragen_wachsen_nicht(client, lage, trainerin, django_assert_max_num_queries):
    Durchgang.objects.filter(pk=lage["meiner"].pk).update(kapazitaet=30)
    for nummer in range(12):
        einreichen(anmelden(person(f"viele{nummer}"), lage["meiner"]), titel=f"Titel {nummer}")
    client.force_login(trainerin)
    with django_assert_max_num_queries(12):
        antwort = client.get(reverse("begutachtung:liste"))
    assert antwort.content.decode().count("Titel ") == 12


def test_begutachtungsseite_berechtigungen(client, lage):
    praes = einreichen(lage["anmeldung"]).praesentation
    url = reverse("begutachtung:begutachtung", args=[praes.pk])
    vier_stufen_pruefen(
        client,
        url,
        erlaubt=[lage["trainerin"], lage["admin"]],
        abgelehnt=[*_abgelehnt(lage), lage["teilnehmerin"]],
    )
    beginnen = reverse("begutachtung:beginnen", args=[praes.pk])
    for nutzer in [*_abgelehnt(lage), lage["teilnehmerin"]]:
        client.force_login(nutzer)
        assert client.post(beginnen).status_code == 403
    client.logout()
    assert client.post(beginnen).status_code == 302
    assert Abschlusspraesentation.objects.get().status == Status.EINGEREICHT


def test_begutachtung_ueber_die_seite(client, lage, trainerin, django_capture_on_commit_callbacks):
    from django.core import mail

    praes = einreichen(lage["anmeldung"], titel="Fassung 1").praesentation
    entscheiden(praes, trainerin, lage, "ueberarbeitung", 2, 2, 2, kommentar="Erste Rückmeldung")
    einreichen(lage["anmeldung"], titel="Fassung 2")
    client.force_login(trainerin)
    url = reverse("begutachtung:begutachtung", args=[praes.pk])
    html = client.get(url).content.decode()
    assert "Aktuelle Version" in html and "Version 2: Fassung 2" in html
    assert "Frühere Versionen" in html and "Erste Rückmeldung" in html
    assert "Begutachtung beginnen" in html and 'name="kommentar"' not in html
    client.post(reverse("begutachtung:beginnen", args=[praes.pk]))
    html = client.get(url).content.decode()
    kriterien = lage["kriterien"]
    for k in kriterien:
        assert f'<label for="id_kriterium_{k.pk}">' in html
    # Below the pass mark: refused with the German message, nothing stored.
    felder = {f"kriterium_{k.pk}": 4 for k in kriterien} | {
        "kommentar": "Gut gemacht.",
        "entscheidung": "angenommen",
    }
    html = client.post(url, felder).content.decode()
    assert "Mit 12 von 25 Punkten ist die Bestehensgrenze von 15 Punkten nicht erreicht." in html
    assert Begutachtung.objects.count() == 1
    html = client.post(url, felder | {f"kriterium_{kriterien[0].pk}": 11}).content.decode()
    assert "Für „Problemanalyse“ sind 0 bis 10 Punkte möglich." in html
    assert Begutachtung.objects.count() == 1
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        antwort = client.post(url, felder | {f"kriterium_{kriterien[0].pk}": 10}, follow=True)
    assert "Die Präsentation ist angenommen" in antwort.content.decode()
    assert Abschlusspraesentation.objects.get().status == Status.ANGENOMMEN
    letzte = Begutachtung.objects.get(version__nummer=2)
    assert (letzte.punkte, letzte.gutachter) == (18, trainerin)
    assert [m.to for m in mail.outbox] == [[lage["teilnehmerin"].email]]


def test_begutachtungsseite_abfragen(client, lage, trainerin, django_assert_max_num_queries):
    praes = einreichen(lage["anmeldung"]).praesentation
    for runde in range(3):
        entscheiden(praes, trainerin, lage, "ueberarbeitung", 1, 1, runde)
        einreichen(lage["anmeldung"])
    client.force_login(trainerin)
    with django_assert_max_num_queries(16):
        assert client.get(reverse("begutachtung:begutachtung", args=[praes.pk])).status_code == 200


def test_mein_lernen_verlinkt_die_praesentation(client, lage, django_assert_max_num_queries):
    client.force_login(lage["teilnehmerin"])
    url = reverse("teilnehmende:praesentation", args=[lage["anmeldung"].pk])
    html = client.get(reverse("kurse:mein_lernen")).content.decode()
    assert url in html and "noch nicht eingereicht" in html
    einreichen(lage["anmeldung"])
    html = client.get(reverse("kurse:mein_lernen")).content.decode()
    assert "Abschlusspräsentation:" in html and "<strong>eingereicht</strong>" in html


def test_trainerbereich_verlinkt_die_begutachtungen(client, lage, trainerin):
    client.force_login(trainerin)
    html = client.get(reverse("kurse:trainer_start")).content.decode()
    assert reverse("begutachtung:liste") in html


def test_teilnehmendenseite_abfragen(client, lage, django_assert_max_num_queries):
    praes = einreichen(lage["anmeldung"]).praesentation
    for runde in range(3):
        entscheiden(praes, lage["trainerin"], lage, "ueberarbeitung", 1, 1, runde)
        einreichen(lage["anmeldung"])
    client.force_login(lage["teilnehmerin"])
    url = reverse("teilnehmende:praesentation", args=[lage["anmeldung"].pk])
    with django_assert_max_num_queries(16):
        html = client.get(url).content.decode()
    assert html.count("Begutachtung: Überarbeitung erbeten") == 3


def test_nutzer_ohne_rolle_bekommt_403(client, lage, django_user_model):
    ohne = django_user_model.objects.create_user(username="ohne", email="ohne@test.example")
    client.force_login(ohne)
    praes = einreichen(lage["anmeldung"]).praesentation
    version = praes.versionen.get()
    for url in (
        reverse("begutachtung:liste"),
        reverse("begutachtung:begutachtung", args=[praes.pk]),
        reverse("teilnehmende:praesentation", args=[lage["anmeldung"].pk]),
        reverse("teilnehmende:version_datei", args=[version.pk]),
    ):
        assert client.get(url).status_code == 403, url


def test_administration_sieht_alle_durchgaenge_in_der_liste(client, lage):
    einreichen(lage["anmeldung"], titel="Meine Einreichung")
    einreichen(lage["fremde_anmeldung"], titel="Fremde Einreichung")
    client.force_login(lage["admin"])
    html = client.get(reverse("begutachtung:liste")).content.decode()
    assert "Meine Einreichung" in html and "Fremde Einreichung" in html
