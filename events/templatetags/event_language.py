"""``{% event_language event %}...{% endevent_language %}``: render a block with `event`'s content falling
back to its own default language, for lists of events outside their own pages (home, dashboard, series)."""

from django import template

from dialogue_portal.i18n import event_language_fallback

register = template.Library()


class EventLanguageNode(template.Node):
    def __init__(self, event, nodelist):
        self.event = event
        self.nodelist = nodelist

    def render(self, context):
        event = self.event.resolve(context)
        with event_language_fallback(getattr(event, "default_language", None)):
            return self.nodelist.render(context)


@register.tag
def event_language(parser, token):
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError("{% event_language EVENT %} takes one argument")
    nodelist = parser.parse(("endevent_language",))
    parser.delete_first_token()
    return EventLanguageNode(parser.compile_filter(bits[1]), nodelist)
