"""Services of the tables area, one module per concern; the common ones are re-exported here."""

from .allocating import allocate_session, build_instance, quality_rows  # noqa: F401
from .errors import RankingError, SeatingError, SessionsError, SignupClosed, TableFull  # noqa: F401
from .exports import export_registrations, export_rosters  # noqa: F401
from .preferences import ranking_of, ranking_open, save_ranking  # noqa: F401
from .publication import (  # noqa: F401
    allocation_email,
    feed_token,
    ical_for,
    publish_allocation,
    registration_for_feed,
    seats_for,
)
from .registration import (  # noqa: F401
    approve_registration,
    cancel_registration,
    decline_registration,
    promote_waiting_list,
    register_participant,
    signup_state,
    update_registration,
    update_signup_settings,
)
from .seats import free_seats, move_participant, switch_table, take_seat  # noqa: F401
from .tables import create_table_session, place_in_groups, save_table, set_rotation_count  # noqa: F401
