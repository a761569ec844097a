"""Certificate numbers: shape, randomness, check character, forgiving input."""

import re

import pytest

from zertifikate.nummern import (
    ALPHABET,
    NummerUngueltig,
    PruefzeichenFalsch,
    neue_nummer,
    normalisieren,
)

FORM = re.compile(r"^LK-2026-([0-9A-HJKMNP-TV-Z]{4}-){3}[0-9A-HJKMNP-TV-Z]{4}$")


def test_form_und_zufall():
    nummern = {neue_nummer(2026) for _ in range(2000)}
    assert len(nummern) == 2000
    assert all(FORM.match(nummer) for nummer in nummern)
    # 15 random characters of a 32-letter alphabet: 75 bits (≥ 60 asked for).
    assert 15 * 5 >= 60


def test_eigene_nummer_ist_gueltig():
    nummer = neue_nummer(2026)
    assert normalisieren(nummer) == nummer


def test_jeder_einzelne_tippfehler_wird_erkannt():
    nummer = neue_nummer(2026)
    positionen = [i for i, zeichen in enumerate(nummer) if i >= 8 and zeichen != "-"]
    for i in positionen:
        for ersatz in ALPHABET:
            if ersatz == nummer[i]:
                continue
            falsch = nummer[:i] + ersatz + nummer[i + 1 :]
            with pytest.raises(PruefzeichenFalsch):
                normalisieren(falsch)


def test_vertauschte_nachbarn_werden_meist_erkannt():
    erkannt = gesamt = 0
    for _ in range(200):
        roh = neue_nummer(2026).replace("-", "")[6:]
        for i in range(len(roh) - 1):
            if roh[i] == roh[i + 1]:
                continue
            gesamt += 1
            getauscht = roh[:i] + roh[i + 1] + roh[i] + roh[i + 2 :]
            try:
                normalisieren("LK2026" + getauscht)
            except PruefzeichenFalsch:
                erkannt += 1
    assert erkannt / gesamt > 0.9


def test_eingabe_ist_nachsichtig():
    nummer = neue_nummer(2026)
    lasch = nummer.lower().replace("-", " ")
    assert normalisieren(lasch) == nummer
    assert normalisieren(nummer.replace("-", "")) == nummer
    mit_o = nummer.replace("0", "O")
    assert normalisieren(mit_o) == nummer


@pytest.mark.parametrize(
    "eingabe",
    ["", "LK-2026", "XY-2026-AAAA-AAAA-AAAA-AAAA", "LK-2026-AAAA-AAAA-AAAA-AAAA-A", "U" * 20],
)
def test_falsche_form(eingabe):
    with pytest.raises(NummerUngueltig):
        normalisieren(eingabe)
