"""Template filters for in-person sessions."""

from django import template

from kurse.models import stunden_text

register = template.Library()


@register.filter
def stunden(wert) -> str:
    """Hours in German notation without needless zeros: 4.50 → "4,5"."""
    return "" if wert is None else stunden_text(wert)
