"""allauth speaks to users in the formal "Sie" form, never with "du".

allauth's own German catalogue uses "du"; kern/locale/de/LC_MESSAGES/django.po overrides the
affected entries (kern comes before allauth in INSTALLED_APPS). The .mo files are built by
`make test` (compilemessages) before the suite runs.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import allauth
from django.conf import settings
from django.utils import translation

ALLAUTH_PO = Path(allauth.__file__).parent / "locale" / "de" / "LC_MESSAGES" / "django.po"
KERN_PO = Path(settings.BASE_DIR) / "kern" / "locale" / "de" / "LC_MESSAGES" / "django.po"

# Informal pronouns and the verb forms and imperatives that allauth's translation used.
DUZEN = re.compile(
    r"\b(du|dich|dir|dein\w*|euch|euer\w*"
    r"|kannst|musst|hast|bist|möchtest|solltest|erhältst|sendest|verwendest"
    r"|gib|versuche|wähle|bestätige|klicke?|kontaktiere|lass|rufe|erstelle|folge"
    r"|überprüfe|melde|lies|gehe)\b",
    re.IGNORECASE,
)
# Format placeholders and HTML tags (with their attributes) must survive translation.
PLATZHALTER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}|</?\w+[^>]*>")


def _po_eintraege(pfad: Path) -> list[dict[str, str]]:
    """A tiny PO reader: one dict per active entry (msgctxt, msgid, msgid_plural, msgstr...)."""
    eintraege: list[dict[str, str]] = []
    aktuell: dict[str, str] = {}
    schluessel = ""
    for zeile in [*pfad.read_text(encoding="utf-8").splitlines(), ""]:
        zeile = zeile.strip()
        if not zeile:
            if aktuell.get("msgid"):  # skips the header (empty msgid)
                eintraege.append(aktuell)
            aktuell, schluessel = {}, ""
        elif zeile.startswith("#,"):
            aktuell["flags"] = zeile[2:].strip()
        elif zeile.startswith("#"):  # comments and obsolete (#~) entries
            continue
        elif zeile.startswith('"'):
            aktuell[schluessel] += ast.literal_eval(zeile)
        else:
            schluessel, _, wert = zeile.partition(" ")
            aktuell[schluessel] = ast.literal_eval(wert)
    return eintraege


def _uebersetzungen(eintrag: dict[str, str]) -> list[str]:
    """Every German text Django serves for this entry (both plural forms where present)."""
    kontext = eintrag.get("msgctxt")
    msgid = eintrag["msgid"]
    if "msgid_plural" in eintrag:
        plural = eintrag["msgid_plural"]
        if kontext is not None:
            return [translation.npgettext(kontext, msgid, plural, n) for n in (1, 2)]
        return [translation.ngettext(msgid, plural, n) for n in (1, 2)]
    if kontext is not None:
        return [translation.pgettext(kontext, msgid)]
    return [translation.gettext(msgid)]


def test_kein_allauth_text_duzt():
    eintraege = _po_eintraege(ALLAUTH_PO)
    assert len(eintraege) > 300, "allauth catalogue not found or not parsed"
    funde = []
    with translation.override("de"):
        for eintrag in eintraege:
            for text in _uebersetzungen(eintrag):
                if treffer := DUZEN.search(text):
                    funde.append(f"{eintrag['msgid']!r} -> {text!r} ({treffer.group(0)!r})")
    assert not funde, "Informal German in allauth texts (did compilemessages run?):\n" + "\n".join(
        funde
    )


def test_anmeldesperre_ist_formell():
    with translation.override("de"):
        text = translation.gettext("Too many failed login attempts. Try again later.")
    assert text == ("Zu viele gescheiterte Anmeldeversuche. Bitte versuchen Sie es später erneut.")


def test_weitere_stichproben_sind_formell():
    with translation.override("de"):
        assert translation.gettext("Please type your current password.") == (
            "Bitte geben Sie Ihr aktuelles Passwort ein."
        )
        assert translation.gettext("Are you sure you want to sign out?") == (
            "Sind Sie sicher, dass Sie sich abmelden möchten?"
        )
        assert translation.gettext("Your primary email address must be verified.") == (
            "Ihre primäre E-Mail-Adresse muss bestätigt werden."
        )


def test_overrides_passen_zu_allauth():
    """Every override still matches an allauth msgid (an upgrade may change them) and keeps
    the placeholders and HTML of the original."""
    allauth_ids = {(e.get("msgctxt"), e["msgid"]) for e in _po_eintraege(ALLAUTH_PO)}
    overrides = _po_eintraege(KERN_PO)
    assert overrides
    for eintrag in overrides:
        assert (eintrag.get("msgctxt"), eintrag["msgid"]) in allauth_ids, eintrag["msgid"]
        assert not DUZEN.search(eintrag["msgstr"]), eintrag["msgstr"]
        assert sorted(PLATZHALTER.findall(eintrag["msgstr"])) == sorted(
            PLATZHALTER.findall(eintrag["msgid"])
        ), eintrag["msgid"]
