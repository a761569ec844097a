"""Demo: the finished Münsterland cohort has exit records and follow-up answers; idempotent."""

from io import StringIO

from django.core.management import call_command

from berichte.demo import TITEL
from berichte.selectors import Berichtsfilter, bericht_erstellen
from esf.demo import ANTWORTEN_VERBLEIB
from esf.models import Austrittsdaten, Verbleib
from kurse.models import Durchgang


def test_demo_mit_austritt_und_verbleib(db):
    call_command("demo_anlegen", stdout=StringIO())
    ausgabe = StringIO()
    call_command("demo_anlegen", stdout=ausgabe)
    assert "ESF: 0 Austrittsdaten und 0 Verbleib-Antworten" in ausgabe.getvalue()
    fertig = Durchgang.objects.get(titel=TITEL)
    assert Austrittsdaten.objects.filter(anmeldung__durchgang=fertig).count() == 24
    assert (
        Verbleib.objects.filter(anmeldung__durchgang=fertig, beantwortet_am__isnull=False).count()
        == ANTWORTEN_VERBLEIB
    )
    # The running cohorts have none yet.
    assert not Austrittsdaten.objects.exclude(anmeldung__durchgang=fertig).exists()
    assert not Verbleib.objects.exclude(anmeldung__durchgang=fertig).exists()
    werte = {s.schluessel: z for s, z in bericht_erstellen(filter=Berichtsfilter()).ueberblick}
    assert werte["qualifikation_austritt"].wert == 20
    assert werte["erwerbstaetig_6_monate"].wert >= 3
    assert werte["verwaltungen"].wert >= 3
