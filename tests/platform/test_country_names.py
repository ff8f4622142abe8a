import pytest
from django.utils import translation
from django_countries import countries


@pytest.mark.parametrize(
    ("language", "name"),
    [
        ("en", "Trinidad and Tobago"),
        ("es", "Trinidad y Tobago"),
        ("fr", "Trinité-et-Tobago"),
        ("pt-br", "Trinidad e Tobago"),
    ],
)
def test_trinidad_and_tobago_is_spelt_right_in_every_language(language, name):
    with translation.override(language):
        assert str(countries.name("TT")) == name
