"""Template tags of the back office, shared by every app's pages."""

from django import template
from django.utils.translation import gettext_lazy as _

register = template.Library()

# The actions a row of a back-office list can offer, with their labels.
ACTION_LABELS = {
    "edit": _("Edit"),
    "open": _("Open"),
    "agenda": _("Agenda"),
    "allocation": _("Allocation"),
    "duplicate": _("Duplicate"),
    "roster": _("Roster"),
    "materials": _("Materials"),
    "delete": _("Delete"),
    "remove": _("Remove"),
}


@register.inclusion_tag("partials/row_actions.html")
def row_actions(subject, **urls):
    """``{% row_actions item.title edit=edit_url delete=delete_url %}``: the links of one row, in that
    order, each naming its row for screen readers ("Edit: Opening plenary")."""
    unknown = set(urls) - set(ACTION_LABELS)
    if unknown:
        raise template.TemplateSyntaxError(f"Unknown row actions: {', '.join(sorted(unknown))}")
    return {"subject": subject, "actions": [(ACTION_LABELS[name], url) for name, url in urls.items() if url]}
