import pytest

from observatory.services.taxonomy import ensure_taxonomy


@pytest.fixture(autouse=True)
def taxonomy(db):
    """The standard taxonomy and regions, as `load_taxonomy` creates them."""
    ensure_taxonomy()
