"""Writes on the page tree used by demo content and other apps."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.html import escape
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _
from wagtail.admin.mail import send_mail
from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import Page, Site
from wagtail.rich_text import RichText

from kern.aufgaben import nach_commit_einstellen
from kern.models import Kreis

from .models import (
    BarrierefreiheitFormularfeld,
    BarrierefreiheitSeite,
    Handlungsfeld,
    HomePage,
    Kommune,
    Phase,
    Praxisbeispiel,
    PraxisbeispielIndex,
    PraxisbeispielPartner,
)


@transaction.atomic
def startseite_sicherstellen(*, titel: str, einleitung: str = "") -> HomePage:
    """Make a HomePage the default site's root; Wagtail's initial welcome page is removed once."""
    home = HomePage.objects.first()
    if home is None:
        wurzel = Page.get_first_root_node()
        # The plain "Welcome to Wagtail" page that wagtail's migrations create.
        Page.objects.filter(depth=2, content_type__model="page", slug="home").delete()
        home = HomePage(title=titel, slug="home", einleitung=einleitung)
        wurzel.add_child(instance=home)
        home.save_revision().publish()
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Lernkette"},
    )
    return home


@transaction.atomic
def unterseite_sicherstellen(*, eltern: Page, model: type[Page], slug: str, **felder) -> Page:
    """Create a published child page with that slug, or return the existing one unchanged."""
    vorhanden = model.objects.child_of(eltern).filter(slug=slug).first()
    if vorhanden is not None:
        return vorhanden
    seite = model(slug=slug, **felder)
    eltern.add_child(instance=seite)
    seite.save_revision().publish()
    return seite


# --- Good-practice library -------------------------------------------------------------------

EINWILLIGUNG_FEHLT = _(
    "Ohne Einwilligung der Autorin oder des Autors darf aus der Abschlusspräsentation kein "
    "Praxisbeispiel werden."
)
INDEX_FEHLT = _("Es gibt noch keine Praxisbeispiel-Bibliothek (Seite /praxisbeispiele/).")
KOMMUNE_UNBEKANNT = _(
    "Die Kommune „%(name)s“ ist nicht bekannt; bitte geben Sie den Kreis an, damit sie angelegt "
    "werden kann."
)
KREIS_UNBEKANNT = _("Den Kreis mit dem Schlüssel „%(schluessel)s“ gibt es nicht.")
TAXONOMIE_FEHLT = _("Ein Praxisbeispiel braucht mindestens eine Phase und ein Handlungsfeld.")
# What a draft (e.g. from a presentation) may still lack; the editor adds it before publishing.
ENTWURF_DARF_FEHLEN = ("kommune", "programm", "angebotsart")


def _kreis(kreis: Kreis | str) -> Kreis:
    if isinstance(kreis, Kreis):
        return kreis
    try:
        return Kreis.objects.get(schluessel=kreis)
    except Kreis.DoesNotExist:
        raise ValidationError(
            {"kreis": KREIS_UNBEKANNT % {"schluessel": kreis}}, code="kreis_unbekannt"
        ) from None


@transaction.atomic
def kommune_sicherstellen(*, name: str, kreis: Kreis | str | None = None) -> Kommune:
    """The Kommune of that name (within the Kreis, if given); created when a Kreis is known."""
    name = " ".join(name.split())
    kandidaten = Kommune.objects.filter(name__iexact=name)
    if kreis is not None:
        kreis = _kreis(kreis)
        kandidaten = kandidaten.filter(kreis=kreis)
    vorhanden = kandidaten.order_by("pk").first()
    if vorhanden is not None:
        return vorhanden
    if kreis is None:
        raise ValidationError({"kommune": KOMMUNE_UNBEKANNT % {"name": name}}, code="unbekannt")
    kommune = Kommune(name=name, kreis=kreis)
    kommune.full_clean(exclude=["slug"])
    kommune.save()
    return kommune


@transaction.atomic
def praxisbeispiel_index_sicherstellen(*, home: HomePage, titel: str, einleitung: str = ""):
    """The one PraxisbeispielIndex at /praxisbeispiele/ (created and published if missing)."""
    vorhanden = PraxisbeispielIndex.objects.first()
    if vorhanden is not None:
        return vorhanden
    return unterseite_sicherstellen(
        eltern=home,
        model=PraxisbeispielIndex,
        slug="praxisbeispiele",
        title=titel,
        einleitung=einleitung,
    )


def _index() -> PraxisbeispielIndex:
    index = PraxisbeispielIndex.objects.first()
    if index is None:
        raise ValidationError(INDEX_FEHLT, code="index_fehlt")
    return index


@transaction.atomic
def praxisbeispiel_anlegen(
    *,
    titel: str,
    teaser: str,
    kommune: Kommune | None,
    phasen: Iterable[str] = (),
    handlungsfelder: Iterable[str] = (),
    programm: str = "",
    angebotsart: str = "",
    startjahr: int | None = None,
    inhalt: list | None = None,
    partner: Iterable[str] = (),
    kontakt: str = "",
    kontakt_email: str = "",
    quelle_url: str = "",
    veroeffentlichen: bool = True,
    slug: str = "",
    index: PraxisbeispielIndex | None = None,
    nutzer=None,
) -> Praxisbeispiel:
    """Creates an example below the index; published, or as a draft an editor reviews.

    `phasen` and `handlungsfelder` are taxonomy keys (see Phase/Handlungsfeld.schluessel).
    A published example is validated completely, a draft only in what it already holds.
    """
    index = index or _index()
    seite = Praxisbeispiel(
        title=titel,
        slug=slug,
        teaser=teaser,
        kommune=kommune,
        programm=programm,
        angebotsart=angebotsart,
        startjahr=startjahr,
        inhalt=inhalt or [],
        kontakt=kontakt,
        kontakt_email=kontakt_email,
        quelle_url=quelle_url or "",
        live=False,
        owner=nutzer,
    )
    seite.phasen = list(Phase.objects.filter(schluessel__in=list(phasen)))
    seite.handlungsfelder = list(Handlungsfeld.objects.filter(schluessel__in=list(handlungsfelder)))
    seite.partner = [PraxisbeispielPartner(name=name) for name in partner]
    # Drafts may still lack what publishing needs; everything present must be valid either way.
    offen = [] if veroeffentlichen else [n for n in ENTWURF_DARF_FEHLEN if not getattr(seite, n)]
    # Wagtail defers validation of drafts on save; our own fields are checked before the first
    # INSERT, so PostgreSQL never sees a too-long value (a DataError instead of a clear message).
    seite.clean_fields(exclude=[f.name for f in Page._meta.fields] + offen)
    index.add_child(instance=seite)
    seite.full_clean(exclude=offen)
    if veroeffentlichen:
        if not seite.phasen.all() or not seite.handlungsfelder.all():
            raise ValidationError(TAXONOMIE_FEHLT, code="taxonomie_fehlt")
        seite.save_revision(user=nutzer).publish(user=nutzer)
    else:
        seite.save_revision(user=nutzer, clean=False, log_action=True)
    return seite


#: The fixed fields of the feedback form on the accessibility statement (BITV NRW § 7).
RUECKMELDUNG_FELDER = [
    {
        "clean_name": "name",
        "label": "Ihr Name",
        "field_type": "singleline",
        "required": False,
        "help_text": "Freiwillig.",
    },
    {
        "clean_name": "email",
        "label": "Ihre E-Mail-Adresse",
        "field_type": "email",
        "required": False,
        "help_text": "Freiwillig. Nur nötig, wenn Sie eine Antwort wünschen.",
    },
    {
        "clean_name": "nachricht",
        "label": "Ihre Nachricht",
        "field_type": "multiline",
        "required": True,
        "help_text": "Welche Barriere ist Ihnen aufgefallen? Was haben Sie versucht?",
    },
    {
        "clean_name": "seite",
        "label": "Seite, auf der die Barriere auftritt",
        "field_type": "singleline",
        "required": False,
        "help_text": "Adresse (URL) oder Name der Seite. Freiwillig.",
    },
]
RUECKMELDUNG_BETREFF = _("Rückmeldung zur Barrierefreiheit")
EINGEGANGEN = _("Eingegangen")


@transaction.atomic
def barrierefreiheitsseite_sicherstellen(
    *,
    eltern: Page,
    titel: str,
    stand: date,
    inhalt: list,
    empfaenger: str,
    slug: str = "barrierefreiheit",
) -> BarrierefreiheitSeite:
    """Create the published accessibility statement with the fixed feedback fields, or return
    the existing one unchanged."""
    vorhanden = BarrierefreiheitSeite.objects.child_of(eltern).filter(slug=slug).first()
    if vorhanden is not None:
        return vorhanden
    seite = BarrierefreiheitSeite(
        slug=slug,
        title=titel,
        stand=stand,
        inhalt=inhalt,
        to_address=empfaenger,
        subject=str(RUECKMELDUNG_BETREFF),
        form_fields=[BarrierefreiheitFormularfeld(**feld) for feld in RUECKMELDUNG_FELDER],
    )
    eltern.add_child(instance=seite)
    seite.save_revision().publish()
    return seite


@transaction.atomic
def praxisbeispiel_entwurf_erstellen(
    *,
    titel: str,
    teaser: str,
    text: str,
    kommune_name: str | None = None,
    kreis: Kreis | str | None = None,
    quelle_url: str | None = None,
    autor_einwilligung: bool = True,
    nutzer=None,
) -> Praxisbeispiel:
    """An accepted final presentation becomes an unpublished draft (live=False) under the index.

    The editorial team completes the taxonomy, reviews and publishes it in the Wagtail admin.
    `text` is plain text (paragraphs separated by blank lines; markup is escaped); `kreis` is a
    Kreis or its official key. An unknown Kommune is created when the Kreis is given.
    """
    if not autor_einwilligung:
        raise ValidationError(EINWILLIGUNG_FEHLT, code="einwilligung_fehlt")
    kommune = None
    if kommune_name and kommune_name.strip():
        kommune = kommune_sicherstellen(name=kommune_name, kreis=kreis)
    return praxisbeispiel_anlegen(
        titel=titel,
        teaser=teaser,
        kommune=kommune,
        inhalt=[("text", RichText(_als_absaetze(text)))] if text.strip() else [],
        quelle_url=quelle_url or "",
        veroeffentlichen=False,
        nutzer=nutzer,
    )


def _als_absaetze(text: str) -> str:
    """Participant text is plain text, whatever it looks like: escaped, blank lines make
    paragraphs. Markup never reaches the editors' rich text (it would bypass the editor's
    whitelist and go public with the page)."""
    return "".join(
        f"<p>{escape(' '.join(absatz.split()))}</p>"
        for absatz in text.strip().replace("\r\n", "\n").split("\n\n")
        if absatz.strip()
    )


def rueckmeldung_einreichen(*, seite: BarrierefreiheitSeite, daten: dict) -> FormSubmission:
    """Store a feedback message; it is e-mailed once the transaction has committed."""
    from .tasks import rueckmeldung_mailen

    einsendung = seite.get_submission_class()(form_data=daten, page=seite)
    einsendung.full_clean()
    einsendung.save()
    if seite.to_address:
        nach_commit_einstellen(rueckmeldung_mailen, einsendung.pk)
    return einsendung


def rueckmeldung_senden(*, einsendung_id: int) -> None:
    """E-mail a stored feedback message to the page's recipients (Reply-To: the sender)."""
    einsendung = FormSubmission.objects.select_related("page").get(pk=einsendung_id)
    seite = einsendung.page.specific
    daten = einsendung.get_data()
    zeilen = [
        f"{bezeichnung}: {daten.get(name) or '–'}"
        for name, bezeichnung in seite.get_data_fields()
        if name != "submit_time"
    ]
    zeilen.append(f"{EINGEGANGEN}: {localtime(einsendung.submit_time):%d.%m.%Y %H:%M}")
    absender = daten.get("email")
    send_mail(
        seite.subject or str(RUECKMELDUNG_BETREFF),
        "\n".join(zeilen),
        [adresse.strip() for adresse in seite.to_address.split(",") if adresse.strip()],
        seite.from_address or None,
        reply_to=[absender] if absender else None,
    )
