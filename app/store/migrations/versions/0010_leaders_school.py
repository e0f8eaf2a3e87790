"""the school as a whole (issue 21): teachers' own notes, framework versions and adoptions, local
skills, success measures, the school library and its copies, and teams across classes. New tables
only; nothing existing changes.

Revision ID: 0010_leaders
Revises: 0009_signin
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '0010_leaders'
down_revision = '0009_signin'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # local caches of the leader's overview (never synced): practice minutes per student and month
    op.create_table('practice_month_cache',
    sa.Column('student_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('month', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('ms', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('student_id', 'month')
    )
    op.create_table('figure_mark',
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('value', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('name')
    )
    op.create_table('framework_adoption',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('created_at', sa.Float(), nullable=False),
    sa.Column('updated_at', sa.Float(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('partition', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('school_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('key', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('domain_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('adopted_by', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('framework_adoption', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_framework_adoption_partition'), ['partition'], unique=False)
        batch_op.create_index(batch_op.f('ix_framework_adoption_school_id'), ['school_id'], unique=False)

    op.create_table('framework_version',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('created_at', sa.Float(), nullable=False),
    sa.Column('updated_at', sa.Float(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('partition', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('school_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('key', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('title', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('source', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('body', sa.JSON(), nullable=False),
    sa.Column('mapping', sa.JSON(), nullable=False),
    sa.Column('published_by', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('framework_version', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_framework_version_key'), ['key'], unique=False)
        batch_op.create_index(batch_op.f('ix_framework_version_partition'), ['partition'], unique=False)
        batch_op.create_index(batch_op.f('ix_framework_version_school_id'), ['school_id'], unique=False)

    op.create_table('library_item',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('created_at', sa.Float(), nullable=False),
    sa.Column('updated_at', sa.Float(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('partition', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('school_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('title', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('summary', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('body', sa.JSON(), nullable=False),
    sa.Column('author_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('withdrawn', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('library_item', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_library_item_author_id'), ['author_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_library_item_partition'), ['partition'], unique=False)
        batch_op.create_index(batch_op.f('ix_library_item_school_id'), ['school_id'], unique=False)

    op.create_table('local_skill',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('created_at', sa.Float(), nullable=False),
    sa.Column('updated_at', sa.Float(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('partition', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('school_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('key', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('parent_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('code', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('description', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('wording', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('local_skill', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_local_skill_partition'), ['partition'], unique=False)
        batch_op.create_index(batch_op.f('ix_local_skill_school_id'), ['school_id'], unique=False)

    op.create_table('success_measure',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('created_at', sa.Float(), nullable=False),
    sa.Column('updated_at', sa.Float(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('partition', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('school_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('measure', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('term', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('target', sa.Float(), nullable=False),
    sa.Column('set_by', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('success_measure', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_success_measure_partition'), ['partition'], unique=False)
        batch_op.create_index(batch_op.f('ix_success_measure_school_id'), ['school_id'], unique=False)

    op.create_table('library_copy',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('created_at', sa.Float(), nullable=False),
    sa.Column('updated_at', sa.Float(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('partition', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('item_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('by_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('class_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('made_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.ForeignKeyConstraint(['item_id'], ['library_item.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('library_copy', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_library_copy_item_id'), ['item_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_library_copy_partition'), ['partition'], unique=False)

    op.create_table('teacher_note',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('created_at', sa.Float(), nullable=False),
    sa.Column('updated_at', sa.Float(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('partition', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('student_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('class_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('author_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('text', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('shared', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.ForeignKeyConstraint(['student_id'], ['person.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('teacher_note', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_teacher_note_author_id'), ['author_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_teacher_note_class_id'), ['class_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_teacher_note_partition'), ['partition'], unique=False)
        batch_op.create_index(batch_op.f('ix_teacher_note_student_id'), ['student_id'], unique=False)

    op.create_table('team_member',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('created_at', sa.Float(), nullable=False),
    sa.Column('updated_at', sa.Float(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('partition', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('team_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('student_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('class_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.ForeignKeyConstraint(['student_id'], ['person.id'], ),
    sa.ForeignKeyConstraint(['team_id'], ['team.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('team_member', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_team_member_class_id'), ['class_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_team_member_partition'), ['partition'], unique=False)
        batch_op.create_index(batch_op.f('ix_team_member_student_id'), ['student_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_team_member_team_id'), ['team_id'], unique=False)



def downgrade() -> None:
    op.drop_table('figure_mark')
    op.drop_table('practice_month_cache')
    with op.batch_alter_table('team_member', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_team_member_team_id'))
        batch_op.drop_index(batch_op.f('ix_team_member_student_id'))
        batch_op.drop_index(batch_op.f('ix_team_member_partition'))
        batch_op.drop_index(batch_op.f('ix_team_member_class_id'))

    op.drop_table('team_member')
    with op.batch_alter_table('teacher_note', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_teacher_note_student_id'))
        batch_op.drop_index(batch_op.f('ix_teacher_note_partition'))
        batch_op.drop_index(batch_op.f('ix_teacher_note_class_id'))
        batch_op.drop_index(batch_op.f('ix_teacher_note_author_id'))

    op.drop_table('teacher_note')
    with op.batch_alter_table('library_copy', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_library_copy_partition'))
        batch_op.drop_index(batch_op.f('ix_library_copy_item_id'))

    op.drop_table('library_copy')
    with op.batch_alter_table('success_measure', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_success_measure_school_id'))
        batch_op.drop_index(batch_op.f('ix_success_measure_partition'))

    op.drop_table('success_measure')
    with op.batch_alter_table('local_skill', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_local_skill_school_id'))
        batch_op.drop_index(batch_op.f('ix_local_skill_partition'))

    op.drop_table('local_skill')
    with op.batch_alter_table('library_item', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_library_item_school_id'))
        batch_op.drop_index(batch_op.f('ix_library_item_partition'))
        batch_op.drop_index(batch_op.f('ix_library_item_author_id'))

    op.drop_table('library_item')
    with op.batch_alter_table('framework_version', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_framework_version_school_id'))
        batch_op.drop_index(batch_op.f('ix_framework_version_partition'))
        batch_op.drop_index(batch_op.f('ix_framework_version_key'))

    op.drop_table('framework_version')
    with op.batch_alter_table('framework_adoption', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_framework_adoption_school_id'))
        batch_op.drop_index(batch_op.f('ix_framework_adoption_partition'))

    op.drop_table('framework_adoption')
