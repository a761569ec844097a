"""Demo final presentations: the course's rubric and presentations in every state, each with a
real small PDF. Runs after kurse.demo (course, cohort, participants); idempotent."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile

from kern.demo import DEMO_DOMAIN
from kurse.demo import KURS_SLUG, slug
from kurse.demo_inhalte import PRAESENTATIONEN, TEILNEHMENDE
from kurse.models import KursSeite

from .beispiel_pdf import beispiel_pdf
from .models import PLATZ_STATUS, Abschlusspraesentation, Anmeldung, Bewertungsraster
from .services_praesentation import (
    begutachtung_beginnen,
    begutachtung_entscheiden,
    bewertungsraster_festlegen,
    version_einreichen,
)

KRITERIEN = [
    (
        "Ausgangslage und Bedarf",
        "Die Lage in der Kommune ist mit Daten oder Beobachtungen belegt; der Bedarf ist klar.",
        10,
    ),
    (
        "Vernetzung der Akteure",
        "Die Partner der Präventionskette und ihre Rollen sind benannt; Übergänge sind bedacht.",
        10,
    ),
    (
        "Umsetzung und Wirkung",
        "Schritte, Ressourcen und erwartete Wirkungen sind nachvollziehbar geplant.",
        10,
    ),
    ("Darstellung", "Die Präsentation ist verständlich, gegliedert und barrierearm gestaltet.", 10),
]
BESTEHENSGRENZE = 24

DEMO_TEILNEHMERIN = {
    "titel": "Familienbüros im Stadtteil: Ein Anlaufpunkt von der Geburt bis zur Kita",
    "abstract": (
        "Die Präsentation skizziert, wie ein Familienbüro im Stadtteil Eltern nach dem "
        "Willkommensbesuch weiter begleitet. Es bündelt Beratung, Elterncafé und die Vermittlung "
        "in Kitas und Frühe Hilfen und arbeitet dafür mit Hebammen, Kinderärztinnen und "
        "Familienzentren zusammen."
    ),
    "status": "eingereicht",
}
RUECKMELDUNG_UEBERARBEITUNG = (
    "Vielen Dank für die gründliche Darstellung. Bitte ergänzen Sie, welche Partner welche "
    "Aufgaben übernehmen, und zeigen Sie an einem Beispiel, wie eine Familie den Weg durch die "
    "Angebote erlebt."
)
RUECKMELDUNG_ANNAHME = (
    "Eine überzeugende, gut begründete Präsentation. Die Verbindung von Bedarf, Netzwerk und "
    "Umsetzung ist klar; der Vorschlag ist auf andere Kommunen übertragbar."
)


def _pdf(titel: str, abstract: str, nummer: int) -> SimpleUploadedFile:
    zeilen = [f"Abschlusspräsentation, Version {nummer}", ""]
    wort_zeile = ""
    for wort in abstract.split():
        if len(wort_zeile) + len(wort) > 90:
            zeilen.append(wort_zeile)
            wort_zeile = ""
        wort_zeile = f"{wort_zeile} {wort}".strip()
    zeilen.append(wort_zeile)
    datei = beispiel_pdf(titel[:70], zeilen)
    return SimpleUploadedFile(f"{slug(titel, 50)}-v{nummer}.pdf", datei, "application/pdf")


def _einreichen(anmeldung: Anmeldung, daten: dict, nummer: int):
    return version_einreichen(
        anmeldung=anmeldung,
        titel=daten["titel"],
        kurzfassung=daten["abstract"],
        datei=_pdf(daten["titel"], daten["abstract"], nummer),
        benachrichtigen=False,
    )


def _entscheiden(praesentation, gutachter, raster, entscheidung: str, punkte: list[int]) -> None:
    begutachtung_beginnen(praesentation=praesentation)
    kriterien = list(raster.kriterien.all())
    begutachtung_entscheiden(
        praesentation=praesentation,
        gutachter=gutachter,
        entscheidung=entscheidung,
        punkte={k.pk: p for k, p in zip(kriterien, punkte, strict=True)},
        kommentar=RUECKMELDUNG_ANNAHME
        if entscheidung == "angenommen"
        else (RUECKMELDUNG_UEBERARBEITUNG),
        benachrichtigen=False,
    )


def praesentation_durchspielen(
    anmeldung: Anmeldung, daten: dict, raster: Bewertungsraster, nummer: int
) -> None:
    """Bring one presentation to its demo state; every other accepted one went through a
    revision round first, so the history shows feedback per version."""
    gutachter = anmeldung.durchgang.trainer.order_by("pk").first()
    praesentation = _einreichen(anmeldung, daten, 1).praesentation
    ziel = daten["status"]
    if ziel == "eingereicht":
        return
    if ziel == "in_begutachtung":
        begutachtung_beginnen(praesentation=praesentation)
        return
    if ziel == "ueberarbeitung_erbeten" or nummer % 2 == 1:
        _entscheiden(praesentation, gutachter, raster, "ueberarbeitung", [6, 4, 5, 6])
        if ziel == "ueberarbeitung_erbeten":
            return
        _einreichen(anmeldung, daten, 2)
    _entscheiden(praesentation, gutachter, raster, "angenommen", [9, 8, 8, 9])


def anlegen(ausgabe) -> None:
    kurs = KursSeite.objects.filter(slug=KURS_SLUG).first()
    if kurs is None:
        ausgabe.write("Abschlusspräsentationen: kein Demo-Kurs vorhanden")
        return
    raster = Bewertungsraster.objects.filter(kurs=kurs).first() or bewertungsraster_festlegen(
        kurs=kurs, bestehensgrenze=BESTEHENSGRENZE, kriterien=KRITERIEN
    )
    auftraege = [(f"teilnehmerin@{DEMO_DOMAIN}", DEMO_TEILNEHMERIN)]
    for daten in PRAESENTATIONEN:
        person = TEILNEHMENDE[daten["teilnehmende_index"]]
        email = f"{slug(person['vorname'])}.{slug(person['nachname'])}@demo.{DEMO_DOMAIN}"
        auftraege.append((email, daten))
    neu = 0
    for nummer, (email, daten) in enumerate(auftraege):
        anmeldung = (
            Anmeldung.objects.filter(
                nutzer__email=email, durchgang__kurs=kurs, status__in=PLATZ_STATUS
            )
            .select_related("durchgang")
            .order_by("pk")
            .first()
        )
        if anmeldung is None or Abschlusspraesentation.objects.filter(anmeldung=anmeldung).exists():
            continue
        praesentation_durchspielen(anmeldung, daten, raster, nummer)
        neu += 1
    anzahl = Abschlusspraesentation.objects.filter(anmeldung__durchgang__kurs=kurs).count()
    ausgabe.write(
        f"Abschlusspräsentationen: {anzahl} ({neu} neu angelegt), Bewertungsraster mit "
        f"{raster.kriterien.count()} Kriterien"
    )
