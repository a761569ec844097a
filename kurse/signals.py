"""Signals other apps listen to (e.g. certificates check their conditions on completion)."""

from django.dispatch import Signal

#: Sent after the commit that records a new lesson completion; kwargs: nutzer, lektion, erledigt.
lektion_erledigt = Signal()
