"""initial schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-23 14:42:46.577979
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('audit_event',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('created_at', sa.Float(), nullable=False),
    sa.Column('updated_at', sa.Float(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('partition', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('actor_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('action', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('subject_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('detail', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('audit_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_event_actor_id'), ['actor_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_event_partition'), ['partition'], unique=False)

    op.create_table('change',
    sa.Column('replica_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('hlc', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('table_name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('row_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('op', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('fields', sa.JSON(), nullable=False),
    sa.Column('partition', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('schema_version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('replica_id', 'seq')
    )
    with op.batch_alter_table('change', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_change_hlc'), ['hlc'], unique=False)
        batch_op.create_index('ix_change_table_row', ['table_name', 'row_id'], unique=False)

    op.create_table('conflict_record',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('table_name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('row_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('field', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('value', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('hlc', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('replica_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('winner_hlc', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('at', sa.Float(), nullable=False),
    sa.Column('restored', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('conflict_record', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_conflict_record_row_id'), ['row_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_conflict_record_table_name'), ['table_name'], unique=False)

    op.create_table('domain',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('created_at', sa.Float(), nullable=False),
    sa.Column('updated_at', sa.Float(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('partition', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('code', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('subject', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('sort', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('domain', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_domain_code'), ['code'], unique=False)
        batch_op.create_index(batch_op.f('ix_domain_partition'), ['partition'], unique=False)

    op.create_table('field_clock',
    sa.Column('table_name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('row_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('field', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('hlc', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.PrimaryKeyConstraint('table_name', 'row_id', 'field')
    )
    op.create_table('item_stat',
    sa.Column('item_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('difficulty', sa.Float(), nullable=False),
    sa.Column('uses', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('item_id')
    )
    op.create_table('learner_skill_state',
    sa.Column('student_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('skill_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('ability', sa.Float(), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('correct', sa.Integer(), nullable=False),
    sa.Column('last_at', sa.Float(), nullable=False),
    sa.Column('mastery', sa.Float(), nullable=False),
    sa.Column('mastered', sa.Boolean(), nullable=False),
    sa.Column('mastered_at', sa.Float(), nullable=False),
    sa.PrimaryKeyConstraint('student_id', 'skill_id')
    )
    op.create_table('pending_change',
    sa.Column('replica_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('schema_version', sa.Integer(), nullable=False),
    sa.Column('payload', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.PrimaryKeyConstraint('replica_id', 'seq')
    )
    op.create_table('replica_state',
    sa.Column('key', sa.Integer(), nullable=False),
    sa.Column('replica_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('next_seq', sa.Integer(), nullable=False),
    sa.Column('hlc_wall', sa.Integer(), nullable=False),
    sa.Column('hlc_counter', sa.Integer(), nullable=False),
    sa.Column('fingerprint', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('previous_ids', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('key')
    )
    op.create_table('school',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('created_at', sa.Float(), nullable=False),
    sa.Column('updated_at', sa.Float(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('partition', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('checkins_enabled', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('school', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_school_partition'), ['partition'], unique=False)

    op.create_table('signin_attempt',
    sa.Column('person_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('failures', sa.Integer(), nullable=False),
    sa.Column('locked_until', sa.Float(), nullable=False),
    sa.PrimaryKeyConstraint('person_id')
    )
    op.create_table('version_vector',
    sa.Column('replica_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('replica_id')
    )
    op.create_table('person',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('created_at', sa.Float(), nullable=False),
    sa.Column('updated_at', sa.Float(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('partition', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('school_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('role', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('given_name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('family_name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('display_name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('archived', sa.Boolean(), nullable=False),
    sa.Column('target_success', sa.Float(), nullable=False),
    sa.ForeignKeyConstraint(['school_id'], ['school.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_person_partition'), ['partition'], unique=False)
        batch_op.create_index(batch_op.f('ix_person_role'), ['role'], unique=False)
        batch_op.create_index(batch_op.f('ix_person_school_id'), ['school_id'], unique=False)

    op.create_table('school_class',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('created_at', sa.Float(), nullable=False),
    sa.Column('updated_at', sa.Float(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('partition', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('school_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('grade', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('year', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('archived', sa.Boolean(), nullable=False),
    sa.Column('pin_optional', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['school_id'], ['school.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('school_class', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_school_class_partition'), ['partition'], unique=False)
        batch_op.create_index(batch_op.f('ix_school_class_school_id'), ['school_id'], unique=False)

    op.create_table('skill',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('created_at', sa.Float(), nullable=False),
    sa.Column('updated_at', sa.Float(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('partition', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('domain_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('code', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('description', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('prerequisites', sa.JSON(), nullable=False),
    sa.Column('sort', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['domain_id'], ['domain.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('skill', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_skill_code'), ['code'], unique=False)
        batch_op.create_index(batch_op.f('ix_skill_domain_id'), ['domain_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_skill_partition'), ['partition'], unique=False)

    op.create_table('account',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('created_at', sa.Float(), nullable=False),
    sa.Column('updated_at', sa.Float(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('partition', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('person_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('username', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('password_hash', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('pin_hash', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('disabled', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('account', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_account_partition'), ['partition'], unique=False)
        batch_op.create_index(batch_op.f('ix_account_person_id'), ['person_id'], unique=True)
        batch_op.create_index(batch_op.f('ix_account_username'), ['username'], unique=False)

    op.create_table('celebration',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('created_at', sa.Float(), nullable=False),
    sa.Column('updated_at', sa.Float(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('partition', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('student_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('title', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('detail', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('ref_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('by_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('at', sa.Float(), nullable=False),
    sa.ForeignKeyConstraint(['student_id'], ['person.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('celebration', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_celebration_partition'), ['partition'], unique=False)
        batch_op.create_index(batch_op.f('ix_celebration_student_id'), ['student_id'], unique=False)

    op.create_table('challenge',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('created_at', sa.Float(), nullable=False),
    sa.Column('updated_at', sa.Float(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('partition', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('scope', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('school_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('class_id', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('grade', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('title', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('driving_question', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('brief', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('community_partner', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('skill_ids', sa.JSON(), nullable=False),
    sa.Column('rubric', sa.JSON(), nullable=False),
    sa.Column('status', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('created_by', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.ForeignKeyConstraint(['class_id'], ['school_class.id'], ),
    sa.ForeignKeyConstraint(['school_id'], ['school.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('challenge', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_challenge_class_id'), ['class_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_challenge_partition'), ['partition'], unique=False)
        batch_op.create_index(batch_op.f('ix_challenge_school_id'), ['school_id'], unique=False)

    op.create_table('check_in',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('created_at', sa.Float(), nullable=False),
    sa.Column('updated_at', sa.Float(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('partition', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('student_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('mood', sa.Integer(), nullable=False),
    sa.Column('energy', sa.Integer(), nullable=False),
    sa.Column('note', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('at', sa.Float(), nullable=False),
    sa.ForeignKeyConstraint(['student_id'], ['person.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('check_in', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_check_in_partition'), ['partition'], unique=False)
        batch_op.create_index(batch_op.f('ix_check_in_student_id'), ['student_id'], unique=False)

    op.create_table('enrollment',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('created_at', sa.Float(), nullable=False),
    sa.Column('updated_at', sa.Float(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('partition', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('class_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('person_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('role', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.ForeignKeyConstraint(['class_id'], ['school_class.id'], ),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('enrollment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_enrollment_class_id'), ['class_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_enrollment_partition'), ['partition'], unique=False)
        batch_op.create_index(batch_op.f('ix_enrollment_person_id'), ['person_id'], unique=False)

    op.create_table('item',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('created_at', sa.Float(), nullable=False),
    sa.Column('updated_at', sa.Float(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('partition', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('skill_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('prompt', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('answer', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('choices', sa.JSON(), nullable=False),
    sa.Column('hint', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('level', sa.Integer(), nullable=False),
    sa.Column('source', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('source_ref', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('time_limit_s', sa.Float(), nullable=False),
    sa.ForeignKeyConstraint(['skill_id'], ['skill.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('item', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_item_partition'), ['partition'], unique=False)
        batch_op.create_index(batch_op.f('ix_item_skill_id'), ['skill_id'], unique=False)

    op.create_table('plan',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('created_at', sa.Float(), nullable=False),
    sa.Column('updated_at', sa.Float(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('partition', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('student_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('title', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('status', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('teacher_note', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('term', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.ForeignKeyConstraint(['student_id'], ['person.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('plan', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_plan_partition'), ['partition'], unique=False)
        batch_op.create_index(batch_op.f('ix_plan_student_id'), ['student_id'], unique=False)

    op.create_table('practice_focus',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('created_at', sa.Float(), nullable=False),
    sa.Column('updated_at', sa.Float(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('partition', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('student_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('skill_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('weight', sa.Float(), nullable=False),
    sa.ForeignKeyConstraint(['skill_id'], ['skill.id'], ),
    sa.ForeignKeyConstraint(['student_id'], ['person.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('practice_focus', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_practice_focus_partition'), ['partition'], unique=False)
        batch_op.create_index(batch_op.f('ix_practice_focus_student_id'), ['student_id'], unique=False)

    op.create_table('profile',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('created_at', sa.Float(), nullable=False),
    sa.Column('updated_at', sa.Float(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('partition', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('student_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('strengths', sa.JSON(), nullable=False),
    sa.Column('interests', sa.JSON(), nullable=False),
    sa.Column('values', sa.JSON(), nullable=False),
    sa.Column('learning_prefs', sa.JSON(), nullable=False),
    sa.Column('about_me', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('accommodations', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('teacher_notes', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.ForeignKeyConstraint(['student_id'], ['person.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('profile', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_profile_partition'), ['partition'], unique=False)
        batch_op.create_index(batch_op.f('ix_profile_student_id'), ['student_id'], unique=True)

    op.create_table('word_list',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('created_at', sa.Float(), nullable=False),
    sa.Column('updated_at', sa.Float(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('partition', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('class_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('words', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['class_id'], ['school_class.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('word_list', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_word_list_class_id'), ['class_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_word_list_partition'), ['partition'], unique=False)

    op.create_table('writing_task',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('created_at', sa.Float(), nullable=False),
    sa.Column('updated_at', sa.Float(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('partition', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('class_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('title', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('prompt', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('due_at', sa.Float(), nullable=False),
    sa.Column('checks', sa.JSON(), nullable=False),
    sa.Column('rubric', sa.JSON(), nullable=False),
    sa.Column('skill_ids', sa.JSON(), nullable=False),
    sa.Column('archived', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['class_id'], ['school_class.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('writing_task', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_writing_task_class_id'), ['class_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_writing_task_partition'), ['partition'], unique=False)

    op.create_table('attempt',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('created_at', sa.Float(), nullable=False),
    sa.Column('updated_at', sa.Float(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('partition', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('student_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('item_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('skill_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('answer', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('correct', sa.Boolean(), nullable=False),
    sa.Column('response_ms', sa.Integer(), nullable=False),
    sa.Column('at', sa.Float(), nullable=False),
    sa.Column('device', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('session_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.ForeignKeyConstraint(['item_id'], ['item.id'], ),
    sa.ForeignKeyConstraint(['skill_id'], ['skill.id'], ),
    sa.ForeignKeyConstraint(['student_id'], ['person.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('attempt', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_attempt_item_id'), ['item_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_attempt_partition'), ['partition'], unique=False)
        batch_op.create_index('ix_attempt_student_at', ['student_id', 'at'], unique=False)

    op.create_table('checkpoint',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('created_at', sa.Float(), nullable=False),
    sa.Column('updated_at', sa.Float(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('partition', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('challenge_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('title', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('due_at', sa.Float(), nullable=False),
    sa.Column('sort', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['challenge_id'], ['challenge.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('checkpoint', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_checkpoint_challenge_id'), ['challenge_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_checkpoint_partition'), ['partition'], unique=False)

    op.create_table('draft',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('created_at', sa.Float(), nullable=False),
    sa.Column('updated_at', sa.Float(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('partition', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('task_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('student_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('status', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('submitted_at', sa.Float(), nullable=False),
    sa.Column('returned_at', sa.Float(), nullable=False),
    sa.Column('feedback', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.ForeignKeyConstraint(['student_id'], ['person.id'], ),
    sa.ForeignKeyConstraint(['task_id'], ['writing_task.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('draft', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_draft_partition'), ['partition'], unique=False)
        batch_op.create_index(batch_op.f('ix_draft_student_id'), ['student_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_draft_task_id'), ['task_id'], unique=False)

    op.create_table('goal',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('created_at', sa.Float(), nullable=False),
    sa.Column('updated_at', sa.Float(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('partition', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('plan_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('student_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('title', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('why', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('skill_ids', sa.JSON(), nullable=False),
    sa.Column('path', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('target_date', sa.Float(), nullable=False),
    sa.Column('weekly_minutes', sa.Integer(), nullable=False),
    sa.Column('status', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('self_level', sa.Integer(), nullable=False),
    sa.Column('self_reflection', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('teacher_feedback', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('sort', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['plan_id'], ['plan.id'], ),
    sa.ForeignKeyConstraint(['student_id'], ['person.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('goal', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_goal_partition'), ['partition'], unique=False)
        batch_op.create_index(batch_op.f('ix_goal_plan_id'), ['plan_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_goal_student_id'), ['student_id'], unique=False)

    op.create_table('team',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('created_at', sa.Float(), nullable=False),
    sa.Column('updated_at', sa.Float(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('partition', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('challenge_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('member_ids', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['challenge_id'], ['challenge.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('team', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_team_challenge_id'), ['challenge_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_team_partition'), ['partition'], unique=False)

    op.create_table('draft_version',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('created_at', sa.Float(), nullable=False),
    sa.Column('updated_at', sa.Float(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('partition', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('draft_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('text', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('saved_at', sa.Float(), nullable=False),
    sa.Column('author_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('word_count', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['draft_id'], ['draft.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('draft_version', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_draft_version_draft_id'), ['draft_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_draft_version_partition'), ['partition'], unique=False)

    op.create_table('goal_evidence',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('created_at', sa.Float(), nullable=False),
    sa.Column('updated_at', sa.Float(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('partition', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('goal_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('ref_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('note', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.ForeignKeyConstraint(['goal_id'], ['goal.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('goal_evidence', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_goal_evidence_goal_id'), ['goal_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_goal_evidence_partition'), ['partition'], unique=False)

    op.create_table('milestone',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('created_at', sa.Float(), nullable=False),
    sa.Column('updated_at', sa.Float(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('partition', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('goal_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('title', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('due_at', sa.Float(), nullable=False),
    sa.Column('done', sa.Boolean(), nullable=False),
    sa.Column('done_at', sa.Float(), nullable=False),
    sa.ForeignKeyConstraint(['goal_id'], ['goal.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('milestone', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_milestone_goal_id'), ['goal_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_milestone_partition'), ['partition'], unique=False)

    op.create_table('rubric_score',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('created_at', sa.Float(), nullable=False),
    sa.Column('updated_at', sa.Float(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('partition', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('team_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('scores', sa.JSON(), nullable=False),
    sa.Column('comment', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.ForeignKeyConstraint(['team_id'], ['team.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('rubric_score', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_rubric_score_partition'), ['partition'], unique=False)
        batch_op.create_index(batch_op.f('ix_rubric_score_team_id'), ['team_id'], unique=False)

    op.create_table('team_checkpoint',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('created_at', sa.Float(), nullable=False),
    sa.Column('updated_at', sa.Float(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('partition', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('team_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('checkpoint_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('status', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.ForeignKeyConstraint(['checkpoint_id'], ['checkpoint.id'], ),
    sa.ForeignKeyConstraint(['team_id'], ['team.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('team_checkpoint', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_team_checkpoint_partition'), ['partition'], unique=False)
        batch_op.create_index(batch_op.f('ix_team_checkpoint_team_id'), ['team_id'], unique=False)

    op.create_table('team_log',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('created_at', sa.Float(), nullable=False),
    sa.Column('updated_at', sa.Float(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('partition', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('team_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('author_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('text', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('file_name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('file_sha256', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('file_size', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['team_id'], ['team.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('team_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_team_log_partition'), ['partition'], unique=False)
        batch_op.create_index(batch_op.f('ix_team_log_team_id'), ['team_id'], unique=False)

    op.create_table('draft_comment',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('created_at', sa.Float(), nullable=False),
    sa.Column('updated_at', sa.Float(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('partition', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('draft_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('version_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('author_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('quote', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('text', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.ForeignKeyConstraint(['draft_id'], ['draft.id'], ),
    sa.ForeignKeyConstraint(['version_id'], ['draft_version.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('draft_comment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_draft_comment_draft_id'), ['draft_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_draft_comment_partition'), ['partition'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('draft_comment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_draft_comment_partition'))
        batch_op.drop_index(batch_op.f('ix_draft_comment_draft_id'))

    op.drop_table('draft_comment')
    with op.batch_alter_table('team_log', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_team_log_team_id'))
        batch_op.drop_index(batch_op.f('ix_team_log_partition'))

    op.drop_table('team_log')
    with op.batch_alter_table('team_checkpoint', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_team_checkpoint_team_id'))
        batch_op.drop_index(batch_op.f('ix_team_checkpoint_partition'))

    op.drop_table('team_checkpoint')
    with op.batch_alter_table('rubric_score', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_rubric_score_team_id'))
        batch_op.drop_index(batch_op.f('ix_rubric_score_partition'))

    op.drop_table('rubric_score')
    with op.batch_alter_table('milestone', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_milestone_partition'))
        batch_op.drop_index(batch_op.f('ix_milestone_goal_id'))

    op.drop_table('milestone')
    with op.batch_alter_table('goal_evidence', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_goal_evidence_partition'))
        batch_op.drop_index(batch_op.f('ix_goal_evidence_goal_id'))

    op.drop_table('goal_evidence')
    with op.batch_alter_table('draft_version', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_draft_version_partition'))
        batch_op.drop_index(batch_op.f('ix_draft_version_draft_id'))

    op.drop_table('draft_version')
    with op.batch_alter_table('team', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_team_partition'))
        batch_op.drop_index(batch_op.f('ix_team_challenge_id'))

    op.drop_table('team')
    with op.batch_alter_table('goal', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_goal_student_id'))
        batch_op.drop_index(batch_op.f('ix_goal_plan_id'))
        batch_op.drop_index(batch_op.f('ix_goal_partition'))

    op.drop_table('goal')
    with op.batch_alter_table('draft', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_draft_task_id'))
        batch_op.drop_index(batch_op.f('ix_draft_student_id'))
        batch_op.drop_index(batch_op.f('ix_draft_partition'))

    op.drop_table('draft')
    with op.batch_alter_table('checkpoint', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_checkpoint_partition'))
        batch_op.drop_index(batch_op.f('ix_checkpoint_challenge_id'))

    op.drop_table('checkpoint')
    with op.batch_alter_table('attempt', schema=None) as batch_op:
        batch_op.drop_index('ix_attempt_student_at')
        batch_op.drop_index(batch_op.f('ix_attempt_partition'))
        batch_op.drop_index(batch_op.f('ix_attempt_item_id'))

    op.drop_table('attempt')
    with op.batch_alter_table('writing_task', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_writing_task_partition'))
        batch_op.drop_index(batch_op.f('ix_writing_task_class_id'))

    op.drop_table('writing_task')
    with op.batch_alter_table('word_list', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_word_list_partition'))
        batch_op.drop_index(batch_op.f('ix_word_list_class_id'))

    op.drop_table('word_list')
    with op.batch_alter_table('profile', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_profile_student_id'))
        batch_op.drop_index(batch_op.f('ix_profile_partition'))

    op.drop_table('profile')
    with op.batch_alter_table('practice_focus', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_practice_focus_student_id'))
        batch_op.drop_index(batch_op.f('ix_practice_focus_partition'))

    op.drop_table('practice_focus')
    with op.batch_alter_table('plan', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_plan_student_id'))
        batch_op.drop_index(batch_op.f('ix_plan_partition'))

    op.drop_table('plan')
    with op.batch_alter_table('item', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_item_skill_id'))
        batch_op.drop_index(batch_op.f('ix_item_partition'))

    op.drop_table('item')
    with op.batch_alter_table('enrollment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_enrollment_person_id'))
        batch_op.drop_index(batch_op.f('ix_enrollment_partition'))
        batch_op.drop_index(batch_op.f('ix_enrollment_class_id'))

    op.drop_table('enrollment')
    with op.batch_alter_table('check_in', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_check_in_student_id'))
        batch_op.drop_index(batch_op.f('ix_check_in_partition'))

    op.drop_table('check_in')
    with op.batch_alter_table('challenge', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_challenge_school_id'))
        batch_op.drop_index(batch_op.f('ix_challenge_partition'))
        batch_op.drop_index(batch_op.f('ix_challenge_class_id'))

    op.drop_table('challenge')
    with op.batch_alter_table('celebration', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_celebration_student_id'))
        batch_op.drop_index(batch_op.f('ix_celebration_partition'))

    op.drop_table('celebration')
    with op.batch_alter_table('account', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_account_username'))
        batch_op.drop_index(batch_op.f('ix_account_person_id'))
        batch_op.drop_index(batch_op.f('ix_account_partition'))

    op.drop_table('account')
    with op.batch_alter_table('skill', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_skill_partition'))
        batch_op.drop_index(batch_op.f('ix_skill_domain_id'))
        batch_op.drop_index(batch_op.f('ix_skill_code'))

    op.drop_table('skill')
    with op.batch_alter_table('school_class', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_school_class_school_id'))
        batch_op.drop_index(batch_op.f('ix_school_class_partition'))

    op.drop_table('school_class')
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_person_school_id'))
        batch_op.drop_index(batch_op.f('ix_person_role'))
        batch_op.drop_index(batch_op.f('ix_person_partition'))

    op.drop_table('person')
    op.drop_table('version_vector')
    op.drop_table('signin_attempt')
    with op.batch_alter_table('school', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_school_partition'))

    op.drop_table('school')
    op.drop_table('replica_state')
    op.drop_table('pending_change')
    op.drop_table('learner_skill_state')
    op.drop_table('item_stat')
    op.drop_table('field_clock')
    with op.batch_alter_table('domain', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_domain_partition'))
        batch_op.drop_index(batch_op.f('ix_domain_code'))

    op.drop_table('domain')
    with op.batch_alter_table('conflict_record', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_conflict_record_table_name'))
        batch_op.drop_index(batch_op.f('ix_conflict_record_row_id'))

    op.drop_table('conflict_record')
    with op.batch_alter_table('change', schema=None) as batch_op:
        batch_op.drop_index('ix_change_table_row')
        batch_op.drop_index(batch_op.f('ix_change_hlc'))

    op.drop_table('change')
    with op.batch_alter_table('audit_event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_event_partition'))
        batch_op.drop_index(batch_op.f('ix_audit_event_actor_id'))

    op.drop_table('audit_event')
