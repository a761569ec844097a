"""demo_anlegen: rubric and presentations in every state with real PDFs, idempotent."""

from io import StringIO
from pathlib import Path

from django.core.management import call_command

from kern.demo import DEMO_DOMAIN
from kurse.demo import KURS_SLUG
from teilnehmende.models import Abschlusspraesentation, Begutachtung, Bewertungsraster, Version
from teilnehmende.selectors import praesentation_angenommen


def test_demo_praesentationen(db):
    call_command("demo_anlegen", stdout=StringIO())
    zaehlen = (Abschlusspraesentation.objects.count(), Version.objects.count())
    ausgabe = StringIO()
    call_command("demo_anlegen", stdout=ausgabe)
    assert (Abschlusspraesentation.objects.count(), Version.objects.count()) == zaehlen
    # Seven in the running cohort, two of the graduates of the finished one (zertifikate.demo).
    assert "Abschlusspräsentationen: 9 (0 neu angelegt)" in ausgabe.getvalue()

    raster = Bewertungsraster.objects.get(kurs__slug=KURS_SLUG)
    assert raster.kriterien.count() == 4 and raster.bestehensgrenze == 24
    status = set(Abschlusspraesentation.objects.values_list("status", flat=True))
    assert status == {"eingereicht", "in_begutachtung", "ueberarbeitung_erbeten", "angenommen"}
    eigene = Abschlusspraesentation.objects.get(
        anmeldung__nutzer__email=f"teilnehmerin@{DEMO_DOMAIN}"
    )
    assert eigene.status == "eingereicht"
    assert praesentation_angenommen(eigene.anmeldung)[0] is False
    # An accepted one with a revision round behind it: feedback per version kept.
    mit_verlauf = [
        p
        for p in Abschlusspraesentation.objects.filter(status="angenommen")
        if p.versionen.count() == 2
    ]
    assert mit_verlauf
    entscheidungen = list(
        Begutachtung.objects.filter(version__praesentation=mit_verlauf[0])
        .order_by("version__nummer")
        .values_list("entscheidung", flat=True)
    )
    assert entscheidungen == ["ueberarbeitung", "angenommen"]
    for version in Version.objects.all():
        assert Path(version.datei.path).read_bytes().startswith(b"%PDF-1.4")
        assert version.dateiname.endswith(".pdf")
