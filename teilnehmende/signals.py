"""Signals of the enrolment app for other apps (certificates) to listen to."""

from django.dispatch import Signal

#: Sent after the commit of an accepting review decision, with `praesentation` and `anmeldung`.
#: The certificate app connects its completion check here.
abschlusspraesentation_angenommen = Signal()
