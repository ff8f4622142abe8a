"""Reading session feedback: the items a person may rate (with their own rating), and the organisers'
summary per item. A constant number of queries whatever the number of items and ratings."""

from __future__ import annotations

from collections import defaultdict

from django.db.models import Count
from django.utils import timezone
from django.utils.crypto import salted_hmac

from events.models import AgendaItem, Role
from events.rules import roles_for, visible_audiences

from ..models import SessionFeedback
from ..models.feedback import RATINGS


def voter_of(*, user, item: AgendaItem) -> str:
    """The one-way hash that stands for `user` on `item` (and on no other item)."""
    return salted_hmac("reports.feedback", f"{user.pk}:{item.pk}", algorithm="sha256").hexdigest()


def has_started(item: AgendaItem, *, now=None) -> bool:
    return item.starts_at() <= (now or timezone.now())


def may_attend(user, event, item: AgendaItem) -> bool:
    """Whether `user` may attend `item`. A track (an item with an audience of its own, or a part of one)
    is for its audience, also on a day for network members; any other item is for those who may read its
    day, and on a day for network members only, for the members."""
    track = item.audience or (item.parent.audience if item.parent_id else "")
    if (track or item.day.audience) not in visible_audiences(user, event):
        return False
    if not track and item.day.is_members_only:
        return bool({Role.MEMBER, Role.ORGANISER} & roles_for(user, event))
    return True


def items_to_rate(*, event, user) -> list[dict]:
    """The items `user` may attend that have started, latest first, each with the rating they gave."""
    now = timezone.now()
    today = timezone.localtime(now, event.tz).date()
    items = (
        AgendaItem.objects.filter(day__event=event, day__date__lte=today)
        .select_related("day", "day__event", "parent")
        .order_by("-day__date", "-start", "pk")
    )
    rows = [item for item in items if item.starts_at() <= now and may_attend(user, event, item)]
    voters = {voter_of(user=user, item=item): item.pk for item in rows}
    given = {
        voters[feedback.voter]: feedback
        for feedback in SessionFeedback.objects.filter(voter__in=list(voters))
    }
    return [{"item": item, "feedback": given.get(item.pk)} for item in rows]


def summary(*, event) -> list[dict]:
    """Per item that has feedback, in the agenda's order: the count, the mean, the count per rating and
    the comments (in alphabetical order, so that their order tells nothing of who wrote when)."""
    counts = (
        SessionFeedback.objects.filter(item__day__event=event)
        .values("item", "rating")
        .annotate(n=Count("pk"))
        .order_by()
    )
    per_item: dict[int, dict[int, int]] = defaultdict(dict)
    for row in counts:
        per_item[row["item"]][row["rating"]] = row["n"]
    comments: dict[int, list[str]] = defaultdict(list)
    for item_pk, comment in (
        SessionFeedback.objects.filter(item__day__event=event)
        .exclude(comment="")
        .order_by("comment")
        .values_list("item", "comment")
    ):
        comments[item_pk].append(comment)
    items = (
        AgendaItem.objects.filter(pk__in=list(per_item))
        .select_related("day")
        .order_by("day__date", "start", "pk")
    )
    rows = []
    for item in items:
        by_rating = per_item[item.pk]
        count = sum(by_rating.values())
        top = max(by_rating.values())
        rows.append(
            {
                "item": item,
                "count": count,
                "mean": round(sum(r * n for r, n in by_rating.items()) / count, 2),
                "distribution": [
                    (rating, by_rating.get(rating, 0), round(100 * by_rating.get(rating, 0) / top))
                    for rating in RATINGS
                ],
                "comments": comments[item.pk],
            }
        )
    return rows
