from kern.models import Kreis


def test_alle_53_kreise_aus_der_amtlichen_liste(db):
    assert Kreis.objects.count() == 53
    assert str(Kreis.objects.get(schluessel="05558")) == "Kreis Coesfeld"
    assert str(Kreis.objects.get(schluessel="05913")) == "Dortmund"
    assert Kreis.objects.filter(art="kreisfreie Stadt").count() == 22


def test_kreisname_mit_kreis_im_namen_nicht_doppelt(db):
    assert str(Kreis.objects.get(schluessel="05962")) == "Märkischer Kreis"
    assert str(Kreis.objects.get(schluessel="05958")) == "Hochsauerlandkreis"
