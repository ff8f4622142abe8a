"""What findings and quotes must never hold: an e-mail address, a phone number, or a person's name as a
quote's attribution. Used by the findings forms, by `services.findings.save_record` (whoever calls it) and
by the whole-event import (`reports.apps`, on each finding it writes).

The name check is pragmatic: an attribution is refused when it is, or contains, the name of someone the
event knows (a speaker on the programme, a registered participant, an account with a role), or when it is
shaped like "Firstname Lastname" (two to four capitalised words, the first a common given name) without
being an organisation on record, a country, or a name with a word organisations use ("Foundation",
"Ministerio", "Network"...).
"""

from __future__ import annotations

import functools
import re
import unicodedata

from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.translation import gettext as _

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
PHONE = re.compile(
    r"(?<![\w/])(?:"
    r"\+\s?\d(?:[\s().-]?\d){7,14}"  # international: +506 2222 3333, +1 (202) 555-0147
    r"|\(\d{2,4}\)\s?\d{3,4}[\s.-]?\d{3,4}"  # (506) 2222-3333
    r"|\d{3}[\s.-]\d{3}[\s.-]\d{4}"  # 202-555-0147
    r"|\d{4}[\s.-]\d{4}"  # 8888-1234 (Central America), but not a span of years
    r")(?![\w/])"
)
YEAR_SPAN = re.compile(r"^(1[89]\d\d|20\d\d)[\s.-](1[89]\d\d|20\d\d)$")

#: Words that make a capitalised phrase an organisation's name, not a person's (en, es, fr, pt).
ORGANISATION_WORDS = frozenset(
    """
    foundation fundacion fondation fundacao association asociacion associacao ministry ministerio ministere
    network red reseau rede institute instituto institut council consejo conselho conseil office oficina
    bureau escritorio alliance alianza alianca coalition coalicion coalizao committee comite comision
    commission comissao centre center centro agency agencia agence university universidad universidade
    universite fund fondo fonds union sindicato syndicat international internacional government gobierno
    gouvernement governo secretariat secretaria secretariado observatory observatorio observatoire movement
    movimiento mouvement movimento programme program programa group grupo groupe nations naciones
    organisation organization organizacion organizacao service servicio servico police policia prosecutor
    fiscalia ministerio court tribunal corte school escuela escola ecole hospital clinic clinica church
    iglesia igreja company empresa compagnie bank banco banque chamber camara forum foro partnership
    children ninos ninez infancia enfants criancas youth juventud jeunesse juventude women mujeres mulheres
    hotel hotels tourism turismo tourisme project proyecto projet projeto initiative iniciativa platform
    plataforma department departamento unit unidad office ngo ong authority autoridad world global mundo
    org inc ltd llc
    """.split()
)
#: Common given names of the region's languages: a capitalised phrase that starts with one ("María Pérez",
#: "John Smith") is taken for a person's name. Organisations shaped like names ("Child Link", "Casa
#: Alianza") pass; a given name that is also an organisation on record passes too.
GIVEN_NAMES = frozenset(
    """
    maria jose juan carlos luis ana jorge pedro miguel antonio francisco manuel javier jesus david daniel
    alejandro fernando ricardo roberto eduardo rafael sergio andres diego pablo mario raul oscar hector
    victor alberto enrique arturo gabriel marco marcos julio cesar ramon rosa carmen laura sofia lucia
    isabel elena patricia claudia monica sandra silvia andrea gabriela veronica adriana paula diana
    carolina natalia valeria daniela mariana fernanda camila valentina alejandra beatriz teresa julia marta
    martha gloria margarita guadalupe leticia lorena cristina juana josefa francisca ximena jimena ignacio
    joao paulo marcelo rodrigo gustavo felipe thiago lucas mateus matheus bruno leonardo rafaela juliana
    aline bruna amanda larissa jean pierre jacques michel philippe alain nicolas francois marie sophie
    isabelle nathalie catherine anne claire louise camille chantal guillaume john james robert michael
    william richard joseph thomas charles christopher mark paul steven andrew kenneth george brian edward
    peter mary jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa margaret emily emma
    olivia anna helen kevin jason ryan jacob eric jonathan stephen scott frank benjamin samuel patrick
    alexander jack henry adam nathan christian sean arthur vincent philip
    """.split()
)
#: Small words inside a person's name ("María de la Cruz", "João dos Santos").
NAME_PARTICLES = frozenset("de del la las los da das do dos di du van von der y e".split())
NAME_WORD = re.compile(r"^[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ'’-]+$")


def fold(value: str) -> str:
    """Lower case, without accents, spaces collapsed: "  María  PÉREZ" -> "maria perez"."""
    text = unicodedata.normalize("NFKD", value or "")
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.casefold().split())


def contact_details_in(text: str) -> bool:
    """Whether `text` holds an e-mail address or a phone number."""
    if EMAIL.search(text or ""):
        return True
    return any(not YEAR_SPAN.match(m.group(0)) for m in PHONE.finditer(text or ""))


def validate_no_contact_details(value: str) -> None:
    if contact_details_in(value):
        raise ValidationError(
            _(
                "Remove the e-mail address or phone number: findings and quotes must not let anyone "
                "identify or contact a person."
            ),
            code="contact_details",
        )


@functools.lru_cache(maxsize=8)
def _country_names(language: str) -> frozenset[str]:
    from django_countries import countries

    with translation.override(language):
        return frozenset(fold(str(name)) for _code, name in countries)


def _is_country(value: str) -> bool:
    folded = fold(value)
    return any(folded in _country_names(language) for language in ("en", "es", "fr", "pt-br"))


def looks_like_a_name(value: str) -> bool:
    """Two to four capitalised words (with particles such as "de la"), the first a common given name, none
    an organisation's word."""
    words = value.split()
    named = [w for w in words if fold(w) not in NAME_PARTICLES]
    if not 2 <= len(named) <= 4 or len(words) > 6:
        return False
    if not all(NAME_WORD.match(w) for w in named) or fold(named[0]) not in GIVEN_NAMES:
        return False
    return not any(fold(w).strip("'’-") in ORGANISATION_WORDS for w in named) and not _is_country(value)


class PeopleOnRecord:
    """The names of people and organisations `event` knows, folded: speakers, registrations and accounts
    with a role; the portal's organisations, the speakers' and the registrations' organisations. Read from
    the database the first time they are needed (most findings have no attribution to check)."""

    def __init__(self, event=None):
        self.event = event

    @cached_property
    def _names(self) -> tuple[set[str], set[str]]:
        from django.contrib.auth import get_user_model

        from events.models import Organisation, Person
        from sessions_app.models import Registration

        people, organisations = set(), set()
        if self.event is not None:
            event = self.event
            for name, organisation in Person.objects.filter(event=event).values_list("name", "organisation"):
                people.add(fold(name))
                organisations.add(fold(organisation))
            rows = Registration.objects.filter(event=event).values_list("full_name", "organisation")
            for name, organisation in rows:
                people.add(fold(name))
                organisations.add(fold(organisation))
            users = get_user_model().objects.filter(event_roles__event=event)
            people.update(
                fold(f"{first} {last}") for first, last in users.values_list("first_name", "last_name")
            )
            organisations.update(fold(name) for name in Organisation.objects.values_list("name", flat=True))
        people.discard("")
        organisations.discard("")
        return people, organisations

    @property
    def people(self) -> set[str]:
        return self._names[0]

    @property
    def organisations(self) -> set[str]:
        return self._names[1]

    def names_in(self, value: str) -> bool:
        folded = f" {fold(value)} "
        return any(len(name.split()) >= 2 and f" {name} " in folded for name in self.people)


def validate_attribution(value: str, *, people: PeopleOnRecord | None = None) -> None:
    """Refuse a quote's attribution that names a person (see the module's description)."""
    value = (value or "").strip()
    if not value:
        return
    validate_no_contact_details(value)
    people = people or PeopleOnRecord()
    if people.names_in(value):
        raise ValidationError(
            _("“%(value)s” names a person of this event. Write the speaker’s organisation, never a name.")
            % {"value": value},
            code="person_name",
        )
    if fold(value) not in people.organisations and looks_like_a_name(value):
        raise ValidationError(
            _(
                "“%(value)s” looks like a person’s name. Write the speaker’s organisation "
                "(for example “Youth network”), never a name."
            )
            % {"value": value},
            code="person_name",
        )


def validate_finding(values: dict, *, people: PeopleOnRecord | None = None) -> None:
    """Check one finding's title, text and attribution (a dict as `save_record` takes, or a Finding's
    fields); raises ValidationError with the field it is about."""
    errors = {}
    for name in ("title", "text"):
        try:
            validate_no_contact_details(values.get(name) or "")
        except ValidationError as error:
            errors[name] = error
    try:
        validate_attribution(values.get("speaker_organisation") or "", people=people)
    except ValidationError as error:
        errors["speaker_organisation"] = error
    if errors:
        raise ValidationError(errors)
