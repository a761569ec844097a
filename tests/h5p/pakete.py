"""Builds H5P test packages in memory: a minimal valid one, and ways to break it."""

from __future__ import annotations

import io
import json
import stat
import struct
import zipfile
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

MB = 1024 * 1024

# shared/ lies beside the repository, in CI as on a developer's machine.
ECHTES_PAKET = Path(__file__).resolve().parents[3] / "shared" / "h5p" / "true-false-hello-world.h5p"

Inhalt = bytes | str | dict[str, Any] | list[Any]


def abhaengigkeit(machine_name: str, major: int | str = 1, minor: int | str = 0) -> dict[str, Any]:
    return {"machineName": machine_name, "majorVersion": major, "minorVersion": minor}


def bibliothek_json(
    machine_name: str = "H5P.Beispiel",
    major: int = 1,
    minor: int = 0,
    *,
    js: Iterable[str] = ("scripts/beispiel.js",),
    css: Iterable[str] = ("styles/beispiel.css",),
    abhaengigkeiten: Iterable[dict[str, Any]] = (),
    **weitere: Any,
) -> dict[str, Any]:
    daten: dict[str, Any] = {
        "title": f"Bibliothek {machine_name}",
        "machineName": machine_name,
        "majorVersion": major,
        "minorVersion": minor,
        "patchVersion": 3,
        "runnable": 1 if machine_name == "H5P.Beispiel" else 0,
        "preloadedJs": [{"path": pfad} for pfad in js],
        "preloadedCss": [{"path": pfad} for pfad in css],
    }
    if abhaengigkeiten := list(abhaengigkeiten):
        daten["preloadedDependencies"] = abhaengigkeiten
    return daten | weitere


def bibliothek_dateien(ordner: str, library_json: dict[str, Any]) -> dict[str, Inhalt]:
    """library.json plus every preloaded file it names."""
    dateien: dict[str, Inhalt] = {f"{ordner}/library.json": library_json}
    for feld in ("preloadedJs", "preloadedCss"):
        for eintrag in library_json.get(feld, []):
            dateien[f"{ordner}/{eintrag['path']}"] = f"/* {eintrag['path']} */\n"
    return dateien


def minimal() -> dict[str, Inhalt]:
    """The smallest valid package: h5p.json, content.json and one runnable library."""
    return {
        "h5p.json": {
            "title": "Minimales Beispiel",
            "language": "de",
            "mainLibrary": "H5P.Beispiel",
            "embedTypes": ["div"],
            "preloadedDependencies": [abhaengigkeit("H5P.Beispiel")],
        },
        "content/content.json": {"frage": "Ist das ein Test?", "richtig": True},
        **bibliothek_dateien("H5P.Beispiel-1.0", bibliothek_json()),
    }


def _roh(inhalt: Inhalt) -> bytes:
    if isinstance(inhalt, bytes):
        return inhalt
    if isinstance(inhalt, str):
        return inhalt.encode()
    return json.dumps(inhalt, ensure_ascii=False).encode()


def als_zip(
    dateien: Mapping[str, Inhalt],
    *,
    zusatz: Iterable[tuple[str | zipfile.ZipInfo, Inhalt]] = (),
    kompression: int = zipfile.ZIP_DEFLATED,
) -> io.BytesIO:
    """Zip the files (and extra raw entries: links, duplicates, odd names) into memory."""
    puffer = io.BytesIO()
    with zipfile.ZipFile(puffer, "w", compression=kompression) as archiv:
        for name, inhalt in dateien.items():
            archiv.writestr(name, _roh(inhalt))
        for eintrag, inhalt in zusatz:
            archiv.writestr(eintrag, _roh(inhalt))
    puffer.seek(0)
    return puffer


def symlink(name: str, ziel: str) -> tuple[zipfile.ZipInfo, bytes]:
    """A Unix symbolic link entry as zip tools store it: the target path is the content."""
    info = zipfile.ZipInfo(name)
    info.create_system = 3
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    return info, ziel.encode()


# --- Patching archives: how a hostile package lies in its headers ---------------------------------
def _zentraleintrag(daten: bytes | bytearray, name: str) -> int:
    roh = name.encode()
    stelle = daten.find(b"PK\x01\x02")
    while stelle >= 0:
        laenge = struct.unpack_from("<H", daten, stelle + 28)[0]
        if daten[stelle + 46 : stelle + 46 + laenge] == roh:
            return stelle
        stelle = daten.find(b"PK\x01\x02", stelle + 4)
    raise KeyError(name)


def zip_aendern(
    archiv: io.BytesIO,
    name: str,
    *,
    groesse: int | None = None,
    flags: int | None = None,
    offset_von: str | None = None,
    lokaler_name: str | None = None,
) -> io.BytesIO:
    """Patch one member's headers in place of a tool that writes lies.

    groesse: the declared uncompressed size (local header and central directory);
    flags: the general-purpose flags (central directory); offset_von: point the member's
    directory entry at another member's local header; lokaler_name: rename it in the local
    header only (same length).
    """
    daten = bytearray(archiv.getvalue())
    zentral = _zentraleintrag(daten, name)
    lokal = struct.unpack_from("<L", daten, zentral + 42)[0]
    if groesse is not None:
        struct.pack_into("<L", daten, lokal + 22, groesse)
        struct.pack_into("<L", daten, zentral + 24, groesse)
    if flags is not None:
        struct.pack_into("<H", daten, zentral + 8, flags)
    if offset_von is not None:
        anderer = _zentraleintrag(daten, offset_von)
        daten[zentral + 42 : zentral + 46] = daten[anderer + 42 : anderer + 46]
    if lokaler_name is not None:
        roh = lokaler_name.encode()
        assert len(roh) == len(name.encode()), "the local name must keep its length"
        daten[lokal + 30 : lokal + 30 + len(roh)] = roh
    return io.BytesIO(bytes(daten))


def bombe(
    entpackt: int,
    *,
    angegeben: int = 1000,
    name: str = "content/bombe.json",
    dateien: Mapping[str, Inhalt] | None = None,
) -> io.BytesIO:
    """A valid package plus a member of ``entpackt`` zero bytes that declares ``angegeben``.

    The zeros are streamed into the archive block by block, so even a bomb of 100 MB and more
    never sits in memory while it is built.
    """
    puffer = als_zip(minimal() if dateien is None else dateien)
    # Level 1 builds four times faster than the default and still packs zeros about 1:230.
    with zipfile.ZipFile(puffer, "a", zipfile.ZIP_DEFLATED, compresslevel=1) as archiv:
        with archiv.open(name, "w") as ziel:
            rest = entpackt
            block = bytes(MB)
            while rest > 0:
                ziel.write(block[: min(MB, rest)])
                rest -= MB
    return zip_aendern(puffer, name, groesse=angegeben)
