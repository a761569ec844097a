"""Search terms are plain words: FTS syntax characters (an unbalanced quote on SQLite) once gave
a 500; now they are searched as text."""

import pytest

URL = "/praxisbeispiele/"


@pytest.mark.parametrize(
    "q", ['"x', 'x"', '"', "a OR", "NOT", "(x", "x*", "-x", "a:b", "^x", "'", 'Baby"lotsen']
)
def test_suchsyntax_gibt_keinen_serverfehler(client, beispiel, q):
    beispiel(titel="Babylotsinnen in der Geburtsklinik")
    antwort = client.get(URL, {"q": q})
    assert antwort.status_code == 200


def test_anfuehrungszeichen_stoeren_die_suche_nicht(client, beispiel):
    beispiel(titel="Babylotsinnen in der Geburtsklinik")
    antwort = client.get(URL, {"q": '"Babylotsinnen'})
    assert "Babylotsinnen in der Geburtsklinik" in antwort.content.decode()
