"""kern.tabellen: cells a spreadsheet would run as a formula become text; numbers stay numbers."""

import pytest

from kern.tabellen import formelsicher, formelsicher_zeile


@pytest.mark.parametrize(
    ("wert", "erwartet"),
    [
        (
            '=HYPERLINK("https://example.invalid";"Klick")',
            '\'=HYPERLINK("https://example.invalid";"Klick")',
        ),
        ("+49 251 123", "'+49 251 123"),
        ("-2+3", "'-2+3"),
        ("@SUMME(A1)", "'@SUMME(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("Münster", "Münster"),
        ("a=b", "a=b"),
        ("", ""),
        (".", "."),
        (-5, -5),
        (3.5, 3.5),
        (None, None),
    ],
)
def test_formelsicher(wert, erwartet):
    assert formelsicher(wert) == erwartet


def test_formelsicher_zeile_und_zweimal_gleich():
    zeile = formelsicher_zeile(["=1+1", 7, -3])
    assert zeile == ["'=1+1", 7, -3]
    assert formelsicher_zeile(zeile) == zeile
