"""Demo data for the outcome report of the San José Dialogue 2024: the editorial texts (English, with
Spanish titles and introduction) and the default order of the sections. The collated findings the
generated sections show come from `reports.demo` (the harvest's demo)."""

from __future__ import annotations

from django.db import transaction

from .models import Report, ReportSection
from .services.outcome import ensure_default_sections, get_or_create_report

TEXTS_EN = {
    "title": "San José Dialogue – Collective Action to End Child Sexual Exploitation in the Americas",
    "subtitle": "Outcome report of the regional workshop",
    "acknowledgements": (
        "This event was made possible by funding from Sida and Oak Foundation.\n\n"
        "The views expressed herein are solely those of ECPAT International. Support does not constitute "
        "endorsement of the opinions expressed. This publication is based on the notes of the event "
        "undertaken, with the kind collaboration of participants of the San José "
        "Dialogue – Collective Action "
        "to End Child Sexual Exploitation in the Americas Workshop.\n\n"
        "ECPAT International would like to thank the following organisations whose contribution was "
        "instrumental in the organisation and delivery of the workshop: **Fundación Paniamor** and the "
        "**Down to Zero Alliance**."
    ),
    "disclaimer": (
        "The opinions, findings, and conclusions expressed in this report are those of the participating "
        "organisations and do not necessarily reflect the views of ECPAT International."
    ),
    "publisher": (
        "ECPAT International. (2024) San José Dialogue – Collective Action to End Child "
        "Sexual Exploitation "
        "in the Americas workshop. Bangkok: ECPAT International\n\n"
        "© ECPAT International, 2024. Extracts from this publication may be reproduced "
        "with acknowledgement "
        "of the source as ECPAT International.\n\n"
        "Published by: ECPAT International\n328/1 Phaya Thai Road, Ratchathewi, Bangkok 10400, Thailand\n"
        "Phone: +66 2 215 3388 | Email: info@ecpat.org | Website: www.ecpat.org"
    ),
    "introduction": (
        "From June 3-7, 2024, ECPAT International hosted the San José Dialogue – Collective Action to End "
        "Child Sexual Exploitation in the Americas workshop convening 116 participants "
        "from 20 countries of "
        "the Americas in San José, Costa Rica. Bringing together ECPAT members, "
        "government representatives, "
        "non-governmental organisations, Down to Zero Alliance partners, as well as experts, advocates, "
        "practitioners, international organisations, travel and tourism companies, and philanthropic "
        "entities from across the Americas, **the workshop marked a significant milestone in the ongoing "
        "movement to address the sexual exploitation of children.** Serving as a convening space, the "
        "workshop allowed participants to discuss current and emerging trends, internal and cross-border "
        "challenges, and identify joint actions needed to prevent and respond to the "
        "sexual exploitation of "
        "children in the Americas.\n\n"
        "The Americas' region hosts immense diversity in ethnicity, history, languages, and traditions and "
        "is home to numerous indigenous populations and languages which mirror the cultural, geopolitical, "
        "and religious complexities that shape the region, influencing both the risks of child sexual "
        "exploitation and the strategies to create protective environments.\n\n"
        "The workshop exemplified how the diversity of the Americas can be leveraged to tackle significant "
        "challenges that increase children's exposure to risks of sexual abuse and exploitation. "
        "Participants raised the importance of involving indigenous communities, as they are taking active "
        "part in different interventions to address child sexual abuse and exploitation in their "
        "territories, where children face specific risks and rights violations associated with their "
        "ethnicity.\n\n"
        "While the issue of supporting the participation and empowerment of children and "
        "survivors of child "
        "sexual exploitation was a prominent topic of discussion, it is essential to "
        "note that there were no "
        "children in the room. The voices and needs of children, including young "
        "survivors, were central to "
        "the discussion based on evidence collected with them and informed the various sessions.\n\n"
        "This report, synthesising the workshop's outcomes, serves as a blueprint for "
        "ongoing efforts against "
        "the sexual exploitation of children in the Americas. It calls for continued innovation, the "
        "necessity to ensure collaboration and collective action within and across "
        "countries, and a unified "
        "call to protect every child from sexual exploitation."
    ),
    "key_trends": (
        "The **increase in transnational and internal migration**—particularly from rural to urban areas—"
        "exposes children to even greater risks. Children on the move often encounter insufficient and "
        "non-inclusive protection systems along migration routes, exacerbated by a lack of proper "
        "registration, non-existent or ineffective cross-border collaboration, and fears related to "
        "immigration status. In terms of sexual exploitation and trafficking, **transnational criminal "
        "networks have taken advantage of the increasing flow of families and unaccompanied children**.\n\n"
        "This situation is further compounded by structural factors such as systemic urban violence, "
        "political instability, and widespread corruption. The infiltration of organised "
        "crime into various "
        "sectors of society has made the work of public institutions and civil society organisations more "
        "difficult, limiting the already scarce resources and spaces available to "
        "support child victims.\n\n"
        "The **region's high levels of labour informality** heighten the risk of child "
        "labour and associated "
        "sexual exploitation. Protecting children in formal and informal sectors requires innovative "
        "strategies, greater involvement from national authorities, and stronger collaboration with "
        "businesses to implement effective safeguards.\n\n"
        "The shrinking space for civil society in the region is worsening the situation. "
        "In many countries, "
        "civil society organisations are the primary providers of specialised support for victims of child "
        "sexual exploitation, yet some are increasingly under threat. Reduced "
        "international cooperation and "
        "private funding have significantly weakened their capacities.\n\n"
        "The region faces new **challenges in addressing child sexual abuse and exploitation online within "
        "the travel and tourism industry.** The COVID-19 pandemic accelerated the use of "
        "digital tools; the "
        "economic fallout weakened decades of progress, leaving communities, including children, more "
        "vulnerable to sexual exploitation."
    ),
    "thematic_introduction": (
        "The thematic discussions offered a deep dive into the complexities of combatting the sexual "
        "exploitation of children in today's rapidly evolving society. In this chapter, "
        "we explore the main "
        "themes, including the risks in travel and tourism, technological risks, the "
        "challenges in access to "
        "justice, and the dangers in humanitarian crises, alongside strategic recommendations."
    ),
    "future_directions": (
        "Participants left San José with a shared agenda: to **strengthen cross-border cooperation** along "
        "migration routes, to **bring the private sector, including the informal economy, into child "
        "protection**, and to **protect the civic space** in which civil society organisations support "
        "victims and survivors.\n\n"
        "ECPAT International and its members in the Americas will follow up on the recommendations of this "
        "report in national and regional fora, with survivors and children informing each step."
    ),
    "about": (
        "**ECPAT International** is a global network of civil society organisations "
        "working together to end "
        "the sexual exploitation of children. Its members in more than 100 countries generate knowledge, "
        "raise awareness and advocate to protect children from all forms of sexual exploitation.\n\n"
        "**Fundación Paniamor** is a Costa Rican organisation founded in 1987 that promotes the rights of "
        "children and adolescents through prevention, advocacy and innovation, including in travel and "
        "tourism.\n\n"
        "**Down to Zero** is an alliance of organisations fighting the sexual exploitation of children, "
        "working with children, communities, governments and the private sector in Latin America and Asia."
    ),
}

TEXTS_ES = {
    "title": (
        "Diálogo de San José – Acción colectiva para poner fin a la explotación sexual "
        "infantil en las Américas"
    ),
    "subtitle": "Informe de resultados del taller regional",
    "introduction": (
        "Del 3 al 7 de junio de 2024, ECPAT International celebró en San José, Costa "
        "Rica, el Diálogo de San "
        "José – Acción colectiva para poner fin a la explotación sexual infantil en las "
        "Américas, que reunió "
        "a 116 participantes de 20 países de las Américas. Con miembros de ECPAT, representantes de "
        "gobiernos, organizaciones no gubernamentales, socios de la Alianza Down to "
        "Zero, personas expertas, "
        "empresas de viajes y turismo y entidades filantrópicas, **el taller marcó un "
        "hito importante en el "
        "movimiento para enfrentar la explotación sexual de niñas, niños y adolescentes.**\n\n"
        "La región de las Américas alberga una inmensa diversidad étnica, histórica, "
        "lingüística y cultural, "
        "y numerosos pueblos indígenas, lo que influye tanto en los riesgos de explotación sexual infantil "
        "como en las estrategias para crear entornos protectores.\n\n"
        "Aunque la participación y el empoderamiento de niñas, niños y personas sobrevivientes fue un tema "
        "central, no hubo niños en la sala: sus voces y necesidades llegaron a las sesiones a través de la "
        "evidencia recogida con ellos.\n\n"
        "Este informe, que sintetiza los resultados del taller, sirve de guía para los esfuerzos contra la "
        "explotación sexual infantil en las Américas."
    ),
}

SECTION_TITLES = {
    ReportSection.Kind.ACKNOWLEDGEMENTS: ("Acknowledgements", "Agradecimientos"),
    ReportSection.Kind.INTRODUCTION: ("Introduction", "Introducción"),
    ReportSection.Kind.KEY_TRENDS: (
        "Key trends in the sexual exploitation of children: the Americas",
        "Tendencias clave de la explotación sexual infantil: las Américas",
    ),
    ReportSection.Kind.AT_A_GLANCE: (
        "At a glance – top 12 emerging trends of child sexual abuse and exploitation in the Americas",
        "De un vistazo: las 12 principales tendencias emergentes del abuso y la "
        "explotación sexual infantil "
        "en las Américas",
    ),
    ReportSection.Kind.IN_DETAIL: ("In detail", "En detalle"),
    ReportSection.Kind.THEMATIC: ("Thematic discussions", "Debates temáticos"),
    ReportSection.Kind.SAFEGUARDING: (
        "The role of safeguarding policies and practices",
        "El papel de las políticas y prácticas de salvaguarda",
    ),
    ReportSection.Kind.EVALUATION: (
        "What participants said about the workshop",
        "Lo que opinaron los participantes",
    ),
    ReportSection.Kind.FUTURE_DIRECTIONS: ("Future directions", "Orientaciones futuras"),
    ReportSection.Kind.ABOUT: ("About", "Acerca de"),
}


def load(event, stdout=None) -> Report:
    """Fill the demo event's report with its editorial texts and the default section order."""
    with transaction.atomic():
        report = get_or_create_report(event=event)
        for name, value in TEXTS_EN.items():
            setattr(report, f"{name}_en", value)
        for name, value in TEXTS_ES.items():
            setattr(report, f"{name}_es", value)
        report.include_evaluation = True  # the demo has evaluation answers: show their summary
        report.save()
        ensure_default_sections(report=report)
        for section in report.sections.all():
            english, spanish = SECTION_TITLES[section.kind]
            section.title_en, section.title_es = english, spanish
            if section.kind == ReportSection.Kind.EVALUATION:
                section.included = True
            section.save()
    if stdout is not None:
        stdout.write(f"Outcome report: editorial texts and {report.sections.count()} sections.")
    return report
