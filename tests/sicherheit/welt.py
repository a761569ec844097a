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
    lektion = pflichtlektionen(kurs)[0]
    from kern.services import datenexport_anfordern, datenexport_erstellen

    datenexport = datenexport_erstellen(export_id=datenexport_anfordern(nutzer=tn).pk)

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
