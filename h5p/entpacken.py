"""Writes a checked H5P package into Django storage under a content-addressed prefix.

Only the Storage API is used (``exists``, ``size``, ``save``, ``delete``), never a local path, so
the same code works with S3 or any other backend.
"""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import PurePosixPath

from django.core.files import File
from django.core.files.storage import Storage
from django.utils.translation import gettext_lazy as _

from .validierung import Archiv, Datei, Grenzen, grenzen_aus_einstellungen, pruefen

__all__ = ["H5PSpeicherFehler", "entpacken", "praefix_fuer"]

logger = logging.getLogger(__name__)

# Members up to this size stay in memory on their way to storage; bigger ones spill to disk.
_IM_SPEICHER = 1024 * 1024
# Written last: once it exists, the extraction under that prefix is complete.
_ABSCHLUSS = "h5p.json"

FEHLER_SPEICHERNAME = _(
    "Der Speicher hat „%(datei)s“ unter dem abweichenden Namen „%(name)s“ abgelegt; "
    "das Entpacken wurde abgebrochen."
)


class H5PSpeicherFehler(Exception):
    """The storage did not keep a file under the name the package needs."""


def praefix_fuer(sha256: str) -> str:
    return f"h5p/{sha256}/"


def entpacken(datei: Datei, *, storage: Storage, grenzen: Grenzen | None = None) -> str:
    """Validate the package, then write every accepted member below ``h5p/<sha256>/``.

    Returns the prefix. Idempotent: a package already extracted completely is not written
    again. On any failure the files written by this call are deleted again and the exception
    propagates (H5PPaketFehler for a rejected package, the storage's own error otherwise).
    A file an earlier, interrupted call left behind with the right size is reused, not
    rewritten: the prefix is the hash of the whole archive, so its content cannot differ.
    """
    grenzen = grenzen or grenzen_aus_einstellungen()
    paket = pruefen(datei, grenzen=grenzen)
    praefix = praefix_fuer(paket.sha256)
    if storage.exists(praefix + _ABSCHLUSS):
        return praefix
    geschrieben: list[str] = []
    try:
        with Archiv.oeffnen(datei, grenzen) as archiv:
            for name, groesse in _abschluss_zuletzt(paket.dateien):
                ziel = praefix + name
                if storage.exists(ziel):
                    if storage.size(ziel) == groesse:
                        continue
                    storage.delete(ziel)
                gespeichert = _speichern(storage, ziel, archiv.bloecke(archiv.zip.getinfo(name)))
                geschrieben.append(gespeichert)
                if gespeichert != ziel:
                    meldung = FEHLER_SPEICHERNAME % {"datei": ziel, "name": gespeichert}
                    raise H5PSpeicherFehler(str(meldung))
    except BaseException:
        _aufraeumen(storage, praefix, geschrieben)
        raise
    return praefix


def _abschluss_zuletzt(dateien: Iterable[tuple[str, int]]) -> list[tuple[str, int]]:
    return sorted(dateien, key=lambda datei: datei[0] == _ABSCHLUSS)


def _speichern(storage: Storage, ziel: str, bloecke: Iterator[bytes]) -> str:
    # Inflate fully (and so pass every cap) before storage sees a byte of this member.
    with tempfile.SpooledTemporaryFile(max_size=_IM_SPEICHER) as puffer:
        for block in bloecke:
            puffer.write(block)
        puffer.seek(0)
        return storage.save(ziel, File(puffer, name=PurePosixPath(ziel).name))


def _aufraeumen(storage: Storage, praefix: str, geschrieben: list[str]) -> None:
    """Delete what this call wrote, then the folders it may have created, deepest first.

    Folders matter for FileSystemStorage only (its ``delete`` removes an empty directory); for
    object stores they are names that do not exist, and deleting them does nothing. Errors are
    logged, not raised, so that the error that caused the clean-up is the one the caller sees.
    """
    ordner: set[str] = set()
    for name in geschrieben:
        try:
            storage.delete(name)
        except Exception:
            logger.exception("H5P: %s ließ sich beim Aufräumen nicht löschen", name)
        ordner.update(
            str(eltern)
            for eltern in PurePosixPath(name).parents
            if f"{eltern}/".startswith(praefix)
        )
    for name in sorted(ordner, key=lambda pfad: pfad.count("/"), reverse=True):
        try:
            storage.delete(name)
        except OSError:
            # Not empty: files of an earlier run are still there, complete and harmless.
            continue
        except Exception:
            logger.exception("H5P: Ordner %s ließ sich beim Aufräumen nicht löschen", name)
