import factory
from django.core.files.base import ContentFile

from events import models as em
from tests.factories import AgendaItemFactory, EventFactory, PersonFactory


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
