"""python manage.py backup [--output FILE]: the database and the uploaded files in one archive.

The archive (.tar.gz) holds `database.dump` (pg_dump's custom format; on SQLite `database.sqlite3`),
`media/` (the uploads, without `generated/`: generated files are made again on demand) and
`manifest.json`. `manage.py restore FILE` puts both back (docs/operations.md).
"""

from __future__ import annotations

import io
import json
import os
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils import timezone

FORMAT = 1
SKIPPED_MEDIA = {"generated"}


def pg_environment(database: dict) -> dict:
    """libpq's environment for the configured database (the password never goes on a command line)."""
    env = dict(os.environ)
    for key, name in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER"), ("PASSWORD", "PGPASSWORD")):
        if database.get(key):
            env[name] = str(database[key])
    return env


class Command(BaseCommand):
    help = "Back up the database (pg_dump) and the uploaded files into one .tar.gz archive."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output", "-o", help="Archive to write (default: dialogue-backup-<time>.tar.gz)"
        )

    def handle(self, *args, output=None, **options):
        stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
        output = Path(output or f"dialogue-backup-{stamp}.tar.gz")
        database = settings.DATABASES["default"]
        with tempfile.TemporaryDirectory() as folder:
            dump = Path(folder) / "database.dump"
            if connection.vendor == "postgresql":
                self._pg_dump(database, dump)
            elif connection.vendor == "sqlite":
                dump = dump.with_suffix(".sqlite3")
                self._sqlite_copy(database, dump)
            else:
                raise CommandError(f"Backing up {connection.vendor} databases is not supported.")
            manifest = {
                "format": FORMAT,
                "created": timezone.now().isoformat(),
                "database": connection.vendor,
                "media_skipped": sorted(SKIPPED_MEDIA),
            }
            with tarfile.open(output, "w:gz") as archive:
                archive.add(dump, arcname=dump.name)
                media = Path(settings.MEDIA_ROOT)
                if media.is_dir():
                    for entry in sorted(media.iterdir()):
                        if entry.name not in SKIPPED_MEDIA:
                            archive.add(entry, arcname=f"media/{entry.name}")
                data = json.dumps(manifest, indent=1).encode()
                info = tarfile.TarInfo("manifest.json")
                info.size = len(data)
                info.mtime = int(timezone.now().timestamp())
                archive.addfile(info, fileobj=io.BytesIO(data))
        output.chmod(0o600)  # it holds everyone's data
        self.stdout.write(f"Wrote {output} ({output.stat().st_size} bytes)")

    def _pg_dump(self, database: dict, target: Path) -> None:
        command = ["pg_dump", "--format=custom", "--no-owner", "--no-privileges", f"--file={target}"]
        command.append(f"--dbname={database['NAME']}")
        try:
            subprocess.run(
                command, env=pg_environment(database), check=True, capture_output=True, timeout=3600
            )
        except FileNotFoundError as error:
            raise CommandError("pg_dump is not installed (apt-get install postgresql-client).") from error
        except subprocess.CalledProcessError as error:
            raise CommandError(f"pg_dump failed: {error.stderr.decode(errors='replace').strip()}") from error

    def _sqlite_copy(self, database: dict, target: Path) -> None:
        source = sqlite3.connect(database["NAME"])
        copy = sqlite3.connect(target)
        with copy:
            source.backup(copy)  # consistent even while the portal writes
        copy.close()
        source.close()
