"""Reads for Open Badges: a certificate's badge, the revoked indices of a list."""

from __future__ import annotations

from zertifikate.models import Zertifikat

from .models import OpenBadge, Statusliste

#: A certificate that is revoked or replaced by a re-issue has its bit set ("revocation").
NICHT_GUELTIG = (Zertifikat.Status.WIDERRUFEN, Zertifikat.Status.ERSETZT)


def gesetzte_indizes(*, statusliste: Statusliste) -> list[int]:
    """Indices whose certificate is no longer valid (one query)."""
    return list(
        OpenBadge.objects.filter(
            statusliste=statusliste, zertifikat__status__in=NICHT_GUELTIG
        ).values_list("index", flat=True)
    )


def badge_an_index(*, statusliste_id: int, index: int) -> OpenBadge | None:
    return (
        OpenBadge.objects.select_related("zertifikat")
        .filter(statusliste_id=statusliste_id, index=index)
        .first()
    )
