"""StreamField blocks shared by the content pages."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock

RICHTEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class HinweisBlock(blocks.StructBlock):
    titel = blocks.CharBlock(label=_("Titel"), max_length=120)
    text = blocks.RichTextBlock(label=_("Text"), features=["bold", "italic", "link", "ul"])

    class Meta:
        icon = "info-circle"
        label = _("Hinweis")
        template = "cms/blocks/hinweis.html"


class DokumentBlock(blocks.StructBlock):
    dokument = DocumentChooserBlock(label=_("Dokument"))
    beschreibung = blocks.CharBlock(label=_("Beschreibung"), required=False, max_length=200)

    class Meta:
        icon = "doc-full"
        label = _("Dokument")
        template = "cms/blocks/dokument.html"


class InhaltBlocks(blocks.StreamBlock):
    text = blocks.RichTextBlock(label=_("Text"), features=RICHTEXT_FEATURES)
    hinweis = HinweisBlock()
    bild = ImageBlock(label=_("Bild"))
    dokument = DokumentBlock()


class ZitatBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Zitat"))
    quelle = blocks.CharBlock(label=_("Quelle"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Zitat")
        template = "cms/blocks/zitat.html"


class KennzahlBlock(blocks.StructBlock):
    wert = blocks.CharBlock(label=_("Wert"), max_length=20, help_text=_("z. B. „24“ oder „80 %“"))
    bezeichnung = blocks.CharBlock(label=_("Bezeichnung"), max_length=120)


class KennzahlenBlock(blocks.ListBlock):
    def __init__(self, **kwargs):
        super().__init__(KennzahlBlock(), min_num=1, max_num=6, **kwargs)

    class Meta:
        icon = "table"
        label = _("Kennzahlen")
        template = "cms/blocks/kennzahlen.html"


class PraxisInhaltBlocks(blocks.StreamBlock):
    """Body of a Praxisbeispiel: text, image with alt text, document, quote, key figures."""

    text = blocks.RichTextBlock(label=_("Text"), features=RICHTEXT_FEATURES)
    bild = ImageBlock(label=_("Bild"), template="cms/blocks/bild.html")
    dokument = DokumentBlock()
    zitat = ZitatBlock()
    kennzahlen = KennzahlenBlock()
