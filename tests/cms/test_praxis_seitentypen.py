"""Page types and snippets of the library in the Wagtail admin (WagtailPageTestCase helpers)."""

from __future__ import annotations

from io import StringIO
from unittest import mock

from django.contrib.auth.models import Permission
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from cms import demo
from cms.models import (
    Handlungsfeld,
    HomePage,
    Kommune,
    Phase,
    Praxisbeispiel,
    PraxisbeispielIndex,
    StandardSeite,
)
from cms.services import kommune_sicherstellen, praxisbeispiel_index_sicherstellen
from kern import rollen
from kern.demo import konto_anlegen
from kern.models import Kreis
from tests.conftest import PASSWORT

# Wagtail's helpers log in with the first AUTHENTICATION_BACKENDS entry; ours is the `rules`
# backend, which answers permissions only and cannot load a user from the session.
mit_modelbackend = mock.patch(
    "wagtail.test.utils.page_tests.AUTH_BACKEND", "django.contrib.auth.backends.ModelBackend"
)


def _konto(name: str, rolle: str):
    return konto_anlegen(
        email=f"{name}@test.example", vorname=name, nachname="Test", rolle=rolle, passwort=PASSWORT
    )


@mit_modelbackend
class PraxisSeitentypenTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        demo.anlegen(StringIO())
        cls.home = HomePage.objects.get()
        cls.index = praxisbeispiel_index_sicherstellen(home=cls.home, titel="Praxisbeispiele")
        cls.kommune = kommune_sicherstellen(name="Ahlen", kreis="05570")
        cls.redakteurin = _konto("redaktion", rollen.REDAKTION)

    @staticmethod
    def _einordnung() -> dict:
        # Multiple values stay lists; nested_form_data would number them like formset rows.
        return {
            "phasen": [Phase.objects.get(schluessel="kita").pk],
            "handlungsfelder": [Handlungsfeld.objects.get(schluessel="soziales").pk],
        }

    def test_erlaubte_eltern_und_kinder(self):
        self.assertAllowedParentPageTypes(PraxisbeispielIndex, {HomePage})
        self.assertAllowedSubpageTypes(PraxisbeispielIndex, {Praxisbeispiel})
        self.assertAllowedParentPageTypes(Praxisbeispiel, {PraxisbeispielIndex})
        self.assertAllowedSubpageTypes(Praxisbeispiel, set())

    def test_wo_angelegt_werden_darf(self):
        self.assertCanCreateAt(PraxisbeispielIndex, Praxisbeispiel)
        self.assertCanNotCreateAt(HomePage, Praxisbeispiel)
        self.assertCanNotCreateAt(StandardSeite, Praxisbeispiel)
        self.assertCanNotCreateAt(StandardSeite, PraxisbeispielIndex)
        self.assertCanNotCreateAt(Page, PraxisbeispielIndex)
        # There is one library only (max_count = 1), and it exists already.
        self.assertFalse(PraxisbeispielIndex.can_create_at(self.home))

    def test_redaktion_legt_praxisbeispiel_im_admin_an(self):
        self.client.force_login(self.redakteurin)
        daten = nested_form_data(
            {
                "title": "Familienbüro im Stadtteil",
                "slug": "familienbuero-im-stadtteil",
                "teaser": "Eine Anlaufstelle für Familien mitten im Quartier.",
                "kommune": self.kommune.pk,
                "programm": "kinderstark",
                "angebotsart": "familienbuero",
                "startjahr": "2019",
                "inhalt": streamfield(
                    [
                        ("text", rich_text("<p>Beratung ohne Termin.</p>")),
                        ("zitat", {"text": "Wir sind da, wo Familien sind.", "quelle": "Team"}),
                    ]
                ),
                "partner": inline_formset([{"name": "Familienzentrum Süd", "webseite": ""}]),
                "kontakt": "Stadt Ahlen, Familienbüro",
                "kontakt_email": "",
                "quelle_url": "",
                "comments": inline_formset([]),
            }
        )
        daten.update(self._einordnung())
        self.assertCanCreate(self.index, Praxisbeispiel, daten)
        seite = Praxisbeispiel.objects.get(slug="familienbuero-im-stadtteil")
        self.assertTrue(seite.live)
        self.assertEqual([p.name for p in seite.partner.all()], ["Familienzentrum Süd"])
        self.assertEqual(list(seite.phasen.values_list("schluessel", flat=True)), ["kita"])
        self.assertPageIsRenderable(seite)
        # (assertPageIsEditable cannot read StreamField data back from the JS-built form.)
        self.client.force_login(self.redakteurin)
        self.assertEqual(self.client.get(f"/cms-admin/pages/{seite.pk}/edit/").status_code, 200)

    def test_veroeffentlichen_ohne_kommune_zeigt_feldfehler(self):
        self.client.force_login(self.redakteurin)
        daten = nested_form_data(
            {
                "title": "Ohne Kommune",
                "slug": "ohne-kommune",
                "teaser": "Kurz.",
                "programm": "kinderstark",
                "angebotsart": "netzwerk",
                "inhalt": streamfield([]),
                "partner": inline_formset([]),
                "comments": inline_formset([]),
                "action-publish": "action-publish",
            }
        )
        daten.update(self._einordnung())
        url = f"/cms-admin/pages/add/cms/praxisbeispiel/{self.index.pk}/"
        antwort = self.client.post(url, daten)
        self.assertEqual(antwort.status_code, 200)
        self.assertIn("kommune", antwort.context["form"].errors)
        self.assertFalse(Praxisbeispiel.objects.filter(slug="ohne-kommune").exists())

    def test_bibliothek_ist_routbar_und_darstellbar(self):
        self.assertPageIsRoutable(self.index)
        self.assertPageIsRoutable(self.index, "feed/")
        self.assertPageIsRenderable(self.index)
        self.assertPageIsRenderable(self.index, "feed/atom/")


class PraxisSnippetTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.redakteurin = _konto("redaktion", rollen.REDAKTION)
        cls.teilnehmerin = _konto("teilnehmerin", rollen.TEILNEHMENDE)

    def test_redaktion_pflegt_kommunen(self):
        self.client.force_login(self.redakteurin)
        self.assertEqual(self.client.get("/cms-admin/snippets/cms/kommune/").status_code, 200)
        kreis = Kreis.objects.get(schluessel="05962")
        antwort = self.client.post(
            "/cms-admin/snippets/cms/kommune/add/",
            {"name": "Lüdenscheid", "kreis": kreis.pk, "slug": ""},
        )
        self.assertEqual(antwort.status_code, 302)
        kommune = Kommune.objects.get(name="Lüdenscheid")
        self.assertEqual(kommune.slug, "luedenscheid")
        self.assertEqual(kommune.ortsangabe, "Lüdenscheid · Märkischer Kreis")

    def test_doppelte_kommune_im_selben_kreis_wird_abgelehnt(self):
        kommune_sicherstellen(name="Datteln", kreis="05562")
        self.client.force_login(self.redakteurin)
        antwort = self.client.post(
            "/cms-admin/snippets/cms/kommune/add/",
            {"name": "Datteln", "kreis": Kreis.objects.get(schluessel="05562").pk, "slug": ""},
        )
        self.assertEqual(antwort.status_code, 200)
        self.assertEqual(Kommune.objects.filter(name="Datteln").count(), 1)

    def test_kreise_und_taxonomie_sind_fuer_die_redaktion_nur_lesbar(self):
        self.client.force_login(self.redakteurin)
        for liste in ("/cms-admin/snippets/kern/kreis/", "/cms-admin/snippets/cms/phase/"):
            antwort = self.client.get(liste)
            self.assertEqual(antwort.status_code, 200, liste)
        self.assertContains(
            self.client.get("/cms-admin/snippets/kern/kreis/?q=Coesfeld"), "Coesfeld"
        )
        kreis = Kreis.objects.get(schluessel="05558")
        self.assertEqual(
            self.client.get(f"/cms-admin/snippets/kern/kreis/inspect/{kreis.pk}/").status_code, 200
        )
        for verboten in (
            "/cms-admin/snippets/kern/kreis/add/",
            f"/cms-admin/snippets/kern/kreis/edit/{kreis.pk}/",
            "/cms-admin/snippets/cms/phase/add/",
        ):
            antwort = self.client.get(verboten)
            self.assertEqual(antwort.status_code, 302, verboten)
            self.assertEqual(antwort.url, "/cms-admin/", verboten)
        self.assertFalse(self.redakteurin.has_perm("kern.change_kreis"))
        self.assertTrue(self.redakteurin.has_perm("cms.change_kommune"))

    def test_teilnehmende_kommen_nicht_in_die_snippets(self):
        self.client.force_login(self.teilnehmerin)
        antwort = self.client.get("/cms-admin/snippets/cms/kommune/")
        self.assertEqual(antwort.status_code, 302)
        self.assertTrue(antwort.url.startswith("/cms-admin/login/"))
        self.assertFalse(
            Permission.objects.filter(group__name=rollen.TEILNEHMENDE, codename="view_kommune")
        )
