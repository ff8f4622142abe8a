"""The whole-event exchange: one JSON document with everything that belongs to an event, to move it to
another installation (`export_event` / `import_event` commands) and to ship the demo (`load_demo`).

The framework lives here (`registry`: the parts each app registers; `serializers`: Django's serializer and
deserializer with the exchange's references; `checks`: what an import checks before it writes; `service`:
export, import); each app contributes its own part
from its `exchange.py`, registered in its AppConfig.ready() (`events_part` is this app's). The format is
described in docs/event-format.md.
"""

from .checks import check_document, check_file_size, read_document
from .registry import Entry, Part, parts, register_part
from .service import FORMAT, FORMAT_VERSION, dumps, export_event, export_event_bytes, import_event

__all__ = [
    "FORMAT",
    "check_document",
    "check_file_size",
    "read_document",
    "FORMAT_VERSION",
    "Entry",
    "Part",
    "dumps",
    "export_event",
    "export_event_bytes",
    "import_event",
    "parts",
    "register_part",
]
