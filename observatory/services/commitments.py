"""Commitments and their follow-up: creating them, changing their status (the history is kept) and the
progress updates focal points post for their own organisation."""

from __future__ import annotations

import datetime

from django.db import transaction

from ..errors import EvidenceTwice, NotAFocalPoint
from ..models import Commitment, CommitmentUpdate, DatePrecision, FocalPoint, StatusChange
from .entries import index_entries


def _record_status(
    *, commitment: Commitment, old: str, new: str, date, by=None, update=None, precision=DatePrecision.DAY
) -> None:
    StatusChange.objects.create(
        commitment=commitment,
        old_status=old,
        new_status=new,
        date=date,
        date_precision=precision,
        changed_by=by,
        update=update,
    )


@transaction.atomic
def save_commitment(
    *,
    commitment: Commitment,
    by=None,
    date: datetime.date | None = None,
    date_precision: str = DatePrecision.DAY,
) -> Commitment:
    """Save a commitment (new or edited, its fields set by a form or a loader). A new commitment starts
    its status history (dated `date`, today by default); a changed status adds to it. The entry's search
    columns are rebuilt: the statuses of its commitments are among its filter tokens."""
    date = date or datetime.date.today()
    if commitment.pk is None:
        commitment.save()
        _record_status(
            commitment=commitment, old="", new=commitment.status, date=date, by=by, precision=date_precision
        )
    else:
        # lock the row: the status history must follow the order of the changes
        old = Commitment.objects.select_for_update().get(pk=commitment.pk).status
        commitment.save()
        if old != commitment.status:
            _record_status(commitment=commitment, old=old, new=commitment.status, date=date, by=by)
    index_entries(entries=[commitment.entry])  # the status is a filter of the search
    return commitment


@transaction.atomic
def post_update(
    *,
    commitment: Commitment,
    text: str,
    date: datetime.date,
    language: str,
    author=None,
    focal_point: FocalPoint | None = None,
    status: str = "",
    progress: int | None = None,
    evidence_url: str = "",
    evidence_file=None,
    date_precision: str = DatePrecision.DAY,
    source: str = "",
) -> CommitmentUpdate:
    """Add a dated progress update with its evidence; a new `status` changes the commitment's status and
    is recorded in its history.

    A focal point reports for their own organisation only (and for the commitment's country when they
    have one): otherwise `NotAFocalPoint`. Editors and loaders pass no focal point.
    """
    if focal_point is not None:
        country_fits = not commitment.country or focal_point.country in ("", commitment.country)
        if focal_point.organisation_id != commitment.organisation_id or not country_fits:
            raise NotAFocalPoint()
        if not focal_point.is_active:
            raise NotAFocalPoint()
    if evidence_url and evidence_file:
        raise EvidenceTwice()
    # lock the commitment: two updates at once must not interleave their status changes
    locked = Commitment.objects.select_for_update().get(pk=commitment.pk)
    update = CommitmentUpdate.objects.create(
        commitment=locked,
        date=date,
        date_precision=date_precision,
        text=text,
        language=language,
        status=status if status and status != locked.status else "",
        progress=progress,
        evidence_url=evidence_url,
        evidence_file=evidence_file or "",
        focal_point=focal_point,
        author=author,
        source=source,
    )
    if update.status:
        _record_status(
            commitment=locked,
            old=locked.status,
            new=update.status,
            date=date,
            by=author,
            update=update,
            precision=date_precision,
        )
        locked.status = update.status
        locked.save(update_fields=["status"])
        commitment.status = locked.status
        index_entries(entries=[locked.entry])  # the status is a filter of the search
    return update
