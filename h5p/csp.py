"""What the H5P player needs from the Content Security Policy, and only on pages embedding it.

In django-csp's format: a page's ``serve`` hands its response to ``spieler_erlauben``, and the
middleware adds these sources to the site-wide policy for that one response. The needs were
found by running the player under a strict policy (tests/browser/test_h5p.py keeps doing so).
"""

from __future__ import annotations

import base64
import functools
import hashlib
import re

from django.contrib.staticfiles import finders

FRAME_JS = "vendor/h5p-standalone/frame.bundle.js"
# H5P core writes the player's iframe with one inline script; as a JS string in the bundle.
_INLINE_SKRIPT = re.compile(r'"<script>([^"<]*)<\\/script>"')
# Its hash in h5p-standalone 3.8.2, for when the vendored file is not at hand.
_HASH_3_8_2 = "'sha256-8CniZYrnO46q7MvZ3m08Wom1HH/ZhyXmm29kBKTV1rk='"


@functools.cache
def inline_skript_hashes() -> tuple[str, ...]:
    """CSP hashes of the inline scripts in the vendored player, read from the file itself."""
    pfad = finders.find(FRAME_JS)
    if not pfad:
        return (_HASH_3_8_2,)
    with open(pfad, encoding="utf-8") as datei:
        skripte = sorted(set(_INLINE_SKRIPT.findall(datei.read())))
    return tuple(_hash(skript) for skript in skripte) or (_HASH_3_8_2,)


def _hash(skript: str) -> str:
    return f"'sha256-{base64.b64encode(hashlib.sha256(skript.encode()).digest()).decode()}'"


def csp_fuer_spieler() -> dict[str, list[str]]:
    """The additions: that one inline script by its hash (never 'unsafe-inline' for scripts);
    inline styles, because H5P core and content types write style="…" into their markup; the
    data: fonts and images of the player's CSS; and same-origin frames for the player itself."""
    return {
        "script-src": ["'self'", *inline_skript_hashes()],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
        "media-src": ["'self'", "blob:"],
        "frame-src": ["'self'"],
    }


def spieler_erlauben(antwort) -> None:
    """Mark a response (a page with an H5P activity) to get the player's CSP additions."""
    vorhanden = dict(getattr(antwort, "_csp_update", None) or {})
    for direktive, quellen in csp_fuer_spieler().items():
        vorhanden[direktive] = [*vorhanden.get(direktive, []), *quellen]
    antwort._csp_update = vorhanden
