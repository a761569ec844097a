"""Forms of the content pages: the feedback form on the accessibility statement."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.forms import FormBuilder, WagtailAdminFormPageForm

FELD_FEHLT = _("Bitte füllen Sie dieses Feld aus.")
EMAIL_UNGUELTIG = _(
    "Bitte geben Sie eine gültige E-Mail-Adresse an, zum Beispiel name@beispiel.de."
)
TEXT_ZU_LANG = _("Bitte kürzen Sie Ihren Text auf höchstens %(limit_value)d Zeichen.")
NACHRICHTENFELD_FEHLT = _(
    "Das Rückmeldeformular braucht ein Pflichtfeld mit mehrzeiligem Text für die Nachricht."
)
# A feedback message is prose, not a document upload; the cap keeps abuse of the form cheap.
NACHRICHT_MAX_ZEICHEN = 5000


class RueckmeldungFormBuilder(FormBuilder):
    """Wagtail's form builder with our German messages and a length cap on long text."""

    def get_field_options(self, field):
        options = super().get_field_options(field)
        options["error_messages"] = {
            "required": FELD_FEHLT,
            "invalid": EMAIL_UNGUELTIG if field.field_type == "email" else FELD_FEHLT,
            "max_length": TEXT_ZU_LANG,
        }
        return options

    def create_multiline_field(self, field, options):
        options["max_length"] = NACHRICHT_MAX_ZEICHEN
        return super().create_multiline_field(field, options)


class BarrierefreiheitSeiteAdminForm(WagtailAdminFormPageForm):
    """BITV NRW requires a working feedback channel: editors may reword fields, not drop it."""

    def clean(self):
        cleaned_data = super().clean()
        formset = self.formsets.get("form_fields")
        if formset is not None:
            felder = [
                form.cleaned_data
                for form in formset.forms
                if getattr(form, "cleaned_data", None) and not form.cleaned_data.get("DELETE")
            ]
            if not any(f.get("field_type") == "multiline" and f.get("required") for f in felder):
                self.add_error(None, NACHRICHTENFELD_FEHLT)
        return cleaned_data
