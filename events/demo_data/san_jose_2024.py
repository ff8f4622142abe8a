# ruff: noqa: E501
"""The San José Dialogue 2024 as data: the event, its partners, documents, people and five-day agenda.

Transcribed from the printed programme and the event page (docs/seeds). Each text has its English
value and a Spanish translation (keys ending in `_es`). `events.demo.load` turns this into rows.
"""

from datetime import date

SERIES = {
    "slug": "collective-action",
    "name_en": "Collective Action",
    "name_es": "Acción Colectiva",
    "description_en": (
        "Regional dialogues convened by ECPAT International to end the sexual exploitation and abuse "
        "of children, region by region."
    ),
    "description_es": (
        "Diálogos regionales convocados por ECPAT International para poner fin a la explotación y el "
        "abuso sexual de niñas, niños y adolescentes, región por región."
    ),
    "editions": [
        {"title": "The Nairobi Dialogue", "city": "Nairobi", "country": "KE", "start_date": date(2023, 5, 1)},
        {"title": "The Bangkok Dialogue", "city": "Bangkok", "country": "TH", "start_date": date(2024, 3, 1)},
        {"title": "The Saly Dialogue", "city": "Saly", "country": "SN", "start_date": date(2024, 5, 1)},
        {
            "title": "The San José Dialogue",
            "city": "San José",
            "country": "CR",
            "start_date": date(2024, 6, 3),
            "is_this_event": True,
        },
    ],
}

EVENT = {
    "slug": "san-jose-dialogue-2024",
    "title_en": "Collective Action: The San José Dialogue",
    "title_es": "Acción Colectiva: El Diálogo de San José",
    "subtitle_en": "Ending child sexual exploitation and abuse in the Americas",
    "subtitle_es": "Poner fin a la explotación y el abuso sexual infantil en las Américas",
    "venue": "Hotel Crowne Plaza San José La Sabana",
    "city": "San José",
    "country": "CR",
    "timezone": "America/Costa_Rica",
    "start_date": date(2024, 6, 3),
    "end_date": date(2024, 6, 7),
    "languages": ["en", "es", "fr", "pt"],
    "default_language": "en",
    "description_en": (
        "Welcome to the San José Dialogue: Collective Action to End Child Sexual Exploitation and Abuse "
        "of Children in the Americas. Here you will find all the information and documents you need to "
        "take part in the workshop.\n\n"
        "The COVID era changed the way perpetrators operate, children are victimised, and authorities act "
        "to address the situation. Recent studies have reinforced that the pandemic has changed how cases "
        "of child sexual abuse and exploitation are detected, and how the victims access justice. This "
        "significant change has impacted the way governments, non-governmental organisations (NGOs) and "
        "public actors coordinate efforts to address sexual exploitation of children in the Americas.\n\n"
        "A common understanding of how sexual exploitation and abuse is taking place in its diverse "
        "manifestations is still missing. This leads to a lack of coordination, with efforts taking place "
        "in silos and often not preceded by an adequate understanding of sexual exploitation and abuse, "
        "its manifestations and interactions.\n\n"
        "The five-day San José Dialogue will contribute towards a shared understanding of the current "
        "trends and dynamics of sexual exploitation and abuse of children in the Americas, by fostering a "
        "space to share readings of the problem from the perspectives of different countries and "
        "sub-regions, civil society, governments and thematic groups.\n\n"
        "ECPAT is achieving a significant milestone by convening for the first time in its history "
        "representatives from North America, South America and the Caribbean in a joint conversation "
        "around the sexual exploitation of children, from a civil society perspective."
    ),
    "description_es": (
        "Bienvenidas y bienvenidos al Diálogo de San José: Acción Colectiva para poner fin a la "
        "explotación y el abuso sexual de niñas, niños y adolescentes en las Américas. Aquí encontrará "
        "toda la información y los documentos necesarios para participar en el taller.\n\n"
        "La era de la COVID cambió la forma en que operan los agresores, en que los niños y niñas son "
        "victimizados y en que las autoridades actúan frente a esta situación. Estudios recientes "
        "confirman que la pandemia cambió la manera en que se detectan los casos de abuso y explotación "
        "sexual infantil y el modo en que las víctimas acceden a la justicia. Este cambio ha afectado la "
        "coordinación entre gobiernos, organizaciones no gubernamentales (ONG) y actores públicos para "
        "enfrentar la explotación sexual infantil en las Américas.\n\n"
        "Todavía falta una comprensión común de cómo ocurren la explotación y el abuso sexual en sus "
        "diversas manifestaciones. Esto provoca falta de coordinación y esfuerzos aislados que a menudo no "
        "parten de una comprensión adecuada del fenómeno, sus manifestaciones e interacciones.\n\n"
        "Los cinco días del Diálogo de San José contribuirán a una comprensión compartida de las "
        "tendencias y dinámicas actuales de la explotación y el abuso sexual infantil en las Américas, "
        "abriendo un espacio para compartir lecturas del problema desde las perspectivas de distintos "
        "países y subregiones, la sociedad civil, los gobiernos y los grupos temáticos.\n\n"
        "ECPAT alcanza un hito importante al reunir por primera vez en su historia a representantes de "
        "América del Norte, América del Sur y el Caribe en una conversación conjunta sobre la explotación "
        "sexual infantil desde la perspectiva de la sociedad civil."
    ),
    "objectives_en": (
        "Build a shared understanding of how the sexual exploitation and abuse of children evolves in the "
        "Americas, from the perspectives of countries, sub-regions, civil society, governments and "
        "thematic groups.\n"
        "Build consensus on the short- and mid-term measures to be implemented in the region, through "
        "guided plenary discussions and cross-sector working groups.\n"
        "Open a cross-sector dialogue with the travel and tourism, transport and finance sectors and "
        "information and communication technologies on their responsibilities in protecting children.\n"
        "Take stock of the role of technology, mobility and humanitarian response in child sexual "
        "exploitation.\n"
        "Leave with a coordinated regional advocacy plan to address the identified challenges in the "
        "short and mid-term."
    ),
    "objectives_es": (
        "Construir una comprensión compartida de cómo evoluciona la explotación y el abuso sexual infantil "
        "en las Américas, desde las perspectivas de países, subregiones, sociedad civil, gobiernos y "
        "grupos temáticos.\n"
        "Generar consenso sobre las medidas de corto y mediano plazo que deben aplicarse en la región, "
        "mediante discusiones plenarias guiadas y grupos de trabajo intersectoriales.\n"
        "Abrir un diálogo intersectorial con los sectores de viajes y turismo, transporte y finanzas y las "
        "tecnologías de la información y la comunicación sobre sus responsabilidades en la protección de "
        "la niñez.\n"
        "Hacer balance del papel de la tecnología, la movilidad y la respuesta humanitaria en la "
        "explotación sexual infantil.\n"
        "Salir con un plan regional coordinado de incidencia para abordar los desafíos identificados a "
        "corto y mediano plazo."
    ),
    "practical_information_en": (
        "Venue: Hotel Crowne Plaza San José La Sabana, San José, Costa Rica.\n"
        "Costa Rica, the host country, is one of the world's pathfinders in promoting holistic "
        "sustainability. ECPAT honours the country's lead on environmental conservation by hosting a "
        "zero-paper event: no hard copies of materials will be provided, so please use this website to "
        "access documents and materials.\n"
        "Tuesday 4 June is an open day, co-organised with Costa Rica's tourism authority (Instituto "
        "Costarricense de Turismo, ICT) as host of the 2024 GARA meeting.\n"
        "Friday 7 June is a closed meeting for members of the ECPAT network.\n"
        "For any help with digital access, Martina is available at the venue and at "
        "communications@ecpat.org."
    ),
    "practical_information_es": (
        "Sede: Hotel Crowne Plaza San José La Sabana, San José, Costa Rica.\n"
        "Costa Rica, país anfitrión, es pionero mundial en la promoción de la sostenibilidad integral. "
        "ECPAT honra el liderazgo del país en la conservación ambiental con un evento sin papel: no se "
        "entregarán copias impresas, por lo que le rogamos consultar los documentos y materiales en este "
        "sitio web.\n"
        "El martes 4 de junio es una jornada abierta, coorganizada con el Instituto Costarricense de "
        "Turismo (ICT) como anfitrión de la reunión del GARA 2024.\n"
        "El viernes 7 de junio es una reunión cerrada para los miembros de la red ECPAT.\n"
        "Para cualquier ayuda con el acceso digital, Martina está disponible en la sede y en "
        "communications@ecpat.org."
    ),
}

# kind: EventPartner.Kind; logo: file in demo_data/logos/.
ORGANISATIONS = [
    {
        "name": "ECPAT International",
        "acronym": "ECPAT",
        "kind": "host",
        "website": "https://ecpat.org/",
        "logo": "ecpat-international.png",
        "logo_alt_en": "ECPAT International logo",
        "logo_alt_es": "Logotipo de ECPAT International",
    },
    {
        "name": "Fundación Paniamor",
        "acronym": "Paniamor",
        "kind": "co_organiser",
        "website": "https://paniamor.org/",
        "logo": "fundacion-paniamor.png",
        "logo_alt_en": "Fundación Paniamor logo",
        "logo_alt_es": "Logotipo de la Fundación Paniamor",
    },
    {
        "name": "Instituto Costarricense de Turismo",
        "acronym": "ICT",
        "kind": "co_organiser",
        "website": "https://www.ict.go.cr/",
        "logo": "instituto-costarricense-de-turismo.png",
        "logo_alt_en": "Instituto Costarricense de Turismo (ICT) logo",
        "logo_alt_es": "Logotipo del Instituto Costarricense de Turismo (ICT)",
    },
    {
        "name": "Down to Zero Alliance",
        "acronym": "DtZ",
        "kind": "co_organiser",
        "website": "",
        "logo": "down-to-zero.png",
        "logo_alt_en": "Down to Zero: fighting sexual exploitation of children",
        "logo_alt_es": "Down to Zero: contra la explotación sexual infantil",
    },
    {
        "name": "Sida",
        "acronym": "Sida",
        "kind": "funder",
        "website": "https://www.sida.se/",
        "logo": "sida.png",
        "logo_alt_en": "Sida, Swedish International Development Cooperation Agency, logo",
        "logo_alt_es": "Logotipo de Sida, Agencia Sueca de Cooperación Internacional para el Desarrollo",
    },
    {
        "name": "Oak Foundation",
        "acronym": "Oak",
        "kind": "funder",
        "website": "https://oakfnd.org/",
        "logo": "oak-foundation.png",
        "logo_alt_en": "Oak Foundation logo",
        "logo_alt_es": "Logotipo de Oak Foundation",
    },
]

# file: in demo_data/documents/. is_public False: registered participants only.
DOCUMENTS = [
    {
        "key": "concept-note-en",
        "kind": "concept_note",
        "language": "en",
        "is_public": True,
        "file": "concept-note-en.pdf",
        "title_en": "Concept note: the San José Dialogue",
        "title_es": "Nota conceptual: el Diálogo de San José (inglés)",
    },
    {
        "key": "concept-note-es",
        "kind": "concept_note",
        "language": "es",
        "is_public": True,
        "file": "nota-conceptual-es.pdf",
        "title_en": "Concept note: the San José Dialogue (Spanish)",
        "title_es": "Nota conceptual: el Diálogo de San José",
    },
    {
        "key": "venezuelan-migrant-children",
        "kind": "background",
        "language": "en",
        "is_public": True,
        "file": "rapid-literature-review-venezuelan-migrant-children.pdf",
        "title_en": "Rapid literature review: sexual exploitation of Venezuelan migrant children in Peru and Colombia",
        "title_es": "Revisión rápida de literatura: explotación sexual de niñas y niños migrantes venezolanos "
        "en Perú y Colombia (inglés)",
    },
    {
        "key": "online-consultations",
        "kind": "background",
        "language": "es",
        "is_public": True,
        "file": "consultas-en-linea-2023-2024.pdf",
        "title_en": "Online consultations 2023–2024: child sexual abuse online in eight countries (Spanish)",
        "title_es": "Consultas en línea 2023–2024: abuso sexual infantil en línea en ocho países",
    },
    {
        "key": "world-cafe-guide",
        "kind": "material",
        "language": "en",
        "is_public": True,
        "file": "world-cafe-guide.pdf",
        "title_en": "How the World Café works",
        "title_es": "Cómo funciona el World Café (inglés)",
    },
    {
        "key": "table-guiding-questions",
        "kind": "material",
        "language": "en",
        "is_public": False,
        "file": "thematic-tables-guiding-questions.pdf",
        "title_en": "Thematic tables: guiding questions for participants",
        "title_es": "Mesas temáticas: preguntas orientadoras para participantes (inglés)",
    },
]

PEOPLE = {
    "guillaume-landry": {
        "honorific": "Mr.",
        "name": "Guillaume Landry",
        "organisation": "ECPAT International",
        "job_title_en": "Executive Director",
        "job_title_es": "Director Ejecutivo",
    },
    "madhu-malhotra": {
        "honorific": "Ms.",
        "name": "Madhu Malhotra",
        "organisation": "ECPAT International",
        "job_title_en": "Director Network Engagement and Strategic Partnerships",
        "job_title_es": "Directora de Participación de la Red y Alianzas Estratégicas",
    },
    "fabio-gonzalez-florez": {
        "honorific": "Mr.",
        "name": "Fabio González Flórez",
        "organisation": "ECPAT International",
        "job_title_en": "Regional Coordinator for the Americas",
        "job_title_es": "Coordinador Regional para las Américas",
    },
    "najat-maalla-mjid": {
        "honorific": "Dr.",
        "name": "Najat Maalla M'jid",
        "organisation": "United Nations",
        "job_title_en": "Special Representative of the Secretary-General on Violence against Children (UNSRSG)",
        "job_title_es": "Representante Especial del Secretario General sobre la Violencia contra los Niños "
        "(RESG)",
    },
    "mama-fatima-singateh": {
        "honorific": "Ms.",
        "name": "Mama Fátima Singateh",
        "organisation": "United Nations",
        "job_title_en": "Special Rapporteur on the Sale and Sexual Exploitation of Children",
        "job_title_es": "Relatora Especial sobre la venta y la explotación sexual de niños",
    },
    "sendrine-constant": {
        "honorific": "Ms.",
        "name": "Sendrine Constant",
        "organisation": "ECPAT International",
        "job_title_en": "Director of Research, Learning and Communications",
        "job_title_es": "Directora de Investigación, Aprendizaje y Comunicaciones",
    },
}

METHODOLOGY_GROUPS_EN = (
    "Methodology: discussion working groups around certain aspects of the phenomena to extract learning "
    "and compare approaches and strategies forward."
)
METHODOLOGY_GROUPS_ES = (
    "Metodología: grupos de trabajo de discusión en torno a ciertos aspectos del fenómeno para extraer "
    "aprendizajes y comparar enfoques y estrategias de futuro."
)

THEMATIC_TABLES = [
    (
        "The role of the finance sector in the fight against sexual exploitation of children.",
        "El papel del sector financiero en la lucha contra la explotación sexual infantil.",
    ),
    (
        "The growing threat of organized crime in sexual exploitation of children in the Americas.",
        "La creciente amenaza del crimen organizado en la explotación sexual infantil en las Américas.",
    ),
    (
        "How child and youth participation can contribute to preventing sexual exploitation of children?",
        "¿Cómo puede la participación de niñas, niños y jóvenes contribuir a prevenir la explotación sexual "
        "infantil?",
    ),
    (
        "What does it mean to prevent sexual exploitation of children?",
        "¿Qué significa prevenir la explotación sexual infantil?",
    ),
    (
        "Codes of conduct, the learning between voluntary measures, national voluntary codes and national "
        "mandatory codes.",
        "Códigos de conducta: aprendizajes entre medidas voluntarias, códigos nacionales voluntarios y "
        "códigos nacionales obligatorios.",
    ),
    (
        "The transport sector in its interaction with travel and tourism as a protective environment for "
        "children.",
        "El sector del transporte en su interacción con los viajes y el turismo como entorno protector para "
        "la niñez.",
    ),
    (
        "On-line platforms and their role in protecting children in travel and tourism.",
        "Las plataformas en línea y su papel en la protección de la niñez en los viajes y el turismo.",
    ),
    (
        "How can the unregulated forms of voluntourism be addressed in the Americas?",
        "¿Cómo abordar las formas no reguladas de volunturismo en las Américas?",
    ),
    (
        "International travelling sex offenders, extraterritorial legislation and sex offender registries.",
        "Agresores sexuales que viajan internacionalmente, legislación extraterritorial y registros de "
        "agresores sexuales.",
    ),
    (
        "The role of the informal sector in travel and tourism and child protection from sexual exploitation.",
        "El papel del sector informal en los viajes y el turismo y la protección de la niñez frente a la "
        "explotación sexual.",
    ),
]


def _tables_text(lang: int) -> str:
    return "\n".join(
        f"{'Table' if lang == 0 else 'Mesa'} {n}: {pair[lang]}"
        for n, pair in enumerate(THEMATIC_TABLES, start=1)
    )


LANDRY = ("guillaume-landry", "speaker")

# Each item: start, end, kind, title_en, title_es, optional description_en/_es, people
# [(person key, role, {remote, to_be_confirmed})], children (same shape).
DAYS = [
    {
        "date": date(2024, 6, 3),
        "audience": "participants",
        "title_en": "Civil society harvest",
        "title_es": "Cosecha de la sociedad civil",
        "focus_en": (
            "Harvesting analysis from civil society movements regarding latest developments, trends and "
            "challenges on child sexual exploitation and abuse in the Americas"
        ),
        "focus_es": (
            "Recoger el análisis de los movimientos de la sociedad civil sobre los últimos avances, "
            "tendencias y desafíos en materia de explotación y abuso sexual infantil en las Américas"
        ),
        "methodology_en": (
            "Methodology: a series of thematic tables in working groups sessions and cross fertilization of "
            "experiences between civil society organizations and national contexts."
        ),
        "methodology_es": (
            "Metodología: una serie de mesas temáticas en sesiones de grupos de trabajo e intercambio de "
            "experiencias entre organizaciones de la sociedad civil y contextos nacionales."
        ),
        "items": [
            {
                "start": "08:30",
                "end": "09:00",
                "kind": "welcome",
                "title_en": "Welcome remarks",
                "title_es": "Palabras de bienvenida",
                "people": [LANDRY],
            },
            {
                "start": "09:00",
                "end": "09:30",
                "kind": "presentation",
                "title_en": "Objectives and methodology for the session",
                "title_es": "Objetivos y metodología de la sesión",
                "people": [("madhu-malhotra", "speaker")],
            },
            {
                "start": "09:30",
                "end": "10:15",
                "kind": "presentation",
                "title_en": "Introducing ECPAT Members and the Americas Network",
                "title_es": "Presentación de los miembros de ECPAT y de la Red de las Américas",
                "people": [("fabio-gonzalez-florez", "speaker")],
            },
            {
                "start": "10:15",
                "end": "10:30",
                "kind": "break",
                "title_en": "Coffee break",
                "title_es": "Pausa para el café",
            },
            {
                "start": "10:30",
                "end": "12:30",
                "kind": "group_work",
                "title_en": "Thematic discussion on the scale, scope and trends of child sexual exploitation in "
                "the Americas",
                "title_es": "Discusión temática sobre la magnitud, el alcance y las tendencias de la explotación "
                "sexual infantil en las Américas",
            },
            {"start": "12:30", "end": "13:30", "kind": "lunch", "title_en": "Lunch", "title_es": "Almuerzo"},
            {
                "start": "13:30",
                "end": "15:30",
                "kind": "group_work",
                "title_en": "Thematic discussion on promising practices in the programmatic areas",
                "title_es": "Discusión temática sobre prácticas prometedoras en las áreas programáticas",
            },
            {"start": "15:30", "end": "15:45", "kind": "break", "title_en": "Break", "title_es": "Pausa"},
            {
                "start": "15:45",
                "end": "16:30",
                "kind": "plenary",
                "title_en": "Feedback from all theme tables",
                "title_es": "Retroalimentación de todas las mesas temáticas",
            },
            {
                "start": "16:30",
                "end": "17:00",
                "kind": "closing",
                "title_en": "Concluding remarks",
                "title_es": "Palabras de cierre",
                "description_en": "Four participants will be selected to summarize the main takeaways from "
                "the day.",
                "description_es": "Se seleccionará a cuatro participantes para resumir las principales "
                "conclusiones del día.",
            },
        ],
    },
    {
        "date": date(2024, 6, 4),
        "audience": "public",
        "title_en": "Open day: cross-sector dialogue",
        "title_es": "Jornada abierta: diálogo intersectorial",
        "focus_en": (
            "Facilitated a cross-sector dialogue about the sexual exploitation and abuse of children at the "
            "regional level and possible ways of addressing challenges and gaps according to their "
            "responsibilities around the roles of the travel and tourism, transport and finance sectors, "
            "information and communication technologies, fostering protective environments and an active "
            "child and youth participation"
        ),
        "focus_es": (
            "Diálogo intersectorial facilitado sobre la explotación y el abuso sexual infantil a nivel "
            "regional y las posibles formas de abordar desafíos y brechas según las responsabilidades de "
            "los sectores de viajes y turismo, transporte y finanzas, las tecnologías de la información y "
            "la comunicación, el fomento de entornos protectores y una participación activa de la niñez y "
            "la juventud"
        ),
        "methodology_en": METHODOLOGY_GROUPS_EN,
        "methodology_es": METHODOLOGY_GROUPS_ES,
        "items": [
            {
                "start": "08:00",
                "end": "09:00",
                "kind": "registration",
                "title_en": "Registration",
                "title_es": "Inscripción",
            },
            {
                "start": "09:00",
                "end": "09:30",
                "kind": "welcome",
                "title_en": "Opening ceremony",
                "title_es": "Ceremonia de apertura",
                "description_en": (
                    "Welcoming remarks by senior representatives of the Government of Costa Rica, the ECPAT "
                    "International Network and the Americas Regional Working Group for the protection of "
                    "Children in Travel and Tourism (GARA).\n"
                    "Explanation of the methodology for the day by Mr. Guillaume Landry, Executive Director, "
                    "ECPAT International."
                ),
                "description_es": (
                    "Palabras de bienvenida de altos representantes del Gobierno de Costa Rica, de la Red ECPAT "
                    "International y del Grupo de Acción Regional de las Américas para la protección de niños, "
                    "niñas y adolescentes en viajes y turismo (GARA).\n"
                    "Explicación de la metodología del día a cargo del Sr. Guillaume Landry, Director Ejecutivo "
                    "de ECPAT International."
                ),
                "people": [LANDRY],
            },
            {
                "start": "09:30",
                "end": "10:30",
                "kind": "panel",
                "title_en": "Opening panel: challenges to address sexual exploitation of children in the "
                "post-COVID era",
                "title_es": "Panel de apertura: desafíos para abordar la explotación sexual infantil en la era "
                "pos-COVID",
                "description_en": (
                    "Panel 30 minutes, questions and answers 30 minutes.\n"
                    "This opening section will allow a framework understanding of the current situation of "
                    "sexual exploitation of children in travel and tourism and its interactions with other "
                    "manifestations and contexts, in light of the recent reports of the Special Rapporteur and "
                    "the Special Representative. Instead of a keynote speech, and to reinforce the idea of a "
                    "dialogue for the day, the panel moderated by ECPAT International will allow both UN "
                    "authorities to explain the main highlights of their reports, and to go further in "
                    "analysing together the identified challenges and what needs to be done to address them, "
                    "with a focus on the Americas region."
                ),
                "description_es": (
                    "Panel de 30 minutos, preguntas y respuestas 30 minutos.\n"
                    "Esta sección de apertura permitirá una comprensión de marco de la situación actual de la "
                    "explotación sexual infantil en los viajes y el turismo y de sus interacciones con otras "
                    "manifestaciones y contextos, a la luz de los informes recientes de la Relatora Especial y "
                    "de la Representante Especial. En lugar de una conferencia magistral, y para reforzar la "
                    "idea de diálogo de la jornada, el panel moderado por ECPAT International permitirá a ambas "
                    "autoridades de la ONU explicar los aspectos principales de sus informes y analizar juntas "
                    "los desafíos identificados y lo que debe hacerse para abordarlos, con énfasis en la región "
                    "de las Américas."
                ),
                "people": [
                    ("najat-maalla-mjid", "speaker"),
                    ("mama-fatima-singateh", "speaker", {"remote": True, "to_be_confirmed": True}),
                    ("guillaume-landry", "moderator"),
                ],
            },
            {
                "start": "10:30",
                "end": "11:00",
                "kind": "break",
                "title_en": "Coffee break",
                "title_es": "Pausa para el café",
            },
            {
                "start": "11:00",
                "end": "12:30",
                "kind": "group_work",
                "title_en": "Group debate: aligning a common understanding of child sexual exploitation in "
                "travel and tourism in the Americas",
                "title_es": "Debate en grupos: hacia una comprensión común de la explotación sexual infantil en "
                "los viajes y el turismo en las Américas",
                "description_en": (
                    "Work in groups. Following a distilling of regional challenges and possible ways to address "
                    "them, the participants will break into groups by sub-region: 1) North America (excluding "
                    "Mexico) and the English-speaking Caribbean, 2) Central America, Mexico and the Dominican "
                    "Republic (two groups), and 3) South America (two groups). Each group will identify the top "
                    "five trends they see in travel and tourism that present challenges in protecting children, "
                    "and highlight up to eight most pressing actions that could curb the issue."
                ),
                "description_es": (
                    "Trabajo en grupos. Tras destilar los desafíos regionales y las posibles formas de "
                    "abordarlos, las y los participantes se dividirán en grupos por subregión: 1) América del "
                    "Norte (sin México) y el Caribe anglófono, 2) Centroamérica, México y República Dominicana "
                    "(dos grupos) y 3) América del Sur (dos grupos). Cada grupo identificará las cinco "
                    "principales tendencias en viajes y turismo que dificultan la protección de la niñez y "
                    "destacará hasta ocho acciones más urgentes para frenar el problema."
                ),
            },
            {"start": "12:30", "end": "14:00", "kind": "lunch", "title_en": "Lunch", "title_es": "Almuerzo"},
            {
                "start": "14:00",
                "end": "17:00",
                "kind": "thematic_tables",
                "title_en": "Group debate: distilling challenges by areas",
                "title_es": "Debate en grupos: destilar los desafíos por áreas",
                "description_en": (
                    "Having aligned a common understanding of the child sexual exploitation situation in the "
                    "region during the morning, this session allows group debates on specific topics. "
                    "Participants pre-register to one of the tables matching their topic of interest for each "
                    "of the three rotations, so that each takes part in discussions on three different topics. "
                    "Each table, guided by a facilitator, answers specific questions; facilitators use a "
                    "standard consolidation template of the findings, which a group then collates into the "
                    "agreements and recommendations. Participants receive materials and guiding questions for "
                    "their tables the week before the event.\n\n" + _tables_text(0)
                ),
                "description_es": (
                    "Una vez alineada durante la mañana una comprensión común de la situación de la "
                    "explotación sexual infantil en la región, esta sesión permite debates en grupo sobre temas "
                    "específicos. Las y los participantes se inscriben previamente en una de las mesas según su "
                    "tema de interés para cada una de las tres rotaciones, de modo que cada persona participe "
                    "en discusiones sobre tres temas diferentes. Cada mesa, guiada por una persona facilitadora, "
                    "responde a preguntas específicas; las personas facilitadoras usan una plantilla estándar "
                    "de consolidación de hallazgos, que luego un grupo recopila en acuerdos y recomendaciones. "
                    "Las y los participantes reciben materiales y preguntas orientadoras para sus mesas la "
                    "semana anterior al evento.\n\n" + _tables_text(1)
                ),
                "children": [
                    {
                        "start": "14:00",
                        "end": "15:00",
                        "kind": "rotation",
                        "title_en": "First rotation",
                        "title_es": "Primera rotación",
                    },
                    {
                        "start": "15:00",
                        "end": "16:00",
                        "kind": "rotation",
                        "title_en": "Second rotation",
                        "title_es": "Segunda rotación",
                    },
                    {
                        "start": "16:00",
                        "end": "17:00",
                        "kind": "rotation",
                        "title_en": "Third rotation",
                        "title_es": "Tercera rotación",
                    },
                ],
            },
            {
                "start": "17:00",
                "end": "17:30",
                "kind": "plenary",
                "title_en": "Plenary: recap for the day",
                "title_es": "Plenaria: resumen del día",
            },
        ],
    },
]


def _technology_or_mobility_day(
    *,
    day,
    topic_en,
    topic_es,
    framework,
    focus_en,
    focus_es,
    title_en,
    title_es,
    recap_en,
    recap_es,
    coffee_in_room,
):
    group_en = (
        "Each participant shares for 5 minutes maximum 2 good practices and 2 challenges on the "
        "topic in their countries. This is followed by an open discussion."
    )
    group_es = (
        "Cada participante comparte durante un máximo de 5 minutos 2 buenas prácticas y 2 desafíos "
        "sobre el tema en su país. A continuación se abre una discusión."
    )
    if coffee_in_room:
        group_en = "Coffee break will be served in the room. " + group_en
        group_es = "El café se servirá en la sala. " + group_es
    return {
        "date": day,
        "audience": "participants",
        "title_en": title_en,
        "title_es": title_es,
        "focus_en": focus_en,
        "focus_es": focus_es,
        "methodology_en": METHODOLOGY_GROUPS_EN,
        "methodology_es": METHODOLOGY_GROUPS_ES,
        "items": [
            {
                "start": "08:30",
                "end": "09:00",
                "kind": "registration",
                "title_en": "Registration",
                "title_es": "Inscripción",
            },
            {
                "start": "09:00",
                "end": "09:20",
                "kind": "presentation",
                "title_en": "Objectives and introduction to the methodology of the working sessions",
                "title_es": "Objetivos e introducción a la metodología de las sesiones de trabajo",
                "people": [LANDRY],
            },
            framework,
            {
                "start": framework["end"],
                "end": "10:00",
                "kind": "break",
                "title_en": "Transition into groups",
                "title_es": "Transición a los grupos",
            },
            {
                "start": "10:00",
                "end": "12:00",
                "kind": "group_work",
                "title_en": f"{topic_en}: group discussion",
                "title_es": f"{topic_es}: discusión en grupos",
                "description_en": group_en,
                "description_es": group_es,
            },
            {
                "start": "12:00",
                "end": "12:30",
                "kind": "plenary",
                "title_en": f"{topic_en}: plenary recap",
                "title_es": f"{topic_es}: resumen en plenaria",
                "description_en": recap_en,
                "description_es": recap_es,
            },
            {"start": "12:30", "end": "13:30", "kind": "lunch", "title_en": "Lunch", "title_es": "Almuerzo"},
            {
                "start": "13:30",
                "end": "15:30",
                "kind": "group_work",
                "title_en": "Key practical ideas for the immediate future",
                "title_es": "Ideas prácticas clave para el futuro inmediato",
            },
            {"start": "15:30", "end": "15:45", "kind": "break", "title_en": "Break", "title_es": "Pausa"},
            {
                "start": "15:45",
                "end": "16:30",
                "kind": "wrap_up",
                "title_en": "Wrap-up and closing remarks",
                "title_es": "Síntesis y palabras de cierre",
                "description_en": "Recap of the day.",
                "description_es": "Resumen del día.",
            },
            {
                "start": "16:30",
                "end": "17:30",
                "kind": "world_cafe",
                "title_en": "World Café",
                "title_es": "World Café",
                "description_en": (
                    "Several rounds of short presentations and discussions, where participants rotate between "
                    "the presenters' tables to cross-pollinate ideas and delve deeper into the selected topics."
                ),
                "description_es": (
                    "Varias rondas de presentaciones breves y discusiones en las que las y los participantes "
                    "rotan entre las mesas de quienes presentan para cruzar ideas y profundizar en los temas "
                    "seleccionados."
                ),
            },
        ],
    }


DAYS.append(
    _technology_or_mobility_day(
        day=date(2024, 6, 5),
        title_en="Technology",
        title_es="Tecnología",
        topic_en="Child sexual exploitation in technology",
        topic_es="La explotación sexual infantil en la tecnología",
        focus_en="Taking stock of the role of technology in child sexual exploitation and abuse",
        focus_es="Hacer balance del papel de la tecnología en la explotación y el abuso sexual infantil",
        framework={
            "start": "09:20",
            "end": "09:40",
            "kind": "presentation",
            "title_en": "Setting the stage: feedback of the network in the regional virtual workshops on sexual "
            "exploitation and abuse of children in the digital environment",
            "title_es": "Preparando el escenario: aportes de la red en los talleres virtuales regionales sobre "
            "explotación y abuso sexual infantil en el entorno digital",
            "people": [("sendrine-constant", "speaker")],
        },
        recap_en="How well are we doing in advocating on matters related to sexual exploitation of children "
        "facilitated by technologies?",
        recap_es="¿Qué tan bien estamos haciendo incidencia en temas relacionados con la explotación sexual "
        "infantil facilitada por las tecnologías?",
        coffee_in_room=False,
    )
)
DAYS.append(
    _technology_or_mobility_day(
        day=date(2024, 6, 6),
        title_en="Mobility and humanitarian response",
        title_es="Movilidad y respuesta humanitaria",
        topic_en="Sexual exploitation of children in context of mobility and humanitarian assistance",
        topic_es="La explotación sexual infantil en contextos de movilidad y asistencia humanitaria",
        focus_en="Facilitated discussion around sexual exploitation of children in context of mobility and "
        "humanitarian response",
        focus_es="Discusión facilitada sobre la explotación sexual infantil en contextos de movilidad y "
        "respuesta humanitaria",
        framework={
            "start": "09:20",
            "end": "09:50",
            "kind": "presentation",
            "title_en": "Framework presentation: child sexual exploitation in the context of mobility and "
            "humanitarian assistance",
            "title_es": "Presentación marco: la explotación sexual infantil en contextos de movilidad y "
            "asistencia humanitaria",
            "people": [("sendrine-constant", "speaker")],
        },
        recap_en="How well are we doing in advocating on matters related to sexual exploitation of children in "
        "context of mobility and humanitarian assistance?",
        recap_es="¿Qué tan bien estamos haciendo incidencia en temas relacionados con la explotación sexual "
        "infantil en contextos de movilidad y asistencia humanitaria?",
        coffee_in_room=True,
    )
)
DAYS.append(
    {
        "date": date(2024, 6, 7),
        "audience": "members",
        "title_en": "Closed meeting of the ECPAT network",
        "title_es": "Reunión cerrada de la red ECPAT",
        "focus_en": (
            "Closed meeting for ECPAT International: elevating child safeguarding of the ECPAT network. "
            "Incorporating learning from the workshop into a roadmap for future work by the NGOs in the region"
        ),
        "focus_es": (
            "Reunión cerrada de ECPAT International: fortalecer la protección infantil en la red ECPAT. "
            "Incorporar los aprendizajes del taller en una hoja de ruta para el trabajo futuro de las ONG de "
            "la región"
        ),
        "methodology_en": "Method: workshop on child safeguarding and individual and group work on the roadmap.",
        "methodology_es": "Método: taller sobre protección infantil y trabajo individual y en grupo sobre la hoja "
        "de ruta.",
        "items": [
            {
                "start": "08:30",
                "end": "09:00",
                "kind": "registration",
                "title_en": "Registration",
                "title_es": "Inscripción",
            },
            {
                "start": "09:00",
                "end": "09:15",
                "kind": "presentation",
                "title_en": "Objectives of the session",
                "title_es": "Objetivos de la sesión",
            },
            {
                "start": "09:15",
                "end": "10:15",
                "kind": "group_work",
                "title_en": "Child safeguarding: sharing good practices and lessons learned",
                "title_es": "Protección infantil: intercambio de buenas prácticas y lecciones aprendidas",
            },
            {
                "start": "10:15",
                "end": "10:30",
                "kind": "break",
                "title_en": "Coffee break",
                "title_es": "Pausa para el café",
            },
            {
                "start": "10:30",
                "end": "12:00",
                "kind": "group_work",
                "title_en": "Child safeguarding (workshop)",
                "title_es": "Protección infantil (taller)",
            },
            {"start": "12:00", "end": "13:00", "kind": "lunch", "title_en": "Lunch", "title_es": "Almuerzo"},
            {
                "start": "13:00",
                "end": "14:30",
                "kind": "group_work",
                "title_en": "Reflections for future work",
                "title_es": "Reflexiones para el trabajo futuro",
            },
            {
                "start": "14:30",
                "end": "14:45",
                "kind": "break",
                "title_en": "Coffee break",
                "title_es": "Pausa para el café",
            },
            {
                "start": "14:45",
                "end": "15:40",
                "kind": "group_work",
                "title_en": "Reflections for future work (ECPAT members); the way forward to cooperate "
                "(non-ECPAT members)",
                "title_es": "Reflexiones para el trabajo futuro (miembros de ECPAT); el camino para cooperar "
                "(no miembros de ECPAT)",
            },
            {
                "start": "15:40",
                "end": "16:10",
                "kind": "wrap_up",
                "title_en": "Wrap-up",
                "title_es": "Síntesis",
            },
            {
                "start": "16:10",
                "end": "16:30",
                "kind": "evaluation",
                "title_en": "Workshop evaluation",
                "title_es": "Evaluación del taller",
            },
            {
                "start": "16:30",
                "end": "17:00",
                "kind": "closing",
                "title_en": "Closing remarks",
                "title_es": "Palabras de clausura",
                "people": [LANDRY],
            },
        ],
    }
)

# Demo accounts: e-mail -> role in the demo event. Password: dialogue-demo.
ACCOUNTS = [
    ("organiser@example.org", "organiser"),
    ("facilitator@example.org", "facilitator"),
    ("rapporteur@example.org", "rapporteur"),
    ("participant@example.org", "participant"),
    ("member@example.org", "member"),
]
