from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from kern.views import healthz, verwaltung

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("konto/daten/einwilligungen/", include("teilnehmende.urls_einwilligungen")),
    path("konto/daten/", include("kern.urls")),
    path("konto/", include("kern.urls_konto")),
    path("konto/", include("allauth.urls")),
    path("verwaltung/", verwaltung, name="verwaltung"),
    path("trainer/begutachtungen/", include("teilnehmende.urls_begutachtung")),
    path("", include("kurse.urls")),
    path("mein-lernen/", include("teilnehmende.urls")),
    path("mein-lernen/", include("esf.urls")),
    path("verbleib/", include("esf.urls_verbleib")),
    path("trainer/", include("esf.urls_trainer")),
    path("berichte/vollstaendigkeit/", include("esf.urls_vollstaendigkeit")),
    path("trainer/", include("teilnehmende.trainer_urls")),
    path("", include("zertifikate.urls")),
    path("", include("openbadges.urls")),
    path("berichte/", include("berichte.urls")),
    path("h5p/", include("h5p.urls")),
    path("cms-admin/", include(wagtailadmin_urls)),
    path("django-admin/", admin.site.urls),
    path("dokumente/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, name="sitemap"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail serves every other path: home page, content pages, /praxisbeispiele/, /barrierefreiheit/.
urlpatterns.append(path("", include(wagtail_urls)))
