"""Assertions used across the suite."""

from __future__ import annotations

from urllib.parse import quote

LOGIN_URL = "/konto/login/"


def vier_stufen_pruefen(client, url: str, *, erlaubt: list, abgelehnt: list, methode="get"):
    """The four-step permission test: anonymous → login with next=, users without the role or
    with another role → 403, the right users → 200. `erlaubt`/`abgelehnt` are user objects."""
    client.logout()
    antwort = getattr(client, methode)(url)
    assert antwort.status_code == 302, f"anonym: {antwort.status_code}"
    assert antwort.url == f"{LOGIN_URL}?next={quote(url)}", antwort.url
    for nutzer in abgelehnt:
        client.force_login(nutzer)
        antwort = getattr(client, methode)(url)
        assert antwort.status_code == 403, f"{nutzer.email}: {antwort.status_code}"
    for nutzer in erlaubt:
        client.force_login(nutzer)
        antwort = getattr(client, methode)(url)
        assert antwort.status_code == 200, f"{nutzer.email}: {antwort.status_code}"
    client.logout()


def pdf_text(pdf: bytes, ordner) -> str:
    """The text of a PDF as pdftotext (poppler-utils) extracts it; `ordner` is e.g. tmp_path."""
    import subprocess

    datei = ordner / "dokument.pdf"
    datei.write_bytes(pdf)
    return subprocess.run(  # noqa: S603
        ["pdftotext", str(datei), "-"],  # noqa: S607
        check=True,
        capture_output=True,
        text=True,
    ).stdout
