"""read-side indexes: an action's latest status report, meetings by date

Indexes only (no table is altered, so the search triggers of 0002 are untouched):
- action_status_event(action_id, reported_on, id): the tracker's current status and its
  open/done filter find each action's latest report with one index seek;
- meeting(date): the home page's recent and upcoming meetings and the tracker's meeting menu
  read the newest meetings without sorting the whole table.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25 13:10:00

"""
from typing import Sequence, Union

from alembic import op


# revision identifiers, used by Alembic.
revision: str = '0004'
down_revision: Union[str, Sequence[str], None] = '0003'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_index(op.f('ix_action_status_event_action_id_reported_on_id'), 'action_status_event',
                    ['action_id', 'reported_on', 'id'], unique=False)
    op.create_index(op.f('ix_meeting_date'), 'meeting', ['date'], unique=False)


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_index(op.f('ix_meeting_date'), table_name='meeting')
    op.drop_index(op.f('ix_action_status_event_action_id_reported_on_id'), table_name='action_status_event')
