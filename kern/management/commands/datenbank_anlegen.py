"""Create the PostgreSQL database of DATABASE_URL when it does not exist yet (make prod-lokal)."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError
from django.db import connections


class Command(BaseCommand):
    help = "Legt die PostgreSQL-Datenbank aus DATABASE_URL an, falls sie fehlt."

    def handle(self, *args, **options):
        verbindung = connections["default"]
        if verbindung.vendor != "postgresql":
            self.stdout.write("Keine PostgreSQL-Datenbank konfiguriert; nichts anzulegen.")
            return
        import psycopg
        from psycopg import sql

        name = verbindung.settings_dict["NAME"]
        parameter = verbindung.get_connection_params()
        parameter.pop("dbname", None)
        parameter.pop("cursor_factory", None)
        parameter.pop("context", None)
        try:
            with psycopg.connect(dbname="postgres", autocommit=True, **parameter) as wartung:
                vorhanden = wartung.execute(
                    "SELECT 1 FROM pg_database WHERE datname = %s", [name]
                ).fetchone()
                if vorhanden:
                    self.stdout.write(f"Datenbank {name} ist vorhanden.")
                    return
                wartung.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        except psycopg.OperationalError as fehler:
            raise CommandError(f"PostgreSQL ist nicht erreichbar: {fehler}") from fehler
        self.stdout.write(f"Datenbank {name} angelegt.")
