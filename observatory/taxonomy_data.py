# ruff: noqa: E501
"""The standard taxonomy every installation starts with (`manage.py load_taxonomy`, also run by the demo).

Names in English, Latin American Spanish, French and Brazilian Portuguese. Forms of exploitation follow the
Terminology Guidelines (Luxembourg Guidelines, 2016). Regions follow the United Nations geoscheme (M49):
Central America includes Mexico. Editors extend all of it in the admin.
"""

# slug: (en, es, fr, pt, [children as (slug, en, es, fr, pt)])
THEMES = [
    (
        "prevention",
        "Prevention and awareness",
        "Prevención y sensibilización",
        "Prévention et sensibilisation",
        "Prevenção e conscientização",
        [
            (
                "awareness-campaigns",
                "Awareness campaigns",
                "Campañas de sensibilización",
                "Campagnes de sensibilisation",
                "Campanhas de conscientização",
            ),
            (
                "education",
                "Education and sexuality education",
                "Educación y educación sexual integral",
                "Éducation et éducation à la sexualité",
                "Educação e educação sexual",
            ),
            (
                "digital-literacy",
                "Digital literacy and online safety",
                "Alfabetización digital y seguridad en línea",
                "Éducation numérique et sécurité en ligne",
                "Letramento digital e segurança on-line",
            ),
            (
                "social-norms",
                "Social norms and social tolerance",
                "Normas sociales y tolerancia social",
                "Normes sociales et tolérance sociale",
                "Normas sociais e tolerância social",
            ),
        ],
    ),
    (
        "protection",
        "Protection, recovery and reintegration",
        "Protección, recuperación y reintegración",
        "Protection, rétablissement et réinsertion",
        "Proteção, recuperação e reintegração",
        [
            (
                "victim-services",
                "Services for child victims",
                "Servicios para niñas, niños y adolescentes víctimas",
                "Services pour les enfants victimes",
                "Serviços para crianças e adolescentes vítimas",
            ),
            ("reporting", "Safe reporting", "Denuncia segura", "Signalement sécurisé", "Denúncia segura"),
            (
                "repatriation",
                "Repatriation and safe return",
                "Repatriación y retorno seguro",
                "Rapatriement et retour en sécurité",
                "Repatriação e retorno seguro",
            ),
        ],
    ),
    (
        "justice",
        "Legislation and access to justice",
        "Legislación y acceso a la justicia",
        "Législation et accès à la justice",
        "Legislação e acesso à justiça",
        [
            ("legal-reform", "Legal reform", "Reforma legal", "Réforme juridique", "Reforma legal"),
            (
                "law-enforcement",
                "Law enforcement and prosecution",
                "Aplicación de la ley y persecución penal",
                "Application de la loi et poursuites",
                "Aplicação da lei e responsabilização penal",
            ),
            (
                "child-friendly-justice",
                "Child-friendly justice",
                "Justicia adaptada a la niñez",
                "Justice adaptée aux enfants",
                "Justiça adaptada a crianças e adolescentes",
            ),
        ],
    ),
    (
        "policy",
        "Public policy and coordination",
        "Políticas públicas y coordinación",
        "Politiques publiques et coordination",
        "Políticas públicas e coordenação",
        [
            (
                "national-plans",
                "National plans of action",
                "Planes nacionales de acción",
                "Plans d’action nationaux",
                "Planos nacionais de ação",
            ),
            (
                "coordination",
                "Inter-sectoral coordination",
                "Coordinación intersectorial",
                "Coordination intersectorielle",
                "Coordenação intersetorial",
            ),
            (
                "data-monitoring",
                "Data, research and monitoring",
                "Datos, investigación y monitoreo",
                "Données, recherche et suivi",
                "Dados, pesquisa e monitoramento",
            ),
        ],
    ),
    (
        "cooperation",
        "Regional and international cooperation",
        "Cooperación regional e internacional",
        "Coopération régionale et internationale",
        "Cooperação regional e internacional",
        [
            (
                "cross-border",
                "Cross-border cooperation",
                "Cooperación transfronteriza",
                "Coopération transfrontalière",
                "Cooperação transfronteiriça",
            ),
            (
                "good-practice-exchange",
                "Exchange of good practices",
                "Intercambio de buenas prácticas",
                "Échange de bonnes pratiques",
                "Intercâmbio de boas práticas",
            ),
        ],
    ),
    (
        "participation",
        "Child and youth participation",
        "Participación infantil y juvenil",
        "Participation des enfants et des jeunes",
        "Participação de crianças e jovens",
        [],
    ),
    (
        "private-sector",
        "Private sector and corporate responsibility",
        "Sector privado y responsabilidad empresarial",
        "Secteur privé et responsabilité des entreprises",
        "Setor privado e responsabilidade empresarial",
        [
            (
                "tourism-industry",
                "Travel and tourism industry",
                "Industria de viajes y turismo",
                "Industrie du voyage et du tourisme",
                "Setor de viagens e turismo",
            ),
            (
                "technology-companies",
                "Technology and internet companies",
                "Empresas de tecnología e internet",
                "Entreprises technologiques et d’internet",
                "Empresas de tecnologia e internet",
            ),
            ("media-industry", "Media", "Medios de comunicación", "Médias", "Meios de comunicação"),
        ],
    ),
    (
        "migration",
        "Migration, displacement and humanitarian crises",
        "Migración, desplazamiento y crisis humanitarias",
        "Migration, déplacement et crises humanitaires",
        "Migração, deslocamento e crises humanitárias",
        [],
    ),
    ("gender", "Gender and inclusion", "Género e inclusión", "Genre et inclusion", "Gênero e inclusão", []),
    (
        "civic-space",
        "Civic space and funding",
        "Espacio cívico y financiamiento",
        "Espace civique et financement",
        "Espaço cívico e financiamento",
        [],
    ),
    (
        "safeguarding",
        "Safeguarding in organisations",
        "Salvaguarda en las organizaciones",
        "Protection de l’enfance dans les organisations",
        "Salvaguarda nas organizações",
        [],
    ),
]

FORMS = [
    (
        "online",
        "Online child sexual exploitation",
        "Explotación sexual infantil en línea",
        "Exploitation sexuelle des enfants en ligne",
        "Exploração sexual infantil on-line",
    ),
    (
        "travel-tourism",
        "Sexual exploitation of children in travel and tourism",
        "Explotación sexual de niñas, niños y adolescentes en viajes y turismo",
        "Exploitation sexuelle des enfants dans le voyage et le tourisme",
        "Exploração sexual de crianças e adolescentes em viagens e turismo",
    ),
    (
        "trafficking",
        "Trafficking of children for sexual purposes",
        "Trata de niñas, niños y adolescentes con fines de explotación sexual",
        "Traite des enfants à des fins d’exploitation sexuelle",
        "Tráfico de crianças e adolescentes para fins de exploração sexual",
    ),
    (
        "prostitution",
        "Sexual exploitation of children in prostitution",
        "Explotación sexual de niñas, niños y adolescentes en la prostitución",
        "Exploitation sexuelle des enfants dans la prostitution",
        "Exploração sexual de crianças e adolescentes na prostituição",
    ),
    (
        "abuse-material",
        "Child sexual abuse material",
        "Material de abuso sexual infantil",
        "Matériel d’abus sexuel sur enfants",
        "Material de abuso sexual infantil",
    ),
    (
        "child-marriage",
        "Child, early and forced marriage",
        "Matrimonio infantil, precoz y forzado",
        "Mariage d’enfants, précoce et forcé",
        "Casamento infantil, precoce e forçado",
    ),
]

ADDRESSEES = [
    (
        "states",
        "States and governments",
        "Estados y gobiernos",
        "États et gouvernements",
        "Estados e governos",
    ),
    (
        "justice-sector",
        "Justice and law enforcement",
        "Justicia y fuerzas de seguridad",
        "Justice et forces de l’ordre",
        "Justiça e forças de segurança",
    ),
    ("private-sector", "Private sector", "Sector privado", "Secteur privé", "Setor privado"),
    (
        "civil-society",
        "Civil society organisations",
        "Organizaciones de la sociedad civil",
        "Organisations de la société civile",
        "Organizações da sociedade civil",
    ),
    (
        "international",
        "UN and international organisations",
        "ONU y organismos internacionales",
        "ONU et organisations internationales",
        "ONU e organismos internacionais",
    ),
    (
        "children-youth",
        "Children and youth",
        "Niñas, niños, adolescentes y jóvenes",
        "Enfants et jeunes",
        "Crianças, adolescentes e jovens",
    ),
    (
        "families-communities",
        "Families and communities",
        "Familias y comunidades",
        "Familles et communautés",
        "Famílias e comunidades",
    ),
    ("donors", "Donors", "Donantes", "Bailleurs de fonds", "Doadores"),
    ("media", "Media", "Medios de comunicación", "Médias", "Meios de comunicação"),
]

CENTRAL_AMERICA = ["BZ", "CR", "GT", "HN", "MX", "NI", "PA", "SV"]
CARIBBEAN = """AG AI AW BB BL BQ BS CU CW DM DO GD GP HT JM KN KY LC MF MQ MS PR SX TC TT VC VG VI""".split()
SOUTH_AMERICA = ["AR", "BO", "BR", "CL", "CO", "EC", "FK", "GF", "GY", "PE", "PY", "SR", "UY", "VE"]
NORTH_AMERICA = ["BM", "CA", "PM", "US"]
LATIN_AMERICA_CARIBBEAN = sorted(CENTRAL_AMERICA + CARIBBEAN + SOUTH_AMERICA)
AMERICAS = sorted(LATIN_AMERICA_CARIBBEAN + NORTH_AMERICA)

# slug: (en, es, fr, pt, countries)
REGIONS = [
    ("americas", "The Americas", "Las Américas", "Les Amériques", "As Américas", AMERICAS),
    (
        "latin-america-caribbean",
        "Latin America and the Caribbean",
        "América Latina y el Caribe",
        "Amérique latine et Caraïbes",
        "América Latina e Caribe",
        LATIN_AMERICA_CARIBBEAN,
    ),
    (
        "north-america",
        "North America",
        "América del Norte",
        "Amérique du Nord",
        "América do Norte",
        NORTH_AMERICA,
    ),
    (
        "central-america",
        "Central America",
        "Centroamérica",
        "Amérique centrale",
        "América Central",
        CENTRAL_AMERICA,
    ),
    ("caribbean", "The Caribbean", "El Caribe", "Caraïbes", "Caribe", CARIBBEAN),
    ("south-america", "South America", "América del Sur", "Amérique du Sud", "América do Sul", SOUTH_AMERICA),
]
