"""Object permissions of courses, lessons and cohorts (`user.has_perm("kurse.…", obj)`)."""

import rules

from kern.rollen import ist_admin, ist_redaktion, ist_trainer

from . import selectors


@rules.predicate
def ist_teilnehmende_im_kurs_der_lektion(user, lektion) -> bool:
    from teilnehmende.selectors import ist_teilnehmende_im_kurs

    return ist_teilnehmende_im_kurs(nutzer=user, kurs_pfad=lektion.kurs_pfad)


@rules.predicate
def ist_trainer_im_kurs_der_lektion(user, lektion) -> bool:
    return selectors.ist_trainer_im_kurs(nutzer=user, kurs_pfad=lektion.kurs_pfad)


@rules.predicate
def ist_trainer_des_durchgangs(user, durchgang) -> bool:
    return selectors.ist_trainer_des_durchgangs(nutzer=user, durchgang=durchgang)


# Lesson bodies: participants with a seat in a cohort of the course, its trainers, editors, admins.
rules.add_perm(
    "kurse.lektion_ansehen",
    ist_redaktion
    | ist_admin
    | (ist_trainer & ist_trainer_im_kurs_der_lektion)
    | ist_teilnehmende_im_kurs_der_lektion,
)
# Only participants track progress; staff read lessons without a completion record.
rules.add_perm("kurse.lektion_abschliessen", ist_teilnehmende_im_kurs_der_lektion)
# A trainer sees the participants of their own cohorts only.
rules.add_perm("kurse.durchgang_betreuen", ist_admin | (ist_trainer & ist_trainer_des_durchgangs))


@rules.predicate
def hat_platz_im_durchgang(user, durchgang) -> bool:
    from teilnehmende.selectors import hat_platz_im_durchgang as platz

    return platz(nutzer=user, durchgang=durchgang)


# Session calendar (ICS with the online link): the cohort's participants, trainers, admins.
rules.add_perm(
    "kurse.termine_herunterladen",
    ist_admin | (ist_trainer & ist_trainer_des_durchgangs) | hat_platz_im_durchgang,
)


@rules.predicate
def darf_eine_lektion_mit_dem_dokument_sehen(user, dokument) -> bool:
    from .dokumente import lektionen_mit_dokument

    return any(
        user.has_perm("kurse.lektion_ansehen", lektion)
        for lektion in lektionen_mit_dokument(dokument)
    )


# Course material (kurse/dokumente.py): editors and admins, and whoever may see a lesson using it.
rules.add_perm(
    "kurse.kursmaterial_herunterladen",
    ist_redaktion | ist_admin | darf_eine_lektion_mit_dem_dokument_sehen,
)
