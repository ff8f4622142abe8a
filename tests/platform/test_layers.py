"""The apps are layers that point one way: events <- sessions_app <- reports <- observatory.

`events` imports neither `sessions_app` nor `reports`; `sessions_app` does not import `reports`; nothing
imports `observatory`. The test
reads every module (migrations, commands and templates' tags included) and fails on an import that points
upward, whether at the top of a module or inside a function, and on the ways round it: importlib, or
`apps.get_model()` with a higher app's label.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LAYERS = ["events", "sessions_app", "reports", "observatory"]


def _above(app: str) -> set[str]:
    return set(LAYERS[LAYERS.index(app) + 1 :])


def _imports(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.lineno, node.module))
        elif isinstance(node, ast.Call):
            name = getattr(node.func, "attr", getattr(node.func, "id", ""))
            if name in {"import_module", "__import__", "get_model"} and node.args:
                first = node.args[0]
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    found.append((node.lineno, first.value.split(".")[0]))
    return found


def upward_imports(app: str) -> list[str]:
    above = _above(app)
    wrong = []
    for path in sorted((ROOT / app).rglob("*.py")):
        for line, module in _imports(path):
            if module.split(".")[0] in above:
                wrong.append(f"{path.relative_to(ROOT)}:{line} imports {module}")
    return wrong


@pytest.mark.parametrize("app", LAYERS)
def test_no_app_imports_an_app_built_on_it(app):
    assert upward_imports(app) == []


def test_the_check_finds_an_upward_import(tmp_path, monkeypatch):
    """The test above can fail: a module of events that reaches for registrations is caught."""
    fake_root = tmp_path
    (fake_root / "events").mkdir()
    (fake_root / "events" / "bad.py").write_text(
        "def roles():\n    from sessions_app.models import Registration\n    return Registration\n"
        "import importlib\nimportlib.import_module('reports.demo')\n"
    )
    monkeypatch.setattr(__import__(__name__, fromlist=["ROOT"]), "ROOT", fake_root)

    assert upward_imports("events") == [
        "events/bad.py:2 imports sessions_app.models",
        "events/bad.py:5 imports reports",
    ]
