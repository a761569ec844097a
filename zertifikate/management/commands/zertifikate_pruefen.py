"""Checks every enrolment without a certificate and issues those whose conditions hold."""

from django.core.management.base import BaseCommand

from zertifikate.services import offene_anmeldungen_pruefen


class Command(BaseCommand):
    help = "Prüft alle Anmeldungen ohne Zertifikat und stellt fällige Zertifikate aus."

    def handle(self, *args, **options):
        neu = offene_anmeldungen_pruefen()
        wort = "Zertifikat" if len(neu) == 1 else "Zertifikate"
        self.stdout.write(self.style.SUCCESS(f"{len(neu)} {wort} ausgestellt."))
        for zertifikat in neu:
            self.stdout.write(f"  {zertifikat.nummer}  {zertifikat.inhaber_name}")
