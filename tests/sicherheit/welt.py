"""The test "world" of the permission matrix: two cohorts in two courses, one person per role
(and one participant and trainer of the *other* cohort), and one page of every page type.

Rows of `erwartungen.py` refer to its objects by name in `{…}` placeholders, e.g.
`/trainer/durchgaenge/{durchgang}/`. A branch that adds a model adds the object it needs in
`welt_anlegen` (through its services) and a name for it in `Welt.platzhalter`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kern import rollen
from tests.kurse.factories import (
    anmelden,
    durchgang_fuer,
    kurs_anlegen,
    person,
    pflichtlektionen,
)

#: The columns of the matrix, in this order in every row of erwartungen.py.
ROLLEN = (
    "anonym",
    "teilnehmende",
    "teilnehmende_fremd",
    "trainer",
    "trainer_fremd",
    "foerderer",
    "redaktion",
    "admin",
)


@dataclass
class Welt:
    konten: dict  # role column → user (None for "anonym")
    platzhalter: dict[str, object] = field(default_factory=dict)
    seiten: dict[str, object] = field(default_factory=dict)  # "app.Model" → one live page


def welt_anlegen() -> Welt:
    """Needs the `site` fixture (home page, Leichte Sprache, accessibility statement)."""
    from cms.models import BarrierefreiheitSeite, HomePage, StandardSeite
    from cms.services import (
        kommune_sicherstellen,
        praxisbeispiel_anlegen,
        praxisbeispiel_index_sicherstellen,
        unterseite_sicherstellen,
    )
    from kurse.models import KursIndexSeite

    home = HomePage.objects.get()
    kurs = kurs_anlegen(module=1, lektionen=2, slug="kurs-a")
    kurs_fremd = kurs_anlegen(module=1, lektionen=1, slug="kurs-b")
    trainer = person("trainer-a", rollen.TRAINER)
    trainer_fremd = person("trainer-b", rollen.TRAINER)
    durchgang = durchgang_fuer(kurs, trainer=[trainer])
    durchgang_fremd = durchgang_fuer(kurs_fremd, trainer=[trainer_fremd])
    tn = person("tn-a")
    tn_fremd = person("tn-b")
    anmeldung = anmelden(tn, durchgang)
    anmeldung_fremd = anmelden(tn_fremd, durchgang_fremd)

    index = praxisbeispiel_index_sicherstellen(home=home, titel="Praxisbeispiele")
    beispiel = praxisbeispiel_anlegen(
        titel="Frühe Hilfen im Verbund",
        teaser="Ein Netzwerk rund um die Geburt.",
        kommune=kommune_sicherstellen(name="Datteln", kreis="05562"),
        phasen=["kita"],
        handlungsfelder=["bildung"],
        programm="kinderstark",
        angebotsart="netzwerk",
        index=index,
    )
    kursindex = unterseite_sicherstellen(
        eltern=home, model=KursIndexSeite, slug="kurse", title="Kurse"
    )
    lektion = _kursmaterial_einbauen(pflichtlektionen(kurs)[0])
    from kern.services import datenexport_anfordern, datenexport_erstellen

    datenexport = datenexport_erstellen(export_id=datenexport_anfordern(nutzer=tn).pk)
    termin = _termin_anlegen(durchgang)
    version = _praesentation_in_begutachtung(anmeldung)
    h5p_lektion, paket = _h5p_lektion(pflichtlektionen(kurs)[1])

    konten = {
        "anonym": None,
        "teilnehmende": tn,
        "teilnehmende_fremd": tn_fremd,
        "trainer": trainer,
        "trainer_fremd": trainer_fremd,
        "foerderer": person("foerderer", rollen.FOERDERER),
        "redaktion": person("redaktion", rollen.REDAKTION),
        "admin": person("admin", rollen.ADMINISTRATION),
    }
    # After the presentation: the certificate makes the enrolment `abgeschlossen` (still a seat).
    zertifikat = _zertifikat_ausstellen(anmeldung)
    openbadge = _openbadge_ausstellen(zertifikat)
    auftrag = _stapelauftrag(durchgang, von=konten["admin"])
    welt = Welt(konten=konten)
    welt.platzhalter = {
        "durchgang": durchgang.pk,
        "durchgang_fremd": durchgang_fremd.pk,
        "anmeldung": anmeldung.pk,
        "anmeldung_fremd": anmeldung_fremd.pk,
        "lektion": lektion.pk,
        "kurs": kurs.pk,
        "teilnehmende": tn.pk,
        "datenexport": datenexport.pk,
        "termin": termin.pk,
        "praesentation": version.praesentation_id,
        "version": version.pk,
        "h5p_lektion": h5p_lektion.pk,
        "paket": paket.pk,
        "zertifikat": zertifikat.nummer,
        "zertifikat_id": zertifikat.pk,
        "auftrag": auftrag.pk,
        "statusliste": openbadge.statusliste_id,
        "einwilligung": tn.einwilligungen.get().pk,
        "dokument": _dokument_der_lektion(lektion),
    }
    welt.seiten = {
        "cms.HomePage": home,
        "cms.StandardSeite": StandardSeite.objects.get(slug="leichte-sprache"),
        "cms.BarrierefreiheitSeite": BarrierefreiheitSeite.objects.get(),
        "cms.PraxisbeispielIndex": index,
        "cms.Praxisbeispiel": beispiel,
        "kurse.KursIndexSeite": kursindex,
        "kurse.KursSeite": kurs,
        "kurse.ModulSeite": lektion.get_parent().specific,
        "kurse.LektionSeite": lektion,
    }
    return welt


def _termin_anlegen(durchgang):
    """An in-person day of the cohort on its first day, in the future: attendance cannot be
    taken yet, so the POST cells of the attendance rows change nothing."""
    import datetime

    from kurse.services import praesenztermin_anlegen

    return praesenztermin_anlegen(
        durchgang=durchgang,
        titel="Präsenztag 1",
        datum=durchgang.beginn,
        beginn=datetime.time(9),
        ende=datetime.time(16),
        unterrichtseinheiten=8,
        ort="Münster",
        online_link="https://meet.example/praesenztag",
    )


def _praesentation_in_begutachtung(anmeldung):
    """Version 1 of the participant's final presentation (without consent for the library),
    under review: no new version, no withdrawal and no second start are possible, so the POST
    cells of those rows change nothing."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from teilnehmende.beispiel_pdf import beispiel_pdf
    from teilnehmende.services_praesentation import begutachtung_beginnen, version_einreichen

    version = version_einreichen(
        anmeldung=anmeldung,
        titel="Frühe Hilfen im Verbund",
        kurzfassung="Das Jugendamt verbindet seine Angebote.",
        datei=SimpleUploadedFile(
            "Vortrag.pdf", beispiel_pdf("Frühe Hilfen", ["Eine Folie."]), "application/pdf"
        ),
        benachrichtigen=False,
    )
    begutachtung_beginnen(praesentation=version.praesentation)
    return version


def _kursmaterial_einbauen(lektion):
    """The course's first lesson offers a document of "Kursmaterial" (handout.pdf)."""
    from tests.kurse.kursmaterial import dokument_anlegen, dokument_einbauen

    return dokument_einbauen(lektion, dokument_anlegen())


def _dokument_der_lektion(lektion) -> int:
    return next(b.value["dokument"].pk for b in lektion.inhalt if b.block_type == "dokument")


def _h5p_lektion(lektion):
    """The course's second lesson with an H5P activity (the first stays a plain lesson)."""
    from h5p.services import paket_hochladen
    from tests.h5p.conftest import h5p_einbauen
    from tests.h5p.pakete import als_zip, minimal

    paket = paket_hochladen(datei=als_zip(minimal()), dateiname="beispiel.h5p")
    return h5p_einbauen(lektion, paket), paket


def _openbadge_ausstellen(zertifikat):
    """The Open Badges credential (and so a status list) of the world's certificate."""
    from openbadges.services import openbadge_ausstellen

    return openbadge_ausstellen(zertifikat=zertifikat)


def _zertifikat_ausstellen(anmeldung):
    """A valid certificate; its PDF is rendered by the first permitted download."""
    from zertifikate.services import zertifikat_ausstellen

    return zertifikat_ausstellen(anmeldung=anmeldung, benachrichtigen=False, pdf_erzeugen=False)


def _stapelauftrag(durchgang, *, von):
    from zertifikate.services import stapel_starten

    return stapel_starten(durchgang=durchgang, von=von)
