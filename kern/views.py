from django.http import JsonResponse
from django.views.decorators.cache import never_cache

from . import gesundheit


@never_cache
def healthz(request):
    gesund, teile = gesundheit.alle()
    return JsonResponse(
        {"status": "ok" if gesund else "fehler", **teile}, status=200 if gesund else 503
    )
