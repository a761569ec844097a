"""RSS and Atom feeds of newly published Praxisbeispiele (Django syndication)."""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from .selectors import neueste_praxisbeispiele

FEED_LAENGE = 20


class PraxisbeispielRssFeed(Feed):
    description = _("Neu veröffentlichte Praxisbeispiele kommunaler Präventionsketten in NRW.")

    def __init__(self, index):
        super().__init__()
        self.index = index

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        return _("%(titel)s – Lernkette") % {"titel": self.index.title}

    def link(self):
        return self.index.get_url(request=self.request)

    def items(self):
        return neueste_praxisbeispiele(index=self.index, anzahl=FEED_LAENGE)

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.teaser

    def item_link(self, item):
        return item.get_url(request=self.request)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [
            *(p.name for p in item.phasen.all()),
            *(h.name for h in item.handlungsfelder.all()),
        ]

    def item_author_name(self, item):
        return item.kommune.name if item.kommune_id else None


class PraxisbeispielAtomFeed(PraxisbeispielRssFeed):
    feed_type = Atom1Feed

    def subtitle(self):
        return self.description
