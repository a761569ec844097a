"""Final presentation: state machine, history across revision rounds, nothing left on bad input,
mails, the signal for certificates, the good-practice handover and the certificate selector."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.core.exceptions import ValidationError

from cms.models import HomePage, Praxisbeispiel, PraxisbeispielIndex
from cms.services import praxisbeispiel_index_sicherstellen
from teilnehmende import dateipruefung
from teilnehmende.models import (
    Abschlusspraesentation,
    Anmeldung,
    Begutachtung,
    Punktwert,
    Version,
)
from teilnehmende.selectors import praesentation_angenommen
from teilnehmende.services import anmeldung_stornieren
from teilnehmende.services_praesentation import (
    BEGINNEN_NICHT_MOEGLICH,
    EINREICHEN_OHNE_PLATZ,
    ENTSCHEIDUNG_NICHT_MOEGLICH,
    GRENZE_NICHT_ERREICHT,
    KOMMENTAR_FEHLT,
    PUNKTE_FEHLEN,
    PUNKTE_UNGUELTIG,
    RASTER_FEHLT,
    VERSION_NACH_ANNAHME,
    VERSION_WAEHREND_BEGUTACHTUNG,
    ZURUECKZIEHEN_NICHT_MOEGLICH,
    begutachtung_beginnen,
    begutachtung_entscheiden,
    einwilligung_praxisbeispiel_aendern,
    praesentation_zurueckziehen,
)
from teilnehmende.signals import abschlusspraesentation_angenommen
from tests.teilnehmende.praesentation_hilfen import (
    einreichen,
    entscheiden,
    exe_als_pdf,
    lage_anlegen,
    pdf,
    punkte,
    zip_bombe_pptx,
)

Status = Abschlusspraesentation.Status
ANNEHMEN = Begutachtung.Entscheidung.ANGENOMMEN
UEBERARBEITEN = Begutachtung.Entscheidung.UEBERARBEITUNG


@pytest.fixture
def lage(site, trainerin, teilnehmerin):
    return lage_anlegen(trainerin, teilnehmerin)


@pytest.fixture
def praxis_index(site):
    return praxisbeispiel_index_sicherstellen(home=HomePage.objects.get(), titel="Praxisbeispiele")


def _dateien() -> list[Path]:
    wurzel = Path(settings.PRIVATE_MEDIA_ROOT)
    return [p for p in wurzel.rglob("*") if p.is_file()] if wurzel.exists() else []


def _meldungen(aufruf) -> list[str]:
    with pytest.raises(ValidationError) as fehler:
        aufruf()
    return fehler.value.messages


def _praes(lage) -> Abschlusspraesentation:
    return Abschlusspraesentation.objects.get(anmeldung=lage["anmeldung"])


# --- Submitting --------------------------------------------------------------------------------


def test_erste_version_wird_gespeichert_und_ist_privat(
    lage, trainerin, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        version = einreichen(lage["anmeldung"], datei=pdf("../../geheim/Mein Vortrag.pdf"))
    praes = version.praesentation
    assert praes.status == Status.EINGEREICHT and version.nummer == 1
    assert version.dateiname == "Mein Vortrag.pdf" and version.dateityp == "pdf"
    pfad = Path(version.datei.path)
    assert pfad.is_relative_to(Path(settings.PRIVATE_MEDIA_ROOT))
    assert not pfad.is_relative_to(Path(settings.MEDIA_ROOT))
    assert "Vortrag" not in pfad.name and pfad.read_bytes().startswith(b"%PDF-")
    with pytest.raises(ValueError):
        version.datei.url  # noqa: B018 - private storage has no URL
    # The cohort's trainer (and nobody else) gets an e-mail.
    assert [m.to for m in mail.outbox] == [[trainerin.email]]
    assert "Frühe Hilfen im Verbund" in mail.outbox[0].body
    assert f"/trainer/begutachtungen/{praes.pk}/" in mail.outbox[0].body


@pytest.mark.parametrize(
    "boese",
    [exe_als_pdf, zip_bombe_pptx, lambda: pdf("vortrag.exe")],
    ids=["exe", "zip-bombe", "endung"],
)
def test_schlechte_datei_hinterlaesst_nichts(lage, boese):
    with pytest.raises(ValidationError):
        einreichen(lage["anmeldung"], datei=boese())
    assert not Abschlusspraesentation.objects.exists()
    assert not Version.objects.exists()
    assert _dateien() == []
    assert mail.outbox == []


def test_ungueltige_felder_hinterlassen_nichts(lage):
    with pytest.raises(ValidationError) as fehler:
        einreichen(lage["anmeldung"], titel="x" * 201)
    assert "titel" in fehler.value.message_dict
    with pytest.raises(ValidationError) as fehler:
        einreichen(lage["anmeldung"], link="kein link")
    assert "link" in fehler.value.message_dict
    assert not Abschlusspraesentation.objects.exists() and _dateien() == []


def test_datei_wird_entfernt_wenn_das_speichern_scheitert(lage, monkeypatch):
    def kaputt(self, *args, **kwargs):
        raise RuntimeError("Datenbank weg")

    monkeypatch.setattr(Version, "save", kaputt)
    with pytest.raises(RuntimeError):
        einreichen(lage["anmeldung"])
    monkeypatch.undo()
    assert _dateien() == []
    assert not Abschlusspraesentation.objects.exists()


def test_ohne_platz_kein_einreichen(lage):
    anmeldung_stornieren(anmeldung=lage["anmeldung"])
    anmeldung = Anmeldung.objects.get(pk=lage["anmeldung"].pk)
    assert _meldungen(lambda: einreichen(anmeldung)) == [str(EINREICHEN_OHNE_PLATZ)]
    assert _dateien() == []


# --- State machine: every allowed and every refused transition --------------------------------


def test_neue_version_vor_beginn_der_begutachtung(lage):
    einreichen(lage["anmeldung"], titel="Erster Entwurf")
    zweite = einreichen(lage["anmeldung"], titel="Zweiter Entwurf")
    assert zweite.nummer == 2 and zweite.praesentation.status == Status.EINGEREICHT
    assert list(Version.objects.values_list("titel", flat=True).order_by("nummer")) == [
        "Erster Entwurf",
        "Zweiter Entwurf",
    ]


def test_keine_neue_version_waehrend_der_begutachtung(lage):
    praes = einreichen(lage["anmeldung"]).praesentation
    begutachtung_beginnen(praesentation=praes)
    assert _meldungen(lambda: einreichen(lage["anmeldung"])) == [
        "Ihre Präsentation wird gerade begutachtet. Eine neue Version können Sie erst einreichen, "
        "wenn eine Überarbeitung erbeten wurde."
    ]
    assert str(VERSION_WAEHREND_BEGUTACHTUNG).startswith("Ihre Präsentation wird")
    assert Version.objects.count() == 1 and len(_dateien()) == 1


def test_keine_neue_version_nach_annahme(lage, trainerin):
    praes = einreichen(lage["anmeldung"]).praesentation
    entscheiden(praes, trainerin, lage, ANNEHMEN)
    assert _meldungen(lambda: einreichen(lage["anmeldung"])) == [str(VERSION_NACH_ANNAHME)]
    assert str(VERSION_NACH_ANNAHME) == (
        "Ihre Präsentation ist bereits angenommen. Eine neue Version ist nicht mehr möglich."
    )


def test_beginnen_nur_aus_eingereicht(lage, trainerin):
    praes = einreichen(lage["anmeldung"]).praesentation
    begutachtung_beginnen(praesentation=praes)
    assert _praes(lage).status == Status.IN_BEGUTACHTUNG
    for status, text in [
        (Status.IN_BEGUTACHTUNG, "in Begutachtung"),
        (Status.UEBERARBEITUNG_ERBETEN, "Überarbeitung erbeten"),
        (Status.ANGENOMMEN, "angenommen"),
        (Status.ZURUECKGEZOGEN, "zurückgezogen"),
    ]:
        Abschlusspraesentation.objects.filter(pk=praes.pk).update(status=status)
        assert _meldungen(lambda: begutachtung_beginnen(praesentation=praes)) == [
            "Die Begutachtung kann nur für eine eingereichte Präsentation beginnen; diese ist "
            f"„{text}“."
        ]
    assert str(BEGINNEN_NICHT_MOEGLICH).startswith("Die Begutachtung kann nur")


def test_entscheiden_nur_in_begutachtung(lage, trainerin):
    praes = einreichen(lage["anmeldung"]).praesentation
    for status, text in [
        (Status.EINGEREICHT, "eingereicht"),
        (Status.UEBERARBEITUNG_ERBETEN, "Überarbeitung erbeten"),
        (Status.ANGENOMMEN, "angenommen"),
        (Status.ZURUECKGEZOGEN, "zurückgezogen"),
    ]:
        Abschlusspraesentation.objects.filter(pk=praes.pk).update(status=status)
        meldungen = _meldungen(
            lambda: begutachtung_entscheiden(
                praesentation=praes,
                gutachter=trainerin,
                entscheidung=ANNEHMEN,
                punkte=punkte(lage, 10, 10, 5),
                kommentar="Gut.",
            )
        )
        assert meldungen == [str(ENTSCHEIDUNG_NICHT_MOEGLICH % {"status": text})]
    assert not Begutachtung.objects.exists()


def test_zurueckziehen_erlaubt_und_abgelehnt(lage, trainerin):
    praes = einreichen(lage["anmeldung"]).praesentation
    assert praesentation_zurueckziehen(praesentation=praes).status == Status.ZURUECKGEZOGEN
    # A withdrawn presentation starts again with a new version.
    zweite = einreichen(lage["anmeldung"], titel="Neu")
    assert zweite.nummer == 2 and _praes(lage).status == Status.EINGEREICHT
    begutachtung_beginnen(praesentation=praes)
    assert _meldungen(lambda: praesentation_zurueckziehen(praesentation=praes)) == [
        "Eine Präsentation, die „in Begutachtung“ ist, kann nicht zurückgezogen werden."
    ]
    begutachtung_entscheiden(
        praesentation=praes,
        gutachter=trainerin,
        entscheidung=UEBERARBEITEN,
        punkte=punkte(lage, 3, 3, 3),
        kommentar="Bitte ergänzen.",
    )
    assert praesentation_zurueckziehen(praesentation=praes).status == Status.ZURUECKGEZOGEN
    assert _meldungen(lambda: praesentation_zurueckziehen(praesentation=praes)) == [
        str(ZURUECKZIEHEN_NICHT_MOEGLICH % {"status": "zurückgezogen"})
    ]
    einreichen(lage["anmeldung"])
    entscheiden(_praes(lage), trainerin, lage, ANNEHMEN)
    assert _meldungen(lambda: praesentation_zurueckziehen(praesentation=praes)) == [
        str(ZURUECKZIEHEN_NICHT_MOEGLICH % {"status": "angenommen"})
    ]


# --- Rubric ------------------------------------------------------------------------------------


def test_annehmen_braucht_die_bestehensgrenze(lage, trainerin):
    praes = einreichen(lage["anmeldung"]).praesentation
    begutachtung_beginnen(praesentation=praes)
    meldungen = _meldungen(
        lambda: begutachtung_entscheiden(
            praesentation=praes,
            gutachter=trainerin,
            entscheidung=ANNEHMEN,
            punkte=punkte(lage, 5, 5, 4),
            kommentar="Knapp.",
        )
    )
    assert meldungen == [
        "Mit 14 von 25 Punkten ist die Bestehensgrenze von 15 Punkten nicht erreicht. Bitte "
        "erbitten Sie eine Überarbeitung."
    ]
    assert str(GRENZE_NICHT_ERREICHT).startswith("Mit %(punkte)s")
    assert not Begutachtung.objects.exists() and _praes(lage).status == Status.IN_BEGUTACHTUNG
    begutachtung = begutachtung_entscheiden(
        praesentation=praes,
        gutachter=trainerin,
        entscheidung=ANNEHMEN,
        punkte=punkte(lage, 5, 5, 5),
        kommentar="Bestanden.",
    )
    assert (begutachtung.punkte, begutachtung.max_punkte, begutachtung.bestehensgrenze) == (
        15,
        25,
        15,
    )


def test_punkte_und_kommentar_werden_geprueft(lage, trainerin):
    praes = einreichen(lage["anmeldung"]).praesentation
    begutachtung_beginnen(praesentation=praes)
    k = lage["kriterien"]
    meldungen = _meldungen(
        lambda: begutachtung_entscheiden(
            praesentation=praes,
            gutachter=trainerin,
            entscheidung=UEBERARBEITEN,
            punkte={k[0].pk: 11, k[1].pk: -1},
            kommentar="  ",
        )
    )
    assert meldungen == [
        str(PUNKTE_UNGUELTIG % {"kriterium": "Problemanalyse", "max": 10}),
        str(PUNKTE_UNGUELTIG % {"kriterium": "Vernetzung", "max": 10}),
        str(PUNKTE_FEHLEN % {"kriterium": "Präsentation"}),
        str(KOMMENTAR_FEHLT),
    ]
    assert meldungen[0] == "Für „Problemanalyse“ sind 0 bis 10 Punkte möglich."
    assert not Begutachtung.objects.exists() and not Punktwert.objects.exists()


def test_ohne_raster_keine_entscheidung(lage, trainerin):
    lage["raster"].delete()
    praes = einreichen(lage["anmeldung"]).praesentation
    begutachtung_beginnen(praesentation=praes)
    assert _meldungen(
        lambda: begutachtung_entscheiden(
            praesentation=praes,
            gutachter=trainerin,
            entscheidung=ANNEHMEN,
            punkte={},
            kommentar="Gut.",
        )
    ) == [str(RASTER_FEHLT)]


def test_raster_aenderung_schreibt_die_geschichte_nicht_um(lage, trainerin):
    praes = einreichen(lage["anmeldung"]).praesentation
    entscheiden(praes, trainerin, lage, UEBERARBEITEN, 2, 2, 2)
    kriterium = lage["kriterien"][0]
    kriterium.titel, kriterium.max_punkte = "Analyse (neu)", 20
    kriterium.save()
    werte = list(Punktwert.objects.values_list("titel", "max_punkte", "punkte"))
    assert werte == [("Problemanalyse", 10, 2), ("Vernetzung", 10, 2), ("Präsentation", 5, 2)]


# --- History across three revision rounds -------------------------------------------------------


def test_verlauf_bleibt_ueber_drei_ueberarbeitungsrunden(
    lage, trainerin, django_capture_on_commit_callbacks
):
    anmeldung = lage["anmeldung"]
    with django_capture_on_commit_callbacks(execute=True):
        for runde in range(1, 4):
            einreichen(anmeldung, titel=f"Fassung {runde}")
            entscheiden(
                _praes(lage),
                trainerin,
                lage,
                UEBERARBEITEN,
                runde,
                runde,
                1,
                kommentar=f"Rückmeldung {runde}",
            )
            assert _praes(lage).status == Status.UEBERARBEITUNG_ERBETEN
        einreichen(anmeldung, titel="Fassung 4")
        entscheiden(_praes(lage), trainerin, lage, ANNEHMEN, 9, 9, 5, kommentar="Angenommen.")

    versionen = list(Version.objects.filter(praesentation__anmeldung=anmeldung).order_by("nummer"))
    assert [v.nummer for v in versionen] == [1, 2, 3, 4]
    assert [v.titel for v in versionen] == ["Fassung 1", "Fassung 2", "Fassung 3", "Fassung 4"]
    assert [v.begutachtung.kommentar for v in versionen] == [
        "Rückmeldung 1",
        "Rückmeldung 2",
        "Rückmeldung 3",
        "Angenommen.",
    ]
    assert [v.begutachtung.punkte for v in versionen] == [3, 5, 7, 23]
    assert all(Path(v.datei.path).is_file() for v in versionen)
    assert len({v.datei.name for v in versionen}) == 4
    assert Punktwert.objects.count() == 12
    assert _praes(lage).status == Status.ANGENOMMEN
    # Mails: 4 × trainer on submission, 4 × participant on decision.
    betreffe = [m.subject for m in mail.outbox]
    assert sum("Neue Abschlusspräsentation" in b for b in betreffe) == 4
    assert sum("Bitte überarbeiten Sie" in b for b in betreffe) == 3
    assert sum("ist angenommen" in b for b in betreffe) == 1
    assert mail.outbox[-1].to == [anmeldung.nutzer.email]
    assert "23 von 25 Punkten" in mail.outbox[-1].body


# --- Acceptance: signal, certificate selector, good-practice handover ------------------------


def test_annahme_sendet_signal_nach_dem_commit(lage, trainerin, django_capture_on_commit_callbacks):
    empfangen = []

    def empfaenger(sender, praesentation, anmeldung, **kwargs):
        empfangen.append(anmeldung.pk)

    abschlusspraesentation_angenommen.connect(empfaenger)
    try:
        praes = einreichen(lage["anmeldung"]).praesentation
        with django_capture_on_commit_callbacks(execute=True):
            entscheiden(praes, trainerin, lage, UEBERARBEITEN, 1, 1, 1)
        assert empfangen == []
        einreichen(lage["anmeldung"])
        with django_capture_on_commit_callbacks(execute=False) as rueckrufe:
            entscheiden(_praes(lage), trainerin, lage, ANNEHMEN)
        assert empfangen == []  # not before the commit
        for rueckruf in rueckrufe:
            rueckruf()
        assert empfangen == [lage["anmeldung"].pk]
    finally:
        abschlusspraesentation_angenommen.disconnect(empfaenger)


def test_praesentation_angenommen_selektor(lage, trainerin):
    anmeldung = lage["anmeldung"]
    assert praesentation_angenommen(anmeldung) == (
        False,
        "Es wurde noch keine Abschlusspräsentation eingereicht.",
    )
    praes = einreichen(anmeldung, titel="Fassung 1").praesentation
    assert praesentation_angenommen(anmeldung) == (
        False,
        "Die Abschlusspräsentation ist noch nicht angenommen (Stand: eingereicht).",
    )
    entscheiden(praes, trainerin, lage, UEBERARBEITEN, 1, 1, 1)
    assert praesentation_angenommen(anmeldung) == (
        False,
        "Die Abschlusspräsentation ist noch nicht angenommen (Stand: Überarbeitung erbeten).",
    )
    einreichen(anmeldung, titel="Fassung 2")
    entscheiden(_praes(lage), trainerin, lage, ANNEHMEN)
    assert praesentation_angenommen(anmeldung) == (
        True,
        "Die Abschlusspräsentation „Fassung 2“ (Version 2) ist angenommen.",
    )
    assert praesentation_angenommen(lage["fremde_anmeldung"])[0] is False


def test_annahme_mit_einwilligung_bereitet_entwurf_vor(lage, trainerin, praxis_index):
    praes = einreichen(
        lage["anmeldung"],
        titel="Frühe Hilfen im Verbund",
        kurzfassung="Erster Absatz.\n\nZweiter Absatz.",
        link="https://datteln.example/fruehe-hilfen",
        einwilligung_praxisbeispiel=True,
    ).praesentation
    assert not Praxisbeispiel.objects.exists()  # only on acceptance
    entscheiden(praes, trainerin, lage, ANNEHMEN)
    praes = _praes(lage)
    seite = praes.praxisbeispiel
    assert seite is not None and seite.live is False
    assert seite.title == "Frühe Hilfen im Verbund"
    assert seite.kommune.name == "Datteln" and seite.kommune.kreis.schluessel == "05562"
    assert seite.quelle_url == "https://datteln.example/fruehe-hilfen"
    assert str(seite.inhalt[0].value) == "<p>Erster Absatz.</p><p>Zweiter Absatz.</p>"

    # Revoking the consent removes the page; giving it again prepares a new draft.
    version = praes.versionen.get()
    einwilligung_praxisbeispiel_aendern(version=version, erteilt=False)
    assert not Praxisbeispiel.objects.exists() and _praes(lage).praxisbeispiel is None
    assert Version.objects.get(pk=version.pk).einwilligung_geaendert_am is not None
    einwilligung_praxisbeispiel_aendern(version=version, erteilt=True)
    assert Praxisbeispiel.objects.count() == 1 and _praes(lage).praxisbeispiel is not None


def test_annahme_ohne_einwilligung_kein_entwurf(lage, trainerin, praxis_index):
    praes = einreichen(lage["anmeldung"]).praesentation
    entscheiden(praes, trainerin, lage, ANNEHMEN)
    assert not Praxisbeispiel.objects.exists()


def test_einwilligung_fuer_nicht_angenommene_version_erzeugt_keinen_entwurf(
    lage, trainerin, praxis_index
):
    version = einreichen(lage["anmeldung"])
    einwilligung_praxisbeispiel_aendern(version=version, erteilt=True)
    assert Version.objects.get(pk=version.pk).einwilligung_praxisbeispiel is True
    assert not Praxisbeispiel.objects.exists()


def test_ohne_bibliothek_gilt_die_annahme_trotzdem(lage, trainerin):
    praes = einreichen(lage["anmeldung"], einwilligung_praxisbeispiel=True).praesentation
    PraxisbeispielIndex.objects.all().delete()
    entscheiden(praes, trainerin, lage, ANNEHMEN)
    assert _praes(lage).status == Status.ANGENOMMEN and _praes(lage).praxisbeispiel is None


def test_speichername_kommt_nicht_vom_nutzer(lage):
    version = einreichen(lage["anmeldung"], datei=pdf("../../../etc/passwd.pdf"))
    assert ".." not in version.datei.name and "passwd" not in version.datei.name
    assert version.datei.name.endswith(".pdf")
    assert dateipruefung.FORMATE["pdf"][1] == "application/pdf"
