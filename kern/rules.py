"""Permissions of the foundation; other apps register theirs in their own rules.py."""

import rules

from .rollen import ist_admin, ist_trainer

rules.add_perm("kern.trainerbereich", ist_trainer | ist_admin)
rules.add_perm("kern.verwaltung", ist_admin)
