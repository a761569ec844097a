"""Course and module overviews are public; lesson bodies only for whom the rule allows."""

import pytest
from django.urls import reverse
from wagtail.rich_text import RichText

from kern import rollen
from kurse.models import KursIndexSeite, KursSeite, LektionSeite, ModulSeite
from teilnehmende.models import Anmeldung
from tests.hilfen import vier_stufen_pruefen
from tests.kurse.factories import anmelden, durchgang_fuer, kurs_anlegen, person


@pytest.fixture
def kurs(site):
    return kurs_anlegen(module=2, lektionen=2, freiwillig_je_modul=1)


@pytest.fixture
def lektion(kurs):
    return LektionSeite.objects.descendant_of(kurs).order_by("path").first()


def test_kurs_und_modul_sind_oeffentlich(client, kurs, lektion):
    durchgang = durchgang_fuer(kurs, kapazitaet=3)
    html = client.get(kurs.url).content.decode()
    assert kurs.title in html and "Fachkräfte in Kommunen" in html
    assert "40 Stunden in 2 Modulen" in html
    assert "mindestens 80 % der Präsenzstunden" in html
    assert f"Modul 1: Modul 1 von Kurs {kurs.title.split()[-1]}" in html
    assert lektion.title in html and f'href="{lektion.url}"' in html
    assert "Noch 3 Plätze frei" in html
    assert reverse("teilnehmende:anmelden", args=[durchgang.pk]) in html
    assert "Inhalt der Lektion" not in html  # no lesson body on the overview

    modul = lektion.get_parent()
    modul_html = client.get(modul.url).content.decode()
    assert "Modul 1 von 2" in modul_html
    assert "<li>Ziel</li>" in modul_html
    assert lektion.title in modul_html and "Inhalt der Lektion" not in modul_html


def test_kursindex_listet_kurse(client, site):
    home = site.root_page
    index = KursIndexSeite(title="Kurse", slug="kurse")
    home.add_child(instance=index)
    kurs = KursSeite(title="Kurs A", slug="kurs-a", zusammenfassung="Z", zielgruppe="Z", stunden=8)
    index.add_child(instance=kurs)
    html = client.get("/kurse/").content.decode()
    assert f'href="{kurs.url}"' in html and "Umfang: 8 Stunden" in html


def test_seitentypen_erzwingen_kurs_modul_lektion():
    assert LektionSeite.allowed_parent_page_models() == [ModulSeite]
    assert ModulSeite.allowed_parent_page_models() == [KursSeite]
    assert KursSeite.allowed_subpage_models() == [ModulSeite]
    assert ModulSeite.allowed_subpage_models() == [LektionSeite]
    assert LektionSeite.allowed_subpage_models() == []


def test_lektion_vier_stufen(client, kurs, lektion, trainerin, foerderer, redakteurin):
    durchgang = durchgang_fuer(kurs, kapazitaet=1, trainer=[trainerin])
    bestaetigt = person("bestaetigt")
    anmelden(bestaetigt, durchgang)
    wartend = person("wartend")
    anmelden(wartend, durchgang)
    ohne_anmeldung = person("ohne")
    fremder_kurs = durchgang_fuer(kurs_anlegen(), trainer=[person("fremd", rollen.TRAINER)])
    anderswo = person("anderswo")
    anmelden(anderswo, fremder_kurs)
    fremde_trainerin = fremder_kurs.trainer.get()
    abgeschlossen = person("abgeschlossen")
    Anmeldung.objects.filter(pk=anmelden(abgeschlossen, durchgang_fuer(kurs)).pk).update(
        status=Anmeldung.Status.ABGESCHLOSSEN
    )
    vier_stufen_pruefen(
        client,
        lektion.url,
        erlaubt=[
            bestaetigt,
            abgeschlossen,
            trainerin,
            redakteurin,
            person("admin", rollen.ADMINISTRATION),
        ],
        abgelehnt=[ohne_anmeldung, wartend, anderswo, fremde_trainerin, foerderer],
    )


def test_lektion_zeigt_inhalt_und_erledigt_knopf_nur_fuer_teilnehmende(
    client, kurs, lektion, redakteurin
):
    nutzer = person()
    anmelden(nutzer, durchgang_fuer(kurs))
    client.force_login(nutzer)
    antwort = client.get(lektion.url)
    assert "private" in antwort["Cache-Control"]
    html = antwort.content.decode()
    assert f"Inhalt der Lektion {lektion.title}." in html
    assert '<aside class="hinweis" aria-label="Merke">' in html
    assert "Als erledigt markieren" in html
    assert reverse("kurse:lektion_erledigt", args=[lektion.pk]) in html
    assert "Pflichtlektion" in html and "etwa 15 Minuten" in html
    assert "Nächste Lektion: Lektion 1.2" in html
    assert "0 von 2 Pflichtlektionen erledigt (0 %)" in html

    client.force_login(redakteurin)
    html = client.get(lektion.url).content.decode()
    assert f"Inhalt der Lektion {lektion.title}." in html
    assert "Als erledigt markieren" not in html


def _video_lektion_ansehen(client, kurs, lektion, *, url: str, beschriftung: str = "") -> str:
    lektion.inhalt = [
        (
            "video",
            {
                "video": url,
                "beschriftung": beschriftung,
                "transkript": RichText("<p>Gesprochener Text des Videos.</p>"),
            },
        )
    ]
    lektion.save()
    nutzer = person()
    anmelden(nutzer, durchgang_fuer(kurs))
    client.force_login(nutzer)
    return client.get(lektion.url).content.decode()


def test_video_mit_transkript_und_ersatzlink_ohne_netz(client, kurs, lektion):
    # No oEmbed provider knows this host, so nothing is fetched from the internet.
    html = _video_lektion_ansehen(
        client,
        kurs,
        lektion,
        url="https://videos.example/praeventionskette",
        beschriftung="Einführung in die Präventionskette",
    )
    assert "<figcaption>Einführung in die Präventionskette</figcaption>" in html
    assert "<summary>Transkript des Videos</summary>" in html
    assert "Gesprochener Text des Videos." in html
    assert 'href="https://videos.example/praeventionskette"' in html


def test_video_mit_eingebettetem_player(client, settings, kurs, lektion):
    settings.WAGTAILEMBEDS_FINDERS = [{"class": "tests.kurse.einbettung.TestFinder"}]
    html = _video_lektion_ansehen(client, kurs, lektion, url="https://videos.example/film")
    assert '<iframe title="Testvideo" src="https://videos.example/film/player"></iframe>' in html
    assert "<figcaption>" not in html


def test_unveroeffentlichte_lektion_zaehlt_nicht(client, kurs):
    nutzer = person()
    anmelden(nutzer, durchgang_fuer(kurs))
    LektionSeite.objects.descendant_of(kurs).filter(pflicht=True).last().unpublish()
    client.force_login(nutzer)
    html = client.get(kurs.url).content.decode()
    assert "0 von 3 Pflichtlektionen erledigt" in html
