"""A GIN index on `title || body` of Wagtail's search index entries (PostgreSQL only).

Wagtail's database backend matches `(title || body) @@ query`; its own GIN indexes cover the two
columns separately, so PostgreSQL scanned every entry of a content type (≈ 150 ms at 10,000
examples). With an index on the very expression the match becomes a bitmap index scan.
"""

from django.db import migrations

INDEX = "lk_suchindex_titel_text_gin"


def anlegen(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailsearch_indexentry "
            "USING gin ((title || body))"
        )


def entfernen(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0003_merge_0002_barrierefreiheit_0002_praxisbeispiele"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(anlegen, entfernen)]
