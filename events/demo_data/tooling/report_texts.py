"""The demo report's own texts that the seed's reader does not take from the body: the section titles (in
English and Spanish), the front matter as the real report prints it, and the Spanish the demo adds."""

SECTION_TITLES = [
    ("acknowledgements", "Acknowledgements", "Agradecimientos"),
    ("introduction", "Introduction", "Introducción"),
    (
        "key_trends",
        "Key trends in the sexual exploitation of children: the Americas",
        "Tendencias clave de la explotación sexual infantil: las Américas",
    ),
    (
        "at_a_glance",
        "At a glance – top 12 emerging trends of child sexual abuse and exploitation in the Americas",
        "De un vistazo: las 12 principales tendencias emergentes del abuso y la explotación sexual infantil "
        "en las Américas",
    ),
    ("in_detail", "In detail", "En detalle"),
    ("thematic", "Thematic discussions", "Debates temáticos"),
    (
        "safeguarding",
        "The role of safeguarding policies and practices",
        "El papel de las políticas y prácticas de salvaguarda",
    ),
    ("evaluation", "What participants said about the workshop", "Lo que opinaron los participantes"),
    ("future_directions", "Future directions", "Orientaciones futuras"),
    ("about", "About", "Acerca de"),
]

ACKNOWLEDGEMENTS = """This event was made possible by funding from Sida and Oak Foundation.

The views expressed herein are solely those of ECPAT International. Support does not constitute endorsement \
of the opinions expressed. This publication is based on the notes of the event undertaken, with the kind \
collaboration of participants of the San José Dialogue – Collective Action to End Child Sexual Exploitation \
in the Americas Workshop.

ECPAT International would like to thank the following organisations whose contribution was instrumental in \
the organisation and delivery of the workshop:

FUNDACIÓN PANIAMOR, and the Down to Zero Alliance."""

DISCLAIMER = (
    "The opinions, findings, and conclusions expressed in this report are those of the participating "
    "organisations and do not necessarily reflect the views of ECPAT International."
)

PUBLISHER = """ECPAT International. (2024) San José Dialogue – Collective Action to End Child Sexual \
Exploitation in the Americas workshop.
Bangkok: ECPAT International

© ECPAT International, 2024.

Extracts from this publication may be reproduced with acknowledgement of the source as ECPAT International.

**Published by:**
ECPAT International
328/1 Phaya Thai Road, Ratchathewi,
Bangkok 10400, THAILAND.

Phone: +66 2 215 3388 | Email: info@ecpat.org | Website: https://www.ecpat.org"""

#: The Spanish the demo adds (a translation of the report's own words, not the organisers').
SPANISH = {
    "title": "Diálogo de San José – Acción colectiva para poner fin a la explotación sexual infantil en las "
    "Américas",
    "subtitle": "Taller regional",
    "region_label": "Las Américas",
    "introduction": """\
Del 3 al 7 de junio de 2024, ECPAT International organizó en San José, Costa Rica, el taller Diálogo \
de San José – Acción colectiva para poner fin a la explotación sexual infantil en las Américas, que \
reunió a {participants} participantes de {countries} países de las Américas. Al convocar a miembros \
de ECPAT, representantes de gobiernos, organizaciones no gubernamentales, socios de la Alianza Down \
to Zero, así como a especialistas, defensores, profesionales, organismos internacionales, empresas \
de viajes y turismo y entidades filantrópicas de todo el continente, **el taller marcó un hito \
importante en el movimiento continuo para enfrentar la explotación sexual de niñas, niños y \
adolescentes.** Como espacio de encuentro, el taller permitió a los participantes analizar las \
tendencias actuales y emergentes y los desafíos internos y transfronterizos, e identificar las \
acciones conjuntas necesarias para prevenir y responder a la explotación sexual de niñas, niños y \
adolescentes en las Américas.

La región de las Américas alberga una inmensa diversidad étnica, histórica, lingüística y de \
tradiciones, y es hogar de numerosos pueblos y lenguas indígenas que reflejan las complejidades \
culturales, geopolíticas y religiosas que moldean la región e influyen tanto en los riesgos de \
explotación sexual infantil como en las estrategias para crear entornos protectores.

El taller Diálogo de San José – Acción colectiva para poner fin a la explotación sexual infantil en \
las Américas mostró cómo la diversidad de las Américas puede aprovecharse para enfrentar desafíos \
importantes que aumentan la exposición de niñas, niños y adolescentes a riesgos de abuso y \
explotación sexual. Los participantes destacaron la importancia de involucrar a las comunidades \
indígenas, que participan activamente en diversas intervenciones para abordar el abuso y la \
explotación sexual infantil en sus territorios, donde la niñez enfrenta riesgos y vulneraciones de \
derechos específicos asociados a su etnia.

Aunque el apoyo a la participación y el empoderamiento de niñas, niños y adolescentes y de \
sobrevivientes de explotación sexual infantil fue un tema destacado de la discusión, es fundamental \
señalar que no había niñas ni niños en la sala. Las voces y necesidades de la niñez, incluidas las \
de jóvenes sobrevivientes, estuvieron en el centro de la discusión a partir de evidencia recopilada \
con ellos y orientaron las distintas sesiones.

Este informe, que sintetiza los resultados del taller, sirve de guía para los esfuerzos continuos \
contra la explotación sexual infantil en las Américas. Pide innovación continua, asegurar la \
colaboración y la acción colectiva dentro de los países y entre ellos, y un llamado unificado a \
proteger a cada niña y cada niño de la explotación sexual. El taller Diálogo de San José – Acción \
colectiva para poner fin a la explotación y el abuso sexual infantil en las Américas marca un paso \
decisivo en nuestro camino colectivo y refuerza nuestro compromiso de lograr un impacto tangible y \
duradero en la vida de niñas, niños y adolescentes de todo el mundo.""",
}
