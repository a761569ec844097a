from django.contrib.auth.mixins import PermissionRequiredMixin
from django.views.generic import TemplateView


class BerichteStartView(PermissionRequiredMixin, TemplateView):
    permission_required = "berichte.ansehen"
    template_name = "berichte/start.html"
