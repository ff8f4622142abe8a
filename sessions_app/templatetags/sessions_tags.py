from django import template
from django.template import TemplateDoesNotExist
from django.template.loader import get_template

register = template.Library()


@register.simple_tag(takes_context=True)
def optional_include(context, name: str) -> str:
    """Include a template another area owns when it exists (it may not on every branch)."""
    try:
        tmpl = get_template(name)
    except TemplateDoesNotExist:
        return ""
    return tmpl.render(context.flatten(), context.get("request"))


@register.filter
def get_item(mapping, key):
    try:
        return mapping.get(key)
    except AttributeError:
        return None
