"""StreamField blocks of a lesson: the shared content blocks plus what only lessons need."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock

from cms.blocks import RICHTEXT_FEATURES, InhaltBlocks
from h5p.blocks import H5PAktivitaetBlock


class VideoBlock(blocks.StructBlock):
    """An embedded video (oEmbed via wagtail.embeds) with caption and transcript.

    The transcript is required: BITV 2.0 asks for a text alternative to recorded media.
    """

    video = EmbedBlock(
        label=_("Adresse des Videos"),
        help_text=_("Link zu einem Video, z. B. bei YouTube oder Vimeo."),
    )
    beschriftung = blocks.CharBlock(label=_("Bildunterschrift"), required=False, max_length=200)
    transkript = blocks.RichTextBlock(
        label=_("Transkript"),
        features=RICHTEXT_FEATURES,
        help_text=_("Der gesprochene Text des Videos – Pflicht für die Barrierefreiheit."),
    )

    class Meta:
        icon = "media"
        label = _("Video")
        template = "kurse/blocks/video.html"


class LektionBlocks(InhaltBlocks):
    """Text, Hinweis (callout), Bild, Dokument from cms.blocks, plus video and H5P activity.

    A lesson with an H5P activity is completed by the activity's rule (kurse/h5p_anbindung.py),
    not by the "Als erledigt markieren" button.
    """

    video = VideoBlock()
    h5p = H5PAktivitaetBlock()
