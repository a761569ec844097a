import rules

from kern.rollen import ist_admin, ist_foerderer

rules.add_perm("berichte.ansehen", ist_foerderer | ist_admin)
