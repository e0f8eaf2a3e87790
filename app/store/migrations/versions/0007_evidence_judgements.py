"""teacher judgements (synced evidence); learner_skill_state keeps practice and combined levels apart;
a durable "derived state owed" marker

- ``judgement``: a synced record (see app/models/evidence.py for why a record and not an event).
- ``learner_skill_state`` is derived, so it is made again rather than altered: new columns for what
  practice alone says and which judgement decides. Its rows are rebuilt from synced rows at the next
  open, which the ``derived_owed`` row set here asks for (rows the demo once wrote without evidence
  behind them do not come back).
- ``derived_owed``: one row while a rebuild of derived state is owed.

Revision ID: 0007_evidence
Revises: 0006_interop
"""
import time

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = '0007_evidence'
down_revision = '0006_interop'
branch_labels = None
depends_on = None


def _skill_state(extra: bool) -> None:
    cols = [
        sa.Column('student_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column('skill_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column('ability', sa.Float(), nullable=False),
        sa.Column('attempts', sa.Integer(), nullable=False),
        sa.Column('correct', sa.Integer(), nullable=False),
        sa.Column('last_at', sa.Float(), nullable=False),
        sa.Column('mastery', sa.Float(), nullable=False),
        sa.Column('mastered', sa.Boolean(), nullable=False),
        sa.Column('mastered_at', sa.Float(), nullable=False),
    ]
    if extra:
        cols += [
            sa.Column('practice_mastery', sa.Float(), nullable=False, server_default='0'),
            sa.Column('practice_mastered', sa.Boolean(), nullable=False, server_default='0'),
            sa.Column('practice_mastered_at', sa.Float(), nullable=False, server_default='0'),
            sa.Column('judged_level', sa.Integer(), nullable=False, server_default='0'),
            sa.Column('judgement_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False, server_default=''),
            sa.Column('judged_at', sa.Float(), nullable=False, server_default='0'),
            sa.Column('judged_after', sa.Integer(), nullable=False, server_default='0'),
        ]
    op.create_table('learner_skill_state', *cols, sa.PrimaryKeyConstraint('student_id', 'skill_id'))


def upgrade() -> None:
    op.create_table('judgement',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('created_at', sa.Float(), nullable=False),
    sa.Column('updated_at', sa.Float(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('partition', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('student_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('skill_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('level', sa.Integer(), nullable=False),
    sa.Column('score', sa.Float(), nullable=False),
    sa.Column('score_max', sa.Float(), nullable=False),
    sa.Column('evidence_kind', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('evidence_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('evidence_title', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('note', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('by_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('by_name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('at', sa.Float(), nullable=False),
    sa.Column('withdrawn', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['skill_id'], ['skill.id'], ),
    sa.ForeignKeyConstraint(['student_id'], ['person.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('judgement', schema=None) as batch_op:
        batch_op.create_index('ix_judgement_student_skill', ['student_id', 'skill_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_judgement_partition'), ['partition'], unique=False)
    op.drop_table('learner_skill_state')
    _skill_state(extra=True)
    op.create_table('derived_owed',
    sa.Column('key', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('since', sa.Float(), nullable=False),
    sa.PrimaryKeyConstraint('key')
    )
    conn = op.get_bind()
    if conn.execute(sa.text("SELECT 1 FROM attempt LIMIT 1")).first() is not None:
        conn.execute(sa.text("INSERT INTO derived_owed (key, seq, since) VALUES (1, 1, :t)"), {"t": time.time()})


def downgrade() -> None:
    op.drop_table('derived_owed')
    op.drop_table('learner_skill_state')
    _skill_state(extra=False)
    with op.batch_alter_table('judgement', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_judgement_partition'))
        batch_op.drop_index('ix_judgement_student_skill')
    op.drop_table('judgement')
