"""python manage.py restore FILE [--yes]: put back a backup made by `manage.py backup`.

The configured database is replaced by the one in the archive (created first when it does not exist) and
the uploaded files are put back into DJANGO_MEDIA_ROOT. Stop the web and worker processes first.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path

import psycopg2
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connections
from psycopg2 import sql

from .backup import FORMAT, pg_environment


class Command(BaseCommand):
    help = "Restore the database and the uploaded files from an archive made by `manage.py backup`."

    def add_arguments(self, parser):
        parser.add_argument("archive")
        parser.add_argument("--yes", action="store_true", help="Do not ask before replacing the data.")

    def handle(self, *args, archive, yes=False, **options):
        archive = Path(archive)
        if not archive.is_file():
            raise CommandError(f"No archive at {archive}.")
        database = settings.DATABASES["default"]
        if not yes:
            answer = input(f"Replace the database {database['NAME']} and the uploaded files? [y/N] ")
            if answer.strip().lower() not in {"y", "yes"}:
                raise CommandError("Nothing was changed.")
        with tempfile.TemporaryDirectory() as folder, tarfile.open(archive, "r:gz") as tar:
            tar.extractall(folder, filter="data")  # refuses absolute paths and "..": an archive is input
            folder = Path(folder)
            manifest = json.loads((folder / "manifest.json").read_text())
            if manifest.get("format") != FORMAT:
                raise CommandError("This archive was not made by this portal's `backup`.")
            vendor = connections["default"].vendor
            if manifest["database"] != vendor:
                raise CommandError(f"The archive holds a {manifest['database']} database, not {vendor}.")
            connections.close_all()
            if vendor == "postgresql":
                self._pg_restore(database, folder / "database.dump")
            else:
                shutil.copyfile(folder / "database.sqlite3", database["NAME"])
            self._restore_media(folder / "media")
        self.stdout.write(f"Restored {archive}.")

    def _pg_restore(self, database: dict, dump: Path) -> None:
        self._create_database_if_missing(database)
        command = [
            "pg_restore",
            "--clean",
            "--if-exists",
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            f"--dbname={database['NAME']}",
            str(dump),
        ]
        try:
            subprocess.run(
                command, env=pg_environment(database), check=True, capture_output=True, timeout=3600
            )
        except FileNotFoundError as error:
            raise CommandError("pg_restore is not installed (apt-get install postgresql-client).") from error
        except subprocess.CalledProcessError as error:
            raise CommandError(
                f"pg_restore failed: {error.stderr.decode(errors='replace').strip()}"
            ) from error

    def _create_database_if_missing(self, database: dict) -> None:
        params = {
            "dbname": "postgres",
            "host": database.get("HOST") or None,
            "port": database.get("PORT") or None,
            "user": database.get("USER") or None,
            "password": database.get("PASSWORD") or None,
        }
        maintenance = psycopg2.connect(**{key: value for key, value in params.items() if value})
        maintenance.autocommit = True
        try:
            with maintenance.cursor() as cursor:
                cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [database["NAME"]])
                if cursor.fetchone() is None:
                    cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(database["NAME"])))
        finally:
            maintenance.close()

    def _restore_media(self, media: Path) -> None:
        root = Path(settings.MEDIA_ROOT)
        root.mkdir(parents=True, exist_ok=True)
        if media.is_dir():
            shutil.copytree(media, root, dirs_exist_ok=True)
