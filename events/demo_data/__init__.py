"""The demo shipped with the portal, as data: events in the exchange format (docs/event-format.md) and the
files they name (`documents/`, `logos/`, laid out as in the media folder). `load_demo` imports them."""

from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent

#: The demo events, imported in this order by `python manage.py load_demo`.
EVENT_FILES = [DATA_DIR / "san-jose-dialogue-2024.json"]
