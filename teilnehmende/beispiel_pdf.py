"""A small, valid PDF (one A4 landscape page of text) for demo content and tests."""

from __future__ import annotations


def _text(wert: str) -> bytes:
    roh = wert.encode("cp1252", errors="replace")
    return b"(" + roh.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def beispiel_pdf(titel: str, zeilen: list[str]) -> bytes:
    """PDF 1.4 with Helvetica (WinAnsi, so German umlauts show) and a correct xref table."""
    inhalt = [b"BT /F1 24 Tf 60 520 Td " + _text(titel) + b" Tj ET"]
    for nummer, zeile in enumerate(zeilen):
        y = 470 - 26 * nummer
        inhalt.append(b"BT /F1 14 Tf 60 %d Td " % y + _text(zeile) + b" Tj ET")
    strom = b"\n".join(inhalt)
    objekte = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 842 595] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(strom) + strom + b"\nendstream",
    ]
    pdf = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    versatz = []
    for nummer, objekt in enumerate(objekte, start=1):
        versatz.append(len(pdf))
        pdf += b"%d 0 obj\n" % nummer + objekt + b"\nendobj\n"
    xref = len(pdf)
    pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objekte) + 1)
    for wert in versatz:
        pdf += b"%010d 00000 n \n" % wert
    pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objekte) + 1,
        xref,
    )
    return bytes(pdf)
