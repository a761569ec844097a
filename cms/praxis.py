"""Good-practice library: Praxisbeispiel pages, their index and the taxonomy (BRIEF §4).

Imported by cms/models.py, so every model here belongs to the cms app.
"""

from __future__ import annotations

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from .blocks import PraxisInhaltBlocks

STARTJAHR_MIN = 1990
STARTJAHR_MAX = 2100
# German transliteration for readable slugs ("Märkischer Kreis" → "maerkischer-kreis").
UMLAUTE = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"}
)


class Programm(models.TextChoices):
    KEKIZ = "kekiz", _("Kein Kind zurücklassen!")
    KINDERSTARK = "kinderstark", _("kinderstark – NRW schafft Chancen")
    FRUEHE_HILFEN = "fruehe_hilfen", _("Frühe Hilfen")
    SONSTIGES = "sonstiges", _("anderes Programm")


class Angebotsart(models.TextChoices):
    LOTSENDIENST = "lotsendienst", _("Lotsendienst")
    WILLKOMMENSBESUCH = "willkommensbesuch", _("Willkommensbesuch")
    NETZWERK = "netzwerk", _("Netzwerk")
    FAMILIENBUERO = "familienbuero", _("Familienbüro")
    KITA_SOZIALARBEIT = "kita_sozialarbeit", _("Kita-Sozialarbeit")
    FAMILIENGRUNDSCHULZENTRUM = "familiengrundschulzentrum", _("Familiengrundschulzentrum")
    STEUERUNGSGRUPPE = "steuerungsgruppe", _("Steuerungsgruppe")
    SONSTIGES = "sonstiges", _("andere Angebotsart")


class Kommune(models.Model):
    """A municipality or district authority that runs an example; its Kreis comes from kern."""

    name = models.CharField(_("Name"), max_length=100)
    kreis = models.ForeignKey(
        "kern.Kreis",
        verbose_name=_("Kreis oder kreisfreie Stadt"),
        on_delete=models.PROTECT,
        related_name="kommunen",
    )
    slug = models.SlugField(
        _("Kurzname für Adressen"),
        max_length=110,
        unique=True,
        blank=True,
        help_text=_("Wird aus dem Namen gebildet, wenn leer; erscheint in Such-Adressen."),
    )

    panels = [FieldPanel("name"), FieldPanel("kreis"), FieldPanel("slug")]

    class Meta:
        verbose_name = _("Kommune")
        verbose_name_plural = _("Kommunen")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["name", "kreis"], name="kommune_name_kreis_eindeutig")
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self._freier_slug()
        super().save(*args, **kwargs)

    @property
    def ortsangabe(self) -> str:
        """Place for lists, e.g. „Datteln · Kreis Recklinghausen“; a Kreis is named once."""
        kreis = str(self.kreis)
        return self.name if kreis == self.name else f"{self.name} · {kreis}"

    def _freier_slug(self) -> str:
        basis = slugify(self.name.translate(UMLAUTE))[:100] or "kommune"
        kandidat, nummer = basis, 2
        while Kommune.objects.filter(slug=kandidat).exclude(pk=self.pk).exists():
            kandidat, nummer = f"{basis}-{nummer}", nummer + 1
        return kandidat


class Taxonomie(models.Model):
    """A fixed value list of BRIEF §4, kept as rows so facet counts are database aggregations."""

    schluessel = models.SlugField(_("Schlüssel"), max_length=40, unique=True)
    name = models.CharField(_("Bezeichnung"), max_length=100)
    reihenfolge = models.PositiveSmallIntegerField(_("Reihenfolge"), default=0)

    panels = [FieldPanel("name"), FieldPanel("schluessel"), FieldPanel("reihenfolge")]

    class Meta:
        abstract = True
        ordering = ["reihenfolge", "name"]

    def __str__(self) -> str:
        return self.name


class Phase(Taxonomie):
    class Meta(Taxonomie.Meta):
        verbose_name = _("Phase der Präventionskette")
        verbose_name_plural = _("Phasen der Präventionskette")


class Handlungsfeld(Taxonomie):
    class Meta(Taxonomie.Meta):
        verbose_name = _("Handlungsfeld")
        verbose_name_plural = _("Handlungsfelder")


class PraxisbeispielIndex(RoutablePageMixin, Page):
    """The public library at /praxisbeispiele/: search, facets, feeds."""

    einleitung = RichTextField(_("Einleitung"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("einleitung")]
    search_fields = [*Page.search_fields, index.SearchField("einleitung")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.Praxisbeispiel"]
    max_count = 1

    class Meta:
        verbose_name = _("Praxisbeispiel-Bibliothek")
        verbose_name_plural = _("Praxisbeispiel-Bibliotheken")

    def get_context(self, request, *args, **kwargs):
        from .selectors import PraxisFilter, praxisbeispiele_suchen

        context = super().get_context(request, *args, **kwargs)
        suche = praxisbeispiele_suchen(
            index=self,
            filter=PraxisFilter.aus_anfrage(request.GET),
            seite=request.GET.get("seite"),
        )
        context["suche"] = suche
        return context

    @path("feed/", name="feed_rss")
    def feed_rss(self, request):
        from .feeds import PraxisbeispielRssFeed

        return PraxisbeispielRssFeed(self)(request)

    @path("feed/atom/", name="feed_atom")
    def feed_atom(self, request):
        from .feeds import PraxisbeispielAtomFeed

        return PraxisbeispielAtomFeed(self)(request)


class Praxisbeispiel(Page):
    """One municipality's example of good practice."""

    kommune = models.ForeignKey(
        Kommune,
        verbose_name=_("Kommune"),
        # Drafts made from a presentation may not know it yet; publishing requires it.
        null=True,
        blank=False,
        on_delete=models.PROTECT,
        related_name="praxisbeispiele",
    )
    phasen = ParentalManyToManyField(
        Phase, verbose_name=_("Phasen"), related_name="praxisbeispiele", blank=False
    )
    handlungsfelder = ParentalManyToManyField(
        Handlungsfeld,
        verbose_name=_("Handlungsfelder"),
        related_name="praxisbeispiele",
        blank=False,
    )
    programm = models.CharField(
        _("Programm"), max_length=20, choices=Programm.choices, blank=False, db_index=True
    )
    angebotsart = models.CharField(
        _("Angebotsart"), max_length=30, choices=Angebotsart.choices, blank=False, db_index=True
    )
    startjahr = models.PositiveSmallIntegerField(
        _("Startjahr"),
        null=True,
        blank=True,
        validators=[MinValueValidator(STARTJAHR_MIN), MaxValueValidator(STARTJAHR_MAX)],
    )
    teaser = models.CharField(
        _("Kurzbeschreibung"),
        max_length=400,
        help_text=_("Zwei, drei Sätze für die Trefferliste und den Feed (höchstens 400 Zeichen)."),
    )
    inhalt = StreamField(PraxisInhaltBlocks(), verbose_name=_("Inhalt"), blank=True)
    kontakt = models.CharField(
        _("Kontakt (Stelle oder Organisation)"),
        max_length=200,
        blank=True,
        help_text=_(
            "Funktion oder Organisation, z. B. „Stadt Datteln, Fachbereich Kinder, Jugend, "
            "Familie“ – keine persönlichen Namen ohne Einwilligung."
        ),
    )
    kontakt_email = models.EmailField(
        _("Kontakt-E-Mail"),
        blank=True,
        help_text=_(
            "Nur eine Funktionsadresse (z. B. familienbuero@…), keine persönliche Adresse."
        ),
    )
    quelle_url = models.URLField(
        _("Link zur Abschlusspräsentation"),
        blank=True,
        help_text=_("Optional: die Abschlusspräsentation, aus der das Beispiel entstanden ist."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("teaser", widget=forms.Textarea(attrs={"rows": 3})),
        MultiFieldPanel(
            [
                FieldPanel("kommune"),
                FieldPanel("phasen", widget=forms.CheckboxSelectMultiple, required_on_save=False),
                FieldPanel(
                    "handlungsfelder", widget=forms.CheckboxSelectMultiple, required_on_save=False
                ),
                FieldRowPanel([FieldPanel("programm"), FieldPanel("angebotsart")]),
                FieldPanel("startjahr"),
            ],
            heading=_("Einordnung"),
        ),
        FieldPanel("inhalt"),
        InlinePanel("partner", heading=_("Partner"), label=_("Partner")),
        MultiFieldPanel(
            [FieldPanel("kontakt"), FieldPanel("kontakt_email"), FieldPanel("quelle_url")],
            heading=_("Kontakt und Quelle"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("teaser", boost=1.5),
        index.SearchField("inhalt"),
        index.RelatedFields(
            "kommune",
            [index.SearchField("name"), index.RelatedFields("kreis", [index.SearchField("name")])],
        ),
        index.RelatedFields("partner", [index.SearchField("name")]),
    ]
    parent_page_types = ["cms.PraxisbeispielIndex"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("Praxisbeispiel")
        verbose_name_plural = _("Praxisbeispiele")

    def get_context(self, request, *args, **kwargs):
        from .selectors import praxisbeispiel_json_ld, verwandte_praxisbeispiele

        context = super().get_context(request, *args, **kwargs)
        context["verwandte"] = verwandte_praxisbeispiele(seite=self)
        context["brotkrumen"] = self.get_ancestors().filter(depth__gt=1)
        context["json_ld"] = praxisbeispiel_json_ld(seite=self, request=request)
        return context


class PraxisbeispielPartner(Orderable):
    seite = ParentalKey(Praxisbeispiel, on_delete=models.CASCADE, related_name="partner")
    name = models.CharField(_("Name"), max_length=200)
    webseite = models.URLField(_("Webseite"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("webseite")]

    class Meta(Orderable.Meta):
        verbose_name = _("Partner")
        verbose_name_plural = _("Partner")

    def __str__(self) -> str:
        return self.name


__all__ = [
    "Angebotsart",
    "Handlungsfeld",
    "Kommune",
    "Phase",
    "Praxisbeispiel",
    "PraxisbeispielIndex",
    "PraxisbeispielPartner",
    "Programm",
]
