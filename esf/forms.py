from django import forms
from django.utils.translation import gettext_lazy as _

from teilnehmende.models import Erwerbsstatus

from .models import Abbruchgrund, Austrittsdaten, JaNein, Verbleib


class AustrittForm(forms.Form):
    erwerbsstatus = forms.ChoiceField(
        label=_("Wie war Ihr Erwerbsstatus am Tag nach dem Kursende?"),
        choices=Erwerbsstatus.choices,
        widget=forms.RadioSelect,
    )
    in_bildung = forms.ChoiceField(
        label=_(
            "Waren Sie zu diesem Zeitpunkt in einer schulischen oder beruflichen Aus- oder "
            "Weiterbildung (außer diesem Kurs)?"
        ),
        choices=JaNein.choices,
        widget=forms.RadioSelect,
    )
    abbruchgrund = forms.ChoiceField(
        label=_("Warum haben Sie den Kurs beendet? (freiwillig)"),
        choices=[("", _("bitte wählen"))] + Abbruchgrund.choices,
        required=False,
    )

    def __init__(self, *args, abbruch: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if not abbruch:
            del self.fields["abbruchgrund"]


class NichtErhebbarForm(forms.Form):
    grund = forms.CharField(
        label=_("Warum sind die Angaben nicht erhebbar?"),
        max_length=Austrittsdaten._meta.get_field("nicht_erhebbar_grund").max_length,
    )


class VerbleibForm(forms.Form):
    erwerbsstatus = forms.ChoiceField(
        label=_("Wie ist Ihr Erwerbsstatus heute?"),
        choices=Erwerbsstatus.choices,
        widget=forms.RadioSelect,
    )
    mehr_verantwortung = forms.BooleanField(
        label=Verbleib._meta.get_field("mehr_verantwortung").verbose_name, required=False
    )
    unbefristet = forms.BooleanField(
        label=Verbleib._meta.get_field("unbefristet").verbose_name, required=False
    )
    mehr_stunden = forms.BooleanField(
        label=Verbleib._meta.get_field("mehr_stunden").verbose_name, required=False
    )
