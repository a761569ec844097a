"""Machinery of the permission matrix: walk the URL resolver, build a URL for each pattern,
request it as each role and classify the answer into the codes of erwartungen.py."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.exceptions import Resolver404

#: Login pages a refused anonymous request may be sent to (allauth, Wagtail admin, Django admin).
LOGIN_PFADE = ("/konto/login/", "/cms-admin/login/", "/django-admin/login/")


@dataclass(frozen=True)
class Muster:
    route: str  # the pattern as the resolver shows it, prefixes included
    name: str  # "namespace:name" or ""
    hat_parameter: bool


def muster_aller_urls() -> list[Muster]:
    """Every URL pattern of the project, depth first, in resolver order."""

    def gehen(resolver, praefix: str):
        for eintrag in resolver.url_patterns:
            route = praefix + str(eintrag.pattern)
            if isinstance(eintrag, URLResolver):
                yield from gehen(eintrag, route)
            elif isinstance(eintrag, URLPattern):
                parameter = bool(re.search(r"<\w|\(", route))
                yield Muster(route=route, name=eintrag.name or "", hat_parameter=parameter)

    return list(gehen(get_resolver(), ""))


def _gruppen_ersetzen(route: str, wert: str) -> str:
    """`<int:pk>` and (nested) regex groups → `wert`; `^`, `$` and escapes removed."""
    route = re.sub(r"<[^>]+>", wert, route)
    ausgabe, tiefe, i = [], 0, 0
    while i < len(route):
        zeichen = route[i]
        if zeichen == "\\" and i + 1 < len(route):
            if tiefe == 0:
                ausgabe.append(route[i + 1])
            i += 2
            continue
        if zeichen == "(":
            if tiefe == 0:
                ausgabe.append(wert)
            tiefe += 1
        elif zeichen == ")":
            tiefe -= 1
            # a quantifier after a group (`)*`, `)?`) belongs to the group
            if tiefe == 0 and i + 1 < len(route) and route[i + 1] in "*?+":
                i += 1
        elif tiefe == 0 and zeichen not in "^$":
            ausgabe.append(zeichen)
        i += 1
    return "/" + "".join(ausgabe)


def beispiel_url(muster: Muster) -> str | None:
    """A URL that the resolver maps back to exactly this pattern, or None."""
    for wert in ("1", "x", str(uuid.UUID(int=1))):
        url = _gruppen_ersetzen(muster.route, wert)
        try:
            treffer = resolve(url)
        except Resolver404:
            continue
        if _route_gleich(treffer.route, muster.route):
            return url
    return None


def _route_gleich(a: str, b: str) -> bool:
    return a.replace("^", "").replace("$", "") == b.replace("^", "").replace("$", "")


def einordnen(antwort, url: str) -> str:
    """The code of erwartungen.py that describes this response."""
    status = antwort.status_code
    if status in (301, 302, 303, 307, 308):
        ziel = urlsplit(antwort["Location"])
        if ziel.path in LOGIN_PFADE and "next=" in ziel.query:
            return "L"
        return "→"
    return str(status)


def passt(erwartet: str, bekommen: str) -> bool:
    if erwartet == "-":  # refused: to a login page or 403
        return bekommen in ("L", "403")
    if erwartet == "*":  # anything but being sent to the login page or a server error
        return bekommen[:1] in ("→", "2", "3", "4")
    return erwartet == bekommen
