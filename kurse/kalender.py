"""In-person sessions as iCalendar (RFC 5545) files, built with the `icalendar` library."""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urlsplit

import icalendar
from django.conf import settings
from django.utils import timezone

from .models import Praesenztermin, stunden_text

PRODID = "-//Lernkette//Präsenztermine//DE"


def _uid(termin: Praesenztermin) -> str:
    host = urlsplit(settings.SITE_URL).hostname or "lernkette"
    return f"praesenztermin-{termin.pk}@{host}"


def _ereignis(termin: Praesenztermin, jetzt) -> icalendar.Event:
    durchgang = termin.durchgang
    zeilen = [
        f"{durchgang.kurs.title}, {durchgang.titel}",
        f"{termin.unterrichtseinheiten} Unterrichtseinheiten, "
        f"{stunden_text(termin.stunden)} Präsenzstunden",
    ]
    if termin.online_link:
        zeilen.append(f"Online-Teilnahme: {termin.online_link}")
    return icalendar.Event.new(
        uid=_uid(termin),
        stamp=jetzt,
        start=termin.beginn_zeitpunkt,
        end=termin.ende_zeitpunkt,
        summary=f"{termin.titel} – {durchgang.kurs.title}",
        location=termin.ort or "Online",
        description="\n".join(zeilen),
        url=termin.online_link or None,
    )


def termine_als_ics(termine: Iterable[Praesenztermin], *, name: str) -> bytes:
    """One calendar with an event per session, times in Europe/Berlin (with VTIMEZONE).

    The sessions need `durchgang__kurs` loaded.
    """
    jetzt = timezone.now()
    kalender = icalendar.Calendar.new(
        prodid=PRODID,
        name=name,
        subcomponents=[_ereignis(termin, jetzt) for termin in termine],
    )
    kalender.add_missing_timezones()
    return kalender.to_ical()
