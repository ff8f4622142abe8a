"""factory_boy factories for the events app's models (and users): the one place for them."""

import datetime

import factory
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile

from events import models as em


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True  # `verified` writes the e-mail address, not the user

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    password = factory.django.Password("dialogue-demo")

    @factory.post_generation
    def verified(obj, create, extracted, **kwargs):
        """Give every user a verified primary e-mail address, as allauth requires to log in."""
        if not create:
            return
        from allauth.account.models import EmailAddress

        EmailAddress.objects.get_or_create(
            user=obj, email=obj.email, defaults={"verified": True, "primary": True}
        )


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = em.Organisation

    name = factory.Sequence(lambda n: f"Organisation {n}")


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = em.Event

    title = factory.Sequence(lambda n: f"Dialogue {n}")
    slug = factory.Sequence(lambda n: f"dialogue-{n}")
    venue = "Hotel Crowne Plaza"
    city = "San José"
    country = "CR"
    timezone = "America/Costa_Rica"
    start_date = datetime.date(2024, 6, 3)
    end_date = datetime.date(2024, 6, 7)
    languages = factory.LazyFunction(lambda: ["en", "es"])
    default_language = "en"
    is_published = True


class DayFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = em.Day

    event = factory.SubFactory(EventFactory)
    date = factory.LazyAttribute(lambda o: o.event.start_date)
    focus = "Harvesting analysis from civil society movements"
    audience = em.Audience.PUBLIC


class AgendaItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = em.AgendaItem

    day = factory.SubFactory(DayFactory)
    start = datetime.time(9, 0)
    end = datetime.time(10, 0)
    kind = em.ItemKind.PRESENTATION
    title = factory.Sequence(lambda n: f"Session {n}")


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = em.Person

    event = factory.SubFactory(EventFactory)
    honorific = "Ms."
    name = factory.Sequence(lambda n: f"Speaker {n}")
    slug = factory.Sequence(lambda n: f"speaker-{n}")
    job_title = "Director"
    organisation = "ECPAT International"


class EventRoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = em.EventRole

    event = factory.SubFactory(EventFactory)
    user = factory.SubFactory(UserFactory)
    role = em.Role.ORGANISER


class ItemPersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = em.ItemPerson

    item = factory.SubFactory(AgendaItemFactory)
    person = factory.SubFactory(PersonFactory)
    role = em.AppearanceRole.SPEAKER


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = em.Document

    event = factory.SubFactory(EventFactory)
    title = factory.Sequence(lambda n: f"Document {n}")
    kind = em.Document.Kind.BACKGROUND
    language = "en"
    file = factory.LazyFunction(lambda: ContentFile(b"%PDF-1.4 demo", name="paper.pdf"))
    is_public = True
