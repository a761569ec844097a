"""demo_anlegen: four two-day sessions for the demo cohort, attendance for the past ones."""

from io import StringIO

from django.core.management import call_command
from django.urls import reverse

from kern.demo import DEMO_DOMAIN
from kurse.demo import KURS_SLUG
from kurse.models import Durchgang, Praesenztermin
from teilnehmende.models import Anmeldung, Anwesenheit, AnwesenheitAenderung
from teilnehmende.selectors import anwesenheit_stand


def test_demo_termine_und_anwesenheit(client, db):
    call_command("demo_anlegen", stdout=StringIO())
    zaehlen = (
        Praesenztermin.objects.count(),
        Anwesenheit.objects.count(),
        AnwesenheitAenderung.objects.count(),
    )
    ausgabe = StringIO()
    call_command("demo_anlegen", stdout=ausgabe)  # idempotent
    assert zaehlen == (
        Praesenztermin.objects.count(),
        Anwesenheit.objects.count(),
        AnwesenheitAenderung.objects.count(),
    )
    assert "Präsenztermine: 8 Tage" in ausgabe.getvalue()

    durchgang = Durchgang.objects.filter(kurs__slug=KURS_SLUG).order_by("pk").first()
    termine = list(durchgang.praesenztermine.order_by("datum"))
    assert len(termine) == 8 and len({t.modul_id for t in termine}) == 4
    # Two days each, Thursday and Friday, 8 + 6 teaching units (6 + 4.5 hours).
    for erster, zweiter in zip(termine[::2], termine[1::2], strict=True):
        assert (zweiter.datum - erster.datum).days == 1 and erster.datum.weekday() == 3
        assert (erster.stunden, zweiter.stunden) == (6, 4.5)
    vorbei = [t for t in termine if t.erfassbar()]
    assert len(vorbei) == 4  # 20 weeks in: modules 1 and 2 are behind
    teilnehmende = Anmeldung.objects.filter(durchgang=durchgang).count()
    assert Anwesenheit.objects.filter(termin__in=vorbei).count() == 4 * teilnehmende
    # (The finished cohort of the funder demo, berichte/demo.py, has its own past days.)
    assert (
        not Anwesenheit.objects.filter(termin__durchgang=durchgang)
        .exclude(termin__in=vorbei)
        .exists()
    )
    status = set(Anwesenheit.objects.values_list("status", flat=True))
    assert status == {"anwesend", "entschuldigt", "unentschuldigt"}
    assert Anwesenheit.objects.filter(status="anwesend", stunden=3).exists()  # left early

    tanja = Anmeldung.objects.get(durchgang=durchgang, nutzer__email=f"teilnehmerin@{DEMO_DOMAIN}")
    stand = anwesenheit_stand(anmeldung=tanja)
    assert (stand.stunden_anwesend, stand.stunden_gesamt) == (21, 42)

    client.force_login(tanja.nutzer)
    html = client.get(reverse("teilnehmende:anwesenheit", args=[tanja.pk])).content.decode()
    assert "Anwesenheit 21 von 42 Stunden (50 %) an 4 von 8 Terminen" in html
