"""The pieces of the outcome report built from its collated findings and its partners: a theme's blocks in
their own order (paragraphs labelled by kind, call-outs, quotes, recommendations, prose under
sub-headings), the label of a call-out (a country, several countries or a region), a quote's attribution,
the figures an editorial text may name ({participants}, {countries}) and the "About" pages.

Everything here works on rows already loaded (`reports.selectors.outcome` loads them in a fixed number of
queries) and is called inside `report_language(event, lang)`.
"""

from __future__ import annotations

import re

from django.utils import formats
from django.utils.translation import gettext

from events.models import Event, EventPartner
from sessions_app.models import Registration

from ..document import (
    Anchors,
    Block,
    CallOut,
    Entry,
    Logo,
    Quote,
    SubSection,
    ThemeBlock,
    country_name,
    finding_anchor,
)
from ..models import CollatedFinding, FindingKind, Report, ReportTheme

#: Kinds whose paragraphs carry a label in thematic chapters ("Key trends", "Challenges"...).
LABELLED_KINDS = (FindingKind.TREND, FindingKind.CHALLENGE, FindingKind.GOOD_PRACTICE)

_PLACEHOLDER = re.compile(r"\{(participants|countries|organisations|days)\}")


def join_names(names: list[str]) -> str:
    """'A', 'A and B', 'A, B and C' in the active language."""
    names = [name for name in names if name]
    if len(names) < 2:
        return "".join(names)
    # Translators: joins the last two names of a list, e.g. "Argentina and Venezuela".
    return gettext("%(names)s and %(last)s") % {"names": ", ".join(names[:-1]), "last": names[-1]}


def callout_label(finding: CollatedFinding) -> str:
    """What a call-out is about, as printed before it: its region, else its countries ("" for neither)."""
    region = (finding.region or "").strip()
    if region:
        return region
    return join_names([country_name(code) for code in finding.country])


def attribution(finding: CollatedFinding) -> str:
    """ "Organisation – Country" for a quote whose speaker consented, else "" (never a person's name)."""
    if not finding.attribution_consent:
        return ""
    parts = [(finding.speaker_organisation or "").strip(), callout_label(finding)]
    return " – ".join(part for part in parts if part)


def fill_figures(text: str, figures: dict[str, int]) -> str:
    """Replace {participants}, {countries}, {organisations} and {days} with the event's figures."""
    if "{" not in (text or ""):
        return text or ""
    return _PLACEHOLDER.sub(
        lambda m: formats.number_format(figures.get(m.group(1), 0), force_grouping=True), text
    )


def _kind_label(kind: str) -> str:
    return str(FindingKind(kind).label)


def theme_block(
    theme: ReportTheme, findings: list[CollatedFinding], *, number: str, anchors: Anchors, html_of
) -> ThemeBlock:
    """A theme as the report prints it: its findings in their own order, consecutive findings of one
    kind sharing a block. A trend printed "at a glance" is not printed a second time in its theme.

    `html_of(finding)` gives a finding's text as inline HTML in the document's language."""
    block = ThemeBlock(number=number, title=theme.title, anchor=anchors(theme.title, "theme"))
    recommendations = 0
    paragraphs = 0
    for finding in findings:
        if finding.at_a_glance and finding.kind == FindingKind.TREND:
            continue
        html = html_of(finding)
        last = block.blocks[-1] if block.blocks else None
        if finding.kind == FindingKind.QUOTE:
            block.blocks.append(
                Block(kind="quote", entries=[Quote(html=html, attribution=attribution(finding))])
            )
        elif finding.kind == FindingKind.COUNTRY_OBSERVATION and callout_label(finding):
            callout = CallOut(
                country=callout_label(finding).upper(), html=html, anchor=finding_anchor(finding)
            )
            if last is not None and last.kind == "callouts":
                last.entries.append(callout)
            else:
                block.blocks.append(Block(kind="callouts", entries=[callout]))
        elif finding.subheading:
            if last is None or last.kind != "subsection" or last.label != finding.subheading:
                sub = SubSection(title=finding.subheading, anchor=anchors(finding.subheading, "sub"))
                block.subsections.append(sub)
                last = Block(kind="subsection", label=sub.title, anchor=sub.anchor)
                block.blocks.append(last)
            last.entries.append(
                Entry(number="", title=finding.title, html=html, anchor=finding_anchor(finding))
            )
        elif finding.kind == FindingKind.RECOMMENDATION and theme.kind != ReportTheme.Kind.DETAIL:
            recommendations += 1
            entry = Entry(
                number=str(recommendations), title=finding.title, html=html, anchor=finding_anchor(finding)
            )
            if last is not None and last.kind == "recommendations":
                last.entries.append(entry)
            else:
                heading = gettext("Recommendations from participants") if recommendations == 1 else ""
                block.blocks.append(Block(kind="recommendations", label=heading, entries=[entry]))
        else:
            paragraphs += 1
            entry = Entry(
                number=f"{number}.{paragraphs}" if number else "",
                title=finding.title,
                html=html,
                anchor=finding_anchor(finding),
            )
            label = ""
            if theme.kind != ReportTheme.Kind.DETAIL and finding.kind in LABELLED_KINDS:
                label = _kind_label(finding.kind)
            if last is not None and last.kind == "paragraphs" and last.label == label:
                last.entries.append(entry)
            else:
                block.blocks.append(Block(kind="paragraphs", label=label, entries=[entry]))
    return block


def logo_of(organisation) -> Logo | None:
    if not organisation.logo:
        return None
    return Logo(
        name=organisation.name, url=organisation.logo.url, alt=organisation.logo_alt or organisation.name
    )


def partners(report: Report) -> tuple[list[Logo], list]:
    """The cover's logos and the organisations with an "About" page, in the event's partner order. A
    report that names no cover organisations shows every partner's logo."""
    partners = [
        p.organisation
        for p in EventPartner.objects.filter(event=report.event)
        .select_related("organisation")
        .order_by("order", "pk")
    ]
    chosen = set(report.cover_organisations.values_list("pk", flat=True))
    about = set(report.about_organisations.values_list("pk", flat=True))
    cover = [o for o in partners if not chosen or o.pk in chosen]
    return [logo for logo in map(logo_of, cover) if logo], [o for o in partners if o.pk in about]


def event_figures(event: Event) -> dict[str, int]:
    """The figures an editorial text may name: approved participants, their countries and organisations,
    and the event's days (two queries)."""
    rows = Registration.objects.filter(event=event, status=Registration.Status.APPROVED).values_list(
        "country", "organisation"
    )
    rows = list(rows)
    return {
        "participants": len(rows),
        "countries": len({country for country, _o in rows if country}),
        "organisations": len(
            {organisation.strip().casefold() for _c, organisation in rows if organisation.strip()}
        ),
        "days": event.days.count(),
    }
