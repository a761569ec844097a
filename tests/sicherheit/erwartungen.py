# ruff: noqa: E501  (one row per line is the point of this table)
"""The expectation table of the permission matrix (tests/sicherheit/test_matrix.py).

Every URL pattern of the project and every Wagtail page type needs a row here; a pattern or page
type without one fails `test_jedes_muster_hat_eine_zeile` with its name. Adding a URL = one line:

    "zertifikate/pruefen/<str:nummer>/": Z("/zertifikate/pruefen/{zertifikat}/", "200 200 200 200 200 200 200 200"),
     ^ the route as the resolver shows it       ^ URL to request; {name} = object of the test world
       (include prefixes, e.g. "mein-lernen/")    (tests/sicherheit/welt.py, `Welt.platzhalter`)

The eight cells are the roles, always in this order (welt.ROLLEN):

    anonym  teilnehmende  teilnehmende_fremd  trainer  trainer_fremd  foerderer  redaktion  admin

"teilnehmende"/"trainer" belong to the cohort the URL's object belongs to (`{durchgang}`,
`{anmeldung}`, `{lektion}` …); "…_fremd" to a cohort of another course. "admin" is a superuser
and passes every `has_perm`. Codes of a cell:

    200 403 404 405 …  exactly this status code
    L    redirect to a login page with ?next= (allauth, Wagtail admin or Django admin)
    →    redirect somewhere else
    -    refused: L or 403
    *    any answer but L or a server error (5xx) – for library areas whose fine-grained rules
         are the library's own (Wagtail's page/collection permissions for editors)
    .    not requested (say why in a comment)

`Z(url, zellen, post=zellen)` also sends an empty POST and compares it with the `post` cells (only
for views without harmful side effects on the test world).

BEREICHE cover whole library areas by route prefix (Wagtail and Django admin); a row in MUSTER wins
over the area. In an area, patterns with parameters are requested with dummy values ("1") and
only for the cells that say "-": the gate in front of the area must refuse before any lookup.

SEITEN: one row per page type ("app.Model"), requested at the URL of that page in the test world;
routes of a RoutablePage get their own row "app.Model route/". A new page type also needs an
instance in welt.py.
"""

from __future__ import annotations

from typing import NamedTuple


class Z(NamedTuple):
    url: str | None
    zellen: str
    post: str | None = None


#: The Wagtail catch-all pattern is checked page type by page type (SEITEN).
WAGTAIL_SEITEN = Z(None, ". . . . . . . .")

# fmt: off
MUSTER: dict[str, Z] = {
    # --- kern -----------------------------------------------------------------------------------
    "healthz":                                   Z("/healthz", "200 200 200 200 200 200 200 200"),
    "sitemap.xml":                               Z("/sitemap.xml", "200 200 200 200 200 200 200 200"),
    # --- Konto (allauth) --------------------------------------------------------------------------
    "konto/login/":                              Z("/konto/login/", "200 → → → → → → →"),
    "konto/logout/":                             Z("/konto/logout/", "→ 200 200 200 200 200 200 200"),
    "konto/inactive/":                           Z("/konto/inactive/", "200 200 200 200 200 200 200 200"),
    "konto/signup/":                             Z("/konto/signup/", "200 → → → → → → →"),
    "konto/reauthenticate/":                     Z("/konto/reauthenticate/", "L 200 200 200 200 200 200 200"),
    "konto/email/":                              Z("/konto/email/", "L 200 200 200 200 200 200 200"),
    "konto/confirm-email/":                      Z("/konto/confirm-email/", "200 200 200 200 200 200 200 200"),
    "konto/password/change/":                    Z("/konto/password/change/", "L 200 200 200 200 200 200 200"),
    "konto/password/set/":                       Z("/konto/password/set/", "L → → → → → → →"),
    "konto/password/reset/":                     Z("/konto/password/reset/", "200 200 200 200 200 200 200 200"),
    "konto/login/code/confirm/":                 Z("/konto/login/code/confirm/", "→ → → → → → → →"),
    "konto/^confirm-email/(?P<key>[-:\\w]+)/$":  Z("/konto/confirm-email/ungueltig/", "200 200 200 200 200 200 200 200"),
    "konto/password/reset/key/done/":            Z("/konto/password/reset/key/done/", "200 200 200 200 200 200 200 200"),
    "konto/^password/reset/key/(?P<uidb36>[0-9A-Za-z]+)-(?P<key>.+)/$": Z("/konto/password/reset/key/1-ungueltig/", "200 200 200 200 200 200 200 200"),
    "konto/password/reset/done/":                Z("/konto/password/reset/done/", "200 200 200 200 200 200 200 200"),
    "konto/2fa/":                                Z("/konto/2fa/", "L 200 200 200 200 200 200 200"),
    "konto/2fa/authenticate/":                   Z("/konto/2fa/authenticate/", "→ → → → → → → →"),
    "konto/2fa/reauthenticate/":                 Z("/konto/2fa/reauthenticate/", "L → → → → → → →"),
    "konto/2fa/totp/activate/":                  Z("/konto/2fa/totp/activate/", "L → → → → → → →"),
    # Without a TOTP authenticator there is nothing to deactivate or show.
    "konto/2fa/totp/deactivate/":                Z("/konto/2fa/totp/deactivate/", "L 404 404 404 404 404 404 404"),
    "konto/2fa/recovery-codes/":                 Z("/konto/2fa/recovery-codes/", "L 404 404 404 404 404 404 404"),
    "konto/2fa/recovery-codes/generate/":        Z("/konto/2fa/recovery-codes/generate/", "L → → → → → → →"),
    "konto/2fa/recovery-codes/download/":        Z("/konto/2fa/recovery-codes/download/", "L 404 404 404 404 404 404 404"),
    # --- DSGVO self-service (kern); someone else's export answers 404, also for admins ---------
    "konto/":                                    Z("/konto/", "L 200 200 200 200 200 200 200"),
    "konto/profil/":                             Z("/konto/profil/", "L 200 200 200 200 200 200 200", post="L 200 200 200 200 200 200 200"),
    # POST re-issues the caller's own certificates with an old name (tests/kern/test_namen.py).
    "konto/profil/zertifikate/":                 Z("/konto/profil/zertifikate/", "405 405 405 405 405 405 405 405"),
    "konto/registrieren/":                       Z("/konto/registrieren/", "→ → → → → → → →"),
    "verwaltung/":                               Z("/verwaltung/", "L 403 403 403 403 403 403 200"),
    "konto/daten/":                              Z("/konto/daten/", "L 200 200 200 200 200 200 200"),
    "konto/daten/export/":                       Z("/konto/daten/export/", "405 405 405 405 405 405 405 405", post="L → → → → → → →"),
    "konto/daten/export/<int:pk>/":              Z("/konto/daten/export/{datenexport}/", "L 200 404 404 404 404 404 404"),
    # Admin accounts cannot delete themselves (→ back to /konto/daten/ with a message).
    "konto/daten/loeschen/":                     Z("/konto/daten/loeschen/", "L 200 200 200 200 200 200 →"),
    # Consents: only their owner (anyone else's id answers 404, admins included). No POST: it would
    # withdraw the participant's consent for the rest of the matrix (tests/sicherheit/test_einwilligung.py).
    "konto/daten/einwilligungen/":               Z("/konto/daten/einwilligungen/", "L 200 200 200 200 200 200 200"),
    "konto/daten/einwilligungen/<int:pk>/widerrufen/": Z("/konto/daten/einwilligungen/{einwilligung}/widerrufen/", "L 200 404 404 404 404 404 404"),
    # The world's presentation has no consent to publication: nothing to withdraw, 404 for all.
    "konto/daten/einwilligungen/praxisbeispiel/<int:pk>/widerrufen/": Z("/konto/daten/einwilligungen/praxisbeispiel/{version}/widerrufen/", "L 404 404 404 404 404 404 404"),
    # --- kurse / teilnehmende ---------------------------------------------------------------------
    # Everyone logged in has a learning dashboard; it shows only the person's own enrolments.
    "mein-lernen/":                              Z("/mein-lernen/", "L 200 200 200 200 200 200 200"),
    "mein-lernen/lektionen/<int:pk>/erledigt/":  Z("/mein-lernen/lektionen/{lektion}/erledigt/", "405 405 405 405 405 405 405 405", post="L → 403 403 403 403 403 →"),
    "trainer/":                                  Z("/trainer/", "L 403 403 200 200 403 403 200"),
    "trainer/durchgaenge/<int:pk>/":             Z("/trainer/durchgaenge/{durchgang}/", "L 403 403 200 403 403 403 200"),
    # The participant of cohort A is enrolled already (→ dashboard); B's may enrol in A.
    "mein-lernen/anmelden/<int:durchgang_id>/":  Z("/mein-lernen/anmelden/{durchgang}/", "L → 200 403 403 403 403 200"),
    "mein-lernen/anmeldungen/<int:pk>/stornieren/": Z("/mein-lernen/anmeldungen/{anmeldung}/stornieren/", "L 200 403 403 403 403 403 200"),
    # --- Präsenztermine und Anwesenheit (teilnehmende) --------------------------------------------
    # Own attendance: only the enrolled person (admins are superusers: every has_perm holds).
    "mein-lernen/anmeldungen/<int:pk>/anwesenheit/": Z("/mein-lernen/anmeldungen/{anmeldung}/anwesenheit/", "L 200 403 403 403 403 403 200"),
    # Calendars (with the online link): the cohort's participants and trainers, admins.
    "mein-lernen/termine/<int:pk>/kalender.ics": Z("/mein-lernen/termine/{termin}/kalender.ics", "L 200 403 200 403 403 403 200"),
    "mein-lernen/durchgaenge/<int:pk>/termine.ics": Z("/mein-lernen/durchgaenge/{durchgang}/termine.ics", "L 200 403 200 403 403 403 200"),
    # Taking attendance: the cohort's trainers and admins. The session lies in the future, so a
    # POST only answers "noch nicht erfassbar" and changes nothing.
    "trainer/termine/<int:pk>/anwesenheit/":     Z("/trainer/termine/{termin}/anwesenheit/", "L 403 403 200 403 403 403 200", post="L 403 403 200 403 403 403 200"),
    "trainer/termine/<int:pk>/alle-anwesend/":   Z("/trainer/termine/{termin}/alle-anwesend/", "405 405 405 405 405 405 405 405", post="L 403 403 → 403 403 403 →"),
    "trainer/termine/<int:pk>/teilnahmeliste.pdf": Z("/trainer/termine/{termin}/teilnahmeliste.pdf", "L 403 403 200 403 403 403 200"),
    # --- Abschlusspräsentation (teilnehmende) -----------------------------------------------------
    # The presentation of the world is under review: POSTs to submit, withdraw, start the review
    # or change the consent (to "no", as it is) are refused by the services and change nothing.
    "mein-lernen/praesentation/<int:anmeldung_id>/": Z("/mein-lernen/praesentation/{anmeldung}/", "L 200 403 403 403 403 403 200", post="L 200 403 403 403 403 403 200"),
    "mein-lernen/praesentation/<int:anmeldung_id>/zurueckziehen/": Z("/mein-lernen/praesentation/{anmeldung}/zurueckziehen/", "L 200 403 403 403 403 403 200", post="L 200 403 403 403 403 403 200"),
    "mein-lernen/praesentation/versionen/<int:pk>/einwilligung/": Z("/mein-lernen/praesentation/versionen/{version}/einwilligung/", "405 405 405 405 405 405 405 405", post="L → 403 403 403 403 403 →"),
    # The file: its author, the cohort's trainers, admins (same view under both addresses).
    "mein-lernen/praesentation/versionen/<int:pk>/datei/": Z("/mein-lernen/praesentation/versionen/{version}/datei/", "L 200 403 200 403 403 403 200"),
    "trainer/begutachtungen/versionen/<int:pk>/datei/": Z("/trainer/begutachtungen/versionen/{version}/datei/", "L 200 403 200 403 403 403 200"),
    # Reviews: every trainer has a (own-cohort) queue; one review: the cohort's trainers.
    "trainer/begutachtungen/":                   Z("/trainer/begutachtungen/", "L 403 403 200 200 403 403 200"),
    "trainer/begutachtungen/<int:pk>/":          Z("/trainer/begutachtungen/{praesentation}/", "L 403 403 200 403 403 403 200", post="L 403 403 200 403 403 403 200"),
    "trainer/begutachtungen/<int:pk>/beginnen/": Z("/trainer/begutachtungen/{praesentation}/beginnen/", "405 405 405 405 405 405 405 405", post="L 403 403 → 403 403 403 →"),
    # --- berichte ---------------------------------------------------------------------------------
    "mein-lernen/einwilligung/":                 Z("/mein-lernen/einwilligung/", "L 200 200 200 200 200 200 200"),
    "berichte/":                                 Z("/berichte/", "L 403 403 403 403 200 403 200"),
    "berichte/export.csv":                       Z("/berichte/export.csv", "L 403 403 403 403 200 403 200"),
    "berichte/export.xlsx":                      Z("/berichte/export.xlsx", "L 403 403 403 403 200 403 200"),
    # Individual ESF records: administration only (every download is logged).
    "berichte/einzeldaten.csv":                  Z("/berichte/einzeldaten.csv", "L 403 403 403 403 403 403 200"),
    # --- esf: exit questionnaire, follow-up link, completeness ------------------------------------
    # Only the enrolled person, not even admins (their own answers). The world's enrolment ended
    # with a certificate; an empty POST fails the form and stores nothing.
    "mein-lernen/anmeldungen/<int:pk>/austritt/": Z("/mein-lernen/anmeldungen/{anmeldung}/austritt/", "L 200 403 403 403 403 403 403", post="L 200 403 403 403 403 403 403"),
    # The cohort's trainers and admins; an empty reason is refused (→ back to the list, nothing stored).
    "trainer/durchgaenge/<int:pk>/austritte/":   Z("/trainer/durchgaenge/{durchgang}/austritte/", "L 403 403 200 403 403 403 200"),
    "trainer/anmeldungen/<int:pk>/austritt-nicht-erhebbar/": Z("/trainer/anmeldungen/{anmeldung}/austritt-nicht-erhebbar/", "405 405 405 405 405 405 405 405", post="L 403 403 → 403 403 403 →"),
    # The personal link works without login; an unknown token is the same 404 for everybody.
    "verbleib/<str:token>/":                     Z("/verbleib/kein-gueltiger-token/", "404 404 404 404 404 404 404 404", post="404 404 404 404 404 404 404 404"),
    # Completeness with names: administration only. POST sends due invitations (none in the world).
    "berichte/vollstaendigkeit/":                Z("/berichte/vollstaendigkeit/", "L 403 403 403 403 403 403 200"),
    "berichte/vollstaendigkeit/einladen/":       Z("/berichte/vollstaendigkeit/einladen/", "405 405 405 405 405 405 405 405", post="L 403 403 403 403 403 403 →"),
    # --- zertifikate ------------------------------------------------------------------------------
    # Public verification (rate-limited per address; the matrix stays far below the limit).
    "zertifikate/pruefen/":                      Z("/zertifikate/pruefen/", "200 200 200 200 200 200 200 200"),
    "zertifikate/pruefen/<str:nummer>/":         Z("/zertifikate/pruefen/{zertifikat}/", "200 200 200 200 200 200 200 200"),
    # The holder's valid certificate; admins any.
    "mein-lernen/zertifikate/<int:pk>/pdf/":     Z("/mein-lernen/zertifikate/{zertifikat_id}/pdf/", "L 200 403 403 403 403 403 200"),
    # Administration only. Revoke/re-issue: an empty POST fails the reason field and changes nothing.
    "zertifikate/verwaltung/":                   Z("/zertifikate/verwaltung/", "L 403 403 403 403 403 403 200"),
    "zertifikate/verwaltung/durchgaenge/<int:pk>/": Z("/zertifikate/verwaltung/durchgaenge/{durchgang}/", "L 403 403 403 403 403 403 200"),
    # POST starts a bulk job (a row and Celery tasks): not sent by the matrix; tests/zertifikate.
    "zertifikate/verwaltung/durchgaenge/<int:pk>/erzeugen/": Z("/zertifikate/verwaltung/durchgaenge/{durchgang}/erzeugen/", "405 405 405 405 405 405 405 405"),
    "zertifikate/verwaltung/durchgaenge/<int:pk>/zertifikate.zip": Z("/zertifikate/verwaltung/durchgaenge/{durchgang}/zertifikate.zip", "L 403 403 403 403 403 403 200"),
    "zertifikate/verwaltung/auftraege/<int:pk>/status/": Z("/zertifikate/verwaltung/auftraege/{auftrag}/status/", "L 403 403 403 403 403 403 200"),
    "zertifikate/verwaltung/zertifikate/<int:pk>/widerrufen/": Z("/zertifikate/verwaltung/zertifikate/{zertifikat_id}/widerrufen/", "L 403 403 403 403 403 403 200", post="L 403 403 403 403 403 403 200"),
    "zertifikate/verwaltung/zertifikate/<int:pk>/neu-ausstellen/": Z("/zertifikate/verwaltung/zertifikate/{zertifikat_id}/neu-ausstellen/", "L 403 403 403 403 403 403 200", post="L 403 403 403 403 403 403 200"),
    # --- openbadges ------------------------------------------------------------------------------
    ".well-known/did.json":                      Z("/.well-known/did.json", "200 200 200 200 200 200 200 200"),
    "zertifikate/openbadges/status/<int:pk>":    Z("/zertifikate/openbadges/status/{statusliste}", "200 200 200 200 200 200 200 200"),
    # POST without a file: the form's error (nothing is stored).
    "zertifikate/openbadges/pruefen/":           Z("/zertifikate/openbadges/pruefen/", "200 200 200 200 200 200 200 200", post="400 400 400 400 400 400 400 400"),
    # The holder only (the credential carries the hashed e-mail address), not even admins.
    "mein-lernen/zertifikate/<int:pk>/openbadge.json": Z("/mein-lernen/zertifikate/{zertifikat_id}/openbadge.json", "L 200 403 403 403 403 403 403"),
    # --- h5p --------------------------------------------------------------------------------------
    # Files, statements and resume state of an activity: whoever may see the lesson
    # (kurse.lektion_ansehen). An empty xAPI POST is rejected as malformed (400) after the gate.
    "h5p/seiten/<int:seite_id>/pakete/<int:paket_id>/inhalt/<path:pfad>": Z("/h5p/seiten/{h5p_lektion}/pakete/{paket}/inhalt/h5p.json", "L 200 403 200 403 403 200 200"),
    "h5p/seiten/<int:seite_id>/pakete/<int:paket_id>/xapi/": Z("/h5p/seiten/{h5p_lektion}/pakete/{paket}/xapi/", "405 405 405 405 405 405 405 405", post="L 400 403 400 403 403 400 400"),
    "h5p/seiten/<int:seite_id>/pakete/<int:paket_id>/zwischenstand/<str:datentyp>/<str:unterinhalt>/": Z("/h5p/seiten/{h5p_lektion}/pakete/{paket}/zwischenstand/state/0/", "L 200 403 200 403 403 200 200"),
    # The preview in the Wagtail admin: editors and admins (model permission h5p.view_h5ppaket).
    "h5p/vorschau/<int:paket_id>/inhalt/<path:pfad>": Z("/h5p/vorschau/{paket}/inhalt/h5p.json", "L 403 403 403 403 403 200 200"),
    # --- Wagtail outside the admin ----------------------------------------------------------------
    # Course material (kurse/dokumente.py): whoever may see a lesson using it, editors, admins.
    # Documents of other collections stay public (tests/kurse/test_kursmaterial.py).
    "dokumente/^(\\d+)/(.*)$":                   Z("/dokumente/{dokument}/handout.pdf", "L 200 403 200 403 403 200 200"),
    "dokumente/authenticate_with_password/<int:restriction_id>/": Z("/dokumente/authenticate_with_password/999999/", "404 404 404 404 404 404 404 404"),
    "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/": Z("/_util/authenticate_with_password/999999/999999/", "404 404 404 404 404 404 404 404"),
    "_util/login/":                              Z("/_util/login/", "200 200 200 200 200 200 200 200"),
    "^((?:[\\w\\-]+/)*)$":                       WAGTAIL_SEITEN,
    # --- public parts of the admin areas (everything else: BEREICHE) ------------------------------
    "cms-admin/login/":                          Z("/cms-admin/login/", "200 200 200 200 200 200 → →"),
    "cms-admin/password_reset/":                 Z("/cms-admin/password_reset/", "200 200 200 200 200 200 200 200"),
    "cms-admin/password_reset/done/":            Z("/cms-admin/password_reset/done/", "200 200 200 200 200 200 200 200"),
    "cms-admin/password_reset/confirm/<uidb64>/<token>/": Z("/cms-admin/password_reset/confirm/x/ungueltig/", "200 200 200 200 200 200 200 200"),
    "cms-admin/password_reset/complete/":        Z("/cms-admin/password_reset/complete/", "200 200 200 200 200 200 200 200"),
    "cms-admin/jsi18n/":                         Z("/cms-admin/jsi18n/", "200 200 200 200 200 200 200 200"),
    "cms-admin/sprite/":                         Z("/cms-admin/sprite/", "200 200 200 200 200 200 200 200"),
    # Wagtail's deliberate error for testing the 500 page.
    "cms-admin/failwhale/":                      Z("/cms-admin/failwhale/", "L L L L L L . ."),
    "django-admin/login/":                       Z("/django-admin/login/", "200 200 200 200 200 200 200 →"),
    "django-admin/logout/":                      Z("/django-admin/logout/", "→ → → → → → → 405"),
    "django-admin/^(?P<app_label>auth|kern|zertifikate|berichte|wagtaildocs|wagtailimages|taggit|account|mfa|sites)/$": Z("/django-admin/kern/", "L L L L L L L 200"),
}

BEREICHE: dict[str, Z] = {
    "cms-admin/":    Z(None, "- - - - - - * *"),
    "django-admin/": Z(None, "- - - - - - - *"),
}

SEITEN: dict[str, Z] = {
    "cms.HomePage":                   Z(None, "200 200 200 200 200 200 200 200"),
    "cms.StandardSeite":              Z(None, "200 200 200 200 200 200 200 200"),
    "cms.BarrierefreiheitSeite":      Z(None, "200 200 200 200 200 200 200 200"),
    "cms.PraxisbeispielIndex":        Z(None, "200 200 200 200 200 200 200 200"),
    "cms.PraxisbeispielIndex feed/":  Z(None, "200 200 200 200 200 200 200 200"),
    "cms.PraxisbeispielIndex feed/atom/": Z(None, "200 200 200 200 200 200 200 200"),
    "cms.Praxisbeispiel":             Z(None, "200 200 200 200 200 200 200 200"),
    "kurse.KursIndexSeite":           Z(None, "200 200 200 200 200 200 200 200"),
    "kurse.KursSeite":                Z(None, "200 200 200 200 200 200 200 200"),
    "kurse.ModulSeite":               Z(None, "200 200 200 200 200 200 200 200"),
    # Lesson bodies: the course's participants and trainers, editors and admins only.
    "kurse.LektionSeite":             Z(None, "L 200 403 200 403 403 200 200"),
}
# fmt: on
