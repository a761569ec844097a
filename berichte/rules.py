import rules

from kern.rollen import ist_admin, ist_foerderer

rules.add_perm("berichte.ansehen", ist_foerderer | ist_admin)
# Individual ESF records (no names, but per person): administration only, every download logged.
rules.add_perm("berichte.einzeldaten_exportieren", ist_admin)
