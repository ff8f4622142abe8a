"""Demo data for the tables area of the San José Dialogue 2024 (idempotent).

Called by `load_demo` after events.demo has loaded the agenda. It finds Tuesday's thematic-table
block (14:00-17:00) and its three rotations, and the 11:00 sub-regional group work, by time; when the
agenda is missing (e.g. in a test) it creates those items. Then: ten tables, sub-regional groups,
116 approved registrations from 20 countries with rankings, the optimal allocation, published.
"""

from __future__ import annotations

import datetime
import random

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.utils import timezone, translation

from events.models import AgendaItem, Audience, Day, Event, EventRole, ItemKind, Role

from .models import BreakoutGroup, Material, Preference, Registration, Sector, Table, TableSession
from .services.allocation import allocate_session
from .services.publication import publish_allocation
from .services.registration import sync_participant_role
from .services.tables import create_table_session, place_in_groups, save_table

TUESDAY = datetime.date(2024, 6, 4)
DEMO_PASSWORD = "dialogue-demo"
SEATS = 12
PARTICIPANTS = 116

TABLES = [
    (
        "The role of the finance sector in the fight against sexual exploitation of children",
        "El papel del sector financiero en la lucha contra la explotación sexual infantil",
        [
            "How can banks and payment providers detect transactions linked to the exploitation of children?",
            "What should financial intelligence units share with child-protection agencies?",
            "Which partnerships with the finance sector have worked in the Americas?",
        ],
        [
            "¿Cómo pueden los bancos y proveedores de pago detectar transacciones vinculadas a la explotación infantil?",  # noqa: E501
            "¿Qué deberían compartir las unidades de inteligencia financiera con las agencias de protección?",
            "¿Qué alianzas con el sector financiero han funcionado en las Américas?",
        ],
    ),
    (
        "The growing threat of organized crime in sexual exploitation of children in the Americas",
        "La creciente amenaza del crimen organizado en la explotación sexual infantil en las Américas",
        [
            "Which routes and methods do criminal networks use today?",
            "How can countries cooperate across borders to dismantle these networks?",
            "What protects children in communities where organized crime is present?",
        ],
        [
            "¿Qué rutas y métodos usan hoy las redes criminales?",
            "¿Cómo pueden cooperar los países a través de las fronteras para desarticular estas redes?",
            "¿Qué protege a la niñez en comunidades donde hay crimen organizado?",
        ],
    ),
    (
        "How child and youth participation can contribute to preventing sexual exploitation of children?",
        "¿Cómo puede la participación de niñas, niños y jóvenes contribuir a prevenir la explotación sexual infantil?",  # noqa: E501
        [
            "Where are children and young people heard today, and where are they missing?",
            "How do we make participation safe and meaningful?",
            "Which youth-led initiatives should be scaled up?",
        ],
        [
            "¿Dónde se escucha hoy a niñas, niños y jóvenes, y dónde faltan?",
            "¿Cómo lograr una participación segura y significativa?",
            "¿Qué iniciativas lideradas por jóvenes deberían ampliarse?",
        ],
    ),
    (
        "What does it mean to prevent sexual exploitation of children?",
        "¿Qué significa prevenir la explotación sexual infantil?",
        [
            "What is primary prevention, and who is responsible for it?",
            "Which prevention measures have shown results in the region?",
            "How do we measure whether prevention works?",
        ],
        [
            "¿Qué es la prevención primaria y quién es responsable de ella?",
            "¿Qué medidas de prevención han mostrado resultados en la región?",
            "¿Cómo medimos si la prevención funciona?",
        ],
    ),
    (
        "Codes of conduct, the learning between voluntary measures, national voluntary codes and national "
        "mandatory codes",
        "Códigos de conducta: aprendizajes entre medidas voluntarias, códigos nacionales voluntarios y códigos "  # noqa: E501
        "nacionales obligatorios",
        [
            "What have voluntary codes achieved, and where did they fall short?",
            "When should a code become mandatory?",
            "How are companies held to account for their commitments?",
        ],
        [
            "¿Qué han logrado los códigos voluntarios y dónde se quedaron cortos?",
            "¿Cuándo debería un código volverse obligatorio?",
            "¿Cómo se exige a las empresas que rindan cuentas de sus compromisos?",
        ],
    ),
    (
        "The transport sector in its interaction with travel and tourism as a protective environment for children",  # noqa: E501
        "El sector del transporte en su interacción con los viajes y el turismo como entorno protector para la niñez",  # noqa: E501
        [
            "What can airlines, bus companies and drivers do to spot and report risks?",
            "Which training reaches transport staff best?",
            "How can transport hubs become protective environments?",
        ],
        [
            "¿Qué pueden hacer aerolíneas, empresas de autobuses y conductores para detectar y denunciar riesgos?",  # noqa: E501
            "¿Qué capacitación llega mejor al personal del transporte?",
            "¿Cómo pueden las terminales de transporte convertirse en entornos protectores?",
        ],
    ),
    (
        "On-line platforms and their role in protecting children in travel and tourism",
        "Las plataformas en línea y su papel en la protección de la niñez en los viajes y el turismo",
        [
            "How do booking and rental platforms detect abuse of their services?",
            "What should platforms report, and to whom?",
            "How can regulators and platforms work together across countries?",
        ],
        [
            "¿Cómo detectan las plataformas de reservas y alquiler el abuso de sus servicios?",
            "¿Qué deberían denunciar las plataformas y a quién?",
            "¿Cómo pueden trabajar juntos reguladores y plataformas entre países?",
        ],
    ),
    (
        "How can the unregulated forms of voluntourism be addressed in the Americas?",
        "¿Cómo abordar las formas no reguladas de volunturismo en las Américas?",
        [
            "Which forms of voluntourism put children at risk?",
            "What standards should sending and host organisations meet?",
            "How do we inform travellers without discouraging genuine solidarity?",
        ],
        [
            "¿Qué formas de volunturismo ponen en riesgo a la niñez?",
            "¿Qué normas deberían cumplir las organizaciones de envío y de acogida?",
            "¿Cómo informar a quienes viajan sin desalentar la solidaridad genuina?",
        ],
    ),
    (
        "International travelling sex offenders, extraterritorial legislation and sex offender registries",
        "Agresores sexuales que viajan internacionalmente, legislación extraterritorial y registros de agresores "  # noqa: E501
        "sexuales",
        [
            "How well do extraterritorial laws work in practice?",
            "What do registries and travel notifications achieve, and at what risk?",
            "Which cooperation between police forces is missing?",
        ],
        [
            "¿Qué tan bien funcionan en la práctica las leyes extraterritoriales?",
            "¿Qué logran los registros y las notificaciones de viaje, y con qué riesgos?",
            "¿Qué cooperación entre policías hace falta?",
        ],
    ),
    (
        "The role of the informal sector in travel and tourism and child protection from sexual exploitation",
        "El papel del sector informal en los viajes y el turismo y la protección de la niñez frente a la "
        "explotación sexual",
        [
            "Who works in the informal tourism economy, and how do we reach them?",
            "What role can street vendors, guides and drivers play in protection?",
            "How can local governments support informal workers to protect children?",
        ],
        [
            "¿Quiénes trabajan en la economía turística informal y cómo llegamos a ellos?",
            "¿Qué papel pueden tener vendedores ambulantes, guías y conductores en la protección?",
            "¿Cómo pueden los gobiernos locales apoyar a las personas trabajadoras informales para proteger a la niñez?",  # noqa: E501
        ],
    ),
]
# relative popularity of the ten tables in the demo rankings
POPULARITY = [9, 8, 6, 5, 7, 3, 8, 4, 6, 3]

GROUPS = [
    (
        "North America and Anglo-speaking Caribbean",
        "América del Norte y Caribe anglófono",
        ["US", "CA", "JM", "TT", "BS", "BB"],
        1,
        "Sabana A",
    ),
    (
        "Central America, Mexico and Dominican Republic",
        "Centroamérica, México y República Dominicana",
        ["CR", "GT", "HN", "SV", "NI", "PA", "BZ", "MX", "DO"],
        2,
        "Sabana B",
    ),
    (
        "South America",
        "América del Sur",
        ["AR", "BO", "BR", "CL", "CO", "EC", "PY", "PE", "UY", "VE"],
        2,
        "Sabana C",
    ),
]

# 20 countries of the Americas, with how many demo participants and their usual language
COUNTRIES = [
    ("CR", 16, "es"),
    ("MX", 10, "es"),
    ("GT", 8, "es"),
    ("HN", 5, "es"),
    ("SV", 5, "es"),
    ("NI", 4, "es"),
    ("PA", 5, "es"),
    ("DO", 6, "es"),
    ("US", 6, "en"),
    ("CA", 4, "en"),
    ("JM", 3, "en"),
    ("TT", 2, "en"),
    ("BS", 2, "en"),
    ("CO", 8, "es"),
    ("PE", 6, "es"),
    ("BR", 8, "pt"),
    ("AR", 5, "es"),
    ("CL", 4, "es"),
    ("EC", 4, "es"),
    ("UY", 3, "es"),
]
SECTORS = [
    (Sector.CIVIL_SOCIETY, 40),
    (Sector.GOVERNMENT, 22),
    (Sector.UN, 10),
    (Sector.PRIVATE, 12),
    (Sector.PHILANTHROPY, 4),
    (Sector.ACADEMIA, 6),
    (Sector.YOUTH, 6),
]
FIRST = [
    "Ana",
    "Carlos",
    "María",
    "José",
    "Lucía",
    "Andrés",
    "Camila",
    "Diego",
    "Valeria",
    "Jorge",
    "Sofía",
    "Luis",
    "Daniela",
    "Miguel",
    "Paula",
    "Ricardo",
    "Gabriela",
    "Fernando",
    "Isabel",
    "Tomás",
    "Sarah",
    "James",
    "Olivia",
    "Michael",
    "Beatriz",
    "João",
    "Renata",
    "Pedro",
]
LAST = [
    "Rojas",
    "Mora",
    "Vargas",
    "Jiménez",
    "Castro",
    "Herrera",
    "Gómez",
    "Pérez",
    "Solís",
    "Ramírez",
    "Alvarado",
    "Campos",
    "Smith",
    "Brown",
    "Campbell",
    "Silva",
    "Souza",
    "Torres",
    "Méndez",
    "Navarro",
]
ORGANISATIONS = {
    Sector.CIVIL_SOCIETY: ["Fundación Paniamor", "ECPAT member organisation", "Child rights coalition"],
    Sector.GOVERNMENT: [
        "Ministry of Tourism",
        "National Child Welfare Agency",
        "Office of the Attorney General",
    ],
    Sector.UN: ["UNICEF country office", "UNODC regional office", "IOM mission"],
    Sector.PRIVATE: ["Hotel association", "Airline", "Tour operators' chamber"],
    Sector.PHILANTHROPY: ["Children's foundation"],
    Sector.ACADEMIA: ["National university"],
    Sector.YOUTH: ["Youth advisory group"],
}


def _user(email: str, password_hash: str):
    User = get_user_model()
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create(username=email.split("@")[0], email=email, password=password_hash)
        from allauth.account.models import EmailAddress

        EmailAddress.objects.get_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
    return user


def _item(day: Day, start: int, end: int, kind: str, title: str, parent=None, start_minute=0, end_minute=0):
    item = AgendaItem.objects.filter(
        day=day, parent=parent, start=datetime.time(start, start_minute), end=datetime.time(end, end_minute)
    ).first()
    if item is None:
        item = AgendaItem.objects.create(
            day=day,
            parent=parent,
            start=datetime.time(start, start_minute),
            end=datetime.time(end, end_minute),
            kind=kind,
            title=title,
        )
    return item


def _tuesday_items(event: Event):
    day = Day.objects.filter(event=event, date=TUESDAY).first() or Day.objects.create(
        event=event, date=TUESDAY, audience=Audience.PUBLIC
    )
    block = _item(day, 14, 17, ItemKind.THEMATIC_TABLES, "Group debate: distilling challenges by areas")
    for n, name in enumerate(["First rotation", "Second rotation", "Third rotation"]):
        _item(day, 14 + n, 15 + n, ItemKind.ROTATION, name, parent=block)
    groups_item = _item(
        day,
        11,
        12,
        ItemKind.GROUP_WORK,
        "Group debate: aligning a common understanding of child sexual exploitation in travel and tourism "
        "in the Americas",
        end_minute=30,
    )
    return block, groups_item


def _session(event: Event, block: AgendaItem, facilitator) -> TableSession:
    session = TableSession.objects.filter(agenda_item=block).first()
    if session is None:
        session = create_table_session(
            event=event,
            agenda_item=block,
            title="Thematic tables: distilling challenges by areas",
            title_es="Mesas temáticas: destilar los desafíos por áreas",
            instructions="Rank at least three tables; you will join a different table in each rotation.",
            instructions_es="Ordene al menos tres mesas; participará en una mesa distinta en cada rotación.",
            preferences_close=datetime.datetime(2024, 5, 28, 23, 59, tzinfo=event.tz),
            diversity_country_share="0.35",
        )
    for number, (title_en, title_es, questions_en, questions_es) in enumerate(TABLES, start=1):
        table = session.tables.filter(number=number).first() or Table(session=session, number=number)
        table.title_en, table.title_es = title_en, title_es
        table.guiding_questions_en = "\n".join(questions_en)
        table.guiding_questions_es = "\n".join(questions_es)
        table.working_language = "es" if number % 3 else "en"
        table.room = f"La Sabana {number}"
        save_table(
            table=table,
            seats={rotation.pk: SEATS for rotation in session.rotations.all()},
            facilitators=[facilitator] if number <= 3 else [],
        )
        Material.objects.get_or_create(
            session=session,
            table=table,
            title=f"Background note, table {number}",
            defaults={"url": f"https://example.org/san-jose-2024/table-{number}.pdf", "language": "en"},
        )
    Material.objects.get_or_create(
        session=session,
        table=None,
        title="How the thematic tables work",
        defaults={"url": "https://example.org/san-jose-2024/how-the-tables-work.pdf", "language": "en"},
    )
    return session


def _groups(item: AgendaItem) -> None:
    for order, (name_en, name_es, countries, parts, room) in enumerate(GROUPS):
        BreakoutGroup.objects.update_or_create(
            agenda_item=item,
            name_en=name_en,
            defaults={
                "name_es": name_es,
                "countries": countries,
                "parts": parts,
                "room": room,
                "order": order,
            },
        )


def _registrations(event: Event, password_hash: str) -> list[Registration]:
    rng = random.Random(2024)
    people = []
    for code, count, language in COUNTRIES:
        people += [(code, language)] * count
    people = people[: PARTICIPANTS - 2]
    rng.shuffle(people)
    specs = [
        ("participant@example.org", "CR", "es", "Participant Demo"),
        ("member@example.org", "MX", "es", "Member Demo"),
    ]
    for n, (code, language) in enumerate(people, start=1):
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        specs.append((f"demo.participant{n:03d}@example.org", code, language, name))
    sectors = [sector for sector, weight in SECTORS for _ in range(weight)]
    registrations = []
    for email, code, language, name in specs:
        user = _user(email, password_hash)
        sector = rng.choice(sectors)
        registration, _created = Registration.objects.get_or_create(
            event=event,
            user=user,
            defaults={
                "full_name": name,
                "organisation": rng.choice(ORGANISATIONS[sector]),
                "country": code,
                "sector": sector,
                "preferred_language": language,
                "status": Registration.Status.APPROVED,
                "is_network_member": email == "member@example.org" or rng.random() < 0.3,
                "consent_directory": rng.random() < 0.7,
                "consent_quote_attribution": rng.random() < 0.6,
                "decided_at": timezone.now(),
            },
        )
        # an approved registration makes a participant through the event role, as approving does
        sync_participant_role(registration=registration)
        registrations.append(registration)
    days = list(event.days.all())
    open_days = [day for day in days if not day.is_closed]
    for registration in registrations:
        if not registration.days.exists():
            registration.days.set(days if registration.is_network_member else open_days)
    return registrations


def _rankings(session: TableSession, registrations: list[Registration]) -> None:
    rng = random.Random(604)
    tables = list(session.tables.order_by("number"))
    ranked = set(Preference.objects.filter(table__session=session).values_list("registration_id", flat=True))
    preferences = []
    for registration in registrations:
        if registration.pk in ranked:
            continue
        length = rng.randint(3, 6)
        pool, weights, chosen = list(tables), list(POPULARITY), []
        while len(chosen) < length:
            table = rng.choices(pool, weights=weights)[0]
            index = pool.index(table)
            pool.pop(index), weights.pop(index)
            chosen.append(table)
        preferences += [
            Preference(registration=registration, table=t, rank=n) for n, t in enumerate(chosen, 1)
        ]
    Preference.objects.bulk_create(preferences)


def load(event: Event, stdout=None) -> None:
    with translation.override("en"):
        password_hash = make_password(DEMO_PASSWORD)
        event.capacity = event.capacity or 130
        event.signup_closes = event.signup_closes or datetime.datetime(2024, 5, 28, 23, 59, tzinfo=event.tz)
        event.save(update_fields=["capacity", "signup_closes"])
        facilitator = _user("facilitator@example.org", password_hash)
        EventRole.objects.get_or_create(event=event, user=facilitator, role=Role.FACILITATOR)
        block, groups_item = _tuesday_items(event)
        session = _session(event, block, facilitator)
        _groups(groups_item)
        registrations = _registrations(event, password_hash)
        member = next(r for r in registrations if r.user.email == "member@example.org")
        EventRole.objects.get_or_create(event=event, user=member.user, role=Role.MEMBER)
        _rankings(session, registrations)
        place_in_groups(agenda_item=groups_item)
        if session.published_at is None:
            allocate_session(session=session)
            publish_allocation(session=session, notify=False)
    if stdout is not None:
        report = session.allocation_report.get("quality") or {}
        stdout.write(
            f"Tables: {session.tables.count()} tables, {len(registrations)} approved registrations, "
            f"allocation cost {report.get('cost')}, first choice {report.get('first_choice_share')}."
        )
