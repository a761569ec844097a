"""Reads of the H5P bridge."""

from __future__ import annotations

from .anbindung import Einbettung
from .models import H5PNutzerdaten, H5PPaket, H5PVersuch


def nutzerdaten_lesen(
    *, nutzer, einbettung: Einbettung, datentyp: str, unterinhalt: str
) -> str | None:
    return (
        H5PNutzerdaten.objects.filter(
            nutzer=nutzer,
            seite_id=einbettung.seite_id,
            paket_id=einbettung.paket_id,
            datentyp=datentyp,
            unterinhalt=unterinhalt,
        )
        .values_list("daten", flat=True)
        .first()
    )


def versuch_fuer(*, nutzer, seite_id: int, paket_id: int) -> H5PVersuch | None:
    return H5PVersuch.objects.filter(nutzer=nutzer, seite_id=seite_id, paket_id=paket_id).first()


def pakete() -> list[H5PPaket]:
    return list(H5PPaket.objects.order_by("titel", "pk"))


def erfuellte_pakete(*, nutzer, seite_id: int, paket_ids) -> set[int]:
    """Ids of the packages on the page whose completion rule the user has met."""
    return set(
        H5PVersuch.objects.filter(
            nutzer=nutzer, seite_id=seite_id, paket_id__in=paket_ids, erfuellt_am__isnull=False
        ).values_list("paket_id", flat=True)
    )
