"""Writes of the reporting app: the download log of individual ESF records."""

from __future__ import annotations

import dataclasses
import datetime

from django.db import transaction

from .models import ExportProtokoll
from .selectors import Berichtsfilter


def _json(wert):
    return wert.isoformat() if isinstance(wert, datetime.date) else wert


@transaction.atomic
def export_protokollieren(
    *,
    nutzer,
    art: str,
    filter: Berichtsfilter,  # noqa: A002
) -> ExportProtokoll:
    """Record a download before the first byte leaves the server."""
    eintrag = ExportProtokoll(
        nutzer=nutzer,
        nutzer_email=nutzer.email,
        art=art,
        filter={
            name: _json(wert)
            for name, wert in dataclasses.asdict(filter).items()
            if wert is not None
        },
    )
    eintrag.full_clean()
    eintrag.save()
    return eintrag
