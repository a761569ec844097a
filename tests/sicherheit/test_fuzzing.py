"""Fuzzing every form endpoint on main with Hypothesis: random, invalid and half-valid data.

Required of every answer: never a server error; an invalid submission is answered with the form
and a message (our forms re-render with status 200 and an error summary, allauth's rate limit
with its message) and leaves no row behind; a successful one (redirect or thank-you page) leaves
complete rows (an enrolment always with its ESF data, an account always with its address).
"""

from __future__ import annotations

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.contrib.forms.models import FormSubmission

from kern.models import Datenexport
from kern.sicherheit import NULLZEICHEN
from kurse.models import LektionErledigt
from teilnehmende.models import Anmeldung, Eintrittsdaten, Einwilligung
from tests.conftest import PASSWORT
from tests.kurse.factories import durchgang_fuer, kurs_anlegen, pflichtlektionen

FUZZ = settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
MODELLE = (
    get_user_model(),
    EmailAddress,
    Anmeldung,
    Eintrittsdaten,
    Einwilligung,
    FormSubmission,
    Datenexport,
    LektionErledigt,
)
MELDUNGEN = ("fehlerzusammenfassung", "errorlist", "meldung--error", "Zu viele")

# Text with control characters, NUL bytes, markup, very long runs and non-Latin scripts.
TEXT = st.one_of(
    st.text(max_size=60),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=400),
    st.sampled_from(["", " ", "\x00", "<script>alert(1)</script>", "'; DROP TABLE x;--", "1e309"]),
    st.integers(min_value=-(10**20), max_value=10**20).map(str),
)


def formulardaten(gueltig: dict[str, list[str]]):
    """Any subset of the fields, each random text or one of its valid values, plus junk keys."""
    felder = {
        name: st.one_of(TEXT, st.sampled_from(werte)) if werte else TEXT
        for name, werte in gueltig.items()
    }
    return st.fixed_dictionaries({}, optional=felder).flatmap(
        lambda d: st.dictionaries(st.sampled_from(["x", "csrfmiddlewaretoken", "id"]), TEXT).map(
            lambda extra: {**extra, **d}
        )
    )


def _zaehlen() -> dict[str, int]:
    return {m._meta.label: m._default_manager.count() for m in MODELLE}


def _pruefen(antwort, vorher: dict[str, int], *, erfolg_200: str | None = None) -> None:
    assert antwort.status_code < 500
    nachher = _zaehlen()
    inhalt = antwort.content.decode(errors="replace") if antwort.status_code == 200 else ""
    erfolgreich = antwort.status_code in (301, 302, 303) or (
        erfolg_200 is not None and erfolg_200 in inhalt
    )
    if not erfolgreich:
        assert 400 <= antwort.status_code < 500 or any(m in inhalt for m in MELDUNGEN), inhalt[:500]
        assert nachher == vorher, (vorher, nachher)
    # Complete rows in any case.
    assert nachher["teilnehmende.Anmeldung"] == nachher["teilnehmende.Eintrittsdaten"]
    neu_konten = nachher["kern.Nutzer"] - vorher["kern.Nutzer"]
    assert nachher["account.EmailAddress"] - vorher["account.EmailAddress"] == neu_konten


@pytest.fixture
def durchgang(site):
    return durchgang_fuer(kurs_anlegen(module=1, lektionen=1))


@given(daten=formulardaten({"login": ["teilnehmerin@test.example"], "password": [PASSWORT]}))
@FUZZ
def test_anmeldung(client, teilnehmerin, daten):
    client.logout()
    vorher = _zaehlen()
    _pruefen(client.post("/konto/login/", daten), vorher)


@given(
    daten=formulardaten(
        {
            "email": ["neu@test.example", "kein-at"],
            "password1": ["ein-sicheres-Passwort-42"],
            "password2": ["ein-sicheres-Passwort-42"],
        }
    )
)
@FUZZ
def test_registrierung(client, db, daten):
    client.logout()
    vorher = _zaehlen()
    _pruefen(client.post("/konto/signup/", daten), vorher)


@given(daten=formulardaten({"email": ["teilnehmerin@test.example"]}))
@FUZZ
def test_passwort_vergessen(client, teilnehmerin, daten):
    vorher = _zaehlen()
    _pruefen(client.post("/konto/password/reset/", daten), vorher)


@given(
    daten=formulardaten(
        {
            "geschlecht": ["weiblich", "divers", "keine_angabe"],
            "geburtsjahr": ["1980", "1899", "3000", ""],
            "erwerbsstatus": ["erwerbstaetig", "keine_angabe"],
            "bildung": ["isced_5_8"],
            "organisationsart": ["kommune", "sonstige"],
            "organisation": ["Stadt Hamm"],
            "kommune": ["Hamm"],
            "kreis": ["ausserhalb", "1", "999999"],
            "einwilligung": ["on"],
            "einwilligung_textversion": ["2026-11-01", "1999-01-01"],
        }
    )
)
@FUZZ
def test_anmeldung_zum_durchgang(client, teilnehmerin, durchgang, daten):
    client.force_login(teilnehmerin)
    vorher = _zaehlen()
    _pruefen(client.post(f"/mein-lernen/anmelden/{durchgang.pk}/", daten), vorher)


@given(daten=formulardaten({}))
@FUZZ
def test_stornieren_und_lektion_erledigt(client, teilnehmerin, durchgang, daten):
    from tests.kurse.factories import anmelden

    client.force_login(teilnehmerin)
    anmeldung = Anmeldung.objects.filter(nutzer=teilnehmerin).first() or anmelden(
        teilnehmerin, durchgang
    )
    lektion = pflichtlektionen(durchgang.kurs)[0]
    for url in (
        f"/mein-lernen/lektionen/{lektion.pk}/erledigt/",
        f"/mein-lernen/anmeldungen/{anmeldung.pk}/stornieren/",
    ):
        vorher = _zaehlen()
        antwort = client.post(url, daten)
        # 403 once the enrolment is cancelled: lessons are then closed to her.
        assert antwort.status_code in (302, 403)
        assert _zaehlen()["teilnehmende.Anmeldung"] == vorher["teilnehmende.Anmeldung"]


@given(
    daten=formulardaten(
        {
            "name": ["Erika"],
            "email": ["erika@beispiel.de", "kaputt"],
            "nachricht": ["Zu wenig Kontrast."],
            "seite": ["/mein-lernen/", "javascript:alert(1)", "https://fremd.example/"],
        }
    )
)
@FUZZ
def test_rueckmeldung_barrierefreiheit(client, site, daten):
    vorher = _zaehlen()
    _pruefen(client.post("/barrierefreiheit/", daten), vorher, erfolg_200="Vielen Dank")


@given(daten=formulardaten({"passwort": ["falsch"], "bestaetigung": ["on", "off"]}))
@FUZZ
def test_konto_loeschen(client, teilnehmerin, daten):
    # The right password is never offered: every submission must fail and delete nothing.
    from django.core.cache import cache

    cache.clear()  # password tries are rate-limited (test_datenschutz): fuzz the form here
    client.force_login(teilnehmerin)
    vorher = _zaehlen()
    antwort = client.post("/konto/daten/loeschen/", daten)
    assert antwort.status_code == 200
    _pruefen(antwort, vorher)


@given(daten=formulardaten({"einwilligung": ["on"], "einwilligung_textversion": ["alt"]}))
@FUZZ
def test_einwilligung(client, teilnehmerin, daten):
    client.force_login(teilnehmerin)
    vorher = _zaehlen()
    antwort = client.post("/mein-lernen/einwilligung/", daten)
    assert antwort.status_code == 200
    _pruefen(antwort, vorher)


@given(
    params=st.dictionaries(
        st.sampled_from(["q", "phase", "handlungsfeld", "programm", "kreis", "seite", "art"]),
        TEXT,
    )
)
@FUZZ
def test_praxisbeispiel_suche(client, site, params):
    from cms.models import HomePage
    from cms.services import praxisbeispiel_index_sicherstellen

    praxisbeispiel_index_sicherstellen(home=HomePage.objects.get(), titel="Praxisbeispiele")
    antwort = client.get("/praxisbeispiele/", params)
    assert antwort.status_code in (200, 400), antwort.status_code
    if antwort.status_code == 400:
        assert antwort.content.decode() == str(NULLZEICHEN)


def test_nullzeichen_in_der_suche_ergibt_400_mit_meldung(client, site):
    """Found on PostgreSQL: a NUL byte in ?q= reached the database and ended in a 500."""
    antwort = client.get("/praxisbeispiele/", {"q": "Fami\x00lie"})
    assert antwort.status_code == 400
    assert antwort.content.decode() == str(NULLZEICHEN)


def test_leeres_absenden_zeigt_fehler_statt_leerem_formular(client, teilnehmerin, durchgang):
    """Found by the fuzzer: an empty POST used to render the blank form without any message."""
    client.force_login(teilnehmerin)
    antwort = client.post(f"/mein-lernen/anmelden/{durchgang.pk}/", {})
    assert antwort.status_code == 200
    assert antwort.context["form"].is_bound and antwort.context["form"].errors
    antwort = client.post("/konto/daten/loeschen/", {})
    assert antwort.context["form"].errors["passwort"]
