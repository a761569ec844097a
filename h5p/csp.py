"""What the H5P player needs from the Content Security Policy, and only on pages embedding it.

In django-csp's format: a view (or a page's ``serve``) hands this to ``spieler_erlauben``, and
the middleware adds the sources to the site-wide policy for that one response. The needs were
found by running the player under a strict policy (tests/browser/test_h5p.py does so).
"""

from __future__ import annotations

# H5P core and the content types write style="…" in their markup (jQuery), and the player's
# fonts and icons come partly as data: URIs; scripts and frames stay 'self' only.
CSP_FUER_SPIELER: dict[str, list[str]] = {
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:"],
    "media-src": ["'self'", "blob:"],
    "frame-src": ["'self'"],
}


def spieler_erlauben(antwort) -> None:
    """Mark a response (a page with an H5P activity) to get the player's CSP additions."""
    vorhanden = dict(getattr(antwort, "_csp_update", None) or {})
    for direktive, quellen in CSP_FUER_SPIELER.items():
        vorhanden[direktive] = [*vorhanden.get(direktive, []), *quellen]
    antwort._csp_update = vorhanden
