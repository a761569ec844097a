"""Object permissions of enrolments."""

import rules

from kern.rollen import ist_admin, ist_teilnehmende, ist_trainer


@rules.predicate
def ist_eigene_anmeldung(user, anmeldung) -> bool:
    return anmeldung is not None and anmeldung.nutzer_id == user.pk


rules.add_perm("teilnehmende.anmelden", ist_teilnehmende)
rules.add_perm("teilnehmende.anmeldung_stornieren", ist_eigene_anmeldung | ist_admin)


@rules.predicate
def ist_trainer_des_termins(user, termin) -> bool:
    from kurse.selectors import ist_trainer_des_durchgangs

    return ist_trainer_des_durchgangs(nutzer=user, durchgang=termin.durchgang)


# Attendance and the sign-in sheet of a session: the cohort's trainers and administrators.
rules.add_perm(
    "teilnehmende.anwesenheit_erfassen", ist_admin | (ist_trainer & ist_trainer_des_termins)
)
# A participant's own attendance overview.
rules.add_perm("teilnehmende.anwesenheit_ansehen", ist_eigene_anmeldung)
# --- Abschlusspräsentation -------------------------------------------------------------------


@rules.predicate
def ist_eigene_praesentation(user, praesentation) -> bool:
    return praesentation is not None and praesentation.anmeldung.nutzer_id == user.pk


@rules.predicate
def ist_trainer_der_praesentation(user, praesentation) -> bool:
    from kurse.selectors import ist_trainer_des_durchgangs

    return praesentation is not None and ist_trainer_des_durchgangs(
        nutzer=user, durchgang=praesentation.anmeldung.durchgang
    )


@rules.predicate
def ist_eigene_version(user, version) -> bool:
    return version is not None and ist_eigene_praesentation(user, version.praesentation)


@rules.predicate
def ist_trainer_der_version(user, version) -> bool:
    return version is not None and ist_trainer_der_praesentation(user, version.praesentation)


# The participant's page of one enrolment (submit, history, withdraw, consent).
rules.add_perm("teilnehmende.praesentation_einreichen", ist_teilnehmende & ist_eigene_anmeldung)
rules.add_perm("teilnehmende.praesentation_verwalten", ist_eigene_praesentation)
# Reviews: only the trainers of the presentation's cohort.
rules.add_perm("teilnehmende.begutachtungen", ist_trainer)
rules.add_perm(
    "teilnehmende.praesentation_begutachten", ist_trainer & ist_trainer_der_praesentation
)
# The file: its author, the cohort's trainers and administrators.
rules.add_perm(
    "teilnehmende.version_herunterladen",
    ist_eigene_version | (ist_trainer & ist_trainer_der_version) | ist_admin,
)
