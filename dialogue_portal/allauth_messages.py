"""Messages of allauth's own templates that the portal translates itself.

allauth ships catalogues for our languages, but a few of its messages are untranslated there (French and
Brazilian Portuguese leave "sign in" in English on the sign-up page) or read oddly. The portal's catalogues
come first (``LOCALE_PATHS``), so listing a message here puts it in ``locale/*/django.po`` through
``makemessages`` and our translation wins. Nothing imports this module; the ids must stay exactly allauth's.
"""

from django.utils.translation import gettext_noop

MESSAGES = [
    # allauth/templates/account/signup.html
    gettext_noop("Already have an account? Then please %(link)ssign in%(end_link)s."),
    # allauth/templates/account/login.html (the check box)
    gettext_noop("Remember Me"),
]
