"""How a person is named on pages, lists, certificates and mails: never by the e-mail address.

`anzeigename` is the one formatter ("Dr. Erika Mustermann"); accounts without a name (created
before names were asked for) show a neutral placeholder with their number instead.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

OHNE_NAMEN = _("Person ohne Namensangabe (Nr. {nummer})")
NAME_MAX = 100
TITEL_MAX = 40


def hat_namen(nutzer) -> bool:
    return bool(nutzer.first_name.strip() and nutzer.last_name.strip())


def voller_name(nutzer) -> str:
    """Title, first and last name ("Dr. Erika Mustermann"); empty without a name."""
    if not hat_namen(nutzer):
        return ""
    teile = (getattr(nutzer, "titel", ""), nutzer.first_name, nutzer.last_name)
    return " ".join(t.strip() for t in teile if t and t.strip())


def anzeigename(nutzer) -> str:
    if nutzer is None:
        return ""
    return voller_name(nutzer) or str(OHNE_NAMEN).format(nummer=nutzer.pk)


def listenname(nutzer) -> str:
    """For alphabetical lists: "Mustermann, Dr. Erika"."""
    if not hat_namen(nutzer):
        return anzeigename(nutzer)
    vorne = " ".join(t for t in (getattr(nutzer, "titel", "").strip(), nutzer.first_name) if t)
    return f"{nutzer.last_name.strip()}, {vorne.strip()}"
