"""Celery app of the SIGKILL test (test_stoerungen.py): the real app of config.celery, plus a hold
inside the certificate rendering on its first call. The first pool process that renders a PDF
writes its pid to LERNKETTE_TEST_MARKE and stays inside the render step (the PDF bytes exist,
nothing is stored yet) until the test kills it; later calls render normally."""

from __future__ import annotations

import os
import time
from pathlib import Path

from celery.signals import worker_process_init

from config.celery import app

__all__ = ["app"]


@worker_process_init.connect
def _im_rendern_anhalten(**_) -> None:
    from zertifikate import pdf

    rendern = pdf.zertifikat_pdf
    marke = Path(os.environ["LERNKETTE_TEST_MARKE"])

    def haltend(zertifikat):
        inhalt = rendern(zertifikat)
        if not marke.exists():
            marke.write_text(str(os.getpid()))
            time.sleep(600)
        return inhalt

    pdf.zertifikat_pdf = haltend
