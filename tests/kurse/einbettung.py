"""The one stand-in for an outside service in these tests: an oEmbed finder that answers
from here instead of asking a video platform (set via settings.WAGTAILEMBEDS_FINDERS)."""

from wagtail.embeds.finders.base import EmbedFinder


class TestFinder(EmbedFinder):
    def accept(self, url):
        return url.startswith("https://videos.example/")

    def find_embed(self, url, max_width=None, max_height=None):
        return {
            "title": "Testvideo",
            "author_name": "",
            "provider_name": "Videos",
            "type": "video",
            "thumbnail_url": "",
            "width": 640,
            "height": 360,
            "html": f'<iframe title="Testvideo" src="{url}/player"></iframe>',
        }
