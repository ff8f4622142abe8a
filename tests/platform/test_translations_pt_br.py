"""Brazilian Portuguese: the portal serves ``pt-br`` from ``locale/pt_BR`` (Brazil's plural rule), a browser
asking for any Portuguese gets it, and a Brazilian reader meets no European Portuguese form, neither in our
catalogue nor on the account pages whose text comes from Django and allauth.

test_translations.py checks the catalogue's completeness, placeholders and compiled file with es and fr."""

import re
from html import unescape

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from tests.events.factories import UserFactory

from .catalogues import LOCALE, active, po_file, translations, without_code
from .helpers import h1, html_lang
from .test_accounts import ANONYMOUS_PAGES, SIGNED_IN_PAGES

CATALOGUE = "pt_BR"

# European Portuguese form -> what a Brazilian reader expects.
EUROPEAN = {
    r"\bficheiros?\b": "arquivo",
    r"\bpalavras?-passe\b": "senha",
    r"\becrãs?\b": "tela",
    r"\bsecç(ão|ões)\b": "seção",
    r"\bregist(ar|e|ou|a-se|ar-se)\b": "cadastrar, registrar",
    r"\bterminar sessão\b": "sair",
    r"\biniciar sessão\b": "entrar",
    r"\bdescarreg\w*": "baixar",
    r"\bpara si\b": "para você",
    r"\bcorreu mal\b": "deu errado",
    r"\bligaç(ão|ões)\b": "link",
    r"\bpredefinid[oa]s?\b": "padrão",
    r"\butilizador(es|a|as)?\b": "usuário",
    r"\btelemóve(l|is)\b": "celular",
    r"\bequipas?\b": "equipe",
    r"\bfacto\b": "fato",
    r"\bcontactos?\b": "contato",
    r"\bpartilh\w*": "compartilhar",
    r"\b(objectiv|actua|óptim|recepç|acç|direcç|selecç|colecç)\w*": "objetivo, atual, ótimo...",
    r"\b(está|estão|estamos|estava) a [a-z]+r\b": "gerúndio (está fazendo)",
    r"\bconnosco\b": "conosco",
    r"\bautocarro\b": "ônibus",
    r"\bp\.f\.|por favor, introduza|\bintroduza\b": "digite, informe",
}


def european_forms(text: str) -> list[str]:
    """The European forms found in `text` (a message or a page's words)."""
    return [match.group(0) for pattern in EUROPEAN for match in re.finditer(pattern, text, re.IGNORECASE)]


def test_the_check_finds_european_forms():
    assert european_forms("Descarregar o ficheiro para si") == ["ficheiro", "Descarregar", "para si"]
    assert european_forms("Introduza a palavra-passe. Algo correu mal no ecrã.") == [
        "palavra-passe",
        "ecrã",
        "correu mal",
        "Introduza",
    ]
    assert european_forms("O programa está a carregar; veja a secção Registar-se") == [
        "secção",
        "Registar",
        "está a carregar",
    ]
    assert (
        european_forms("Baixar o arquivo: digite sua senha na tela. Deu errado; veja a seção Cadastrar-se")
        == []
    )


def test_portuguese_is_served_as_brazilian_portuguese():
    with translation.override("en"):
        assert ("pt-br", "Brazilian Portuguese") in [(code, str(name)) for code, name in settings.LANGUAGES]
    assert "pt" not in [code for code, _name in settings.LANGUAGES]
    assert not (LOCALE / "pt").exists()


def test_catalogue_has_brazils_plural_rule():
    po = po_file(CATALOGUE)

    assert po.metadata["Language"] == "pt_BR"
    assert po.metadata["Plural-Forms"] == "nplurals=2; plural=(n > 1);"


def test_no_message_of_the_catalogue_uses_a_european_form():
    found = {
        entry.msgid: forms
        for entry in active(po_file(CATALOGUE))
        if (forms := european_forms(" ".join(without_code(text) for text in translations(entry))))
    }
    assert found == {}


@pytest.mark.django_db
@pytest.mark.parametrize("asked", ["pt", "pt-PT", "pt-pt,pt;q=0.9,en;q=0.5", "pt-BR", "pt-br,en;q=0.5"])
def test_a_browser_asking_for_any_portuguese_gets_brazilian_portuguese(client, asked):
    page = client.get(reverse("account_login"), HTTP_ACCEPT_LANGUAGE=asked)

    assert html_lang(page) == "pt-br"
    assert h1(page) == "Entrar"


@pytest.mark.django_db
def test_a_language_cookie_left_from_pt_gives_brazilian_portuguese(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "pt"

    assert html_lang(client.get(reverse("home"))) == "pt-br"


def _words(page) -> str:
    main = re.search(r"<main\b.*</main>", page.content.decode(), re.S).group(0)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", main)).split())


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "kwargs"), ANONYMOUS_PAGES + SIGNED_IN_PAGES)
def test_account_pages_in_brazilian_portuguese_have_no_european_form(client, name, kwargs):
    if (name, kwargs) in SIGNED_IN_PAGES:
        client.force_login(UserFactory())
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "pt-br"

    words = _words(client.get(reverse(name, kwargs=kwargs)))

    assert european_forms(words) == [], words
    assert "sign in" not in words.lower()


@pytest.mark.django_db
def test_sign_in_and_sign_up_speak_brazilian_portuguese_from_django_and_allauth(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "pt-br"

    sign_in = _words(client.get(reverse("account_login")))
    failed = _words(client.post(reverse("account_login"), {"login": "ana@example.org", "password": "wrong"}))
    sign_up = _words(
        client.post(
            reverse("account_signup"), {"email": "not-an-address", "password1": "a", "password2": "b"}
        )
    )

    assert "Senha" in sign_in and "Esqueceu sua senha?" in sign_in
    assert "O endereço de e-mail e/ou senha especificados estão incorretos." in failed
    assert "Insira um endereço de email válido." in sign_up  # Django's own Brazilian message
    assert "Esta senha é muito curta. Ela precisa conter pelo menos 8 caracteres." in sign_up
    assert "Já tem uma conta? Então, entre ." in sign_up  # the words of a link end before the full stop
    for words in (sign_in, failed, sign_up):
        assert european_forms(words) == [], words
