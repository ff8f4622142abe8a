# ruff: noqa: E501
"""What the San José Dialogue 2024's tables, groups and collation produced, written from the seed
documents (the agenda's table topics and the outcome report's trends, call-outs and recommendations).
Used by reports.demo. Plain data: no database access here."""

TABLE_TITLES = {
    1: "The role of the finance sector in the fight against sexual exploitation of children",
    2: "The growing threat of organized crime in sexual exploitation of children in the Americas",
    3: "How child and youth participation can contribute to preventing sexual exploitation of children",
    4: "What does it mean to prevent sexual exploitation of children?",
    5: "Codes of conduct: the learning between voluntary measures, national voluntary codes and national mandatory codes",
    6: "The transport sector in its interaction with travel and tourism as a protective environment for children",
    7: "On-line platforms and their role in protecting children in travel and tourism",
    8: "How can the unregulated forms of voluntourism be addressed in the Americas?",
    9: "International travelling sex offenders, extraterritorial legislation and sex offender registries",
    10: "The role of the informal sector in travel and tourism and child protection from sexual exploitation",
}

GUIDING_QUESTIONS = [
    "What are the main trends you see on this topic in your country or sub-region?",
    "What challenges and gaps stand in the way of protecting children?",
    "Which good practices can others learn from? In which country?",
    "What are the most pressing actions, and who should take them?",
]

# Per table: pools from which each rotation's record takes its entries (rotations see them in turn).
TABLES = {
    1: {
        "trends": [
            "Payments for child sexual exploitation increasingly move through mobile wallets and small transfers that stay under reporting thresholds.",
            "Cryptocurrencies and prepaid cards are used to pay for live-streamed abuse across borders.",
            "Banks in the region rarely include child sexual exploitation in their anti-money-laundering risk assessments.",
            "Financial intelligence units and child protection agencies seldom share information.",
        ],
        "challenges": [
            "Financial institutions lack indicators to recognise transactions linked to the exploitation of children.",
            "Privacy rules are invoked to avoid sharing suspicious transaction reports with child protection bodies.",
            "Small cooperatives and remittance agencies are outside most compliance programmes.",
        ],
        "practices": [
            (
                "MX",
                "A bank consortium trained compliance staff with red-flag indicators developed with civil society.",
            ),
            (
                "CO",
                "The financial intelligence unit added child sexual exploitation typologies to its annual risk report.",
            ),
        ],
        "recommendations": [
            (
                "Build red-flag indicators with the sector",
                "Develop and share indicators of transactions linked to child sexual exploitation with banks, remittance companies and fintechs.",
            ),
            (
                "Connect financial intelligence and child protection",
                "Create protocols so that financial intelligence units refer cases to child protection and prosecution services.",
            ),
            (
                "Include remittance agencies",
                "Extend compliance training and reporting duties to remittance agencies and cooperatives.",
            ),
        ],
        "observations": [
            (
                "MX",
                "Remittance corridors are being used to pay for the sexual exploitation of children in border towns.",
            ),
            (
                "PA",
                "The size of the financial sector makes it a key partner to detect payments linked to exploitation.",
            ),
        ],
        "quotes": [
            ("Follow the money and you will find the children.", "ECPAT member organisation", "MX", True),
            (
                "Compliance officers have never been told what exploitation looks like in a bank statement.",
                "Financial sector participant",
                "PA",
                False,
            ),
        ],
    },
    2: {
        "trends": [
            "Organised crime groups that control drug and migrant smuggling routes have expanded into the sex trade.",
            "Criminal networks recruit adolescents through social media with offers of work or migration.",
            "Organised crime is emerging in Bolivia, Peru, Costa Rica and Uruguay, where it was less prominent.",
            "Exploitation moves between countries along migration routes, following the flows of families and unaccompanied children.",
        ],
        "challenges": [
            "Civil society organisations face threats when they work in areas controlled by criminal groups.",
            "Corruption of local authorities protects exploitation networks.",
            "Investigations stop at national borders while the networks do not.",
        ],
        "practices": [
            (
                "SV",
                "Organisations working in high-risk areas adopted security protocols to protect staff and children.",
            ),
            (
                "CR",
                "A joint task force between police and migration authorities dismantled a network exploiting migrant girls.",
            ),
        ],
        "recommendations": [
            (
                "Protect those who protect children",
                "Provide security measures and legal protection for civil society organisations working in areas controlled by organised crime.",
            ),
            (
                "Investigate across borders",
                "Strengthen joint investigation teams and information exchange between countries along migration routes.",
            ),
            (
                "Address corruption",
                "Include child sexual exploitation in anti-corruption strategies and sanction officials who protect networks.",
            ),
        ],
        "observations": [
            (
                "SV",
                "The rise in drug trafficking correlates with increased child sexual abuse and exploitation. Civil society organisations face significant risks in these contexts and must take measures to protect themselves while addressing sexual exploitation issues.",
            ),
            (
                "TT",
                "Migrant children are more exposed to the risks of trafficking and sexual exploitation in the host communities.",
            ),
        ],
        "quotes": [
            (
                "We have to ask ourselves every day whether it is safe to go into the community.",
                "Civil society organisation",
                "SV",
                True,
            ),
            (
                "The networks change routes faster than we change laws.",
                "Law enforcement participant",
                "CR",
                False,
            ),
        ],
        "es": {
            "trends": [
                "El crimen organizado aprovecha los flujos migratorios irregulares para captar a niñas, niños y adolescentes.",
                "Las redes criminales usan redes sociales para reclutar adolescentes con ofertas de trabajo.",
                "La explotación sexual se desplaza a lo largo de las rutas migratorias.",
            ],
            "challenges": [
                "Las organizaciones de la sociedad civil enfrentan amenazas en zonas controladas por el crimen organizado.",
                "La corrupción de autoridades locales protege a las redes de explotación.",
            ],
            "recommendations": [
                (
                    "Proteger a quienes protegen",
                    "Garantizar medidas de seguridad para las organizaciones que trabajan en zonas de riesgo.",
                ),
                (
                    "Investigar más allá de las fronteras",
                    "Fortalecer los equipos conjuntos de investigación entre países de las rutas migratorias.",
                ),
            ],
        },
    },
    3: {
        "trends": [
            "Children and adolescents ask to be involved in designing prevention messages rather than only receiving them.",
            "Youth-led networks are reaching peers online where adults are absent.",
            "Child participation is often symbolic and limited to events.",
        ],
        "challenges": [
            "Organisations lack safeguarding measures to involve children and survivors safely.",
            "Funding for child participation is short-term and tied to projects.",
            "Adolescent survivors are rarely consulted on the services they receive.",
        ],
        "practices": [
            (
                "PE",
                "A youth advisory group reviews the prevention campaigns of a national NGO before they are published.",
            ),
            ("DO", "Adolescents trained as peer educators run workshops on online risks in schools."),
        ],
        "recommendations": [
            (
                "Make participation meaningful",
                "Involve children and youth in the design, implementation and evaluation of prevention programmes, with safeguarding in place.",
            ),
            (
                "Fund participation over time",
                "Donors should fund child and youth participation beyond single projects.",
            ),
            ("Listen to survivors", "Create safe mechanisms for survivors to inform services and policies."),
        ],
        "observations": [
            ("PE", "Youth networks are active in prevention but need stable support and protection."),
            ("BR", "Child participation councils exist in law but rarely discuss sexual exploitation."),
        ],
        "quotes": [
            ("Children are experts in their own lives; we forget to ask them.", "Youth network", "PE", True),
            (
                "We were invited to speak, but nobody came back to tell us what changed.",
                "Youth participant",
                "DO",
                False,
            ),
        ],
    },
    4: {
        "trends": [
            "Prevention is still understood as awareness campaigns, with little attention to social norms and protective environments.",
            "Comprehensive sexuality education faces growing opposition in schools, especially in rural areas.",
            "Parents are disconnected from their children's lives online.",
            "Gender equality efforts are concentrated in urban areas and leave children behind.",
        ],
        "challenges": [
            "Prevention programmes are rarely evaluated, so little is known about what works.",
            "Gender stereotypes that sexualise girls are reproduced in media and entertainment.",
            "Regressive groups campaign against sexuality education and children's rights.",
        ],
        "practices": [
            (
                "CR",
                "A national programme combines sexuality education in schools with workshops for parents.",
            ),
            (
                "UY",
                "Municipal protection networks link schools, health centres and police in each neighbourhood.",
            ),
        ],
        "recommendations": [
            (
                "Invest in comprehensive sexuality education",
                "Defend and fund age-appropriate comprehensive sexuality education, including in rural schools.",
            ),
            (
                "Work with parents and caregivers",
                "Equip parents to guide children online and to recognise signs of abuse.",
            ),
            (
                "Evaluate prevention",
                "Build evaluation into prevention programmes and share the evidence across the region.",
            ),
        ],
        "observations": [
            (
                "JM",
                "Gender stereotypes such as the eroticisation of exotic femininity contribute to the sexualisation of young girls, especially in the adult entertainment industry.",
            ),
            (
                "CR",
                "Prevention efforts benefit from a strong public education system but reach fewer children in coastal tourism areas.",
            ),
        ],
        "quotes": [
            (
                "Prevention is not a poster; it is what happens in the family, the school and the street.",
                "ECPAT member organisation",
                "CR",
                True,
            ),
            (
                "Parents give a phone to a ten-year-old and never ask what happens on it.",
                "Teacher",
                "HN",
                False,
            ),
        ],
    },
    5: {
        "trends": [
            "More tourism companies sign voluntary codes of conduct, but few implement them across their supply chains.",
            "Some countries are moving from voluntary to mandatory codes for tourism businesses.",
            "The economic fallout of the COVID-19 pandemic weakened decades of progress in the tourism sector.",
        ],
        "challenges": [
            "Small and medium businesses see codes of conduct as a cost rather than a protection.",
            "Monitoring of compliance with codes is weak or absent.",
            "Staff turnover in hotels means training is quickly lost.",
        ],
        "practices": [
            (
                "CR",
                "The national tourism authority links its sustainability certificate to child protection training.",
            ),
            ("MX", "Hotel chains report annually on the implementation of The Code."),
        ],
        "recommendations": [
            (
                "Move from voluntary to mandatory",
                "Learn from countries that adopted mandatory codes and make child protection a licensing condition for tourism businesses.",
            ),
            (
                "Monitor implementation",
                "Set up independent monitoring of codes of conduct with public reporting.",
            ),
            ("Train continuously", "Make child protection training part of induction for all tourism staff."),
        ],
        "observations": [
            ("CR", "Linking child protection to tourism certification has brought small hotels on board."),
            ("BZ", "Tourism growth outpaces the capacity of authorities to monitor businesses."),
        ],
        "quotes": [
            (
                "A code on the wall protects nobody if the night receptionist has never heard of it.",
                "Tourism company",
                "CR",
                True,
            ),
            ("After the pandemic, businesses only think about surviving.", "Hotel association", "BZ", False),
        ],
    },
    6: {
        "trends": [
            "Children travelling alone or with non-relatives pass through bus terminals and airports without checks.",
            "Drivers and transport staff are often the first to notice a child at risk but do not know where to report.",
            "Ride-hailing apps are used to move children to places of exploitation.",
        ],
        "challenges": [
            "Transport companies are not part of national child protection systems.",
            "Informal transport is unregulated.",
            "There are no shared protocols between transport operators and police.",
        ],
        "practices": [
            (
                "CO",
                "An airline trains cabin crew to recognise and report possible cases of trafficking of children.",
            ),
            ("GT", "Bus terminal staff use a hotline to report unaccompanied children."),
        ],
        "recommendations": [
            (
                "Train transport staff",
                "Train drivers, cabin crew and terminal staff to recognise and report children at risk.",
            ),
            (
                "Agree reporting protocols",
                "Establish shared reporting protocols between transport operators, child protection services and police.",
            ),
            (
                "Include ride-hailing platforms",
                "Require ride-hailing platforms to apply child protection policies.",
            ),
        ],
        "observations": [
            ("GT", "Border bus routes are key points where children are moved for exploitation."),
            ("CO", "Airlines are willing partners when given clear guidance."),
        ],
        "quotes": [
            (
                "The driver sees the child for six hours; the police see her for six minutes.",
                "Transport union",
                "GT",
                True,
            ),
            ("Nobody told us we could call anyone.", "Bus driver", "HN", False),
        ],
    },
    7: {
        "trends": [
            "Short-term rental platforms are increasingly used for the sexual exploitation of children.",
            "Offenders use travel and booking platforms to contact families and children.",
            "Online platforms linked to tourism rarely verify hosts or guests.",
        ],
        "challenges": [
            "Platforms are registered abroad and ignore national requests.",
            "Home-sharing is outside the regulations that apply to hotels.",
            "Reports made to platforms receive no answer.",
        ],
        "practices": [
            (
                "BR",
                "A city requires short-term rental hosts to register and display child protection information.",
            ),
            (
                "DO",
                "A platform agreed to add a reporting button for child protection concerns after civil society advocacy.",
            ),
        ],
        "recommendations": [
            (
                "Regulate home-sharing platforms",
                "Apply child protection obligations to short-term rental platforms, hosts and services linked to travel and tourism.",
            ),
            (
                "Inform travellers",
                "Require platforms to inform tourists of national laws on child sexual exploitation.",
            ),
            (
                "Answer reports",
                "Platforms should respond to reports within set deadlines and cooperate with law enforcement.",
            ),
        ],
        "observations": [
            ("BR", "Cases in coastal cities increasingly involve short-term rentals rather than hotels."),
            ("DO", "Platform cooperation improved once the tourism ministry joined the dialogue."),
        ],
        "quotes": [
            (
                "The hotel has a code of conduct; the apartment next door has nothing.",
                "ECPAT member organisation",
                "BR",
                True,
            ),
            ("We report and wait, and wait.", "NGO participant", "DO", False),
        ],
    },
    8: {
        "trends": [
            "Voluntourism in orphanages and schools exposes children to unvetted adults.",
            "Experiential and volunteer tourism are growing without regulation.",
            "Humanitarian missions bring volunteers into communities without background checks.",
        ],
        "challenges": [
            "Nobody is responsible for checking volunteers who arrive through informal organisations.",
            "Residential care institutions depend on volunteers' donations.",
            "Communities see volunteers as a source of income.",
        ],
        "practices": [
            ("GT", "A network of organisations adopted common standards for international volunteers."),
            ("PE", "A campaign in airports informs travellers about the risks of orphanage tourism."),
        ],
        "recommendations": [
            (
                "Regulate voluntourism",
                "Regulate emerging forms of tourism such as experiential and volunteer tourism, which pose risks to children.",
            ),
            (
                "Vet volunteers",
                "Require background checks and safeguarding training for volunteers working with children.",
            ),
            (
                "End orphanage tourism",
                "Support the transition from residential care to family-based care and stop visits to institutions.",
            ),
        ],
        "observations": [
            ("GT", "Volunteer programmes in residential care remain common and largely unmonitored."),
            ("HT", "Humanitarian missions bring many short-term volunteers with no safeguarding checks."),
        ],
        "quotes": [
            ("Good intentions are not a safeguarding policy.", "Child protection network", "GT", True),
            (
                "They come for a week, take photos, and leave the children attached and abandoned.",
                "Care worker",
                "PE",
                False,
            ),
        ],
    },
    9: {
        "trends": [
            "Travelling sex offenders choose destinations where they expect impunity.",
            "Offenders move between countries of the region after being reported.",
            "Extraterritorial legislation exists in some countries but is rarely applied.",
        ],
        "challenges": [
            "Cooperation with law enforcement stops when offenders leave the country where the crime took place.",
            "Sex offender registries are not shared between countries.",
            "Victims are rarely heard in proceedings abroad.",
        ],
        "practices": [
            ("US", "Notifications of registered offenders' travel are shared with destination countries."),
            (
                "CR",
                "Prosecutors cooperated with foreign authorities to convict an offender after he left the country.",
            ),
        ],
        "recommendations": [
            (
                "Promote a culture of reporting",
                "Encourage communities to report and equip justice systems to prosecute domestic and foreign offenders, including when they have left the country.",
            ),
            (
                "Share information on offenders",
                "Agree regional mechanisms to share information on convicted offenders who travel.",
            ),
            ("Apply extraterritorial laws", "Train prosecutors to use extraterritorial legislation."),
        ],
        "observations": [
            ("US", "Notification systems work when destination countries have a contact point."),
            ("CR", "Cases against foreign offenders take years and victims lose support in the meantime."),
        ],
        "quotes": [
            (
                "An offender crosses a border in an hour; a request for assistance takes a year.",
                "Prosecutor's office",
                "CR",
                True,
            ),
            ("They know which countries do not look.", "Police participant", "CA", False),
        ],
    },
    10: {
        "trends": [
            "The informal economy accounts for over half of all jobs in Latin America and lies beyond child protection frameworks.",
            "Street vendors, boat operators and guides are in daily contact with tourists and children.",
            "Economically fragile tourist destinations allow exploitative practices to flourish.",
        ],
        "challenges": [
            "Informal workers are not reached by codes of conduct or training.",
            "Communities facing hardship do not see exploitation as a risk.",
            "Children work in the informal tourism economy.",
        ],
        "practices": [
            ("CO", "Street vendors' associations in Cartagena were trained as community protection agents."),
            ("BO", "Local guides' cooperatives adopted child protection commitments."),
        ],
        "recommendations": [
            (
                "Reach the informal sector",
                "Engage informal workers' associations in child protection through training and community alerts.",
            ),
            (
                "Support fragile destinations",
                "Combine child protection with economic support for communities in fragile tourism areas.",
            ),
            (
                "Form public-private partnerships",
                "Foster collaborations between municipalities, tourism authorities, companies, civil society and communities, including children.",
            ),
        ],
        "observations": [
            (
                "CO",
                "Community protection agents among street vendors have detected and reported cases in tourist areas.",
            ),
            ("BO", "Tourism in indigenous territories requires the involvement of community authorities."),
        ],
        "quotes": [
            (
                "The vendor on the beach sees everything; make him an ally.",
                "Community organisation",
                "CO",
                True,
            ),
            ("When families have nothing, the tourist's money speaks louder.", "Local guide", "BO", False),
        ],
        "es": {
            "trends": [
                "La economía informal concentra más de la mitad del empleo y queda fuera de los marcos de protección.",
                "Vendedores ambulantes y guías locales tienen contacto diario con turistas y niñez.",
                "Los destinos turísticos con economías frágiles facilitan la explotación.",
            ],
            "challenges": [
                "Los códigos de conducta no llegan a las personas trabajadoras informales.",
                "Niñas y niños trabajan en la economía informal del turismo.",
            ],
            "recommendations": [
                (
                    "Llegar al sector informal",
                    "Involucrar a las asociaciones de trabajadores informales mediante formación y alertas comunitarias.",
                ),
                (
                    "Apoyar a los destinos frágiles",
                    "Combinar la protección de la niñez con apoyo económico a las comunidades.",
                ),
            ],
        },
    },
}

# Tuesday 11:00: sub-regional groups; top five trends in travel and tourism and up to eight actions.
GROUPS = [
    {
        "name": "North America and Anglo-speaking Caribbean",
        "countries": ["US", "CA", "JM", "TT", "GY", "BZ", "BS", "BB"],
        "parts": [
            {
                "trends": [
                    "Sexual exploitation of children in the adult entertainment industry in Caribbean tourist destinations.",
                    "Online grooming of children by tourists before and after travel.",
                    "Cruise tourism brings large numbers of visitors for short stays with little oversight.",
                    "Migrant children from Venezuela exploited in host communities.",
                    "Short-term rentals used for exploitation.",
                ],
                "recommendations": [
                    (
                        "Engage cruise lines",
                        "Work with cruise lines and port authorities on child protection.",
                    ),
                    ("Share offender information", "Strengthen notifications of travelling offenders."),
                    (
                        "Protect migrant children",
                        "Ensure migrant children have access to protection regardless of status.",
                    ),
                    ("Regulate rentals", "Apply child protection rules to short-term rentals."),
                ],
            }
        ],
    },
    {
        "name": "Central America, Mexico and Dominican Republic",
        "countries": ["MX", "GT", "SV", "HN", "NI", "CR", "PA", "DO", "BZ"],
        "parts": [
            {
                "trends": [
                    "Organised crime takes advantage of irregular migration flows.",
                    "Beach destinations with high informality concentrate exploitation.",
                    "Exploitation moves from hotels to private rentals.",
                    "Adolescents recruited online with promises of work in tourism.",
                    "Weak coordination between tourism and child protection authorities.",
                ],
                "recommendations": [
                    (
                        "Tourism authorities in commissions",
                        "Tourism authorities should take part in national anti-trafficking and child sexual exploitation commissions.",
                    ),
                    ("Train the informal sector", "Train informal workers in tourist destinations."),
                    ("Protect children on the move", "Set up protection points along migration routes."),
                    ("Engage platforms", "Obtain commitments from booking and rental platforms."),
                    ("Community reporting", "Promote community reporting mechanisms."),
                ],
            },
            {
                "trends": [
                    "Voluntourism and humanitarian missions without safeguards.",
                    "Travelling offenders choose destinations with weak justice systems.",
                    "Children of indigenous communities exposed in new tourism areas.",
                    "Economic hardship after the pandemic pushes families to accept exploitation.",
                    "Corruption protects exploitation networks.",
                ],
                "recommendations": [
                    ("Regulate voluntourism", "Require background checks for volunteers."),
                    ("Involve indigenous authorities", "Involve community authorities in tourism planning."),
                    (
                        "Economic support",
                        "Combine child protection with livelihoods support in fragile destinations.",
                    ),
                    ("Sanction corruption", "Investigate officials who protect networks."),
                ],
            },
        ],
    },
    {
        "name": "South America",
        "countries": ["CO", "VE", "EC", "PE", "BO", "BR", "PY", "UY", "AR", "CL"],
        "parts": [
            {
                "trends": [
                    "Venezuelan migrant children exploited in Colombia and Peru.",
                    "Organised crime emerging in Bolivia, Peru and Uruguay.",
                    "Exploitation in mining areas linked to tourism routes.",
                    "Children of diverse sexual orientation and gender identity on the move face multiple discrimination.",
                    "Growth of technology-facilitated exploitation linked to travel.",
                ],
                "recommendations": [
                    (
                        "Regional cooperation on migration",
                        "Coordinate protection of migrant children between host countries.",
                    ),
                    ("Services for diverse children", "Adapt services to boys and LGBTQI+ children."),
                    ("Regulate platforms", "Regulate online platforms linked to tourism."),
                ],
            },
            {
                "trends": [
                    "Informal tourism economy beyond the reach of regulations.",
                    "Shrinking space for civil society organisations.",
                    "Decline in donor support after the pandemic.",
                    "Pushback against comprehensive sexuality education.",
                    "Public distrust of civil society organisations.",
                ],
                "recommendations": [
                    ("Defend civic space", "Protect the participation of civil society in policymaking."),
                    ("Sustain funding", "Donors should provide core and multi-year funding."),
                    ("Sexuality education", "Defend comprehensive sexuality education."),
                    ("Public communication", "Counter disinformation about children's rights organisations."),
                ],
            },
        ],
    },
]

# The collation, as in the outcome report. Each theme lists the table numbers its sources come from.
THEMES = [
    {
        "key": "migration",
        "kind": "detail",
        "tables": [2, 4],
        "title_en": "The impact of migration, displacement, and organised crime",
        "title_es": "El impacto de la migración, el desplazamiento y el crimen organizado",
        "introduction_en": (
            "Migration and displacement situations have heightened the risks of child sexual abuse and exploitation, with "
            "unaccompanied migrant children being vulnerable to trafficking as they move through the Americas. The integration "
            "of these children into new communities is often poorly managed; governments and civil society organisations "
            "remain unable to provide adequate support. Migration has revealed a particular lack of adequate support for boys "
            "and LGBTQI children for whom services are not tailored to their needs.\n\n"
            "The expansion of organised crime, relative poverty, and displacement further exacerbate these issues. Organised "
            "crime is now also emerging in countries like Bolivia, Peru, Costa Rica, and Uruguay, where these activities – "
            "especially narco-trafficking – were previously less prominent, leading to increased cases of child sexual abuse "
            "and exploitation in the region."
        ),
        "introduction_es": (
            "Las situaciones de migración y desplazamiento han aumentado los riesgos de abuso y explotación sexual infantil. "
            "La expansión del crimen organizado, la pobreza y el desplazamiento agravan estos problemas."
        ),
        "observations": [
            (
                "TT",
                "",
                "Migrant children are more exposed to the risks of trafficking and sexual exploitation in the host communities.",
            ),
            (
                "UY",
                "",
                "Children on the move who are part of diverse sexual orientation and gender identity (SOGI) groups face multiple layers of discrimination. These, in turn, increase their exposure to risks of sexual abuse and exploitation with a significant impact on their protection and mental health. Only few organisations are equipped to provide them with the necessary support.",
            ),
            (
                "SV",
                "",
                "The rise in drug trafficking correlates with increased child sexual abuse and exploitation. Civil society organisations face significant risks in these contexts and must take measures to protect themselves while addressing sexual exploitation issues.",
            ),
            (
                "",
                "The Caribbean",
                "Gender stereotypes such as the eroticization of exotic femininity contribute to the sexualization of young girls. This trend often pressures children into exploitative situations, especially in the adult entertainment industry.",
            ),
            (
                "PE",
                "",
                "Venezuelan migrant children are exploited in the informal economy and in places of entertainment along the main migration routes.",
            ),
        ],
        "quotes": [
            (
                "We have to ask ourselves every day whether it is safe to go into the community.",
                "Civil society organisation",
                "SV",
                True,
            ),
            (
                "The networks change routes faster than we change laws.",
                "Law enforcement participant",
                "CR",
                False,
            ),
        ],
    },
    {
        "key": "informality",
        "kind": "detail",
        "tables": [10, 5],
        "title_en": "Informality, poverty and fragile tourism economies",
        "title_es": "Informalidad, pobreza y economías turísticas frágiles",
        "introduction_en": (
            "The region's high levels of labour informality heighten the risk of child labour and associated sexual "
            "exploitation. The informal economy often lies beyond the reach of business regulations and children's rights "
            "frameworks, and the economic fallout of the COVID-19 pandemic left communities in tourist destinations more "
            "vulnerable."
        ),
        "introduction_es": "Los altos niveles de informalidad laboral aumentan el riesgo de trabajo infantil y de explotación sexual asociada.",
        "observations": [
            (
                "CO",
                "",
                "Community protection agents among street vendors in Cartagena have detected and reported cases in tourist areas.",
            ),
            (
                "BO",
                "",
                "Tourism in indigenous territories requires the involvement of community authorities to protect children.",
            ),
            (
                "BZ",
                "",
                "Tourism growth outpaces the capacity of authorities to monitor businesses and informal operators.",
            ),
        ],
        "quotes": [
            (
                "The main difficulty is sustainability. When the funded project ends, how do we continue?",
                "The Child Development Foundation",
                "BZ",
                True,
            ),
            ("When families have nothing, the tourist's money speaks louder.", "Local guide", "BO", False),
        ],
    },
    {
        "key": "online",
        "kind": "detail",
        "tables": [7, 3],
        "title_en": "Technology, parents and children's lives online",
        "title_es": "Tecnología, familias y la vida de la niñez en línea",
        "introduction_en": (
            "The COVID-19 pandemic accelerated the use of digital tools and virtual interactions. There is growing concern "
            "about parents' disconnection from their children's lives online, leaving children without guidance to understand "
            "the risks of online child sexual abuse and exploitation."
        ),
        "introduction_es": "La pandemia aceleró el uso de herramientas digitales y expuso a la niñez a nuevos riesgos.",
        "observations": [
            (
                "GY",
                "",
                "Children access the Internet through shared phones and parents rarely know the risks.",
            ),
            (
                "MX",
                "",
                "Live-streamed abuse is paid for with small transfers that stay below reporting thresholds.",
            ),
            (
                "BR",
                "",
                "Cases in coastal cities increasingly involve short-term rentals booked online rather than hotels.",
            ),
        ],
        "quotes": [
            ("Children are experts in their own lives; we forget to ask them.", "Youth network", "PE", True),
            (
                "Our children are online safety experts for their parents, not the other way round.",
                "Child Link",
                "GY",
                True,
            ),
        ],
    },
    {
        "key": "civic",
        "kind": "detail",
        "tables": [4, 3],
        "title_en": "Shrinking civic space, pushback on rights and declining funding",
        "title_es": "Reducción del espacio cívico, retrocesos en derechos y menos financiación",
        "introduction_en": (
            "The shrinking space for civil society in the region is worsening the situation. Some organisations are "
            "increasingly under threat due to imposed limits on participation in policymaking processes and the criminalisation "
            "of civil society movements. Reduced international cooperation and private funding have weakened the capacities of "
            "non-governmental organisations to operate safely and effectively."
        ),
        "introduction_es": "La reducción del espacio para la sociedad civil agrava la situación.",
        "observations": [
            ("NI", "", "Organisations working on children's rights have lost their legal registration."),
            ("HN", "", "Funding for specialised services ended with the pandemic emergency programmes."),
        ],
        "quotes": [
            (
                "We were invited to speak, but nobody came back to tell us what changed.",
                "Youth participant",
                "DO",
                False,
            ),
        ],
    },
    {
        "key": "tourism",
        "kind": "thematic",
        "tables": [5, 7, 8, 9, 10, 6],
        "title_en": "Child protection in travel and tourism",
        "title_es": "Protección de la niñez en viajes y turismo",
        "introduction_en": (
            "The sexual exploitation of children in travel and tourism reveals critical challenges and opportunities. "
            "Technology and globalisation have expanded travel and tourism, increasing vulnerabilities and exploitation risks "
            "to children in sectors like voluntourism and ecotourism in local communities or humanitarian missions. Sustainable "
            "tourism efforts with child protection at the core must be integrated into national development strategies."
        ),
        "introduction_es": (
            "La explotación sexual de la niñez en viajes y turismo revela desafíos y oportunidades críticas. El turismo "
            "sostenible con la protección de la niñez en el centro debe integrarse en las estrategias nacionales."
        ),
        "recommendations": [
            (
                "Integrate Child Protection in Tourism Promotion",
                "Governments should focus on promoting types of tourism that align with child protection goals by ensuring that tourism development plans are sustainable and prioritise the safety of children. Engaging children to inform these developments is critical.",
            ),
            (
                "Strengthen the Child Protection System",
                "Invest in and enhance the inter-sectoral collaborations within the child protection system by improving social protection, health, education, and other critical sectors.",
            ),
            (
                "Promote a Culture of Reporting",
                "Encourage communities to report child sexual exploitation and ensure legal and judicial systems are equipped to handle and prosecute both domestic and foreign offenders effectively. This includes improved cooperation with law enforcement in cases when offenders are no longer in the country where the crime took place.",
            ),
            (
                "Regulate and Collaborate with Online Platforms",
                "Enforce regulations for online platforms linked with travel and tourism activities, ensuring they implement child protection measures through their operations, including hosts and services, as well as inform tourists about relevant laws and regulations related to child protection from sexual abuse and exploitation.",
            ),
            (
                "Anticipate and Respond to Risks generated by New Tourism Trends",
                "Regulate emerging forms of tourism, such as experiential and volunteer tourism (voluntourism), which are often unregulated and pose risks to children.",
            ),
            (
                "Form Public–Public and Public–Private Partnerships",
                "Foster collaborations between municipalities, tourism authorities, companies, civil society organisations, and community groups, including children, to tackle child sexual exploitation effectively.",
            ),
            (
                "Increase Tourism Authorities' Participation",
                "Encourage tourism authorities to be actively involved in national and local anti-human trafficking and child sexual exploitation commissions to strengthen policy and enforcement efforts.",
            ),
        ],
    },
    {
        "key": "technology",
        "kind": "thematic",
        "tables": [7, 1],
        "title_en": "Risks of child sexual exploitation facilitated by technology",
        "title_es": "Riesgos de explotación sexual infantil facilitada por la tecnología",
        "introduction_en": (
            "Participants took stock of how technology facilitates transnational crimes such as child trafficking, and of the "
            "lack of comprehensive data on child sexual abuse online, which poses obstacles to effective intervention."
        ),
        "introduction_es": "Las y los participantes analizaron cómo la tecnología facilita delitos transnacionales.",
        "recommendations": [
            (
                "Update Legal Definitions",
                "Update criminal laws to cover the forms of exploitation associated with the digital environment, including live-streaming and grooming.",
            ),
            (
                "Collect Comparable Data",
                "Build national data on online child sexual exploitation that can be compared across the region.",
            ),
            (
                "Hold Platforms Accountable",
                "Require technology companies to detect, report and remove child sexual abuse material and to cooperate with law enforcement.",
            ),
            ("Support Parents and Caregivers", "Equip parents and caregivers to accompany children online."),
            (
                "Follow the Money",
                "Work with financial institutions to detect payments linked to the sexual exploitation of children.",
            ),
            ("Listen to Children", "Involve children in designing online safety measures and messages."),
        ],
    },
    {
        "key": "justice",
        "kind": "thematic",
        "tables": [9, 2],
        "title_en": "The challenges of access to justice",
        "title_es": "Los desafíos del acceso a la justicia",
        "introduction_en": (
            "Many countries in the Americas lack adequate legal frameworks and specialised justice services. Child victims face "
            "long proceedings, revictimisation and a lack of support, while offenders who cross borders often escape prosecution."
        ),
        "introduction_es": "Muchos países carecen de marcos legales adecuados y de servicios de justicia especializados.",
        "recommendations": [
            (
                "Child-friendly Justice",
                "Adopt child-friendly procedures, including single interviews in specialised rooms.",
            ),
            (
                "Extraterritorial Jurisdiction",
                "Apply extraterritorial legislation and train prosecutors to use it.",
            ),
            (
                "Regional Cooperation",
                "Agree regional mechanisms to share information on convicted offenders who travel.",
            ),
            (
                "Support Victims throughout Proceedings",
                "Guarantee legal, psychological and social support to victims during and after proceedings.",
            ),
            ("Address Corruption", "Investigate and sanction officials who protect exploitation networks."),
        ],
    },
    {
        "key": "humanitarian",
        "kind": "thematic",
        "tables": [2, 8],
        "title_en": "The impact of the humanitarian crisis in the region",
        "title_es": "El impacto de la crisis humanitaria en la región",
        "introduction_en": (
            "Among the most significant migratory movements is Venezuelan migration, one of the largest migration crises in "
            "recent years. Unaccompanied, separated and undocumented migrant children are the most vulnerable, and a lack of "
            "registration and fear of reprisals hide the cases."
        ),
        "introduction_es": "La migración venezolana es una de las mayores crisis migratorias de los últimos años.",
        "recommendations": [
            (
                "Protection along Migration Routes",
                "Set up child protection points and services along migration routes, regardless of migration status.",
            ),
            (
                "Registration and Documentation",
                "Register and document migrant children so that they can access services.",
            ),
            (
                "Safeguarding in Humanitarian Response",
                "Apply safeguarding standards and background checks to humanitarian staff and volunteers.",
            ),
            ("Tailored Services", "Adapt services to adolescent boys and LGBTQI+ children on the move."),
            (
                "Cross-border Case Management",
                "Coordinate case management between countries of origin, transit and destination.",
            ),
        ],
    },
    {
        "key": "safeguarding",
        "kind": "safeguarding",
        "tables": [3, 8, 4],
        "title_en": "The role of safeguarding policies and practices",
        "title_es": "El papel de las políticas y prácticas de salvaguarda",
        "introduction_en": (
            "On the closed day, ECPAT members shared good practices and lessons learnt in child safeguarding and agreed on "
            "directions to elevate safeguarding across the network."
        ),
        "introduction_es": "En la jornada cerrada, los miembros de ECPAT compartieron buenas prácticas de salvaguarda.",
        "subsections": [
            (
                "For effectiveness",
                [
                    (
                        "Designated Focal Points",
                        "Every organisation should have trained safeguarding focal points with clear responsibilities.",
                    ),
                    ("Regular Review", "Review safeguarding policies every year and after every incident."),
                ],
            ),
            (
                "For inclusivity",
                [
                    (
                        "Accessible Policies",
                        "Make safeguarding policies available in the languages and formats children and communities use, including indigenous languages.",
                    ),
                ],
            ),
            (
                "For strategic collaboration",
                [
                    (
                        "Share Tools across the Network",
                        "Share templates, training and lessons learnt between members.",
                    ),
                    (
                        "Work with Partners",
                        "Include safeguarding clauses in agreements with partners and suppliers.",
                    ),
                ],
            ),
            (
                "For legal and policies reform",
                [
                    (
                        "Mandatory Safeguarding",
                        "Advocate for safeguarding requirements for organisations working with children.",
                    ),
                ],
            ),
            (
                "For enhanced public awareness",
                [
                    (
                        "Communicate Commitments",
                        "Publish safeguarding commitments and how to report concerns.",
                    ),
                ],
            ),
            (
                "For improved services for children",
                [
                    (
                        "Survivor-centred Responses",
                        "Ensure that responses to concerns put the child's best interests and wishes first.",
                    ),
                ],
            ),
            (
                "For child participation",
                [
                    (
                        "Involve Children",
                        "Involve children in developing and reviewing safeguarding measures.",
                    ),
                    ("Safe Participation", "Assess risks before every activity in which children take part."),
                ],
            ),
        ],
    },
]

# The top 12 emerging trends "at a glance": (theme key, title, text).
AT_A_GLANCE = [
    (
        "migration",
        "Contexts of Vulnerability for Children on the Move and Unaccompanied Minors",
        "Children who migrate without an accompanying adult caregiver are at heightened risks of being caught in exploitative situations and networks. Targeted prevention and protection efforts are needed.",
    ),
    (
        "migration",
        "Organised Crime Takes Advantage of Irregular Migration flows and Displaced Populations",
        "Organised crime groups are increasingly exploiting the vulnerabilities created by irregular migration, leading to increased cases of child sexual exploitation and abuse.",
    ),
    (
        "migration",
        "Gaps in Services for Migrant Boys and LGBTQI+ Children",
        "Migration flows have brought attention to the needs of adolescent boys and children facing intersectional vulnerabilities, including children of different gender identities or sexual orientations, highlighting significant gaps in services and understanding of their specific needs.",
    ),
    (
        "informality",
        "Challenges in Protecting Children Exploited in Informal Sectors",
        "The informal economy accounts for over half of all jobs in Latin America, while the efforts for the engagement of the informal business across supply chains to protect children are limited.",
    ),
    (
        "online",
        "Parental Disconnection and Technology-facilitated Risks",
        "There is growing concern about parents' disconnection from their children's lives online, leaving children without guidance and adequate support to understand the risks of online child sexual abuse and exploitation.",
    ),
    (
        "informality",
        "Child Exploitation in Economically Fragile Tourism Areas",
        "The fragile social and economic conditions in some tourist destinations allow exploitative practices to flourish, as communities face financial hardship and lack awareness of child sexual abuse and exploitation risks.",
    ),
    (
        "civic",
        "Limited Impact of Gender Equality Efforts",
        "Efforts to address gender issues remain concentrated in urban areas and primarily target older women, leaving children behind.",
    ),
    (
        "civic",
        "Legal Framework Gaps",
        "Many countries in the Americas lack adequate legal frameworks for addressing child sexual abuse and exploitation, with gaps such as lack or outdated legal definitions of criminal trends, such as those associated with the digital environment. This poses an obstacle to efficient prosecution and support services.",
    ),
    (
        "civic",
        "Shrinking Space for Civil Society Organisations",
        "Some governments have reduced collaboration with or increased scrutiny and imposed limitations on civil society organisations, particularly those not aligned with national political positions.",
    ),
    (
        "civic",
        "Public Distrust on Civil Society Organisations",
        "Politicising children's rights agendas has created public distrust in civil society organisations, undermining their advocacy efforts and creating disinformation on parallel public debates, negatively affecting decision-making on child protection.",
    ),
    (
        "civic",
        "Pushback on Human Rights Advocacy",
        "Governments in the region increasingly dismiss recommendations from human rights bodies, knowing non-compliance has no consequences. The increasing influence of groups promoting a regressive human rights agenda gives significant challenges to advancing gender equality, access to accurate sexual and reproductive health programmes and comprehensive sexuality education, especially in rural areas and schools.",
    ),
    (
        "civic",
        "Decline in Post-Pandemic Donor Support",
        "The temporary surge in funding for civil society organisations during the COVID-19 pandemic has dried up, affecting the operational and sustainability capacity of organisations.",
    ),
]

# Further "in detail" trends per theme, beyond the twelve at a glance.
DETAIL_TRENDS = {
    "migration": [
        (
            "Exploitation along Migration Routes",
            "Exploitation moves between countries along migration routes, following the flows of families and unaccompanied children.",
        ),
        (
            "Online Recruitment",
            "Criminal networks recruit adolescents through social media with offers of work or migration.",
        ),
    ],
    "informality": [
        (
            "Codes of Conduct Do Not Reach Informal Workers",
            "Street vendors, boat operators and guides are in daily contact with tourists and children but outside codes of conduct and training.",
        ),
    ],
    "online": [
        (
            "Short-term Rentals",
            "Short-term rental platforms are increasingly used for the sexual exploitation of children.",
        ),
        (
            "New Payment Methods",
            "Payments for exploitation move through mobile wallets, cryptocurrencies and prepaid cards.",
        ),
    ],
    "civic": [
        (
            "Symbolic Child Participation",
            "Child participation is often symbolic and limited to events, without follow-up.",
        ),
    ],
}

EVALUATION_QUESTIONS = [
    (
        "rating",
        "Overall, how useful was the workshop for your work?",
        "En general, ¿qué tan útil fue el taller para su trabajo?",
    ),
    (
        "rating",
        "How well did the thematic tables and groups work?",
        "¿Qué tan bien funcionaron las mesas temáticas y los grupos?",
    ),
    ("rating", "How was the organisation and logistics?", "¿Cómo fue la organización y la logística?"),
    ("text", "What worked best?", "¿Qué funcionó mejor?"),
    ("text", "What should we improve next time?", "¿Qué deberíamos mejorar la próxima vez?"),
]

EVALUATION_COMMENTS = [
    (
        "The rotations let me hear three different sectors in one afternoon.",
        "More time for the sub-regional groups.",
    ),
    (
        "Meeting tourism authorities and civil society at the same table.",
        "Interpretation in Portuguese would help colleagues from Brazil.",
    ),
    ("The World Café was energising.", ""),
    ("", "Share the materials earlier so we can prepare."),
    ("The closed day on safeguarding was very practical.", "Fewer presentations, more discussion."),
    ("Having the guiding questions in advance.", ""),
]

TAKEAWAYS_MONDAY = [
    "Migration and organised crime are changing the face of exploitation in the region; we need to work across borders as the networks do.",
    "Civil society is under pressure: shrinking space and less funding. Collective action is how we resist.",
    "Children's voices were present through the evidence collected with them, but next time they should be in the room.",
    "The informal economy is where most children are exploited and where our tools reach least.",
]
