# ruff: noqa: E501
"""The Latin America and the Caribbean Regional Preparatory Meeting, Buenos Aires, 20-21 August 2008, as
its booklet prints it (../shared/seeds/lac-regional-preparatory-meeting-2008-booklet.txt, copied here
because a clone has no ../shared).

Texts are in English as printed. Only slips of the text recognition were corrected ("fo"/"o" for "to",
"Infernet", words run together such as "publictelephones", stray quotation marks and a doubled full
stop); the wording is the booklet's. The terms and regions each recommendation carries are the
observatory's classification, not the booklet's.
"""

import datetime

EVENT = {
    "slug": "lac-regional-preparatory-meeting-2008",
    "title": (
        "Latin America and the Caribbean Regional Preparatory Meeting for the World Congress III against "
        "Sexual Exploitation of Children and Adolescents"
    ),
    "subtitle": "Buenos Aires, 20–21 August 2008",
    "city": "Buenos Aires",
    "country": "AR",
    "timezone": "America/Argentina/Buenos_Aires",
    "start_date": datetime.date(2008, 8, 20),
    "end_date": datetime.date(2008, 8, 21),
    "description": (
        "The Latin America and the Caribbean (LAC) Regional Preparatory Meeting was held in Buenos Aires, "
        "Argentina on 20 - 21 August 2008, bringing together more than 240 participants. Government officials, "
        "NGOs and other key institutions representing 22 countries attended this regional platform aimed at "
        "debating priority issues to guarantee children’s right to be protected from sexual exploitation for "
        "the region.\n\n"
        "The objective of this meeting was also to assess the viability of a regional monitoring system that "
        "will enable regular evaluation of measurable targets to ensure that more focused and concerted "
        "measures are taken by various stakeholders against SEC.\n\n"
        "The LAC Regional Preparatory Meeting focused on four manifestations of commercial sexual exploitation "
        "of children (CSEC) that are of growing importance in the region - trafficking for sexual purposes, "
        "child prostitution, child sex tourism and child pornography.\n\n"
        "Conclusions and recommendations that emerged from the two days of discussion are presented along the "
        "five themes of World Congress III: Dimensions of Sexual Exploitation of Children and Adolescents; "
        "Private Sector Efforts and Corporate Social Responsibility; Challenges and Limitations in the "
        "Application of National Legal Frameworks; Inter-sectoral Strategies for the Protection and Guarantee "
        "of Rights for Children; Regional Cooperation.\n\n"
        "Eighteen adolescents and young people from the LAC region participated in an Adolescent and Young "
        "People’s Preparatory Forum prior to the LAC Regional Preparatory Meeting."
    ),
    # The four areas of intervention the meeting assessed.
    "objectives": (
        "Inter-sector cooperation and integrated policies\n"
        "Regional and sub-regional cooperation\n"
        "Legal reform and law enforcement\n"
        "Private sector initiatives and corporate social responsibility"
    ),
}

# (name, kind) as the booklet names them: "The event was co-organized by ..."; the Latin American Children
# Trust is thanked "for their support of this meeting".
ORGANISATIONS = [
    ("Human Rights Secretariat of the Ministry of Justice of Argentina", "co_organiser"),
    ("Ministry of Social Welfare of Argentina", "co_organiser"),
    ("Ministry of Foreign Affairs of Argentina", "co_organiser"),
    ("ECPAT International", "co_organiser"),
    ("Niño-Sur Sub-regional Initiative", "co_organiser"),
    ("UNICEF", "co_organiser"),
    ("ILO/IPEC", "co_organiser"),
    ("Save the Children", "co_organiser"),
    ("CASACIDN", "co_organiser"),
    ("Latin American Children Trust", "partner"),
]

BOOKLET = {
    "title": (
        "Latin America and the Caribbean Regional Preparatory Meeting for the World Congress III against "
        "Sexual Exploitation of Children and Adolescents, Buenos Aires, 20-21 August 2008: booklet"
    ),
    "summary": (
        "Introduction, emerging trends, key challenges, regional initiatives, recommendations for action along "
        "the five themes of World Congress III, key recommendations from the Adolescent and Young People’s "
        "Declaration, and concluding remarks."
    ),
    "kind": "meeting_report",
    "language": "en",
    "year": 2008,
}

RECOMMENDATIONS = "Recommendations for action"
YOUTH = "Key recommendations from the Adolescent and Young People’s Declaration"

# (section, text, theme and sub-theme slugs, forms, addressees, countries)
ENTRIES = [
    (
        f"{RECOMMENDATIONS} – 1. Dimensions of Sexual Exploitation of Children and Adolescents",
        [
            (
                "Issues related to gender and social constructions must be addressed, especially through educational "
                "and communications policies.",
                ["gender", "social-norms", "education"],
                [],
                ["states"],
                [],
            ),
            (
                "Commercial sexual exploitation of children as a survival strategy for poverty-stricken families is "
                "still of concern and must be addressed.",
                ["social-norms"],
                ["prostitution"],
                ["states", "families-communities"],
                [],
            ),
            (
                "Strategies to protect potential victims and reintegrate victims must be developed.",
                ["victim-services"],
                [],
                ["states"],
                [],
            ),
            (
                "Incentives for providing training to address issues such as child pornography and other such crimes "
                "using new Internet technologies must be developed.",
                ["law-enforcement"],
                ["abuse-material", "online"],
                ["states"],
                [],
            ),
            (
                "Using research on trafficking routes, develop an effective criminal policy that coordinates local "
                "strategies (consular, migratory) and international cooperation.",
                ["law-enforcement", "cross-border", "data-monitoring"],
                ["trafficking"],
                ["states"],
                [],
            ),
            (
                "Review repatriation agreements and migratory procedures to guarantee safe voluntary returns with "
                "necessary local assistance and reintegration measures to avoid victims falling into traders’ and "
                "exploiters’ hands again.",
                ["repatriation", "migration"],
                ["trafficking"],
                ["states"],
                [],
            ),
            (
                "Rethink strategies for border areas, taking into account not only procedural differences but also "
                "social diversity. In this regard, attention is often focused on particular border zones, such as the "
                "Triple Frontier between Argentina, Uruguay and Brazil, which could conceal other existing trafficking "
                "routes.",
                ["cross-border"],
                ["trafficking"],
                ["states"],
                ["AR", "UY", "BR"],
            ),
            (
                "Conduct qualitative research to gain a better understanding of exploitation methods.",
                ["data-monitoring"],
                [],
                [],
                [],
            ),
            (
                "Build on the region’s experiences of adolescents and young offenders’ treatment as a prevention "
                "strategy, also ensuring alternatives to more punitive measures.",
                ["prevention", "child-friendly-justice"],
                [],
                ["states", "justice-sector"],
                [],
            ),
            (
                "The issue of the sexual exploitation of children must be taken into account by socio-economic "
                "policies, with the goal of greater social equality and equitable redistribution of income.",
                ["policy"],
                [],
                ["states"],
                [],
            ),
            (
                "To question terminology that conceals or distorts the issue, such as ‘clients’ or ‘consumers’ instead "
                "of ‘exploiters’ or ‘traffickers’.",
                ["social-norms"],
                [],
                ["media"],
                [],
            ),
            (
                "To encourage the creation of security forces offices and units specialized in taking responsibility "
                "for and persecution of such crimes, encouraging different sectors of the State to develop systematic "
                "interventions.",
                ["law-enforcement"],
                [],
                ["states", "justice-sector"],
                [],
            ),
            (
                "To build capacity of immigration bodies and to include training on assistance to victims of sexual "
                "exploitation of children in the curriculum of relevant professionals.",
                ["migration", "victim-services"],
                [],
                ["states"],
                [],
            ),
            (
                "To promote national and regional mechanisms for monitoring commitments and actions carried out to "
                "fight these crimes.",
                ["data-monitoring", "cooperation"],
                [],
                ["states", "international"],
                [],
            ),
        ],
    ),
    (
        f"{RECOMMENDATIONS} – 2. Private Sector Efforts and Corporate Social Responsibility",
        [
            (
                "To encourage corporate social responsibility as a means of preventing and eradicating the sexual "
                "exploitation of children, especially in the travel and tourism industry.",
                ["tourism-industry"],
                ["travel-tourism"],
                ["private-sector"],
                [],
            ),
            (
                "To promote employee training for the tourism sector.",
                ["tourism-industry"],
                ["travel-tourism"],
                ["private-sector"],
                [],
            ),
            (
                "To incorporate the concept of ‘responsible and sustainable tourism,’ which includes children and "
                "adolescents’ fundamental rights, into the working mechanisms of the private sector.",
                ["tourism-industry"],
                ["travel-tourism"],
                ["private-sector"],
                [],
            ),
            (
                "To increase the regulation and control of technology access and use, especially at cyber cafes and "
                "through public telephones, but also through mobile and internet supplier companies.",
                ["technology-companies"],
                ["online"],
                ["states", "private-sector"],
                [],
            ),
            (
                "To encourage State actions with the private sector on corporate social responsibility initiatives.",
                ["private-sector", "coordination"],
                [],
                ["states", "private-sector"],
                [],
            ),
        ],
    ),
    (
        f"{RECOMMENDATIONS} – 3. Challenges and Limitations in the Application of National Legal Frameworks",
        [
            (
                "To speed up judicial investigations and ensure appropriate sentences. To eradicate cultural practices "
                "that result in the acceptance of sexual exploitation and the social tolerance of exploiters’ "
                "behaviours.",
                ["law-enforcement", "social-norms"],
                [],
                ["justice-sector"],
                [],
            ),
            (
                "To promote relevant domestic legislations in harmony with international instruments.",
                ["legal-reform"],
                [],
                ["states"],
                [],
            ),
            (
                "To work on processes to avoid revictimization and criminalization of children and adolescents.",
                ["child-friendly-justice"],
                [],
                ["justice-sector"],
                [],
            ),
            (
                "To collect statistics in a database on sexual exploitation-related crimes in order to design specific "
                "public policies.",
                ["data-monitoring"],
                [],
                ["states"],
                [],
            ),
            (
                "To promote the Optional Protocol to the Convention on the Rights of the Child the sale of children, "
                "child prostitution and child pornography. It has been pointed out it is not well known, probably due "
                "to the fact that cooperation agencies promote the Palermo Protocol without taking into account that "
                "both are complementary.",
                ["legal-reform"],
                ["trafficking", "prostitution", "abuse-material"],
                ["states", "international"],
                [],
            ),
        ],
    ),
    (
        f"{RECOMMENDATIONS} – 4. Inter-sectoral Strategies for the Protection and Guarantee of Rights for Children",
        [
            (
                "To support the implementation of a National Plan of Action, in each State, which as a national policy "
                "in order to receive sufficient resources for its implementation and sustainability.",
                ["national-plans"],
                [],
                ["states"],
                [],
            ),
            (
                "In addition to central government services, reinforce local systems of protection through training to "
                "prevent crimes, and ensure the necessary resources.",
                ["protection", "coordination"],
                [],
                ["states"],
                [],
            ),
            (
                "To ensure that judges, public prosecutors, etc. implement legislation against child sexual "
                "exploitation.",
                ["law-enforcement"],
                [],
                ["justice-sector"],
                [],
            ),
            (
                "To assure that professionals who work in this area have the right training.",
                ["protection"],
                [],
                ["states"],
                [],
            ),
            (
                "To encourage inter-institutional and inter-sectoral coordination, and models of intervention to "
                "assist victims.",
                ["coordination", "victim-services"],
                [],
                ["states"],
                [],
            ),
            ("To create safe reporting mechanisms.", ["reporting"], [], ["states"], []),
            (
                "To encourage the construction of specialized refuges for children and adolescents victims of "
                "trafficking.",
                ["victim-services"],
                ["trafficking"],
                ["states"],
                [],
            ),
        ],
    ),
    (
        f"{RECOMMENDATIONS} – 5. Regional Cooperation",
        [
            (
                "To promote information exchanges on strategies for sub-regional cooperation.",
                ["good-practice-exchange"],
                [],
                ["states"],
                [],
            ),
            (
                "To hold sub-regional meetings to encourage the exchange of successful experiences and good practices.",
                ["good-practice-exchange"],
                [],
                ["states", "civil-society"],
                [],
            ),
            (
                "To promote collaboration and agreements at the sub-regional and regional levels between states, law "
                "enforcement agencies and other stakeholders.",
                ["cross-border", "law-enforcement"],
                [],
                ["states", "justice-sector"],
                [],
            ),
            (
                "To review repatriation agreements and specific legislations on deportation of people and to develop "
                "multilateral mechanisms that guarantee the rights and the safe and voluntary return of children and "
                "adolescent victims of these crimes.",
                ["repatriation", "legal-reform"],
                ["trafficking"],
                ["states"],
                [],
            ),
            (
                "To reinforce private companies’ regulations and control of new technologies when relevant to "
                "eliminating the sexual exploitation of children.",
                ["technology-companies"],
                ["online"],
                ["private-sector", "states"],
                [],
            ),
        ],
    ),
    (
        YOUTH,
        [
            (
                "To promote the active role of young people through the incorporation of the concept in public policy. "
                "This will allow youth proposals to be taken into consideration when public matters are being "
                "considered by the government and the creation of spaces for children and young people where they can "
                "express their opinions.",
                ["participation"],
                [],
                ["states", "children-youth"],
                [],
            ),
            (
                "Youth have also proposed the creation of a Code of Conduct for mass media, since they see media as key "
                "in the fight against sexual exploitation. This is not only aimed at the way the press reports the "
                "issue, but also includes messages that promote negative patterns of consumption amongst children and "
                "hyper-sexualization.",
                ["media-industry", "social-norms"],
                [],
                ["media"],
                [],
            ),
            (
                "To promote prevention by incorporating sexual and reproductive health education at an early stage in "
                "the formal education curriculum.",
                ["education"],
                [],
                ["states"],
                [],
            ),
            (
                "To raise awareness and sensitization through public campaigns and activities. It is important to "
                "incorporate messages by children to children. Children and young people can play a key role in "
                "preventing sexual exploitation through their advocacy work in their communities.",
                ["awareness-campaigns", "participation"],
                [],
                ["children-youth", "states"],
                [],
            ),
            (
                "To promote the safe use of new technologies by children and young people.",
                ["digital-literacy"],
                ["online"],
                ["children-youth"],
                [],
            ),
        ],
    ),
]

# Commitments the seeds state, each on the entry (by its first words) it follows up.
YOUTH_NETWORK = {
    "entry_starts": "To promote the active role of young people",
    "organisation": "Youth for Action (Jóvenes para la Acción)",
    "description": (
        "A regional youth network, named Youth for Action (Jóvenes para la Acción), committed to the exchange of "
        "information and resources to develop joint initiatives."
    ),
    "status": "in_progress",
    "year": 2008,
    "source": "Booklet of the LAC Regional Preparatory Meeting, 2008 (introduction)",
    "updates": [
        (
            2008,
            "Created at the Adolescent and Young People’s Preparatory Forum, held before the LAC Regional "
            "Preparatory Meeting; the forum’s Declaration was presented at the Regional Consultation.",
            "Booklet of the LAC Regional Preparatory Meeting, 2008",
        ),
    ],
}

OBSERVATORY = {
    "entry_starts": "To promote national and regional mechanisms for monitoring commitments",
    "organisation": "Inter-American Children’s Institute (IIN)",
    "description": (
        "The Inter-American Observatory against Sexual Exploitation of Children and Adolescents, implemented by "
        "ECPAT International, Save the Children Sweden and the Inter-American Children’s Institute: a resource of "
        "information, capacity building and technical expertise to help stakeholders design, implement and "
        "evaluate strategies to combat sexual exploitation of children."
    ),
    "target": (
        "To support the creation of an Observatory on child commercial sexual exploitation and illegal trafficking "
        "and promote the creation of a widely-disseminated publication on a periodic basis having an incidence on "
        "public policy design."
    ),
    "status": "in_progress",
    "year": 2007,
    "source": "IIN Directing Council resolution CD/RES. 10 (82-R/07), 27 July 2007; booklet of the 2008 meeting",
    "updates": [
        (2008, "Design and launch of first online platform.", "IIN, Inter-American Programme (schedule)"),
        (
            2009,
            "Emphasis on Work Area A – Compile and update information.",
            "IIN, Inter-American Programme (schedule)",
        ),
        (
            2010,
            "Emphasis on Work Area B – Generate information and knowledge; impact.",
            "IIN, Inter-American Programme (schedule)",
        ),
        (
            2011,
            "Emphasis on Work Area C – Train human resources. Technical assistance for the states.",
            "IIN, Inter-American Programme (schedule)",
        ),
    ],
}

IIN_PROGRAMME = {
    "title": (
        "Inter-American Programme for the Prevention and Eradication of Commercial Sexual Exploitation, Illegal "
        "Smuggling of and Trafficking in Children"
    ),
    "summary": (
        "The programme of the Inter-American Children’s Institute (created 27 July 2007, CD/RES. 10 (82-R/07)): "
        "its mandates, its three work areas (compile and update information; generate information and knowledge; "
        "train human resources and provide technical assistance), the Inter-American Observatory and the network "
        "of liaison officers appointed by the states."
    ),
    "kind": "public_policy",
    "language": "en",
    "publisher": "Inter-American Children’s Institute (IIN)",
}
