"""Factories of the reports app: records and findings, report themes and collated findings, and
`build_sample_report`: a realistic report (themes, 12 trends at a glance, detail sections with call-outs
and quotes, five thematic chapters with recommendations, a safeguarding chapter) used by the tests and by
benchmarks/report.py when the demo data is not there.

The factories of table sessions, rotations, tables and breakout groups are in tests/sessions_app/factories.py.
"""

from __future__ import annotations

import io

import factory
from django.conf import settings
from django.core.files.base import ContentFile

from events import models as em
from reports import models as rm
from tests.events.factories import EventFactory
from tests.sessions_app.factories import RotationFactory, TableFactory


class RecordFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = rm.ConsolidationRecord

    table = factory.SubFactory(TableFactory)
    rotation = factory.LazyAttribute(lambda o: RotationFactory(session=o.table.session))
    event = factory.LazyAttribute(lambda o: o.table.session.event)
    language = "en"


class FindingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = rm.Finding

    record = factory.SubFactory(RecordFactory)
    section = rm.FindingKind.TREND
    order = factory.Sequence(lambda n: n)
    text = factory.Sequence(lambda n: f"Finding number {n}")


class ReportThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = rm.ReportTheme

    event = factory.SubFactory(EventFactory)
    kind = rm.ReportTheme.Kind.THEMATIC
    title = factory.Sequence(lambda n: f"Theme {n}")
    title_en = factory.SelfAttribute("title")
    introduction = "Technology and globalisation have expanded travel and tourism."
    introduction_en = factory.SelfAttribute("introduction")
    order = factory.Sequence(lambda n: n)


class CollatedFindingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = rm.CollatedFinding

    kind = rm.FindingKind.TREND
    text = "A finding."
    text_en = factory.SelfAttribute("text")
    order = factory.Sequence(lambda n: n)


# --- The sample report ------------------------------------------------------------------------------

TRENDS = [
    (
        "Contexts of vulnerability for children on the move and unaccompanied minors",
        "Children who migrate without an accompanying adult caregiver are at heightened "
        "risks of being caught in "
        "exploitative situations and networks. Targeted prevention and protection efforts are needed.",
    ),
    (
        "Organised crime takes advantage of irregular migration flows and displaced populations",
        "Organised crime groups are increasingly exploiting the vulnerabilities created "
        "by irregular migration, "
        "leading to increased cases of child sexual exploitation and abuse.",
    ),
    (
        "Gaps in services for migrant boys and LGBTQI+ children",
        "Migration flows have brought attention to the needs of adolescent boys and children facing "
        "intersectional vulnerabilities, highlighting significant gaps in services and "
        "understanding of their needs.",
    ),
    (
        "Challenges in protecting children exploited in informal sectors",
        "The informal economy accounts for over half of all jobs in Latin America, while "
        "the efforts for the "
        "engagement of the informal business across supply chains to protect children are limited.",
    ),
    (
        "Parental disconnection and technology-facilitated risks",
        "There is growing concern about parents' disconnection from their children's lives online, leaving "
        "children without guidance and adequate support to understand the risks of online abuse.",
    ),
    (
        "Child exploitation in economically fragile tourism areas",
        "The fragile social and economic conditions in some tourist destinations allow "
        "exploitative practices to "
        "flourish, as communities face financial hardship and lack awareness of the risks.",
    ),
    (
        "Limited impact of gender equality efforts",
        "Efforts to address gender issues remain concentrated in urban areas and "
        "primarily target older women, "
        "leaving children behind.",
    ),
    (
        "Legal framework gaps",
        "Many countries lack adequate legal frameworks, with outdated legal definitions "
        "of criminal trends such as "
        "those associated with the digital environment. This poses an obstacle to efficient prosecution.",
    ),
    (
        "Shrinking space for civil society organisations",
        "Some governments have reduced collaboration with or increased scrutiny and "
        "imposed limitations on civil "
        "society organisations, particularly those not aligned with national political positions.",
    ),
    (
        "Public distrust on civil society organisations",
        "Politicising children's rights agendas has created public distrust in civil "
        "society organisations, "
        "undermining their advocacy efforts and negatively affecting decision-making on child protection.",
    ),
    (
        "Pushback on human rights advocacy",
        "Governments in the region increasingly dismiss recommendations from human rights bodies, knowing "
        "non-compliance has no consequences.",
    ),
    (
        "Decline in post-pandemic donor support",
        "The temporary surge in funding for civil society organisations during the "
        "COVID-19 pandemic has dried "
        "up, affecting the operational and sustainability capacity of organisations.",
    ),
]

PARAGRAPH = (
    "Migration and displacement situations have heightened the risks of child sexual "
    "abuse and exploitation, "
    "with unaccompanied migrant children being vulnerable to trafficking as they "
    "move through the Americas. "
    "The integration of these children into new communities is often poorly managed; governments and civil "
    "society organisations remain unable to provide adequate support, and some of "
    "their needs – particularly "
    "those related to cultural and gender backgrounds – are frequently overlooked."
)

DETAIL_THEMES = [
    "The impact of migration, displacement, and organised crime",
    "Informality, poverty and the economy of exploitation",
    "Technology and the online dimension",
    "Civic space, funding and the sustainability of civil society",
]

CALLOUTS = [
    (
        "TT",
        "Migrant children are more exposed to the risks of trafficking and sexual exploitation in the host "
        "communities.",
    ),
    (
        "UY",
        "Children on the move who are part of diverse sexual orientation and gender identity groups face "
        "multiple layers of discrimination. Only few organisations are equipped to support them.",
    ),
    (
        "SV",
        "The rise in drug trafficking correlates with increased child sexual abuse and exploitation. Civil "
        "society organisations face significant risks in these contexts.",
    ),
    (
        "GT",
        "Indigenous communities take an active part in interventions against sexual exploitation in their "
        "territories, where children face specific risks associated with their ethnicity.",
    ),
]

THEMATIC = [
    "Child protection in travel and tourism",
    "Risks of child sexual exploitation facilitated by technology",
    "The challenges of access to justice",
    "The impact of the humanitarian crisis in the region",
    "Engaging the private sector and the informal economy",
]

RECOMMENDATION = (
    "Governments should focus on promoting types of tourism that align with child "
    "protection goals by ensuring "
    "that tourism development plans are sustainable and prioritise the safety of "
    "children. Engaging children "
    "to inform these developments is critical."
)

SAFEGUARDING_HEADINGS = [
    "For effectiveness",
    "For inclusivity",
    "For strategic collaboration",
    "For legal and policies reform",
    "For enhanced public awareness",
    "For improved services for children",
    "For child participation",
]

PARTNERS = [
    ("ECPAT International", "ECPAT", (20, 48, 90), "ECPAT International logo"),
    ("Fundación Paniamor", "paniamor", (228, 87, 46), "Fundación Paniamor logo"),
    (
        "Down to Zero Alliance",
        "Down to Zero",
        (15, 124, 140),
        "Down to Zero: fighting sexual exploitation of children",
    ),
]


def logo_png(label: str, colour: tuple[int, int, int]) -> bytes:
    """A simple wordmark: a coloured disc and the organisation's short name."""
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("RGB", (600, 200), "white")
    draw = ImageDraw.Draw(image)
    draw.ellipse((10, 30, 150, 170), fill=colour)
    try:
        font = ImageFont.truetype(str(settings.BASE_DIR / "static" / "fonts" / "Lato-Black.ttf"), 64)
    except OSError:
        font = ImageFont.load_default()
    draw.text((170, 60), label, fill=colour, font=font)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def add_sample_partners(event) -> None:
    for order, (name, label, colour, alt) in enumerate(PARTNERS):
        organisation = em.Organisation(name=name, logo_alt=alt, logo_alt_en=alt)
        organisation.logo.save(
            f"{label.replace(' ', '-').lower()}.png", ContentFile(logo_png(label, colour)), save=False
        )
        organisation.save()
        em.EventPartner.objects.create(event=event, organisation=organisation, order=order)


def build_sample_report(
    event, *, recommendations: int = 6, detail_themes: int = 4, partners: bool = True
) -> None:
    """A report's worth of collated findings for `event` (English only), at a given size."""
    if partners:
        add_sample_partners(event)
    finding = CollatedFindingFactory
    for number, (title, text) in enumerate(TRENDS, start=1):
        finding(
            event=event,
            kind=rm.FindingKind.TREND,
            title=title,
            title_en=title,
            text=text,
            at_a_glance=True,
            glance_order=number,
        )
    for index, title in enumerate(DETAIL_THEMES[:detail_themes]):
        theme = ReportThemeFactory(
            event=event, kind=rm.ReportTheme.Kind.DETAIL, title=title, introduction="", order=index
        )
        for _paragraph in range(2):
            finding(event=event, theme=theme, kind=rm.FindingKind.CHALLENGE, text=PARAGRAPH)
        for code, text in CALLOUTS:
            finding(
                event=event, theme=theme, kind=rm.FindingKind.COUNTRY_OBSERVATION, country=code, text=text
            )
        finding(
            event=event,
            theme=theme,
            kind=rm.FindingKind.QUOTE,
            speaker_organisation="The Child Development Foundation",
            country="BZ",
            attribution_consent=True,
            text="The main difficulty is sustainability. When the funded project ends, how do we continue?",
        )
        finding(
            event=event,
            theme=theme,
            kind=rm.FindingKind.QUOTE,
            speaker_organisation="Secret Org",
            country="GY",
            attribution_consent=False,
            text="We cannot protect children we do not see.",
        )
    for index, title in enumerate(THEMATIC):
        theme = ReportThemeFactory(
            event=event,
            kind=rm.ReportTheme.Kind.THEMATIC,
            title=title,
            order=10 + index,
            introduction=PARAGRAPH,
        )
        finding(event=event, theme=theme, kind=rm.FindingKind.GOOD_PRACTICE, text=PARAGRAPH)
        for number in range(recommendations):
            finding(
                event=event,
                theme=theme,
                kind=rm.FindingKind.RECOMMENDATION,
                title=f"Recommendation {index + 1}.{number + 1}",
                title_en=f"Recommendation {index + 1}.{number + 1}",
                text=RECOMMENDATION,
            )
    theme = ReportThemeFactory(
        event=event,
        kind=rm.ReportTheme.Kind.SAFEGUARDING,
        order=30,
        title="Safeguarding policies and practices",
        introduction="Participants shared what makes safeguarding work.",
    )
    for heading in SAFEGUARDING_HEADINGS:
        for _number in range(2):
            finding(
                event=event,
                theme=theme,
                kind=rm.FindingKind.RECOMMENDATION,
                subheading=heading,
                subheading_en=heading,
                text=RECOMMENDATION,
            )
