"""A team's work on a challenge: checkpoint status, progress notes and reflections, attached files,
and the teacher's rubric assessment."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from app.errors import InvalidInput, NotFound
from app.i18n import _
from app.models import Checkpoint, Person, RubricScore, TeamCheckpoint, TeamLog
from app.people.actor import Actor
from app.people.permissions import require_teacher
from app.planning import challenge_access as acc
from app.planning.attachments import FileStore, StoredFile
from app.planning.levels import CHECKPOINT_STATUSES, LEVELS
from app.store.database import Database

POST_KINDS = ("progress", "reflection")


@dataclass(frozen=True)
class LogView:
    id: str
    author_id: str
    author_name: str
    kind: str  # "progress" | "reflection" | "attachment"
    text: str
    file_name: str
    file_size: int
    at: float


class TeamWorkService:
    def __init__(self, db: Database, files_dir: Path | None = None) -> None:
        self.db = db
        self.files = FileStore(Path(files_dir) if files_dir else db.path.parent / "files")

    def set_status(self, actor: Actor, team_id: str, checkpoint_id: str, status: str) -> None:
        if status not in CHECKPOINT_STATUSES:
            raise InvalidInput(_("A checkpoint is not started, in progress or done."))
        with self.db.write() as s:
            team = acc.get_team(s, team_id)
            ch = acc.get_challenge(s, team.challenge_id)
            acc.require_team(s, actor, team, ch)
            if ch.status == "finished":
                raise InvalidInput(_("This challenge is finished."))
            cp = s.get(Checkpoint, checkpoint_id)
            if cp is None or cp.challenge_id != team.challenge_id:
                raise NotFound(_("That checkpoint is not part of this challenge."))
            row = (
                s.execute(
                    select(TeamCheckpoint).where(
                        TeamCheckpoint.team_id == team.id, TeamCheckpoint.checkpoint_id == cp.id
                    )
                )
                .scalars()
                .first()
            )
            if row is None:
                row = TeamCheckpoint(team_id=team.id, checkpoint_id=cp.id, partition=team.partition)
                s.add(row)
            row.status = status
            row.deleted = False

    def post(self, actor: Actor, team_id: str, kind: str, text: str) -> LogView:
        if kind not in POST_KINDS:
            raise InvalidInput(_("Post progress or a reflection."))
        text = (text or "").strip()
        if not text:
            raise InvalidInput(_("Write something first."))
        if len(text) > 4000:
            raise InvalidInput(_("Please keep a post under 4000 characters."))
        with self.db.write() as s:
            team = acc.get_team(s, team_id)
            acc.require_team(s, actor, team)
            log = TeamLog(
                team_id=team.id, author_id=actor.person_id, kind=kind, text=text, partition=team.partition
            )
            s.add(log)
            return LogView(log.id, actor.person_id, actor.name, kind, text, "", 0, log.created_at)

    def attach(self, actor: Actor, team_id: str, src: str | Path, note: str = "") -> LogView:
        """Check and copy a file into the data folder, then log it for the team."""
        with self.db.read() as s:  # check access before touching the file
            acc.require_team(s, actor, acc.get_team(s, team_id))
        stored: StoredFile = self.files.store(src)
        with self.db.write() as s:
            team = acc.get_team(s, team_id)
            acc.require_team(s, actor, team)
            log = TeamLog(
                team_id=team.id,
                author_id=actor.person_id,
                kind="attachment",
                text=(note or "").strip()[:500],
                file_name=stored.name,
                file_sha256=stored.sha256,
                file_size=stored.size,
                partition=team.partition,
            )
            s.add(log)
            return LogView(
                log.id,
                actor.person_id,
                actor.name,
                "attachment",
                log.text,
                stored.name,
                stored.size,
                log.created_at,
            )

    def logs(self, actor: Actor, team_id: str) -> list[LogView]:
        """Newest first."""
        with self.db.read() as s:
            team = acc.get_team(s, team_id)
            acc.require_team(s, actor, team)
            rows = list(
                s.execute(
                    select(TeamLog)
                    .where(TeamLog.team_id == team.id, TeamLog.deleted == False)
                    .order_by(TeamLog.created_at.desc())
                ).scalars()
            )
            authors = {
                p.id: p.full_name
                for p in s.execute(select(Person).where(Person.id.in_({r.author_id for r in rows}))).scalars()
            }
        return [
            LogView(
                r.id,
                r.author_id,
                authors.get(r.author_id, ""),
                r.kind,
                r.text,
                r.file_name,
                r.file_size,
                r.created_at,
            )
            for r in rows
        ]

    def file_path(self, actor: Actor, log_id: str) -> Path:
        with self.db.read() as s:
            log = s.get(TeamLog, log_id)
            if log is None or log.deleted or log.kind != "attachment":
                raise NotFound(_("That file is no longer attached."))
            acc.require_team(s, actor, acc.get_team(s, log.team_id))
        path = self.files.path_for(log.file_sha256, log.file_name)
        if not path.exists():
            raise NotFound(_("That file has not arrived on this computer yet; it comes with the next sync."))
        return path

    def assess(self, actor: Actor, team_id: str, scores: dict, comment: str = "") -> None:
        require_teacher(actor)
        with self.db.write() as s:
            team = acc.get_team(s, team_id)
            ch = acc.get_challenge(s, team.challenge_id)
            acc.require_team(s, actor, team, ch)  # a teacher of the team's class, or running it
            criteria = {r["criterion"] for r in ch.rubric or []}
            clean = {}
            for k, v in scores.items():
                if k not in criteria:
                    raise InvalidInput(_("“{k}” is not a criterion of this challenge's rubric.", k=k))
                if int(v) not in LEVELS:
                    raise InvalidInput(_("Rubric levels go from 1 (Beginning) to 4 (Extending)."))
                clean[k] = int(v)
            row = (
                s.execute(
                    select(RubricScore).where(RubricScore.team_id == team.id, RubricScore.deleted == False)
                )
                .scalars()
                .first()
            )
            if row is None:
                row = RubricScore(team_id=team.id, partition=team.partition)
                s.add(row)
            row.scores = clean
            row.comment = (comment or "").strip()[:4000]
            row.updated_at = time.time()
