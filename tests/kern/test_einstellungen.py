"""Settings are chosen by environment variables only; production fails fast."""

import os
import subprocess
import sys
from pathlib import Path

PROJEKT = Path(__file__).resolve().parents[2]
PROD_ENV = {
    "DJANGO_SECRET_KEY": "nur-fuer-den-test-" + "aB3$dE6^gH9*jK2(mN5)pQ8-rS1=tU4+" * 2,
    "DJANGO_ALLOWED_HOSTS": "lernkette.example",
    "DATABASE_URL": "sqlite:////tmp/lernkette-check.sqlite3",
}


def _manage(*args, env):
    basis = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "DATABASE_", "CELERY_", "CACHE_"))
    }
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args],
        cwd=PROJEKT,
        env={**basis, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_produktion_verweigert_fehlenden_schluessel():
    env = {k: v for k, v in PROD_ENV.items() if k != "DJANGO_SECRET_KEY"}
    ergebnis = _manage("check", "--settings=config.settings.production", env=env)
    assert ergebnis.returncode != 0
    assert "DJANGO_SECRET_KEY" in ergebnis.stderr


def test_produktion_check_deploy_ohne_warnungen(tmp_path):
    from openbadges.schluessel import neuer_schluessel

    neuer_schluessel(tmp_path)
    env = {**PROD_ENV, "LERNKETTE_OB_SCHLUESSEL_DIR": str(tmp_path)}
    ergebnis = _manage("check", "--deploy", "--settings=config.settings.production", env=env)
    assert ergebnis.returncode == 0, ergebnis.stderr
    assert "System check identified no issues" in ergebnis.stdout
    assert "WARNING" not in ergebnis.stderr


def test_produktion_check_deploy_warnt_ohne_openbadges_schluessel(tmp_path):
    env = {**PROD_ENV, "LERNKETTE_OB_SCHLUESSEL_DIR": str(tmp_path / "leer")}
    ergebnis = _manage("check", "--deploy", "--settings=config.settings.production", env=env)
    assert "openbadges.W001" in ergebnis.stderr
    assert "Kein aktiver Open-Badges-Schlüssel" in ergebnis.stderr


def test_ohne_umgebung_sqlite_und_eager_celery():
    ergebnis = _manage(
        "shell",
        "--no-imports",
        "-c",
        "from django.conf import settings as s; "
        "print(s.DATABASES['default']['ENGINE'], s.CELERY_TASK_ALWAYS_EAGER)",
        env={"DJANGO_SETTINGS_MODULE": "config.settings.dev"},
    )
    assert ergebnis.stdout.strip() == "django.db.backends.sqlite3 True"


def test_broker_url_schaltet_eager_ab():
    ergebnis = _manage(
        "shell",
        "--no-imports",
        "-c",
        "from django.conf import settings as s; print(s.CELERY_TASK_ALWAYS_EAGER)",
        env={"DJANGO_SETTINGS_MODULE": "config.settings.dev", "CELERY_BROKER_URL": "redis://x:1/0"},
    )
    assert ergebnis.stdout.strip() == "False"
