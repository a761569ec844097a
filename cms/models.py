from django.db import models
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from .blocks import InhaltBlocks
from .forms import BarrierefreiheitSeiteAdminForm, RueckmeldungFormBuilder


class HomePage(Page):
    """Start page of the site."""

    einleitung = RichTextField(_("Einleitung"), blank=True, features=["bold", "italic", "link"])
    inhalt = StreamField(InhaltBlocks(), verbose_name=_("Inhalt"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("einleitung"), FieldPanel("inhalt")]
    search_fields = [*Page.search_fields, index.SearchField("einleitung")]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("Startseite")


class StandardSeite(Page):
    """A plain content page (e.g. Leichte Sprache, Impressum, Datenschutz)."""

    einleitung = RichTextField(_("Einleitung"), blank=True, features=["bold", "italic", "link"])
    inhalt = StreamField(InhaltBlocks(), verbose_name=_("Inhalt"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("einleitung"), FieldPanel("inhalt")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("einleitung"),
        index.SearchField("inhalt"),
    ]
    parent_page_types = ["cms.HomePage", "cms.StandardSeite"]

    class Meta:
        verbose_name = _("Inhaltsseite")
        verbose_name_plural = _("Inhaltsseiten")


class BarrierefreiheitFormularfeld(AbstractFormField):
    seite = ParentalKey(
        "BarrierefreiheitSeite", on_delete=models.CASCADE, related_name="form_fields"
    )

    class Meta(AbstractFormField.Meta):
        verbose_name = _("Formularfeld")
        verbose_name_plural = _("Formularfelder")


class BarrierefreiheitSeite(AbstractEmailForm):
    """Accessibility statement (BITV NRW § 7) with its feedback form; submissions are stored
    (Wagtail's form submissions) and e-mailed to `to_address`."""

    #: clean_name of the field that holds the address of the page with the barrier.
    SEITENFELD = "seite"

    stand = models.DateField(
        _("Stand der Erklärung"), help_text=_("Datum der Erstellung oder letzten Überprüfung.")
    )
    inhalt = StreamField(InhaltBlocks(), verbose_name=_("Erklärung"), blank=True)
    danke_text = RichTextField(
        _("Text nach dem Absenden"), blank=True, features=["bold", "italic", "link"]
    )

    base_form_class = BarrierefreiheitSeiteAdminForm
    form_builder = RueckmeldungFormBuilder

    content_panels = [
        FormSubmissionsPanel(),
        *Page.content_panels,
        FieldPanel("stand"),
        FieldPanel("inhalt"),
        InlinePanel("form_fields", label=_("Felder des Rückmeldeformulars")),
        FieldPanel("danke_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
            ],
            _("E-Mail-Benachrichtigung"),
        ),
    ]
    search_fields = [*Page.search_fields, index.SearchField("inhalt")]
    parent_page_types = ["cms.HomePage"]
    subpage_types: list[str] = []
    max_count = 1

    class Meta:
        verbose_name = _("Erklärung zur Barrierefreiheit")
        verbose_name_plural = _("Erklärungen zur Barrierefreiheit")

    def serve(self, request, *args, **kwargs):
        self._herkunft = self.herkunft_der_anfrage(request)
        return super().serve(request, *args, **kwargs)

    def herkunft_der_anfrage(self, request) -> str:
        """The page of our own site the visitor came from, to prefill the page-address field."""
        herkunft = request.GET.get("seite") or request.headers.get("referer", "")
        eigene = url_has_allowed_host_and_scheme(herkunft, allowed_hosts={request.get_host()})
        if not eigene or herkunft.split("?")[0].endswith(self.url or ""):
            return ""
        return herkunft[:255]

    def get_form_parameters(self):
        herkunft = getattr(self, "_herkunft", "")
        return {"initial": {self.SEITENFELD: herkunft}} if herkunft else {}

    def process_form_submission(self, form):
        from .services import rueckmeldung_einreichen

        return rueckmeldung_einreichen(seite=self, daten=form.cleaned_data)


# The good-practice library lives in its own module; importing it registers its models here.
from .praxis import *  # noqa: E402, F403
