"""403 and 404 answer in our layout, in German, with a way on."""


def test_404_in_unserem_layout(client, site):
    antwort = client.get("/gibt-es-nicht/")
    assert antwort.status_code == 404
    html = antwort.content.decode()
    assert '<html lang="de">' in html and 'id="inhalt"' in html
    assert "<h1>Seite nicht gefunden</h1>" in html
    assert 'href="/barrierefreiheit/?seite=/gibt-es-nicht/"' in html


def test_403_in_unserem_layout(client, teilnehmerin):
    client.force_login(teilnehmerin)
    antwort = client.get("/trainer/")
    assert antwort.status_code == 403
    html = antwort.content.decode()
    assert '<html lang="de">' in html and 'id="inhalt"' in html
    assert "<h1>Kein Zugriff</h1>" in html
    assert "Dieser Bereich ist für Ihre Rolle nicht freigegeben." in html
